// ActivityPub exports: outbox.json and actor.json.
#include "read_test_support.hpp"

namespace loopscore {
namespace {

using testing::fixture_error;
using testing::read_fixture;

TEST(ActivityPubReader, OutboxNotesRepliesAndEmbeddedBoosts) {
  ReadSummary summary;
  const auto posts = read_fixture("activitypub/outbox.json", &summary);
  EXPECT_EQ(summary.format, InputFormat::activitypub);
  ASSERT_EQ(posts.size(), 3u);
  EXPECT_EQ(posts[0].id, "https://coffee.example/users/acme/statuses/112050000000000001");
  EXPECT_EQ(posts[0].author, "acme");
  EXPECT_EQ(posts[0].platform, Platform::mastodon);
  EXPECT_EQ(posts[0].text, "Our barista team wrote a guide to dialling in espresso at home.\n\nWhat would you add?");
  EXPECT_EQ(posts[0].url, "https://coffee.example/@acme/112050000000000001");
  EXPECT_FALSE(posts[0].likes.has_value());  // exports carry no counts
  EXPECT_EQ(posts[1].kind, PostKind::reply);
  EXPECT_EQ(posts[1].reply_to_id, "https://other.example/users/jules/statuses/112049000000000000");
  EXPECT_EQ(posts[1].reply_to_author, "jules");
  EXPECT_EQ(posts[1].text, "Spoilers for the new blend\n\n@jules It's a washed Ethiopian. Shh!");
  EXPECT_EQ(posts[2].kind, PostKind::repost);
  EXPECT_EQ(posts[2].text, "Harvest report is out. Good year for Huila.");
  EXPECT_EQ(posts[2].created_at, 1709726400000);  // when it was boosted
  ASSERT_EQ(summary.skipped.size(), 3u);
  EXPECT_EQ(summary.skipped[0].reason,
            "a boost (Announce) of https://roasters.example/users/dana/statuses/112049500000000000: the export holds "
            "only the boosted post's address, not its text");
  EXPECT_EQ(summary.skipped[0].where.pointer, "/orderedItems/2");
  EXPECT_EQ(summary.skipped[0].where.line, 46u);
  EXPECT_EQ(summary.skipped[1].reason,
            "a direct message (addressed only to the people it mentions): private, not read");
  EXPECT_EQ(summary.skipped[2].reason, "a Like activity, not a post");
}

TEST(ActivityPubReader, ActorIsTheAccount) {
  ReadSummary summary;
  EXPECT_TRUE(read_fixture("activitypub/actor.json", &summary).empty());
  EXPECT_EQ(summary.format, InputFormat::activitypub);
  ASSERT_EQ(summary.accounts.size(), 1u);
  EXPECT_EQ(summary.accounts[0].handle, "acme");
  EXPECT_EQ(summary.accounts[0].display_name, "Acme Coffee");
}

TEST(ActivityPubReader, ItemsThatAreNotAListAreAnError) {
  const InputError e = fixture_error("activitypub/outbox-items-not-a-list.json");
  EXPECT_EQ(e.message(), "\"orderedItems\" is not an array");
  EXPECT_EQ(e.where().pointer, "/orderedItems");
  EXPECT_EQ(e.where().line, 6u);
  EXPECT_EQ(e.where().column, 19u);
}

TEST(ActivityPubReader, OneLineOutboxIsNotJsonLines) {
  const std::string outbox =
      R"({"type":"OrderedCollection","orderedItems":[{"type":"Create","actor":"https://s.example/users/a",)"
      R"("object":{"type":"Note","id":"https://s.example/users/a/statuses/1","content":"<p>hi</p>"}}]})";
  EXPECT_EQ(detect_format(outbox), InputFormat::activitypub);
  const auto posts = read_all_posts(outbox, {});
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].text, "hi");
}

}  // namespace
}  // namespace loopscore
