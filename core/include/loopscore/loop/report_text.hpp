#pragma once
// Small pieces of report text shared by the dimensions: durations, counts and post references
// written the same way everywhere (and identically in native and WebAssembly builds).

#include <nlohmann/json.hpp>
#include <string>

#include "loopscore/loop/corpus.hpp"

namespace loopscore {

/// "45 min", "3.5 h", "2.1 days".
std::string format_minutes(double minutes);

/// "+02:00", "-05:30", "+00:00".
std::string format_utc_offset(int minutes);

/// "1 open question" or "3 open questions".
std::string count_phrase(std::size_t n, const std::string& singular, const std::string& plural);

/// A value with one decimal, e.g. "72.4" (rounded half away from zero).
std::string one_decimal(double value);

/// A short reference to a post for report lists: id, author, time and url when known.
nlohmann::ordered_json post_ref_json(const Corpus& corpus, std::int32_t index);

}  // namespace loopscore
