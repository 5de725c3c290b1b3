#include "loopscore/loop/corpus.hpp"

#include <gtest/gtest.h>

#include "loop_test_support.hpp"
#include "loopscore/loop/id_time.hpp"

namespace loopscore {
namespace {

using testing::index_of;
using testing::make_corpus;
using testing::PostBuilder;

TEST(IdTime, DecodesEachPlatformsIds) {
  // Real pairs of id and creation time published by each platform.
  EXPECT_EQ(time_from_id("1627031510963441664", IdClock::x_snowflake), *parse_time("2023-02-18T19:45:15.654Z"));
  EXPECT_EQ(time_from_id("114739545367952761", IdClock::mastodon), *parse_time("2025-06-24T17:35:19.896Z"));
  EXPECT_EQ(time_from_id("3jzfcijpj2z2a", IdClock::bluesky_tid), *parse_time("2023-06-30T15:03:01.887Z"));
  EXPECT_EQ(time_from_id("at://did:plc:abc/app.bsky.feed.post/3jzfcijpj2z2a", IdClock::bluesky_tid),
            *parse_time("2023-06-30T15:03:01.887Z"));
}

TEST(IdTime, RejectsIdsOfAnotherShape) {
  EXPECT_FALSE(time_from_id("12345", IdClock::x_snowflake));        // before 2006 once decoded
  EXPECT_FALSE(time_from_id("abc", IdClock::mastodon));
  EXPECT_FALSE(time_from_id("3jzfcijpj2z2", IdClock::bluesky_tid));  // 12 characters
  EXPECT_FALSE(time_from_id("zzzzzzzzzzzzz", IdClock::bluesky_tid)); // top bit set
  EXPECT_FALSE(time_from_id("1627031510963441664", IdClock::none));
}

TEST(Corpus, OwnerFromOptionMatchesHandleVariants) {
  const Corpus c = make_corpus({PostBuilder("1", "@Acme"), PostBuilder("2", "acme@mastodon.social"),
                                PostBuilder("3", "ann"), PostBuilder("4", "acmeish")});
  EXPECT_EQ(c.owner().source, "option");
  EXPECT_EQ(c.owner().posts, 2u);
  EXPECT_TRUE(c.link(0).by_owner);
  EXPECT_TRUE(c.link(1).by_owner);
  EXPECT_FALSE(c.link(3).by_owner);
  EXPECT_EQ(c.audience_authors(), 2u);
}

TEST(Corpus, OwnerInferredFromMostPostsOrNamedByAccount) {
  LoopOptions none;
  none.owner = "";
  const std::vector<PostBuilder> posts = {PostBuilder("1", "ann"), PostBuilder("2", "bob"), PostBuilder("3", "bob")};
  Corpus inferred(store_of(posts), none, {});
  EXPECT_EQ(inferred.owner().handle, "bob");
  EXPECT_EQ(inferred.owner().source, "inferred");

  AccountInfo account;
  account.handle = "ann";
  account.followers = 1200;
  Corpus named(store_of(posts), none, {account});
  EXPECT_EQ(named.owner().handle, "ann");
  EXPECT_EQ(named.owner().source, "account");
  EXPECT_EQ(named.followers(), 1200);

  // An archive without per-post authors: the account is the author of every post.
  const std::vector<PostBuilder> unsigned_posts = {PostBuilder("1", ""), PostBuilder("2", "")};
  Corpus archive(store_of(unsigned_posts), none, {account});
  EXPECT_EQ(archive.owner().posts, 2u);
  EXPECT_EQ(archive.post(0).post.author, "ann");

  Corpus pasted(store_of(unsigned_posts), none, {});
  EXPECT_EQ(pasted.owner().source, "assumed");
  EXPECT_EQ(pasted.owner().posts, 2u);
}

TEST(Corpus, LinksRepliesDepthRootAndOwnerReplies) {
  const Corpus c = make_corpus({
      PostBuilder("p1", "acme").at("2024-03-04T09:00:00Z"),
      PostBuilder("q1", "ann").at("2024-03-04T10:00:00Z").replying_to("p1"),
      PostBuilder("a1", "acme").at("2024-03-04T11:00:00Z").replying_to("q1"),
      PostBuilder("a0", "acme").at("2024-03-04T10:30:00Z").replying_to("q1"),
      PostBuilder("r1", "bob").at("2024-03-04T12:00:00Z").replying_to("a1"),
  });
  const std::int32_t q1 = index_of(c, "q1");
  EXPECT_EQ(c.link(q1).parent, index_of(c, "p1"));
  EXPECT_EQ(c.link(q1).depth, 1);
  EXPECT_EQ(c.link(index_of(c, "r1")).depth, 3);
  EXPECT_EQ(c.link(index_of(c, "r1")).root, index_of(c, "p1"));
  EXPECT_EQ(c.link(q1).owner_replies, 2);
  EXPECT_EQ(c.link(q1).first_owner_reply, index_of(c, "a0"));  // the earlier of the two
  EXPECT_TRUE(c.link(q1).addressed_to_owner);                   // replies to an owner post
  EXPECT_TRUE(c.link(index_of(c, "r1")).addressed_to_owner);    // answering the owner's reply is talking to it
  EXPECT_FALSE(c.link(index_of(c, "a1")).addressed_to_owner);   // the owner's own posts never are
}

TEST(Corpus, AddressedByMentionOrByReplyToAbsentOwnerPost) {
  const Corpus c = make_corpus({
      PostBuilder("m1", "ann").text("hey @Acme, is the shop open?"),
      PostBuilder("m2", "ann").text("mail me at sales@acme.com"),
      PostBuilder("m3", "bob").replying_to("gone", "acme"),
      PostBuilder("m4", "bob").text("@acme@mastodon.social thanks!"),
      PostBuilder("m5", "cat").text("@acmeish no"),
  });
  EXPECT_TRUE(c.link(0).addressed_to_owner);
  EXPECT_FALSE(c.link(1).addressed_to_owner);
  EXPECT_TRUE(c.link(2).addressed_to_owner);
  EXPECT_TRUE(c.link(3).addressed_to_owner);
  EXPECT_FALSE(c.link(4).addressed_to_owner);
  EXPECT_EQ(c.replies_to_absent_posts(), 1u);
}

TEST(Corpus, ReplyCyclesAreCutNotFollowedForever) {
  const Corpus c = make_corpus({PostBuilder("a", "ann").replying_to("b"), PostBuilder("b", "bob").replying_to("c"),
                                PostBuilder("c", "cat").replying_to("a"), PostBuilder("d", "dan").replying_to("d")});
  EXPECT_EQ(c.reply_cycles_broken(), 1u);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_LE(c.link(i).depth, 2);
  EXPECT_EQ(c.link(3).parent, PostLinks::kNone);  // a post replying to itself
}

TEST(Corpus, DeepChainIsWalkedWithoutRecursion) {
  std::vector<PostBuilder> chain;
  for (int i = 0; i < 200000; ++i) {
    PostBuilder b(std::to_string(i), i % 2 ? "acme" : "ann");
    if (i > 0) b.replying_to(std::to_string(i - 1));
    chain.push_back(b);
  }
  const Corpus c = make_corpus(chain);
  EXPECT_EQ(c.link(199999).depth, 199999);
  EXPECT_EQ(c.link(199999).root, 0);
}

TEST(Corpus, IdClockFromPlatformOrCalibratedOnDates) {
  // No platform given: the X clock agrees with the dates, so absent parents are dated by id.
  const Corpus c = make_corpus({
      PostBuilder("1627031510963441664", "ann").at("2023-02-18T19:45:15Z"),
      PostBuilder("1627031510963441665", "acme").replying_to("1627018396180140033"),
  });
  EXPECT_EQ(c.id_clock(), IdClock::x_snowflake);
  EXPECT_EQ(c.link(1).time, time_from_id("1627031510963441665", IdClock::x_snowflake));
  EXPECT_EQ(c.link(1).parent_time, time_from_id("1627018396180140033", IdClock::x_snowflake));

  const Corpus m = make_corpus({PostBuilder("114739545367952761", "ann").platform(Platform::mastodon)});
  EXPECT_EQ(m.id_clock(), IdClock::mastodon);
  EXPECT_EQ(m.link(0).time, *parse_time("2025-06-24T17:35:19.896Z"));

  const Corpus plain = make_corpus({PostBuilder("1", "ann").at("2024-01-01T00:00:00Z")});
  EXPECT_EQ(plain.id_clock(), IdClock::none);
}

}  // namespace
}  // namespace loopscore
