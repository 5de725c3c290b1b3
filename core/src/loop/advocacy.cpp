#include "loopscore/loop/advocacy.hpp"

#include <algorithm>

#include "loopscore/json_text.hpp"
#include "loopscore/loop/report_text.hpp"

namespace loopscore {

AdvocacyMetrics measure_advocacy(const Corpus& corpus) {
  AdvocacyMetrics m;
  for (std::size_t i = 0; i < corpus.size(); ++i) {
    if (corpus.link(i).by_owner) continue;
    ++m.audience_posts;
    const PostScore& score = corpus.post(i).score;
    const Stage stage = score.signals.stage;
    if (stage != Stage::use && stage != Stage::opinion && stage != Stage::advocacy) continue;
    ++m.experience;
    int polarity = 0;
    if (score.signals.has(Signal::complaint) || score.sentiment.label == SentimentLabel::negative) {
      polarity = -1;
    } else if (stage == Stage::advocacy || score.sentiment.label == SentimentLabel::positive) {
      polarity = 1;
    }
    m.recommenders += polarity > 0;
    m.detractors += polarity < 0;
    m.answered += corpus.link(i).first_owner_reply != PostLinks::kNone;
    m.moments.push_back({static_cast<std::int32_t>(i), polarity});
  }
  // Detractors first; oldest first within each group (input order when undated).
  std::stable_sort(m.moments.begin(), m.moments.end(), [&](const MomentOfTruth& a, const MomentOfTruth& b) {
    if (a.polarity != b.polarity) return a.polarity < b.polarity;
    const auto& ta = corpus.link(a.post).time;
    const auto& tb = corpus.link(b.post).time;
    if (ta && tb) return *ta < *tb;
    return ta.has_value() && !tb.has_value();
  });
  return m;
}

DimensionResult advocacy_dimension(const Corpus& corpus, const AdvocacyMetrics& m) {
  DimensionResult r;
  r.dimension = Dimension::advocacy;
  r.formula =
      "100 × (0.7 × (1 + net advocacy) ÷ 2 + 0.3 × moments of truth answered ÷ moments of truth); moments of truth "
      "= audience posts reporting their own experience (use, opinion, advocacy stages); net advocacy = "
      "(recommenders − detractors) ÷ moments of truth";
  r.inputs["audience_posts"] = m.audience_posts;
  r.inputs["moments_of_truth"] = m.experience;
  r.inputs["recommenders"] = m.recommenders;
  r.inputs["detractors"] = m.detractors;
  r.inputs["answered"] = m.answered;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const MomentOfTruth& moment : m.moments) {
    if (list.size() == kMaxListed) break;
    nlohmann::ordered_json j = post_ref_json(corpus, moment.post);
    j["polarity"] = moment.polarity < 0 ? "detractor" : (moment.polarity > 0 ? "recommender" : "neutral");
    const PostLinks& link = corpus.link(moment.post);
    j["answered"] = link.first_owner_reply != PostLinks::kNone;
    if (link.first_owner_reply != PostLinks::kNone && link.time && corpus.link(link.first_owner_reply).time) {
      const double minutes = double(std::max<TimeMs>(0, *corpus.link(link.first_owner_reply).time - *link.time)) / 60000.0;
      j["response_minutes"] = round4(minutes);
    }
    list.push_back(std::move(j));
  }
  r.details["moments_of_truth"] = std::move(list);
  for (const MomentOfTruth& moment : m.moments) {
    if (r.evidence.size() == kMaxEvidence) break;
    r.evidence.emplace_back(corpus.post(moment.post).post.id);
  }
  if (m.audience_posts == 0) {
    r.not_measurable = "this input holds no posts from the audience";
    return r;
  }
  if (m.experience == 0) {
    r.not_measurable = "no one in the audience reports their own experience here";
    return r;
  }
  const double n = double(m.experience);
  const double net = (double(m.recommenders) - double(m.detractors)) / n;
  r.value = 100.0 * (0.7 * (1.0 + net) / 2.0 + 0.3 * double(m.answered) / n);
  r.details["net_advocacy"] = round4(net);
  std::size_t unanswered_detractors = 0;
  for (const MomentOfTruth& moment : m.moments) {
    unanswered_detractors += moment.polarity < 0 && corpus.link(moment.post).first_owner_reply == PostLinks::kNone;
  }
  if (unanswered_detractors > 0) {
    r.recommendation = count_phrase(unanswered_detractors, "unhappy customer", "unhappy customers") +
                       " told everyone about it and got no reply: those are your moments of truth, answer them publicly.";
  } else if (m.recommenders > m.detractors) {
    r.recommendation = "More customers recommend you than complain: thank them and share their words (with credit).";
  } else {
    r.recommendation = "Complaints outnumber recommendations: fix what they report and tell them when it is fixed.";
  }
  return r;
}

}  // namespace loopscore
