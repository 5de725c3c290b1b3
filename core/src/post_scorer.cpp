#include "loopscore/post_scorer.hpp"

#include "linear_model.hpp"
#include "loopscore/text_fingerprint.hpp"
#include "post_features.hpp"
#include "sentiment_engine.hpp"
#include "signal_rules.hpp"
#include "token_lookup.hpp"

namespace loopscore {

struct PostScorer::Buffers {
  std::vector<Token> tokens;
  std::vector<TokenLookup> lookups;
  PostFeatures features;
};

PostScorer::PostScorer() : buffers_(std::make_unique<Buffers>()) {}
PostScorer::~PostScorer() = default;
PostScorer::PostScorer(PostScorer&&) noexcept = default;
PostScorer& PostScorer::operator=(PostScorer&&) noexcept = default;

// text → tokens → one lexicon lookup a token → sentiment (VADER family) → features → learned heads
// → rules → signals, and the label refined where the lexicon found no sentiment.
PostScore PostScorer::judge(const Post& post) {
  Buffers& b = *buffers_;
  b.tokens.clear();
  tokenize(post.text, b.tokens);
  lookup_tokens(b.tokens, b.lookups);
  PostScore result;
  result.sentiment = analyze_sentiment(b.tokens, b.lookups);
  read_post_features(b.tokens, b.lookups, result.sentiment, b.features);
  const HeadScores heads = score_heads(b.features);
  result.signals = judge_signals(b.features, heads, result.sentiment);
  result.sentiment.label = judge_label(result.sentiment, heads);
  return result;
}

PostScore PostScorer::score(const Post& post) {
  PostScore result = judge(post);
  const TextFingerprint fingerprint = fingerprint_tokens(buffers_->tokens);  // judge() left the post's tokens
  result.text_hash = fingerprint.exact;
  result.fingerprint = fingerprint.simhash;
  return result;
}

}  // namespace loopscore
