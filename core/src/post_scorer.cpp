#include "loopscore/post_scorer.hpp"

namespace loopscore {

PostScore PostScorer::score(const Post& post) {
  tokens_.clear();
  tokenize(post.text, tokens_);
  PostScore result;
  result.sentiment = analyze_sentiment(tokens_);
  return result;
}

}  // namespace loopscore
