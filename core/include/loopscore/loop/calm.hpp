#pragma once
// Calm: the absence of shouting (caps, "!!!", hashtag and emoji stuffing), bursts and repeats.

#include "loopscore/loop/corpus.hpp"
#include "loopscore/loop/dimension_result.hpp"

namespace loopscore {

/// A burst: at least kBurstPosts owner posts within kBurstWindowMs.
inline constexpr std::size_t kBurstPosts = 4;
inline constexpr std::int64_t kBurstWindowMs = 10 * 60 * 1000;
/// Posts whose SimHashes differ in at most this many bits are near-duplicates.
inline constexpr int kNearDuplicateBits = 3;

/// Everything Calm measures over the owner's own posts (reposts are others' words).
struct CalmMetrics {
  std::size_t posts = 0;
  double mean_shouting = 0;
  std::size_t caps = 0, exclaims = 0, hashtag_stuffing = 0, emoji_stuffing = 0;  ///< posts with each mark
  std::size_t bursts = 0;         ///< separate bursts
  std::size_t burst_posts = 0;    ///< posts inside a burst
  std::size_t duplicates = 0;     ///< posts repeating an earlier post word for word
  std::size_t near_duplicates = 0;///< posts nearly repeating an earlier one
  std::vector<std::int32_t> loudest;     ///< the loudest posts, loudest first
  std::vector<std::int32_t> repeated;    ///< duplicates and near-duplicates, input order
};

/// Measures Calm over the corpus.
CalmMetrics measure_calm(const Corpus& corpus);

/// Scores Calm: 100 × (1 − (0.5 × mean shouting + 0.25 × repeated share + 0.25 × burst share)).
DimensionResult calm_dimension(const Corpus& corpus, const CalmMetrics& m);

}  // namespace loopscore
