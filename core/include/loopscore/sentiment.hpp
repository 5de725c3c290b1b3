#pragma once
// A sentiment engine of the VADER family (Hutto & Gilbert 2014): lexicon valences adjusted by
// boosters, dampeners, negation, contrast, capitals, punctuation, idioms, emoji and emoticons.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "loopscore/tokenizer.hpp"

namespace loopscore {

enum class SentimentLabel : std::uint8_t { negative, neutral, positive };

/// Name used in reports ("negative", "neutral", "positive").
std::string_view label_name(SentimentLabel label);

/// Scores of one text. `compound` is in [-1, 1]; positive + neutral + negative = 1 (or all 0
/// for text without words).
struct Sentiment {
  double compound = 0;
  double positive = 0;
  double neutral = 0;
  double negative = 0;
  SentimentLabel label = SentimentLabel::neutral;
};

/// Scores already tokenized text (allocates a buffer for the lookups; PostScorer reuses its own).
Sentiment analyze_sentiment(std::span<const Token> tokens);

/// Tokenizes and scores `text` (valid UTF-8); convenient, allocates a token buffer.
Sentiment analyze_sentiment(std::string_view text);

}  // namespace loopscore
