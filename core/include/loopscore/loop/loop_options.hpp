#pragma once
// What a user can tell the loop analysis: whose account it is, their clock, and the weights.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace loopscore {

/// The seven dimensions of the Loop Score, in report order.
enum class Dimension : std::uint8_t { respond, give, calm, face, love, advocacy, rhythm };
inline constexpr std::size_t kDimensionCount = 7;

/// Key used in reports and options ("respond", "give", ...).
std::string_view dimension_key(Dimension dimension);

/// Title shown to people ("Respond", "Give", ...).
std::string_view dimension_title(Dimension dimension);

/// Weights of the dimensions in the Loop Score. Defaults and their reasons: docs/scoring.md.
struct Weights {
  std::array<double, kDimensionCount> value{25, 15, 10, 10, 15, 15, 10};
  double operator[](Dimension d) const { return value[static_cast<std::size_t>(d)]; }
  double& operator[](Dimension d) { return value[static_cast<std::size_t>(d)]; }
};

/// Options of the loop analysis.
struct LoopOptions {
  std::string owner;                      ///< the account's handle ("@acme"); empty: from the input or inferred
  int utc_offset_minutes = 0;             ///< the owner's local time, for business hours and the heatmap
  int business_start_hour = 9;            ///< business hours are Monday to Friday, [start, end) local time
  int business_end_hour = 17;
  std::optional<std::int64_t> followers;  ///< overrides a follower count found in the input
  Weights weights;
};

/// Parses "+02:00", "-0530", "Z" or "UTC" into minutes east of UTC; nullopt when malformed.
std::optional<int> parse_utc_offset(std::string_view text);

}  // namespace loopscore
