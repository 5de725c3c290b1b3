#pragma once
// Writes core/models/signals.tsv, the one committed form of the trained heads: provenance, figures,
// the dense weights and bias of each head, and each word's int8 weights (generate.mjs folds them
// into the lexicon). The format is described at the top of the file it writes.

#include <string>
#include <vector>

#include "cross_validation.hpp"
#include "labelled_sets.hpp"
#include "logistic_regression.hpp"
#include "signal_model.hpp"

namespace loopscore::training {

/// A head ready to ship: its quantised model with the threshold folded into the bias.
struct TrainedHead {
  Head head;
  LinearModel model;
  double word_scale = 0;
  Metric metric = Metric::f1;
  Figures cross_validated;  ///< nested cross-validation
  Figures resubstituted;    ///< the shipped model on its own training texts
  std::string trained_on;   ///< sets and labels, for the provenance lines
  TrainingOptions options;
};

/// Writes the model file; `provenance` lines go at the top as comments.
void write_model_file(const std::string& path, const std::vector<TrainedHead>& heads, const Featuriser& featuriser,
                      const std::vector<std::string>& provenance);

}  // namespace loopscore::training
