// Format names, detection, and the entry point that runs the right reader.
#include "loopscore/readers.hpp"

#include "read_context.hpp"
#include "utf8.hpp"

namespace loopscore {

std::string_view format_name(InputFormat format) {
  switch (format) {
    case InputFormat::text: return "text";
    case InputFormat::json: return "json";
    case InputFormat::jsonl: return "jsonl";
    case InputFormat::automatic: break;
  }
  return "auto";
}

std::optional<InputFormat> parse_format(std::string_view name) {
  for (InputFormat f : {InputFormat::automatic, InputFormat::text, InputFormat::json, InputFormat::jsonl}) {
    if (name == format_name(f)) return f;
  }
  if (name == "ndjson") return InputFormat::jsonl;
  if (name == "txt" || name == "plain") return InputFormat::text;
  return std::nullopt;
}

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string_view skip_space(std::string_view s) {
  const std::size_t first = s.find_first_not_of(" \t\r\n");
  return first == std::string_view::npos ? std::string_view{} : s.substr(first);
}

}  // namespace

InputFormat detect_format(std::string_view input) {
  if (input.substr(0, kBom.size()) == kBom) input.remove_prefix(kBom.size());
  const std::string_view body = skip_space(input);
  if (body.empty()) return InputFormat::text;
  if (body.front() == '[') return InputFormat::json;
  if (body.front() != '{') return InputFormat::text;
  // An object: JSON Lines when the first line holds a whole object and more lines follow
  // (or it is the only line); a JSON document when the object spans lines.
  std::string_view first_line = body.substr(0, body.find('\n'));
  while (!first_line.empty() && (first_line.back() == '\r' || first_line.back() == ' ')) first_line.remove_suffix(1);
  return !first_line.empty() && first_line.back() == '}' ? InputFormat::jsonl : InputFormat::json;
}

bool FieldMapping::prefer(std::string_view field, std::string name) {
  std::vector<std::string>* list = nullptr;
  if (field == "id") list = &id;
  else if (field == "author") list = &author;
  else if (field == "text") list = &text;
  else if (field == "created_at") list = &created_at;
  else if (field == "in_reply_to") list = &in_reply_to;
  else if (field == "in_reply_to_author") list = &in_reply_to_author;
  else if (field == "likes") list = &likes;
  else if (field == "reposts") list = &reposts;
  else if (field == "replies") list = &replies;
  else if (field == "quotes") list = &quotes;
  else if (field == "url") list = &url;
  if (list == nullptr) return false;
  list->insert(list->begin(), std::move(name));
  return true;
}

ReadSummary read_posts(std::string_view input, const ReadOptions& options, const PostSink& sink,
                       const SkipSink& on_skip) {
  ReadSummary summary;
  if (input.size() > options.limits.max_input_bytes) {
    throw InputError("input is " + std::to_string(input.size()) + " bytes, over the limit of " +
                         std::to_string(options.limits.max_input_bytes) + " bytes (max_input_bytes)",
                     SourceLocation{});
  }
  // Readers and everything after them may assume valid UTF-8: repair it once, up front.
  std::string repaired;
  if (!is_valid_utf8(input)) {
    summary.invalid_utf8_replaced = repair_utf8(input, repaired);
    input = repaired;
  }
  if (input.substr(0, kBom.size()) == kBom) input.remove_prefix(kBom.size());
  if (skip_space(input).empty()) {
    throw InputError(input.empty() ? "the input is empty: no posts" : "the input holds only white space: no posts",
                     SourceLocation{});
  }
  summary.format = options.format == InputFormat::automatic ? detect_format(input) : options.format;
  ReadContext context(input, options, sink, on_skip, summary);
  switch (summary.format) {
    case InputFormat::json: read_json_document(context); break;
    case InputFormat::jsonl: read_json_lines(context); break;
    default: read_text(context); break;
  }
  if (summary.records_used == 0) {
    if (!summary.skipped.empty()) {
      const RecordIssue& first = summary.skipped.front();
      throw InputError("no usable posts: all " + std::to_string(summary.records_read) +
                           " records were skipped; the first: " + first.reason,
                       first.where);
    }
    throw InputError("no posts found", SourceLocation{});
  }
  return summary;
}

std::vector<Post> read_all_posts(std::string_view input, const ReadOptions& options, ReadSummary* summary) {
  std::vector<Post> posts;
  ReadSummary result = read_posts(input, options, [&posts](Post& post) { posts.push_back(std::move(post)); });
  if (summary != nullptr) *summary = std::move(result);
  return posts;
}

}  // namespace loopscore
