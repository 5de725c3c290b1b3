// score_texts: native per-post throughput from memory (the figure the wasm module and the npm
// peers are compared with in scripts/bench).
//   score_texts FILE [MIN_CPU_SECONDS]   FILE: one post a line. Prints one JSON line:
//   {"posts":N,"bytes":B,"seconds":S,"cpu_seconds":C,"posts_per_s":..,"mb_per_s":..,"checksum":..}
// Rates are per CPU second of this process (one thread), so other work on the machine does not
// count against them; `seconds` is the wall time.
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "score_texts.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: score_texts FILE [MIN_SECONDS]\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  const std::string buffer((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (buffer.empty()) {
    std::fprintf(stderr, "score_texts: %s is empty or unreadable\n", argv[1]);
    return 1;
  }
  const double min_seconds = argc > 2 ? std::atof(argv[2]) : 2.0;
  loopscore::PostScorer scorer;
  loopscore::bench::score_lines(scorer, buffer);  // warm-up: buffers grown, caches hot
  std::size_t posts = 0, bytes = 0;
  double checksum = 0, seconds = 0;
  const auto cpu_now = [] {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
  };
  const double cpu_start = cpu_now();
  const auto start = std::chrono::steady_clock::now();
  do {
    const auto run = loopscore::bench::score_lines(scorer, buffer);
    posts += run.posts;
    bytes += buffer.size();
    checksum += run.checksum;
  } while (cpu_now() - cpu_start < min_seconds);
  const double cpu_seconds = cpu_now() - cpu_start;
  seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "{\"posts\":%zu,\"bytes\":%zu,\"seconds\":%.4f,\"cpu_seconds\":%.4f,\"posts_per_s\":%.0f,\"mb_per_s\":%.2f,"
      "\"checksum\":%.4f}\n",
      posts, bytes, seconds, cpu_seconds, posts / cpu_seconds, bytes / cpu_seconds / 1e6, checksum);
  return 0;
}
