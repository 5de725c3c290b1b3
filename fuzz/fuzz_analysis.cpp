// libFuzzer target: `analyze` (LOOPSCORE_FUZZ_ANALYZE=1) or `score` on arbitrary bytes. Any input
// ends in a report or an InputError; the output is always valid JSON (one document, or one per line).
// The options vary with the input (its size and last byte pick them, so seeds stay plain files):
// owner, clock, business hours, followers, include_posts, and one input or two (an AnalyzeSession
// over two "files", or a ScoreSession fed in two pieces).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "loopscore/analysis.hpp"

namespace {

loopscore::AnalysisOptions pick_options(unsigned pick) {
  loopscore::AnalysisOptions options;
  options.read.limits.max_input_bytes = 1 << 20;
  options.include_posts = (pick & 1) == 0;
  static constexpr int kOffsets[] = {0, 60, -300, 330, 840, -720, 345, -1};
  options.loop.utc_offset_minutes = kOffsets[(pick >> 1) & 7];
  if (pick & 16) {
    options.loop.business_start_hour = 0;
    options.loop.business_end_hour = 24;
  }
  if (pick & 32) options.loop.followers = (pick & 64) ? 0 : INT64_MAX;
  if (pick & 128) options.loop.owner = (pick & 64) ? "@a" : "nobody-here";
  return options;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const unsigned pick = size == 0 ? 0u : (data[size - 1] ^ static_cast<unsigned>(size * 7));
  const loopscore::AnalysisOptions options = pick_options(pick);
  const bool two = (size % 3) == 0 && size > 1;  // a third of the inputs go in as two
  std::string output;
  try {
#if LOOPSCORE_FUZZ_ANALYZE
    if (two) {
      // Two inputs in one session, each in two pieces: the report covers both.
      loopscore::AnalyzeSession session(options);
      const std::size_t half = size / 2;
      for (const std::string_view part : {input.substr(0, half), input.substr(half)}) {
        session.begin_input("part");
        session.feed(part.substr(0, part.size() / 3));
        session.feed(part.substr(part.size() / 3));
        session.end_input();
      }
      session.write_report([&](std::string_view piece) { output += piece; });
    } else {
      output = loopscore::analyze_to_string(input, options);
    }
    if (!nlohmann::json::accept(output)) std::abort();
#else
    if (two) {
      loopscore::ScoreSession session(options, [&](std::string_view piece) { output += piece; });
      session.feed(input.substr(0, size / 2));
      session.feed(input.substr(size / 2));
      session.finish();
    } else {
      output = loopscore::score_to_string(input, options);
    }
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
      if (!nlohmann::json::accept(line)) std::abort();
    }
#endif
  } catch (const loopscore::InputError&) {
    // A clear error is a fine outcome for hostile input.
  }
  return 0;
}
