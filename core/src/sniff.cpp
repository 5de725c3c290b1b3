// Guessing the format of an input from its first bytes: XML feeds by their root element, X
// archives by their `window.YTD` prefix, JSON by the shape of its first value (parsed as far as
// the first kSniffBytes go), CSV by a header naming a text column; anything else is plain text.
#include <nlohmann/json.hpp>

#include "csv.hpp"
#include "format_reader.hpp"
#include "json_fields.hpp"
#include "json_input.hpp"

namespace loopscore {

namespace {

using nlohmann::json;

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string_view skip_space(std::string_view s) {
  const std::size_t first = s.find_first_not_of(" \t\r\n");
  return first == std::string_view::npos ? std::string_view{} : s.substr(first);
}

// Builds the JSON value a text begins with, as far as the text goes: containers the text cuts
// off are closed where it ends, a value it cuts off is a "discarded" placeholder (a nlohmann SAX
// handler).
class PrefixBuilder {
 public:
  explicit PrefixBuilder(std::size_t max_depth) : max_depth_(max_depth) {}

  json root;

  bool null() { return add(json(nullptr)) != nullptr; }
  bool boolean(bool v) { return add(json(v)) != nullptr; }
  bool number_integer(json::number_integer_t v) { return add(json(v)) != nullptr; }
  bool number_unsigned(json::number_unsigned_t v) { return add(json(v)) != nullptr; }
  bool number_float(json::number_float_t v, const std::string&) { return add(json(v)) != nullptr; }
  bool string(std::string& v) { return add(json(std::move(v))) != nullptr; }
  bool binary(json::binary_t&) { return false; }
  bool start_object(std::size_t) { return open(json::object()); }
  bool key(std::string& k) {
    key_ = std::move(k);
    // A placeholder until the value arrives: a key whose value the prefix cuts off still counts.
    if (!stack_.empty() && stack_.back()->is_object()) (*stack_.back())[key_] = json(json::value_t::discarded);
    return true;
  }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_array() { return close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

 private:
  json* add(json value) {
    if (stack_.empty()) {
      if (done_) return nullptr;  // a second value: JSON Lines
      root = std::move(value);
      done_ = true;
      return &root;
    }
    json& top = *stack_.back();
    if (top.is_array()) {
      top.push_back(std::move(value));
      return &top.back();
    }
    json& slot = top[key_];
    slot = std::move(value);
    return &slot;
  }
  bool open(json container) {
    if (stack_.size() >= max_depth_) return false;
    json* added = add(std::move(container));
    if (added == nullptr) return false;
    stack_.push_back(added);
    return true;
  }
  bool close() {
    stack_.pop_back();
    return true;
  }

  std::size_t max_depth_;
  std::vector<json*> stack_;
  std::string key_;
  bool done_ = false;
};

json parse_prefix(std::string_view text) {
  PrefixBuilder builder(64);
  json::sax_parse(text.begin(), text.end(), &builder, nlohmann::detail::input_format_t::json, false);
  return std::move(builder.root);
}

bool has(const json& value, std::string_view key) { return member(value, key) != nullptr; }

bool is_type(const json& value, std::initializer_list<std::string_view> types) {
  const std::string_view type = string_member(value, "type");
  for (std::string_view t : types) {
    if (type == t) return true;
  }
  return false;
}

bool is_at_uri(const json& value, std::string_view key) { return starts_with(string_member(value, key), "at://"); }

bool is_reddit_thing(const json& value) {
  const std::string_view kind = string_member(value, "kind");
  return has(value, "data") && (kind == "Listing" || kind == "t1" || kind == "t3" || kind == "more");
}

// A Facebook export entry: {"timestamp": ..., "data": [...], "title": ...}.
bool is_facebook_entry(const json& value) {
  return has(value, "timestamp") && (has(value, "data") || has(value, "attachments") || has(value, "title"));
}

// The format of one element of a top-level array.
InputFormat classify_element(const json& e) {
  if (!e.is_object()) return InputFormat::json;
  if (has(e, "tweet")) return InputFormat::x_archive;
  if (is_reddit_thing(e)) return InputFormat::reddit;
  const json* account = member(e, "account");
  if (account != nullptr && account->is_object() && (has(e, "content") || has(e, "reblog"))) {
    return InputFormat::mastodon;
  }
  if (const json* post = member(e, "post"); post != nullptr && post->is_object()) return InputFormat::bluesky;
  if (is_at_uri(e, "uri") && has(e, "record")) return InputFormat::bluesky;
  if (is_type(e, {"Create", "Announce"}) && has(e, "object")) return InputFormat::activitypub;
  if (const json* media = member(e, "media"); media != nullptr && media->is_array()) return InputFormat::instagram;
  if (has(e, "string_map_data")) return InputFormat::instagram;
  if (is_facebook_entry(e)) return InputFormat::facebook;
  return InputFormat::json;
}

// The format of a top-level value that is not an array.
InputFormat classify_document(const json& d) {
  if (has(d, "orderedItems") || is_type(d, {"OrderedCollection", "OrderedCollectionPage"})) {
    return InputFormat::activitypub;
  }
  if (is_type(d, {"Person", "Service", "Application", "Group", "Organization"}) &&
      (has(d, "preferredUsername") || has(d, "inbox"))) {
    return InputFormat::activitypub;
  }
  if (is_type(d, {"Create", "Announce", "Note", "Article"}) &&
      (has(d, "@context") || has(d, "actor") || has(d, "attributedTo"))) {
    return InputFormat::activitypub;
  }
  if (has(d, "ancestors") && has(d, "descendants")) return InputFormat::mastodon;
  if (has(d, "acct") && has(d, "username")) return InputFormat::mastodon;
  if (classify_element(d) == InputFormat::mastodon) return InputFormat::mastodon;
  if (const json* feed = member(d, "feed"); feed != nullptr && feed->is_array()) return InputFormat::bluesky;
  if (const json* thread = member(d, "thread"); thread != nullptr && thread->is_object()) return InputFormat::bluesky;
  if (const json* posts = member(d, "posts");
      posts != nullptr && posts->is_array() && !posts->empty() && is_at_uri(posts->front(), "uri")) {
    return InputFormat::bluesky;
  }
  if (has(d, "did") && has(d, "handle")) return InputFormat::bluesky;
  if (const json* profiles = member(d, "profiles");
      profiles != nullptr && profiles->is_array() && !profiles->empty() && has(profiles->front(), "did")) {
    return InputFormat::bluesky;
  }
  if (is_reddit_thing(d)) return InputFormat::reddit;
  if (has(d, "tweet")) return InputFormat::x_archive;
  for (const char* key :
       {"comments_v2", "comments", "status_updates_v2", "status_updates", "group_posts_v2", "group_posts"}) {
    const json* list = member(d, key);
    if (list != nullptr && list->is_array() && !list->empty() && is_facebook_entry(list->front())) {
      return InputFormat::facebook;
    }
  }
  if (has(d, "comments_media_comments") || has(d, "comments_reels_comments")) return InputFormat::instagram;
  return InputFormat::json;
}

InputFormat classify(const json& value) {
  if (const json* body = recorded_body(value)) return classify(*body);
  if (value.is_array()) return value.empty() ? InputFormat::json : classify_element(value.front());
  return classify_document(value);
}

InputFormat sniff_json(std::string_view body) {
  const InputFormat shape = classify(parse_prefix(body));
  if (body.front() != '{') return shape;
  // An object on the first line, and objects on the next lines: JSON Lines. A document spread
  // over lines, or one API response on one line, is read whole.
  const std::size_t end = body.find('\n');
  std::string_view first_line = body.substr(0, end);
  while (!first_line.empty() && (first_line.back() == '\r' || first_line.back() == ' ')) first_line.remove_suffix(1);
  if (first_line.empty() || first_line.back() != '}') return shape;
  const std::string_view rest = end == std::string_view::npos ? std::string_view{} : skip_space(body.substr(end));
  if (!rest.empty() && rest.front() == '{') return InputFormat::jsonl;
  return shape == InputFormat::json ? InputFormat::jsonl : shape;
}

// The name of the root element of an XML text, after its declaration, comments and DOCTYPE.
std::string_view xml_root_name(std::string_view s) {
  while (true) {
    s = skip_space(s);
    if (starts_with(s, "<!--")) {
      const std::size_t end = s.find("-->");
      if (end == std::string_view::npos) return {};
      s.remove_prefix(end + 3);
      continue;
    }
    if (starts_with(s, "<?") || starts_with(s, "<!")) {  // a declaration, or a DOCTYPE with its [internal subset]
      std::size_t end = 0, brackets = 0;
      while (end < s.size() && !(s[end] == '>' && brackets == 0)) {
        if (s[end] == '[') ++brackets;
        else if (s[end] == ']' && brackets > 0) --brackets;
        ++end;
      }
      if (end == s.size()) return {};
      s.remove_prefix(end + 1);
      continue;
    }
    if (!starts_with(s, "<")) return {};
    const std::size_t end = s.find_first_of(" \t\r\n/>", 1);
    return s.substr(1, end == std::string_view::npos ? std::string_view::npos : end - 1);
  }
}

InputFormat sniff_xml(std::string_view body) {
  std::string_view root = xml_root_name(body);
  if (root == "rss" || root == "rdf:RDF") return InputFormat::rss;
  if (const std::size_t colon = root.find(':'); colon != std::string_view::npos) root.remove_prefix(colon + 1);
  if (root == "feed") return InputFormat::atom;
  return InputFormat::text;
}

InputFormat sniff_csv(std::string_view prefix, bool complete, const FieldMapping& fields) {
  const std::optional<CsvHeader> header = sniff_csv_header(prefix, complete);
  if (!header || header->names.size() < 2) return InputFormat::text;
  if (is_linkedin_header(header->names)) return InputFormat::linkedin;
  // A sentence with a comma is no header: the next row must have as many cells.
  if (header->second_row_cells && *header->second_row_cells != header->names.size()) return InputFormat::text;
  for (const std::string& candidate : csv_text_names(fields)) {
    for (const std::string& name : header->names) {
      if (same_column_name(name, candidate)) return InputFormat::csv;
    }
  }
  return InputFormat::text;
}

}  // namespace

InputFormat sniff_format(std::string_view prefix, bool complete, const FieldMapping& fields) {
  const std::string_view body = skip_space(prefix);
  if (body.empty()) return InputFormat::text;
  if (body.front() == '<') return sniff_xml(body);
  if (starts_with(body, "window.YTD.") || starts_with(body, "Grailbird.data.")) return InputFormat::x_archive;
  if (body.front() == '[' || body.front() == '{') return sniff_json(body);
  return sniff_csv(prefix, complete, fields);
}

}  // namespace loopscore
