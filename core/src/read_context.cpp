#include "read_context.hpp"

#include <algorithm>

#include "utf8.hpp"

namespace loopscore {

namespace {

// Consumed text is dropped once it is all of the buffer, or this large and at least half of it.
constexpr std::size_t kCompactBytes = 64 * 1024;

void fill_gaps(AccountInfo& known, const AccountInfo& more) {
  if (known.display_name.empty()) known.display_name = more.display_name;
  if (!known.followers) known.followers = more.followers;
  if (!known.following) known.following = more.following;
  if (!known.posts) known.posts = more.posts;
}

// At most `bytes` of `text`, never ending inside a character.
std::string_view utf8_prefix(std::string_view text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
  return text.substr(0, bytes);
}

// Reasons quote bits of the input and go into reports as JSON text: they must be well-formed UTF-8.
std::string well_formed(std::string reason) {
  if (is_valid_utf8(reason)) return reason;
  std::string repaired;
  repair_utf8(reason, repaired);
  return repaired;
}

// How many '\n' `text` holds. Counted in blocks of at most 255 bytes into a byte-sized sum, so
// the compiler's vector code adds bytes, not 64-bit counters (a JSONL input is counted whole).
std::size_t count_line_breaks(std::string_view text) {
  std::size_t breaks = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t end = std::min(text.size(), i + 255);
    unsigned char block = 0;
    for (; i < end; ++i) block = static_cast<unsigned char>(block + (text[i] == '\n'));
    breaks += block;
  }
  return breaks;
}

}  // namespace

void TextPosition::advance(std::string_view text, std::size_t text_offset, std::size_t target) {
  // Lines are counted over the whole stretch, columns only after its last line break: two plain
  // loops the compiler turns into vector code (this runs over every byte of a JSONL input).
  const std::string_view stretch = text.substr(offset - text_offset, target - offset);
  const std::size_t breaks = count_line_breaks(stretch);
  std::string_view last_line = stretch;
  if (breaks > 0) {
    line += breaks;
    column = 1;
    last_line.remove_prefix(stretch.rfind('\n') + 1);
  }
  std::size_t code_points = 0;  // bytes that are not UTF-8 continuation bytes
  for (const char c : last_line) code_points += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  column += code_points;
  offset = target;
}

ReadContext::ReadContext(const ReadOptions& options, const PostSink& sink, const SkipSink& on_skip,
                         ReadSummary& summary)
    : options_(options), sink_(sink), on_skip_(on_skip), summary_(summary) {}

SourceLocation ReadContext::at(std::size_t offset, std::size_t record) {
  offset = std::clamp(offset, base_, base_ + buffer_.size());
  if (offset < cursor_.offset) cursor_ = anchor_;  // going backwards: start over from the buffer start
  cursor_.advance(buffer_, base_, offset);
  SourceLocation where;
  where.record = record;
  where.byte_offset = offset;
  where.line = cursor_.line;
  where.column = cursor_.column;
  return where;
}

void ReadContext::check_record_size(std::size_t record_offset, std::size_t end_offset, std::string_view what) {
  if (end_offset - record_offset <= limits().max_record_bytes) return;
  throw InputError(std::string(what) + " is longer than the limit of " + std::to_string(limits().max_record_bytes) +
                       " bytes (max_record_bytes)",
                   at(record_offset, next_record()));
}

void ReadContext::append(std::string_view piece, bool last) {
  const std::size_t before = buffer_.size();
  utf8_.repair(piece, buffer_, last);
  summary_.invalid_utf8_replaced = utf8_.replaced();
  if (!has_text_) {
    has_text_ = std::string_view(buffer_).substr(before).find_first_not_of(" \t\r\n") != std::string_view::npos;
  }
  if (last) at_end_ = true;
}

void ReadContext::drop_byte_order_mark() {
  if (base_ != 0 || consumed_ != 0 || buffer_.rfind("\xEF\xBB\xBF", 0) != 0) return;
  buffer_.erase(0, 3);
  base_ = bom_bytes_ = 3;
  anchor_ = cursor_ = TextPosition{3, 1, 1};
  has_text_ = buffer_.find_first_not_of(" \t\r\n") != std::string::npos;
}

void ReadContext::compact() {
  const bool all_read = consumed_ == buffer_.size();
  if (consumed_ == 0 || !(all_read || (consumed_ >= kCompactBytes && consumed_ * 2 >= buffer_.size()))) return;
  const std::size_t new_base = base_ + consumed_;
  if (cursor_.offset <= new_base) anchor_ = cursor_;
  anchor_.advance(buffer_, base_, new_base);
  cursor_ = anchor_;
  buffer_.erase(0, consumed_);
  base_ = new_base;
  consumed_ = 0;
}

template <typename Locate>
void ReadContext::use_located(Post& post, std::size_t record, const Locate& locate) {
  post.record = record;
  if (post.text.size() > limits().max_post_bytes) {
    skip_too_long(locate(), post.text.size());
    return;
  }
  if (summary_.records_used >= limits().max_posts) {
    throw InputError("more than " + std::to_string(limits().max_posts) + " posts (max_posts); split the input", locate());
  }
  ++summary_.records_read;
  if (post.id.empty()) {
    post.id = std::to_string(record);
    post.id_generated = true;
  }
  // Times beyond the calendar every report can write (years 0000 to 9999) are not dates.
  constexpr TimeMs kYear0 = -62167219200000, kYear10000 = 253402300800000;
  if (post.created_at && (*post.created_at < kYear0 || *post.created_at >= kYear10000)) {
    warn(locate(), "time " + std::to_string(*post.created_at) + " ms is outside the years 0000 to 9999; time left unknown");
    post.created_at.reset();
  }
  // Only web links survive: a "javascript:" or "data:" URL must never reach a page as a link.
  if (!post.url.empty() && post.url.rfind("https://", 0) != 0 && post.url.rfind("http://", 0) != 0) {
    warn(locate(), "url \"" + std::string(utf8_prefix(post.url, 60)) + "\" is not an http(s) link; left out");
    post.url.clear();
  }
  ++summary_.records_used;
  sink_(post);
}

void ReadContext::use(Post& post, const SourceLocation& where) {
  use_located(post, where.record, [&where] { return where; });
}

void ReadContext::use_at(Post& post, std::size_t offset, std::size_t record) {
  use_located(post, record, [this, offset, record] { return at(offset, record); });
}

void ReadContext::skip_too_long(SourceLocation where, std::size_t bytes) {
  skip(std::move(where), "text is " + std::to_string(bytes) + " bytes, over the limit of " +
                             std::to_string(limits().max_post_bytes) + " bytes a post (max_post_bytes)");
}

void ReadContext::skip(SourceLocation where, std::string reason) {
  ++summary_.records_read;
  ++summary_.records_skipped;
  RecordIssue skipped{std::move(where), well_formed(std::move(reason))};
  if (on_skip_) on_skip_(skipped);
  if (summary_.skipped.size() < kMaxListedSkips) summary_.skipped.push_back(std::move(skipped));
}

void ReadContext::warn(SourceLocation where, std::string reason) {
  ++summary_.warning_count;
  if (summary_.warnings.size() < kMaxListedSkips) {
    summary_.warnings.push_back({std::move(where), well_formed(std::move(reason))});
  }
}

void ReadContext::add_account(const AccountInfo& account) {
  std::vector<AccountInfo>& accounts = summary_.accounts;
  std::string key = std::string(platform_name(account.platform)) + ' ' + account.handle;
  if (const auto it = account_index_.find(key); it != account_index_.end()) {
    fill_gaps(accounts[it->second], account);
    return;
  }
  if (accounts.size() >= kMaxAccounts) return;
  account_index_.emplace(std::move(key), accounts.size());
  accounts.push_back(account);
}

bool LineSplitter::next(ReadContext& context, std::string_view& line, std::size_t& offset) {
  const std::string_view pending = context.pending();
  offset = context.pending_offset();
  std::size_t end = pending.find('\n', searched_);
  if (end == std::string_view::npos) {
    context.check_record_size(offset, offset + pending.size(), "a line");
    if (!context.at_end() || pending.empty()) {
      searched_ = pending.size();
      return false;
    }
    end = pending.size();
  }
  context.check_record_size(offset, offset + end, "a line");
  line = pending.substr(0, end);
  context.consume(std::min(end + 1, pending.size()));
  searched_ = 0;
  return true;
}

}  // namespace loopscore
