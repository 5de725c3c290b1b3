// Facebook's data export: your_posts_1.json (an array of posts), comments.json
// ({"comments_v2": [...]}) and the other lists of the same shape. Strings are repaired from the
// export's Latin-1 mojibake.
#include "json_fields.hpp"
#include "json_input.hpp"
#include "utf8.hpp"

namespace loopscore {

namespace {

using nlohmann::json;

// The lists a Facebook export file may hold, and whether their entries are comments.
struct FacebookList {
  const char* key;
  bool comments;
};
constexpr FacebookList kLists[] = {{"comments_v2", true},     {"comments", true},        {"status_updates_v2", false},
                                   {"status_updates", false}, {"group_posts_v2", false}, {"group_posts", false}};

std::string repaired(std::string_view text) { return fix_latin1_mojibake(text); }

// Whose post a comment answers, from an English title: "X commented on Y's photo." -> "Y".
std::string replied_name(std::string_view title) {
  for (std::string_view marker : {"commented on ", "replied to "}) {
    const std::size_t at = title.find(marker);
    if (at == std::string_view::npos) continue;
    const std::string_view rest = title.substr(at + marker.size());
    const std::size_t end = rest.find("'s ");
    if (end == std::string_view::npos) continue;
    const std::string_view name = rest.substr(0, end);
    if (name == "his own" || name == "her own" || name == "their own" || name == "your") return "";
    return std::string(name);
  }
  return "";
}

class FacebookJson : public JsonFormat {
 public:
  void read_element(JsonInput& in, const json& element, const std::string& pointer) override {
    read_entry(in, element, pointer, false);
  }

  void read_document(JsonInput& in, const json& document, const std::string& pointer) override {
    for (const FacebookList& list : kLists) {
      const json* entries = member(document, list.key);
      if (entries == nullptr || !entries->is_array()) continue;
      const std::string base = child_pointer(pointer, list.key);
      for (std::size_t i = 0; i < entries->size(); ++i) {
        read_entry(in, (*entries)[i], child_pointer(base, i), list.comments);
      }
      return;
    }
    throw InputError("not a Facebook export list (no \"comments_v2\", \"status_updates_v2\" or \"group_posts_v2\")",
                     in.place(pointer));
  }

 private:
  void read_entry(JsonInput& in, const json& entry, const std::string& pointer, bool comment) {
    if (!entry.is_object()) {
      in.skip(pointer, "not a Facebook entry (is " + describe_type(entry) + ")");
      return;
    }
    post_.clear();
    post_.platform = Platform::facebook;
    if (const json* time = member(entry, "timestamp")) post_.created_at = to_time(*time);
    if (const json* data = member(entry, "data"); data != nullptr && data->is_array()) {
      for (const json& item : *data) {
        if (const std::string_view text = string_member(item, "post"); !text.empty()) {
          if (!post_.text.empty()) post_.text += "\n\n";
          post_.text += repaired(text);
        }
        if (const json* c = member(item, "comment"); c != nullptr && c->is_object()) {
          post_.text = repaired(string_member(*c, "comment"));
          post_.author = repaired(string_member(*c, "author"));
          if (const json* time = member(*c, "timestamp")) post_.created_at = to_time(*time);
          comment = true;
        }
      }
    }
    if (comment) {
      post_.kind = PostKind::reply;
      post_.reply_to_author = replied_name(repaired(string_member(entry, "title")));
    }
    if (post_.text.find_first_not_of(" \t\r\n") == std::string::npos) {
      in.skip(pointer, comment ? "an empty comment" : "no text (a shared photo, link or check-in without words)");
      return;
    }
    in.use(post_, pointer);
  }

  Post post_;
};

}  // namespace

std::unique_ptr<FormatReader> make_facebook_reader() {
  return make_json_format_reader(std::make_unique<FacebookJson>());
}

}  // namespace loopscore
