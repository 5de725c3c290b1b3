#pragma once
// Small statistics the dimensions share, in plain arithmetic (no libm beyond sqrt) so native
// and WebAssembly agree to the bit.

#include <cstdint>
#include <optional>
#include <vector>

namespace loopscore {

/// Summary of a set of durations, in minutes.
struct DurationStats {
  std::size_t count = 0;
  std::optional<double> median;          ///< middle value (mean of the two middle ones for an even count)
  std::optional<double> p90;             ///< 90th percentile, nearest rank
  std::optional<double> mean;
  std::optional<double> fastest90_mean;  ///< mean of the fastest 90 % (nearest rank), as Facebook's badge counts
};

/// Summarises durations given in milliseconds (the vector is sorted in place).
DurationStats summarize_durations(std::vector<std::int64_t>& milliseconds);

/// Mean and population standard deviation.
struct MeanSd {
  double mean = 0;
  double sd = 0;
};
MeanSd mean_sd(const std::vector<double>& values);

/// Linear interpolation through points (x ascending), flat beyond the ends.
double piecewise_linear(double x, const std::vector<std::pair<double, double>>& points);

/// Clamps to [lo, hi].
inline double clamp(double v, double lo, double hi) { return v < lo ? lo : (v > hi ? hi : v); }

/// Days since 1970-01-01 of a time in milliseconds (floor, also for times before 1970).
inline std::int64_t day_number(std::int64_t ms) { return ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000); }

/// Day of the week of a day number, Monday = 0 (1970-01-01 was a Thursday).
inline int weekday(std::int64_t day) { return static_cast<int>(((day % 7) + 7 + 3) % 7); }

}  // namespace loopscore
