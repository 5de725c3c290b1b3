// Streaming: however the input is split into pieces, the read is the same.
#include <filesystem>
#include <random>
#include <sstream>

#include "loopscore/time.hpp"
#include "read_test_support.hpp"

namespace loopscore {
namespace {

using testing::fixture_path;
using testing::read_file;

// Everything a read produces, as text: posts, skips, warnings, summary, or the error.
std::string trace_read(std::string_view input, const std::vector<std::size_t>& piece_sizes) {
  std::ostringstream out;
  const auto where = [](const SourceLocation& w) { return describe(w) + " @" + std::to_string(w.byte_offset); };
  PostStreamReader reader(
      ReadOptions{},
      [&](Post& p) {
        out << "post " << p.record << " " << p.id << " | " << p.author << " | " << p.text << " | " << kind_name(p.kind)
            << " | " << platform_name(p.platform) << " | " << p.reply_to_id << " | " << p.reply_to_author << " | "
            << (p.created_at ? format_iso8601(*p.created_at) : "-") << " | " << (p.likes ? *p.likes : -1) << " | "
            << p.url << "\n";
      },
      [&](const RecordIssue& issue) { out << "skip " << where(issue.where) << " " << issue.reason << "\n"; });
  try {
    std::size_t at = 0;
    for (std::size_t size : piece_sizes) {
      if (at >= input.size()) break;
      reader.feed(input.substr(at, size));
      at += size;
    }
    if (at < input.size()) reader.feed(input.substr(at));
    const ReadSummary s = reader.finish();
    out << "format " << format_name(s.format) << " read " << s.records_read << " used " << s.records_used << " skipped "
        << s.records_skipped << " replaced " << s.invalid_utf8_replaced << "\n";
    for (const RecordIssue& w : s.warnings) out << "warning " << where(w.where) << " " << w.reason << "\n";
    for (const AccountInfo& a : s.accounts) {
      out << "account " << a.handle << " " << a.display_name << " " << (a.followers ? *a.followers : -1) << "\n";
    }
  } catch (const InputError& e) {
    out << "error " << e.what() << " @" << e.where().byte_offset << "\n";
  }
  return out.str();
}

std::vector<std::size_t> pieces_of(std::size_t size, std::size_t count) {
  return std::vector<std::size_t>(count, size);
}

std::vector<std::size_t> random_pieces(std::size_t total, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<std::size_t> sizes;
  for (std::size_t sum = 0; sum < total;) {
    sizes.push_back(1 + rng() % 97);
    sum += sizes.back();
  }
  return sizes;
}

TEST(PostStreamReader, EveryFixtureReadsTheSameInAnyPieces) {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(LOOPSCORE_FIXTURES)) {
    if (!entry.is_regular_file()) continue;
    ++files;
    const std::string input = read_file(entry.path().string());
    const std::string whole = trace_read(input, {input.size()});
    SCOPED_TRACE(entry.path().string());
    EXPECT_EQ(trace_read(input, pieces_of(1, input.size())), whole) << "byte by byte";
    for (unsigned seed = 1; seed <= 3; ++seed) EXPECT_EQ(trace_read(input, random_pieces(input.size(), seed)), whole);
    EXPECT_EQ(trace_read(input, {input.size() / 2}), whole) << "two halves";
  }
  EXPECT_GT(files, 60u);
}

TEST(PostStreamReader, BigInputsReadTheSameInPiecesAcrossTheSniffWindow) {
  // Longer than the 64 KiB that decide the format, in every shape that streams.
  std::string jsonl, array = "[", text, csv = "text,likes\n", tweets = "window.YTD.tweets.part0 = [";
  for (int i = 0; i < 6000; ++i) {
    const std::string n = std::to_string(i);
    jsonl += "{\"id\":\"" + n + "\",\"text\":\"post number " + n + " é😀\"}\n";
    array += (i ? ",\n" : "") + std::string("{\"id\":\"") + n + "\",\"text\":\"element " + n + "\"}";
    text += "line " + n + " café\n";
    csv += "\"row " + n + ", quoted\n" + "on two lines\"," + n + "\r\n";
    tweets += (i ? "," : "") + std::string("{\"tweet\":{\"id_str\":\"") + n + "\",\"full_text\":\"tweet " + n + "\"}}";
  }
  array += "]";
  tweets += "]";
  for (const std::string* input : {&jsonl, &array, &text, &csv, &tweets}) {
    ASSERT_GT(input->size(), 64u * 1024);
    const std::string whole = trace_read(*input, {input->size()});
    EXPECT_NE(whole.find("used 6000 "), std::string::npos) << whole.substr(whole.size() - 300);
    EXPECT_EQ(trace_read(*input, random_pieces(input->size(), 7)), whole);
    EXPECT_EQ(trace_read(*input, pieces_of(65536, input->size() / 65536 + 1)), whole);
    EXPECT_EQ(trace_read(*input, pieces_of(4093, input->size() / 4093 + 1)), whole);
  }
}

TEST(PostStreamReader, MultiByteCharactersSplitAcrossPiecesStayWhole) {
  const std::string input = "caf\xC3\xA9 \xF0\x9F\x98\x80\nbad \xFF here\n";
  ReadSummary summary;
  std::vector<std::string> texts;
  PostStreamReader reader({}, [&](Post& p) { texts.push_back(p.text); });
  for (char c : input) reader.feed(std::string_view(&c, 1));
  summary = reader.finish();
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_EQ(texts[0], "café 😀");
  EXPECT_EQ(texts[1], "bad \xEF\xBF\xBD here");
  EXPECT_EQ(summary.invalid_utf8_replaced, 1u);
  // A sequence cut short by the end of the input is replaced, once.
  std::vector<std::string> last;
  PostStreamReader cut({}, [&](Post& p) { last.push_back(p.text); });
  cut.feed("end \xF0\x9F");
  cut.feed("\x98");
  summary = cut.finish();
  ASSERT_EQ(last.size(), 1u);
  EXPECT_EQ(last[0], "end \xEF\xBF\xBD");
  EXPECT_EQ(summary.invalid_utf8_replaced, 1u);
}

TEST(PostStreamReader, LocationsCountFromTheStartOfTheWholeInput) {
  std::string input;
  for (int i = 0; i < 5000; ++i) input += "{\"text\":\"fine\"}\n";
  input += "{\"text\": broken}\n";
  ReadSummary summary;
  PostStreamReader reader({}, [](Post&) {});
  for (std::size_t at = 0; at < input.size(); at += 1000) reader.feed(std::string_view(input).substr(at, 1000));
  summary = reader.finish();
  ASSERT_EQ(summary.skipped.size(), 1u);
  EXPECT_EQ(summary.skipped[0].where.line, 5001u);
  EXPECT_EQ(summary.skipped[0].where.column, 10u);
  EXPECT_EQ(summary.skipped[0].where.byte_offset, 5000u * 16 + 9);
  EXPECT_EQ(summary.skipped[0].where.record, 5001u);
}

TEST(PostStreamReader, ByteOrderMarkSplitAcrossPieces) {
  std::vector<std::string> ids;
  PostStreamReader reader({}, [&](Post& p) { ids.push_back(p.id); });
  reader.feed("\xEF");
  reader.feed("\xBB");
  reader.feed("\xBF{\"id\":\"bom\",\"text\":\"x\"}");
  const ReadSummary summary = reader.finish();
  EXPECT_EQ(summary.format, InputFormat::jsonl);
  ASSERT_EQ(ids.size(), 1u);
  EXPECT_EQ(ids[0], "bom");
}

TEST(PostStreamReader, AnErrorSpendsTheReader) {
  PostStreamReader reader({}, [](Post&) {});
  reader.feed("[{\"text\":\"a\"} x");
  EXPECT_THROW(reader.finish(), InputError);
  EXPECT_THROW(reader.feed("more"), InputError);  // the same error again
  PostStreamReader done({}, [](Post&) {});
  done.feed("hello");
  done.finish();
  EXPECT_THROW(done.finish(), std::logic_error);
  EXPECT_EQ(done.bytes_fed(), 5u);
}

TEST(PostStreamReader, InputLimitIsTheSameInAnyPieces) {
  ReadOptions options;
  options.limits.max_input_bytes = 10;
  PostStreamReader reader(options, [](Post&) {});
  reader.feed("12345");
  try {
    reader.feed("678901");
    ADD_FAILURE() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.message(), "input is larger than the limit of 10 bytes (max_input_bytes)");
    EXPECT_EQ(e.where().byte_offset, 10u);
  }
}

}  // namespace
}  // namespace loopscore
