// The wasm bench module (scripts/bench only, never hosted): the same per-post race as
// score_texts.cpp, called once over a buffer JS `_malloc`ed and filled (the batch-over-bytes path).
#include <emscripten/emscripten.h>

#include "score_texts.hpp"

namespace {
loopscore::PostScorer& scorer() {
  static loopscore::PostScorer instance;
  return instance;
}
double posts_scored = 0;
}  // namespace

extern "C" {
/// Scores every line of `length` bytes at `data`; returns the checksum (bench_posts() the count).
EMSCRIPTEN_KEEPALIVE double bench_score(const char* data, std::size_t length) {
  const auto run = loopscore::bench::score_lines(scorer(), {data, length});
  posts_scored = static_cast<double>(run.posts);
  return run.checksum;
}
EMSCRIPTEN_KEEPALIVE double bench_posts() { return posts_scored; }
}
