#pragma once
// The Loop Score: the seven dimensions measured on one corpus and combined into one number.

#include <array>
#include <nlohmann/json.hpp>
#include <optional>

#include "loopscore/loop/corpus.hpp"
#include "loopscore/loop/dimension_result.hpp"

namespace loopscore {

/// The seven dimensions and the score made of them.
struct LoopScore {
  std::array<DimensionResult, kDimensionCount> dimensions;
  std::optional<double> value;  ///< weighted mean over the measured dimensions; empty when none is
  double measured_weight = 0;   ///< sum of the weights of the measured dimensions
  double total_weight = 0;
};

/// Measures every dimension and combines them.
LoopScore compute_loop_score(const Corpus& corpus);

/// The "loop" section of the report: owner, audience, threads, the score and its dimensions,
/// and the series the widget charts (timeline, stage funnel, response-time distribution).
nlohmann::ordered_json loop_json(const Corpus& corpus, const LoopScore& score);

}  // namespace loopscore
