#pragma once
// Evaluates the learned heads of signal_model.hpp on a post's features (internal to the core):
// logit = bias + word scale × Σ word weights + Σ dense weight × dense feature, then a logistic
// curve made of + − × ÷ only, so that native and WebAssembly builds agree bit for bit.

#include <array>

#include "post_features.hpp"
#include "signal_model.hpp"

namespace loopscore {

/// Per head, in Head order: its confidence 0..1 (0.5 at the decision threshold the trainer chose).
using HeadScores = std::array<double, kHeadCount>;

/// The logistic function 1 / (1 + e^-z), within 1e-4, from a rational approximation of tanh.
double logistic(double z);

/// The confidence of every head for a post.
HeadScores score_heads(const PostFeatures& features);

}  // namespace loopscore
