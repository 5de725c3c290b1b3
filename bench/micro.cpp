// Google Benchmark micro-benchmarks of the hot paths (scripts/bench --micro runs them):
// tokenize, sentiment, signals (features, learned heads, rules), score one post, JSONL reading,
// score-line writing. Texts come from the benchmark corpus (bench_corpus.txt written by
// scripts/bench), or a built-in sample when LOOPSCORE_BENCH_TEXTS is not set.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "linear_model.hpp"
#include "loopscore/json_text.hpp"
#include "loopscore/post_json.hpp"
#include "loopscore/post_scorer.hpp"
#include "loopscore/readers.hpp"
#include "loopscore/sentiment.hpp"
#include "loopscore/tokenizer.hpp"
#include "post_features.hpp"
#include "sentiment_engine.hpp"
#include "signal_rules.hpp"
#include "token_lookup.hpp"

namespace {

using namespace loopscore;

const std::vector<std::string>& texts() {
  static const std::vector<std::string> lines = [] {
    std::vector<std::string> out;
    if (const char* file = std::getenv("LOOPSCORE_BENCH_TEXTS")) {
      std::ifstream in(file);
      for (std::string line; std::getline(in, line) && out.size() < 20000;) out.push_back(line);
    }
    if (out.empty()) {
      out = {"@northwind my order #4821 still hasn't arrived, can someone help? Third time asking.",
             "Honestly, the oat latte is sooo good 😍 Will definitely order again.",
             "FLASH SALE!!! 30% off the starter kit this weekend only, link in bio #sale #deal",
             "Ugh. the app keeps crashing, this is ridiculous :( https://t.co/Ab3dE9xYz",
             "Thanks for flagging this, could you DM us your order number and we'll sort it today?"};
    }
    return out;
  }();
  return lines;
}

std::size_t total_bytes() {
  std::size_t bytes = 0;
  for (const auto& t : texts()) bytes += t.size();
  return bytes;
}

// Runs `body(i)` once per corpus text per iteration; reports posts/s and bytes/s.
template <typename Body>
void over_texts(benchmark::State& state, Body body) {
  const auto& all = texts();
  for (auto _ : state) {
    for (std::size_t i = 0; i < all.size(); ++i) body(i);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * all.size()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total_bytes()));
}

void BM_Tokenize(benchmark::State& state) {
  std::vector<Token> tokens;
  over_texts(state, [&](std::size_t i) {
    tokens.clear();
    tokenize(texts()[i], tokens);
    benchmark::DoNotOptimize(tokens.data());
  });
}
BENCHMARK(BM_Tokenize);

// Lookup of every token in the lexicon (shared by sentiment and signals).
void BM_Lookup(benchmark::State& state) {
  std::vector<std::vector<Token>> tokens(texts().size());
  for (std::size_t i = 0; i < tokens.size(); ++i) tokenize(texts()[i], tokens[i]);
  std::vector<TokenLookup> lookups;
  over_texts(state, [&](std::size_t i) {
    lookup_tokens(tokens[i], lookups);
    benchmark::DoNotOptimize(lookups.data());
  });
}
BENCHMARK(BM_Lookup);

// Sentiment over already tokenized and looked-up text.
void BM_Sentiment(benchmark::State& state) {
  std::vector<std::vector<Token>> tokens(texts().size());
  std::vector<std::vector<TokenLookup>> lookups(texts().size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    tokenize(texts()[i], tokens[i]);
    lookup_tokens(tokens[i], lookups[i]);
  }
  over_texts(state, [&](std::size_t i) { benchmark::DoNotOptimize(analyze_sentiment(tokens[i], lookups[i])); });
}
BENCHMARK(BM_Sentiment);

// Signals: features, learned heads and rules, over tokenized, looked-up, sentiment-scored text.
void BM_Signals(benchmark::State& state) {
  const std::size_t n = texts().size();
  std::vector<std::vector<Token>> tokens(n);
  std::vector<std::vector<TokenLookup>> lookups(n);
  std::vector<Sentiment> sentiments(n);
  for (std::size_t i = 0; i < n; ++i) {
    tokenize(texts()[i], tokens[i]);
    lookup_tokens(tokens[i], lookups[i]);
    sentiments[i] = analyze_sentiment(tokens[i], lookups[i]);
  }
  PostFeatures features;
  over_texts(state, [&](std::size_t i) {
    read_post_features(tokens[i], lookups[i], sentiments[i], features);
    const HeadScores heads = score_heads(features);
    benchmark::DoNotOptimize(judge_signals(features, heads, sentiments[i]));
  });
}
BENCHMARK(BM_Signals);

// Runs `judge_one(scorer, post)` on every corpus text as a post.
template <typename JudgeOne>
void over_posts(benchmark::State& state, JudgeOne judge_one) {
  PostScorer scorer;
  Post post;
  over_texts(state, [&](std::size_t i) {
    post.text = texts()[i];
    benchmark::DoNotOptimize(judge_one(scorer, post));
  });
}

// Everything `loopscore score` says about one post (PostScorer::judge): the per-post budget.
void BM_JudgePost(benchmark::State& state) {
  over_posts(state, [](PostScorer& scorer, const Post& post) { return scorer.judge(post); });
}
BENCHMARK(BM_JudgePost);

// The same plus the duplicate fingerprints an analysis keeps for each post (PostScorer::score).
void BM_ScorePost(benchmark::State& state) {
  over_posts(state, [](PostScorer& scorer, const Post& post) { return scorer.score(post); });
}
BENCHMARK(BM_ScorePost);

// Reading JSONL (the streaming reader, fed 1 MiB pieces) into Post values.
void BM_ReadJsonl(benchmark::State& state) {
  std::string jsonl;
  std::size_t n = 0;
  for (const auto& t : texts()) {
    std::string line = "{\"id\":\"" + std::to_string(1750000000000000000ULL + n) + "\",\"author\":\"user" +
                       std::to_string(n % 5000) + "\",\"text\":";
    append_json_string(line, t);
    line += ",\"created_at\":\"2024-03-04T08:15:00Z\",\"likes\":" + std::to_string(n % 97) + "}\n";
    jsonl += line;
    ++n;
  }
  for (auto _ : state) {
    std::size_t posts = 0;
    PostStreamReader reader({}, [&](Post&) { ++posts; });
    for (std::size_t at = 0; at < jsonl.size(); at += 1 << 20) reader.feed(std::string_view(jsonl).substr(at, 1 << 20));
    reader.finish();
    benchmark::DoNotOptimize(posts);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * jsonl.size()));
}
BENCHMARK(BM_ReadJsonl);

// Writing the per-post `score` line (direct JSON text, no DOM).
void BM_WriteScoreLine(benchmark::State& state) {
  PostScorer scorer;
  const std::size_t n = texts().size();
  std::vector<Post> posts(n);
  std::vector<PostScore> scores(n);
  for (std::size_t i = 0; i < n; ++i) {
    posts[i].id = std::to_string(1750000000000000000ULL + i);
    posts[i].text = texts()[i];
    scores[i] = scorer.score(posts[i]);
  }
  std::string out;
  over_texts(state, [&](std::size_t i) {
    out.clear();
    append_score_line(out, posts[i], scores[i]);
    benchmark::DoNotOptimize(out.data());
  });
}
BENCHMARK(BM_WriteScoreLine);

}  // namespace

BENCHMARK_MAIN();
