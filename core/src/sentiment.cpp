// PLACEHOLDER: always neutral (replaced by the VADER-family engine).
#include "loopscore/sentiment.hpp"
namespace loopscore {
std::string_view label_name(SentimentLabel label) {
  switch (label) {
    case SentimentLabel::negative: return "negative";
    case SentimentLabel::positive: return "positive";
    default: return "neutral";
  }
}
Sentiment analyze_sentiment(std::span<const Token> tokens) {
  Sentiment s;
  if (!tokens.empty()) s.neutral = 1;
  return s;
}
Sentiment analyze_sentiment(std::string_view text) {
  std::vector<Token> tokens;
  tokenize(text, tokens);
  return analyze_sentiment(tokens);
}
}  // namespace loopscore
