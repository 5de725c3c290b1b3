#pragma once
// Reading a few bytes as one little-endian number (internal to the core): both targets, x86-64 and
// wasm32, are little-endian, so a load is the number itself.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace loopscore {

static_assert(std::endian::native == std::endian::little, "the hashes read bytes as little-endian numbers");

/// The `n` bytes at `p` (n <= 8) as a little-endian number padded with zeros, read with at most two
/// overlapping loads rather than a byte at a time. Reads nothing outside p[0..n).
inline std::uint64_t load_little_endian(const char* p, std::size_t n) {
  const auto load = [p](std::size_t at, auto word) {
    std::memcpy(&word, p + at, sizeof word);
    return static_cast<std::uint64_t>(word);
  };
  if (n == 8) return load(0, std::uint64_t{});
  if (n >= 4) return load(0, std::uint32_t{}) | load(n - 4, std::uint32_t{}) << (8 * (n - 4));
  if (n >= 2) return load(0, std::uint16_t{}) | load(n - 2, std::uint16_t{}) << (8 * (n - 2));
  return n == 1 ? load(0, std::uint8_t{}) : 0;
}

}  // namespace loopscore
