// Hostile input: nesting, sizes, garbage. Every reader must answer with posts or an InputError,
// never a crash, a hang or unbounded memory.
#include <filesystem>
#include <random>

#include "read_test_support.hpp"

namespace loopscore {
namespace {

using testing::read_error;
using testing::read_file;

const std::vector<InputFormat> kAllFormats{InputFormat::automatic, InputFormat::text,        InputFormat::json,
                                           InputFormat::jsonl,     InputFormat::csv,         InputFormat::x_archive,
                                           InputFormat::mastodon,  InputFormat::activitypub, InputFormat::bluesky,
                                           InputFormat::reddit,    InputFormat::rss,         InputFormat::atom,
                                           InputFormat::facebook,  InputFormat::instagram,   InputFormat::linkedin};

// Reads `input` as `format`; fails the test on anything but success or an InputError.
void read_survives(std::string_view input, InputFormat format) {
  ReadOptions options;
  options.format = format;
  try {
    read_all_posts(input, options);
  } catch (const InputError&) {
  } catch (const std::exception& e) {
    ADD_FAILURE() << format_name(format) << ": " << e.what();
  }
}

TEST(Hostile, NestingIsLimitedInEveryJsonFormat) {
  const std::string deep = std::string(500, '[') + std::string(500, ']');
  const std::string deep_object = "{\"ancestors\": [], \"descendants\": [" + deep + "]}";
  EXPECT_EQ(read_error(deep_object).message(), "JSON nested deeper than 128 levels (max_depth)");
  EXPECT_EQ(read_error("window.YTD.tweets.part0 = [{\"tweet\": " + deep + "}]").message(),
            "JSON nested deeper than 128 levels (max_depth)");
  std::string thread = "{\"thread\": ";
  for (int i = 0; i < 200; ++i) thread += "{\"post\": {}, \"replies\": [";
  EXPECT_EQ(read_error(thread).message(), "JSON nested deeper than 128 levels (max_depth)");
  const std::string xml = "<rss>" + std::string(100'000, '<') + "</rss>";
  read_survives(xml, InputFormat::rss);
  std::string nested_xml = "<feed>";
  for (int i = 0; i < 100'000; ++i) nested_xml += "<a>";
  EXPECT_EQ(read_error(nested_xml).message(), "XML nested deeper than 128 levels (max_depth)");
}

TEST(Hostile, RecordAndDocumentSizesAreLimited) {
  ReadOptions options;
  options.limits.max_record_bytes = 100;
  const std::string long_text(200, 'x');
  EXPECT_EQ(read_error("{\"text\":\"" + long_text + "\"}\n", options).message(),
            "a line is longer than the limit of 100 bytes (max_record_bytes)");
  EXPECT_EQ(read_error("[{\"text\":\"" + long_text + "\"}]", options).message(),
            "an array element is longer than the limit of 100 bytes (max_record_bytes)");
  EXPECT_EQ(read_error("text,n\n\"" + long_text + "\",1\n", options).message(),
            "a CSV row is longer than the limit of 100 bytes (max_record_bytes)");
  options = {};
  options.limits.max_document_bytes = 100;
  EXPECT_EQ(read_error("{\"ancestors\": [], \"descendants\": [], \"pad\": \"" + long_text + "\"}", options).message(),
            "a mastodon document is read whole, and this one is over the limit of 100 bytes (max_document_bytes)");
  EXPECT_EQ(read_error("<rss><channel><title>" + long_text + "</title></channel></rss>", options).message(),
            "a feed is read whole, and this one is over the limit of 100 bytes (max_document_bytes)");
}

TEST(Hostile, AnOverlongTextLineIsSkippedAsItStreamsBy) {
  ReadOptions options;
  options.limits.max_post_bytes = 10;
  ReadSummary summary;
  std::vector<std::string> texts;
  PostStreamReader reader(options, [&](Post& p) { texts.push_back(p.text); });
  reader.feed("short\n   ");
  for (int i = 0; i < 100; ++i) reader.feed("0123456789");
  reader.feed("  \nlast\n");
  summary = reader.finish();
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_EQ(texts[1], "last");
  ASSERT_EQ(summary.skipped.size(), 1u);
  EXPECT_EQ(summary.skipped[0].reason, "text is 1000 bytes, over the limit of 10 bytes a post (max_post_bytes)");
  EXPECT_EQ(summary.skipped[0].where.line, 2u);
  EXPECT_EQ(summary.skipped[0].where.column, 4u);
}

TEST(Hostile, GarbageInEveryFormat) {
  std::mt19937 rng(2024);
  const std::string pieces[] = {"{",
                                "}",
                                "[",
                                "]",
                                "\"",
                                ",",
                                ":",
                                "<",
                                ">",
                                "/",
                                "&",
                                ";",
                                "\n",
                                "\r",
                                " ",
                                "a",
                                "1",
                                "\\",
                                "\xFF",
                                "\xC3",
                                "window.YTD.tweets.part0 =",
                                "<rss>",
                                "<item>",
                                "\"text\"",
                                "\"kind\":\"Listing\"",
                                "\"data\"",
                                "<!DOCTYPE",
                                "<![CDATA[",
                                "-->",
                                "\0"};
  for (int round = 0; round < 400; ++round) {
    std::string input;
    const int length = 1 + static_cast<int>(rng() % 60);
    for (int i = 0; i < length; ++i) input += pieces[rng() % std::size(pieces)];
    for (InputFormat format : kAllFormats) read_survives(input, format);
  }
}

TEST(Hostile, CutAndDamagedFixturesInEveryFormat) {
  std::mt19937 rng(7);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(LOOPSCORE_FIXTURES)) {
    if (!entry.is_regular_file()) continue;
    const std::string input = read_file(entry.path().string());
    if (input.empty() || input.size() > 100'000) continue;
    for (int round = 0; round < 4; ++round) {
      std::string damaged = input.substr(0, rng() % input.size());
      if (!damaged.empty()) damaged[rng() % damaged.size()] = static_cast<char>(rng() % 256);
      for (InputFormat format : kAllFormats) read_survives(damaged, format);
    }
  }
}

}  // namespace
}  // namespace loopscore
