#include "valence_tally.hpp"

#include <algorithm>
#include <cmath>

namespace loopscore {
namespace {

// Constants of Hutto & Gilbert (2014), Section 3.
constexpr double kBeforeContrast = 0.5;
constexpr double kAfterContrast = 1.5;
constexpr int kMaxExclamationMarks = 4;
constexpr double kExclamationEmphasis = 0.292;  // per "!"
constexpr double kQuestionEmphasis = 0.18;      // per "?", from the second one on
constexpr double kMaxQuestionEmphasis = 0.96;   // four or more "?"
constexpr double kNormalisation = 15;           // compound = x / sqrt(x^2 + 15)
constexpr double kLabelThreshold = 0.05;

// Emphasis that "!!!" and "??" add to the dominant direction.
double punctuation_emphasis(const ValenceTally& tally) {
  double emphasis = std::min(tally.exclamation_marks, kMaxExclamationMarks) * kExclamationEmphasis;
  if (tally.question_marks > 3) {
    emphasis += kMaxQuestionEmphasis;
  } else if (tally.question_marks > 1) {
    emphasis += tally.question_marks * kQuestionEmphasis;
  }
  return emphasis;
}

}  // namespace

void ValenceSums::add(double valence) {  // branch-free: the sign of the next word is anyone's guess
  positive += valence > 0 ? valence : 0.0;
  negative += valence < 0 ? valence : 0.0;
  positive_count += valence > 0;
  negative_count += valence < 0;
  neutral_count += valence == 0;
}

Sentiment score_tally(const ValenceTally& tally) {
  const ValenceSums& a = tally.before_contrast;
  const ValenceSums& b = tally.after_contrast;
  const double weight_a = tally.has_contrast ? kBeforeContrast : 1.0;
  const double emphasis = punctuation_emphasis(tally);

  double sum = weight_a * (a.positive + a.negative) + kAfterContrast * (b.positive + b.negative);
  if (sum > 0) {
    sum += emphasis;
  } else if (sum < 0) {
    sum -= emphasis;
  }

  // Each word with sentiment also counts 1 towards its side, as a neutral word counts 1 (VADER).
  double positive = weight_a * a.positive + a.positive_count + kAfterContrast * b.positive + b.positive_count;
  double negative = -(weight_a * a.negative) + a.negative_count - kAfterContrast * b.negative + b.negative_count;
  const double neutral = a.neutral_count + b.neutral_count;
  if (positive > negative) {
    positive += emphasis;
  } else if (negative > positive) {
    negative += emphasis;
  }

  Sentiment s;
  const double total = positive + negative + neutral;
  if (total == 0) return s;
  s.compound = sum / std::sqrt(sum * sum + kNormalisation);
  s.positive = positive / total;
  s.negative = negative / total;
  s.neutral = neutral / total;
  s.label = s.compound >= kLabelThreshold    ? SentimentLabel::positive
            : s.compound <= -kLabelThreshold ? SentimentLabel::negative
                                             : SentimentLabel::neutral;
  return s;
}

}  // namespace loopscore
