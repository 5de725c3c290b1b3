#pragma once
// Helpers for the signal tests: a post's features and signals from its text, with the learned
// heads either as trained (the whole pipeline) or pinned, so that a rule can be tested alone.

#include <string>
#include <vector>

#include "linear_model.hpp"
#include "loopscore/post_scorer.hpp"
#include "post_features.hpp"
#include "sentiment_engine.hpp"
#include "signal_rules.hpp"
#include "token_lookup.hpp"

namespace loopscore::testing {

/// A text tokenized, looked up and scored as PostScorer does, before any head or rule.
struct Analysed {
  std::string text;
  std::vector<Token> tokens;
  std::vector<TokenLookup> lookups;
  Sentiment sentiment;
  PostFeatures features;

  explicit Analysed(std::string t) : text(std::move(t)) {
    tokenize(text, tokens);
    lookup_tokens(tokens, lookups);
    sentiment = analyze_sentiment(tokens, lookups);
    read_post_features(tokens, lookups, sentiment, features);
  }
  Analysed(const Analysed&) = delete;  // the tokens view `text`
};

/// Heads that say nothing: every confidence 0.5, where no rule leans either way.
inline HeadScores undecided_heads() {
  HeadScores heads;
  heads.fill(0.5);
  return heads;
}

/// Heads that say no to everything (a polarity of 0.5: neither side).
inline HeadScores silent_heads() {
  HeadScores heads;
  heads.fill(0.0);
  heads[static_cast<std::size_t>(Head::polarity)] = 0.5;
  return heads;
}

/// The signals of `text` by the rules alone, the heads pinned to `heads`.
inline Signals rules_only(const std::string& text, const HeadScores& heads = silent_heads()) {
  const Analysed a(text);
  return judge_signals(a.features, heads, a.sentiment);
}

/// The whole pipeline: what `loopscore score` says about `text`.
inline PostScore scored(const std::string& text) {
  Post post;
  post.text = text;
  PostScorer scorer;
  return scorer.score(post);
}

/// True when `cues` has every bit of `cue`.
inline bool has_cue(std::uint32_t cues, std::uint32_t cue) { return (cues & cue) == cue; }

}  // namespace loopscore::testing
