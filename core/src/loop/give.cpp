#include "loopscore/loop/give.hpp"

#include "loopscore/json_text.hpp"
#include "loopscore/loop/report_text.hpp"
#include "loopscore/loop/stats.hpp"

namespace loopscore {

GiveMetrics measure_give(const Corpus& corpus) {
  GiveMetrics m;
  for (std::size_t i = 0; i < corpus.size(); ++i) {
    const PostLinks& link = corpus.link(i);
    if (!link.by_owner) continue;
    ++m.owner_posts;
    const PostView& post = corpus.post(i).post;
    const Signals& s = corpus.post(i).score.signals;
    const bool answer = link.parent != PostLinks::kNone ? !corpus.link(link.parent).by_owner
                                                         : !post.reply_to_author.empty() && !corpus.is_owner(post.reply_to_author);
    const bool share = post.kind == PostKind::repost || post.kind == PostKind::quote;
    const bool thanks = s.has(Signal::gratitude);
    m.answers += answer;
    m.useful += s.useful;
    m.thanks += thanks;
    m.credit += s.credit;
    m.shares += share;
    if (s.has(Signal::promo)) {
      ++m.pushing;
      m.pushing_posts.push_back(static_cast<std::int32_t>(i));
    } else if (answer || s.useful || thanks || s.credit || share) {
      ++m.giving;
      m.giving_posts.push_back(static_cast<std::int32_t>(i));
    }
  }
  return m;
}

DimensionResult give_dimension(const Corpus& corpus, const GiveMetrics& m) {
  DimensionResult r;
  r.dimension = Dimension::give;
  r.formula =
      "100 × min(1, giving ÷ (giving + pushing) ÷ 0.8): full marks when at least 80 % of the posts that give or push "
      "are giving (the 80/20 rule); giving = answers, tips and how-tos, thanks, credit and congratulations, reposts "
      "and quotes of others; pushing = offers, prices, codes, calls to action";
  r.inputs["owner_posts"] = m.owner_posts;
  r.inputs["giving"] = m.giving;
  r.inputs["pushing"] = m.pushing;
  r.inputs["neither"] = m.owner_posts - m.giving - m.pushing;
  r.details["traits"] = {{"answers", m.answers}, {"useful", m.useful}, {"thanks", m.thanks},
                         {"credit", m.credit}, {"shares", m.shares}};
  const std::size_t both = m.giving + m.pushing;
  r.details["giving_share"] = both == 0 ? nlohmann::ordered_json() : nlohmann::ordered_json(round4(double(m.giving) / double(both)));
  for (const std::int32_t i : m.pushing_posts) {
    if (r.evidence.size() == kMaxEvidence) break;
    r.evidence.emplace_back(corpus.post(i).post.id);
  }
  if (m.owner_posts == 0) {
    r.not_measurable = "this input holds no posts by the owner";
    return r;
  }
  if (both == 0) {
    r.value = 50.0;
    r.formula += "; 50 when no post gives or pushes";
    r.recommendation = "None of these posts gives or pushes: answer people, share tips and credit others' work.";
    return r;
  }
  const double share = double(m.giving) / double(both);
  r.value = 100.0 * clamp(share / 0.8, 0.0, 1.0);
  if (share >= 0.8) {
    r.recommendation = "You give far more than you push (" + std::to_string(m.giving) + " giving posts to " +
                       std::to_string(m.pushing) + " promotions): keep that balance.";
  } else if (share >= 0.6) {
    r.recommendation = "Mostly giving, but " + count_phrase(m.pushing, "promotion", "promotions") + " to " +
                       std::to_string(m.giving) + " giving posts: keep promotions to one post in five.";
  } else {
    r.recommendation = count_phrase(m.pushing, "post pushes", "posts push") + " and only " +
                       count_phrase(m.giving, "gives", "give") +
                       ": for every promotion, post about four things that help, thank or credit someone.";
  }
  return r;
}

}  // namespace loopscore
