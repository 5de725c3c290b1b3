// Plain text: one post a line, or, when blank lines separate them, one post a block of lines.
// The mode is decided from the first kSniffBytes of the input, so it never depends on how the
// input was split into pieces. A line or block longer than max_post_bytes is skipped as it
// streams by, so memory stays bounded by that limit.
#include "format_reader.hpp"

namespace loopscore {

namespace {

constexpr std::size_t npos = std::string_view::npos;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (is_space(s.front()) || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (is_space(s.back()) || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

// True when some blank line lies between two non-blank ones in `text`.
bool has_block_separators(std::string_view text) {
  bool seen_text = false, blank_after_text = false;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    if (trim(text.substr(0, end)).empty()) {
      blank_after_text = seen_text;
    } else {
      if (blank_after_text) return true;
      seen_text = true;
    }
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return false;
}

class TextReader : public FormatReader {
 public:
  void read(ReadContext& context) override {
    if (!decided_) {
      blocks_ = has_block_separators(context.pending().substr(0, kSniffBytes));
      decided_ = true;
    }
    while (true) {
      const std::string_view pending = context.pending();
      const std::size_t base = context.pending_offset();
      const std::size_t end = pending.find('\n', scanned_);
      const bool complete = end != npos || (context.at_end() && (!pending.empty() || long_line_));
      const std::size_t line_end = end == npos ? pending.size() : end;
      note_text(pending, base, scanned_, line_end);
      if (!complete) {
        if (long_line_ || (first_text_ != npos && last_text_ - first_text_ + 1 > context.limits().max_post_bytes)) {
          start_long_line(context);  // too long to be a post: let its bytes go
          context.consume(pending.size());
          scanned_ = 0;
        } else {
          scanned_ = pending.size();
        }
        break;
      }
      end_line(context, long_line_ ? std::string_view{} : pending.substr(0, line_end));
      context.consume(std::min(line_end + 1, pending.size()));
      scanned_ = 0;
      if (end == npos) break;
    }
    if (context.at_end() && in_block_) end_block(context);
  }

 private:
  // Notes where the text (not white space) of the current line starts and ends in [from, to).
  void note_text(std::string_view pending, std::size_t base, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      if (is_space(pending[i])) continue;
      if (first_text_ == npos) first_text_ = base + i;
      last_text_ = base + i;
    }
  }

  void start_long_line(ReadContext& context) {
    if (long_line_) return;
    long_line_ = true;
    line_where_ = context.at(first_text_, context.next_record());
  }

  // A complete line: `line` is its text, empty when it was too long to keep.
  void end_line(ReadContext& context, std::string_view line) {
    const bool blank = first_text_ == npos;
    const std::size_t length = blank ? 0 : last_text_ - first_text_ + 1;
    SourceLocation where = long_line_ ? line_where_ : SourceLocation{};
    if (!blank && !long_line_) where = context.at(first_text_, context.next_record());
    const std::string_view text = long_line_ ? std::string_view{} : trim(line);
    first_text_ = last_text_ = npos;
    const bool was_long = long_line_;
    long_line_ = false;
    if (blank) {
      if (in_block_) end_block(context);
      return;
    }
    if (!blocks_) {
      if (was_long) {
        context.skip_too_long(where, length);
        return;
      }
      post_.clear();
      post_.text = text;
      context.use(post_, where);
      return;
    }
    if (!in_block_) {
      post_.clear();
      block_where_ = where;
      block_length_ = 0;
      in_block_ = true;
    } else {
      ++block_length_;  // the '\n' between lines
    }
    block_length_ += length;
    if (block_length_ > context.limits().max_post_bytes) {
      post_.text.clear();  // will be skipped: keep only the length
      post_.text.shrink_to_fit();
    } else {
      if (!post_.text.empty()) post_.text += '\n';
      post_.text += text;
    }
  }

  void end_block(ReadContext& context) {
    in_block_ = false;
    if (block_length_ > context.limits().max_post_bytes) {
      context.skip_too_long(block_where_, block_length_);
    } else {
      context.use(post_, block_where_);
    }
  }

  bool decided_ = false;
  bool blocks_ = false;
  std::size_t scanned_ = 0;        // bytes of the pending line already looked at
  std::size_t first_text_ = npos;  // input offsets of the first and last non-space byte of the line
  std::size_t last_text_ = npos;
  bool long_line_ = false;  // the line is over max_post_bytes: its bytes are let go
  SourceLocation line_where_;
  bool in_block_ = false;
  std::size_t block_length_ = 0;
  SourceLocation block_where_;
  Post post_;
};

}  // namespace

std::unique_ptr<FormatReader> make_text_reader() { return std::make_unique<TextReader>(); }

}  // namespace loopscore
