#pragma once
// What every reader works on: the part of the input that has arrived and is not yet read, where
// things are in the whole input, and the bookkeeping of what was read (internal to the core).

#include <string>
#include <string_view>
#include <unordered_map>

#include "loopscore/readers.hpp"
#include "utf8.hpp"

namespace loopscore {

/// How many skipped records (and warnings) a summary lists one by one; the rest are only counted.
inline constexpr std::size_t kMaxListedSkips = 1000;

/// How many accounts a summary keeps.
inline constexpr std::size_t kMaxAccounts = 10'000;

/// A place in the input as line and column, moved forward by counting what lies between.
struct TextPosition {
  std::size_t offset = 0;  ///< byte offset from the start of the input
  std::size_t line = 1;
  std::size_t column = 1;  ///< in code points

  /// Moves forward to `target`, counting lines and code points in `text`, which holds the
  /// input from byte offset `text_offset` on.
  void advance(std::string_view text, std::size_t text_offset, std::size_t target);
};

/// One read in progress. The stream appends repaired text; the format reader reads from
/// pending(), consumes what it is done with, and reports posts, skips and accounts.
///
/// Offsets count bytes of the input after UTF-8 repair (the same bytes for valid UTF-8); a
/// leading byte order mark counts, but is not a column.
class ReadContext {
 public:
  ReadContext(const ReadOptions& options, const PostSink& sink, const SkipSink& on_skip, ReadSummary& summary);

  const ReadOptions& options() const { return options_; }
  const ReadLimits& limits() const { return options_.limits; }

  // --- The input, as far as it has arrived -------------------------------------------------

  /// The text that has arrived and is not yet consumed.
  std::string_view pending() const { return std::string_view(buffer_).substr(consumed_); }

  /// Byte offset in the input of pending()[0].
  std::size_t pending_offset() const { return base_ + consumed_; }

  /// True when the input is complete: the reader must read everything pending.
  bool at_end() const { return at_end_; }

  /// Marks the first `bytes` of pending() as read; they are dropped in time.
  void consume(std::size_t bytes) { consumed_ += bytes; }

  /// Location of a byte offset at or after the start of the text still held (anything not yet
  /// dropped by compact()). Cheap when offsets come in increasing order.
  SourceLocation at(std::size_t offset, std::size_t record = 0);

  /// Throws InputError when a record that starts at `record_offset` and is not complete at
  /// `end_offset` is already over max_record_bytes (so memory stays bounded).
  void check_record_size(std::size_t record_offset, std::size_t end_offset, std::string_view what);

  // --- Feeding (PostStreamReader) -----------------------------------------------------------

  /// Repairs ill-formed UTF-8 in `piece` and appends it; `last` ends the input.
  void append(std::string_view piece, bool last);

  /// Drops a byte order mark at the very start (call before any reading).
  void drop_byte_order_mark();

  /// Forgets consumed text once there is enough of it to be worth moving the rest.
  void compact();

  /// True once anything but white space has arrived.
  bool has_text() const { return has_text_; }

  /// Bytes after the byte order mark that have arrived (after repair).
  std::size_t text_bytes() const { return base_ + buffer_.size() - bom_bytes_; }

  // --- What was read --------------------------------------------------------------------------

  /// The 1-based number the next record (used or skipped) will get.
  std::size_t next_record() const { return summary_.records_read + 1; }

  /// Checks the post against the limits, numbers it, and hands it to the sink (or skips it).
  void use(Post& post, const SourceLocation& where);

  /// use() for record number `record`, which starts at input byte `offset`: its line and column
  /// are counted only if a skip or warning needs them (at(), which needs offsets not yet dropped).
  void use_at(Post& post, std::size_t offset, std::size_t record);

  /// Skips a record whose text (`bytes` long) is over max_post_bytes.
  void skip_too_long(SourceLocation where, std::size_t bytes);

  /// Records that a record could not be used, with where and why.
  void skip(SourceLocation where, std::string reason);

  /// Records that a field of a used record was ignored (an unreadable date, say).
  void warn(SourceLocation where, std::string reason);

  /// Adds an account the input describes; one per platform and handle (later details fill gaps).
  void add_account(const AccountInfo& account);

  /// Says this input may hold no post at all (a profile, a list of reactions): reading none is
  /// then not an error.
  void allow_no_posts() { posts_optional_ = true; }
  bool posts_optional() const { return posts_optional_; }

  ReadSummary& summary() { return summary_; }

 private:
  // use() and use_at(): `locate()` gives the record's location, called only when a message needs it.
  template <typename Locate>
  void use_located(Post& post, std::size_t record, const Locate& locate);

  const ReadOptions& options_;
  const PostSink& sink_;
  const SkipSink& on_skip_;
  ReadSummary& summary_;
  Utf8Repairer utf8_;
  std::string buffer_;         // input text from base_ on
  std::size_t base_ = 0;       // input offset of buffer_[0]
  std::size_t consumed_ = 0;   // bytes of buffer_ read already
  std::size_t bom_bytes_ = 0;  // 3 when the input began with a byte order mark
  bool at_end_ = false;
  bool has_text_ = false;
  bool posts_optional_ = false;
  std::unordered_map<std::string, std::size_t> account_index_;  // "platform handle" -> index in accounts
  TextPosition anchor_;                                         // position of buffer_[0]
  TextPosition cursor_;                                         // position of the last location asked for
};

/// Hands out the complete lines of the pending text one at a time, consuming them.
class LineSplitter {
 public:
  /// The next line without its '\n', and the input offset where it starts; false when no
  /// complete line is pending. Once the input has ended, the last line needs no '\n'.
  /// Throws InputError for a line longer than max_record_bytes.
  bool next(ReadContext& context, std::string_view& line, std::size_t& offset);

 private:
  std::size_t searched_ = 0;  // bytes of pending() known to hold no '\n'
};

}  // namespace loopscore
