// libFuzzer target: the options JSON the WebAssembly boundary takes from the host page. Any text
// gives options or a std::invalid_argument naming the problem; options that parse then analyze and
// score a small fixed input to a valid report or a clear InputError, whatever limits, weights,
// clock, fields or format they set.
#include <cstddef>
#include <cstdint>
#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "loopscore/analysis.hpp"

namespace {

constexpr std::string_view kInput =
    R"({"id":"1","author":"@acme","text":"How do I reset my password?","created_at":"2024-03-04T10:00:00Z","likes":3}
{"id":"2","author":"@acme","text":"Thanks, that helped!","in_reply_to":"1","created_at":"2024-03-04T11:30:00+01:00"}
{"id":"3","author":"@bob","text":"@acme your app is broken again","created_at":"2024-03-09T23:59:59Z","reposts":2}
)";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  loopscore::AnalysisOptions options;
  try {
    options = loopscore::parse_options_json(text);
  } catch (const std::invalid_argument&) {
    return 0;  // a bad option, named
  }
  options.read.limits.max_input_bytes = std::min<std::size_t>(options.read.limits.max_input_bytes, 1 << 20);
  try {
    if (!nlohmann::json::accept(loopscore::analyze_to_string(kInput, options))) std::abort();
  } catch (const loopscore::InputError&) {
  }
  try {
    loopscore::score_to_string(kInput, options);
  } catch (const loopscore::InputError&) {
  }
  return 0;
}
