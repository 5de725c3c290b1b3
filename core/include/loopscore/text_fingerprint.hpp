#pragma once
// Fingerprints of a post's words, to find duplicate and near-duplicate posts without keeping
// their text.

#include <bit>
#include <cstdint>
#include <span>

#include "loopscore/tokenizer.hpp"

namespace loopscore {

/// Two hashes of the words of a text. Mentions, URLs and punctuation are left out and letters
/// lower-cased, so "@ann Sorry, DM us!" and "@bob sorry DM us" are duplicates.
struct TextFingerprint {
  std::uint64_t exact = 0;    ///< equal iff the normalised word sequences are equal (up to hash collisions)
  std::uint64_t simhash = 0;  ///< Charikar's SimHash: near-duplicates differ in few bits
};

/// Fingerprints a tokenized text.
TextFingerprint fingerprint_tokens(std::span<const Token> tokens);

/// Number of bits in which two SimHashes differ (inline: the near-duplicate search's inner loop).
inline int simhash_distance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

}  // namespace loopscore
