// Bluesky AppView responses: getAuthorFeed (and other feeds), getPostThread, getPosts and
// getProfile(s). Post ids are AT URIs, kept whole; the bsky.app address goes in `url`.
#include <utility>
#include <vector>

#include "json_fields.hpp"
#include "json_input.hpp"

namespace loopscore {

namespace {

using nlohmann::json;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// https://bsky.app/profile/<handle>/post/<rkey> for at://<did>/app.bsky.feed.post/<rkey>.
std::string web_url(std::string_view uri, std::string_view handle, std::string_view did) {
  constexpr std::string_view kCollection = "/app.bsky.feed.post/";
  const std::size_t collection = uri.find(kCollection);
  if (uri.rfind("at://", 0) != 0 || collection == std::string_view::npos) return "";
  const std::string_view who = handle.empty() || handle == "handle.invalid" ? did : handle;
  if (who.empty()) return "";
  return "https://bsky.app/profile/" + std::string(who) + "/post/" +
         std::string(uri.substr(collection + kCollection.size()));
}

AccountInfo profile_account(const json& profile) {
  AccountInfo account;
  account.platform = Platform::bluesky;
  account.handle = string_member(profile, "handle");
  account.display_name = string_member(profile, "displayName");
  account.followers = count_member(profile, "followersCount");
  account.following = count_member(profile, "followsCount");
  account.posts = count_member(profile, "postsCount");
  return account;
}

bool is_post_view(const json& value) { return member(value, "uri") != nullptr && member(value, "record") != nullptr; }

// Why a thread or reply-reference node holds no post, or "" when it holds one.
std::string missing_post_reason(const json& node) {
  if (const json* flag = member(node, "notFound"); flag != nullptr && flag->is_boolean() && flag->get<bool>()) {
    return "post not found (deleted, or not visible to the viewer)";
  }
  if (const json* flag = member(node, "blocked"); flag != nullptr && flag->is_boolean() && flag->get<bool>()) {
    return "post blocked (its author blocks the viewer, or the viewer blocks them)";
  }
  return "";
}

class BlueskyJson : public JsonFormat {
 public:
  void read_element(JsonInput& in, const json& element, const std::string& pointer) override {
    if (const json* post = member(element, "post"); post != nullptr && post->is_object()) {
      read_feed_item(in, element, pointer);
    } else if (is_post_view(element)) {
      if (read_post(in, element, pointer, "")) in.use(post_, pointer);
    } else if (member(element, "handle") != nullptr && member(element, "did") != nullptr) {
      in.context.add_account(profile_account(element));
      in.context.allow_no_posts();
    } else {
      in.skip(pointer, "not a Bluesky feed item or post (no \"post\", or \"uri\" and \"record\")");
    }
  }

  void read_document(JsonInput& in, const json& document, const std::string& pointer) override {
    if (const json* feed = member(document, "feed")) {
      read_list(in, *feed, child_pointer(pointer, "feed"));
    } else if (const json* thread = member(document, "thread")) {
      read_thread(in, *thread, child_pointer(pointer, "thread"));
    } else if (const json* posts = member(document, "posts")) {
      read_list(in, *posts, child_pointer(pointer, "posts"));
    } else if (const json* profiles = member(document, "profiles")) {
      read_list(in, *profiles, child_pointer(pointer, "profiles"));
      in.context.allow_no_posts();
    } else if (member(document, "did") != nullptr && member(document, "handle") != nullptr) {
      in.context.add_account(profile_account(document));
      in.context.allow_no_posts();
    } else {
      throw InputError(
          "not a Bluesky feed, thread, post list or profile (no \"feed\", \"thread\", \"posts\" or \"did\")",
          in.place(pointer));
    }
  }

 private:
  void read_list(JsonInput& in, const json& list, const std::string& pointer) {
    if (!list.is_array()) {
      throw InputError("\"" + pointer.substr(pointer.rfind('/') + 1) + "\" is not an array", in.place(pointer));
    }
    for (std::size_t i = 0; i < list.size(); ++i) read_element(in, list[i], child_pointer(pointer, i));
  }

  // A feedViewPost: the post, with its reply context and, for a repost, who reposted it.
  void read_feed_item(JsonInput& in, const json& item, const std::string& pointer) {
    const json& post = item["post"];
    std::string parent_author;
    if (const json* reply = member(item, "reply")) {
      if (const json* parent = member(*reply, "parent"); parent != nullptr && is_post_view(*parent)) {
        if (const json* author = member(*parent, "author")) parent_author = string_member(*author, "handle");
      }
    }
    const json* reason = member(item, "reason");
    if (reason != nullptr && ends_with(string_member(*reason, "$type"), "#reasonRepost")) {
      const json* by = member(*reason, "by");
      if (!read_post(in, post, child_pointer(pointer, "post"), parent_author)) return;
      post_.kind = PostKind::repost;
      post_.reply_to_id.clear();
      post_.reply_to_author.clear();
      if (by != nullptr) post_.author = string_member(*by, "handle");
      if (const std::string_view uri = string_member(*reason, "uri"); !uri.empty()) post_.id = uri;
      if (const json* at = member(*reason, "indexedAt")) post_.created_at = to_time(*at);
      in.use(post_, pointer);
      return;
    }
    if (read_post(in, post, child_pointer(pointer, "post"), parent_author)) {
      in.use(post_, child_pointer(pointer, "post"));
    }
  }

  // The thread: the parents from the top down, the post, then the replies depth first.
  void read_thread(JsonInput& in, const json& thread, const std::string& pointer) {
    std::vector<std::pair<const json*, std::string>> parents;
    const json* node = member(thread, "parent");
    std::string parent_pointer = child_pointer(pointer, "parent");
    while (node != nullptr && parents.size() < in.context.limits().max_depth) {
      parents.emplace_back(node, parent_pointer);
      node = member(*node, "parent");
      parent_pointer = child_pointer(parent_pointer, "parent");
    }
    std::string above;  // the author of the post above
    for (auto it = parents.rbegin(); it != parents.rend(); ++it) {
      above = read_thread_node(in, *it->first, it->second, above);
    }
    // Depth first, without recursion: each entry is a node and the author of its parent.
    struct Pending {
      const json* node;
      std::string pointer;
      std::string parent_author;
    };
    std::vector<Pending> stack{{&thread, pointer, above}};
    while (!stack.empty()) {
      Pending current = std::move(stack.back());
      stack.pop_back();
      const std::string author = read_thread_node(in, *current.node, current.pointer, current.parent_author);
      const json* replies = member(*current.node, "replies");
      if (replies == nullptr || !replies->is_array()) continue;
      const std::string base = child_pointer(current.pointer, "replies");
      for (std::size_t i = replies->size(); i-- > 0;) stack.push_back({&(*replies)[i], child_pointer(base, i), author});
    }
  }

  // Reads one threadViewPost (or notFound/blocked node); returns its author's handle.
  std::string read_thread_node(JsonInput& in, const json& node, const std::string& pointer, const std::string& above) {
    if (const std::string missing = missing_post_reason(node); !missing.empty()) {
      in.skip(pointer, missing);
      return "";
    }
    const json* post = member(node, "post");
    if (post == nullptr || !post->is_object()) {
      in.skip(pointer, "not a Bluesky thread post (no \"post\")");
      return "";
    }
    const std::string post_pointer = child_pointer(pointer, "post");
    if (!read_post(in, *post, post_pointer, above)) return "";
    std::string author = post_.author;
    in.use(post_, post_pointer);
    return author;
  }

  // Fills post_ from a postView; false (after skipping it) when it cannot be used.
  bool read_post(JsonInput& in, const json& view, const std::string& pointer, const std::string& parent_author) {
    if (const std::string missing = missing_post_reason(view); !missing.empty()) {
      in.skip(pointer, missing);
      return false;
    }
    const json* record = member(view, "record");
    if (!is_post_view(view) || !record->is_object()) {
      in.skip(pointer, "not a Bluesky post (no \"uri\" and \"record\")");
      return false;
    }
    post_.clear();
    post_.platform = Platform::bluesky;
    post_.id = string_member(view, "uri");
    std::string_view did;
    if (const json* author = member(view, "author")) {
      post_.author = string_member(*author, "handle");
      did = string_member(*author, "did");
    }
    post_.url = web_url(post_.id, post_.author, did);
    post_.text = string_member(*record, "text");
    const json* created = member(*record, "createdAt");
    if (created == nullptr) created = member(view, "indexedAt");
    if (created != nullptr) {
      post_.created_at = to_time(*created);
      if (!post_.created_at) in.warn(pointer, "\"createdAt\" is not a date; time left unknown");
    }
    if (const json* reply = member(*record, "reply")) {
      if (const json* parent = member(*reply, "parent")) post_.reply_to_id = string_member(*parent, "uri");
      if (!post_.reply_to_id.empty()) {
        post_.kind = PostKind::reply;
        post_.reply_to_author = parent_author;
      }
    }
    if (post_.kind == PostKind::original) {
      if (const json* embed = member(*record, "embed")) {
        const std::string_view type = string_member(*embed, "$type");
        if (type == "app.bsky.embed.record" || type == "app.bsky.embed.recordWithMedia") post_.kind = PostKind::quote;
      }
    }
    post_.likes = count_member(view, "likeCount");
    post_.reposts = count_member(view, "repostCount");
    post_.replies = count_member(view, "replyCount");
    post_.quotes = count_member(view, "quoteCount");
    if (post_.text.find_first_not_of(" \t\r\n") == std::string::npos) {
      in.skip(pointer, "no text (a post with only images, video or a link)");
      return false;
    }
    return true;
  }

  Post post_;
};

}  // namespace

std::unique_ptr<FormatReader> make_bluesky_reader() { return make_json_format_reader(std::make_unique<BlueskyJson>()); }

}  // namespace loopscore
