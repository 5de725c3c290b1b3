#include "loopscore/loop/loop_score.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "loopscore/json_text.hpp"
#include "loopscore/loop/advocacy.hpp"
#include "loopscore/loop/calm.hpp"
#include "loopscore/loop/face.hpp"
#include "loopscore/loop/give.hpp"
#include "loopscore/loop/love.hpp"
#include "loopscore/loop/report_text.hpp"
#include "loopscore/loop/respond.hpp"
#include "loopscore/loop/rhythm.hpp"
#include "loopscore/loop/stats.hpp"
#include "loopscore/time.hpp"

namespace loopscore {

namespace {

using ordered_json = nlohmann::ordered_json;

constexpr std::size_t kMaxReplyEdges = 20;
constexpr std::int64_t kDailyTimelineMaxDays = 400;

ordered_json optional_number(const std::optional<double>& v) { return v ? ordered_json(round4(*v)) : ordered_json(); }

ordered_json threads_json(const Corpus& corpus) {
  std::size_t replies = 0, conversations = 0;
  std::int32_t max_depth = 0;
  std::vector<std::int32_t> replies_under(corpus.size(), 0);
  std::unordered_map<std::uint64_t, std::size_t> edges;  // replies by (from, to) author
  for (std::size_t i = 0; i < corpus.size(); ++i) {
    const PostLinks& link = corpus.link(i);
    max_depth = std::max(max_depth, link.depth);
    if (link.parent == PostLinks::kNone) continue;
    ++replies;
    ++replies_under[link.root];
    const std::uint32_t from = corpus.author_of(i), to = corpus.author_of(link.parent);
    if (from != Corpus::kNoAuthor && to != Corpus::kNoAuthor) ++edges[std::uint64_t{from} << 32 | to];
  }
  for (const std::int32_t n : replies_under) conversations += n > 0;
  // Most replies first; ties by the two handle keys.
  struct Edge {
    const std::string* from;
    const std::string* to;
    std::size_t replies;
  };
  std::vector<Edge> ranked;
  ranked.reserve(edges.size());
  for (const auto& [pair, count] : edges) {
    ranked.push_back({&corpus.author_keys()[pair >> 32], &corpus.author_keys()[pair & 0xffffffff], count});
  }
  const auto listed = ranked.begin() + static_cast<std::ptrdiff_t>(std::min(ranked.size(), kMaxReplyEdges));
  std::partial_sort(ranked.begin(), listed, ranked.end(), [](const Edge& a, const Edge& b) {
    if (a.replies != b.replies) return a.replies > b.replies;
    return std::tie(*a.from, *a.to) < std::tie(*b.from, *b.to);
  });
  ordered_json who = ordered_json::array();
  for (std::size_t k = 0; k < ranked.size() && k < kMaxReplyEdges; ++k) {
    who.push_back({{"from", *ranked[k].from}, {"to", *ranked[k].to}, {"replies", ranked[k].replies}});
  }
  ordered_json j;
  j["conversations"] = conversations;
  j["replies"] = replies;
  j["replies_to_absent_posts"] = corpus.replies_to_absent_posts();
  j["max_depth"] = max_depth;
  j["reply_cycles_broken"] = corpus.reply_cycles_broken();
  j["id_clock"] = id_clock_name(corpus.id_clock());
  j["who_replied_to_whom"] = std::move(who);
  return j;
}

// Posts, owner and audience, and sentiment by local day (or by week for long spans).
ordered_json timeline_json(const Corpus& corpus) {
  struct Bucket {
    std::size_t owner = 0, audience = 0, positive = 0, neutral = 0, negative = 0;
    double compound = 0;
  };
  std::optional<std::int64_t> first, last;
  for (const PostLinks& link : corpus.links()) {
    if (!link.time) continue;
    const std::int64_t day = day_number(corpus.local(*link.time));
    first = first ? std::min(*first, day) : day;
    last = last ? std::max(*last, day) : day;
  }
  ordered_json j;
  j["bucket"] = first && *last - *first > kDailyTimelineMaxDays ? "week" : "day";
  j["points"] = ordered_json::array();
  if (!first) return j;
  const bool weekly = j["bucket"] == "week";
  // A week starts on its Monday, but never before 0000-01-01, the first day a report can write.
  const std::int64_t first_day = days_from_civil(0, 1, 1);
  const auto bucket_start = [&](std::int64_t day) { return weekly ? std::max(first_day, day - weekday(day)) : day; };
  std::map<std::int64_t, Bucket> buckets;
  for (std::size_t i = 0; i < corpus.size(); ++i) {
    const PostLinks& link = corpus.link(i);
    if (!link.time) continue;
    Bucket& b = buckets[bucket_start(day_number(corpus.local(*link.time)))];
    const Sentiment& s = corpus.post(i).score.sentiment;
    (link.by_owner ? b.owner : b.audience) += 1;
    b.positive += s.label == SentimentLabel::positive;
    b.neutral += s.label == SentimentLabel::neutral;
    b.negative += s.label == SentimentLabel::negative;
    b.compound += s.compound;
  }
  for (const auto& [day, b] : buckets) {
    const std::size_t n = b.owner + b.audience;
    j["points"].push_back({{"date", format_iso8601(day * 86400000).substr(0, 10)},
                           {"owner_posts", b.owner},
                           {"audience_posts", b.audience},
                           {"positive", b.positive},
                           {"neutral", b.neutral},
                           {"negative", b.negative},
                           {"mean_compound", round4(b.compound / double(n))}});
  }
  return j;
}

ordered_json stage_funnel_json(const Corpus& corpus) {
  std::array<std::size_t, 7> counts{};
  for (std::size_t i = 0; i < corpus.size(); ++i) {
    if (!corpus.link(i).by_owner) ++counts[static_cast<std::size_t>(corpus.post(i).score.signals.stage)];
  }
  ordered_json j;
  for (Stage stage : {Stage::awareness, Stage::consideration, Stage::purchase, Stage::use, Stage::opinion,
                      Stage::advocacy, Stage::none}) {
    j[std::string(stage_name(stage))] = counts[static_cast<std::size_t>(stage)];
  }
  return j;
}

// Owner response times to posts that needed an answer, in buckets a person reads at a glance.
ordered_json response_histogram_json(const Corpus& corpus) {
  static constexpr std::pair<const char*, double> kBuckets[] = {
      {"under 1 h", 60}, {"1-4 h", 240}, {"4-24 h", 1440}, {"1-3 days", 4320}, {"over 3 days", -1}};
  std::array<std::size_t, 5> counts{};
  for (std::size_t i = 0; i < corpus.size(); ++i) {
    const PostLinks& link = corpus.link(i);
    if (link.by_owner || !link.addressed_to_owner || link.first_owner_reply == PostLinks::kNone) continue;
    const Signals& s = corpus.post(i).score.signals;
    if (!s.has(Signal::question) && !s.has(Signal::request) && !s.has(Signal::complaint)) continue;
    const auto& reply = corpus.link(link.first_owner_reply).time;
    if (!link.time || !reply) continue;
    const double minutes = double(std::max<TimeMs>(0, *reply - *link.time)) / 60000.0;
    std::size_t b = 0;
    while (kBuckets[b].second >= 0 && minutes >= kBuckets[b].second) ++b;
    ++counts[b];
  }
  ordered_json j = ordered_json::array();
  for (std::size_t b = 0; b < counts.size(); ++b) j.push_back({{"bucket", kBuckets[b].first}, {"count", counts[b]}});
  return j;
}

}  // namespace

ordered_json dimension_json(const DimensionResult& r) {
  ordered_json j;
  j["title"] = dimension_title(r.dimension);
  j["value"] = optional_number(r.value);
  j["measured"] = r.value.has_value();
  j["not_measurable"] = r.value ? ordered_json() : ordered_json(r.not_measurable);
  j["formula"] = r.formula;
  j["inputs"] = r.inputs;
  j["evidence"] = r.evidence;
  j["recommendation"] = r.value ? ordered_json(r.recommendation) : ordered_json();
  j["details"] = r.details;
  return j;
}

// Out of line: one of the report's steps kept apart for wasm (analyze_session.cpp, append_post_entry).
[[gnu::noinline]] LoopScore compute_loop_score(const Corpus& corpus) {
  LoopScore s;
  s.dimensions[0] = respond_dimension(corpus, measure_respond(corpus));
  s.dimensions[1] = give_dimension(corpus, measure_give(corpus));
  s.dimensions[2] = calm_dimension(corpus, measure_calm(corpus));
  s.dimensions[3] = face_dimension(corpus, measure_face(corpus));
  s.dimensions[4] = love_dimension(corpus, measure_love(corpus));
  s.dimensions[5] = advocacy_dimension(corpus, measure_advocacy(corpus));
  s.dimensions[6] = rhythm_dimension(corpus, measure_rhythm(corpus));
  double weighted = 0;
  for (const DimensionResult& d : s.dimensions) {
    const double w = corpus.options().weights[d.dimension];
    s.total_weight += w;
    if (!d.value) continue;
    s.measured_weight += w;
    weighted += w * *d.value;
  }
  if (s.measured_weight > 0) s.value = weighted / s.measured_weight;
  return s;
}

ordered_json loop_json(const Corpus& corpus, const LoopScore& score) {
  ordered_json j;
  const Owner& owner = corpus.owner();
  j["owner"] = {{"handle", owner.handle}, {"source", owner.source}, {"posts", owner.posts}};
  if (owner.source == "inferred") {
    j["owner"]["note"] = "no owner was named: @" + owner.handle + " wrote the most posts, so it is taken as the owner";
  } else if (owner.source == "assumed") {
    j["owner"]["note"] = "the input names no authors: every post is taken as the owner's";
  } else if (owner.posts == 0) {
    j["owner"]["note"] = "no post in this input is by @" + owner.handle;
  }
  j["audience"] = {{"posts", corpus.size() - owner.posts}, {"authors", corpus.audience_authors()}};
  j["threads"] = threads_json(corpus);

  ordered_json weights, measured = ordered_json::array(), unmeasured = ordered_json::array();
  for (const DimensionResult& d : score.dimensions) {
    const std::string key(dimension_key(d.dimension));
    weights[key] = corpus.options().weights[d.dimension];
    (d.value ? measured : unmeasured).push_back(key);
  }
  ordered_json total;
  total["value"] = optional_number(score.value);
  total["formula"] = "Σ weight × value ÷ Σ weight, over the measured dimensions";
  total["weights"] = weights;
  total["measured"] = measured;
  total["not_measured"] = unmeasured;
  total["measured_weight"] = round4(score.measured_weight);
  if (unmeasured.empty()) {
    total["note"] = "all seven dimensions measured";
  } else if (measured.empty()) {
    total["note"] = "no dimension can be measured from this input";
  } else {
    total["note"] = "re-weighted over the " + std::to_string(measured.size()) + " measured dimensions (" +
                    one_decimal(100.0 * score.measured_weight / score.total_weight) +
                    " % of the weight); not measurable here: " + [&] {
                      std::string names;
                      for (const auto& key : unmeasured) names += (names.empty() ? "" : ", ") + key.get<std::string>();
                      return names;
                    }();
  }
  j["score"] = std::move(total);
  ordered_json dims;
  for (const DimensionResult& d : score.dimensions) {
    ordered_json dj = dimension_json(d);
    dj["weight"] = corpus.options().weights[d.dimension];
    dims[std::string(dimension_key(d.dimension))] = std::move(dj);
  }
  j["dimensions"] = std::move(dims);
  j["charts"] = {{"timeline", timeline_json(corpus)},
                 {"stage_funnel", stage_funnel_json(corpus)},
                 {"response_times", response_histogram_json(corpus)}};
  return j;
}

}  // namespace loopscore
