#include "loopscore/readers.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace loopscore {
namespace {

using testing::fixture_path;
using testing::read_file;

std::vector<Post> read_fixture(const std::string& name, ReadSummary* summary = nullptr, ReadOptions options = {}) {
  const std::string input = read_file(fixture_path(name));
  return read_all_posts(input, options, summary);
}

// The InputError thrown by reading `input`, or a failure if none is thrown.
InputError read_error(std::string_view input, ReadOptions options = {}) {
  try {
    read_all_posts(input, options);
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "expected an InputError";
  return InputError("none", {});
}

TEST(DetectFormat, SniffsContentNotNames) {
  EXPECT_EQ(detect_format("[{\"text\":\"a\"}]"), InputFormat::json);
  EXPECT_EQ(detect_format("  \n{\n  \"text\": \"a\"\n}"), InputFormat::json);
  EXPECT_EQ(detect_format("{\"text\":\"a\"}\n{\"text\":\"b\"}\n"), InputFormat::jsonl);
  EXPECT_EQ(detect_format("{\"text\":\"only line\"}"), InputFormat::jsonl);
  EXPECT_EQ(detect_format("\xEF\xBB\xBF[1]"), InputFormat::json);
  EXPECT_EQ(detect_format("hello {world}"), InputFormat::text);
  EXPECT_EQ(detect_format(""), InputFormat::text);
}

TEST(FormatNames, RoundTrip) {
  for (InputFormat f : {InputFormat::automatic, InputFormat::text, InputFormat::json, InputFormat::jsonl,
                        InputFormat::csv, InputFormat::x_archive, InputFormat::mastodon, InputFormat::activitypub,
                        InputFormat::bluesky, InputFormat::reddit, InputFormat::rss, InputFormat::atom,
                        InputFormat::facebook, InputFormat::instagram, InputFormat::linkedin}) {
    EXPECT_EQ(parse_format(format_name(f)), f);
  }
  EXPECT_EQ(format_name(InputFormat::x_archive), "x-archive");
  EXPECT_EQ(parse_format("ndjson"), InputFormat::jsonl);
  EXPECT_EQ(parse_format("twitter"), InputFormat::x_archive);
  EXPECT_EQ(parse_format("outbox"), InputFormat::activitypub);
  EXPECT_FALSE(parse_format("yaml"));
  EXPECT_EQ(format_names(),
            "auto, text, json, jsonl, csv, x-archive, mastodon, activitypub, bluesky, reddit, rss, atom, facebook, "
            "instagram, linkedin");
}

TEST(TextReader, OnePostALine) {
  ReadSummary summary;
  const auto posts = read_fixture("text/one-per-line.txt", &summary);
  ASSERT_EQ(posts.size(), 5u);
  EXPECT_EQ(summary.format, InputFormat::text);
  EXPECT_EQ(posts[0].text, "Just got my new headphones from @acme and they sound AMAZING!!! 😍");
  EXPECT_EQ(posts[4].text, "meh.");
  EXPECT_EQ(posts[2].id, "3");  // no ids in text: the record number
  EXPECT_EQ(posts[2].record, 3u);
}

TEST(TextReader, BlankLinesMakeBlocksAndCrlfIsNormalised) {
  auto posts = read_fixture("text/blocks.txt");
  ASSERT_EQ(posts.size(), 3u);
  EXPECT_EQ(posts[0].text,
            "Big news today.\nWe are pleased to announce our spring collection,\navailable in all stores from Monday.");
  EXPECT_EQ(posts[2].text, "Why is checkout so slow?\nI have tried three times now.");
  posts = read_fixture("text/crlf-blocks.txt");
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0].text, "First block, with Windows line ends,\nruns over two lines.");
}

TEST(TextReader, SkipsBlankLinesWithoutCountingThem) {
  ReadSummary summary;
  const auto posts = read_all_posts("\n\n  one  \n\t\ntwo\n\n", {}, &summary);
  // A blank line between posts makes blocks: "one" and "two" are still two posts.
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0].text, "one");
  EXPECT_EQ(summary.records_read, 2u);
}

TEST(JsonReader, ArrayOfObjectsWithAllFields) {
  ReadSummary summary;
  const auto posts = read_fixture("json/array.json", &summary);
  EXPECT_EQ(summary.format, InputFormat::json);
  ASSERT_EQ(posts.size(), 4u);
  const Post& reply = posts[2];
  EXPECT_EQ(reply.id, "1003");
  EXPECT_EQ(reply.author, "sam_k");
  EXPECT_EQ(reply.reply_to_id, "1001");
  EXPECT_EQ(reply.kind, PostKind::reply);
  EXPECT_EQ(reply.created_at, 1709539320000);  // 2024-03-04T09:02:00+01:00 = 08:02Z
  EXPECT_EQ(posts[0].likes, 42);
  EXPECT_EQ(posts[0].replies, 12);
  EXPECT_FALSE(posts[0].quotes.has_value());
  EXPECT_EQ(posts[3].reply_to_author, "sam_k");
}

TEST(JsonReader, SingleObjectWithXStyleFields) {
  const auto posts = read_fixture("json/single-object.json");
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].id, "77");          // numeric id as text
  EXPECT_EQ(posts[0].author, "oneoff");  // from user.screen_name
  EXPECT_EQ(posts[0].likes, 17);         // count given as a string
  EXPECT_EQ(posts[0].reposts, 2);
  EXPECT_EQ(posts[0].created_at, 1676749515000);  // X legacy date
}

TEST(JsonReader, SkipsUnusableRecordsWithReasonAndPlace) {
  ReadSummary summary;
  const auto posts = read_fixture("json/mixed-records.json", &summary);
  ASSERT_EQ(posts.size(), 4u);
  EXPECT_EQ(posts[1].text, "A bare string is taken as the text of a post");
  EXPECT_EQ(posts[2].text, "Text under another usual name (body).");
  EXPECT_EQ(summary.records_read, 8u);
  EXPECT_EQ(summary.records_used, 4u);
  EXPECT_EQ(summary.records_skipped, 4u);
  ASSERT_EQ(summary.skipped.size(), 4u);
  const RecordIssue& no_text = summary.skipped[0];
  EXPECT_EQ(no_text.where.record, 4u);
  EXPECT_EQ(no_text.where.pointer, "/3");
  EXPECT_EQ(no_text.where.line, 5u);
  EXPECT_EQ(no_text.where.column, 3u);
  EXPECT_EQ(no_text.reason, "no text field (looked for \"text\", \"full_text\", \"content\", \"body\", \"message\")");
  EXPECT_EQ(summary.skipped[1].reason, "is a number, not an object with a text field");
  EXPECT_EQ(summary.skipped[2].reason, "empty text in field \"text\"");
  EXPECT_EQ(summary.skipped[3].reason, "field \"text\" is an object, not a string");
  // Unreadable optional fields are warnings on a record that is still used.
  ASSERT_EQ(summary.warning_count, 2u);
  EXPECT_EQ(summary.warnings[0].reason, "field \"created_at\" (\"yesterday\") is not a date; time left unknown");
  EXPECT_EQ(summary.warnings[1].reason, "field \"likes\" (-3) is not a count");
  EXPECT_EQ(summary.warnings[1].where.record, 7u);
}

TEST(JsonReader, MalformedDocumentsNameLineAndColumn) {
  InputError e = read_error(read_file(fixture_path("malformed/truncated.json")));
  EXPECT_EQ(e.message(), "invalid JSON: syntax error while parsing object - unexpected end of input; expected '}'");
  EXPECT_EQ(e.where().line, 4u);
  EXPECT_EQ(e.where().column, 1u);
  e = read_error(read_file(fixture_path("malformed/missing-comma.json")));
  EXPECT_EQ(e.message(), "invalid JSON: syntax error while parsing object - unexpected string literal; expected '}'");
  EXPECT_EQ(e.where().line, 2u);
  EXPECT_EQ(e.where().column, 18u);
  EXPECT_EQ(std::string(e.what()), "line 2, column 18: " + e.message());
}

TEST(JsonReader, EmptyArrayAndNoTextAreErrors) {
  EXPECT_EQ(read_error("[]").message(), "the JSON array is empty: no posts");
  const InputError e = read_error(read_file(fixture_path("malformed/no-text-field.json")));
  EXPECT_EQ(e.message(),
            "no usable posts: all 2 records were skipped; the first: no text field (looked for \"text\", "
            "\"full_text\", \"content\", \"body\", \"message\")");
  EXPECT_EQ(e.where().pointer, "/0");
}

TEST(JsonReader, NestingDepthIsLimited) {
  const InputError e = read_error(read_file(fixture_path("malformed/deep-nesting.json")));
  EXPECT_EQ(e.message(), "JSON nested deeper than 128 levels (max_depth)");
  EXPECT_EQ(e.where().column, 129u);
  // A million levels: refused quickly, without recursion.
  const std::string deep = std::string(1'000'000, '[') + std::string(1'000'000, ']');
  EXPECT_EQ(read_error(deep).message(), "JSON nested deeper than 128 levels (max_depth)");
  ReadOptions shallow;
  shallow.limits.max_depth = 2;
  EXPECT_EQ(read_error("[{\"text\":\"a\",\"x\":{\"y\":1}}]", shallow).message(),
            "JSON nested deeper than 2 levels (max_depth)");
}

TEST(JsonLinesReader, SkipsBadLinesAndKeepsGoodOnes) {
  ReadSummary summary;
  const auto posts = read_fixture("jsonl/with-bad-lines.jsonl", &summary);
  EXPECT_EQ(summary.format, InputFormat::jsonl);
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0].id, "1");
  EXPECT_EQ(posts[1].id, "5");
  EXPECT_EQ(posts[1].record, 5u);
  ASSERT_EQ(summary.skipped.size(), 5u);
  EXPECT_EQ(summary.skipped[0].where.line, 2u);
  EXPECT_EQ(summary.skipped[0].where.column, 41u);
  EXPECT_EQ(summary.skipped[0].reason,
            "invalid JSON: syntax error while parsing value - invalid string: missing closing quote; last read: "
            "'\"second line is cut off'");
  EXPECT_EQ(summary.skipped[2].reason, "is an array, not an object with a text field");
  EXPECT_EQ(summary.skipped[3].where.line, 6u);
  EXPECT_EQ(summary.skipped[4].reason, "empty text in field \"text\"");
}

TEST(JsonLinesReader, EscapesBomAndBlankLines) {
  auto posts = read_fixture("jsonl/escapes.jsonl");
  ASSERT_EQ(posts.size(), 3u);
  EXPECT_EQ(posts[0].text, "unicode é and 😀 survive in JSONL");
  EXPECT_EQ(posts[1].text, "tab\tand \"quotes\" and \\ backslash");
  posts = read_fixture("jsonl/bom.jsonl");
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].id, "bom1");
  posts = read_fixture("jsonl/posts.jsonl");  // has a blank line in the middle
  ASSERT_EQ(posts.size(), 5u);
  EXPECT_EQ(posts[3].record, 4u);
}

TEST(FieldMapping, PreferredNamesComeFirst) {
  ReadOptions options;
  ASSERT_TRUE(options.fields.prefer("text", "title"));
  ASSERT_TRUE(options.fields.prefer("author", "meta.by"));
  EXPECT_FALSE(options.fields.prefer("colour", "x"));
  const auto posts = read_all_posts(R"([{"title":"from title","text":"not this","meta":{"by":"ann"}}])", options);
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].text, "from title");
  EXPECT_EQ(posts[0].author, "ann");
}

TEST(Utf8, InvalidSequencesAreReplacedAndCounted) {
  ReadSummary summary;
  const auto posts = read_fixture("malformed/invalid-utf8.txt", &summary);
  ASSERT_EQ(posts.size(), 4u);
  EXPECT_EQ(summary.invalid_utf8_replaced, 4u);
  EXPECT_EQ(posts[1].text, "bad bytes \xEF\xBF\xBD\xEF\xBF\xBD here");  // FF and FE: two bad lead bytes
  EXPECT_EQ(posts[2].text, "overlong \xEF\xBF\xBD slash");
  EXPECT_EQ(posts[3].text, "truncated \xEF\xBF\xBD");
  // Invalid UTF-8 inside a JSON string is repaired before parsing, not an error.
  const auto json_posts = read_all_posts("[{\"text\":\"caf\xE9\"}]", {}, &summary);
  EXPECT_EQ(json_posts[0].text, "caf\xEF\xBF\xBD");
  EXPECT_EQ(summary.invalid_utf8_replaced, 1u);
}

TEST(Limits, EmptyInputsAreClearErrors) {
  EXPECT_EQ(read_error("").message(), "the input is empty: no posts");
  EXPECT_EQ(read_error(" \n\t\n").message(), "the input holds only white space: no posts");
}

TEST(Limits, OversizedPostIsSkippedWithTheReason) {
  ReadOptions options;
  options.limits.max_post_bytes = 10;
  ReadSummary summary;
  const auto posts = read_all_posts("short\nthis line is far too long\n", options, &summary);
  ASSERT_EQ(posts.size(), 1u);
  ASSERT_EQ(summary.skipped.size(), 1u);
  EXPECT_EQ(summary.skipped[0].reason, "text is 25 bytes, over the limit of 10 bytes a post (max_post_bytes)");
  EXPECT_EQ(summary.skipped[0].where.line, 2u);
}

TEST(Limits, InputAndPostCountCaps) {
  ReadOptions options;
  options.limits.max_input_bytes = 4;
  EXPECT_EQ(read_error("hello", options).message(), "input is larger than the limit of 4 bytes (max_input_bytes)");
  options = {};
  options.limits.max_posts = 2;
  const InputError e = read_error("a\nb\nc\n", options);
  EXPECT_EQ(e.message(), "more than 2 posts (max_posts); split the input");
  EXPECT_EQ(e.where().line, 3u);
}

TEST(Limits, SkippedListIsCappedButCounted) {
  std::string input;
  for (int i = 0; i < 1500; ++i) input += "{\"no_text\":1}\n";
  input += "{\"text\":\"the only good one\"}\n";
  ReadSummary summary;
  const auto posts = read_all_posts(input, {}, &summary);
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(summary.records_skipped, 1500u);
  EXPECT_EQ(summary.skipped.size(), 1000u);
  EXPECT_EQ(summary.records_read, 1501u);
}

TEST(Locate, CountsLinesAndCodePoints) {
  const SourceLocation where = locate("ab\nçé😀x", 3 + 2 + 2 + 4);
  EXPECT_EQ(where.line, 2u);
  EXPECT_EQ(where.column, 4u);
  EXPECT_EQ(describe(where), "line 2, column 4");
}

}  // namespace
}  // namespace loopscore
