// Bluesky AppView responses: author feeds, threads, profiles.
#include "read_test_support.hpp"

namespace loopscore {
namespace {

using testing::fixture_error;
using testing::read_error;
using testing::read_fixture;

TEST(BlueskyReader, AuthorFeedWithRepliesRepostsAndQuotes) {
  ReadSummary summary;
  const auto posts = read_fixture("bluesky/author-feed.json", &summary);
  EXPECT_EQ(summary.format, InputFormat::bluesky);
  ASSERT_EQ(posts.size(), 4u);
  const Post& first = posts[0];
  EXPECT_EQ(first.id, "at://did:plc:acme000000000000000000/app.bsky.feed.post/3kmabc2aaaa2a");
  EXPECT_EQ(first.url, "https://bsky.app/profile/acme.coffee/post/3kmabc2aaaa2a");
  EXPECT_EQ(first.author, "acme.coffee");
  EXPECT_EQ(first.platform, Platform::bluesky);
  EXPECT_EQ(first.likes, 30);
  EXPECT_EQ(first.quotes, 1);
  const Post& reply = posts[1];
  EXPECT_EQ(reply.kind, PostKind::reply);
  EXPECT_EQ(reply.reply_to_id, "at://did:plc:jules00000000000000000/app.bsky.feed.post/3kmabc2cccc2c");
  EXPECT_EQ(reply.reply_to_author, "jules.bsky.social");  // from the feed item's reply context
  const Post& repost = posts[2];
  EXPECT_EQ(repost.kind, PostKind::repost);
  EXPECT_EQ(repost.author, "acme.coffee");  // who reposted
  EXPECT_EQ(repost.id, "at://did:plc:acme000000000000000000/app.bsky.feed.repost/3kmabc2eeee2e");
  EXPECT_EQ(repost.text, "Harvest report: a good year for Huila.");
  EXPECT_EQ(repost.url, "https://bsky.app/profile/dana.roasters.example/post/3kmabc2dddd2d");
  EXPECT_EQ(repost.created_at, 1709542800000);  // when it was reposted
  EXPECT_EQ(posts[3].kind, PostKind::quote);
  ASSERT_EQ(summary.skipped.size(), 1u);
  EXPECT_EQ(summary.skipped[0].reason, "no text (a post with only images, video or a link)");
  EXPECT_EQ(summary.skipped[0].where.pointer, "/feed/4/post");
}

TEST(BlueskyReader, ThreadParentsFirstThenRepliesDepthFirst) {
  ReadSummary summary;
  const auto posts = read_fixture("bluesky/thread.json", &summary);
  ASSERT_EQ(posts.size(), 4u);
  EXPECT_EQ(posts[0].text, "Shipping is back to normal after the storm. Thanks for your patience!");
  EXPECT_EQ(posts[1].author, "omar.bsky.social");
  EXPECT_EQ(posts[1].reply_to_author, "acme.coffee");
  EXPECT_EQ(posts[2].reply_to_author, "omar.bsky.social");
  EXPECT_EQ(posts[3].text, "Done, thanks for the quick answer");
  EXPECT_EQ(posts[3].reply_to_author, "acme.coffee");
  ASSERT_EQ(summary.skipped.size(), 2u);
  EXPECT_EQ(summary.skipped[0].reason, "post not found (deleted, or not visible to the viewer)");
  EXPECT_EQ(summary.skipped[0].where.pointer, "/thread/parent/parent");
  EXPECT_EQ(summary.skipped[0].where.record, 1u);
  EXPECT_EQ(summary.skipped[1].reason, "post blocked (its author blocks the viewer, or the viewer blocks them)");
  EXPECT_EQ(summary.skipped[1].where.line, 62u);
}

TEST(BlueskyReader, ProfileGivesFollowers) {
  ReadSummary summary;
  EXPECT_TRUE(read_fixture("bluesky/profile.json", &summary).empty());
  ASSERT_EQ(summary.accounts.size(), 1u);
  EXPECT_EQ(summary.accounts[0].handle, "acme.coffee");
  EXPECT_EQ(summary.accounts[0].followers, 5120);
  EXPECT_EQ(summary.accounts[0].posts, 812);
}

TEST(BlueskyReader, TruncatedThreadIsDetectedAndLocated) {
  const InputError e = fixture_error("bluesky/thread-truncated.json");
  EXPECT_EQ(
      e.message(),
      "invalid JSON: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal");
  EXPECT_EQ(e.where().line, 10u);
  EXPECT_EQ(e.where().column, 1u);
  EXPECT_EQ(detect_format(testing::read_file(testing::fixture_path("bluesky/thread-truncated.json"))),
            InputFormat::bluesky);
}

TEST(BlueskyReader, AHandleThatIsInvalidFallsBackToTheDid) {
  const auto posts = read_all_posts(R"({"posts":[{"uri":"at://did:plc:x/app.bsky.feed.post/3abc",)"
                                    R"("author":{"did":"did:plc:x","handle":"handle.invalid"},)"
                                    R"("record":{"text":"hi","createdAt":"2024-03-04T08:15:00Z"}}]})",
                                    {});
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].url, "https://bsky.app/profile/did:plc:x/post/3abc");
  ReadOptions options;
  options.format = InputFormat::bluesky;
  EXPECT_EQ(read_error("{\"feed\": {}}", options).message(), "\"feed\" is not an array");
}

}  // namespace
}  // namespace loopscore
