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

/// Input formats. `automatic` sniffs the content. docs/formats.md describes each.
enum class InputFormat {
  automatic,
  text,         ///< plain text: one post a line, or a block of lines between blank lines
  json,         ///< a JSON array of post objects, or one object (FieldMapping)
  jsonl,        ///< JSON Lines: one post object a line (FieldMapping)
  csv,          ///< CSV with a header row (FieldMapping, case-insensitive column names)
  x_archive,    ///< X/Twitter archive files: data/tweets.js, account.js, profile.js, follower.js...
  mastodon,     ///< Mastodon REST API: statuses, a status, a status context, an account
  activitypub,  ///< ActivityPub: a Mastodon export's outbox.json and actor.json
  bluesky,      ///< Bluesky AppView: getAuthorFeed, getPostThread, getPosts, getProfile
  reddit,       ///< Reddit .json: listings and comment threads
  rss,          ///< RSS 2.0 (and RDF/RSS 1.0) feeds
  atom,         ///< Atom feeds
  facebook,     ///< Facebook export JSON: your_posts_1.json, comments.json
  instagram,    ///< Instagram export JSON: posts_1.json, post_comments_1.json
  linkedin,     ///< LinkedIn export CSV: Shares.csv, Comments.csv, Reactions.csv
};

/// Name used in options and reports ("auto", "text", "json", "jsonl", "csv", "x-archive", ...).
std::string_view format_name(InputFormat format);

/// Every format name, comma-separated, for messages ("auto, text, json, ...").
std::string format_names();

/// Parses a format name as given to `--format` (also a few aliases: "ndjson", "twitter", ...);
/// nullopt when unknown.
std::optional<InputFormat> parse_format(std::string_view name);

/// Guesses the format from the first bytes of the input (never from a file name): the first
/// 64 KiB decide.
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
  std::size_t max_input_bytes = std::size_t{1} << 31;       ///< whole input (2 GiB)
  std::size_t max_post_bytes = std::size_t{1} << 20;        ///< one post's text (1 MiB)
  std::size_t max_posts = 10'000'000;                       ///< posts used
  std::size_t max_depth = 128;                              ///< JSON and XML nesting
  std::size_t max_record_bytes = std::size_t{64} << 20;     ///< one line, CSV row or JSON array element (64 MiB)
  std::size_t max_document_bytes = std::size_t{256} << 20;  ///< formats read whole: API responses, feeds (256 MiB)
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
  std::vector<AccountInfo> accounts;            ///< accounts the input describes (profiles, archive owner,
                                                ///< authors of statuses that carry counts), one per handle
};

/// Receives each post as it is read. The reader may reuse the object afterwards: copy or move
/// out what you keep.
using PostSink = std::function<void(Post&)>;

/// Told of each skipped record as soon as it is skipped (it is also listed in the summary).
using SkipSink = std::function<void(const RecordIssue&)>;

/// Reads every post of `input`, calling `sink` for each in input order. Throws InputError
/// (with the location) when the input is malformed as a whole, or holds no usable post unless
/// it is a file that only describes an account (a profile, an archive's account.js).
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

  /// Ends the input and returns what was read. Throws InputError when the input is malformed or
  /// no usable post was found (as read_posts). After an InputError the reader is spent: every
  /// further call throws it again.
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
