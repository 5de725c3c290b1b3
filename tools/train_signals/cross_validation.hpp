#pragma once
// Honest figures for a head trained on its own dev set: k-fold cross-validation in which the
// options and the decision threshold are chosen inside each training part (nested), so the held-out
// fold never helps choose them.

#include <vector>

#include "logistic_regression.hpp"

namespace loopscore::training {

/// What a head is judged by: F1 of the positive class, or accuracy.
enum class Metric { f1, accuracy };

/// Detection figures at one threshold.
struct Figures {
  double precision = 0, recall = 0, f1 = 0, accuracy = 0;
  double of(Metric metric) const { return metric == Metric::f1 ? f1 : accuracy; }
};

/// The figures of `logits` thresholded at `threshold` (a logit) against `labels`.
Figures measure(const std::vector<double>& logits, const std::vector<int>& labels, double threshold);

/// The options and threshold (a logit) a training set chooses for itself by cross-validation.
struct Choice {
  TrainingOptions options;
  double threshold = 0;
  double figure = 0;  ///< its cross-validated figure (optimistic: it was chosen on it)
};

/// Chooses among `grid` by `folds`-fold cross-validation over `subset` (indices into examples): the
/// best, or a later option of the grid (a sparser one) that ties with it.
Choice choose(const std::vector<Example>& examples, const std::vector<int>& labels, const std::vector<std::size_t>& subset,
              std::size_t vocabulary_size, const std::vector<TrainingOptions>& grid, Metric metric, int folds);

/// Each example's logit from the model of the `folds`-fold cross-validation that held it out.
std::vector<double> out_of_fold_logits(const std::vector<Example>& examples, const std::vector<int>& labels,
                                       std::size_t vocabulary_size, const TrainingOptions& options, int folds,
                                       int prune);

/// Nested cross-validation: each of `folds` held-out folds is judged by a model whose options and
/// threshold its training part chose by its own inner cross-validation.
Figures nested_cross_validation(const std::vector<Example>& examples, const std::vector<int>& labels,
                                std::size_t vocabulary_size, const std::vector<TrainingOptions>& grid, Metric metric,
                                int folds, int prune);

}  // namespace loopscore::training
