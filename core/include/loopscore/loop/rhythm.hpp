#pragma once
// Rhythm: a steady cadence, quality over quantity, no long silences.

#include <array>
#include <optional>

#include "loopscore/loop/corpus.hpp"
#include "loopscore/loop/dimension_result.hpp"

namespace loopscore {

/// Kaushik's per-post rates over posts whose counts are known.
struct EngagementRate {
  std::size_t posts = 0;       ///< posts with this count known
  std::optional<double> per_post;
  std::optional<double> per_post_per_1000_followers;
};

/// Everything Rhythm measures over the owner's dated posts.
struct RhythmMetrics {
  std::size_t dated_posts = 0;
  std::size_t active_days = 0;
  std::size_t weeks = 0;                    ///< calendar weeks (Monday first) from the first post to the last
  double span_days = 0;
  double posts_per_active_day = 0;
  double posts_per_week = 0;
  double weekly_cv = 0;                     ///< standard deviation ÷ mean of weekly counts
  double longest_gap_hours = 0;
  std::int32_t gap_after = -1;              ///< the post the longest silence followed
  std::array<std::array<std::uint32_t, 24>, 7> heatmap{};  ///< [weekday Monday=0][local hour]
  EngagementRate conversation, amplification, applause;    ///< replies, reposts, likes per post
};

/// Measures Rhythm over the corpus.
RhythmMetrics measure_rhythm(const Corpus& corpus);

/// Scores Rhythm: 100 × 1 ÷ (1 + weekly CV) × gap factor (1 up to a 7-day silence, 0 at 28 days).
DimensionResult rhythm_dimension(const Corpus& corpus, const RhythmMetrics& m);

}  // namespace loopscore
