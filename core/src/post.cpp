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

void Post::clear() {
  id.clear();
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
  url.clear();
  record = 0;
}

}  // namespace loopscore
