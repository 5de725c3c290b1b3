#include "loopscore/text_fingerprint.hpp"

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

}  // namespace

TextFingerprint fingerprint_tokens(std::span<const Token> tokens) {
  TextFingerprint result;
  std::array<int, 64> votes{};
  std::uint64_t sequence = kFnvOffset;
  bool any = false;
  for (const Token& token : tokens) {
    if (!counts_as_word(token.kind)) continue;
    any = true;
    const std::uint64_t h = word_hash(token.text);
    sequence = mix(sequence ^ h);
    const std::uint64_t spread = mix(h);
    for (int bit = 0; bit < 64; ++bit) votes[bit] += (spread >> bit) & 1 ? 1 : -1;
  }
  if (!any) return result;
  result.exact = sequence;
  for (int bit = 0; bit < 64; ++bit) {
    if (votes[bit] > 0) result.simhash |= std::uint64_t{1} << bit;
  }
  return result;
}

int simhash_distance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

}  // namespace loopscore
