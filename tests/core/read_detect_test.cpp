// Detection: every format by its content, never by its file name.
#include "read_test_support.hpp"

namespace loopscore {
namespace {

using testing::fixture_path;
using testing::read_file;

InputFormat detect_fixture(const std::string& name) { return detect_format(read_file(fixture_path(name))); }

TEST(DetectFormat, EveryPlatformFixture) {
  const std::vector<std::pair<std::string, InputFormat>> cases{
      {"csv/posts.csv", InputFormat::csv},
      {"csv/semicolons-crlf-bom.csv", InputFormat::csv},
      {"csv/tabs.tsv", InputFormat::csv},
      {"x-archive/tweets.js", InputFormat::x_archive},
      {"x-archive/account.js", InputFormat::x_archive},
      {"x-archive/truncated.js", InputFormat::x_archive},
      {"mastodon/statuses.json", InputFormat::mastodon},
      {"mastodon/context.json", InputFormat::mastodon},
      {"mastodon/account.json", InputFormat::mastodon},
      {"activitypub/outbox.json", InputFormat::activitypub},
      {"activitypub/actor.json", InputFormat::activitypub},
      {"bluesky/author-feed.json", InputFormat::bluesky},
      {"bluesky/thread.json", InputFormat::bluesky},
      {"bluesky/profile.json", InputFormat::bluesky},
      {"reddit/thread.json", InputFormat::reddit},
      {"reddit/user-listing.json", InputFormat::reddit},
      {"rss/mastodon-account.xml", InputFormat::rss},
      {"rss/blog.xml", InputFormat::rss},
      {"rss/doctype-entities.xml", InputFormat::rss},
      {"atom/feed.xml", InputFormat::atom},
      {"atom/xhtml-and-summaries.xml", InputFormat::atom},
      {"facebook/your_posts_1.json", InputFormat::facebook},
      {"facebook/comments.json", InputFormat::facebook},
      {"instagram/posts_1.json", InputFormat::instagram},
      {"instagram/post_comments_1.json", InputFormat::instagram},
      {"linkedin/Shares.csv", InputFormat::linkedin},
      {"linkedin/Comments.csv", InputFormat::linkedin},
      {"linkedin/Reactions.csv", InputFormat::linkedin},
      {"json/array.json", InputFormat::json},
      {"jsonl/posts.jsonl", InputFormat::jsonl},
      {"text/one-per-line.txt", InputFormat::text},
  };
  for (const auto& [name, format] : cases) EXPECT_EQ(format_name(detect_fixture(name)), format_name(format)) << name;
}

TEST(DetectFormat, RecordedHttpResponsesAreReadForTheirBody) {
  const std::string recorded =
      R"({"_source": {"request": "https://coffee.example/api/v1/accounts/1"}, "body": {"id": "1", "username": "acme",)"
      R"( "acct": "acme", "followers_count": 12}})";
  EXPECT_EQ(detect_format(recorded), InputFormat::mastodon);
  ReadSummary summary;
  read_all_posts(recorded, {}, &summary);
  ASSERT_EQ(summary.accounts.size(), 1u);
  EXPECT_EQ(summary.accounts[0].followers, 12);
}

TEST(DetectFormat, ShapesThatLookAlike) {
  // One object a line is JSON Lines, even when each line is a platform's record.
  EXPECT_EQ(detect_format("{\"id\":\"1\",\"account\":{\"acct\":\"a\"},\"content\":\"x\"}\n{\"id\":\"2\"}\n"),
            InputFormat::jsonl);
  // A platform document on one line is that document.
  EXPECT_EQ(detect_format("{\"did\":\"did:plc:x\",\"handle\":\"a.bsky.social\"}"), InputFormat::bluesky);
  // XML that is no feed is text; so is HTML.
  EXPECT_EQ(detect_format("<html><body>hi</body></html>"), InputFormat::text);
  EXPECT_EQ(detect_format("<?xml version=\"1.0\"?><!-- a <feed> in a comment --><rss/>"), InputFormat::rss);
  EXPECT_EQ(detect_format("  \n<feed xmlns=\"http://www.w3.org/2005/Atom\"/>"), InputFormat::atom);
  EXPECT_EQ(detect_format("window.YTD.tweets.part0 = []"), InputFormat::x_archive);
  EXPECT_EQ(detect_format("[]"), InputFormat::json);
}

TEST(DetectFormat, AFirstRecordLongerThanTheWindowIsJudgedFromWhatIsThere) {
  // The first element does not end within 64 KiB: its first keys still say what it is.
  std::string input = R"([{"id": "1", "account": {"acct": "acme"}, "content": ")" + std::string(70'000, 'a') + "\"}]";
  EXPECT_EQ(detect_format(input), InputFormat::mastodon);
  const auto posts = read_all_posts(input, {});
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].text.size(), 70'000u);
}

TEST(DetectFormat, TheFormatOptionOverridesSniffing) {
  ReadOptions options;
  options.format = InputFormat::text;
  const auto posts = read_all_posts("[{\"text\": \"read as a line of text\"}]", options);
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].text, "[{\"text\": \"read as a line of text\"}]");
}

}  // namespace
}  // namespace loopscore
