#pragma once
// The judged posts of one analysis, kept in fixed blocks, their texts packed in an arena: a
// post never moves once stored.
//
// A std::vector of Posts (about 470 bytes a post natively, plus a heap block per longer string)
// moved every post each time it doubled, held old and new copies at once, and touched fresh
// memory for each string: at a million posts most of `analyze`'s time beyond scoring went to page
// faults, moves and malloc (docs/performance.md). Blocks grow without moving anything, and the
// stable addresses let an index keep views of the ids.

#include <cstddef>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "loopscore/post.hpp"
#include "loopscore/post_scorer.hpp"

namespace loopscore {

/// A post, its texts kept by the store, and what was judged about it.
struct AnalyzedPost {
  PostView post;
  PostScore score;
};

/// Judged posts by index, appended in fixed blocks (stable addresses, no moves as it grows).
class PostStore {
  static constexpr std::size_t kArenaChunk = 256 * 1024;  // bytes of text a chunk
  static constexpr std::size_t kBlockBits = 10;
  static constexpr std::size_t kBlock = std::size_t{1} << kBlockBits;  // posts a block

  template <typename Store, typename Value>
  class Iterator {
   public:
    using value_type = AnalyzedPost;
    using difference_type = std::ptrdiff_t;
    Iterator(Store* store, std::size_t i) : store_(store), i_(i) {}
    Value& operator*() const { return (*store_)[i_]; }
    Value* operator->() const { return &(*store_)[i_]; }
    Iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator==(const Iterator& other) const { return i_ == other.i_; }
    bool operator!=(const Iterator& other) const { return i_ != other.i_; }

   private:
    Store* store_;
    std::size_t i_;
  };

 public:
  using iterator = Iterator<PostStore, AnalyzedPost>;
  using const_iterator = Iterator<const PostStore, const AnalyzedPost>;

  PostStore() = default;
  /// Takes the posts (their addresses stay); the store moved from is left empty.
  PostStore(PostStore&& other) noexcept { *this = std::move(other); }
  PostStore& operator=(PostStore&& other) noexcept {
    blocks_ = std::exchange(other.blocks_, {});
    size_ = std::exchange(other.size_, 0);
    arena_ = std::exchange(other.arena_, {});
    arena_free_ = std::exchange(other.arena_free_, nullptr);
    arena_room_ = std::exchange(other.arena_room_, 0);
    return *this;
  }

  /// Appends a copy of `post` with a default score (fill it in place) and returns it; it stays
  /// where it is. The post's strings are copied, so the caller may reuse its buffers.
  AnalyzedPost& add(const Post& post);
  /// A copy of `text` kept as long as the store (for a field set after adding).
  std::string_view keep(std::string_view text);

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  AnalyzedPost& operator[](std::size_t i) { return blocks_[i >> kBlockBits][i & (kBlock - 1)]; }
  const AnalyzedPost& operator[](std::size_t i) const { return blocks_[i >> kBlockBits][i & (kBlock - 1)]; }

  iterator begin() { return {this, 0}; }
  iterator end() { return {this, size_}; }
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size_}; }

 private:
  // Room for `bytes` more bytes of text, at arena_free_.
  char* reserve_text(std::size_t bytes);

  std::vector<std::vector<AnalyzedPost>> blocks_;  // each reserved to kBlock, so never reallocated
  std::size_t size_ = 0;
  std::vector<std::unique_ptr<char[]>> arena_;     // the posts' texts, back to back
  char* arena_free_ = nullptr;
  std::size_t arena_room_ = 0;
};

}  // namespace loopscore
