// Reddit .json: threads, listings, `more` stubs.
#include "read_test_support.hpp"

namespace loopscore {
namespace {

using testing::fixture_error;
using testing::read_fixture;

TEST(RedditReader, ThreadPostThenCommentTree) {
  ReadSummary summary;
  const auto posts = read_fixture("reddit/thread.json", &summary);
  EXPECT_EQ(summary.format, InputFormat::reddit);
  ASSERT_EQ(posts.size(), 4u);
  const Post& post = posts[0];
  EXPECT_EQ(post.id, "1b6xyz1");
  EXPECT_EQ(post.platform, Platform::reddit);
  EXPECT_EQ(post.text,
            "We're Acme Coffee, a small roastery. Ask us anything about decaf!\n\n"
            "We'll be here all afternoon. Questions about process, taste & caffeine welcome.");
  EXPECT_EQ(post.likes, 412);
  EXPECT_EQ(post.replies, 5);
  EXPECT_EQ(post.created_at, 1709568000000);
  EXPECT_EQ(post.url, "https://www.reddit.com/r/Coffee/comments/1b6xyz1/were_acme_coffee_a_small_roastery_ask_us/");
  EXPECT_EQ(posts[1].reply_to_id, "1b6xyz1");
  EXPECT_EQ(posts[1].reply_to_author, "acme_coffee");  // the post's author, from the first listing
  EXPECT_EQ(posts[1].text, "How much caffeine is left in your Swiss Water decaf? I get jittery > 2 cups.");
  EXPECT_EQ(posts[2].reply_to_id, "kt1aaaa");
  EXPECT_EQ(posts[2].reply_to_author, "sleepy_dev");
  EXPECT_EQ(posts[2].url, "https://www.reddit.com/comments/1b6xyz1/_/kt1bbbb/");
  EXPECT_EQ(posts[3].likes, 0);  // a negative score: the upvotes instead
  ASSERT_EQ(summary.skipped.size(), 2u);
  EXPECT_EQ(summary.skipped[0].reason, "more comments not loaded");
  EXPECT_EQ(summary.skipped[0].where.pointer, "/1/data/children/0/data/replies/data/children/1");
  EXPECT_EQ(summary.skipped[0].where.line, 62u);
  EXPECT_EQ(summary.skipped[1].reason, "comment deleted");
}

TEST(RedditReader, UserListingWithLinkPostsAndOtherThings) {
  ReadSummary summary;
  const auto posts = read_fixture("reddit/user-listing.json", &summary);
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0].text, "Try a washed Ethiopian & grind a touch finer than you think.");
  EXPECT_EQ(posts[0].reply_to_author, "brew_bea");  // link_author
  EXPECT_EQ(posts[1].text, "Our roastery, after the renovation");
  ASSERT_EQ(summary.skipped.size(), 1u);
  EXPECT_EQ(summary.skipped[0].reason, "a Reddit t2, not a post or comment");
}

TEST(RedditReader, ThingsWithoutDataAreSkippedThenAnError) {
  const InputError e = fixture_error("reddit/listing-without-data.json");
  EXPECT_EQ(e.message(),
            "no usable posts: all 2 records were skipped; the first: not a Reddit thing (no \"kind\" and \"data\")");
  EXPECT_EQ(e.where().pointer, "/data/children/0");
  EXPECT_EQ(e.where().line, 5u);
}

}  // namespace
}  // namespace loopscore
