#pragma once
// Timestamps: parsing the formats platforms use, and writing ISO 8601. Pure integer arithmetic,
// so native and WebAssembly builds agree to the millisecond.

#include <optional>
#include <string>
#include <string_view>

#include "loopscore/post.hpp"

namespace loopscore {

/// Parses ISO 8601 / RFC 3339 ("2023-02-18T19:45:15.000Z", "+01:00" offsets, date only),
/// the X legacy form ("Sat Feb 18 19:45:15 +0000 2023"), RFC 822/2822 as used by RSS
/// ("Sat, 18 Feb 2023 19:45:15 GMT") and Unix seconds or milliseconds given as digits.
std::optional<TimeMs> parse_time(std::string_view text);

/// Days since 1970-01-01 of a proleptic Gregorian date (month 1..12).
long long days_from_civil(long long year, unsigned month, unsigned day);

/// Writes `t` as "YYYY-MM-DDTHH:MM:SSZ" (with ".mmm" when the milliseconds are not zero).
std::string format_iso8601(TimeMs t);

}  // namespace loopscore
