#pragma once
// UTF-8 validation and repair (internal to the core).

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

}  // namespace loopscore
