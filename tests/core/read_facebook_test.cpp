// Facebook and Instagram exports (with their Latin-1 mojibake), and LinkedIn's CSV files.
#include "read_test_support.hpp"

namespace loopscore {
namespace {

using testing::fixture_error;
using testing::read_fixture;

TEST(FacebookReader, PostsWithMojibakeRepaired) {
  ReadSummary summary;
  const auto posts = read_fixture("facebook/your_posts_1.json", &summary);
  EXPECT_EQ(summary.format, InputFormat::facebook);
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0].text, "Café of the month: our Leeds store! Come say hi 😊");
  EXPECT_EQ(posts[0].platform, Platform::facebook);
  EXPECT_EQ(posts[0].created_at, 1709540100000);
  EXPECT_EQ(posts[1].text, "Two announcements today.\n\nFirst: “Fika Fridays” start next week.");
  EXPECT_EQ(posts[1].record, 3u);
  ASSERT_EQ(summary.skipped.size(), 1u);
  EXPECT_EQ(summary.skipped[0].reason, "no text (a shared photo, link or check-in without words)");
  EXPECT_EQ(summary.skipped[0].where.pointer, "/1");
}

TEST(FacebookReader, CommentsAreRepliesToWhoeverTheTitleNames) {
  const auto posts = read_fixture("facebook/comments.json");
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0].kind, PostKind::reply);
  EXPECT_EQ(posts[0].author, "Acme Coffee");
  EXPECT_EQ(posts[0].text, "Thank you so much, Jürgen! See you Friday.");
  EXPECT_EQ(posts[0].reply_to_author, "Jürgen Müller");
  EXPECT_EQ(posts[1].reply_to_author, "");  // "his own post"
}

TEST(FacebookReader, NothingButPhotosIsAnError) {
  const InputError e = fixture_error("facebook/posts-without-text.json");
  EXPECT_EQ(e.message(),
            "no usable posts: all 2 records were skipped; the first: no text (a shared photo, link or check-in without "
            "words)");
  EXPECT_EQ(e.where().pointer, "/0");
}

TEST(InstagramReader, CaptionsOnThePostOrItsOnlyPhoto) {
  ReadSummary summary;
  const auto posts = read_fixture("instagram/posts_1.json", &summary);
  EXPECT_EQ(summary.format, InputFormat::instagram);
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0].text, "Latte art Friday ☕ which one is your favourite?");
  EXPECT_EQ(posts[0].platform, Platform::instagram);
  EXPECT_EQ(posts[1].text, "Behind the scenes at the roastery 🔥 #smallbatch");
  EXPECT_EQ(posts[1].created_at, 1709626500000);
  ASSERT_EQ(summary.skipped.size(), 1u);
  EXPECT_EQ(summary.skipped[0].reason, "no caption");
}

TEST(InstagramReader, CommentsAnswerTheMediaOwner) {
  ReadSummary summary;
  const auto posts = read_fixture("instagram/post_comments_1.json", &summary);
  EXPECT_EQ(summary.format, InputFormat::instagram);
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0].kind, PostKind::reply);
  EXPECT_EQ(posts[0].text, "@mila.brews thank you ❤️");
  EXPECT_EQ(posts[0].reply_to_author, "mila.brews");
  EXPECT_EQ(posts[0].created_at, 1709713000000);
}

TEST(InstagramReader, NoCaptionsAtAllIsAnError) {
  EXPECT_EQ(fixture_error("instagram/posts-without-captions.json").message(),
            "no usable posts: all 1 records were skipped; the first: no caption");
}

TEST(LinkedInReader, SharesWithQuotedMultiLineCommentary) {
  ReadSummary summary;
  const auto posts = read_fixture("linkedin/Shares.csv", &summary);
  EXPECT_EQ(summary.format, InputFormat::linkedin);
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0].text,
            "We are hiring two roasters in Leeds!\n\nApply by 31 March. \"No experience needed\" - just curiosity.");
  EXPECT_EQ(posts[0].id, "urn:li:share:7170000000000000001");
  EXPECT_EQ(posts[0].url, "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7170000000000000001");
  EXPECT_EQ(posts[0].created_at, 1709540100000);
  EXPECT_EQ(posts[0].platform, Platform::linkedin);
  ASSERT_EQ(summary.skipped.size(), 1u);
  EXPECT_EQ(summary.skipped[0].reason, "a share without commentary");
  EXPECT_EQ(summary.skipped[0].where.line, 5u);
}

TEST(LinkedInReader, CommentsAndReactions) {
  auto posts = read_fixture("linkedin/Comments.csv");
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0].kind, PostKind::reply);
  EXPECT_EQ(posts[0].reply_to_id, "urn:li:activity:7170000000000000100");
  ReadSummary summary;
  posts = read_fixture("linkedin/Reactions.csv", &summary);  // reactions carry no text: none, and no error
  EXPECT_TRUE(posts.empty());
  EXPECT_EQ(summary.records_skipped, 2u);
  EXPECT_EQ(summary.skipped[1].reason,
            "a PRAISE reaction to https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7170000000000000101: "
            "reactions carry no text");
}

TEST(LinkedInReader, UnbalancedQuoteIsLocated) {
  const InputError e = fixture_error("linkedin/Shares-unbalanced-quote.csv");
  EXPECT_EQ(e.message(), "unbalanced quotes: the quoted cell that starts here is never closed");
  EXPECT_EQ(e.where().line, 2u);
  EXPECT_EQ(e.where().column, 79u);
}

}  // namespace
}  // namespace loopscore
