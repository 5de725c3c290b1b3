#pragma once
// The rules that turn a post's features and learned heads into its Signals (internal to the core):
// which heads stand as they are, the rules for complaints and purchase intent (whose labelled sets
// may not be trained on), the promotion rules beside the learned head, the stage in the social
// feedback cycle, shouting, voice, usefulness and credit. docs/signals.md gives each rule with
// examples.

#include "linear_model.hpp"
#include "loopscore/sentiment.hpp"
#include "loopscore/signals.hpp"
#include "post_features.hpp"

namespace loopscore {

/// Everything judged about a post beyond its sentiment.
Signals judge_signals(const PostFeatures& features, const HeadScores& heads, const Sentiment& sentiment);

/// The sentiment label: the compound's when the lexicon found sentiment, else the learned heads'.
SentimentLabel judge_label(const Sentiment& sentiment, const HeadScores& heads);

}  // namespace loopscore
