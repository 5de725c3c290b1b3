// libFuzzer target: partials (docs/scaling.md). Two properties on arbitrary bytes:
// - read as posts, written as a partial and merged back, they give the very report `analyze`
//   writes for them (an InputError is fine, as long as both paths throw it);
// - read as a partial themselves, they end in a report or an InputError, never a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "loopscore/analysis.hpp"
#include "loopscore/input_error.hpp"

namespace {

loopscore::AnalysisOptions options() {
  loopscore::AnalysisOptions o;
  o.read.limits.max_input_bytes = 1 << 20;
  return o;
}

// The report over `input` read directly, or "error" when it is not usable.
std::string direct_report(std::string_view input) {
  try {
    return loopscore::analyze_to_string(input, options());
  } catch (const loopscore::InputError&) {
    return "error";
  }
}

// The same through a partial.
std::string report_through_partial(std::string_view input) {
  std::string partial;
  try {
    loopscore::AnalyzeSession map(options());
    map.begin_input("input");
    map.feed(input);
    map.end_input();
    map.write_partial([&](std::string_view piece) { partial += piece; });
  } catch (const loopscore::InputError&) {
    return "error";
  }
  loopscore::AnalyzeSession merge(options());
  merge.begin_partial();
  merge.feed(partial.substr(0, partial.size() / 2));  // pieces split anywhere, even mid-line
  merge.feed(partial.substr(partial.size() / 2));
  merge.end_input();  // a partial we wrote must merge: an InputError here escapes and crashes
  std::string report;
  merge.write_report([&](std::string_view piece) { report += piece; });
  return report;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (direct_report(input) != report_through_partial(input)) std::abort();
  try {
    loopscore::AnalyzeSession session(options());
    session.begin_partial();
    session.feed(input);
    session.end_input();
    std::string report;
    session.write_report([&](std::string_view piece) { report += piece; });
    if (!nlohmann::json::accept(report)) std::abort();
  } catch (const loopscore::InputError&) {
  }
  return 0;
}
