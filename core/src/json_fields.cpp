#include "json_fields.hpp"

#include <charconv>
#include <cmath>

#include "loopscore/time.hpp"
#include "read_context.hpp"
#include "utf8.hpp"

namespace loopscore {

using nlohmann::json;

namespace {

// Follows a dotted path ("user.screen_name") through nested objects.
const json* at_path(const json& object, std::string_view path) {
  const json* node = &object;
  while (true) {
    if (!node->is_object()) return nullptr;
    const std::size_t dot = path.find('.');
    const auto it = node->find(path.substr(0, dot));  // a transparent comparator: no std::string made
    if (it == node->end()) return nullptr;
    node = &*it;
    if (dot == std::string_view::npos) return node;
    path.remove_prefix(dot + 1);
  }
}

// First present, non-null value among the candidate names, with the name that matched.
const json* first_field(const json& object, const std::vector<std::string>& names, std::string* matched) {
  for (const std::string& name : names) {
    const json* value = at_path(object, name);
    if (value != nullptr && !value->is_null()) {
      if (matched != nullptr) *matched = name;
      return value;
    }
  }
  return nullptr;
}

// A person as a string, or as an object carrying one of the usual handle fields.
bool author_to_string(const json& value, std::string& out) {
  if (scalar_to_string(value, out)) return true;
  if (!value.is_object()) return false;
  for (const char* key : {"screen_name", "username", "acct", "handle", "name", "id"}) {
    const auto it = value.find(key);
    if (it != value.end() && scalar_to_string(*it, out)) return true;
  }
  return false;
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += ", ";
    out += '"' + name + '"';
  }
  return out;
}

}  // namespace

bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos; }

std::optional<std::int64_t> count_from_string(std::string_view text) {
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec == std::errc() && end == text.data() + text.size() && v >= 0) return v;
  return std::nullopt;
}

std::optional<TimeMs> time_from_unix(std::int64_t value) {
  if (value < 0) return std::nullopt;
  return value < 100'000'000'000 ? value * 1000 : value;  // seconds until the year 5138, else milliseconds
}

bool scalar_to_string(const json& value, std::string& out) {
  if (value.is_string()) {
    out = value.get_ref<const std::string&>();
  } else if (value.is_number_unsigned()) {
    out = std::to_string(value.get<std::uint64_t>());
  } else if (value.is_number_integer()) {
    out = std::to_string(value.get<std::int64_t>());
  } else {
    return false;
  }
  return true;
}

const json* member(const json& value, std::string_view key) {
  if (!value.is_object()) return nullptr;
  const auto it = value.find(key);
  return it == value.end() || it->is_null() ? nullptr : &*it;
}

std::string_view string_member(const json& value, std::string_view key) {
  const json* m = member(value, key);
  return m != nullptr && m->is_string() ? std::string_view(m->get_ref<const std::string&>()) : std::string_view();
}

std::optional<std::int64_t> to_count(const json& value) {
  if (value.is_number_unsigned()) {
    const auto v = value.get<std::uint64_t>();
    if (v <= static_cast<std::uint64_t>(INT64_MAX)) return static_cast<std::int64_t>(v);
    return std::nullopt;
  }
  if (value.is_number_integer()) {
    const auto v = value.get<std::int64_t>();
    return v >= 0 ? std::optional(v) : std::nullopt;
  }
  if (value.is_string()) return count_from_string(value.get_ref<const std::string&>());  // X archives
  return std::nullopt;
}

std::optional<std::int64_t> count_member(const json& value, std::string_view key) {
  const json* m = member(value, key);
  return m == nullptr ? std::nullopt : to_count(*m);
}

std::optional<TimeMs> to_time(const json& value) {
  if (value.is_string()) return parse_time(value.get_ref<const std::string&>());
  if (value.is_number_integer() || value.is_number_unsigned()) return time_from_unix(value.get<std::int64_t>());
  if (value.is_number_float()) {
    const double v = value.get<double>();
    if (!(v >= 0 && v < 1e15)) return std::nullopt;  // also refuses NaN
    // v * 1000 and the rounding are exact IEEE operations: native and wasm agree.
    return v < 1e11 ? static_cast<TimeMs>(std::llround(v * 1000)) : static_cast<TimeMs>(std::llround(v));
  }
  return std::nullopt;
}

std::string describe_type(const json& value) {
  switch (value.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    default: return "a number";
  }
}

std::string post_from_json(const json& record, const FieldMapping& fields, Post& post,
                           std::vector<std::string>& warnings) {
  if (record.is_string()) {
    post.text = record.get_ref<const std::string&>();
    return is_blank(post.text) ? "empty text" : "";
  }
  if (!record.is_object()) return "is " + describe_type(record) + ", not an object with a text field";

  std::string name;
  const json* text = first_field(record, fields.text, &name);
  if (text == nullptr) return "no text field (looked for " + quoted_list(fields.text) + ")";
  if (!text->is_string()) return "field \"" + name + "\" is " + describe_type(*text) + ", not a string";
  post.text = text->get_ref<const std::string&>();
  if (is_blank(post.text)) return "empty text in field \"" + name + "\"";

  if (const json* v = first_field(record, fields.id, &name); v != nullptr && !scalar_to_string(*v, post.id)) {
    warnings.push_back("field \"" + name + "\" is " + describe_type(*v) + ", not an id; id left empty");
  }
  if (const json* v = first_field(record, fields.author, &name); v != nullptr && !author_to_string(*v, post.author)) {
    warnings.push_back("field \"" + name + "\" is " + describe_type(*v) + ", not an author name");
  }
  if (const json* v = first_field(record, fields.created_at, &name); v != nullptr) {
    post.created_at = to_time(*v);
    if (!post.created_at) {
      warnings.push_back("field \"" + name + "\" (" + v->dump().substr(0, 60) + ") is not a date; time left unknown");
    }
  }
  if (const json* v = first_field(record, fields.in_reply_to, &name); v != nullptr) {
    if (scalar_to_string(*v, post.reply_to_id)) {
      post.kind = PostKind::reply;
    } else {
      warnings.push_back("field \"" + name + "\" is " + describe_type(*v) + ", not a post id");
    }
  }
  if (const json* v = first_field(record, fields.in_reply_to_author, &name); v != nullptr) {
    author_to_string(*v, post.reply_to_author);
  }
  if (const json* v = first_field(record, fields.url, &name); v != nullptr && v->is_string()) {
    post.url = v->get_ref<const std::string&>();
  }
  const auto count = [&](const std::vector<std::string>& names, std::optional<std::int64_t>& target) {
    if (const json* v = first_field(record, names, &name); v != nullptr) {
      target = to_count(*v);
      if (!target) warnings.push_back("field \"" + name + "\" (" + v->dump().substr(0, 40) + ") is not a count");
    }
  };
  count(fields.likes, post.likes);
  count(fields.reposts, post.reposts);
  count(fields.replies, post.replies);
  count(fields.quotes, post.quotes);

  if (const auto it = record.find("kind"); it != record.end() && it->is_string()) {
    const std::string& kind = it->get_ref<const std::string&>();
    if (kind == "repost") post.kind = PostKind::repost;
    else if (kind == "quote") post.kind = PostKind::quote;
    else if (kind == "reply") post.kind = PostKind::reply;
    else if (kind == "original") post.kind = PostKind::original;
    else warnings.push_back("field \"kind\" is \"" + kind.substr(0, 40) + "\", not original, reply, repost or quote");
  }
  return "";
}

void use_mapped_record(ReadContext& context, const json& record, const SourceLocation& where, Post& post) {
  post.clear();
  std::vector<std::string> warnings;
  std::string problem = post_from_json(record, context.options().fields, post, warnings);
  if (!problem.empty()) {
    context.skip(where, std::move(problem));
    return;
  }
  for (std::string& warning : warnings) context.warn(where, std::move(warning));
  context.use(post, where);
}

std::string clean_parse_error(const std::string& what) {
  std::string message = what;
  if (const auto bracket = message.find("] ");
      message.rfind("[json.exception", 0) == 0 && bracket != std::string::npos) {
    message.erase(0, bracket + 2);
  }
  // "parse error at line 3, column 15: syntax error while parsing ..." -> "syntax error while parsing ..."
  if (message.rfind("parse error", 0) == 0) {
    if (const auto colon = message.find(": "); colon != std::string::npos) message.erase(0, colon + 2);
  }
  // The parser quotes what it last read ("last read: '...'"), which may end inside a character
  // (or be bytes that never were one): the message goes into reports as JSON text, so it must be
  // well-formed UTF-8 (fuzz_analyze found a report that could not be written).
  std::string repaired;
  repair_utf8(message, repaired);
  return repaired;
}

}  // namespace loopscore
