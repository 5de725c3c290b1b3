#pragma once
// Turning one JSON object into a Post through a FieldMapping, and the small accessors the
// platform readers share (internal to the core).

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "loopscore/readers.hpp"

namespace loopscore {

class ReadContext;

/// Fills `post` from `record` (an object, or a string taken as the text). Returns an empty
/// string on success, else why the record cannot be used. Problems with optional fields
/// (an unreadable date, a negative count) go to `warnings`, one sentence each.
std::string post_from_json(const nlohmann::json& record, const FieldMapping& fields, Post& post,
                           std::vector<std::string>& warnings);

/// Maps one record with post_from_json and hands it to the context: used, or skipped with the
/// reason; problems with optional fields become warnings at `where`.
void use_mapped_record(ReadContext& context, const nlohmann::json& record, const SourceLocation& where, Post& post);

/// The message of a nlohmann parse error without its "[json.exception...] ... column N: " prefix.
std::string clean_parse_error(const std::string& what);

/// The member `key` of `value` when `value` is an object holding it and it is not null.
const nlohmann::json* member(const nlohmann::json& value, std::string_view key);

/// The string member `key` of `value`, or "" when there is none.
std::string_view string_member(const nlohmann::json& value, std::string_view key);

/// An id or other scalar as text: strings as they are, integers in decimal; false otherwise.
bool scalar_to_string(const nlohmann::json& value, std::string& out);

/// A count written as a string of digits (as X archives write them), or nullopt.
std::optional<std::int64_t> count_from_string(std::string_view text);

/// A time from a Unix time in seconds or milliseconds (seconds until the year 5138), or nullopt
/// when negative.
std::optional<TimeMs> time_from_unix(std::int64_t value);

/// True when `text` holds nothing but white space.
bool is_blank(std::string_view text);

/// A count from a non-negative integer or a string of digits (as X archives write them).
std::optional<std::int64_t> to_count(const nlohmann::json& value);

/// The count in member `key`, when present and readable.
std::optional<std::int64_t> count_member(const nlohmann::json& value, std::string_view key);

/// A time from a date string (see parse_time) or a Unix time in seconds or milliseconds,
/// integral or fractional (Reddit writes 1366044279.0).
std::optional<TimeMs> to_time(const nlohmann::json& value);

/// "null", "a string", "an object"...: the JSON type of `value` for messages.
std::string describe_type(const nlohmann::json& value);

}  // namespace loopscore
