// Mastodon REST API responses: an account's statuses (an array, read element by element), one
// status, a status context ({ancestors, descendants}), an account (follower counts).
#include "html_text.hpp"
#include "json_fields.hpp"
#include "json_input.hpp"
#include "json_view.hpp"

namespace loopscore {

namespace {

using nlohmann::json;

template <typename View>
bool is_status(const View& v, typename View::Node value) {
  return v.member(value, "id") != View::none && v.member(value, "account") != View::none;
}

bool is_account(const json& value) {
  return member(value, "acct") != nullptr && member(value, "username") != nullptr &&
         member(value, "content") == nullptr;
}

template <typename View>
AccountInfo account_info(const View& v, typename View::Node account) {
  AccountInfo info;
  info.platform = Platform::mastodon;
  info.handle = v.string_member(account, "acct");
  if (info.handle.empty()) info.handle = v.string_member(account, "username");
  info.display_name = v.string_member(account, "display_name");
  info.followers = v.count_member(account, "followers_count");
  info.following = v.count_member(account, "following_count");
  info.posts = v.count_member(account, "statuses_count");
  return info;
}

// The content warning, then the content as plain text.
template <typename View>
std::string status_text(const View& v, typename View::Node status) {
  std::string text(v.string_member(status, "spoiler_text"));
  const std::string content = html_to_text(v.string_member(status, "content"));
  if (!text.empty() && !content.empty()) text += "\n\n";
  return text + content;
}

// The acct of the account a reply answers: the author's own, or one of the mentioned.
template <typename View>
std::string replied_account(const View& v, typename View::Node status, typename View::Node account,
                            const AccountInfo& author) {
  std::string replied_id, id;
  const auto replied = v.member(status, "in_reply_to_account_id");
  if (replied == View::none || !v.scalar_text(replied, replied_id)) return "";
  if (const auto own = v.member(account, "id"); own != View::none && v.scalar_text(own, id) && id == replied_id) {
    return author.handle;
  }
  std::string found;
  bool done = false;
  if (const auto mentions = v.member(status, "mentions"); mentions != View::none && v.is_array(mentions)) {
    v.for_each_element(mentions, [&](typename View::Node mention) {
      if (done) return;
      if (const auto mid = v.member(mention, "id"); mid != View::none && v.scalar_text(mid, id) && id == replied_id) {
        found = v.string_member(mention, "acct");
        done = true;
      }
    });
  }
  return found;
}

class MastodonJson : public JsonFormat {
 public:
  bool read_element_text(JsonInput& in, std::string_view text, const std::string& pointer) override {
    return tree_.parse(text, in.context.limits().max_depth) && read_status(in, TreeView{tree_}, JsonTree::root(), pointer);
  }

  void read_element(JsonInput& in, const json& element, const std::string& pointer) override {
    read_status(in, DomView{}, &element, pointer);
  }

  void read_document(JsonInput& in, const json& document, const std::string& pointer) override {
    if (member(document, "ancestors") != nullptr || member(document, "descendants") != nullptr) {
      for (const char* part : {"ancestors", "descendants"}) {
        const json* statuses = member(document, part);
        if (statuses == nullptr || !statuses->is_array()) continue;
        const std::string base = child_pointer(pointer, part);
        for (std::size_t i = 0; i < statuses->size(); ++i) {
          read_status(in, DomView{}, &(*statuses)[i], child_pointer(base, i));
        }
      }
      in.context.allow_no_posts();  // a status without replies has an empty context
    } else if (is_account(document)) {
      in.context.add_account(account_info(DomView{}, &document));
      in.context.allow_no_posts();
    } else if (is_status(DomView{}, &document)) {
      read_status(in, DomView{}, &document, pointer);
    } else {
      throw InputError("not a Mastodon status, status context or account (no \"account\", \"ancestors\" or \"acct\")",
                       in.place(pointer));
    }
  }

 private:
  // Reads one status (through the DOM, or on the fast path through the tree) and returns true
  // when it used it. What the DOM path skips or warns about, the fast path gives up on, having
  // used, skipped, warned and added nothing.
  template <typename View>
  bool read_status(JsonInput& in, const View& v, typename View::Node status, const std::string& pointer) {
    if (!is_status(v, status)) {
      if constexpr (!View::fast) in.skip(pointer, "not a Mastodon status (no \"id\" and \"account\")");
      return false;
    }
    const auto account = v.member(status, "account");
    const AccountInfo author = account_info(v, account);
    const auto refuse = [&](const char* reason) {
      if constexpr (!View::fast) {
        in.context.add_account(author);
        in.skip(pointer, reason);
      }
      return false;
    };
    if (v.string_member(status, "visibility") == "direct") {
      return refuse("a direct message (visibility \"direct\"): private, not read");
    }
    post_.clear();
    post_.platform = Platform::mastodon;
    v.scalar_text(v.member(status, "id"), post_.id);
    post_.author = author.handle;
    if (const auto created = v.member(status, "created_at"); created != View::none) {
      post_.created_at = v.time(created);
      if (!post_.created_at) {
        if constexpr (View::fast) return false;
        in.warn(pointer, "\"created_at\" is not a date; time left unknown");
      }
    }
    post_.url = v.string_member(status, "url");
    const auto reblog = v.member(status, "reblog");
    if (reblog != View::none && v.is_object(reblog)) {
      post_.kind = PostKind::repost;  // a boost: the booster's post, the boosted text
      post_.text = status_text(v, reblog);
      if (post_.url.empty()) post_.url = v.string_member(reblog, "url");
    } else {
      post_.text = status_text(v, status);
      if (const auto parent = v.member(status, "in_reply_to_id"); parent != View::none) {
        v.scalar_text(parent, post_.reply_to_id);
        post_.kind = PostKind::reply;
        post_.reply_to_author = replied_account(v, status, account, author);
      } else if (const auto quote = v.member(status, "quote"); quote != View::none && v.is_object(quote)) {
        post_.kind = PostKind::quote;
      }
    }
    if (post_.url.empty()) post_.url = v.string_member(status, "uri");
    post_.likes = v.count_member(status, "favourites_count");
    post_.reposts = v.count_member(status, "reblogs_count");
    post_.replies = v.count_member(status, "replies_count");
    post_.quotes = v.count_member(status, "quotes_count");
    if (post_.text.empty()) return refuse("no text (a status with only media or a poll)");
    in.context.add_account(author);
    in.use(post_, pointer);
    return true;
  }

  Post post_;
  JsonTree tree_;  // the element, on the fast path
};

}  // namespace

std::unique_ptr<FormatReader> make_mastodon_reader() {
  return make_json_format_reader(std::make_unique<MastodonJson>());
}

}  // namespace loopscore
