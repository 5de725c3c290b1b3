#include "logistic_regression.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace loopscore::training {
namespace {

// A small linear congruential generator: the same shuffles on every machine.
class Shuffler {
 public:
  explicit Shuffler(std::uint64_t seed) : state_(seed) {}
  void shuffle(std::vector<std::size_t>& order) {
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[next() % i]);
  }

 private:
  std::uint64_t next() {
    state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
    return state_ >> 33;
  }
  std::uint64_t state_;
};

// One FTRL-Proximal coordinate: its weight is computed from the accumulated gradient z and the
// sum of squared gradients n.
struct Coordinate {
  double z = 0, n = 0;

  double weight(double l1, double l2, double alpha, double beta) const {
    if (std::abs(z) <= l1) return 0;
    return -(z - (z > 0 ? l1 : -l1)) / ((beta + std::sqrt(n)) / alpha + l2);
  }
  void update(double gradient, double weight, double alpha) {
    const double sigma = (std::sqrt(n + gradient * gradient) - std::sqrt(n)) / alpha;
    z += gradient - sigma * weight;
    n += gradient * gradient;
  }
};

}  // namespace

LinearModel train(const std::vector<const Example*>& examples, const std::vector<int>& labels,
                  std::size_t vocabulary_size, const TrainingOptions& options) {
  std::vector<int> document_count(vocabulary_size, 0);
  for (const Example* e : examples) {
    for (const auto& [id, count] : e->words) ++document_count[id];
  }
  const double a = options.alpha, b = options.beta;
  std::vector<Coordinate> words(vocabulary_size);
  std::array<Coordinate, kDenseCount> dense{};
  Coordinate bias;
  LinearModel model;
  model.words.assign(vocabulary_size, 0.0);
  const auto usable = [&](std::uint32_t id) {
    if (!options.pairs && options.pair_ids != nullptr && id < options.pair_ids->size() && (*options.pair_ids)[id]) return false;
    return options.words && document_count[id] >= options.min_count;
  };

  std::vector<std::size_t> order(examples.size());
  std::iota(order.begin(), order.end(), 0);
  Shuffler shuffler(20240301);
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    shuffler.shuffle(order);
    for (const std::size_t i : order) {
      const Example& e = *examples[i];
      // The current weights of this example's coordinates (words with L1, dense and bias without).
      model.bias = bias.weight(0, 0, a, b);
      for (const auto& [id, count] : e.words) {
        if (usable(id)) model.words[id] = words[id].weight(options.l1, options.l2, a, b);
      }
      for (std::size_t f = 0; f < kDenseCount; ++f) {
        if (e.dense[f] != 0.0) model.dense[f] = dense[f].weight(0, options.l2, a, b);
      }
      const double p = 1.0 / (1.0 + std::exp(-logit(model, e)));
      const double g = (p - labels[i]) * (labels[i] ? options.positive_weight : 1.0);
      bias.update(g, model.bias, a);
      for (const auto& [id, count] : e.words) {
        if (usable(id)) words[id].update(g * count, model.words[id], a);
      }
      for (std::size_t f = 0; f < kDenseCount; ++f) {
        if (e.dense[f] != 0.0) dense[f].update(g * e.dense[f], model.dense[f], a);
      }
    }
  }
  model.bias = bias.weight(0, 0, a, b);
  for (std::size_t id = 0; id < vocabulary_size; ++id) {
    model.words[id] = usable(static_cast<std::uint32_t>(id)) ? words[id].weight(options.l1, options.l2, a, b) : 0.0;
  }
  for (std::size_t f = 0; f < kDenseCount; ++f) model.dense[f] = dense[f].weight(0, options.l2, a, b);
  return model;
}

double logit(const LinearModel& model, const Example& example) {
  double z = model.bias;
  for (const auto& [id, count] : example.words) z += model.words[id] * count;
  for (std::size_t f = 0; f < kDenseCount; ++f) z += model.dense[f] * example.dense[f];
  return z;
}

double quantise_words(LinearModel& model, int prune) {
  double largest = 0;
  for (const double w : model.words) largest = std::max(largest, std::abs(w));
  if (largest == 0) return 0;
  const double scale = largest / 127.0;
  for (double& w : model.words) {
    const double q = std::round(w / scale);
    w = std::abs(q) <= prune ? 0.0 : q * scale;
  }
  return scale;
}

}  // namespace loopscore::training
