#include "loopscore/loop/post_id_index.hpp"

#include <functional>

namespace loopscore {

std::uint32_t PostIdIndex::hash_of(std::string_view id) {
  // std::hash of a string_view mixes well on both standard libraries; fold it to 32 bits.
  std::uint64_t h = std::hash<std::string_view>{}(id);
  h ^= h >> 31;
  h *= 0x9e3779b97f4a7c15ULL;
  return static_cast<std::uint32_t>(h >> 32);
}

std::size_t PostIdIndex::probe(std::string_view id, std::uint32_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    const Slot& slot = slots_[at];
    if (slot.index == 0) return at;
    if (slot.hash == hash && (*store_)[slot.index - 1].post.id == id) return at;
  }
}

void PostIdIndex::reserve(std::size_t count) {
  if (used_ != 0) return;
  std::size_t size = 1024;
  while (size < count * 2) size *= 2;
  if (size > slots_.size()) slots_.assign(size, Slot{});
}

std::optional<std::uint32_t> PostIdIndex::find(std::string_view id) const {
  if (used_ == 0) return std::nullopt;
  const Slot& slot = slots_[probe(id, hash_of(id))];
  if (slot.index == 0) return std::nullopt;
  return slot.index - 1;
}

std::optional<std::uint32_t> PostIdIndex::claim(std::string_view id, std::uint32_t index) {
  if ((used_ + 1) * 2 > slots_.size()) {
    std::vector<Slot> old(slots_.empty() ? 1024 : slots_.size() * 2);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.index == 0) continue;
      std::size_t at = slot.hash & mask;
      while (slots_[at].index != 0) at = (at + 1) & mask;
      slots_[at] = slot;
    }
  }
  const std::uint32_t hash = hash_of(id);
  Slot& slot = slots_[probe(id, hash)];
  if (slot.index != 0) return slot.index - 1;
  slot = {hash, index + 1};
  ++used_;
  return std::nullopt;
}

}  // namespace loopscore
