#pragma once
// Where a JSON string's plain bytes end, found eight bytes at a time (internal to the core): the
// JSON Lines reader and the JSON string writer both skip such runs before looking byte by byte.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace loopscore {

/// Where the run of bytes of `text` from `i` on that a JSON string holds as they are (no quote,
/// backslash or control character) ends, or a little before it: the last seven bytes or fewer are
/// left to the caller's byte loop.
inline std::size_t plain_run_end(std::string_view text, std::size_t i) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = kOnes * 0x80;
  // Bytes below n get their top bit set, and bytes after them may too: the borrow of a subtraction
  // only moves up, so the lowest bit set marks a byte that is really below n.
  const auto below = [](std::uint64_t x, std::uint64_t n) { return (x - kOnes * n) & ~x & kHighs; };
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t x;
    std::memcpy(&x, text.data() + i, sizeof x);
    const std::uint64_t marks = below(x ^ (kOnes * '"'), 1) | below(x ^ (kOnes * '\\'), 1) | below(x, 0x20);
    if (marks != 0) {
      // The first byte in memory is the lowest on little-endian machines; elsewhere the caller looks.
      if constexpr (std::endian::native == std::endian::little) i += static_cast<std::size_t>(std::countr_zero(marks)) / 8;
      break;
    }
  }
  return i;
}

}  // namespace loopscore
