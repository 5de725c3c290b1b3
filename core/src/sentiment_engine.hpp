#pragma once
// The sentiment engine's entry point for callers that have looked the tokens up already
// (internal to the core): PostScorer shares one lookup a token between sentiment and signals.

#include <span>

#include "loopscore/sentiment.hpp"
#include "token_lookup.hpp"

namespace loopscore {

/// Scores tokenized text whose tokens `lookup_tokens` has looked up (`lookups` parallel to `tokens`).
Sentiment analyze_sentiment(std::span<const Token> tokens, std::span<const TokenLookup> lookups);

}  // namespace loopscore
