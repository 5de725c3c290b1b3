// RSS feeds, and XML read safely.
#include "read_test_support.hpp"

namespace loopscore {
namespace {

using testing::fixture_error;
using testing::read_error;
using testing::read_fixture;

TEST(RssReader, MastodonAccountFeed) {
  ReadSummary summary;
  const auto posts = read_fixture("rss/mastodon-account.xml", &summary);
  EXPECT_EQ(summary.format, InputFormat::rss);
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0].id, "https://coffee.example/@acme/112050000000000001");
  EXPECT_EQ(posts[0].url, "https://coffee.example/@acme/112050000000000001");
  EXPECT_EQ(posts[0].platform, Platform::mastodon);
  EXPECT_EQ(posts[0].text,
            "Our barista team wrote a guide to dialling in espresso at home.\n\nWhat would you add? #espresso");
  EXPECT_EQ(posts[0].created_at, 1709712000000);
  EXPECT_EQ(posts[1].text, "We're closing the Leeds store early today for a staff party 🎉");
  ASSERT_EQ(summary.accounts.size(), 1u);
  EXPECT_EQ(summary.accounts[0].handle, "acme");
  EXPECT_EQ(summary.accounts[0].display_name, "Acme Coffee");
}

TEST(RssReader, BlogFeedWithCdataCreatorsAndBadDates) {
  ReadSummary summary;
  const auto posts = read_fixture("rss/blog.xml", &summary);
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0].id, "acme-blog-2024-017");
  EXPECT_EQ(posts[0].url, "https://acme.example/blog/no-more-pods");
  EXPECT_EQ(posts[0].author, "Priya Shah");
  EXPECT_EQ(posts[0].platform, Platform::feed);
  EXPECT_EQ(posts[0].text,
            "Why we stopped selling pods\n\nPods were convenient & wasteful.\n\nHere’s what we do instead…");
  // The description starts with the title: it is not repeated.
  EXPECT_EQ(posts[1].text, "Opening hours over Easter: closed Sunday, open 10–4 on Monday.");
  EXPECT_EQ(posts[1].id, "https://acme.example/blog/easter-hours");
  ASSERT_EQ(summary.warnings.size(), 1u);
  EXPECT_EQ(summary.warnings[0].reason, "<pubDate> (\"sometime next month\") is not a date; time left unknown");
  ASSERT_EQ(summary.skipped.size(), 1u);
  EXPECT_EQ(summary.skipped[0].reason, "an item without a title or description");
  EXPECT_EQ(summary.skipped[0].where.line, 22u);
  EXPECT_EQ(summary.skipped[0].where.column, 5u);
}

TEST(RssReader, EntityDeclarationsAreRefusedNeverExpanded) {
  const InputError e = fixture_error("rss/doctype-entities.xml");
  EXPECT_EQ(e.message(), "XML DOCTYPE with entity declarations refused: loopscore never expands XML entities");
  EXPECT_EQ(e.where().line, 2u);
  EXPECT_EQ(e.where().column, 1u);
  // An external DTD alone is harmless (nothing is fetched) and unknown entities stay as text.
  const auto posts = read_all_posts(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape//DTD RSS 0.91//EN\" "
      "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n"
      "<rss version=\"0.91\"><channel><title>t</title><item><title>caf&eacute; &amp; &unknown;</title></item>"
      "</channel></rss>",
      {});
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].text, "café & &unknown;");
}

TEST(RssReader, MismatchedTagsAreLocated) {
  const InputError e = fixture_error("rss/unclosed-item.xml");
  EXPECT_EQ(e.message(), "invalid XML: invalid closing tag name");
  EXPECT_EQ(e.where().line, 7u);
  EXPECT_EQ(e.where().column, 11u);
}

TEST(RssReader, BlueskyFeedsLoseTheirLabelTitles) {
  const auto posts = read_all_posts(
      "<rss version=\"2.0\"><channel><link>https://bsky.app/profile/acme.coffee</link><item>"
      "<title>@acme.coffee post</title><link>https://bsky.app/profile/acme.coffee/post/3k</link>"
      "<description>Fresh roast today</description><pubDate>2024-03-04T08:15:00.000Z</pubDate>"
      "<guid>at://did:plc:x/app.bsky.feed.post/3k</guid></item></channel></rss>",
      {});
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].text, "Fresh roast today");
  EXPECT_EQ(posts[0].platform, Platform::bluesky);
  EXPECT_EQ(posts[0].id, "at://did:plc:x/app.bsky.feed.post/3k");
  EXPECT_EQ(posts[0].created_at, 1709540100000);
  ReadOptions options;
  options.format = InputFormat::rss;
  EXPECT_EQ(read_error("<html><body>hi</body></html>", options).message(),
            "not an RSS feed: the root element is <html>, not <rss>");
}

}  // namespace
}  // namespace loopscore
