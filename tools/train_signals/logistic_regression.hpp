#pragma once
// Logistic regression over an Example's word counts and dense features, trained by FTRL-Proximal
// (McMahan et al., "Ad Click Prediction: a View from the Trenches", KDD 2013) in a fixed, seeded
// order (the same weights on every run). Its L1 term leaves most words at exactly 0, so only the
// words that matter reach the lexicon. Also the int8 quantisation of the word weights.

#include <array>
#include <cstdint>
#include <vector>

#include "labelled_sets.hpp"

namespace loopscore::training {

/// How one head is trained.
struct TrainingOptions {
  double l1 = 1.0;               ///< FTRL's L1 strength on word weights: larger, fewer words
  double l2 = 1.0;               ///< FTRL's L2 strength on every weight
  double positive_weight = 1.0;  ///< how much a positive example counts against a negative one
  int epochs = 10;
  double alpha = 0.1;            ///< FTRL's per-coordinate learning rate scale
  double beta = 1.0;
  int min_count = 2;  ///< words in fewer training texts than this get no weight
  bool words = true;  ///< false: the head learns from the dense features only
  bool pairs = true;  ///< false: no weight for word pairs (ids marked in `pair_ids`)
  const std::vector<char>* pair_ids = nullptr;  ///< per vocabulary id, 1 for a word pair
};

/// A trained head: a weight per vocabulary id, per dense feature, and a bias.
struct LinearModel {
  std::vector<double> words;
  std::array<double, kDenseCount> dense{};
  double bias = 0;
};

/// Trains on `examples` (labels 0 or 1); `vocabulary_size` bounds the word ids.
LinearModel train(const std::vector<const Example*>& examples, const std::vector<int>& labels,
                  std::size_t vocabulary_size, const TrainingOptions& options);

/// The model's logit for one example.
double logit(const LinearModel& model, const Example& example);

/// Word weights as the core stores them: int8 multiples of a scale (max |weight| ÷ 127), those
/// within `prune` steps of 0 dropped. Returns the scale; `model` keeps the dequantised weights.
double quantise_words(LinearModel& model, int prune);

}  // namespace loopscore::training
