// Atom feeds.
#include "read_test_support.hpp"

namespace loopscore {
namespace {

using testing::fixture_error;
using testing::read_fixture;

TEST(AtomReader, EntriesWithHtmlContentAndAuthors) {
  ReadSummary summary;
  const auto posts = read_fixture("atom/feed.xml", &summary);
  EXPECT_EQ(summary.format, InputFormat::atom);
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0].id, "tag:acme.example,2024:news/17");
  EXPECT_EQ(posts[0].url, "https://acme.example/news/spring-menu-2024");
  EXPECT_EQ(posts[0].author, "Acme Coffee");  // the feed's author
  EXPECT_EQ(posts[0].text,
            "Spring menu 2024\n\nThree new drinks, one returning favourite.\nWhich one will you try first?");
  EXPECT_EQ(posts[0].created_at, 1709536500000);  // 08:15+01:00, published rather than updated
  EXPECT_EQ(posts[1].author, "Priya Shah");
  EXPECT_EQ(posts[1].text, "Thanks, Leeds & York! You made our pop-up weekend the busiest ever.");
  EXPECT_EQ(posts[1].url, "https://acme.example/news/thanks");
}

TEST(AtomReader, PrefixedXhtmlExternalContentAndEmptyEntries) {
  ReadSummary summary;
  const auto posts = read_fixture("atom/xhtml-and-summaries.xml", &summary);
  EXPECT_EQ(summary.format, InputFormat::atom);
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0].text, "Cupping notes\n\nBright, juicy and clean.\n\nPeach\nBlack tea");
  EXPECT_EQ(posts[0].created_at, 1709373600000);  // updated, for want of published
  EXPECT_EQ(posts[1].text, "Video: roasting day\n\nA day at the roaster, in four minutes.");
  ASSERT_EQ(summary.skipped.size(), 1u);
  EXPECT_EQ(summary.skipped[0].reason, "an entry without a title, content or summary");
  ASSERT_EQ(summary.accounts.size(), 1u);
  EXPECT_EQ(summary.accounts[0].display_name, "Acme Roastery notes");
}

TEST(AtomReader, NestingIsLimitedBeforeParsing) {
  const InputError e = fixture_error("atom/too-deep.xml");
  EXPECT_EQ(e.message(), "XML nested deeper than 128 levels (max_depth)");
  EXPECT_EQ(e.where().line, 2u);
  EXPECT_EQ(e.where().column, 739u);
}

}  // namespace
}  // namespace loopscore
