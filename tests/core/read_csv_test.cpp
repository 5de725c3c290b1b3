// CSV with a header row: RFC 4180 quoting, delimiters, BOM and CRLF, column mapping.
#include "read_test_support.hpp"

namespace loopscore {
namespace {

using testing::fixture_error;
using testing::read_error;
using testing::read_fixture;

TEST(CsvReader, QuotedCellsWithCommasQuotesAndLineBreaks) {
  ReadSummary summary;
  const auto posts = read_fixture("csv/posts.csv", &summary);
  EXPECT_EQ(summary.format, InputFormat::csv);
  ASSERT_EQ(posts.size(), 3u);
  EXPECT_EQ(posts[0].text, "Morning! Our new single origin, \"Finca Alta\", is in store today ☕");
  EXPECT_EQ(posts[0].id, "2001");
  EXPECT_EQ(posts[0].likes, 42);
  EXPECT_EQ(posts[0].created_at, 1709540100000);
  EXPECT_EQ(posts[1].text, "@acmecoffee is it available in decaf?\nAsking for my partner.");
  EXPECT_EQ(posts[1].kind, PostKind::reply);
  EXPECT_EQ(posts[1].reply_to_id, "2001");
  EXPECT_FALSE(posts[1].reposts.has_value());  // an empty cell is unknown, not 0
  EXPECT_EQ(posts[2].record, 3u);
}

TEST(CsvReader, SemicolonsCrlfBomAndCapitalisedNames) {
  ReadSummary summary;
  const auto posts = read_fixture("csv/semicolons-crlf-bom.csv", &summary);
  EXPECT_EQ(summary.format, InputFormat::csv);
  ASSERT_EQ(posts.size(), 3u);
  EXPECT_EQ(posts[0].text, "Checkout keeps failing on the app; third time today!!");
  EXPECT_EQ(posts[0].author, "dana_r");
  EXPECT_EQ(posts[1].created_at, 1709629200000);  // 10:00+01:00 is 09:00Z
  ASSERT_EQ(summary.skipped.size(), 1u);
  EXPECT_EQ(summary.skipped[0].reason, "empty text in column \"Body\"");
  EXPECT_EQ(summary.skipped[0].where.line, 4u);
  EXPECT_EQ(summary.skipped[0].where.byte_offset, 106u);  // the byte order mark counts
  ASSERT_EQ(summary.warnings.size(), 3u);
  EXPECT_EQ(summary.warnings[0].reason, "column \"Date\" (\"04/03/2024\") is not a date; time left unknown");
  EXPECT_EQ(summary.warnings[1].reason, "column \"Likes\" (\"many\") is not a count");
  EXPECT_EQ(summary.warnings[2].reason, "the row has 5 cells and the header 4 names: the extra cells are ignored");
}

TEST(CsvReader, TabsAreSniffedAndUnixTimesRead) {
  const auto posts = read_fixture("csv/tabs.tsv");
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0].author, "priya");
  EXPECT_EQ(posts[0].created_at, 1709546400000);
  EXPECT_EQ(posts[1].text, "Tabs\tinside quotes stay");
}

TEST(CsvReader, UnbalancedQuoteNamesWhereItOpened) {
  const InputError e = fixture_error("csv/unbalanced-quote.csv");
  EXPECT_EQ(e.message(), "unbalanced quotes: the quoted cell that starts here is never closed");
  EXPECT_EQ(e.where().line, 3u);
  EXPECT_EQ(e.where().column, 1u);
}

TEST(CsvReader, ColumnMappingAndMissingTextColumn) {
  ReadOptions options;
  options.format = InputFormat::csv;
  EXPECT_EQ(read_error("Subject,Notes\nhi,there\n", options).message(),
            "no text column in the CSV header (looked for \"text\", \"full_text\", \"content\", \"body\", \"message\", "
            "\"post\", \"tweet\", \"comment\", \"caption\", \"sharecommentary\", \"description\"); name it with "
            "--field text=COLUMN");
  ASSERT_TRUE(options.fields.prefer("text", "Notes"));
  ASSERT_TRUE(options.fields.prefer("author", "From"));
  const auto posts = read_all_posts("Subject,Notes,From\nhi,\"there, you\",ann\n", options);
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].text, "there, you");
  EXPECT_EQ(posts[0].author, "ann");
  EXPECT_EQ(read_error("text,author\n", options).message(), "the CSV has a header row but no rows below it: no posts");
}

TEST(CsvReader, LenientWhereRfc4180IsStrict) {
  ReadOptions options;
  options.format = InputFormat::csv;
  // A quote inside an unquoted cell is text; so is text after a closing quote; a lone CR goes.
  const auto posts = read_all_posts("text,n\n5\" screen,1\n\"quoted\" tail,2\r\nlast\r", options);
  ASSERT_EQ(posts.size(), 3u);
  EXPECT_EQ(posts[0].text, "5\" screen");
  EXPECT_EQ(posts[1].text, "quoted tail");
  EXPECT_EQ(posts[2].text, "last");
}

TEST(CsvReader, DetectedOnlyWithAHeaderNamingTheText) {
  EXPECT_EQ(detect_format("text,author\nhello,ann\n"), InputFormat::csv);
  EXPECT_EQ(detect_format("Message;User\nhej;ola\n"), InputFormat::csv);
  EXPECT_EQ(detect_format("id,title\n1,hello\n"), InputFormat::text);           // no text column
  EXPECT_EQ(detect_format("Message, then more\nsecond\n"), InputFormat::text);  // a sentence, not a header
}

}  // namespace
}  // namespace loopscore
