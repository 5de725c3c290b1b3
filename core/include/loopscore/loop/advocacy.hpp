#pragma once
// Advocacy: do customers who talk about their experience recommend or complain, and does the
// owner meet those moments of truth?

#include "loopscore/loop/corpus.hpp"
#include "loopscore/loop/dimension_result.hpp"

namespace loopscore {

/// A public experience report by someone in the audience.
struct MomentOfTruth {
  std::int32_t post = 0;
  int polarity = 0;  ///< -1 detractor, 0 neutral, +1 recommender
};

/// Everything Advocacy measures.
struct AdvocacyMetrics {
  std::size_t audience_posts = 0;
  std::size_t experience = 0;  ///< audience posts at the use, opinion or advocacy stage ("talk")
  std::size_t recommenders = 0, detractors = 0;
  std::size_t answered = 0;    ///< experience posts the owner replied to
  std::vector<MomentOfTruth> moments;  ///< detractors first, then neutral, then recommenders; oldest first within
};

/// Measures Advocacy over the audience's posts.
AdvocacyMetrics measure_advocacy(const Corpus& corpus);

/// Scores Advocacy: 100 × (0.7 × (1 + net advocacy) ÷ 2 + 0.3 × share of moments of truth answered).
DimensionResult advocacy_dimension(const Corpus& corpus, const AdvocacyMetrics& m);

}  // namespace loopscore
