#include "loopscore/loop/rhythm.hpp"

#include <algorithm>
#include <set>

#include "loopscore/json_text.hpp"
#include "loopscore/loop/report_text.hpp"
#include "loopscore/loop/stats.hpp"

namespace loopscore {

namespace {

constexpr double kMinimumSpanDays = 14;

// Monday-first week number of a day number (day 0, 1970-01-01, was a Thursday).
std::int64_t week_number(std::int64_t day) { return day + 3 >= 0 ? (day + 3) / 7 : -((-(day + 3) + 6) / 7); }

void rate(EngagementRate& r, double total, const std::optional<std::int64_t>& followers) {
  if (r.posts == 0) return;
  r.per_post = total / double(r.posts);
  if (followers && *followers > 0) r.per_post_per_1000_followers = *r.per_post * 1000.0 / double(*followers);
}

nlohmann::ordered_json rate_json(const EngagementRate& r) {
  const auto value = [](const std::optional<double>& v) { return v ? nlohmann::ordered_json(round4(*v)) : nlohmann::ordered_json(); };
  return {{"posts", r.posts}, {"per_post", value(r.per_post)}, {"per_post_per_1000_followers", value(r.per_post_per_1000_followers)}};
}

}  // namespace

RhythmMetrics measure_rhythm(const Corpus& corpus) {
  RhythmMetrics m;
  std::vector<std::pair<TimeMs, std::int32_t>> times;
  // Sums in double: counts may each be up to 2^63 - 1, and an integer sum of two such overflows.
  double replies = 0, reposts = 0, likes = 0;
  for (std::size_t i = 0; i < corpus.size(); ++i) {
    if (!corpus.link(i).by_owner) continue;
    const PostView& post = corpus.post(i).post;
    if (corpus.link(i).time) times.emplace_back(*corpus.link(i).time, static_cast<std::int32_t>(i));
    if (post.kind == PostKind::repost) continue;  // a repost's counts belong to the original
    const auto add = [](EngagementRate& rate, double& total, const std::optional<std::int64_t>& count) {
      if (!count) return;
      ++rate.posts;
      total += static_cast<double>(*count);
    };
    add(m.conversation, replies, post.replies);
    add(m.amplification, reposts, post.reposts);
    add(m.applause, likes, post.likes);
  }
  rate(m.conversation, replies, corpus.followers());
  rate(m.amplification, reposts, corpus.followers());
  rate(m.applause, likes, corpus.followers());

  m.dated_posts = times.size();
  if (times.empty()) return m;
  std::sort(times.begin(), times.end());
  std::set<std::int64_t> days;
  std::vector<double> weekly;
  const std::int64_t first_week = week_number(day_number(corpus.local(times.front().first)));
  const std::int64_t last_week = week_number(day_number(corpus.local(times.back().first)));
  weekly.assign(static_cast<std::size_t>(last_week - first_week + 1), 0.0);
  for (std::size_t k = 0; k < times.size(); ++k) {
    const TimeMs local = corpus.local(times[k].first);
    const std::int64_t day = day_number(local);
    days.insert(day);
    weekly[static_cast<std::size_t>(week_number(day) - first_week)] += 1.0;
    ++m.heatmap[weekday(day)][static_cast<std::size_t>((local - day * 86400000) / 3600000)];
    if (k > 0) {
      const double gap = double(times[k].first - times[k - 1].first) / 3600000.0;
      if (gap > m.longest_gap_hours) {
        m.longest_gap_hours = gap;
        m.gap_after = times[k - 1].second;
      }
    }
  }
  m.active_days = days.size();
  m.weeks = weekly.size();
  m.span_days = double(times.back().first - times.front().first) / 86400000.0;
  m.posts_per_active_day = double(times.size()) / double(m.active_days);
  m.posts_per_week = double(times.size()) / double(m.weeks);
  const MeanSd stats = mean_sd(weekly);
  m.weekly_cv = stats.mean > 0 ? stats.sd / stats.mean : 0.0;
  return m;
}

DimensionResult rhythm_dimension(const Corpus& corpus, const RhythmMetrics& m) {
  DimensionResult r;
  r.dimension = Dimension::rhythm;
  r.formula =
      "100 × 1 ÷ (1 + coefficient of variation of weekly post counts) × gap factor; gap factor = 1 when the longest "
      "silence is at most 7 days, falling linearly to 0 at 28 days; needs at least 14 days of dated posts";
  r.inputs["dated_owner_posts"] = m.dated_posts;
  r.inputs["active_days"] = m.active_days;
  r.inputs["weeks"] = m.weeks;
  nlohmann::ordered_json& d = r.details;
  d["span_days"] = round4(m.span_days);
  d["posts_per_active_day"] = round4(m.posts_per_active_day);
  d["posts_per_week"] = round4(m.posts_per_week);
  d["weekly_cv"] = round4(m.weekly_cv);
  d["longest_gap_hours"] = round4(m.longest_gap_hours);
  d["heatmap_utc_offset"] = format_utc_offset(corpus.options().utc_offset_minutes);
  d["heatmap"] = nlohmann::ordered_json::array();
  for (const auto& row : m.heatmap) d["heatmap"].push_back(row);
  d["engagement"] = {{"conversation_rate", rate_json(m.conversation)},
                     {"amplification_rate", rate_json(m.amplification)},
                     {"applause_rate", rate_json(m.applause)},
                     {"followers", corpus.followers() ? nlohmann::ordered_json(*corpus.followers()) : nlohmann::ordered_json()},
                     {"formula", "rate = sum of the count ÷ owner posts (reposts excluded) whose count is known; "
                                 "per 1,000 followers = rate × 1000 ÷ followers (Kaushik)"}};
  if (m.gap_after >= 0) r.evidence.emplace_back(corpus.post(m.gap_after).post.id);
  if (m.dated_posts < 2 || m.span_days < kMinimumSpanDays) {
    r.not_measurable = "the owner's dated posts span " + one_decimal(m.span_days) + " days; rhythm needs at least 14";
    return r;
  }
  const double gap_days = m.longest_gap_hours / 24.0;
  const double gap_factor = piecewise_linear(gap_days, {{7, 1.0}, {28, 0.0}});
  r.value = 100.0 / (1.0 + m.weekly_cv) * gap_factor;
  if (gap_days > 7) {
    r.recommendation = "The account went silent for " + format_minutes(m.longest_gap_hours * 60) +
                       ": post a little every week rather than a lot now and then.";
  } else if (m.weekly_cv > 0.5) {
    r.recommendation = "Weekly output swings a lot: a steady, smaller cadence beats bursts of activity.";
  } else {
    r.recommendation = "A steady cadence. Keep the quality up rather than the quantity.";
  }
  return r;
}

}  // namespace loopscore
