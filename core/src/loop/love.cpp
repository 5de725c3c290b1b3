#include "loopscore/loop/love.hpp"

#include <algorithm>

#include "loopscore/json_text.hpp"
#include "loopscore/loop/report_text.hpp"

namespace loopscore {

LoveMetrics measure_love(const Corpus& corpus) {
  LoveMetrics m;
  std::vector<std::pair<double, std::int32_t>> warm, angry;
  for (std::size_t i = 0; i < corpus.size(); ++i) {
    if (corpus.link(i).by_owner) continue;
    const PostScore& score = corpus.post(i).score;
    const Signals& s = score.signals;
    ++m.audience_posts;
    const bool love = s.has(Signal::love), want = s.has(Signal::want);
    m.love += love;
    m.want += want;
    m.like += s.has(Signal::like);
    m.gratitude += s.has(Signal::gratitude);
    m.purchase_intent += s.has(Signal::purchase_intent);
    const double compound = score.sentiment.compound;
    if (love || want) warm.emplace_back(compound, static_cast<std::int32_t>(i));
    if (s.has(Signal::anger)) {
      ++m.anger;
      angry.emplace_back(compound, static_cast<std::int32_t>(i));
    }
    switch (score.sentiment.label) {
      case SentimentLabel::positive: ++m.positive; break;
      case SentimentLabel::negative: ++m.negative; break;
      case SentimentLabel::neutral: ++m.neutral; break;
    }
  }
  std::stable_sort(warm.begin(), warm.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::stable_sort(angry.begin(), angry.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [c, i] : warm) m.warmest.push_back(i);
  for (const auto& [c, i] : angry) m.angriest.push_back(i);
  return m;
}

DimensionResult love_dimension(const Corpus& corpus, const LoveMetrics& m) {
  DimensionResult r;
  r.dimension = Dimension::love;
  r.formula =
      "100 × (2 × (love + want) + like) ÷ (2 × (love + want + like + anger)) over the audience's posts: love and "
      "want count fully, a mere like half, anger nothing; when no post shows any of these, 50 × (1 + net "
      "sentiment), net sentiment = (positive − negative) ÷ (positive + negative)";
  r.inputs["audience_posts"] = m.audience_posts;
  r.inputs["love"] = m.love;
  r.inputs["want"] = m.want;
  r.inputs["like"] = m.like;
  r.inputs["anger"] = m.anger;
  r.details["spectrum"] = {{"love", m.love}, {"want", m.want}, {"like", m.like}, {"gratitude", m.gratitude},
                           {"anger", m.anger}, {"purchase_intent", m.purchase_intent}};
  r.details["sentiment"] = {{"positive", m.positive}, {"neutral", m.neutral}, {"negative", m.negative}};
  const std::size_t polar = m.positive + m.negative;
  r.details["net_sentiment"] =
      polar == 0 ? nlohmann::ordered_json()
                 : nlohmann::ordered_json(round4((double(m.positive) - double(m.negative)) / double(polar)));
  for (const auto* list : {&m.warmest, &m.angriest}) {
    for (std::size_t k = 0; k < list->size() && k < kMaxEvidence / 2; ++k) r.evidence.emplace_back(corpus.post((*list)[k]).post.id);
  }
  if (m.audience_posts == 0) {
    r.not_measurable = "this input holds no posts from the audience";
    return r;
  }
  const std::size_t warm = m.love + m.want;
  const std::size_t felt = warm + m.like + m.anger;
  if (felt > 0) {
    r.value = 100.0 * (2.0 * double(warm) + double(m.like)) / (2.0 * double(felt));
  } else if (polar > 0) {
    r.value = 50.0 * (1.0 + (double(m.positive) - double(m.negative)) / double(polar));
  } else {
    r.not_measurable = "the audience's posts show no emotion and no sentiment either way";
    return r;
  }
  if (m.anger > warm) {
    r.recommendation = count_phrase(m.anger, "post is", "posts are") +
                       " angry, more than those showing love or want: answer them first, in public, and fix the cause.";
  } else if (m.like > warm) {
    r.recommendation = "People like you but few love or want you: give them something to want, not just to like.";
  } else {
    r.recommendation = "The audience shows love and want, not just likes: thank those people and let them speak for you.";
  }
  return r;
}

}  // namespace loopscore
