#include "loopscore/tokenizer.hpp"

#include <array>

#include "code_points.hpp"
#include "emoticon.hpp"
#include "web_tokens.hpp"

namespace loopscore {
namespace {

// What an ASCII byte is, as bits (the fast path never decodes ASCII).
enum AsciiTrait : std::uint8_t {
  kSpace = 1,
  kUpper = 2,
  kLower = 4,
  kDigit = 8,
  kMark = 16,         // punctuation: ! " ' ( ) , - . : ; ? [ ] { } _
  kEmoticonish = 32,  // may start an emoticon
  kFaceLetter = 64,   // a letter that may start one: "xD", "o.O", "T_T", "u_u"
};
constexpr std::uint8_t kLetter = kUpper | kLower;

constexpr std::array<std::uint8_t, 128> make_ascii_traits() {
  std::array<std::uint8_t, 128> t{};
  for (char c : std::string_view(" \t\n\v\f\r")) t[c] = kSpace;
  for (int c = 0; c < 32; ++c) t[c] |= kSpace;  // control characters separate tokens too
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kUpper;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLower;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  for (char c : std::string_view("!\"'(),-.:;?[]{}_")) t[c] = kMark;
  for (char c : std::string_view(":;=()<>}^-*@")) t[c] |= kEmoticonish;
  for (char c : std::string_view("xXoOTuU")) t[c] |= kFaceLetter;
  return t;
}
constexpr std::array<std::uint8_t, 128> kAscii = make_ascii_traits();

std::uint8_t ascii_traits(unsigned char b) { return b < 0x80 ? kAscii[b] : 0; }

// Where a scan ended and what it found; `is_token` is false for skipped bytes (spaces, stray selectors).
struct Scan {
  std::size_t end;
  TokenKind kind;
  std::uint8_t flags = 0;
  bool is_token = true;
  bool has_letter = false;
};

bool is_letter_at(std::string_view text, std::size_t i) {
  if (i >= text.size()) return false;
  const auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) return (kAscii[b] & kLetter) != 0;
  return classify_code_point(decode_utf8(text, i).value) == CodePointClass::letter;
}

bool is_alnum_at(std::string_view text, std::size_t i) {
  return is_letter_at(text, i) || (i < text.size() && (ascii_traits(text[i]) & kDigit));
}

// Case and elongation of a word, gathered as it is scanned.
struct LetterStats {
  int upper = 0, lower = 0;
  bool has_letter = false, elongated = false, apostrophe = false;
  char32_t previous = 0, before_previous = 0;  // the last two characters, ASCII folded to lower case

  void add(char32_t folded, bool is_letter, bool upper_case, bool lower_case) {
    upper += upper_case;
    lower += lower_case;
    has_letter |= is_letter;
    elongated |= is_letter & (folded == previous) & (folded == before_previous);
    before_previous = previous;
    previous = folded;
  }
  void break_run() { previous = before_previous = 0; }
  std::uint8_t flags(bool first_upper) const {
    return (upper >= 2 && lower == 0 ? kAllCaps : 0) | (elongated ? kElongated : 0) | (lower > 0 ? kHasLower : 0) |
           (first_upper && upper == 1 && lower > 0 ? kCapitalized : 0) | (apostrophe ? kApostrophe : 0);
  }
};

bool is_upper_at(std::string_view text, std::size_t i) {
  const auto b = static_cast<unsigned char>(text[i]);
  return b < 0x80 ? (kAscii[b] & kUpper) != 0 : is_upper_case(decode_utf8(text, i).value);
}

// Letters and digits of any script. A word may hold inner apostrophes ("don't", "it’s") and hyphens
// ("e-mail", "covid-19"); a hashtag body holds underscores instead.
Scan scan_letters(std::string_view text, std::size_t i, TokenKind kind) {
  const bool is_tag = kind == TokenKind::hashtag;
  LetterStats stats;
  std::size_t k = i;
  while (k < text.size()) {
    const auto b = static_cast<unsigned char>(text[k]);
    if (b < 0x80) {
      const std::uint8_t t = kAscii[b];
      if (t & (kLetter | kDigit)) {  // the hot loop: plain ASCII letters and digits
        stats.add(b | 0x20u, (t & kLetter) != 0, (t & kUpper) != 0, (t & kLower) != 0);
        ++k;
      } else if (is_tag ? b == '_' : (k > i && ((b == '\'' && is_letter_at(text, k + 1)) ||
                                                (b == '-' && is_alnum_at(text, k + 1))))) {
        stats.break_run();
        stats.apostrophe |= b == '\'';
        ++k;
      } else {
        break;
      }
      continue;
    }
    const CodePoint cp = decode_utf8(text, k);
    const CodePointClass c = classify_code_point(cp.value);
    const bool is_glue = c == CodePointClass::joiner || (cp.value == U'\u2019' && !is_tag);
    if (c == CodePointClass::letter) {
      stats.add(cp.value, true, is_upper_case(cp.value), is_lower_case(cp.value));
    } else if (is_glue && k > i && is_letter_at(text, k + cp.size)) {
      stats.break_run();
      stats.apostrophe |= cp.value == U'\u2019';
    } else {
      break;
    }
    k += cp.size;
  }
  return {k, kind, stats.flags(k > i && is_upper_at(text, i)), true, stats.has_letter};
}

Scan scan_word(std::string_view text, std::size_t i) {
  Scan word = scan_letters(text, i, TokenKind::word);
  const char next = word.end < text.size() ? text[word.end] : ' ';
  if (next == '@' || next == '.' || next == '_' || next == '+' || next == '-') {
    if (const std::size_t n = email_length(text, i)) return {i + n, TokenKind::email};
  }
  return word;
}

// "3", "1,000", "4.5", "10:30", "50%", "$20"; digits running into letters make a word: "2nd".
Scan scan_number(std::string_view text, std::size_t i) {
  const auto digit = [&](std::size_t k) { return k < text.size() && (ascii_traits(text[k]) & kDigit); };
  std::size_t k = text[i] == '$' ? i + 1 : i;
  while (digit(k)) ++k;
  const std::size_t integer_end = k;
  while (k + 1 < text.size() && (text[k] == '.' || text[k] == ',' || text[k] == ':') && digit(k + 1)) {
    for (++k; digit(k);) ++k;
  }
  if (k < text.size() && text[k] == '%') return {k + 1, TokenKind::number};
  if (k == integer_end && text[i] != '$' && is_letter_at(text, k)) return scan_word(text, i);
  return {k, TokenKind::number};
}

// "1️⃣", "#️⃣": a digit, '#' or '*', an optional U+FE0F, then U+20E3.
std::size_t keycap_length(std::string_view text, std::size_t i) {
  const std::string_view rest = text.substr(i + 1);
  if (rest.starts_with("\xEF\xB8\x8F\xE2\x83\xA3")) return 7;
  if (rest.starts_with("\xE2\x83\xA3")) return 4;
  return 0;
}

CodePointClass class_at(std::string_view text, std::size_t i) {
  return i < text.size() && static_cast<unsigned char>(text[i]) >= 0x80 ? classify_code_point(decode_utf8(text, i).value)
                                                                        : CodePointClass::letter;
}

// One emoji cluster: a pictograph with its selectors, skin tones and tags, joined by ZWJ to the
// next pictograph; or a pair of regional indicators (a flag).
Scan scan_emoji(std::string_view text, std::size_t i) {
  const CodePoint first = decode_utf8(text, i);
  std::size_t k = i + first.size;
  if (classify_code_point(first.value) == CodePointClass::regional) {
    if (class_at(text, k) == CodePointClass::regional) k += 4;
    return {k, TokenKind::emoji};
  }
  while (k < text.size()) {
    const CodePointClass c = class_at(text, k);
    if (c == CodePointClass::emoji_part) {
      k += decode_utf8(text, k).size;
    } else if (c == CodePointClass::joiner && k + 3 < text.size() && class_at(text, k + 3) == CodePointClass::emoji) {
      k += 3 + decode_utf8(text, k + 3).size;
    } else {
      break;
    }
  }
  return {k, TokenKind::emoji};
}

// A run of one repeated character ("...", "***"), or of '!' and '?' mixed ("?!").
Scan scan_run(std::string_view text, std::size_t i, TokenKind kind) {
  const CodePoint mark = decode_utf8(text, i);
  const bool exclaim = mark.value == '!' || mark.value == '?';
  std::size_t k = i + mark.size, marks = 1;
  const auto same_mark = [&](std::size_t at) {  // byte by byte: marks are 1 to 4 bytes, a memcmp call costs more
    if (at + mark.size > text.size()) return false;
    for (std::size_t b = 0; b < mark.size; ++b) {
      if (text[at + b] != text[i + b]) return false;
    }
    return true;
  };
  while (k < text.size() && (same_mark(k) || (exclaim && (text[k] == '!' || text[k] == '?')))) {
    k += exclaim ? 1 : mark.size;
    ++marks;
  }
  return {k, kind, static_cast<std::uint8_t>(marks >= 2 ? kRepeated : 0)};
}

bool starts_url(std::string_view text, std::size_t i) {
  const char c = text[i] | 0x20, next = i + 1 < text.size() ? text[i + 1] | 0x20 : 0;
  return (c == 'h' && next == 't') || (c == 'w' && next == 'w');
}

Scan scan_ascii(std::string_view text, std::size_t i) {
  const char c = text[i];
  const std::uint8_t traits = kAscii[static_cast<unsigned char>(c)];
  if (traits & kLetter) {
    if (starts_url(text, i)) {
      if (const std::size_t n = url_length(text, i)) return {i + n, TokenKind::url};
    }
    const char next = i + 1 < text.size() ? text[i + 1] : ' ';
    if ((traits & kFaceLetter) && (next == '_' || next == '.' || next == '-' || next == 'D' || next == 'P')) {
      if (const std::size_t n = match_emoticon(text, i)) return {i + n, TokenKind::emoticon};
    }
    return scan_word(text, i);
  }
  if ((traits & kDigit) || c == '#' || c == '*') {
    if (const std::size_t n = keycap_length(text, i)) return {i + n, TokenKind::emoji};
  }
  if (traits & kDigit) return scan_number(text, i);
  if (c == '#' && is_alnum_at(text, i + 1)) {
    const Scan tag = scan_letters(text, i + 1, TokenKind::hashtag);
    if (tag.has_letter) return tag;  // "#1" is a number sign
  }
  if (c == '@') {
    if (const std::size_t n = mention_length(text, i)) return {i + n, TokenKind::mention};
  }
  if (c == '$') {
    if (const std::size_t n = cashtag_length(text, i)) return {i + n, TokenKind::cashtag};
    if (i + 1 < text.size() && (ascii_traits(text[i + 1]) & kDigit)) return scan_number(text, i);
  }
  if (traits & kEmoticonish) {
    if (const std::size_t n = match_emoticon(text, i)) return {i + n, TokenKind::emoticon};
  }
  return scan_run(text, i, traits & kMark ? TokenKind::punctuation : TokenKind::other);
}

Scan scan_non_ascii(std::string_view text, std::size_t i) {
  const CodePoint cp = decode_utf8(text, i);
  const CodePointClass c = classify_code_point(cp.value);
  const bool emoji_presentation = text.substr(i + cp.size).starts_with("\xEF\xB8\x8F");  // U+FE0F follows
  switch (c) {
    case CodePointClass::letter: return scan_word(text, i);
    case CodePointClass::emoji:
    case CodePointClass::regional: return scan_emoji(text, i);
    case CodePointClass::emoji_part:  // a lone skin tone shows as a swatch; lone selectors and tags show nothing
      if (cp.value >= 0x1F3FB && cp.value <= 0x1F3FF) return scan_emoji(text, i);
      return {i + cp.size, TokenKind::other, 0, false};
    case CodePointClass::punctuation:
    case CodePointClass::symbol:
      if (emoji_presentation) return scan_emoji(text, i);
      return scan_run(text, i, c == CodePointClass::punctuation ? TokenKind::punctuation : TokenKind::other);
    default: return {i + cp.size, TokenKind::other, 0, false};  // spaces and joiners
  }
}

}  // namespace

void tokenize(std::string_view text, std::vector<Token>& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80 && (kAscii[b] & kSpace)) {
      ++i;
      continue;
    }
    const Scan scan = b < 0x80 ? scan_ascii(text, i) : scan_non_ascii(text, i);
    if (scan.is_token) out.push_back({text.substr(i, scan.end - i), scan.kind, scan.flags});
    i = scan.end;
    if (i < text.size() && text[i] == ' ') ++i;  // the usual single space, skipped without a loop
  }
}

}  // namespace loopscore
