#include "loopscore/post_scorer.hpp"

#include "loopscore/text_fingerprint.hpp"

namespace loopscore {

PostScore PostScorer::score(const Post& post) {
  tokens_.clear();
  tokenize(post.text, tokens_);
  PostScore result;
  result.sentiment = analyze_sentiment(tokens_);
  const TextFingerprint fingerprint = fingerprint_tokens(tokens_);
  result.text_hash = fingerprint.exact;
  result.fingerprint = fingerprint.simhash;
  return result;
}

}  // namespace loopscore
