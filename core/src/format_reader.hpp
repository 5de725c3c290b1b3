#pragma once
// The reader of each format, as the stream drives it (internal to the core). docs/formats.md
// says what each one reads.

#include <memory>

#include "read_context.hpp"

namespace loopscore {

/// How many bytes at the start of an input decide its format, plain text's block mode and a
/// CSV's delimiter. Nothing is read before that much has arrived (or the input has ended).
inline constexpr std::size_t kSniffBytes = 64 * 1024;

/// Reads one format from a ReadContext as the input arrives.
class FormatReader {
 public:
  virtual ~FormatReader() = default;

  /// Reads whatever is complete in context.pending() and consumes it; once context.at_end(),
  /// reads everything. Views into pending() stay valid until this returns. Throws InputError
  /// when the input is malformed as a whole.
  virtual void read(ReadContext& context) = 0;
};

/// The reader of `format` (anything but automatic).
std::unique_ptr<FormatReader> make_reader(InputFormat format);

/// The format of an input that begins with `prefix` (at most kSniffBytes, after any byte order
/// mark); `complete` when the prefix is the whole input.
InputFormat sniff_format(std::string_view prefix, bool complete, const FieldMapping& fields);

// The readers, one per format (read_<format>.cpp).
std::unique_ptr<FormatReader> make_text_reader();
std::unique_ptr<FormatReader> make_json_reader();
std::unique_ptr<FormatReader> make_jsonl_reader();
std::unique_ptr<FormatReader> make_csv_reader();
std::unique_ptr<FormatReader> make_x_archive_reader();
std::unique_ptr<FormatReader> make_mastodon_reader();
std::unique_ptr<FormatReader> make_activitypub_reader();
std::unique_ptr<FormatReader> make_bluesky_reader();
std::unique_ptr<FormatReader> make_reddit_reader();
std::unique_ptr<FormatReader> make_rss_reader();
std::unique_ptr<FormatReader> make_atom_reader();
std::unique_ptr<FormatReader> make_facebook_reader();
std::unique_ptr<FormatReader> make_instagram_reader();
std::unique_ptr<FormatReader> make_linkedin_reader();

/// True when CSV header names are those of a LinkedIn export file (read_linkedin.cpp).
bool is_linkedin_header(const std::vector<std::string>& names);

}  // namespace loopscore
