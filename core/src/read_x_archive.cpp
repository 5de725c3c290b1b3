// X/Twitter archive files: data/tweets.js (`window.YTD.tweets.part0 = [...]`, read element by
// element as it arrives; also part1..., the older tweet.js and Grailbird's data/js/tweets/*.js),
// and account.js, profile.js, follower.js and following.js for the account.
#include <utility>
#include <vector>

#include "html_text.hpp"
#include "json_fields.hpp"
#include "json_input.hpp"
#include "json_view.hpp"

namespace loopscore {

namespace {

using nlohmann::json;

// The prefix before the JSON is never longer than this.
constexpr std::size_t kMaxPrefix = 256;

// What an archive file holds, from the name in its prefix.
enum class ArchiveFile { unknown, tweets, account, profile, follower, following };

ArchiveFile file_from_name(std::string_view name) {
  if (name == "tweets" || name == "tweet" || name == "community_tweet" || name.rfind("tweets_", 0) == 0) {
    return ArchiveFile::tweets;  // Grailbird names its files tweets_2013_01
  }
  if (name == "account") return ArchiveFile::account;
  if (name == "profile") return ArchiveFile::profile;
  if (name == "follower") return ArchiveFile::follower;
  if (name == "following") return ArchiveFile::following;
  return ArchiveFile::unknown;
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// "user" and "1627..." from "https://twitter.com/user/status/1627..." (also x.com).
bool status_link(std::string_view url, std::string_view& user, std::string_view& id) {
  for (std::string_view host : {"twitter.com/", "x.com/"}) {
    const std::size_t at = url.find(host);
    if (at == std::string_view::npos) continue;
    std::string_view rest = url.substr(at + host.size());
    const std::size_t slash = rest.find("/status/");
    if (slash == std::string_view::npos || slash == 0) continue;
    user = rest.substr(0, slash);
    id = rest.substr(slash + 8);
    id = id.substr(0, id.find_first_not_of("0123456789"));
    return !id.empty() && user.find('/') == std::string_view::npos;
  }
  return false;
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  if (from.empty()) return;
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

class XArchiveJson : public JsonFormat {
 public:
  bool read_prefix(ReadContext& context) override {
    // `window.YTD.<name>.part<N> = ` or `Grailbird.data.<name> = `; without one, plain JSON.
    const std::string_view pending = context.pending();
    std::size_t i = pending.find_first_not_of(" \t\r\n");
    if (i == std::string_view::npos) return context.at_end();
    const std::string_view text = pending.substr(i);
    if (text.front() == '[' || text.front() == '{') return true;
    const std::size_t equals = text.substr(0, kMaxPrefix).find('=');
    if (equals == std::string_view::npos) {
      if (!context.at_end() && text.size() < kMaxPrefix) return false;
      throw InputError("not an X archive file: expected `window.YTD.<name>.part<N> = [` or a JSON array",
                       context.at(context.pending_offset() + i));
    }
    std::string_view head = text.substr(0, equals);
    while (!head.empty() && (head.back() == ' ' || head.back() == '\t')) head.remove_suffix(1);
    std::string_view name;
    if (head.rfind("window.YTD.", 0) == 0) {
      name = head.substr(11);
      name = name.substr(0, name.find('.'));
    } else if (head.rfind("Grailbird.data.", 0) == 0) {
      name = head.substr(15);
    }
    for (char c : name) {
      if (!is_name_char(c)) name = {};
    }
    if (name.empty()) {
      throw InputError("not an X archive file: expected `window.YTD.<name>.part<N> = ` before the JSON",
                       context.at(context.pending_offset() + i));
    }
    file_ = file_from_name(name);
    if (file_ == ArchiveFile::unknown) {
      throw InputError("this X archive file holds \"" + std::string(name) +
                           "\" records; loopscore reads tweets.js (posts) and account.js, profile.js, follower.js "
                           "and following.js (the account)",
                       context.at(context.pending_offset() + i));
    }
    if (file_ != ArchiveFile::tweets) context.allow_no_posts();
    context.consume(i + equals + 1);
    return true;
  }

  bool read_element_text(JsonInput& in, std::string_view text, const std::string& pointer) override {
    if (file_ != ArchiveFile::tweets && file_ != ArchiveFile::unknown) return false;
    return tree_.parse(text, in.context.limits().max_depth) && read_tweet(in, TreeView{tree_}, JsonTree::root(), pointer);
  }

  void read_element(JsonInput& in, const json& element, const std::string& pointer) override {
    switch (file_) {
      case ArchiveFile::unknown:
      case ArchiveFile::tweets: read_tweet(in, DomView{}, &element, pointer); break;
      case ArchiveFile::account: read_account(in, element, pointer); break;
      case ArchiveFile::profile:
        in.skip(pointer, "a profile (bio, website, location): no posts or counts in it");
        break;
      case ArchiveFile::follower: ++followers_; break;
      case ArchiveFile::following: ++following_; break;
    }
  }

  void read_document(JsonInput& in, const json& document, const std::string& pointer) override {
    if (member(document, "tweet") == nullptr && member(document, "full_text") == nullptr &&
        member(document, "account") == nullptr) {
      throw InputError("not an X archive file: expected an array of {\"tweet\": ...} entries", in.place(pointer));
    }
    read_element(in, document, pointer);
  }

  void finish(JsonInput& in) override {
    if (file_ != ArchiveFile::follower && file_ != ArchiveFile::following) return;
    AccountInfo owner;  // the archive's owner, whose handle only account.js names
    owner.platform = Platform::x;
    if (file_ == ArchiveFile::follower) owner.followers = followers_;
    else owner.following = following_;
    in.context.add_account(owner);
  }

 private:
  void read_account(JsonInput& in, const json& element, const std::string& pointer) {
    const json* account = member(element, "account");
    if (account == nullptr) {
      in.skip(pointer, "not an account.js entry (no \"account\")");
      return;
    }
    AccountInfo info;
    info.platform = Platform::x;
    info.handle = string_member(*account, "username");
    info.display_name = string_member(*account, "accountDisplayName");
    in.context.add_account(info);
  }

  // Reads one tweet, through the DOM or, on the fast path, through the element's tree (json_view.hpp),
  // and returns true when it used it.
  template <typename View>
  bool read_tweet(JsonInput& in, const View& v, typename View::Node element, const std::string& pointer) {
    auto tweet = v.member(element, "tweet");
    const bool older = tweet == View::none &&
                       (v.member(element, "full_text") != View::none || v.member(element, "text") != View::none);
    if (older) tweet = element;  // older archives and Grailbird: the tweet itself
    if (tweet == View::none || !v.is_object(tweet)) {
      if constexpr (!View::fast) in.skip(pointer, "not a tweet (no \"tweet\" object)");
      return false;
    }
    const std::string tweet_pointer = older ? pointer : child_pointer(pointer, "tweet");
    post_.clear();
    post_.platform = Platform::x;
    if (const auto id = v.member(tweet, "id_str"); id == View::none || !v.scalar_text(id, post_.id)) {
      if (const auto number = v.member(tweet, "id"); number != View::none) v.scalar_text(number, post_.id);
    }
    if (const auto user = v.member(tweet, "user"); user != View::none) post_.author = v.string_member(user, "screen_name");
    std::string_view text = v.string_member(tweet, "full_text");
    if (text.empty()) text = v.string_member(tweet, "text");
    post_.text = decode_basic_entities(text);
    if (const auto created = v.member(tweet, "created_at"); created != View::none) {
      post_.created_at = v.time(created);
      if (!post_.created_at) {
        if constexpr (View::fast) return false;
        in.warn(tweet_pointer, "\"created_at\" is not a date; time left unknown");
      }
    }
    const std::pair<const char*, std::optional<std::int64_t>*> counts[] = {
        {"favorite_count", &post_.likes}, {"retweet_count", &post_.reposts},
        {"reply_count", &post_.replies}, {"quote_count", &post_.quotes}};
    for (const auto& [key, target] : counts) {
      const auto count = v.member(tweet, key);
      if (count == View::none || (*target = v.count(count))) continue;
      if constexpr (View::fast) {
        return false;
      } else {
        in.warn(tweet_pointer, std::string("\"") + key + "\" (" + count->dump().substr(0, 40) + ") is not a count");
      }
    }
    links_.clear();
    media_.clear();
    if (const auto entities = v.member(tweet, "entities"); entities != View::none) {
      if (const auto urls = v.member(entities, "urls"); urls != View::none && v.is_array(urls)) {
        v.for_each_element(urls, [&](typename View::Node url) {
          links_.emplace_back(v.string_member(url, "url"), v.string_member(url, "expanded_url"));
        });
      }
      if (const auto media = v.member(entities, "media"); media != View::none && v.is_array(media)) {
        v.for_each_element(media, [&](typename View::Node item) { media_.push_back(v.string_member(item, "url")); });
      }
    }
    if (const auto parent = v.member(tweet, "in_reply_to_status_id_str"); parent != View::none) {
      v.scalar_text(parent, post_.reply_to_id);
    } else if (const auto number = v.member(tweet, "in_reply_to_status_id"); number != View::none) {
      v.scalar_text(number, post_.reply_to_id);
    }
    if (!post_.reply_to_id.empty()) post_.reply_to_author = v.string_member(tweet, "in_reply_to_screen_name");
    const auto retweeted = v.member(tweet, "retweeted");
    if (!finish_tweet(retweeted != View::none && v.is_true(retweeted))) {
      if constexpr (!View::fast) in.skip(tweet_pointer, "no text (a tweet with only media)");
      return false;
    }
    in.use(post_, tweet_pointer);
    return true;
  }

  // What both paths do with a tweet once its fields are read: links expanded (links_, media_),
  // its kind (a reply, a retweet as archives write it: "RT @user: text" and sometimes
  // "retweeted": true, or a quote), its address. False when no text is left.
  bool finish_tweet(bool retweeted) {
    const bool linked_tweet = expand_links();
    if (!post_.reply_to_id.empty()) post_.kind = PostKind::reply;
    if (post_.text.rfind("RT @", 0) == 0 || retweeted) {
      post_.kind = PostKind::repost;
      if (const std::size_t colon = post_.text.find(": ");
          post_.text.rfind("RT @", 0) == 0 && colon != std::string::npos) {
        post_.text.erase(0, colon + 2);
      }
    } else if (post_.kind == PostKind::original && linked_tweet) {
      post_.kind = PostKind::quote;
    }
    post_.url = post_.author.empty() ? "https://x.com/i/web/status/" + post_.id
                                     : "https://x.com/" + post_.author + "/status/" + post_.id;
    while (!post_.text.empty() && post_.text.back() == ' ') post_.text.pop_back();
    return !post_.text.empty();
  }

  // Replaces t.co links (links_) with the addresses they stand for and drops media links
  // (media_); true when a link points to another tweet (a quote).
  bool expand_links() {
    bool links_tweet = false;
    for (const auto& [short_url, expanded] : links_) {
      if (short_url.empty() || expanded.empty()) continue;
      replace_all(post_.text, short_url, expanded);
      std::string_view user, id;
      links_tweet = links_tweet || (status_link(expanded, user, id) && id != post_.id);
    }
    for (const std::string_view url : media_) replace_all(post_.text, url, "");
    return links_tweet;
  }

  ArchiveFile file_ = ArchiveFile::unknown;
  std::int64_t followers_ = 0;
  std::int64_t following_ = 0;
  Post post_;
  JsonTree tree_;  // the element, on the fast path
  std::vector<std::pair<std::string_view, std::string_view>> links_;  // the tweet's t.co links and what they stand for
  std::vector<std::string_view> media_;  // its media links
};

}  // namespace

std::unique_ptr<FormatReader> make_x_archive_reader() {
  return make_json_format_reader(std::make_unique<XArchiveJson>());
}

}  // namespace loopscore
