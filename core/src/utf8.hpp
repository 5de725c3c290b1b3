#pragma once
// UTF-8 validation and repair, also of input that arrives in pieces, and the Latin-1 mojibake
// of Facebook and Instagram exports (internal to the core).

#include <cstddef>
#include <string>
#include <string_view>

namespace loopscore {

/// Length of the well-formed UTF-8 sequence starting at s[i], or 0 when it is ill-formed
/// (overlong forms, surrogates, code points above U+10FFFF and truncation are all ill-formed).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

/// True when `s` is entirely well-formed UTF-8.
bool is_valid_utf8(std::string_view s);

/// Copies `in` to `out`, replacing each maximal ill-formed subsequence with U+FFFD;
/// returns how many replacements were made.
std::size_t repair_utf8(std::string_view in, std::string& out);

/// repair_utf8 for input that arrives in pieces: a sequence split between two pieces is joined,
/// not replaced, so the result never depends on where the input was split.
class Utf8Repairer {
 public:
  /// Appends the repaired `piece` to `out`; `last` when no more input follows.
  void repair(std::string_view piece, std::string& out, bool last);

  /// Ill-formed sequences replaced so far.
  std::size_t replaced() const { return replaced_; }

 private:
  std::string held_;       // the start of a sequence that the previous piece ended in
  bool skipping_ = false;  // dropping the continuation bytes after a replaced lead byte
  std::size_t replaced_ = 0;
};

/// Appends code point `cp` to `out` as UTF-8 (U+FFFD for surrogates and values above U+10FFFF).
void append_utf8(std::string& out, char32_t cp);

/// Undoes the mojibake of Facebook and Instagram exports, which store each UTF-8 byte as its own
/// code point (U+00F0 U+009F U+0098 U+0082 for 😂): when every code point of `text` is below
/// U+0100 and, taken as bytes, they are well-formed UTF-8, returns those bytes; else `text`.
std::string fix_latin1_mojibake(std::string_view text);

}  // namespace loopscore
