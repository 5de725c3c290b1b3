#include "loopscore/loop/post_store.hpp"

#include <cstring>

namespace loopscore {

char* PostStore::reserve_text(std::size_t bytes) {
  if (bytes > arena_room_) {
    // A new chunk; the rest of the old one stays unused (texts are far shorter than a chunk).
    arena_room_ = bytes > kArenaChunk ? bytes : kArenaChunk;
    arena_.emplace_back(new char[arena_room_]);  // left uninitialised: written before read
    arena_free_ = arena_.back().get();
  }
  char* at = arena_free_;
  arena_free_ += bytes;
  arena_room_ -= bytes;
  return at;
}

std::string_view PostStore::keep(std::string_view text) {
  if (text.empty()) return {};
  char* at = reserve_text(text.size());
  std::memcpy(at, text.data(), text.size());
  return {at, text.size()};
}

AnalyzedPost& PostStore::add(const Post& post) {
  if ((size_ & (kBlock - 1)) == 0 && (size_ >> kBlockBits) == blocks_.size()) {
    blocks_.emplace_back().reserve(kBlock);
  }
  AnalyzedPost& added = blocks_[size_ >> kBlockBits].emplace_back();
  ++size_;
  PostView& view = added.post;
  view = view_of(post);
  // The post's strings in one piece of the arena.
  const std::size_t bytes = post.id.size() + post.author.size() + post.text.size() + post.reply_to_id.size() +
                            post.reply_to_author.size() + post.url.size();
  char* at = bytes == 0 ? nullptr : reserve_text(bytes);
  for (std::string_view* field : {&view.id, &view.author, &view.text, &view.reply_to_id, &view.reply_to_author, &view.url}) {
    if (field->empty()) continue;
    std::memcpy(at, field->data(), field->size());
    *field = {at, field->size()};
    at += field->size();
  }
  return added;
}

}  // namespace loopscore
