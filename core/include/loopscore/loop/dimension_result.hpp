#pragma once
// One dimension of the Loop Score as the report shows it: value, how it was computed, from
// what, the posts behind it, and what to do.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "loopscore/loop/loop_options.hpp"

namespace loopscore {

/// The outcome of measuring one dimension.
struct DimensionResult {
  Dimension dimension = Dimension::respond;
  std::optional<double> value;                 ///< 0..100; empty when the input cannot measure it
  std::string not_measurable;                  ///< why, when value is empty
  std::string formula;                         ///< the formula in words
  nlohmann::ordered_json inputs = nlohmann::ordered_json::object();   ///< the counts it was computed from
  std::vector<std::string> evidence;           ///< ids of the posts that drove it, most telling first
  std::string recommendation;                  ///< one plain sentence
  nlohmann::ordered_json details = nlohmann::ordered_json::object();  ///< dimension-specific figures
};

/// The dimension as a report object.
nlohmann::ordered_json dimension_json(const DimensionResult& result);

/// At most this many evidence ids are listed per dimension.
inline constexpr std::size_t kMaxEvidence = 20;

/// At most this many entries are listed in a details list (unanswered posts, moments of truth,
/// repeat askers); the counts beside them cover all.
inline constexpr std::size_t kMaxListed = 1000;

}  // namespace loopscore
