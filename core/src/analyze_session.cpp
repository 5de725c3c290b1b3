// analyze: read every input, judge each post, then measure the loop and write the report.
#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <set>

#include "analyze_state.hpp"
#include "json_indent.hpp"
#include "loopscore/analysis.hpp"
#include "loopscore/json_text.hpp"
#include "loopscore/loop/corpus.hpp"
#include "loopscore/loop/loop_score.hpp"
#include "loopscore/post_json.hpp"
#include "loopscore/post_scorer.hpp"
#include "loopscore/time.hpp"
#include "loopscore/version.hpp"
#include "partial.hpp"

namespace loopscore {

namespace {

using ordered_json = nlohmann::ordered_json;

ordered_json issues_json(const std::vector<InputRead>& inputs, bool skipped) {
  ordered_json list = ordered_json::array();
  for (const InputRead& input : inputs) {
    for (ordered_json j : skipped ? input.skipped : input.warnings) {
      if (inputs.size() > 1) j["input"] = input.name;
      list.push_back(std::move(j));
    }
  }
  return list;
}

// Out of line, as the report's other steps (see append_post_entry).
[[gnu::noinline]] ordered_json input_json(const std::vector<InputRead>& inputs, const Corpus& corpus,
                                          std::size_t duplicate_count, const ordered_json& duplicates) {
  std::size_t read = 0, used = 0, skipped = 0, warnings = 0, replaced = 0;
  std::set<std::string_view> formats;
  ordered_json documents = ordered_json::array();
  for (const InputRead& input : inputs) {
    const ReadSummary& s = input.summary;
    read += s.records_read;
    used += s.records_used;
    skipped += s.records_skipped;
    warnings += s.warning_count;
    replaced += s.invalid_utf8_replaced;
    formats.insert(format_name(s.format));
    documents.push_back({{"name", input.name},
                         {"format", format_name(s.format)},
                         {"records_read", s.records_read},
                         {"records_used", s.records_used},
                         {"records_skipped", s.records_skipped}});
  }
  std::optional<TimeMs> first, last;
  for (std::size_t i = 0; i < corpus.size(); ++i) {
    const auto& t = corpus.link(i).time;
    if (!t) continue;
    first = first ? std::min(*first, *t) : *t;
    last = last ? std::max(*last, *t) : *t;
  }
  const auto time = [](const std::optional<TimeMs>& t) { return t ? ordered_json(format_iso8601(*t)) : ordered_json(); };
  ordered_json j;
  j["format"] = formats.size() == 1 ? std::string(*formats.begin()) : std::string("mixed");
  j["records_read"] = read;
  j["records_used"] = used;
  j["records_skipped"] = skipped;
  j["skipped"] = issues_json(inputs, true);
  j["warning_count"] = warnings;
  j["warnings"] = issues_json(inputs, false);
  j["invalid_utf8_replaced"] = replaced;
  j["duplicates_dropped"] = duplicate_count;
  j["duplicates"] = duplicates;
  j["authors"] = corpus.authors();
  j["first_post_at"] = time(first);
  j["last_post_at"] = time(last);
  j["documents"] = std::move(documents);
  return j;
}

// Out of line, as the report's other steps (see append_post_entry).
[[gnu::noinline]] ordered_json summary_json(const Corpus& corpus) {
  std::size_t positive = 0, neutral = 0, negative = 0;
  std::array<std::size_t, kSignalCount> signal_counts{};
  double compound = 0;
  for (const AnalyzedPost& p : corpus.posts()) {
    positive += p.score.sentiment.label == SentimentLabel::positive;
    neutral += p.score.sentiment.label == SentimentLabel::neutral;
    negative += p.score.sentiment.label == SentimentLabel::negative;
    compound += p.score.sentiment.compound;
    for (std::size_t s = 0; s < kSignalCount; ++s) signal_counts[s] += p.score.signals.has(static_cast<Signal>(s));
  }
  const std::size_t n = corpus.size(), polar = positive + negative;
  ordered_json sentiment;
  sentiment["positive"] = positive;
  sentiment["neutral"] = neutral;
  sentiment["negative"] = negative;
  sentiment["mean_compound"] = n == 0 ? 0.0 : round4(compound / double(n));
  sentiment["net_sentiment"] =
      polar == 0 ? ordered_json() : ordered_json(round4((double(positive) - double(negative)) / double(polar)));
  sentiment["net_sentiment_formula"] = "(positive - negative) / (positive + negative)";
  ordered_json signals;
  for (std::size_t s = 0; s < kSignalCount; ++s) signals[std::string(signal_name(static_cast<Signal>(s)))] = signal_counts[s];
  ordered_json j;
  j["posts"] = n;
  j["sentiment"] = std::move(sentiment);
  j["signals"] = std::move(signals);
  return j;
}

// One post of the per-post list, appended to `text`. Kept out of line, as the report's steps
// are (the corpus, the loop score, input and summary): inlined, they all made one function of
// write_report, called once an analysis, and a wasm engine optimises a function only for its next
// call: on a page's first analysis it compiled that giant at great cost for nothing
// (docs/performance.md, "the widget's first report"). Apart, each is small, optimised early or not at all.
[[gnu::noinline]] void append_post_entry(std::string& text, const AnalyzedPost& post, const PostLinks& link) {
  append_post_object(text, post.post, post.score);
  text += link.by_owner ? ",\"by_owner\":true" : ",\"by_owner\":false";
  text += link.addressed_to_owner ? ",\"addressed_to_owner\":true" : ",\"addressed_to_owner\":false";
  text += ",\"owner_replies\":";
  text += std::to_string(link.owner_replies);
  text += '}';
}

// Appends the compact per-post list to `text`, handing it to `out` every ~64 KB.
void write_posts(const Corpus& corpus, std::string& text, const TextSink& out) {
  constexpr std::size_t kPiece = 64 * 1024;
  for (std::size_t i = 0; i < corpus.size(); ++i) {
    if (i > 0) text += ',';
    append_post_entry(text, corpus.post(i), corpus.link(i));
    if (text.size() >= kPiece) {
      out(text);
      text.clear();
    }
  }
}

}  // namespace

bool AnalyzeSession::State::admit(Post& post, std::size_t input) {
  if (post.id_generated) {
    if (input > 1) post.id = std::to_string(input) + ":" + post.id;
    return true;
  }
  return !ids.claim(post.id, static_cast<std::uint32_t>(posts.size()));
}

void AccountLog::add(const AccountInfo& account) {
  std::string key = std::to_string(static_cast<int>(account.platform));
  for (const std::string* text : {&account.handle, &account.display_name}) (key += '\n') += *text;
  for (const auto* count : {&account.followers, &account.following, &account.posts}) {
    key += '\n';
    if (*count) key += std::to_string(**count);
  }
  auto& [when, stored] = last_[std::move(key)];
  when = ++mentions_;
  stored = account;
}

std::vector<AccountInfo> AccountLog::in_order() const {
  std::vector<std::pair<std::uint64_t, const AccountInfo*>> order;
  order.reserve(last_.size());
  for (const auto& [key, entry] : last_) order.emplace_back(entry.first, &entry.second);
  std::sort(order.begin(), order.end());
  std::vector<AccountInfo> accounts;
  accounts.reserve(order.size());
  for (const auto& [when, account] : order) accounts.push_back(*account);
  return accounts;
}

std::size_t AnalyzeSession::State::take_listing_room(std::size_t& listed, std::size_t count) {
  const std::size_t room = std::min(count, kMaxListedSkips - std::min(listed, kMaxListedSkips));
  listed += room;
  return room;
}

void AnalyzeSession::State::cap_listed_issues(InputRead& input) {
  for (auto [list, listed] : {std::pair{&input.skipped, &listed_skipped}, std::pair{&input.warnings, &listed_warnings}}) {
    const std::size_t room = take_listing_room(*listed, list->size());
    list->erase(list->begin() + static_cast<std::ptrdiff_t>(room), list->end());
  }
}

void AnalyzeSession::State::list_duplicate(ordered_json entry, std::size_t input) {
  if (duplicates.size() < kMaxListedDuplicates) {
    duplicates.push_back(std::move(entry));
    duplicate_input.push_back(input);
  }
  ++duplicate_count;
}

AnalyzeSession::AnalyzeSession(AnalysisOptions options) : state_(std::make_unique<State>()) {
  state_->options = std::move(options);
}

AnalyzeSession::~AnalyzeSession() = default;

void AnalyzeSession::begin_input(std::string name) {
  State& s = *state_;
  if (s.reader) end_input();
  s.inputs.push_back({std::move(name), {}});
  s.reader = std::make_unique<PostStreamReader>(s.options.read, [&s](Post& post) {
    // The same post from two inputs (a status page and a thread) counts once.
    if (!s.admit(post, s.inputs.size())) {
      s.list_duplicate({{"input", s.inputs.back().name}, {"record", post.record}, {"id", post.id}}, s.inputs.size());
      return;
    }
    AnalyzedPost& kept = s.posts.add(post);
    kept.score = s.scorer.score(post);
    s.post_input.push_back(s.inputs.size());
  });
}

void AnalyzeSession::begin_partial() {
  State& s = *state_;
  if (s.reader || s.partial) end_input();
  s.partial = std::make_unique<PartialReader>(s);
}

void AnalyzeSession::feed(std::string_view piece) {
  if (state_->partial) return state_->partial->feed(piece);
  if (!state_->reader) begin_input("input");
  state_->reader->feed(piece);
}

void AnalyzeSession::end_input() {
  State& s = *state_;
  if (s.partial) {
    std::unique_ptr<PartialInput> partial = std::move(s.partial);
    s.bytes_before += partial->bytes_fed();
    partial->finish();
    return;
  }
  if (!s.reader) return;
  std::unique_ptr<PostStreamReader> reader = std::move(s.reader);
  s.bytes_before += reader->bytes_fed();
  InputRead& input = s.inputs.back();
  input.summary = reader->finish();
  for (const AccountInfo& account : input.summary.accounts) s.accounts.add(account);
  input.summary.accounts = {};
  // Only the issues the report will list become JSON.
  const std::size_t skips = State::take_listing_room(s.listed_skipped, input.summary.skipped.size());
  for (std::size_t i = 0; i < skips; ++i) input.skipped.push_back(issue_json(input.summary.skipped[i]));
  const std::size_t warnings = State::take_listing_room(s.listed_warnings, input.summary.warnings.size());
  for (std::size_t i = 0; i < warnings; ++i) input.warnings.push_back(issue_json(input.summary.warnings[i]));
  input.summary.skipped.clear();
  input.summary.warnings.clear();
}

std::size_t AnalyzeSession::bytes_fed() const {
  const State& s = *state_;
  return s.bytes_before + (s.reader ? s.reader->bytes_fed() : 0) + (s.partial ? s.partial->bytes_fed() : 0);
}

void AnalyzeSession::write_report(const TextSink& out) {
  State& s = *state_;
  end_input();
  const Corpus corpus(std::move(s.posts), s.options.loop, s.accounts.in_order());
  s.post_input.clear();
  s.ids = PostIdIndex(s.posts);  // the ids it held are the corpus's now
  const LoopScore loop = compute_loop_score(corpus);
  ordered_json report;
  report["schema"] = kReportSchema;
  report["generator"] = {{"name", "loopscore"}, {"version", kVersion}};
  report["input"] = input_json(s.inputs, corpus, s.duplicate_count, s.duplicates);
  report["summary"] = summary_json(corpus);
  report["loop"] = loop_json(corpus, loop);
  // The report is written compact, its per-post list directly as text, in pieces: a json value
  // per post cost three quarters of the time and most of the memory of a large analysis
  // (docs/performance.md). The pretty report, for people, is that text indented.
  std::string pretty_source;
  const TextSink compact_out = s.options.pretty ? TextSink([&](std::string_view piece) { pretty_source += piece; }) : out;
  std::string text = report.dump();
  if (s.options.include_posts) {
    text.pop_back();  // the report's closing brace
    text += ",\"posts\":[";
    write_posts(corpus, text, compact_out);
    text += "]}";
  }
  if (s.options.pretty) {
    pretty_source += text;
    text = indent_json(pretty_source);
  }
  text += '\n';
  out(text);
}

void AnalyzeSession::write_partial(const TextSink& out) {
  end_input();
  loopscore::write_partial(*state_, out);
}

void analyze(std::string_view input, const AnalysisOptions& options, const TextSink& out) {
  AnalyzeSession session(options);
  session.begin_input(options.input_name);
  session.feed(input);
  session.write_report(out);
}

std::string analyze_to_string(std::string_view input, const AnalysisOptions& options) {
  std::string result;
  analyze(input, options, [&result](std::string_view piece) { result.append(piece); });
  return result;
}

}  // namespace loopscore
