// Mastodon REST API responses: an account's statuses (an array, read element by element), one
// status, a status context ({ancestors, descendants}), an account (follower counts).
#include "html_text.hpp"
#include "json_fields.hpp"
#include "json_input.hpp"

namespace loopscore {

namespace {

using nlohmann::json;

bool is_status(const json& value) { return member(value, "id") != nullptr && member(value, "account") != nullptr; }

bool is_account(const json& value) {
  return member(value, "acct") != nullptr && member(value, "username") != nullptr &&
         member(value, "content") == nullptr;
}

AccountInfo account_info(const json& account) {
  AccountInfo info;
  info.platform = Platform::mastodon;
  info.handle = string_member(account, "acct");
  if (info.handle.empty()) info.handle = string_member(account, "username");
  info.display_name = string_member(account, "display_name");
  info.followers = count_member(account, "followers_count");
  info.following = count_member(account, "following_count");
  info.posts = count_member(account, "statuses_count");
  return info;
}

// The content warning, then the content as plain text.
std::string status_text(const json& status) {
  std::string text(string_member(status, "spoiler_text"));
  const std::string content = html_to_text(string_member(status, "content"));
  if (!text.empty() && !content.empty()) text += "\n\n";
  return text + content;
}

class MastodonJson : public JsonFormat {
 public:
  void read_element(JsonInput& in, const json& element, const std::string& pointer) override {
    read_status(in, element, pointer);
  }

  void read_document(JsonInput& in, const json& document, const std::string& pointer) override {
    if (member(document, "ancestors") != nullptr || member(document, "descendants") != nullptr) {
      for (const char* part : {"ancestors", "descendants"}) {
        const json* statuses = member(document, part);
        if (statuses == nullptr || !statuses->is_array()) continue;
        const std::string base = child_pointer(pointer, part);
        for (std::size_t i = 0; i < statuses->size(); ++i) read_status(in, (*statuses)[i], child_pointer(base, i));
      }
      in.context.allow_no_posts();  // a status without replies has an empty context
    } else if (is_account(document)) {
      in.context.add_account(account_info(document));
      in.context.allow_no_posts();
    } else if (is_status(document)) {
      read_status(in, document, pointer);
    } else {
      throw InputError("not a Mastodon status, status context or account (no \"account\", \"ancestors\" or \"acct\")",
                       in.place(pointer));
    }
  }

 private:
  void read_status(JsonInput& in, const json& status, const std::string& pointer) {
    if (!is_status(status)) {
      in.skip(pointer, "not a Mastodon status (no \"id\" and \"account\")");
      return;
    }
    const json& account = status["account"];
    in.context.add_account(account_info(account));
    if (string_member(status, "visibility") == "direct") {
      in.skip(pointer, "a direct message (visibility \"direct\"): private, not read");
      return;
    }
    post_.clear();
    post_.platform = Platform::mastodon;
    scalar_to_string(status["id"], post_.id);
    post_.author = account_info(account).handle;
    if (const json* created = member(status, "created_at")) {
      post_.created_at = to_time(*created);
      if (!post_.created_at) in.warn(pointer, "\"created_at\" is not a date; time left unknown");
    }
    post_.url = string_member(status, "url");
    const json* reblog = member(status, "reblog");
    if (reblog != nullptr && reblog->is_object()) {
      post_.kind = PostKind::repost;  // a boost: the booster's post, the boosted text
      post_.text = status_text(*reblog);
      if (post_.url.empty()) post_.url = string_member(*reblog, "url");
    } else {
      post_.text = status_text(status);
      if (const json* parent = member(status, "in_reply_to_id")) {
        scalar_to_string(*parent, post_.reply_to_id);
        post_.kind = PostKind::reply;
        post_.reply_to_author = replied_account(status, account);
      } else if (const json* quote = member(status, "quote"); quote != nullptr && quote->is_object()) {
        post_.kind = PostKind::quote;
      }
    }
    if (post_.url.empty()) post_.url = string_member(status, "uri");
    post_.likes = count_member(status, "favourites_count");
    post_.reposts = count_member(status, "reblogs_count");
    post_.replies = count_member(status, "replies_count");
    post_.quotes = count_member(status, "quotes_count");
    if (post_.text.empty()) {
      in.skip(pointer, "no text (a status with only media or a poll)");
      return;
    }
    in.use(post_, pointer);
  }

  // The acct of the account a reply answers: the author's own, or one of the mentioned.
  static std::string replied_account(const json& status, const json& account) {
    std::string replied_id, id;
    const json* replied = member(status, "in_reply_to_account_id");
    if (replied == nullptr || !scalar_to_string(*replied, replied_id)) return "";
    if (const json* own = member(account, "id"); own != nullptr && scalar_to_string(*own, id) && id == replied_id) {
      return account_info(account).handle;
    }
    if (const json* mentions = member(status, "mentions"); mentions != nullptr && mentions->is_array()) {
      for (const json& mention : *mentions) {
        if (const json* mid = member(mention, "id"); mid != nullptr && scalar_to_string(*mid, id) && id == replied_id) {
          return std::string(string_member(mention, "acct"));
        }
      }
    }
    return "";
  }

  Post post_;
};

}  // namespace

std::unique_ptr<FormatReader> make_mastodon_reader() {
  return make_json_format_reader(std::make_unique<MastodonJson>());
}

}  // namespace loopscore
