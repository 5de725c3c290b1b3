// X/Twitter archive files: tweets.js and the account files.
#include "read_test_support.hpp"

namespace loopscore {
namespace {

using testing::fixture_error;
using testing::read_error;
using testing::read_fixture;

TEST(XArchiveReader, TweetsRepliesRetweetsAndQuotes) {
  ReadSummary summary;
  const auto posts = read_fixture("x-archive/tweets.js", &summary);
  EXPECT_EQ(summary.format, InputFormat::x_archive);
  ASSERT_EQ(posts.size(), 4u);
  const Post& first = posts[0];
  EXPECT_EQ(first.platform, Platform::x);
  EXPECT_EQ(first.id, "1765001000000000001");
  EXPECT_EQ(first.text, "Brew guide for the weekend & beyond: https://acme.example/blog/brew-guide #coffee");
  EXPECT_EQ(first.likes, 42);  // counts are strings in archives
  EXPECT_EQ(first.reposts, 5);
  EXPECT_EQ(first.created_at, 1709540100000);
  EXPECT_EQ(first.url, "https://x.com/i/web/status/1765001000000000001");
  EXPECT_TRUE(first.author.empty());  // tweets.js never names its author: account.js does
  EXPECT_EQ(posts[1].kind, PostKind::reply);
  EXPECT_EQ(posts[1].reply_to_id, "1765002000000000002");
  EXPECT_EQ(posts[1].reply_to_author, "jules_t");
  EXPECT_EQ(posts[1].text, "@jules_t Yes! Decaf is back on Friday <3");
  EXPECT_EQ(posts[2].kind, PostKind::repost);
  EXPECT_EQ(posts[2].text, "Ten cafés that get the little things right. Number 3 will surprise you…");
  EXPECT_EQ(posts[3].kind, PostKind::quote);  // links to another tweet; the photo link is dropped
  EXPECT_EQ(posts[3].text,
            "This is why we do it. Thank you Dana! https://twitter.com/dana_r/status/1765000000000000000");
}

TEST(XArchiveReader, OlderEntriesMediaOnlyTweetsAndBadFields) {
  ReadSummary summary;
  const auto posts = read_fixture("x-archive/tweet-older-format.js", &summary);
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0].text, "An entry without the \"tweet\" wrapper, as older archives wrote them");
  EXPECT_FALSE(posts[1].created_at.has_value());
  ASSERT_EQ(summary.warnings.size(), 2u);
  EXPECT_EQ(summary.warnings[0].reason, "\"created_at\" is not a date; time left unknown");
  EXPECT_EQ(summary.warnings[0].where.pointer, "/1/tweet");
  EXPECT_EQ(summary.warnings[0].where.line, 9u);
  EXPECT_EQ(summary.warnings[1].reason, "\"favorite_count\" (\"many\") is not a count");
  ASSERT_EQ(summary.skipped.size(), 1u);
  EXPECT_EQ(summary.skipped[0].reason, "no text (a tweet with only media)");
  EXPECT_EQ(summary.skipped[0].where.record, 3u);
}

TEST(XArchiveReader, AccountAndFollowerFilesDescribeTheAccount) {
  ReadSummary summary;
  EXPECT_TRUE(read_fixture("x-archive/account.js", &summary).empty());
  ASSERT_EQ(summary.accounts.size(), 1u);
  EXPECT_EQ(summary.accounts[0].handle, "acmecoffee");
  EXPECT_EQ(summary.accounts[0].display_name, "Acme Coffee ☕");
  EXPECT_EQ(summary.accounts[0].platform, Platform::x);
  EXPECT_TRUE(read_fixture("x-archive/follower.js", &summary).empty());
  ASSERT_EQ(summary.accounts.size(), 1u);
  EXPECT_EQ(summary.accounts[0].followers, 4);
  EXPECT_TRUE(summary.accounts[0].handle.empty());  // only account.js names the owner
}

TEST(XArchiveReader, TruncatedArchiveIsAnErrorWithThePlace) {
  const InputError e = fixture_error("x-archive/truncated.js");
  EXPECT_EQ(e.message(),
            "invalid JSON: syntax error while parsing value - invalid string: control character U+000A (LF) must be "
            "escaped to \\u000A or \\n; last read: '\"The archive was cut off here<U+000A>'");
  EXPECT_EQ(e.where().line, 12u);
  EXPECT_EQ(e.where().column, 50u);
}

TEST(XArchiveReader, OtherArchiveFilesAreNamedInTheError) {
  EXPECT_EQ(read_error("window.YTD.like.part0 = [ { \"like\" : { \"tweetId\" : \"1\" } } ]").message(),
            "this X archive file holds \"like\" records; loopscore reads tweets.js (posts) and account.js, profile.js, "
            "follower.js and following.js (the account)");
  ReadOptions options;
  options.format = InputFormat::x_archive;
  EXPECT_EQ(read_error("tweets = [1]", options).message(),
            "not an X archive file: expected `window.YTD.<name>.part<N> = ` before the JSON");
}

TEST(XArchiveReader, PartsGrailbirdAndNoPrefix) {
  const auto part1 =
      read_all_posts("window.YTD.tweets.part1 = [ {\"tweet\": {\"id_str\": \"5\", \"full_text\": \"hi\"}} ]", {});
  ASSERT_EQ(part1.size(), 1u);
  EXPECT_EQ(part1[0].id, "5");
  const auto grailbird = read_all_posts(
      "Grailbird.data.tweets_2013_01 = \n [ {\"id_str\": \"6\", \"text\": \"old\", \"user\": {\"screen_name\": "
      "\"acme\"},"
      " \"created_at\": \"2013-01-31 23:59:59 +0000\"} ]",
      {});
  ASSERT_EQ(grailbird.size(), 1u);
  EXPECT_EQ(grailbird[0].author, "acme");
  EXPECT_EQ(grailbird[0].url, "https://x.com/acme/status/6");
  EXPECT_EQ(grailbird[0].created_at, 1359676799000);
  EXPECT_EQ(detect_format("[{\"tweet\": {\"id_str\": \"7\", \"full_text\": \"no prefix\"}}]"), InputFormat::x_archive);
}

}  // namespace
}  // namespace loopscore
