// read_stream: how much memory reading a big input through PostStreamReader takes.
//   read_stream generate jsonl|tweets FILE BYTES   writes a synthetic input of about BYTES
//   read_stream read FILE                          reads FILE in 1 MiB pieces; prints size, posts, peak RSS
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "loopscore/readers.hpp"

namespace {

constexpr std::size_t kPiece = std::size_t{1} << 20;

// Peak resident set size of this process so far, in bytes (Linux reports KiB).
std::size_t peak_rss_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::size_t>(usage.ru_maxrss) * 1024;
}

double megabytes(std::size_t bytes) { return static_cast<double>(bytes) / 1e6; }

// One post of the synthetic inputs; varied enough that no two lines are alike.
std::string post_text(std::size_t i) {
  static const char* const kTexts[] = {
      "Just tried the new seasonal blend and honestly it is the best one yet, thank you!",
      "@acme my order #%zu still hasn't arrived, can someone help? Third time asking.",
      "FLASH SALE!!! 30% off everything this weekend only, link in bio #coffee #deal",
      "Does anyone know if the Leeds store opens early on Saturdays? Need caffeine before the match",
      "We love hearing from you. DM us your order number and we will sort it out today.",
  };
  char buffer[256];
  std::snprintf(buffer, sizeof buffer, kTexts[i % 5], i);
  return buffer;
}

int write_input(const std::string& kind, const std::string& path, std::size_t bytes) {
  std::ofstream out(path, std::ios::binary);
  if (!out) {
    std::cerr << "read_stream: cannot write " << path << '\n';
    return 1;
  }
  const bool tweets = kind == "tweets";
  std::size_t written = 0;
  std::string record;
  if (tweets) out << "window.YTD.tweets.part0 = [";
  for (std::size_t i = 0; written < bytes; ++i) {
    const std::string id = std::to_string(1765000000000000000ULL + i);
    const std::string text = post_text(i);
    if (tweets) {
      record =
          std::string(i == 0 ? "\n" : ",\n") + "  {\n    \"tweet\" : {\n" +
          "      \"edit_info\" : { \"initial\" : { \"editTweetIds\" : [ \"" + id +
          "\" ], \"editableUntil\" : \"2024-03-04T08:45:00.000Z\", \"editsRemaining\" : \"5\", "
          "\"isEditEligible\" : false } },\n"
          "      \"retweeted\" : false,\n"
          "      \"source\" : \"<a href=\\\"https://mobile.twitter.com\\\" rel=\\\"nofollow\\\">Twitter Web "
          "App</a>\",\n"
          "      \"entities\" : { \"hashtags\" : [ ], \"symbols\" : [ ], \"user_mentions\" : [ ], \"urls\" : [ ] },\n"
          "      \"display_text_range\" : [ \"0\", \"" +
          std::to_string(text.size()) +
          "\" ],\n"
          "      \"favorite_count\" : \"" +
          std::to_string(i % 97) +
          "\",\n"
          "      \"id_str\" : \"" +
          id +
          "\",\n"
          "      \"truncated\" : false,\n"
          "      \"retweet_count\" : \"" +
          std::to_string(i % 13) +
          "\",\n"
          "      \"id\" : \"" +
          id +
          "\",\n"
          "      \"created_at\" : \"Mon Mar 04 08:15:00 +0000 2024\",\n"
          "      \"favorited\" : false,\n"
          "      \"full_text\" : \"" +
          text +
          "\",\n"
          "      \"lang\" : \"en\"\n    }\n  }";
    } else {
      record = "{\"id\":\"" + id + "\",\"author\":\"user" + std::to_string(i % 5000) + "\",\"text\":\"" + text +
               "\",\"created_at\":\"2024-03-04T08:15:00Z\",\"likes\":" + std::to_string(i % 97) +
               (i % 3 == 1 ? ",\"in_reply_to\":\"" + std::to_string(1765000000000000000ULL + i - 1) + "\"" : "") +
               "}\n";
    }
    out << record;
    written += record.size();
  }
  if (tweets) out << "\n]\n";
  return out ? 0 : 1;
}

int read_input(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "read_stream: cannot read " << path << '\n';
    return 1;
  }
  const std::size_t rss_before = peak_rss_bytes();
  std::size_t posts = 0, text_bytes = 0, input_bytes = 0;
  loopscore::PostStreamReader reader({}, [&](loopscore::Post& post) {
    ++posts;
    text_bytes += post.text.size();
  });
  std::vector<char> piece(kPiece);
  const auto start = std::chrono::steady_clock::now();
  try {
    while (in.read(piece.data(), static_cast<std::streamsize>(piece.size())) || in.gcount() > 0) {
      const auto n = static_cast<std::size_t>(in.gcount());
      input_bytes += n;
      reader.feed(std::string_view(piece.data(), n));
    }
    const loopscore::ReadSummary summary = reader.finish();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::size_t peak = peak_rss_bytes();
    std::printf(
        "%-10s input %8.1f MB  posts %9zu  peak RSS %6.1f MB (%.2f%% of the input; %.1f MB before reading)  "
        "%5.1f s, %5.0f MB/s\n",
        std::string(loopscore::format_name(summary.format)).c_str(), megabytes(input_bytes), posts, megabytes(peak),
        100.0 * static_cast<double>(peak) / static_cast<double>(input_bytes), megabytes(rss_before), seconds,
        megabytes(input_bytes) / seconds);
  } catch (const loopscore::InputError& e) {
    std::cerr << "read_stream: " << path << ": " << e.what() << '\n';
    return 1;
  }
  return text_bytes > 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 4 && args[0] == "generate" && (args[1] == "jsonl" || args[1] == "tweets")) {
    return write_input(args[1], args[2], std::strtoull(args[3].c_str(), nullptr, 10));
  }
  if (args.size() == 2 && args[0] == "read") return read_input(args[1]);
  std::cerr << "usage: read_stream generate jsonl|tweets FILE BYTES\n       read_stream read FILE\n";
  return 2;
}
