// The analyze report's per-post list is written directly as text (fast); it must be the very
// bytes nlohmann would write, and the same values as the pretty report built as a json value.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "loopscore/analysis.hpp"
#include "test_support.hpp"

namespace loopscore {
namespace {

using nlohmann::ordered_json;
using testing::fixture_path;
using testing::read_file;

class ReportPosts : public ::testing::TestWithParam<const char*> {};

TEST_P(ReportPosts, CompactListIsWhatNlohmannWritesAndMatchesThePrettyReport) {
  const std::string input = read_file(fixture_path(GetParam()));
  AnalysisOptions options;
  const std::string compact = analyze_to_string(input, options);
  options.pretty = true;
  const std::string pretty = analyze_to_string(input, options);

  const ordered_json parsed = ordered_json::parse(compact);
  ASSERT_GT(parsed["posts"].size(), 0u);
  EXPECT_EQ(parsed.dump() + "\n", compact);
  EXPECT_EQ(parsed, ordered_json::parse(pretty));
  EXPECT_EQ(parsed.dump(2) + "\n", pretty);  // the indented text is nlohmann's, byte for byte
}

// Inputs with every optional field, escapes, emoji, counts, replies and made-up ids.
INSTANTIATE_TEST_SUITE_P(Fixtures, ReportPosts,
                         ::testing::Values("loop/brand-month.jsonl", "jsonl/escapes.jsonl", "jsonl/with-bad-lines.jsonl",
                                           "text/blocks.txt", "x-archive/tweets.js", "mastodon/statuses.json",
                                           "mastodon/context.json", "bluesky/author-feed.json", "reddit/thread.json"));

TEST(ReportPosts, LargeListArrivesInPiecesThatJoinToOneDocument) {
  std::string input;
  for (int i = 0; i < 3000; ++i) input += "{\"id\":\"" + std::to_string(i) + "\",\"text\":\"post number " + std::to_string(i) + " with some words\"}\n";
  AnalysisOptions options;
  std::size_t pieces = 0;
  std::string joined;
  analyze(input, options, [&](std::string_view piece) {
    ++pieces;
    joined.append(piece);
  });
  EXPECT_GT(pieces, 2u);
  const ordered_json parsed = ordered_json::parse(joined);
  EXPECT_EQ(parsed["posts"].size(), 3000u);
  EXPECT_EQ(parsed["posts"][2999]["id"], "2999");
}

}  // namespace
}  // namespace loopscore
