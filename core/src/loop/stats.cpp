#include "loopscore/loop/stats.hpp"

#include <algorithm>
#include <cmath>

namespace loopscore {

DurationStats summarize_durations(std::vector<std::int64_t>& ms) {
  DurationStats s;
  s.count = ms.size();
  if (ms.empty()) return s;
  std::sort(ms.begin(), ms.end());
  const auto minutes = [](double v) { return v / 60000.0; };
  const std::size_t n = ms.size();
  s.median = n % 2 == 1 ? minutes(static_cast<double>(ms[n / 2]))
                        : minutes((static_cast<double>(ms[n / 2 - 1]) + static_cast<double>(ms[n / 2])) / 2.0);
  const std::size_t rank90 = (9 * n + 9) / 10;  // ceil(0.9 n), at least 1
  s.p90 = minutes(static_cast<double>(ms[rank90 - 1]));
  double total = 0, fastest = 0;
  for (std::size_t i = 0; i < n; ++i) {
    total += static_cast<double>(ms[i]);
    if (i < rank90) fastest += static_cast<double>(ms[i]);
  }
  s.mean = minutes(total / static_cast<double>(n));
  s.fastest90_mean = minutes(fastest / static_cast<double>(rank90));
  return s;
}

MeanSd mean_sd(const std::vector<double>& values) {
  MeanSd r;
  if (values.empty()) return r;
  for (const double v : values) r.mean += v;
  r.mean /= static_cast<double>(values.size());
  double squares = 0;
  for (const double v : values) squares += (v - r.mean) * (v - r.mean);
  r.sd = std::sqrt(squares / static_cast<double>(values.size()));
  return r;
}

double piecewise_linear(double x, const std::vector<std::pair<double, double>>& points) {
  if (x <= points.front().first) return points.front().second;
  for (std::size_t i = 1; i < points.size(); ++i) {
    const auto [x1, y1] = points[i];
    if (x <= x1) {
      const auto [x0, y0] = points[i - 1];
      return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
    }
  }
  return points.back().second;
}

}  // namespace loopscore
