#include "loopscore/loop/near_duplicates.hpp"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "loopscore/text_fingerprint.hpp"

namespace loopscore {
namespace {

// The 64 bits as five blocks of 13 bits (the last of 12). Fingerprints that differ in at most
// three bits differ in at most three blocks, so they agree exactly on at least two: on one of the
// ten pairs of blocks. Grouped by the value of each pair in turn, a fingerprint needs comparing only
// with the few in its own groups. (Grouping by one 16-bit quarter, as Calm did before, left groups of
// a size that grows with the input: 19 comparisons a post at 100 k posts, 103 at 1 M.)
constexpr int kBlocks = 5;
constexpr int kBlockBits = 13;
constexpr std::uint64_t kBlockMask = (std::uint64_t{1} << kBlockBits) - 1;
constexpr std::uint64_t kIndexMask = 0xFFFFFFFFu;

std::uint64_t block(std::uint64_t fingerprint, int b) { return (fingerprint >> (kBlockBits * b)) & kBlockMask; }

// Sorts `entries` (a key of two blocks << 32 | an index) by key, indices staying in order within a
// key: two stable counting passes of one block each (a least-significant-digit radix sort).
void sort_by_key(std::vector<std::uint64_t>& entries, std::vector<std::uint64_t>& scratch) {
  scratch.resize(entries.size());
  std::vector<std::uint32_t> starts(kBlockMask + 2);
  for (const int shift : {32, 32 + kBlockBits}) {
    std::fill(starts.begin(), starts.end(), 0);
    for (const std::uint64_t e : entries) ++starts[((e >> shift) & kBlockMask) + 1];
    for (std::size_t d = 1; d < starts.size(); ++d) starts[d] += starts[d - 1];
    for (const std::uint64_t e : entries) scratch[starts[(e >> shift) & kBlockMask]++] = e;
    entries.swap(scratch);
  }
}

}  // namespace

std::vector<char> mark_near_duplicates(std::span<const std::uint64_t> fingerprints, int bits) {
  if (bits < 0 || bits > kMaxNearDuplicateBits) {
    throw std::invalid_argument("mark_near_duplicates: bits must be 0 to " + std::to_string(kMaxNearDuplicateBits));
  }
  if (fingerprints.size() > kIndexMask) throw std::length_error("mark_near_duplicates: more than 2^32 fingerprints");
  std::vector<char> near(fingerprints.size(), 0);
  if (fingerprints.size() < 2) return near;
  std::vector<std::uint64_t> entries(fingerprints.size()), scratch;
  for (int a = 0; a < kBlocks; ++a) {
    for (int b = a + 1; b < kBlocks; ++b) {
      for (std::size_t i = 0; i < fingerprints.size(); ++i) {
        const std::uint64_t f = fingerprints[i];
        entries[i] = (block(f, a) << (32 + kBlockBits)) | (block(f, b) << 32) | i;
      }
      sort_by_key(entries, scratch);
      for (std::size_t start = 0, end = 1; start < entries.size(); start = end++) {
        // A group: entries[start, end) share the key. Each member against those before it.
        for (; end < entries.size() && (entries[end] >> 32) == (entries[start] >> 32); ++end) {
          const std::size_t i = entries[end] & kIndexMask;
          for (std::size_t k = start; k < end && !near[i]; ++k) {
            near[i] = simhash_distance(fingerprints[entries[k] & kIndexMask], fingerprints[i]) <= bits;
          }
        }
      }
    }
  }
  return near;
}

}  // namespace loopscore
