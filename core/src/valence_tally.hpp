#pragma once
// Adds up the valences of a text's words the way VADER does, and turns the sums into the
// compound score and the positive / neutral / negative proportions (internal to the core).

#include "loopscore/sentiment.hpp"

namespace loopscore {

/// Sums of one side of the first contrast word ("but"): what precedes it weighs less.
struct ValenceSums {
  double positive = 0;  ///< sum of the positive valences
  double negative = 0;  ///< sum of the negative valences (a negative number)
  int positive_count = 0, negative_count = 0, neutral_count = 0;

  /// Counts one word's final valence (0 for a word without sentiment).
  void add(double valence);
};

/// Everything the final score needs: the word sums on both sides of a contrast, and the
/// emphatic punctuation of the whole text.
struct ValenceTally {
  ValenceSums before_contrast;
  ValenceSums after_contrast;
  bool has_contrast = false;
  int exclamation_marks = 0;
  int question_marks = 0;
};

/// The compound score x / sqrt(x^2 + 15), the proportions and the label.
Sentiment score_tally(const ValenceTally& tally);

}  // namespace loopscore
