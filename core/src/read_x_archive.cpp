// X/Twitter archive files: data/tweets.js (`window.YTD.tweets.part0 = [...]`, read element by
// element as it arrives; also part1..., the older tweet.js and Grailbird's data/js/tweets/*.js),
// and account.js, profile.js, follower.js and following.js for the account.
#include "html_text.hpp"
#include "json_fields.hpp"
#include "json_input.hpp"

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

  void read_element(JsonInput& in, const json& element, const std::string& pointer) override {
    switch (file_) {
      case ArchiveFile::unknown:
      case ArchiveFile::tweets: read_tweet(in, element, pointer); break;
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

  void read_tweet(JsonInput& in, const json& element, const std::string& pointer) {
    const json* tweet = member(element, "tweet");
    std::string tweet_pointer = child_pointer(pointer, "tweet");
    if (tweet == nullptr && (member(element, "full_text") != nullptr || member(element, "text") != nullptr)) {
      tweet = &element;  // older archives and Grailbird: the tweet itself
      tweet_pointer = pointer;
    }
    if (tweet == nullptr || !tweet->is_object()) {
      in.skip(pointer, "not a tweet (no \"tweet\" object)");
      return;
    }
    post_.clear();
    post_.platform = Platform::x;
    if (const json* id = member(*tweet, "id_str"); id == nullptr || !scalar_to_string(*id, post_.id)) {
      if (const json* number = member(*tweet, "id")) scalar_to_string(*number, post_.id);
    }
    if (const json* user = member(*tweet, "user")) post_.author = string_member(*user, "screen_name");
    std::string_view text = string_member(*tweet, "full_text");
    if (text.empty()) text = string_member(*tweet, "text");
    post_.text = decode_basic_entities(text);
    if (const json* created = member(*tweet, "created_at")) {
      post_.created_at = to_time(*created);
      if (!post_.created_at) in.warn(tweet_pointer, "\"created_at\" is not a date; time left unknown");
    }
    read_count(in, *tweet, "favorite_count", tweet_pointer, post_.likes);
    read_count(in, *tweet, "retweet_count", tweet_pointer, post_.reposts);
    read_count(in, *tweet, "reply_count", tweet_pointer, post_.replies);
    read_count(in, *tweet, "quote_count", tweet_pointer, post_.quotes);
    const bool linked_tweet = expand_links(*tweet);
    if (const json* parent = member(*tweet, "in_reply_to_status_id_str"); parent != nullptr) {
      scalar_to_string(*parent, post_.reply_to_id);
    } else if (const json* number = member(*tweet, "in_reply_to_status_id")) {
      scalar_to_string(*number, post_.reply_to_id);
    }
    if (!post_.reply_to_id.empty()) {
      post_.kind = PostKind::reply;
      post_.reply_to_author = string_member(*tweet, "in_reply_to_screen_name");
    }
    // A retweet, as archives write it: "RT @user: text" (and sometimes "retweeted": true).
    const json* retweeted = member(*tweet, "retweeted");
    if (post_.text.rfind("RT @", 0) == 0 ||
        (retweeted != nullptr && retweeted->is_boolean() && retweeted->get<bool>())) {
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
    if (post_.text.empty()) {
      in.skip(tweet_pointer, "no text (a tweet with only media)");
      return;
    }
    in.use(post_, tweet_pointer);
  }

  static void read_count(JsonInput& in, const json& tweet, const char* key, const std::string& pointer,
                         std::optional<std::int64_t>& target) {
    const json* value = member(tweet, key);
    if (value == nullptr) return;
    target = to_count(*value);
    if (target) return;
    std::string field(1, '"');
    in.warn(pointer, field.append(key) + "\" (" + value->dump().substr(0, 40) + ") is not a count");
  }

  // Replaces t.co links with the addresses they stand for and drops media links; true when a
  // link points to another tweet (a quote).
  bool expand_links(const json& tweet) {
    bool links_tweet = false;
    const json* entities = member(tweet, "entities");
    if (entities == nullptr) return false;
    if (const json* urls = member(*entities, "urls"); urls != nullptr && urls->is_array()) {
      for (const json& url : *urls) {
        const std::string_view short_url = string_member(url, "url");
        const std::string_view expanded = string_member(url, "expanded_url");
        if (short_url.empty() || expanded.empty()) continue;
        replace_all(post_.text, short_url, expanded);
        std::string_view user, id;
        links_tweet = links_tweet || (status_link(expanded, user, id) && id != post_.id);
      }
    }
    if (const json* media = member(*entities, "media"); media != nullptr && media->is_array()) {
      for (const json& item : *media) replace_all(post_.text, string_member(item, "url"), "");
    }
    return links_tweet;
  }

  ArchiveFile file_ = ArchiveFile::unknown;
  std::int64_t followers_ = 0;
  std::int64_t following_ = 0;
  Post post_;
};

}  // namespace

std::unique_ptr<FormatReader> make_x_archive_reader() {
  return make_json_format_reader(std::make_unique<XArchiveJson>());
}

}  // namespace loopscore
