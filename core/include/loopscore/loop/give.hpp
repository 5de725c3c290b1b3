#pragma once
// Give: does the owner give (answers, tips, thanks, credit, sharing others' work) more than it pushes?

#include "loopscore/loop/corpus.hpp"
#include "loopscore/loop/dimension_result.hpp"

namespace loopscore {

/// Everything Give measures over the owner's posts.
struct GiveMetrics {
  std::size_t owner_posts = 0;
  std::size_t giving = 0;   ///< posts with at least one giving trait and no push
  std::size_t pushing = 0;  ///< promotional posts (a push outweighs any giving trait)
  std::size_t answers = 0, useful = 0, thanks = 0, credit = 0, shares = 0;  ///< giving traits (may overlap)
  std::vector<std::int32_t> pushing_posts;  ///< indices, in input order
  std::vector<std::int32_t> giving_posts;
};

/// Measures Give over the corpus.
GiveMetrics measure_give(const Corpus& corpus);

/// Scores Give: 100 × min(1, giving share ÷ 0.8), the "80/20 rule" of social content.
DimensionResult give_dimension(const Corpus& corpus, const GiveMetrics& m);

}  // namespace loopscore
