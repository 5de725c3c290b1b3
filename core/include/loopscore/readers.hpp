#pragma once
// Reading posts from the formats people bring: detection, limits, and what was skipped.

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loopscore/input_error.hpp"
#include "loopscore/post.hpp"

namespace loopscore {

/// Input formats. `automatic` sniffs the content.
enum class InputFormat { automatic, text, json, jsonl };

/// Name used in options and reports ("auto", "text", "json", "jsonl").
std::string_view format_name(InputFormat format);

/// Parses a format name as given to `--format`; nullopt when unknown.
std::optional<InputFormat> parse_format(std::string_view name);

/// Guesses the format from the first bytes of the input (never from a file name).
InputFormat detect_format(std::string_view input);

/// Which object fields feed which Post field (JSON, JSONL). Each list is tried in order;
/// a name may be a dotted path ("user.screen_name").
struct FieldMapping {
  std::vector<std::string> id{"id", "id_str"};
  std::vector<std::string> author{"author", "user", "username", "screen_name", "handle"};
  std::vector<std::string> text{"text", "full_text", "content", "body", "message"};
  std::vector<std::string> created_at{"created_at", "createdAt", "date", "timestamp", "time"};
  std::vector<std::string> in_reply_to{"in_reply_to", "in_reply_to_id", "in_reply_to_status_id_str",
                                       "reply_to", "parent_id"};
  std::vector<std::string> in_reply_to_author{"in_reply_to_author", "in_reply_to_screen_name"};
  std::vector<std::string> likes{"likes", "like_count", "favorite_count", "favourites_count"};
  std::vector<std::string> reposts{"reposts", "repost_count", "retweet_count", "reblogs_count"};
  std::vector<std::string> replies{"replies", "reply_count", "replies_count"};
  std::vector<std::string> quotes{"quotes", "quote_count"};
  std::vector<std::string> url{"url", "permalink"};

  /// Puts `name` first in the list for `field` ("text", "id", ...); false if the field is unknown.
  bool prefer(std::string_view field, std::string name);
};

/// Caps that keep hostile or accidental input from exhausting memory or time.
struct ReadLimits {
  std::size_t max_input_bytes = std::size_t{1} << 31;  ///< whole input (2 GiB)
  std::size_t max_post_bytes = std::size_t{1} << 20;   ///< one post's text (1 MiB)
  std::size_t max_posts = 10'000'000;                  ///< posts used
  std::size_t max_depth = 128;                         ///< JSON nesting
};

/// How to read an input.
struct ReadOptions {
  InputFormat format = InputFormat::automatic;
  FieldMapping fields;
  ReadLimits limits;
};

/// What a read found, besides the posts themselves.
struct ReadSummary {
  InputFormat format = InputFormat::automatic;  ///< the format actually read
  std::size_t records_read = 0;                 ///< records seen (used + skipped)
  std::size_t records_used = 0;                 ///< posts handed to the sink
  std::size_t records_skipped = 0;              ///< records not used
  std::vector<RecordIssue> skipped;             ///< the first 1000 records not used, with where and why
  std::size_t warning_count = 0;                ///< fields ignored in records that were used
  std::vector<RecordIssue> warnings;            ///< the first 1000 of those, e.g. an unreadable date
  std::size_t invalid_utf8_replaced = 0;        ///< ill-formed UTF-8 sequences replaced by U+FFFD
  std::vector<AccountInfo> accounts;            ///< accounts the input describes (profiles, archive owner)
};

/// Receives each post as it is read. The reader may reuse the object afterwards: copy or move
/// out what you keep.
using PostSink = std::function<void(Post&)>;

/// Told of each skipped record as soon as it is skipped (it is also listed in the summary).
using SkipSink = std::function<void(const RecordIssue&)>;

/// Reads every post of `input`, calling `sink` for each in input order. Throws InputError
/// (with the location) when the input is malformed as a whole or holds no usable post.
ReadSummary read_posts(std::string_view input, const ReadOptions& options, const PostSink& sink,
                       const SkipSink& on_skip = {});

/// Reads an input that arrives in pieces (a file read in chunks, a browser File stream), so
/// memory stays well below the input size for the big line- and array-based formats. Posts
/// reach the sink as soon as they are complete; splitting the input differently never changes
/// what is read. read_posts() is this with one piece.
class PostStreamReader {
 public:
  PostStreamReader(const ReadOptions& options, PostSink sink, SkipSink on_skip = {});
  ~PostStreamReader();
  PostStreamReader(const PostStreamReader&) = delete;
  PostStreamReader& operator=(const PostStreamReader&) = delete;

  /// Takes the next piece of the input. Throws InputError when the input is malformed as a whole.
  void feed(std::string_view piece);

  /// Ends the input and returns what was read. Throws InputError when no usable post was found.
  ReadSummary finish();

  /// Bytes taken so far (for progress).
  std::size_t bytes_fed() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// Convenience: reads all posts into a vector.
std::vector<Post> read_all_posts(std::string_view input, const ReadOptions& options,
                                 ReadSummary* summary = nullptr);

}  // namespace loopscore
