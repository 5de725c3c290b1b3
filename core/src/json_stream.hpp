#pragma once
// Reading a big JSON array as it arrives: finding where each element begins and ends with a
// small state machine, so each can be parsed on its own (internal to the core).

#include <string_view>

#include "read_context.hpp"

namespace loopscore {

/// Finds the elements of a top-level JSON array in the pending text of a read, across pieces,
/// keeping only the element being scanned. Checks nesting depth (the array is level 1) and the
/// syntax between elements; elements themselves are left to a JSON parser.
class JsonArraySplitter {
 public:
  /// What next() found.
  enum class Found { element, need_more, end };

  /// Looks for the next element. The pending text must start with white space and the array's
  /// '['. On `element`, `text` is the element (a view valid until the reader returns) and
  /// `offset` its input offset; at the end of input an element cut short is returned as it is,
  /// for the parser to report. Throws InputError on bad syntax between elements or deep nesting.
  Found next(ReadContext& context, std::string_view& text, std::size_t& offset);

  /// Elements found so far.
  std::size_t count() const { return count_; }

  /// Input offset of the array's '['.
  std::size_t array_offset() const { return array_offset_; }

 private:
  enum class Phase { before, first, element, after, comma, done };
  static constexpr std::size_t kDeeper = std::string_view::npos - 1;
  // Scans the current element from pending[i] on, moving i: returns where it ends (npos when the
  // pending text ends first, kDeeper when it nests deeper than max_depth: i is on the bracket).
  std::size_t scan_element(std::string_view pending, std::size_t& i, std::size_t max_depth);
  Phase phase_ = Phase::before;
  std::size_t position_ = 0;  // input offset scanned to
  std::size_t start_ = 0;     // input offset where the current element starts
  std::size_t depth_ = 0;     // nesting inside the current element
  bool in_string_ = false;
  bool escape_ = false;
  std::size_t count_ = 0;
  std::size_t array_offset_ = 0;
};

/// Byte offset of the first place where nesting exceeds `max_depth`, or npos.
std::size_t scan_json_nesting(std::string_view json, std::size_t max_depth);

/// The message for JSON nested deeper than `max_depth`.
std::string nesting_message(std::size_t max_depth);

}  // namespace loopscore
