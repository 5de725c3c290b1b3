// libFuzzer target: `analyze` (LOOPSCORE_FUZZ_ANALYZE=1) or `score` on arbitrary bytes. Any input
// ends in a report or an InputError; the output is always valid JSON (one document, or one per line).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "loopscore/analysis.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  loopscore::AnalysisOptions options;
  options.read.limits.max_input_bytes = 1 << 20;
  std::string output;
  try {
#if LOOPSCORE_FUZZ_ANALYZE
    output = loopscore::analyze_to_string(input, options);
    if (!nlohmann::json::accept(output)) std::abort();
#else
    output = loopscore::score_to_string(input, options);
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
