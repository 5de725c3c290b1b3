// Format names, detection, and the stream that repairs the input, sniffs its format and drives
// the reader of that format.
#include "loopscore/readers.hpp"

#include <array>

#include "format_reader.hpp"

namespace loopscore {

namespace {

constexpr std::array<InputFormat, 15> kFormats{InputFormat::automatic, InputFormat::text,        InputFormat::json,
                                               InputFormat::jsonl,     InputFormat::csv,         InputFormat::x_archive,
                                               InputFormat::mastodon,  InputFormat::activitypub, InputFormat::bluesky,
                                               InputFormat::reddit,    InputFormat::rss,         InputFormat::atom,
                                               InputFormat::facebook,  InputFormat::instagram,   InputFormat::linkedin};

constexpr std::string_view kBom = "\xEF\xBB\xBF";

}  // namespace

std::string_view format_name(InputFormat format) {
  switch (format) {
    case InputFormat::text: return "text";
    case InputFormat::json: return "json";
    case InputFormat::jsonl: return "jsonl";
    case InputFormat::csv: return "csv";
    case InputFormat::x_archive: return "x-archive";
    case InputFormat::mastodon: return "mastodon";
    case InputFormat::activitypub: return "activitypub";
    case InputFormat::bluesky: return "bluesky";
    case InputFormat::reddit: return "reddit";
    case InputFormat::rss: return "rss";
    case InputFormat::atom: return "atom";
    case InputFormat::facebook: return "facebook";
    case InputFormat::instagram: return "instagram";
    case InputFormat::linkedin: return "linkedin";
    case InputFormat::automatic: break;
  }
  return "auto";
}

std::string format_names() {
  std::string names;
  for (InputFormat f : kFormats) {
    if (!names.empty()) names += ", ";
    names += format_name(f);
  }
  return names;
}

std::optional<InputFormat> parse_format(std::string_view name) {
  for (InputFormat f : kFormats) {
    if (name == format_name(f)) return f;
  }
  if (name == "ndjson") return InputFormat::jsonl;
  if (name == "txt" || name == "plain") return InputFormat::text;
  if (name == "x" || name == "twitter" || name == "tweets.js") return InputFormat::x_archive;
  if (name == "outbox") return InputFormat::activitypub;
  if (name == "tsv") return InputFormat::csv;
  return std::nullopt;
}

InputFormat detect_format(std::string_view input) {
  if (input.substr(0, kBom.size()) == kBom) input.remove_prefix(kBom.size());
  return sniff_format(input.substr(0, kSniffBytes), input.size() <= kSniffBytes, FieldMapping{});
}

bool FieldMapping::prefer(std::string_view field, std::string name) {
  std::vector<std::string>* list = nullptr;
  if (field == "id") list = &id;
  else if (field == "author") list = &author;
  else if (field == "text") list = &text;
  else if (field == "created_at") list = &created_at;
  else if (field == "in_reply_to") list = &in_reply_to;
  else if (field == "in_reply_to_author") list = &in_reply_to_author;
  else if (field == "likes") list = &likes;
  else if (field == "reposts") list = &reposts;
  else if (field == "replies") list = &replies;
  else if (field == "quotes") list = &quotes;
  else if (field == "url") list = &url;
  if (list == nullptr) return false;
  list->insert(list->begin(), std::move(name));
  return true;
}

std::unique_ptr<FormatReader> make_reader(InputFormat format) {
  switch (format) {
    case InputFormat::json: return make_json_reader();
    case InputFormat::jsonl: return make_jsonl_reader();
    case InputFormat::csv: return make_csv_reader();
    case InputFormat::x_archive: return make_x_archive_reader();
    case InputFormat::mastodon: return make_mastodon_reader();
    case InputFormat::activitypub: return make_activitypub_reader();
    case InputFormat::bluesky: return make_bluesky_reader();
    case InputFormat::reddit: return make_reddit_reader();
    case InputFormat::rss: return make_rss_reader();
    case InputFormat::atom: return make_atom_reader();
    case InputFormat::facebook: return make_facebook_reader();
    case InputFormat::instagram: return make_instagram_reader();
    case InputFormat::linkedin: return make_linkedin_reader();
    case InputFormat::text:
    case InputFormat::automatic: break;
  }
  return make_text_reader();
}

// The stream: pieces are repaired into the context; once the first kSniffBytes have arrived (or
// the input has ended) the format is settled, and from then on the reader reads as pieces come.
struct PostStreamReader::State {
  State(const ReadOptions& options, PostSink sink, SkipSink on_skip)
      : options(options),
        sink(std::move(sink)),
        on_skip(std::move(on_skip)),
        context(this->options, this->sink, this->on_skip, summary) {}

  void take(std::string_view piece, bool last) {
    if (failure) throw *failure;
    try {
      if (bytes_fed + piece.size() > options.limits.max_input_bytes) {
        SourceLocation where;
        where.byte_offset = options.limits.max_input_bytes;
        throw InputError("input is larger than the limit of " + std::to_string(options.limits.max_input_bytes) +
                             " bytes (max_input_bytes)",
                         where);
      }
      if (head.size() < 4) check_encoding(piece, last);
      bytes_fed += piece.size();
      context.append(piece, last);
      // More than kSniffBytes after any byte order mark, or all there is: enough to decide.
      if (!reader && (last || context.pending().size() > kSniffBytes + kBom.size())) start();
      if (last) check_not_empty();
      if (reader) reader->read(context);
      context.compact();
      if (last) check_something_read();
    } catch (const InputError& e) {
      failure = e;
      throw;
    }
  }

  // UTF-16 and UTF-32 files announce themselves with a byte order mark; reading them as UTF-8
  // would give nothing but replacement characters, so say what they are instead.
  void check_encoding(std::string_view piece, bool last) {
    head.append(piece.substr(0, 4 - head.size()));
    if (head.size() < 4 && !last) return;
    const auto starts = [&](std::string_view mark) { return head.compare(0, mark.size(), mark) == 0; };
    const char* encoding = starts(std::string_view("\xFF\xFE\0\0", 4))   ? "UTF-32 (little-endian)"
                           : starts(std::string_view("\0\0\xFE\xFF", 4)) ? "UTF-32 (big-endian)"
                           : starts("\xFF\xFE")                           ? "UTF-16 (little-endian)"
                           : starts("\xFE\xFF")                           ? "UTF-16 (big-endian)"
                                                                          : nullptr;
    if (encoding != nullptr) {
      throw InputError(std::string("the input is ") + encoding +
                           " text; loopscore reads UTF-8: save or export it as UTF-8 and try again",
                       SourceLocation{});
    }
    head.resize(4, ' ');  // decided: look no further
  }

  void start() {
    context.drop_byte_order_mark();
    const std::string_view pending = context.pending();
    summary.format = options.format != InputFormat::automatic
                         ? options.format
                         : sniff_format(pending.substr(0, kSniffBytes),
                                        context.at_end() && pending.size() <= kSniffBytes, options.fields);
    reader = make_reader(summary.format);
  }

  void check_not_empty() const {
    if (context.text_bytes() == 0) throw InputError("the input is empty: no posts", SourceLocation{});
    if (!context.has_text()) throw InputError("the input holds only white space: no posts", SourceLocation{});
  }

  void check_something_read() const {
    if (summary.records_used > 0 || !summary.accounts.empty() || context.posts_optional()) return;
    if (!summary.skipped.empty()) {
      const RecordIssue& first = summary.skipped.front();
      throw InputError("no usable posts: all " + std::to_string(summary.records_read) +
                           " records were skipped; the first: " + first.reason,
                       first.where);
    }
    throw InputError("no posts found: this " + std::string(format_name(summary.format)) + " input holds no records",
                     SourceLocation{});
  }

  ReadOptions options;
  PostSink sink;
  SkipSink on_skip;
  ReadSummary summary;
  ReadContext context;
  std::unique_ptr<FormatReader> reader;
  std::string head;  // the first bytes, until the encoding is known
  std::size_t bytes_fed = 0;
  bool finished = false;
  std::optional<InputError> failure;
};

PostStreamReader::PostStreamReader(const ReadOptions& options, PostSink sink, SkipSink on_skip)
    : state_(std::make_unique<State>(options, std::move(sink), std::move(on_skip))) {}

PostStreamReader::~PostStreamReader() = default;

void PostStreamReader::feed(std::string_view piece) {
  if (state_->finished) throw std::logic_error("PostStreamReader::feed after finish");
  if (!piece.empty()) state_->take(piece, false);
}

ReadSummary PostStreamReader::finish() {
  if (state_->finished) throw std::logic_error("PostStreamReader::finish called twice");
  state_->take({}, true);
  state_->finished = true;
  return std::move(state_->summary);
}

std::size_t PostStreamReader::bytes_fed() const { return state_->bytes_fed; }

ReadSummary read_posts(std::string_view input, const ReadOptions& options, const PostSink& sink,
                       const SkipSink& on_skip) {
  PostStreamReader reader(options, sink, on_skip);
  reader.feed(input);
  return reader.finish();
}

std::vector<Post> read_all_posts(std::string_view input, const ReadOptions& options, ReadSummary* summary) {
  std::vector<Post> posts;
  ReadSummary result = read_posts(input, options, [&posts](Post& post) { posts.push_back(std::move(post)); });
  if (summary != nullptr) *summary = std::move(result);
  return posts;
}

}  // namespace loopscore
