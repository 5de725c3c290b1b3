// Instagram's data export: posts_1.json (an array of posts with their media) and
// post_comments_1.json (an array of comments as "string_map_data"), also wrapped as
// {"comments_media_comments": [...]}. Strings are repaired from the export's Latin-1 mojibake.
#include "json_fields.hpp"
#include "json_input.hpp"
#include "utf8.hpp"

namespace loopscore {

namespace {

using nlohmann::json;

// The "value" (or "timestamp") of one labelled field of a string_map_data object.
const json* labelled(const json& map, std::string_view label, std::string_view field) {
  const json* entry = member(map, label);
  return entry == nullptr ? nullptr : member(*entry, field);
}

class InstagramJson : public JsonFormat {
 public:
  void read_element(JsonInput& in, const json& element, const std::string& pointer) override {
    if (const json* map = member(element, "string_map_data")) {
      read_comment(in, *map, pointer);
    } else if (member(element, "media") != nullptr) {
      read_post(in, element, pointer);
    } else {
      in.skip(pointer, "not an Instagram post or comment (no \"media\" or \"string_map_data\")");
    }
  }

  void read_document(JsonInput& in, const json& document, const std::string& pointer) override {
    for (const char* key : {"comments_media_comments", "comments_reels_comments"}) {
      const json* list = member(document, key);
      if (list == nullptr || !list->is_array()) continue;
      const std::string base = child_pointer(pointer, key);
      for (std::size_t i = 0; i < list->size(); ++i) read_element(in, (*list)[i], child_pointer(base, i));
      return;
    }
    if (member(document, "media") != nullptr || member(document, "string_map_data") != nullptr) {
      read_element(in, document, pointer);
      return;
    }
    throw InputError("not an Instagram export list (no \"media\" or \"comments_media_comments\")", in.place(pointer));
  }

 private:
  void read_post(JsonInput& in, const json& entry, const std::string& pointer) {
    post_.clear();
    post_.platform = Platform::instagram;
    // A post with one photo keeps its caption on the photo; one with several, on the post.
    const json* media = member(entry, "media");
    const json* first = media != nullptr && media->is_array() && !media->empty() ? &media->front() : nullptr;
    std::string_view caption = string_member(entry, "title");
    if (caption.empty() && first != nullptr) caption = string_member(*first, "title");
    post_.text = fix_latin1_mojibake(caption);
    const json* time = member(entry, "creation_timestamp");
    if (time == nullptr && first != nullptr) time = member(*first, "creation_timestamp");
    if (time != nullptr) post_.created_at = to_time(*time);
    if (post_.text.find_first_not_of(" \t\r\n") == std::string::npos) {
      in.skip(pointer, "no caption");
      return;
    }
    in.use(post_, pointer);
  }

  void read_comment(JsonInput& in, const json& map, const std::string& pointer) {
    post_.clear();
    post_.platform = Platform::instagram;
    post_.kind = PostKind::reply;
    if (const json* text = labelled(map, "Comment", "value"); text != nullptr && text->is_string()) {
      post_.text = fix_latin1_mojibake(text->get_ref<const std::string&>());
    }
    if (const json* owner = labelled(map, "Media Owner", "value"); owner != nullptr && owner->is_string()) {
      post_.reply_to_author = fix_latin1_mojibake(owner->get_ref<const std::string&>());
    }
    if (const json* time = labelled(map, "Time", "timestamp")) post_.created_at = to_time(*time);
    if (post_.text.find_first_not_of(" \t\r\n") == std::string::npos) {
      in.skip(pointer, "an empty comment");
      return;
    }
    in.use(post_, pointer);
  }

  Post post_;
};

}  // namespace

std::unique_ptr<FormatReader> make_instagram_reader() {
  return make_json_format_reader(std::make_unique<InstagramJson>());
}

}  // namespace loopscore
