#pragma once
// The per-post race shared by the native harness (score_texts.cpp) and the wasm bench module
// (wasm_score.cpp): every post of a newline-separated buffer judged from memory with every signal,
// one thread: PostScorer::judge, what `loopscore score` writes a post (the duplicate fingerprints
// only an analysis keeps are left out). Returns a checksum so nothing is optimised away.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "loopscore/post.hpp"
#include "loopscore/post_scorer.hpp"

namespace loopscore::bench {

struct ScoreRun {
  std::size_t posts = 0;
  double checksum = 0;
};

inline ScoreRun score_lines(PostScorer& scorer, std::string_view buffer) {
  ScoreRun run;
  Post post;
  std::size_t start = 0;
  while (start < buffer.size()) {
    std::size_t end = buffer.find('\n', start);
    if (end == std::string_view::npos) end = buffer.size();
    post.text.assign(buffer.data() + start, end - start);
    const PostScore score = scorer.judge(post);
    run.checksum += score.sentiment.compound + score.signals.voice + score.signals.confidence[0];
    ++run.posts;
    start = end + 1;
  }
  return run;
}

}  // namespace loopscore::bench
