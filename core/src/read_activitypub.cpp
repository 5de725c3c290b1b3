// ActivityPub, as a Mastodon export holds it: outbox.json (an OrderedCollection of Create and
// Announce activities; no counts) and actor.json (the account).
#include "html_text.hpp"
#include "json_fields.hpp"
#include "json_input.hpp"

namespace loopscore {

namespace {

using nlohmann::json;

constexpr std::string_view kPublic = "https://www.w3.org/ns/activitystreams#Public";

bool is_actor(const json& value) {
  const std::string_view type = string_member(value, "type");
  return type == "Person" || type == "Service" || type == "Application" || type == "Group" || type == "Organization";
}

// The id of a value given as a URL string or as an object with "id" (or "href").
std::string id_of(const json* value) {
  if (value == nullptr) return "";
  if (value->is_string()) return value->get<std::string>();
  if (value->is_array() && !value->empty()) return id_of(&value->front());
  std::string_view id = string_member(*value, "id");
  return std::string(id.empty() ? string_member(*value, "href") : id);
}

// "zapdos" from "https://social.example/users/zapdos" or ".../@zapdos".
std::string name_from_actor_url(std::string_view url) {
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  std::string_view name = url.substr(url.rfind('/') + 1);
  if (!name.empty() && name.front() == '@') name.remove_prefix(1);
  return std::string(name);
}

// The author of a status from its URL: ".../users/NAME/statuses/ID" or ".../@NAME/ID".
std::string name_from_status_url(std::string_view url) {
  if (const std::size_t users = url.find("/users/"); users != std::string_view::npos) {
    const std::size_t start = users + 7;
    return std::string(url.substr(start, url.find('/', start) - start));
  }
  if (const std::size_t at = url.find("/@"); at != std::string_view::npos) {
    const std::size_t start = at + 2;
    return std::string(url.substr(start, url.find('/', start) - start));
  }
  return "";
}

// True when an activity or object is addressed to the public or to followers (not only to
// the people it mentions, which is how a direct message looks).
bool is_addressed_widely(const json& value) {
  bool has_audience = false;
  for (const char* field : {"to", "cc"}) {
    const json* audience = member(value, field);
    if (audience == nullptr) continue;
    has_audience = true;
    const auto wide = [](const json& a) {
      if (!a.is_string()) return false;
      const std::string& s = a.get_ref<const std::string&>();
      return s == kPublic || s == "as:Public" || s == "Public" ||
             (s.size() >= 10 && s.compare(s.size() - 10, 10, "/followers") == 0);
    };
    if (audience->is_array()) {
      for (const json& a : *audience) {
        if (wide(a)) return true;
      }
    } else if (wide(*audience)) {
      return true;
    }
  }
  return !has_audience;  // no addressing at all: nothing says it is private
}

std::string note_text(const json& note) {
  std::string text(string_member(note, "summary"));  // the content warning
  std::string_view content = string_member(note, "content");
  if (content.empty()) {
    if (const json* map = member(note, "contentMap");
        map != nullptr && map->is_object() && !map->empty() && map->begin()->is_string()) {
      content = map->begin()->get_ref<const std::string&>();
    }
  }
  const std::string name(string_member(note, "name"));  // an Article's title
  std::string body = html_to_text(content);
  if (!name.empty() && body.rfind(name, 0) != 0) body = body.empty() ? name : name + "\n\n" + body;
  if (!text.empty() && !body.empty()) text += "\n\n";
  return text + body;
}

std::optional<std::int64_t> total_items(const json& note, const char* collection) {
  const json* c = member(note, collection);
  return c == nullptr ? std::nullopt : count_member(*c, "totalItems");
}

class ActivityPubJson : public JsonFormat {
 public:
  void read_element(JsonInput& in, const json& element, const std::string& pointer) override {
    read_activity(in, element, pointer);
  }

  void read_document(JsonInput& in, const json& document, const std::string& pointer) override {
    for (const char* list : {"orderedItems", "items"}) {
      const json* items = member(document, list);
      if (items == nullptr) continue;
      const std::string base = child_pointer(pointer, list);
      if (!items->is_array()) throw InputError(std::string("\"") + list + "\" is not an array", in.place(base));
      for (std::size_t i = 0; i < items->size(); ++i) read_activity(in, (*items)[i], child_pointer(base, i));
      return;
    }
    if (is_actor(document)) {
      AccountInfo account;
      account.platform = Platform::mastodon;
      account.handle = string_member(document, "preferredUsername");
      account.display_name = string_member(document, "name");
      if (const json* followers = member(document, "followers")) {
        account.followers = count_member(*followers, "totalItems");
      }
      if (const json* following = member(document, "following")) {
        account.following = count_member(*following, "totalItems");
      }
      if (const json* outbox = member(document, "outbox")) account.posts = count_member(*outbox, "totalItems");
      in.context.add_account(account);
      in.context.allow_no_posts();
      return;
    }
    read_activity(in, document, pointer);
  }

 private:
  void read_activity(JsonInput& in, const json& activity, const std::string& pointer) {
    const std::string_view type = string_member(activity, "type");
    if (type == "Note" || type == "Article" || type == "Page" || type == "Question") {  // a bare object
      read_object(in, activity, activity, PostKind::original, pointer);
    } else if (type == "Create") {
      const json* object = member(activity, "object");
      if (object == nullptr || !object->is_object()) {
        in.skip(pointer, "a Create activity without its object (only \"" + id_of(object) + "\")");
        return;
      }
      read_object(in, activity, *object, PostKind::original, child_pointer(pointer, "object"));
    } else if (type == "Announce") {
      const json* object = member(activity, "object");
      if (object == nullptr || !object->is_object() || member(*object, "content") == nullptr) {
        in.skip(pointer, "a boost (Announce) of " + id_of(object) +
                             ": the export holds only the boosted post's address, not its text");
        return;
      }
      read_object(in, activity, *object, PostKind::repost, child_pointer(pointer, "object"));
    } else {
      in.skip(pointer, type.empty() ? std::string("not an ActivityPub activity (no \"type\")")
                                    : "a " + std::string(type) + " activity, not a post");
    }
  }

  void read_object(JsonInput& in, const json& activity, const json& note, PostKind kind, const std::string& pointer) {
    if (!is_addressed_widely(activity) || !is_addressed_widely(note)) {
      in.skip(pointer, "a direct message (addressed only to the people it mentions): private, not read");
      return;
    }
    post_.clear();
    post_.platform = Platform::mastodon;
    post_.kind = kind;
    post_.id = id_of(member(note, "id"));
    if (kind == PostKind::repost && !string_member(activity, "id").empty()) post_.id = string_member(activity, "id");
    const std::string actor = id_of(member(activity, "actor"));
    post_.author = name_from_actor_url(actor.empty() ? id_of(member(note, "attributedTo")) : actor);
    post_.text = note_text(note);
    const json* published = member(kind == PostKind::repost ? activity : note, "published");
    if (published == nullptr) published = member(activity, "published");
    if (published != nullptr) {
      post_.created_at = to_time(*published);
      if (!post_.created_at) in.warn(pointer, "\"published\" is not a date; time left unknown");
    }
    post_.url = id_of(member(note, "url"));
    if (post_.url.empty()) post_.url = id_of(member(note, "id"));
    if (kind != PostKind::repost) {
      post_.reply_to_id = id_of(member(note, "inReplyTo"));
      if (!post_.reply_to_id.empty()) {
        post_.kind = PostKind::reply;
        post_.reply_to_author = name_from_status_url(post_.reply_to_id);
      }
    }
    post_.likes = total_items(note, "likes");
    post_.reposts = total_items(note, "shares");
    if (post_.text.empty()) {
      in.skip(pointer, "no text (a post with only media or a poll)");
      return;
    }
    in.use(post_, pointer);
  }

  Post post_;
};

}  // namespace

std::unique_ptr<FormatReader> make_activitypub_reader() {
  return make_json_format_reader(std::make_unique<ActivityPubJson>());
}

}  // namespace loopscore
