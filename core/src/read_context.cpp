#include "read_context.hpp"

#include <algorithm>

namespace loopscore {

ReadContext::ReadContext(std::string_view input, const ReadOptions& options, const PostSink& sink,
                         const SkipSink& on_skip, ReadSummary& summary)
    : input_(input), options_(options), sink_(sink), on_skip_(on_skip), summary_(summary) {}

SourceLocation ReadContext::at(std::size_t byte_offset, std::size_t record) {
  byte_offset = std::min(byte_offset, input_.size());
  if (byte_offset < scanned_to_) {  // going backwards: start over
    scanned_to_ = 0;
    scanned_line_ = 1;
    scanned_column_ = 1;
  }
  for (std::size_t i = scanned_to_; i < byte_offset; ++i) {
    const auto byte = static_cast<unsigned char>(input_[i]);
    if (byte == '\n') {
      ++scanned_line_;
      scanned_column_ = 1;
    } else if ((byte & 0xC0) != 0x80) {  // not a UTF-8 continuation byte: a new code point
      ++scanned_column_;
    }
  }
  scanned_to_ = byte_offset;
  SourceLocation where;
  where.record = record;
  where.byte_offset = byte_offset;
  where.line = scanned_line_;
  where.column = scanned_column_;
  return where;
}

void ReadContext::use(Post& post, const SourceLocation& where) {
  ++summary_.records_read;
  post.record = where.record;
  if (post.text.size() > limits().max_post_bytes) {
    --summary_.records_read;  // skip() counts it
    skip(where, "text is " + std::to_string(post.text.size()) + " bytes, over the limit of " +
                    std::to_string(limits().max_post_bytes) + " bytes a post (max_post_bytes)");
    return;
  }
  if (summary_.records_used >= limits().max_posts) {
    throw InputError("more than " + std::to_string(limits().max_posts) + " posts (max_posts); split the input",
                     where);
  }
  if (post.id.empty()) post.id = std::to_string(where.record);
  ++summary_.records_used;
  sink_(post);
}

void ReadContext::skip(SourceLocation where, std::string reason) {
  ++summary_.records_read;
  ++summary_.records_skipped;
  RecordIssue skipped{std::move(where), std::move(reason)};
  if (on_skip_) on_skip_(skipped);
  if (summary_.skipped.size() < kMaxListedSkips) summary_.skipped.push_back(std::move(skipped));
}

void ReadContext::warn(SourceLocation where, std::string reason) {
  ++summary_.warning_count;
  if (summary_.warnings.size() < kMaxListedSkips) summary_.warnings.push_back({std::move(where), std::move(reason)});
}

}  // namespace loopscore
