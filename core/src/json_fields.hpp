#pragma once
// Turning one JSON object into a Post through a FieldMapping (internal to the core).

#include <nlohmann/json.hpp>
#include <string>

#include "loopscore/readers.hpp"

namespace loopscore {

/// Fills `post` from `record` (an object, or a string taken as the text). Returns an empty
/// string on success, else why the record cannot be used. Problems with optional fields
/// (an unreadable date, a negative count) go to `warnings`, one sentence each.
std::string post_from_json(const nlohmann::json& record, const FieldMapping& fields, Post& post,
                           std::vector<std::string>& warnings);

/// The message of a nlohmann parse error without its "[json.exception...] ... column N: " prefix.
std::string clean_parse_error(const std::string& what);

/// Byte offset of the first place where nesting exceeds `max_depth`, or npos. Also reports,
/// through `element_starts`, where each element of a top-level array begins (may be null).
std::size_t scan_json_nesting(std::string_view json, std::size_t max_depth,
                              std::vector<std::size_t>* element_starts);

}  // namespace loopscore
