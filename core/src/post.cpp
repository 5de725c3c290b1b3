#include "loopscore/post.hpp"

namespace loopscore {

std::string_view kind_name(PostKind kind) {
  switch (kind) {
    case PostKind::reply: return "reply";
    case PostKind::repost: return "repost";
    case PostKind::quote: return "quote";
    case PostKind::original: break;
  }
  return "original";
}

std::string_view platform_name(Platform platform) {
  switch (platform) {
    case Platform::x: return "x";
    case Platform::mastodon: return "mastodon";
    case Platform::bluesky: return "bluesky";
    case Platform::reddit: return "reddit";
    case Platform::feed: return "feed";
    case Platform::facebook: return "facebook";
    case Platform::instagram: return "instagram";
    case Platform::linkedin: return "linkedin";
    case Platform::unknown: break;
  }
  return "unknown";
}

void Post::clear() {
  id.clear();
  id_generated = false;
  author.clear();
  text.clear();
  created_at.reset();
  reply_to_id.clear();
  reply_to_author.clear();
  likes.reset();
  reposts.reset();
  replies.reset();
  quotes.reset();
  kind = PostKind::original;
  platform = Platform::unknown;
  url.clear();
  record = 0;
}

PostView view_of(const Post& post) {
  PostView view;
  view.id = post.id;
  view.author = post.author;
  view.text = post.text;
  view.reply_to_id = post.reply_to_id;
  view.reply_to_author = post.reply_to_author;
  view.url = post.url;
  view.created_at = post.created_at;
  view.likes = post.likes;
  view.reposts = post.reposts;
  view.replies = post.replies;
  view.quotes = post.quotes;
  view.record = post.record;
  view.id_generated = post.id_generated;
  view.kind = post.kind;
  view.platform = post.platform;
  return view;
}

}  // namespace loopscore
