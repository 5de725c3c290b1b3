// JSON Lines: one post object a line, fields found through the FieldMapping. A line that is not
// valid JSON is skipped with the place of the error; blank lines are not records.
#include <optional>

#include "flat_json.hpp"
#include "format_reader.hpp"
#include "json_fields.hpp"
#include "json_stream.hpp"

namespace loopscore {

namespace {

using nlohmann::json;

class JsonLinesReader : public FormatReader {
 public:
  void read(ReadContext& context) override {
    if (!fields_) fields_.emplace(context.options().fields);
    std::string_view line;
    std::size_t offset = 0;
    while (lines_.next(context, line, offset)) {
      const std::size_t first = line.find_first_not_of(" \t\r");
      if (first == std::string_view::npos) continue;
      const std::size_t record = context.next_record();
      // The usual record, a flat object with usable fields, is read without a DOM (and its line
      // and column are counted only if a message needs them); anything else takes the DOM path
      // below, which words every skip and warning.
      if (context.limits().max_depth >= 1 && flat_.parse(line) &&
          post_from_flat(flat_, *fields_, post_)) {
        context.use_at(post_, offset + first, record);
        continue;
      }
      SourceLocation where = context.at(offset + first, record);
      if (scan_json_nesting(line, context.limits().max_depth) != std::string_view::npos) {
        context.skip(std::move(where), nesting_message(context.limits().max_depth));
        continue;
      }
      json value;
      try {
        value = json::parse(line.begin(), line.end());
      } catch (const json::parse_error& e) {
        SourceLocation at = context.at(offset + (e.byte == 0 ? 0 : e.byte - 1), record);
        context.skip(std::move(at), "invalid JSON: " + clean_parse_error(e.what()));
        continue;
      } catch (const json::exception& e) {  // a number too large for a double ("1e999") has no position
        context.skip(where, "invalid JSON: " + clean_parse_error(e.what()));
        continue;
      }
      use_mapped_record(context, value, where, post_);
    }
  }

 private:
  LineSplitter lines_;
  FlatObject flat_;
  std::optional<FlatFields> fields_;  // made from the options at the first read
  Post post_;
};

}  // namespace

std::unique_ptr<FormatReader> make_jsonl_reader() { return std::make_unique<JsonLinesReader>(); }

}  // namespace loopscore
