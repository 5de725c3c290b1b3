// JSON documents (an array of post objects, or one object) and JSON Lines (one object a line).
#include <nlohmann/json.hpp>

#include "json_fields.hpp"
#include "read_context.hpp"

namespace loopscore {

namespace {

using nlohmann::json;

void check_nesting(ReadContext& context, std::string_view text, std::size_t base_offset, std::size_t record,
                   std::vector<std::size_t>* element_starts) {
  const std::size_t deep = scan_json_nesting(text, context.limits().max_depth, element_starts);
  if (deep != std::string_view::npos) {
    throw InputError("JSON nested deeper than " + std::to_string(context.limits().max_depth) + " levels (max_depth)",
                     context.at(base_offset + deep, record));
  }
}

// Maps one parsed record to a post and hands it on, or skips it with the reason.
void take_record(ReadContext& context, const json& record, SourceLocation where, Post& post,
                 std::vector<std::string>& warnings) {
  post.clear();
  warnings.clear();
  const std::string problem = post_from_json(record, context.options().fields, post, warnings);
  if (!problem.empty()) {
    context.skip(std::move(where), problem);
    return;
  }
  for (std::string& warning : warnings) context.warn(where, std::move(warning));
  context.use(post, where);
}

}  // namespace

void read_json_document(ReadContext& context) {
  const std::string_view input = context.input();
  std::vector<std::size_t> element_starts;
  check_nesting(context, input, 0, 0, &element_starts);
  json document;
  try {
    document = json::parse(input.begin(), input.end());
  } catch (const json::parse_error& e) {
    // e.byte is 1-based and points just past the offending character.
    throw InputError("invalid JSON: " + clean_parse_error(e.what()), context.at(e.byte == 0 ? 0 : e.byte - 1));
  }
  Post post;
  std::vector<std::string> warnings;
  if (document.is_array()) {
    if (document.empty()) throw InputError("the JSON array is empty: no posts", context.at(0));
    for (std::size_t i = 0; i < document.size(); ++i) {
      SourceLocation where = context.at(i < element_starts.size() ? element_starts[i] : 0, i + 1);
      where.pointer = "/" + std::to_string(i);
      take_record(context, document[i], std::move(where), post, warnings);
    }
    return;
  }
  take_record(context, document, context.at(0, 1), post, warnings);
}

void read_json_lines(ReadContext& context) {
  const std::string_view input = context.input();
  Post post;
  std::vector<std::string> warnings;
  std::size_t start = 0, record = 0;
  while (start < input.size()) {
    std::size_t end = input.find('\n', start);
    if (end == std::string_view::npos) end = input.size();
    std::string_view line = input.substr(start, end - start);
    const std::size_t line_start = start;
    start = end + 1;
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) continue;  // blank lines are not records
    ++record;
    SourceLocation where = context.at(line_start + first, record);
    if (scan_json_nesting(line, context.limits().max_depth, nullptr) != std::string_view::npos) {
      context.skip(std::move(where),
                   "JSON nested deeper than " + std::to_string(context.limits().max_depth) + " levels (max_depth)");
      continue;
    }
    json value;
    try {
      value = json::parse(line.begin(), line.end());
    } catch (const json::parse_error& e) {
      SourceLocation at = context.at(line_start + (e.byte == 0 ? 0 : e.byte - 1), record);
      context.skip(std::move(at), "invalid JSON: " + clean_parse_error(e.what()));
      continue;
    }
    take_record(context, value, std::move(where), post, warnings);
  }
}

}  // namespace loopscore
