#include "loopscore/text_fingerprint.hpp"

#include <array>
#include <bit>

#include "little_endian.hpp"

namespace loopscore {

namespace {

constexpr std::uint64_t kSeed = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;  // one a byte
constexpr std::uint64_t kOrderMultiplier = 0x9E3779B97F4A7C15ULL;  // odd: the word order counts

bool counts_as_word(TokenKind kind) {
  return kind == TokenKind::word || kind == TokenKind::number || kind == TokenKind::hashtag ||
         kind == TokenKind::cashtag || kind == TokenKind::emoji || kind == TokenKind::emoticon;
}

// Spreads the bits of a hash (splitmix64's finaliser), so SimHash bits are independent.
std::uint64_t mix(std::uint64_t x) {
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// The ASCII capitals of eight bytes lower-cased at once; other bytes (UTF-8 ones too) unchanged.
std::uint64_t lower_ascii(std::uint64_t x) {
  const std::uint64_t low7 = x & (kOnes * 0x7F);
  const std::uint64_t from_a = low7 + kOnes * (0x80 - 'A');     // top bit set where a byte's low 7 bits >= 'A'
  const std::uint64_t after_z = low7 + kOnes * (0x80 - 'Z' - 1);  // ... where they are > 'Z'
  const std::uint64_t capitals = from_a & ~after_z & ~x & (kOnes * 0x80);  // ~x: ASCII bytes only
  return x | (capitals >> 2);                                                // 0x80 >> 2 is 'a' - 'A'
}

// A hash of the token's bytes with ASCII letters lower-cased, eight bytes at a time (little-endian,
// the last chunk padded with zeros): the same on every platform.
std::uint64_t word_hash(std::string_view text) {
  std::uint64_t h = kSeed ^ text.size();
  std::size_t i = 0;
  for (; i + 8 < text.size(); i += 8) h = mix(h ^ lower_ascii(load_little_endian(text.data() + i, 8)));
  if (i < text.size()) h = mix(h ^ lower_ascii(load_little_endian(text.data() + i, text.size() - i)));
  return h;
}

// Per bit position, how many of the words' hashes have that bit set, kept bit-sliced: plane k holds
// bit k of all 64 counts, so adding a hash is a ripple-carry add of one word into the planes.
class BitCounts {
 public:
  void add(std::uint64_t bits) {
    // Counts stay <= added_, which has `width` bits: the carry never goes past that plane. A fixed
    // number of steps, rather than stopping when the carry is spent, keeps the branch predictable.
    const int width = std::bit_width(++added_);
    if (width > used_) planes_[used_++] = 0;
    for (int k = 0; k < width; ++k) {
      const std::uint64_t carry = planes_[k] & bits;
      planes_[k] ^= bits;
      bits = carry;
    }
  }
  /// The positions whose count exceeds `threshold` (< the number of hashes added), compared
  /// bit-sliced from the top plane down.
  std::uint64_t above(std::uint32_t threshold) const {
    std::uint64_t greater = 0, equal = ~std::uint64_t{0};
    for (int k = used_ - 1; k >= 0; --k) {
      if ((threshold >> k) & 1u) {
        equal &= planes_[k];
      } else {
        greater |= equal & planes_[k];
        equal &= ~planes_[k];
      }
    }
    return greater;
  }

 private:
  std::array<std::uint64_t, 32> planes_;  // the first used_ are set
  int used_ = 0;
  std::uint32_t added_ = 0;
};

}  // namespace

TextFingerprint fingerprint_tokens(std::span<const Token> tokens) {
  TextFingerprint result;
  // SimHash votes +1 for a set bit and -1 for a clear one: a bit wins when it is set in more than
  // half of the words' hashes.
  BitCounts ones;
  std::uint64_t sequence = kSeed;
  std::uint32_t words = 0;
  for (const Token& token : tokens) {
    if (!counts_as_word(token.kind)) continue;
    ++words;
    const std::uint64_t h = word_hash(token.text);  // already mixed: its bits are independent
    sequence = (sequence ^ h) * kOrderMultiplier;    // one multiply a word on the serial chain
    ones.add(h);
  }
  if (words == 0) return result;
  result.exact = mix(sequence);
  result.simhash = ones.above(words / 2);  // 2 × ones > words  ⇔  ones > ⌊words / 2⌋
  return result;
}

}  // namespace loopscore
