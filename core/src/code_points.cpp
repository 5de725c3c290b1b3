#include "code_points.hpp"

namespace loopscore {
namespace {

using Class = CodePointClass;

constexpr bool in(char32_t cp, char32_t first, char32_t last) { return cp >= first && cp <= last; }

// Latin-1 Supplement: controls, NBSP, a few marks, then letters.
Class classify_latin1(char32_t cp) {
  if (cp < 0xA0 || cp == 0xA0 || cp == 0xAD) return Class::space;  // C1 controls, NBSP, soft hyphen
  if (cp == 0xAA || cp == 0xB5 || cp == 0xBA || (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7)) return Class::letter;
  if (cp == 0xA1 || cp == 0xA7 || cp == 0xAB || cp == 0xB6 || cp == 0xB7 || cp == 0xBB || cp == 0xBF) {
    return Class::punctuation;
  }
  return Class::symbol;
}

// U+2000..U+2BFF: spaces, general punctuation, and the symbol blocks where older emoji live.
Class classify_symbols(char32_t cp) {
  if (cp <= 0x200B || in(cp, 0x200E, 0x200F) || in(cp, 0x2028, 0x202F) || cp == 0x205F || in(cp, 0x2060, 0x206F)) {
    return Class::space;
  }
  if (cp == 0x200C || cp == 0x200D) return Class::joiner;
  if (cp == 0x203C || cp == 0x2049) return Class::emoji;  // double exclamation, exclamation question
  if (cp < 0x2070) return Class::punctuation;
  if (cp == 0x20E3) return Class::emoji_part;  // combining keycap
  if (in(cp, 0x20D0, 0x20FF)) return Class::letter;
  if (in(cp, 0x231A, 0x231B) || cp == 0x2328 || cp == 0x23CF || in(cp, 0x23E9, 0x23F3) || in(cp, 0x23F8, 0x23FA) ||
      in(cp, 0x25AA, 0x25AB) || cp == 0x25B6 || cp == 0x25C0 || in(cp, 0x25FB, 0x25FE) || in(cp, 0x2934, 0x2935) ||
      in(cp, 0x2B05, 0x2B07) || in(cp, 0x2B1B, 0x2B1C) || cp == 0x2B50 || cp == 0x2B55) {
    return Class::emoji;
  }
  if (in(cp, 0x2768, 0x2775)) return Class::punctuation;  // ornamental brackets among the dingbats
  if (in(cp, 0x2600, 0x27BF)) return Class::emoji;        // miscellaneous symbols and dingbats
  return Class::symbol;
}

// U+3000..U+303F: CJK punctuation, with a few letters and two emoji.
Class classify_cjk_punctuation(char32_t cp) {
  if (cp == 0x3000) return Class::space;
  if (cp == 0x3030 || cp == 0x303D) return Class::emoji;
  if (in(cp, 0x3001, 0x3003) || in(cp, 0x3008, 0x3011) || in(cp, 0x3014, 0x301F)) return Class::punctuation;
  return Class::letter;
}

// U+FE00..U+FFFF: variation selectors, compatibility and fullwidth forms, specials.
Class classify_forms(char32_t cp) {
  if (cp <= 0xFE0F) return Class::emoji_part;
  if (in(cp, 0xFE10, 0xFE1F) || in(cp, 0xFE30, 0xFE6F)) return Class::punctuation;
  if (cp == 0xFEFF) return Class::space;
  if (cp < 0xFF00) return Class::letter;
  if (in(cp, 0xFF01, 0xFF0F) || in(cp, 0xFF1A, 0xFF20) || in(cp, 0xFF3B, 0xFF40) || in(cp, 0xFF5B, 0xFF65)) {
    return Class::punctuation;
  }
  if (cp <= 0xFFDC) return Class::letter;
  return Class::symbol;
}

// Planes 1 and beyond: the emoji blocks, tags, private use; historic scripts and maths letters.
Class classify_supplementary(char32_t cp) {
  if (in(cp, 0x1F1E6, 0x1F1FF)) return Class::regional;
  if (in(cp, 0x1F3FB, 0x1F3FF)) return Class::emoji_part;  // skin tones
  if (in(cp, 0x1F000, 0x1F64F) || in(cp, 0x1F680, 0x1F6FF) || in(cp, 0x1F780, 0x1F7FF) ||
      in(cp, 0x1F900, 0x1FAFF)) {
    return Class::emoji;
  }
  if (in(cp, 0x1F650, 0x1FBFF)) return Class::symbol;
  if (in(cp, 0xE0001, 0xE007F)) return Class::emoji_part;  // tags (subdivision flags)
  if (cp >= 0xF0000) return Class::symbol;                 // private use
  return Class::letter;
}

}  // namespace

CodePointClass classify_code_point(char32_t cp) {
  if (cp < 0x100) return classify_latin1(cp);
  if (cp < 0x2000) {
    if (cp == 0x037E || cp == 0x0387 || cp == 0x0589 || cp == 0x05BE || cp == 0x060C || cp == 0x061B ||
        cp == 0x061F || cp == 0x06D4 || cp == 0x0964 || cp == 0x0965) {
      return Class::punctuation;
    }
    return cp == 0x1680 ? Class::space : Class::letter;
  }
  if (cp < 0x2C00) return classify_symbols(cp);
  if (in(cp, 0x2E00, 0x2E7F)) return Class::punctuation;
  if (in(cp, 0x3000, 0x303F)) return classify_cjk_punctuation(cp);
  if (cp == 0x3297 || cp == 0x3299) return Class::emoji;
  if (in(cp, 0x3200, 0x33FF) || in(cp, 0x4DC0, 0x4DFF) || in(cp, 0xD800, 0xF8FF)) return Class::symbol;
  if (cp < 0xFE00) return Class::letter;
  if (cp <= 0xFFFF) return classify_forms(cp);
  return classify_supplementary(cp);
}

bool is_upper_case(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp < 0x100) return cp >= 0xC0 && cp <= 0xDE && cp != 0xD7;
  if (cp < 0x180) {  // Latin Extended-A alternates upper/lower, with the parity flipping twice
    if (cp == 0x138 || cp == 0x149 || cp == 0x17F) return false;
    if (cp == 0x178) return true;
    const bool odd = (cp & 1) != 0;
    return (in(cp, 0x139, 0x148) || in(cp, 0x179, 0x17E)) ? odd : !odd;
  }
  return cp == 0x386 || in(cp, 0x388, 0x38F) || in(cp, 0x391, 0x3A9) || in(cp, 0x400, 0x42F);  // Greek, Cyrillic
}

bool is_lower_case(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  if (cp < 0x100) return cp == 0xB5 || (cp >= 0xDF && cp != 0xF7);
  if (cp < 0x180) return !is_upper_case(cp);
  return cp == 0x390 || in(cp, 0x3AC, 0x3CE) || in(cp, 0x430, 0x45F);  // Greek, Cyrillic
}

}  // namespace loopscore
