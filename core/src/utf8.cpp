#include "utf8.hpp"

#include <cstdint>
#include <cstring>

namespace loopscore {

namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Moves `i` past the ASCII bytes of `s` from i on, eight at a time while it can.
void skip_ascii(std::string_view s, std::size_t& i) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  for (std::uint64_t chunk; i + 8 <= s.size(); i += 8) {
    std::memcpy(&chunk, s.data() + i, sizeof chunk);
    if (chunk & kHighBits) break;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
}

// Length the sequence led by `b0` must have (0: not a lead byte), and the range allowed for its
// second byte (Unicode table 3-7).
std::size_t expected_length(unsigned char b0, unsigned char& lo, unsigned char& hi) {
  lo = 0x80;
  hi = 0xBF;
  if (b0 < 0x80) return 1;
  if (b0 >= 0xC2 && b0 <= 0xDF) return 2;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
    return 4;
  }
  return 0;
}

// True when s[i..] is the start of a well-formed sequence that the end of `s` cuts short.
bool is_cut_short(std::string_view s, std::size_t i) {
  unsigned char lo, hi;
  const std::size_t n = expected_length(static_cast<unsigned char>(s[i]), lo, hi);
  const std::size_t have = s.size() - i;
  if (n <= 1 || have >= n) return false;
  if (have >= 2) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b1 < lo || b1 > hi) return false;
  }
  for (std::size_t k = 2; k < have; ++k) {
    if (!is_continuation(s[i + k])) return false;
  }
  return true;
}

}  // namespace

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  unsigned char lo, hi;
  const std::size_t n = expected_length(static_cast<unsigned char>(s[i]), lo, hi);
  if (n <= 1) return n;
  if (i + n > s.size()) return 0;
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  if (b1 < lo || b1 > hi) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if (!is_continuation(s[i + k])) return 0;
  }
  return n;
}

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (true) {
    skip_ascii(s, i);
    if (i == s.size()) break;
    const std::size_t n = utf8_sequence_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::size_t repair_utf8(std::string_view in, std::string& out) {
  out.clear();
  out.reserve(in.size() + 16);
  Utf8Repairer repairer;
  repairer.repair(in, out, true);
  return repairer.replaced();
}

void Utf8Repairer::repair(std::string_view piece, std::string& out, bool last) {
  std::string joined;
  if (!held_.empty()) {
    joined = std::move(held_);
    held_.clear();
    joined.append(piece);
    piece = joined;
  }
  std::size_t i = 0;
  if (skipping_) {
    while (i < piece.size() && is_continuation(piece[i])) ++i;
    if (i == piece.size() && !last) return;
    skipping_ = false;
  }
  std::size_t run = i;  // start of the well-formed bytes not yet copied
  while (true) {
    skip_ascii(piece, i);
    if (i == piece.size()) break;
    const std::size_t n = utf8_sequence_length(piece, i);
    if (n != 0) {
      i += n;
      continue;
    }
    out.append(piece.substr(run, i - run));
    if (!last && is_cut_short(piece, i)) {  // the next piece may complete it
      held_.assign(piece.substr(i));
      return;
    }
    out += "\xEF\xBF\xBD";
    ++replaced_;
    // Skip the maximal ill-formed subsequence: the lead byte and any continuation bytes after it.
    ++i;
    while (i < piece.size() && is_continuation(piece[i])) ++i;
    if (i == piece.size() && !last) skipping_ = true;
    run = i;
  }
  out.append(piece.substr(run));
}

void append_utf8(std::string& out, char32_t cp) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string fix_latin1_mojibake(std::string_view text) {
  std::string bytes;
  bytes.reserve(text.size());
  bool high = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      bytes += static_cast<char>(b);
    } else if ((b == 0xC2 || b == 0xC3) && i + 1 < text.size()) {  // U+0080..U+00FF
      bytes += static_cast<char>(((b & 0x1F) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F));
      ++i;
      high = true;
    } else {
      return std::string(text);  // a code point above U+00FF: real UTF-8 text
    }
  }
  return high && is_valid_utf8(bytes) ? bytes : std::string(text);
}

}  // namespace loopscore
