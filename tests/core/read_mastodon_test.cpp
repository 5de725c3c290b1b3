// Mastodon REST API responses: statuses, contexts, accounts; HTML content to text.
#include "read_test_support.hpp"

namespace loopscore {
namespace {

using testing::fixture_error;
using testing::read_error;
using testing::read_fixture;

TEST(MastodonReader, StatusesPageWithHtmlRepliesAndBoosts) {
  ReadSummary summary;
  const auto posts = read_fixture("mastodon/statuses.json", &summary);
  EXPECT_EQ(summary.format, InputFormat::mastodon);
  ASSERT_EQ(posts.size(), 3u);
  const Post& first = posts[0];
  EXPECT_EQ(first.platform, Platform::mastodon);
  EXPECT_EQ(first.author, "acme");
  EXPECT_EQ(first.text,
            "Spring menu is here :blobcoffee: Tell us what you'd pair with it & why!\n"
            "Full list: acme.example/spring-menu-2024…\n\n#coffee");
  EXPECT_EQ(first.likes, 17);
  EXPECT_EQ(first.reposts, 4);
  EXPECT_EQ(first.replies, 2);
  EXPECT_EQ(first.url, "https://coffee.example/@acme/112034000000000001");
  EXPECT_EQ(first.created_at, 1709540100000);
  const Post& reply = posts[1];
  EXPECT_EQ(reply.kind, PostKind::reply);
  EXPECT_EQ(reply.reply_to_id, "112033999000000000");
  EXPECT_EQ(reply.reply_to_author, "jules@other.example");  // found through "mentions"
  EXPECT_EQ(reply.text, "@jules So sorry about the wait, Jules. We've sent you a voucher!");
  EXPECT_EQ(reply.created_at, 1709542930500);
  const Post& boost = posts[2];
  EXPECT_EQ(boost.kind, PostKind::repost);
  EXPECT_EQ(boost.author, "acme");  // the booster
  EXPECT_EQ(boost.text, "Long read\n\nHow small roasters survive a bad harvest year, a thread.");
  EXPECT_EQ(boost.url, "https://roasters.example/@dana/112030000000000009");
  ASSERT_EQ(summary.accounts.size(), 1u);
  EXPECT_EQ(summary.accounts[0].followers, 2480);
}

TEST(MastodonReader, ContextSkipsDirectMessagesAndMediaOnlyStatuses) {
  ReadSummary summary;
  const auto posts = read_fixture("mastodon/context.json", &summary);
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0].text, "We're closing the Leeds store early today for a staff party 🎉");
  EXPECT_EQ(posts[1].author, "omar@other.example");
  EXPECT_EQ(posts[1].reply_to_author, "acme");
  ASSERT_EQ(summary.skipped.size(), 2u);
  EXPECT_EQ(summary.skipped[0].reason, "a direct message (visibility \"direct\"): private, not read");
  EXPECT_EQ(summary.skipped[0].where.pointer, "/descendants/1");
  EXPECT_EQ(summary.skipped[0].where.line, 27u);
  EXPECT_EQ(summary.skipped[0].where.column, 5u);
  EXPECT_EQ(summary.skipped[1].reason, "no text (a status with only media or a poll)");
  EXPECT_EQ(summary.accounts.size(), 3u);
}

TEST(MastodonReader, AccountGivesFollowersAndNoPosts) {
  ReadSummary summary;
  EXPECT_TRUE(read_fixture("mastodon/account.json", &summary).empty());
  EXPECT_EQ(summary.format, InputFormat::mastodon);
  ASSERT_EQ(summary.accounts.size(), 1u);
  const AccountInfo& account = summary.accounts[0];
  EXPECT_EQ(account.handle, "acme");
  EXPECT_EQ(account.display_name, "Acme Coffee");
  EXPECT_EQ(account.followers, 2481);
  EXPECT_EQ(account.following, 310);
  EXPECT_EQ(account.posts, 1205);
}

TEST(MastodonReader, TruncatedPageIsDetectedAndLocated) {
  const InputError e = fixture_error("mastodon/statuses-truncated.json");
  EXPECT_EQ(e.message(), "invalid JSON: syntax error while parsing object - unexpected end of input; expected '}'");
  EXPECT_EQ(e.where().line, 14u);
  EXPECT_EQ(e.where().column, 1u);
  EXPECT_EQ(detect_format(testing::read_file(testing::fixture_path("mastodon/statuses-truncated.json"))),
            InputFormat::mastodon);
}

TEST(MastodonReader, ForcedOnSomethingElse) {
  ReadOptions options;
  options.format = InputFormat::mastodon;
  EXPECT_EQ(read_error("{\"text\": \"hi\"}", options).message(),
            "not a Mastodon status, status context or account (no \"account\", \"ancestors\" or \"acct\")");
  ReadSummary summary;
  EXPECT_THROW(read_all_posts("[{\"text\": \"hi\"}]", options, &summary), InputError);
  EXPECT_EQ(
      read_error("[{\"text\": \"hi\"}]", options).message(),
      "no usable posts: all 1 records were skipped; the first: not a Mastodon status (no \"id\" and \"account\")");
}

}  // namespace
}  // namespace loopscore
