#include "loopscore/input_error.hpp"

#include <algorithm>

#include "utf8.hpp"

namespace loopscore {

std::string describe(const SourceLocation& where) {
  std::string text;
  auto add = [&text](const std::string& part) {
    if (!text.empty()) text += ", ";
    text += part;
  };
  if (where.record != 0) add("record " + std::to_string(where.record));
  if (where.line != 0) add("line " + std::to_string(where.line));
  if (where.column != 0) add("column " + std::to_string(where.column));
  if (!where.pointer.empty()) add("at " + where.pointer);
  if (text.empty()) text = "byte " + std::to_string(where.byte_offset);
  return text;
}

SourceLocation locate(std::string_view input, std::size_t byte_offset) {
  SourceLocation where;
  byte_offset = std::min(byte_offset, input.size());
  where.byte_offset = byte_offset;
  const std::string_view before = input.substr(0, byte_offset);
  where.line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  std::size_t column = 1;
  for (std::size_t i = line_start; i < byte_offset; ++i) {
    // Count code points: every byte that is not a UTF-8 continuation byte starts one.
    if ((static_cast<unsigned char>(input[i]) & 0xC0) != 0x80) ++column;
  }
  where.column = column;
  return where;
}

static std::string with_location(const std::string& message, const SourceLocation& where) {
  std::string text = describe(where);
  text.append(": ").append(message);
  return text;
}

// Messages quote bits of the input and reach reports, stderr and JavaScript as text: they must be
// well-formed UTF-8 whatever they quote.
static std::string well_formed(std::string message) {
  if (is_valid_utf8(message)) return message;
  std::string repaired;
  repair_utf8(message, repaired);
  return repaired;
}

InputError::InputError(std::string message, SourceLocation where)
    : std::runtime_error(with_location(well_formed(message), where)),
      message_(well_formed(std::move(message))),
      where_(std::move(where)) {}

}  // namespace loopscore
