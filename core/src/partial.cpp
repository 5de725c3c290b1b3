// Partials: write a session's inputs and judged posts, and merge them back into another session.
#include "partial.hpp"

#include <algorithm>

#include "loopscore/input_error.hpp"
#include "loopscore/post_json.hpp"
#include "loopscore/version.hpp"

namespace loopscore {

namespace {

using ordered_json = nlohmann::ordered_json;

// Every judged field travels; a field added to these structs must be added below too.
static_assert(sizeof(Signals) == 104 && sizeof(Sentiment) == 40 && sizeof(PostScore) == 160,
              "PostScore changed: write and read the new fields in partial.cpp");

ordered_json optional_json(const std::optional<std::int64_t>& value) {
  return value ? ordered_json(*value) : ordered_json();
}

ordered_json account_json(const AccountInfo& a) {
  return {{"handle", a.handle},
          {"display_name", a.display_name},
          {"followers", optional_json(a.followers)},
          {"following", optional_json(a.following)},
          {"posts", optional_json(a.posts)},
          {"platform", static_cast<int>(a.platform)}};
}

ordered_json input_json(const InputRead& input) {
  const ReadSummary& s = input.summary;
  return {{"name", input.name},
          {"format", static_cast<int>(s.format)},
          {"records_read", s.records_read},
          {"records_used", s.records_used},
          {"records_skipped", s.records_skipped},
          {"skipped", input.skipped},
          {"warning_count", s.warning_count},
          {"warnings", input.warnings},
          {"invalid_utf8_replaced", s.invalid_utf8_replaced}};
}

ordered_json score_json(const PostScore& score) {
  const Sentiment& s = score.sentiment;
  const Signals& g = score.signals;
  return {{"sentiment", {s.compound, s.positive, s.neutral, s.negative, static_cast<int>(s.label)}},
          {"signals", g.confidence},
          {"stage", static_cast<int>(g.stage)},
          {"shouting", g.shouting},
          {"shout_marks", g.shout_marks},
          {"voice", g.voice},
          {"useful", g.useful},
          {"credit", g.credit},
          {"text_hash", score.text_hash},
          {"fingerprint", score.fingerprint}};
}

ordered_json post_line(const PostView& p, const PostScore& score, std::size_t input) {
  return {{"input", input},
          {"id", p.id},
          {"id_generated", p.id_generated},
          {"author", p.author},
          {"text", p.text},
          {"created_at", optional_json(p.created_at)},
          {"reply_to_id", p.reply_to_id},
          {"reply_to_author", p.reply_to_author},
          {"likes", optional_json(p.likes)},
          {"reposts", optional_json(p.reposts)},
          {"replies", optional_json(p.replies)},
          {"quotes", optional_json(p.quotes)},
          {"kind", static_cast<int>(p.kind)},
          {"platform", static_cast<int>(p.platform)},
          {"url", p.url},
          {"record", p.record},
          {"score", score_json(score)}};
}

// Reading: every value is checked, so a damaged partial fails with the line and the field.
struct BadField {
  std::string what;
};

const ordered_json& field(const ordered_json& object, const char* key) {
  if (!object.is_object()) throw BadField{"expected an object"};
  const auto it = object.find(key);
  if (it == object.end()) throw BadField{std::string("missing \"") + key + "\""};
  return *it;
}

template <typename T>
T get(const ordered_json& object, const char* key) {
  const ordered_json& v = field(object, key);
  try {
    if constexpr (std::is_same_v<T, double>) {
      if (!v.is_number()) throw BadField{};
    } else if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
      if (!v.is_number_integer()) throw BadField{};
    }
    return v.get<T>();
  } catch (const std::exception&) {
    throw BadField{std::string("bad \"") + key + "\""};
  } catch (const BadField&) {
    throw BadField{std::string("bad \"") + key + "\""};
  }
}

std::optional<std::int64_t> get_optional(const ordered_json& object, const char* key) {
  if (field(object, key).is_null()) return std::nullopt;
  return get<std::int64_t>(object, key);
}

template <typename Enum>
Enum get_enum(const ordered_json& object, const char* key, Enum last) {
  const auto value = get<std::int64_t>(object, key);
  if (value < 0 || value > static_cast<std::int64_t>(last)) throw BadField{std::string("bad \"") + key + "\""};
  return static_cast<Enum>(value);
}

const ordered_json& get_array(const ordered_json& object, const char* key, std::size_t size = 0) {
  const ordered_json& v = field(object, key);
  if (!v.is_array() || (size != 0 && v.size() != size)) throw BadField{std::string("bad \"") + key + "\""};
  return v;
}

AccountInfo read_account(const ordered_json& j) {
  AccountInfo a;
  a.handle = get<std::string>(j, "handle");
  a.display_name = get<std::string>(j, "display_name");
  a.followers = get_optional(j, "followers");
  a.following = get_optional(j, "following");
  a.posts = get_optional(j, "posts");
  a.platform = get_enum(j, "platform", Platform::linkedin);
  return a;
}

PostScore read_score(const ordered_json& j) {
  PostScore score;
  const ordered_json& s = get_array(j, "sentiment", 5);
  for (std::size_t i = 0; i < 4; ++i) {
    if (!s[i].is_number()) throw BadField{"bad \"sentiment\""};
  }
  if (!s[4].is_number_integer() || s[4].get<int>() < 0 || s[4].get<int>() > 2) throw BadField{"bad \"sentiment\""};
  score.sentiment = {s[0].get<double>(), s[1].get<double>(), s[2].get<double>(), s[3].get<double>(),
                     static_cast<SentimentLabel>(s[4].get<int>())};
  const ordered_json& confidence = get_array(j, "signals", kSignalCount);
  for (std::size_t i = 0; i < kSignalCount; ++i) {
    if (!confidence[i].is_number()) throw BadField{"bad \"signals\""};
    score.signals.confidence[i] = confidence[i].get<double>();
  }
  score.signals.stage = get_enum(j, "stage", Stage::advocacy);
  score.signals.shouting = get<double>(j, "shouting");
  score.signals.shout_marks = get<std::uint8_t>(j, "shout_marks");
  score.signals.voice = get<double>(j, "voice");
  score.signals.useful = get<bool>(j, "useful");
  score.signals.credit = get<bool>(j, "credit");
  score.text_hash = get<std::uint64_t>(j, "text_hash");
  score.fingerprint = get<std::uint64_t>(j, "fingerprint");
  return score;
}

// The repeats listed so far, each with its input's number for the merge.
ordered_json duplicates_json(const AnalyzeSession::State& state) {
  ordered_json list = state.duplicates;
  for (std::size_t i = 0; i < list.size(); ++i) list[i]["input_index"] = state.duplicate_input[i];
  return list;
}

}  // namespace

void write_partial(const AnalyzeSession::State& state, const TextSink& out) {
  ordered_json inputs = ordered_json::array();
  for (const InputRead& input : state.inputs) inputs.push_back(input_json(input));
  ordered_json accounts = ordered_json::array();
  for (const AccountInfo& a : state.accounts.in_order()) accounts.push_back(account_json(a));
  ordered_json header = {{"schema", kPartialSchema},
                         {"generator", {{"name", "loopscore"}, {"version", kVersion}}},
                         {"inputs", std::move(inputs)},
                         {"accounts", std::move(accounts)},
                         {"duplicates_dropped", state.duplicate_count},
                         {"duplicates", duplicates_json(state)},
                         {"posts", state.posts.size()}};
  out(header.dump() + '\n');
  for (std::size_t i = 0; i < state.posts.size(); ++i) {
    out(post_line(state.posts[i].post, state.posts[i].score, state.post_input[i]).dump() + '\n');
  }
}

PartialReader::PartialReader(AnalyzeSession::State& state) : state_(state), input_offset_(state.inputs.size()) {}

void PartialReader::feed(std::string_view piece) {
  bytes_ += piece.size();
  while (!piece.empty()) {
    const std::size_t newline = piece.find('\n');
    if (newline == std::string_view::npos) {
      pending_.append(piece);
      return;
    }
    if (pending_.empty()) {
      take_line(piece.substr(0, newline));
    } else {
      pending_.append(piece.substr(0, newline));
      take_line(pending_);
      pending_.clear();
    }
    piece.remove_prefix(newline + 1);
  }
}

void PartialReader::take_line(std::string_view line) {
  ++line_;
  const SourceLocation where{line_ == 1 ? 0 : line_ - 1, line_, 1, 0, {}};
  ordered_json j = ordered_json::parse(line, nullptr, false);
  if (j.is_discarded()) throw InputError("invalid JSON in a partial", where);
  try {
    if (!have_header_) {
      take_header(j);
      have_header_ = true;
    } else {
      take_post(j);
    }
  } catch (const BadField& bad) {
    throw InputError("not a loopscore partial line: " + bad.what, where);
  }
}

void PartialReader::take_header(const ordered_json& header) {
  if (!header.is_object() || header.value("schema", "") != kPartialSchema) {
    throw BadField{"the first line must be a header with \"schema\": \"" + std::string(kPartialSchema) + "\""};
  }
  const std::string version = get<std::string>(field(header, "generator"), "version");
  if (version != kVersion) {
    throw BadField{"written by loopscore " + version + ", this is " + kVersion +
                   ": judgements differ between versions, so emit the partial again with this version"};
  }
  const ordered_json& inputs = get_array(header, "inputs");
  for (const ordered_json& j : inputs) {
    InputRead input;
    input.name = get<std::string>(j, "name");
    ReadSummary& s = input.summary;
    s.format = get_enum(j, "format", InputFormat::linkedin);
    s.records_read = get<std::size_t>(j, "records_read");
    s.records_used = get<std::size_t>(j, "records_used");
    s.records_skipped = get<std::size_t>(j, "records_skipped");
    input.skipped = get_array(j, "skipped");
    s.warning_count = get<std::size_t>(j, "warning_count");
    input.warnings = get_array(j, "warnings");
    s.invalid_utf8_replaced = get<std::size_t>(j, "invalid_utf8_replaced");
    state_.cap_listed_issues(input);
    state_.inputs.push_back(std::move(input));
  }
  for (const ordered_json& a : get_array(header, "accounts")) state_.accounts.add(read_account(a));
  input_count_ = inputs.size();
  repeats_.assign(input_count_, {});
  const ordered_json& listed = get_array(header, "duplicates");
  for (const ordered_json& entry : listed) {
    const auto local = get<std::size_t>(entry, "input_index");
    if (local < 1 || local > input_count_) throw BadField{"bad \"input_index\" in \"duplicates\""};
    repeats_[local - 1].push_back(
        {{"input", get<std::string>(entry, "input")}, {"record", get<std::size_t>(entry, "record")}, {"id", get<std::string>(entry, "id")}});
  }
  const auto dropped = get<std::size_t>(header, "duplicates_dropped");
  if (dropped < listed.size()) throw BadField{"bad \"duplicates_dropped\""};
  duplicates_unlisted_ = dropped - listed.size();
  posts_expected_ = get<std::size_t>(header, "posts");
}

void PartialReader::take_post(const ordered_json& j) {
  if (posts_seen_ == posts_expected_) throw BadField{"more posts than the header's " + std::to_string(posts_expected_)};
  const auto local = get<std::size_t>(j, "input");
  if (local < 1 || local > input_count_ || local <= flushed_) throw BadField{"bad \"input\" (posts come in input order)"};
  flush_repeats(local - 1);
  Post post;
  post.id = get<std::string>(j, "id");
  post.id_generated = get<bool>(j, "id_generated");
  post.author = get<std::string>(j, "author");
  post.text = get<std::string>(j, "text");
  post.created_at = get_optional(j, "created_at");
  post.reply_to_id = get<std::string>(j, "reply_to_id");
  post.reply_to_author = get<std::string>(j, "reply_to_author");
  post.likes = get_optional(j, "likes");
  post.reposts = get_optional(j, "reposts");
  post.replies = get_optional(j, "replies");
  post.quotes = get_optional(j, "quotes");
  post.kind = get_enum(j, "kind", PostKind::quote);
  post.platform = get_enum(j, "platform", Platform::linkedin);
  post.url = get<std::string>(j, "url");
  post.record = get<std::size_t>(j, "record");
  const PostScore score = read_score(field(j, "score"));
  ++posts_seen_;
  // A partial's own session prefixed generated ids from its second input on; undo that, so
  // the id is prefixed by the input's number in the merged session as one session would.
  const std::size_t input = input_offset_ + local;
  if (post.id_generated && local > 1) {
    const std::string prefix = std::to_string(local) + ":";
    if (post.id.rfind(prefix, 0) != 0) throw BadField{"bad \"id\" for a generated id"};
    post.id.erase(0, prefix.size());
  }
  if (!state_.admit(post, input)) {
    repeats_[local - 1].push_back({{"input", state_.inputs[input - 1].name}, {"record", post.record}, {"id", post.id}});
    return;
  }
  state_.posts.add(post).score = score;
  state_.post_input.push_back(input);
}

void PartialReader::flush_repeats(std::size_t up_to) {
  for (; flushed_ < up_to; ++flushed_) {
    std::vector<ordered_json>& list = repeats_[flushed_];
    std::stable_sort(list.begin(), list.end(), [](const ordered_json& a, const ordered_json& b) {
      return a["record"].get<std::size_t>() < b["record"].get<std::size_t>();
    });
    for (ordered_json& entry : list) state_.list_duplicate(std::move(entry), input_offset_ + flushed_ + 1);
    list.clear();
  }
}

void PartialReader::finish() {
  if (!pending_.empty()) {
    take_line(pending_);
    pending_.clear();
  }
  const SourceLocation where{0, line_, 1, 0, {}};
  if (!have_header_) throw InputError("empty partial: no header line", where);
  if (posts_seen_ != posts_expected_) {
    throw InputError("partial cut short: " + std::to_string(posts_seen_) + " of " +
                         std::to_string(posts_expected_) + " posts",
                     where);
  }
  flush_repeats(input_count_);
  state_.duplicate_count += duplicates_unlisted_;
}

}  // namespace loopscore
