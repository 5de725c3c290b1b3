#include "loopscore/loop/face.hpp"

#include <algorithm>

#include "loopscore/json_text.hpp"
#include "loopscore/loop/report_text.hpp"

namespace loopscore {

FaceMetrics measure_face(const Corpus& corpus) {
  FaceMetrics m;
  double sum = 0;
  std::vector<std::pair<double, std::int32_t>> stiff;
  for (std::size_t i = 0; i < corpus.size(); ++i) {
    const AnalyzedPost& p = corpus.post(i);
    if (!corpus.link(i).by_owner || p.post.kind == PostKind::repost) continue;
    ++m.posts;
    const double voice = p.score.signals.voice;
    sum += voice;
    m.human += voice >= 0.6;
    if (voice <= 0.4) {
      ++m.press_release;
      stiff.emplace_back(voice, static_cast<std::int32_t>(i));
    }
  }
  m.mean_voice = m.posts == 0 ? 0.0 : sum / double(m.posts);
  std::stable_sort(stiff.begin(), stiff.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [voice, i] : stiff) m.stiffest.push_back(i);
  return m;
}

DimensionResult face_dimension(const Corpus& corpus, const FaceMetrics& m) {
  DimensionResult r;
  r.dimension = Dimension::face;
  r.formula =
      "100 × mean voice of the owner's own posts; voice 0..1 per post rises with first and second person, names "
      "and signatures, questions to the audience and contractions, and falls with press-release phrases "
      "(\"we are pleased to announce\") and the brand speaking of itself in the third person";
  r.inputs["owner_posts"] = m.posts;
  r.inputs["human_voice"] = m.human;
  r.inputs["press_release_tone"] = m.press_release;
  r.details["mean_voice"] = round4(m.mean_voice);
  for (const std::int32_t i : m.stiffest) {
    if (r.evidence.size() == kMaxEvidence) break;
    r.evidence.emplace_back(corpus.post(i).post.id);
  }
  if (m.posts == 0) {
    r.not_measurable = "this input holds no posts written by the owner";
    return r;
  }
  r.value = 100.0 * m.mean_voice;
  if (m.press_release * 4 >= m.posts) {
    r.recommendation = count_phrase(m.press_release, "post reads", "posts read") +
                       " like a press release: write as a person, to a person, and sign replies with a name.";
  } else if (m.mean_voice < 0.6) {
    r.recommendation = "Give the brand a face: say \"I\" and \"you\", use names, ask people what they think.";
  } else {
    r.recommendation = "The account sounds like people talking to people. Keep signing replies with names.";
  }
  return r;
}

}  // namespace loopscore
