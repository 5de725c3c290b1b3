#include "loopscore/loop/respond.hpp"

#include <algorithm>
#include <map>

#include "loopscore/json_text.hpp"
#include "loopscore/loop/report_text.hpp"

namespace loopscore {

namespace {

using ordered_json = nlohmann::ordered_json;

bool in_business_hours(const Corpus& corpus, TimeMs utc) {
  const TimeMs local = corpus.local(utc);
  const std::int64_t day = day_number(local);
  const int hour = static_cast<int>((local - day * 86400000) / 3600000);
  const LoopOptions& o = corpus.options();
  return weekday(day) < 5 && hour >= o.business_start_hour && hour < o.business_end_hour;
}

// Oldest first; posts without a time after those with one, in input order.
void sort_by_time(const Corpus& corpus, std::vector<std::int32_t>& posts) {
  std::stable_sort(posts.begin(), posts.end(), [&](std::int32_t a, std::int32_t b) {
    const auto& ta = corpus.link(a).time;
    const auto& tb = corpus.link(b).time;
    if (ta && tb) return *ta < *tb;
    return ta.has_value() && !tb.has_value();
  });
}

ordered_json times_json(const DurationStats& s) {
  const auto minutes = [](const std::optional<double>& v) { return v ? ordered_json(round4(*v)) : ordered_json(); };
  return {{"count", s.count},
          {"median_minutes", minutes(s.median)},
          {"p90_minutes", minutes(s.p90)},
          {"mean_minutes", minutes(s.mean)},
          {"fastest90_mean_minutes", minutes(s.fastest90_mean)}};
}

ordered_json slice_json(const ResponseSlice& s) {
  ordered_json j;
  j["needing_answer"] = s.needing;
  j["answered"] = s.answered;
  j["response_rate"] = s.needing == 0 ? ordered_json() : ordered_json(round4(double(s.answered) / double(s.needing)));
  j["times"] = times_json(s.times);
  return j;
}

}  // namespace

double response_speed_score(double median_minutes) {
  return piecewise_linear(median_minutes, {{60, 1.0}, {24 * 60, 0.5}, {72 * 60, 0.0}});
}

RespondMetrics measure_respond(const Corpus& corpus) {
  RespondMetrics m;
  std::vector<std::int64_t> times, business_times, off_times, delays;
  std::map<std::string, std::vector<std::int32_t>> asks_by_author;  // ordered: stable report order
  std::map<std::string, bool> author_ever_answered;

  for (std::size_t i = 0; i < corpus.size(); ++i) {
    const PostLinks& link = corpus.link(i);
    const AnalyzedPost& p = corpus.post(i);
    if (link.by_owner) {
      // Every owner reply to someone else: its delay, the parent dated by its id when absent.
      const bool to_other = link.parent != PostLinks::kNone ? !corpus.link(link.parent).by_owner
                                                             : !p.post.reply_to_id.empty();
      if (to_other && link.time && link.parent_time) {
        delays.push_back(std::max<std::int64_t>(0, *link.time - *link.parent_time));
        if (link.parent == PostLinks::kNone) ++m.delays_from_ids;
      }
      continue;
    }
    ++m.audience_posts;
    if (!link.addressed_to_owner) continue;
    ++m.addressed;
    const Signals& s = p.score.signals;
    const bool question = s.has(Signal::question), request = s.has(Signal::request),
               complaint = s.has(Signal::complaint);
    if (!question && !request && !complaint) continue;
    ++m.needing;
    m.questions += question;
    m.requests += request;
    m.complaints += complaint;

    const bool business = link.time && in_business_hours(corpus, *link.time);
    ResponseSlice& slice = business ? m.business_hours : m.off_hours;
    ++slice.needing;
    const std::string& author = corpus.author_key(i);  // reduced once per author by the corpus
    asks_by_author[author].push_back(static_cast<std::int32_t>(i));

    if (link.first_owner_reply == PostLinks::kNone) {
      m.unanswered.push_back(static_cast<std::int32_t>(i));
      if (link.other_replies > 0) ++m.answered_by_others;
      continue;
    }
    ++m.answered;
    ++slice.answered;
    author_ever_answered[author] = true;
    const auto& reply_time = corpus.link(link.first_owner_reply).time;
    if (!link.time || !reply_time) {
      ++m.answered_undated;
      continue;
    }
    std::int64_t wait = *reply_time - *link.time;
    if (wait < 0) {
      ++m.clock_skew;
      wait = 0;
    }
    times.push_back(wait);
    (business ? business_times : off_times).push_back(wait);
  }

  m.times = summarize_durations(times);
  m.business_hours.times = summarize_durations(business_times);
  m.off_hours.times = summarize_durations(off_times);
  m.all_reply_delays = summarize_durations(delays);
  sort_by_time(corpus, m.unanswered);
  for (auto& [author, posts] : asks_by_author) {
    if (posts.size() < 2 || author_ever_answered[author] || author.empty()) continue;
    sort_by_time(corpus, posts);
    m.repeat_unanswered.push_back({std::string(corpus.post(posts.front()).post.author), posts});
  }
  return m;
}

DimensionResult respond_dimension(const Corpus& corpus, const RespondMetrics& m) {
  DimensionResult r;
  r.dimension = Dimension::respond;
  r.formula =
      "100 × (0.7 × response rate + 0.3 × speed); response rate = answered ÷ questions, requests and complaints "
      "addressed to the owner; speed = 1 for a median wait up to 1 h, 0.5 at 24 h, 0 at 72 h (linear between)";
  r.inputs["needing_answer"] = m.needing;
  r.inputs["answered"] = m.answered;
  r.inputs["questions"] = m.questions;
  r.inputs["requests"] = m.requests;
  r.inputs["complaints"] = m.complaints;
  r.inputs["addressed_to_owner"] = m.addressed;
  r.inputs["audience_posts"] = m.audience_posts;

  ordered_json& d = r.details;
  d["response_rate"] = m.needing == 0 ? ordered_json() : ordered_json(round4(double(m.answered) / double(m.needing)));
  d["response_times"] = times_json(m.times);
  d["business_hours"] = slice_json(m.business_hours);
  d["off_hours"] = slice_json(m.off_hours);
  d["business_hours_definition"] = "Monday to Friday, " + std::to_string(corpus.options().business_start_hour) +
                                   ":00 to " + std::to_string(corpus.options().business_end_hour) +
                                   ":00, UTC" + format_utc_offset(corpus.options().utc_offset_minutes);
  d["answered_by_others_only"] = m.answered_by_others;
  d["answered_undated"] = m.answered_undated;
  d["clock_skew"] = m.clock_skew;
  d["unanswered_count"] = m.unanswered.size();
  d["unanswered"] = ordered_json::array();
  for (std::size_t k = 0; k < m.unanswered.size() && k < kMaxListed; ++k) {
    d["unanswered"].push_back(post_ref_json(corpus, m.unanswered[k]));
  }
  d["repeat_askers_unanswered_count"] = m.repeat_unanswered.size();
  d["repeat_askers_unanswered"] = ordered_json::array();
  for (std::size_t k = 0; k < m.repeat_unanswered.size() && k < kMaxListed; ++k) {
    const RepeatAsker& asker = m.repeat_unanswered[k];
    ordered_json ids = ordered_json::array();
    for (std::size_t a = 0; a < asker.posts.size() && a < kMaxEvidence; ++a) ids.push_back(corpus.post(asker.posts[a]).post.id);
    d["repeat_askers_unanswered"].push_back({{"author", asker.author}, {"asks", asker.posts.size()}, {"post_ids", ids}});
  }
  d["owner_reply_delays"] = times_json(m.all_reply_delays);
  d["owner_reply_delays_dated_by_id"] = m.delays_from_ids;

  for (const std::int32_t i : m.unanswered) {
    if (r.evidence.size() == kMaxEvidence) break;
    r.evidence.emplace_back(corpus.post(i).post.id);
  }

  if (m.audience_posts == 0) {
    r.not_measurable = "this input holds no posts from the audience, so there is nothing to answer";
    return r;
  }
  if (m.needing == 0) {
    r.not_measurable = "no questions, requests or complaints were addressed to the owner in this input";
    return r;
  }
  const double rate = double(m.answered) / double(m.needing);
  if (m.times.median) {
    r.value = 100.0 * (0.7 * rate + 0.3 * response_speed_score(*m.times.median));
  } else {
    r.value = 100.0 * rate;
    r.formula += " (no answer is dated here, so the score is the response rate alone)";
  }

  const std::size_t unanswered = m.unanswered.size();
  if (unanswered > 0) {
    r.recommendation = "Answer the " + count_phrase(unanswered, "open question or complaint", "open questions and complaints") +
                       ", oldest first";
    if (!m.repeat_unanswered.empty()) {
      r.recommendation += "; " + count_phrase(m.repeat_unanswered.size(), "person has", "people have") +
                          " asked more than once without an answer, and people stop asking after the second try";
    }
    r.recommendation += ".";
  } else if (m.times.median && *m.times.median > 60) {
    r.recommendation = "Every question got an answer, but the median wait was " + format_minutes(*m.times.median) +
                       ": aim for under an hour, including evenings and weekends.";
  } else {
    r.recommendation = "Keep it up: every question and complaint was answered" +
                       (m.times.median ? ", with a median wait of " + format_minutes(*m.times.median) : std::string()) +
                       ".";
  }
  return r;
}

}  // namespace loopscore
