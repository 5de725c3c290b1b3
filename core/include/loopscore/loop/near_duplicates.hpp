#pragma once
// The near-duplicate search of Calm: which SimHashes come within a few bits of an earlier one, in
// time that grows with their number rather than its square.

#include <cstdint>
#include <span>
#include <vector>

namespace loopscore {

/// The most differing bits mark_near_duplicates can search for.
inline constexpr int kMaxNearDuplicateBits = 3;

/// For each fingerprint, in order: 1 when an earlier one differs from it in at most `bits` bits
/// (0..kMaxNearDuplicateBits), else 0.
std::vector<char> mark_near_duplicates(std::span<const std::uint64_t> fingerprints, int bits);

}  // namespace loopscore
