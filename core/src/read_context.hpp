#pragma once
// Shared bookkeeping for every reader: limits, the summary, and handing posts to the sink
// (internal to the core).

#include <string>
#include <string_view>

#include "loopscore/readers.hpp"

namespace loopscore {

/// How many skipped records a summary lists one by one; the rest are only counted.
inline constexpr std::size_t kMaxListedSkips = 1000;

/// One read in progress. Readers call `use` for each post and `skip` for each unusable record.
class ReadContext {
 public:
  ReadContext(std::string_view input, const ReadOptions& options, const PostSink& sink,
              const SkipSink& on_skip, ReadSummary& summary);

  std::string_view input() const { return input_; }
  const ReadOptions& options() const { return options_; }
  const ReadLimits& limits() const { return options_.limits; }

  /// Checks the post against the limits, numbers it, and hands it to the sink (or skips it).
  void use(Post& post, const SourceLocation& where);

  /// Records that a record could not be used, with where and why.
  void skip(SourceLocation where, std::string reason);

  /// Records that a field of a used record was ignored (an unreadable date, say).
  void warn(SourceLocation where, std::string reason);

  /// Location of a byte offset in the input. Cheap when offsets come in increasing order
  /// (it counts lines onward from the previous call), so readers may call it per record.
  SourceLocation at(std::size_t byte_offset, std::size_t record = 0);

 private:
  std::string_view input_;
  const ReadOptions& options_;
  const PostSink& sink_;
  const SkipSink& on_skip_;
  ReadSummary& summary_;
  std::size_t scanned_to_ = 0;    // bytes before this offset have been counted
  std::size_t scanned_line_ = 1;  // line number at scanned_to_
  std::size_t scanned_column_ = 1;  // column (code points) at scanned_to_
};

/// Readers of each format (read_text.cpp, read_json.cpp).
void read_text(ReadContext& context);
void read_json_document(ReadContext& context);
void read_json_lines(ReadContext& context);

}  // namespace loopscore
