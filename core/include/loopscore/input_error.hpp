#pragma once
// Where in an input something went wrong, and the error type readers throw.

#include <cstddef>
#include <stdexcept>
#include <string>

namespace loopscore {

/// A place in an input. Zero means "not applicable" for every number.
struct SourceLocation {
  std::size_t record = 0;       ///< 1-based record (post) number
  std::size_t line = 0;         ///< 1-based line
  std::size_t column = 0;       ///< 1-based column, counted in Unicode code points
  std::size_t byte_offset = 0;  ///< 0-based byte offset from the start of the input
  std::string pointer;          ///< JSON pointer inside the document or record, e.g. "/3/text"
};

/// "line 3, column 15" style text (only the parts that are known).
std::string describe(const SourceLocation& where);

/// Computes line and column (1-based, code points) of a byte offset in `input`.
SourceLocation locate(std::string_view input, std::size_t byte_offset);

/// Thrown when an input cannot be used at all; `where` says where the problem is.
class InputError : public std::runtime_error {
 public:
  InputError(std::string message, SourceLocation where);
  /// The problem without the location, e.g. "invalid JSON: unexpected '}'".
  const std::string& message() const { return message_; }
  const SourceLocation& where() const { return where_; }

 private:
  std::string message_;
  SourceLocation where_;
};

/// Something wrong with one record: why it was skipped, or what in it was ignored.
struct RecordIssue {
  SourceLocation where;
  std::string reason;
};

}  // namespace loopscore
