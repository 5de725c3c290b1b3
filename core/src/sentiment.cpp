#include "loopscore/sentiment.hpp"

#include "clause_marks.hpp"
#include "sentiment_engine.hpp"
#include "valence_rules.hpp"
#include "valence_tally.hpp"

namespace loopscore {
namespace {

// Capitals mean emphasis in mixed-case text ("GREAT day", not "GREAT DAY"), and names in text
// where they are the exception.
TextCase read_text_case(std::span<const Token> tokens) {
  bool all_caps = false;
  int cased_words = 0, capitalised = 0;
  for (const Token& t : tokens) {  // branch-free: the kinds alternate unpredictably
    const int flags = ((t.kind == TokenKind::word) | (t.kind == TokenKind::hashtag)) ? t.flags : 0;
    all_caps |= (flags & kAllCaps) != 0;
    cased_words += (flags & kHasLower) != 0;
    capitalised += (flags & kCapitalized) != 0;
  }
  const bool title_case = capitalised * 5 >= cased_words * 4;  // "So Far So Good": 4 words in 5 capitalised
  return {all_caps && cased_words > 0, !title_case};
}

void count_marks(std::string_view punctuation, ValenceTally& tally) {
  for (const char c : punctuation) {
    tally.exclamation_marks += c == '!';
    tally.question_marks += c == '?';
  }
}

}  // namespace

std::string_view label_name(SentimentLabel label) {
  switch (label) {
    case SentimentLabel::negative: return "negative";
    case SentimentLabel::positive: return "positive";
    default: return "neutral";
  }
}

Sentiment analyze_sentiment(std::span<const Token> tokens, std::span<const TokenLookup> lookups) {
  ValenceTally tally;
  ValenceRules rules(tally, read_text_case(tokens));
  WordPlace place;
  place.starts_sentence = true;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    switch (token.kind) {
      case TokenKind::word:
      case TokenKind::hashtag:
      case TokenKind::emoji:
      case TokenKind::emoticon:
      case TokenKind::number:
        place.token_index = static_cast<std::uint32_t>(i);
        rules.add(token, lookups[i], place);
        place.starts_sentence = false;
        break;
      case TokenKind::punctuation:
        count_marks(token.text, tally);
        place.clause += breaks_clause(token.text);
        place.starts_sentence |= ends_sentence(token.text);
        break;
      default: break;  // mentions, URLs, e-mail addresses, cashtags and symbols carry no sentiment
    }
  }
  rules.finish();
  return score_tally(tally);
}

Sentiment analyze_sentiment(std::span<const Token> tokens) {
  std::vector<TokenLookup> lookups;
  lookup_tokens(tokens, lookups);
  return analyze_sentiment(tokens, lookups);
}

Sentiment analyze_sentiment(std::string_view text) {
  std::vector<Token> tokens;
  tokenize(text, tokens);
  return analyze_sentiment(tokens);
}

}  // namespace loopscore
