#include "cross_validation.hpp"

#include <algorithm>
#include <cmath>

namespace loopscore::training {
namespace {

constexpr double kTolerance = 0.01;  // cross-validated figures closer than this are a tie

std::vector<const Example*> pick(const std::vector<Example>& examples, const std::vector<std::size_t>& indices) {
  std::vector<const Example*> picked;
  for (const std::size_t i : indices) picked.push_back(&examples[i]);
  return picked;
}

std::vector<int> pick(const std::vector<int>& labels, const std::vector<std::size_t>& indices) {
  std::vector<int> picked;
  for (const std::size_t i : indices) picked.push_back(labels[i]);
  return picked;
}

// The threshold (a logit) that makes the most of `metric` over candidate probabilities 0.05..0.95.
std::pair<double, double> best_threshold(const std::vector<double>& logits, const std::vector<int>& labels,
                                         Metric metric) {
  double best = -1, best_threshold = 0;
  for (int step = 1; step <= 19; ++step) {
    const double p = step * 0.05;
    const double threshold = std::log(p / (1 - p));
    const double figure = measure(logits, labels, threshold).of(metric);
    if (figure > best) {
      best = figure;
      best_threshold = threshold;
    }
  }
  return {best_threshold, best};
}

}  // namespace

Figures measure(const std::vector<double>& logits, const std::vector<int>& labels, double threshold) {
  double tp = 0, fp = 0, fn = 0, correct = 0;
  for (std::size_t i = 0; i < logits.size(); ++i) {
    const bool yes = logits[i] >= threshold;
    tp += yes && labels[i];
    fp += yes && !labels[i];
    fn += !yes && labels[i];
    correct += yes == (labels[i] != 0);
  }
  Figures f;
  f.precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  f.recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  f.f1 = f.precision + f.recall > 0 ? 2 * f.precision * f.recall / (f.precision + f.recall) : 0;
  f.accuracy = logits.empty() ? 0 : correct / static_cast<double>(logits.size());
  return f;
}

Choice choose(const std::vector<Example>& examples, const std::vector<int>& labels, const std::vector<std::size_t>& subset,
              std::size_t vocabulary_size, const std::vector<TrainingOptions>& grid, Metric metric, int folds) {
  Choice best;
  best.figure = -1;
  std::vector<Choice> tried;
  for (const TrainingOptions& options : grid) {
    std::vector<double> oof(subset.size());
    for (int fold = 0; fold < folds; ++fold) {
      std::vector<std::size_t> train_part, test_part;
      for (std::size_t k = 0; k < subset.size(); ++k) (k % folds == static_cast<std::size_t>(fold) ? test_part : train_part).push_back(k);
      std::vector<std::size_t> train_indices;
      for (const std::size_t k : train_part) train_indices.push_back(subset[k]);
      const LinearModel model = train(pick(examples, train_indices), pick(labels, train_indices), vocabulary_size, options);
      for (const std::size_t k : test_part) oof[k] = logit(model, examples[subset[k]]);
    }
    const auto [threshold, figure] = best_threshold(oof, pick(labels, subset), metric);
    tried.push_back({options, threshold, figure});
    if (figure > best.figure) best = tried.back();
  }
  // The sparsest (latest in the grid) within a hair of the best: fewer words, as good a head.
  for (const Choice& choice : tried) {
    if (choice.figure >= best.figure - kTolerance) best = choice;
  }
  return best;
}

std::vector<double> out_of_fold_logits(const std::vector<Example>& examples, const std::vector<int>& labels,
                                       std::size_t vocabulary_size, const TrainingOptions& options, int folds,
                                       int prune) {
  std::vector<double> logits(examples.size());
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<std::size_t> train_part, test_part;
    for (std::size_t i = 0; i < examples.size(); ++i) (i % folds == static_cast<std::size_t>(fold) ? test_part : train_part).push_back(i);
    LinearModel model = train(pick(examples, train_part), pick(labels, train_part), vocabulary_size, options);
    quantise_words(model, prune);
    for (const std::size_t i : test_part) logits[i] = logit(model, examples[i]);
  }
  return logits;
}

Figures nested_cross_validation(const std::vector<Example>& examples, const std::vector<int>& labels,
                                std::size_t vocabulary_size, const std::vector<TrainingOptions>& grid, Metric metric,
                                int folds, int prune) {
  std::vector<double> logits(examples.size());
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<std::size_t> train_part, test_part;
    for (std::size_t i = 0; i < examples.size(); ++i) (i % folds == static_cast<std::size_t>(fold) ? test_part : train_part).push_back(i);
    const Choice choice = choose(examples, labels, train_part, vocabulary_size, grid, metric, folds - 1);
    LinearModel model = train(pick(examples, train_part), pick(labels, train_part), vocabulary_size, choice.options);
    quantise_words(model, prune);
    for (const std::size_t i : test_part) {
      logits[i] = logit(model, examples[i]) - choice.threshold;  // each fold at its own threshold
    }
  }
  return measure(logits, labels, 0.0);
}

}  // namespace loopscore::training
