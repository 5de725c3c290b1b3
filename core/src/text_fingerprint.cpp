#include "loopscore/text_fingerprint.hpp"

#include <algorithm>
#include <array>
#include <bit>

namespace loopscore {

namespace {

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

bool counts_as_word(TokenKind kind) {
  return kind == TokenKind::word || kind == TokenKind::number || kind == TokenKind::hashtag ||
         kind == TokenKind::cashtag || kind == TokenKind::emoji || kind == TokenKind::emoticon;
}

// FNV-1a over the token's bytes with ASCII letters lower-cased.
std::uint64_t word_hash(std::string_view text) {
  std::uint64_t h = kFnvOffset;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    h = (h ^ byte) * kFnvPrime;
  }
  return h;
}

// Spreads the bits of a hash (splitmix64's finaliser), so SimHash bits are independent.
std::uint64_t mix(std::uint64_t x) {
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Per bit position, how many of the words' hashes have that bit set, kept bit-sliced: plane k holds
// bit k of all 64 counts, so adding a hash is a ripple-carry add of one word into the planes.
class BitCounts {
 public:
  void add(std::uint64_t bits) {
    for (int k = 0; bits != 0; ++k) {
      const std::uint64_t carry = planes_[k] & bits;
      planes_[k] ^= bits;
      bits = carry;
      used_ = std::max(used_, k + 1);
    }
  }
  /// The positions whose count exceeds `threshold`, compared bit-sliced from the top plane down.
  std::uint64_t above(std::uint32_t threshold) const {
    std::uint64_t greater = 0, equal = ~std::uint64_t{0};
    for (int k = 31; k >= 0; --k) {
      const std::uint64_t plane = k < used_ ? planes_[k] : 0;
      if ((threshold >> k) & 1u) {
        equal &= plane;
      } else {
        greater |= equal & plane;
        equal &= ~plane;
      }
    }
    return greater;
  }

 private:
  std::array<std::uint64_t, 33> planes_{};
  int used_ = 0;
};

}  // namespace

TextFingerprint fingerprint_tokens(std::span<const Token> tokens) {
  TextFingerprint result;
  // SimHash votes +1 for a set bit and -1 for a clear one: a bit wins when it is set in more than
  // half of the words' hashes.
  BitCounts ones;
  std::uint64_t sequence = kFnvOffset;
  std::uint32_t words = 0;
  for (const Token& token : tokens) {
    if (!counts_as_word(token.kind)) continue;
    ++words;
    const std::uint64_t h = word_hash(token.text);
    sequence = mix(sequence ^ h);
    ones.add(mix(h));
  }
  if (words == 0) return result;
  result.exact = sequence;
  result.simhash = ones.above(words / 2);  // 2 × ones > words  ⇔  ones > ⌊words / 2⌋
  return result;
}

int simhash_distance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

}  // namespace loopscore
