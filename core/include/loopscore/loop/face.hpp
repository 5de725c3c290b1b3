#pragma once
// Face: does the account speak with a human voice rather than in press releases?

#include "loopscore/loop/corpus.hpp"
#include "loopscore/loop/dimension_result.hpp"

namespace loopscore {

/// Everything Face measures over the owner's own posts.
struct FaceMetrics {
  std::size_t posts = 0;
  double mean_voice = 0;
  std::size_t human = 0;          ///< voice ≥ 0.6
  std::size_t press_release = 0;  ///< voice ≤ 0.4
  std::vector<std::int32_t> stiffest;  ///< press-release posts, stiffest first
};

/// Measures Face over the corpus.
FaceMetrics measure_face(const Corpus& corpus);

/// Scores Face: 100 × mean human-voice score of the owner's own posts.
DimensionResult face_dimension(const Corpus& corpus, const FaceMetrics& m);

}  // namespace loopscore
