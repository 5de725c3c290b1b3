#include "emoticon.hpp"

namespace loopscore {
namespace {

constexpr std::string_view kEyes = ":;=";
constexpr std::string_view kNoses = "-^'";
constexpr std::string_view kMouths = ")(][DPpOo/\\|*3$@SsXx}{><";
constexpr std::string_view kEasternEyes = "^-T;oOxX*uU=><@";

bool is_one_of(char c, std::string_view set) { return set.find(c) != std::string_view::npos; }

bool is_alnum(char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

// Byte at text[i], or a space outside the text: the boundary checks treat both ends as spaces.
char at(std::string_view text, std::size_t i) { return i < text.size() ? text[i] : ' '; }

char before(std::string_view text, std::size_t i) { return i == 0 ? ' ' : text[i - 1]; }

// A match ending at `end` must not run into a word: ":Dd" and ":)x" are not emoticons.
std::size_t ends_cleanly(std::string_view text, std::size_t start, std::size_t end) {
  return is_alnum(at(text, end)) ? 0 : end - start;
}

// ">:-(", ":'(", ":)))", "=D", ";P": optional hat, eyes, optional tear or nose, repeated mouth.
std::size_t match_western(std::string_view text, std::size_t i) {
  std::size_t k = i;
  if (at(text, k) == '>' || at(text, k) == '}') {
    const char prev = before(text, i);
    if (prev > ' ' && prev < 0x7F) return 0;  // "->:" is an arrow, not a frown
    ++k;
  }
  const char eyes = at(text, k);
  if (!is_one_of(eyes, kEyes)) return 0;
  if (eyes == '=' && is_alnum(before(text, i))) return 0;  // "x=3"
  ++k;
  if (is_one_of(at(text, k), kNoses) && is_one_of(at(text, k + 1), kMouths)) ++k;
  const char mouth = at(text, k);
  if (!is_one_of(mouth, kMouths)) return 0;
  if (is_alnum(mouth) && is_alnum(before(text, i))) return 0;  // "Note:D"
  const std::size_t mouth_at = k;
  while (at(text, k) == mouth) ++k;
  if ((mouth == '/' || mouth == '\\') && k - mouth_at > 1) return 0;  // "://" belongs to a URL
  return ends_cleanly(text, i, k);
}

// "(:", "(-:", "):", ");": mouth first, only between non-word characters.
std::size_t match_reversed(std::string_view text, std::size_t i) {
  if (is_alnum(before(text, i))) return 0;  // "(see below):" closes a parenthesis
  std::size_t k = i + 1;
  if (at(text, k) == '-' || at(text, k) == '\'') ++k;
  if (!is_one_of(at(text, k), ":;")) return 0;
  return ends_cleanly(text, i, k + 1);
}

// "<3", "<333", "</3".
std::size_t match_heart(std::string_view text, std::size_t i) {
  if (is_alnum(before(text, i))) return 0;
  std::size_t k = i + 1;
  if (at(text, k) == '/' || at(text, k) == '\\') ++k;
  if (at(text, k) != '3') return 0;
  while (at(text, k) == '3') ++k;
  return ends_cleanly(text, i, k);
}

// "^_^", "-_-", "T_T", "o.O", ">_<", "^^": eye, one or two of "_", "." or "-", matching eye.
std::size_t match_eastern(std::string_view text, std::size_t i) {
  if (is_alnum(before(text, i))) return 0;
  const char left = at(text, i);
  if (left == '^' && at(text, i + 1) == '^') return ends_cleanly(text, i, i + 2);
  const char mouth = at(text, i + 1);
  if (!is_one_of(mouth, "_.-") || mouth == left || (mouth == '-' && is_alnum(left))) return 0;
  const std::size_t k = at(text, i + 2) == mouth ? i + 3 : i + 2;
  const char right = at(text, k);
  const bool pair = right == left || (left == 'o' && right == 'O') || (left == 'O' && right == 'o') ||
                    (left == '>' && right == '<');
  return pair ? ends_cleanly(text, i, k + 1) : 0;
}

// "xD", "XD", "xP", "x-D".
std::size_t match_laughing(std::string_view text, std::size_t i) {
  if (is_alnum(before(text, i))) return 0;
  std::size_t k = i + 1;
  if (at(text, k) == '-') ++k;
  if (at(text, k) != 'D' && at(text, k) != 'P') return 0;
  return ends_cleanly(text, i, k + 1);
}

}  // namespace

std::size_t match_emoticon(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c == '(' || c == ')') return match_reversed(text, i);
  if (c == '<') {
    if (const std::size_t n = match_heart(text, i)) return n;
  }
  if ((c == 'x' || c == 'X')) {
    if (const std::size_t n = match_laughing(text, i)) return n;
  }
  if (is_one_of(c, kEasternEyes)) {
    if (const std::size_t n = match_eastern(text, i)) return n;
  }
  return match_western(text, i);
}

}  // namespace loopscore
