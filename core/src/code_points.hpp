#pragma once
// Decoding and classifying the non-ASCII code points the tokenizer meets (internal to the core).
// The classes are coarse on purpose: enough to split social-media text, not a Unicode database.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace loopscore {

/// One decoded code point and the number of bytes it took.
struct CodePoint {
  char32_t value = 0;
  std::uint8_t size = 1;
};

/// Decodes the code point at s[i] (valid UTF-8 assumed; a stray byte decodes as itself, size 1).
inline CodePoint decode_utf8(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = b(i);
  if (b0 < 0x80) return {b0, 1};
  if (b0 >= 0xF0 && i + 3 < s.size()) {
    return {(char32_t{b0} & 0x07u) << 18 | (char32_t{b(i + 1)} & 0x3Fu) << 12 | (char32_t{b(i + 2)} & 0x3Fu) << 6 |
                (char32_t{b(i + 3)} & 0x3Fu),
            4};
  }
  if (b0 >= 0xE0 && i + 2 < s.size()) {
    return {(char32_t{b0} & 0x0Fu) << 12 | (char32_t{b(i + 1)} & 0x3Fu) << 6 | (char32_t{b(i + 2)} & 0x3Fu), 3};
  }
  if (b0 >= 0xC0 && i + 1 < s.size()) return {(char32_t{b0} & 0x1Fu) << 6 | (char32_t{b(i + 1)} & 0x3Fu), 2};
  return {b0, 1};
}

/// What a non-ASCII code point is, for splitting text into tokens.
enum class CodePointClass : std::uint8_t {
  letter,       ///< letters, marks and digits of every script (the default)
  space,        ///< spaces and invisible format characters between tokens
  joiner,       ///< ZWJ / ZWNJ: glue inside emoji sequences and some scripts' words
  emoji,        ///< a pictograph that starts an emoji cluster
  emoji_part,   ///< modifiers that only extend a cluster: variation selectors, skin tones, keycap, tags
  regional,     ///< regional indicator letters (pairs make flags)
  punctuation,  ///< general, CJK and fullwidth punctuation, typographic quotes and dashes
  symbol        ///< currency, arrows, maths, shapes and other symbols
};

/// Classifies a code point at or above U+0080.
CodePointClass classify_code_point(char32_t cp);

/// True for an upper-case letter of the Latin, Greek or Cyrillic scripts (ASCII included).
bool is_upper_case(char32_t cp);

/// True for a lower-case letter of the Latin, Greek or Cyrillic scripts (ASCII included).
bool is_lower_case(char32_t cp);

}  // namespace loopscore
