// libFuzzer target: one reader (LOOPSCORE_FUZZ_FORMAT, "auto" sniffs) on arbitrary bytes.
// Besides not crashing, reading in two pieces must give exactly what reading whole gives.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "loopscore/readers.hpp"

namespace {

struct Outcome {
  std::string posts;  // every field of every post, concatenated
  std::string error;  // the InputError text, if any
  std::size_t read = 0, used = 0, skipped = 0;
};

void append(std::string& out, const loopscore::Post& p) {
  out += p.id + '\x1f' + p.author + '\x1f' + p.text + '\x1f' + p.reply_to_id + '\x1f' +
         std::to_string(p.created_at.value_or(-1)) + '\x1f' + std::to_string(p.likes.value_or(-1)) + '\x1e';
}

Outcome read(std::string_view input, std::size_t split) {
  loopscore::ReadOptions options;
  options.format = *loopscore::parse_format(LOOPSCORE_FUZZ_FORMAT);
  options.limits.max_input_bytes = 1 << 20;
  Outcome outcome;
  try {
    loopscore::PostStreamReader reader(options, [&](loopscore::Post& p) { append(outcome.posts, p); });
    reader.feed(input.substr(0, split));
    reader.feed(input.substr(split));
    const loopscore::ReadSummary summary = reader.finish();
    outcome.read = summary.records_read;
    outcome.used = summary.records_used;
    outcome.skipped = summary.records_skipped;
  } catch (const loopscore::InputError& e) {
    outcome.error = e.what();
  }
  return outcome;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const Outcome whole = read(input, input.size());
  const Outcome split = read(input, input.size() / 2);
  if (whole.posts != split.posts || whole.error != split.error || whole.used != split.used ||
      whole.skipped != split.skipped) {
    std::abort();  // splitting the input changed what was read
  }
  if (whole.read != whole.used + whole.skipped) std::abort();
  return 0;
}
