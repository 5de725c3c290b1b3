#pragma once
// Love: what the audience feels. Love and want count more than a mere like; anger counts against.

#include "loopscore/loop/corpus.hpp"
#include "loopscore/loop/dimension_result.hpp"

namespace loopscore {

/// The audience's emotion spectrum and sentiment.
struct LoveMetrics {
  std::size_t audience_posts = 0;
  std::size_t love = 0, want = 0, like = 0, gratitude = 0, anger = 0, purchase_intent = 0;
  std::size_t positive = 0, neutral = 0, negative = 0;
  std::vector<std::int32_t> warmest;   ///< love and want posts, most positive first
  std::vector<std::int32_t> angriest;  ///< anger posts, most negative first
};

/// Measures Love over the audience's posts.
LoveMetrics measure_love(const Corpus& corpus);

/// Scores Love: 100 × (2 × (love + want) + like) ÷ (2 × (love + want + like + anger)); without any
/// emotion, 50 × (1 + net sentiment).
DimensionResult love_dimension(const Corpus& corpus, const LoveMetrics& m);

}  // namespace loopscore
