#include "linear_model.hpp"

namespace loopscore {
namespace {

// tanh(x) by its [7/6] Padé approximant, clamped to [-1, 1]: within 1e-4 of tanh everywhere.
double rational_tanh(double x) {
  const double x2 = x * x;
  const double t = x * (135135.0 + x2 * (17325.0 + x2 * (378.0 + x2))) / (135135.0 + x2 * (62370.0 + x2 * (3150.0 + 28.0 * x2)));
  return t > 1.0 ? 1.0 : t < -1.0 ? -1.0 : t;
}

}  // namespace

double logistic(double z) {
  if (z > 40.0) return 1.0;  // far beyond the approximant's reach, where its ratio would overflow
  if (z < -40.0) return 0.0;
  return 0.5 + 0.5 * rational_tanh(0.5 * z);
}

HeadScores score_heads(const PostFeatures& features) {
  // Most dense features are 0: gather the others once, then each head sums over them only.
  std::array<std::uint8_t, kDenseCount> present;
  std::size_t count = 0;
  for (std::size_t f = 0; f < kDenseCount; ++f) {
    present[count] = static_cast<std::uint8_t>(f);
    count += features.dense[f] != 0.0;
  }
  // Feature by feature, every head at once: the heads' sums are independent, so their additions
  // overlap instead of waiting on each other. Each head still adds its terms in feature order, so
  // every sum is the same double as one head at a time would give.
  std::array<double, kHeadCount> z;
  for (std::size_t h = 0; h < kHeadCount; ++h) {
    const HeadModel& head = kSignalTables.heads[h];
    z[h] = head.bias + head.word_scale * features.word_weights[h];
  }
  for (std::size_t k = 0; k < count; ++k) {
    const std::size_t f = present[k];
    const double value = features.dense[f];
    for (std::size_t h = 0; h < kHeadCount; ++h) z[h] += kSignalTables.heads[h].dense[f] * value;
  }
  HeadScores scores;
  for (std::size_t h = 0; h < kHeadCount; ++h) scores[h] = logistic(z[h]);
  return scores;
}

}  // namespace loopscore
