#include "loopscore/sentiment.hpp"

#include "valence_rules.hpp"
#include "valence_tally.hpp"

namespace loopscore {
namespace {

// Non-ASCII marks that end a clause (ellipsis, dashes, CJK and fullwidth punctuation); negation
// and boosters do not reach across clauses.
constexpr std::string_view kWideClauseBreaks[] = {"\u2026", "\u2013", "\u2014", "\u3001", "\u3002",
                                                  "\uFF01", "\uFF0C", "\uFF1A", "\uFF1B", "\uFF1F"};

bool breaks_clause(std::string_view mark) {
  switch (mark[0]) {
    case '.': case ',': case ';': case ':': case '!': case '?': case '-': return true;
    default: break;
  }
  if (static_cast<unsigned char>(mark[0]) < 0x80) return false;
  for (const std::string_view wide : kWideClauseBreaks) {
    if (mark.starts_with(wide)) return true;
  }
  return false;
}

// A sentence ends at ".", "!", "?", an ellipsis or an ideographic full stop: the next word's
// capital is the sentence's, not a name's.
bool ends_sentence(std::string_view mark) {
  return mark[0] == '.' || mark[0] == '!' || mark[0] == '?' || mark.starts_with("\u2026") ||
         mark.starts_with("\u3002") || mark.starts_with("\uFF01") || mark.starts_with("\uFF1F");
}

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

Sentiment analyze_sentiment(std::span<const Token> tokens) {
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
        rules.add(token, place);
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

Sentiment analyze_sentiment(std::string_view text) {
  std::vector<Token> tokens;
  tokenize(text, tokens);
  return analyze_sentiment(tokens);
}

}  // namespace loopscore
