#pragma once
// Judges one post: everything the report knows about a post on its own.

#include <cstdint>
#include <memory>
#include <vector>

#include "loopscore/post.hpp"
#include "loopscore/sentiment.hpp"
#include "loopscore/signals.hpp"
#include "loopscore/tokenizer.hpp"

namespace loopscore {

/// What the core judged about one post.
struct PostScore {
  Sentiment sentiment;
  Signals signals;
  std::uint64_t text_hash = 0;    ///< hash of the normalised words: equal for duplicate posts
  std::uint64_t fingerprint = 0;  ///< SimHash of the words: a few bits apart for near-duplicates
};

/// Scores posts one at a time, reusing its buffers (nothing is allocated per post once they have
/// grown to the longest post); one scorer per thread.
class PostScorer {
 public:
  PostScorer();
  ~PostScorer();
  PostScorer(PostScorer&&) noexcept;
  PostScorer& operator=(PostScorer&&) noexcept;

  /// Judges `post` (its text must be valid UTF-8, as every reader guarantees): sentiment and
  /// signals, what `loopscore score` writes. `text_hash` and `fingerprint` are left 0.
  PostScore judge(const Post& post);

  /// judge() plus the post's `text_hash` and `fingerprint`, which only an analysis needs (to find
  /// repeated posts): about a tenth of the time of judge() more.
  PostScore score(const Post& post);

 private:
  struct Buffers;  // tokens and their lexicon lookups
  std::unique_ptr<Buffers> buffers_;
};

}  // namespace loopscore
