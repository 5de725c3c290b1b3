// Reddit .json: a Listing (a user's overview, a subreddit page), a thread (an array of two
// Listings: the post, then the comment tree with nested `replies`), or one thing.
#include <unordered_map>
#include <vector>

#include "html_text.hpp"
#include "json_fields.hpp"
#include "json_input.hpp"

namespace loopscore {

namespace {

using nlohmann::json;

constexpr std::string_view kSite = "https://www.reddit.com";

// How many posts' authors are remembered for the comments on them.
constexpr std::size_t kMaxRememberedPosts = 100'000;

// "abc" from "t1_abc" or "t3_abc".
std::string strip_kind(std::string_view fullname) {
  if (fullname.size() > 3 && fullname[0] == 't' && fullname[2] == '_') fullname.remove_prefix(3);
  return std::string(fullname);
}

class RedditJson : public JsonFormat {
 public:
  void read_element(JsonInput& in, const json& element, const std::string& pointer) override {
    read_things(in, element, pointer);
  }

  void read_document(JsonInput& in, const json& document, const std::string& pointer) override {
    if (member(document, "kind") == nullptr) {
      throw InputError("not a Reddit listing or thing (no \"kind\")", in.place(pointer));
    }
    read_things(in, document, pointer);
  }

 private:
  // Walks a Listing or a thing and everything below it, depth first, without recursion.
  void read_things(JsonInput& in, const json& top, const std::string& pointer) {
    struct Pending {
      const json* thing;
      std::string pointer;
      std::string parent_author;
    };
    std::vector<Pending> stack{{&top, pointer, ""}};
    while (!stack.empty()) {
      Pending current = std::move(stack.back());
      stack.pop_back();
      const json& thing = *current.thing;
      const std::string_view kind = string_member(thing, "kind");
      const json* data = member(thing, "data");
      if (data == nullptr || !data->is_object()) {
        in.skip(current.pointer, "not a Reddit thing (no \"kind\" and \"data\")");
        continue;
      }
      const std::string data_pointer = child_pointer(current.pointer, "data");
      const json* children = nullptr;
      std::string children_pointer, author;
      if (kind == "Listing") {
        children = member(*data, "children");
        children_pointer = child_pointer(data_pointer, "children");
        author = current.parent_author;
      } else if (kind == "t1" || kind == "t3") {
        author = read_post(in, *data, kind, current.parent_author, data_pointer);
        if (const json* replies = member(*data, "replies"); replies != nullptr && replies->is_object()) {
          stack.push_back({replies, child_pointer(data_pointer, "replies"), author});
        }
        continue;
      } else if (kind == "more") {
        in.skip(current.pointer, "more comments not loaded");
        continue;
      } else {
        in.skip(current.pointer,
                "a Reddit " + std::string(kind.empty() ? "thing without a kind" : kind) + ", not a post or comment");
        continue;
      }
      if (children == nullptr || !children->is_array()) continue;
      for (std::size_t i = children->size(); i-- > 0;) {
        stack.push_back({&(*children)[i], child_pointer(children_pointer, i), author});
      }
    }
  }

  // Reads a t1 (comment) or t3 (post); returns its author, the parent author of its replies.
  std::string read_post(JsonInput& in, const json& data, std::string_view kind, const std::string& parent_author,
                        const std::string& pointer) {
    post_.clear();
    post_.platform = Platform::reddit;
    post_.id = string_member(data, "id");
    if (post_.id.empty()) post_.id = strip_kind(string_member(data, "name"));
    post_.author = string_member(data, "author");
    if (kind == "t3") {
      if (post_authors_.size() < kMaxRememberedPosts) post_authors_.emplace(post_.id, post_.author);
      post_.text = decode_basic_entities(string_member(data, "title"));
      const std::string self_text = decode_basic_entities(string_member(data, "selftext"));
      if (!self_text.empty()) post_.text += (post_.text.empty() ? "" : "\n\n") + self_text;
      post_.replies = count_member(data, "num_comments");
    } else {
      post_.text = decode_basic_entities(string_member(data, "body"));
      if (post_.text == "[deleted]" || post_.text == "[removed]") {
        in.skip(pointer, "comment " + post_.text.substr(1, post_.text.size() - 2));
        return post_.author;
      }
      post_.reply_to_id = strip_kind(string_member(data, "parent_id"));
      if (!post_.reply_to_id.empty()) post_.kind = PostKind::reply;
      post_.reply_to_author = parent_author;
      if (post_.reply_to_author.empty() && string_member(data, "parent_id").rfind("t3_", 0) == 0) {
        // A top-level comment: the post is in the thread's first listing, or named in a user listing.
        const auto known = post_authors_.find(post_.reply_to_id);
        post_.reply_to_author =
            known != post_authors_.end() ? known->second : std::string(string_member(data, "link_author"));
      }
    }
    const json* created = member(data, "created_utc");
    if (created == nullptr) created = member(data, "created");
    if (created != nullptr) {
      post_.created_at = to_time(*created);
      if (!post_.created_at) in.warn(pointer, "\"created_utc\" is not a time; time left unknown");
    }
    post_.likes = count_member(data, "score");
    if (!post_.likes) post_.likes = count_member(data, "ups");
    if (const std::string_view permalink = string_member(data, "permalink"); !permalink.empty()) {
      post_.url =
          permalink.rfind("http", 0) == 0 ? std::string(permalink) : std::string(kSite) + std::string(permalink);
    } else if (kind == "t1" && !string_member(data, "link_id").empty()) {
      post_.url =
          std::string(kSite) + "/comments/" + strip_kind(string_member(data, "link_id")) + "/_/" + post_.id + "/";
    }
    std::string author = post_.author;
    if (post_.text.find_first_not_of(" \t\r\n") == std::string::npos) {
      in.skip(pointer, "no text");
    } else {
      in.use(post_, pointer);
    }
    return author;
  }

  Post post_;
  std::unordered_map<std::string, std::string> post_authors_;  // post id -> author
};

}  // namespace

std::unique_ptr<FormatReader> make_reddit_reader() { return make_json_format_reader(std::make_unique<RedditJson>()); }

}  // namespace loopscore
