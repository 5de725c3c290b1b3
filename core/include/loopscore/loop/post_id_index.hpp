#pragma once
// Which stored post has a given id: an open-addressing table of post indexes (8 bytes a slot)
// that reads the ids from the store itself, so no id is copied and nothing is allocated per post.
// It replaces an unordered_set<std::string> (a node and, for ids over 15 bytes, a copy per post).

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "loopscore/loop/post_store.hpp"

namespace loopscore {

/// The index of the first post stored with each id.
class PostIdIndex {
 public:
  /// An empty index over `store`, which must outlive it (its posts never move).
  explicit PostIdIndex(const PostStore& store) : store_(&store) {}

  /// Sizes an empty index for `count` ids, so that claiming them never regrows it.
  void reserve(std::size_t count);
  /// The post with `id`, if one was added.
  std::optional<std::uint32_t> find(std::string_view id) const;
  /// Records that post `index` of the store will hold `id`, unless a post with `id` was added:
  /// then returns that post's index. The caller stores the post at `index` when this is empty.
  std::optional<std::uint32_t> claim(std::string_view id, std::uint32_t index);

 private:
  struct Slot {
    std::uint32_t hash = 0;   // the id's hash (its low bits place it): most misses end here
    std::uint32_t index = 0;  // post index + 1; 0 when the slot is empty
  };
  static std::uint32_t hash_of(std::string_view id);
  // The slot holding `id`, or the empty slot where it would go.
  std::size_t probe(std::string_view id, std::uint32_t hash) const;

  const PostStore* store_;
  std::vector<Slot> slots_;  // a power of two (at most 2^32), at most half full
  std::size_t used_ = 0;
};

}  // namespace loopscore
