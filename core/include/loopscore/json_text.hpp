#pragma once
// Writing JSON text directly (no DOM), for the per-post hot path. Output matches what
// nlohmann::json::dump() writes for the same values, byte for byte.

#include <cstddef>
#include <string>
#include <string_view>

namespace loopscore {

/// Appends `s` as a JSON string literal with quotes, escaped as nlohmann::json::dump() does.
void append_json_string(std::string& out, std::string_view s);

/// Rounds to 4 decimal places, the precision of every score in a report (keeps native and
/// WebAssembly output identical and reports small).
double round4(double value);

/// Appends a number already rounded with round4, formatted as nlohmann::json::dump() would.
void append_json_number(std::string& out, double rounded_value);

/// Appends round4(value) exactly as append_json_number would write it, rounding once, not twice.
void append_json_round4(std::string& out, double value);

/// Room write_json_round4 may need: the longest number text nlohmann writes is 24 characters.
inline constexpr std::size_t kMaxJsonNumberChars = 32;

/// append_json_round4 into a caller's buffer (kMaxJsonNumberChars of room at `p`); returns the
/// end of the text. Lets a writer build a whole line in one local buffer and append it once.
char* write_json_round4(char* p, double value);

}  // namespace loopscore
