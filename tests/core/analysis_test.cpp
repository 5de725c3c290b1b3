#include "loopscore/analysis.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "loopscore/post_json.hpp"
#include "loopscore/version.hpp"
#include "test_support.hpp"

namespace loopscore {
namespace {

using nlohmann::json;
using testing::fixture_path;
using testing::read_file;

std::vector<json> score_lines(const std::string& input, const AnalysisOptions& options = {}) {
  std::vector<json> lines;
  std::istringstream in(score_to_string(input, options));
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  return lines;
}

TEST(Score, OneLinePerRecordInInputOrderWithSkipsInPlace) {
  const auto lines = score_lines(read_file(fixture_path("jsonl/with-bad-lines.jsonl")));
  ASSERT_EQ(lines.size(), 7u);
  EXPECT_EQ(lines[0]["id"], "1");
  EXPECT_EQ(lines[1]["record"], 2);
  EXPECT_TRUE(lines[1]["skipped"].get<std::string>().starts_with("invalid JSON:"));
  EXPECT_EQ(lines[4]["id"], "5");
  EXPECT_EQ(lines[6]["skipped"], "empty text in field \"text\"");
  for (const json& line : {lines[0], lines[4]}) {
    const json& s = line["sentiment"];
    EXPECT_GE(s["compound"].get<double>(), -1.0);
    EXPECT_LE(s["compound"].get<double>(), 1.0);
    EXPECT_TRUE(s["label"] == "positive" || s["label"] == "neutral" || s["label"] == "negative");
  }
}

TEST(Score, DirectWriterMatchesTheReportsNlohmannValues) {
  const std::string input = read_file(fixture_path("text/one-per-line.txt"));
  const auto lines = score_lines(input);
  const json report = json::parse(analyze_to_string(input, {}));
  ASSERT_EQ(lines.size(), report["posts"].size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_EQ(lines[i]["id"], report["posts"][i]["id"]);
    for (const char* key : {"sentiment", "signals", "stage", "tone", "useful", "credit"}) {
      EXPECT_EQ(lines[i][key].dump(), report["posts"][i][key].dump()) << key;
    }
  }
  // And byte for byte on values the engine may produce.
  for (double c : {-0.9999, -0.5, -0.05, 0.0, 0.0001, 0.4215, 0.9}) {
    Sentiment s{c, 0.25, 0.5, 0.25, c > 0 ? SentimentLabel::positive : SentimentLabel::negative};
    Signals signals;
    for (std::size_t k = 0; k < kSignalCount; ++k) signals.confidence[k] = c < 0 ? -c / (k + 1) : c / (k + 1);
    signals.stage = c > 0 ? Stage::advocacy : Stage::none;
    signals.shouting = c < 0 ? -c : 0.0;
    signals.voice = 0.5 + c / 2;
    signals.useful = c > 0.3;
    signals.credit = c < -0.3;
    Post post;
    post.id = "x";
    std::string line;
    append_score_line(line, post, PostScore{s, signals});
    const std::string expected = "{\"id\":\"x\",\"sentiment\":" + sentiment_json(s).dump() +
                                 ",\"signals\":" + signals_json(signals).dump() + ",\"stage\":" +
                                 json(stage_name(signals.stage)).dump() + ",\"tone\":" + tone_json(signals).dump() +
                                 ",\"useful\":" + json(signals.useful).dump() + ",\"credit\":" +
                                 json(signals.credit).dump() + "}";
    EXPECT_EQ(line, expected);
  }
}

TEST(Analyze, ReportHasSchemaInputAndSummary) {
  const std::string input = read_file(fixture_path("json/mixed-records.json"));
  const json report = json::parse(analyze_to_string(input, {}));
  EXPECT_EQ(report["schema"], "loopscore/1");
  EXPECT_EQ(report["generator"]["version"], kVersion);
  const json& in = report["input"];
  EXPECT_EQ(in["format"], "json");
  EXPECT_EQ(in["records_read"], 8);
  EXPECT_EQ(in["records_used"], 4);
  EXPECT_EQ(in["records_skipped"], 4);
  ASSERT_EQ(in["skipped"].size(), 4u);
  EXPECT_EQ(in["skipped"][0]["record"], 4);
  EXPECT_EQ(in["skipped"][0]["line"], 5);
  EXPECT_EQ(in["skipped"][0]["pointer"], "/3");
  EXPECT_EQ(in["warning_count"], 2);
  EXPECT_EQ(report["posts"].size(), 4u);
  EXPECT_EQ(report["posts"][1]["text"], "A bare string is taken as the text of a post");
}

TEST(Analyze, SummaryAgreesWithThePerPostLabels) {
  for (const char* name : {"text/one-per-line.txt", "jsonl/posts.jsonl", "json/array.json", "text/blocks.txt"}) {
    const std::string input = read_file(fixture_path(name));
    const json report = json::parse(analyze_to_string(input, {}));
    int pos = 0, neu = 0, neg = 0;
    double sum = 0;
    for (const json& line : score_lines(input)) {
      const std::string label = line["sentiment"]["label"];
      pos += label == "positive";
      neu += label == "neutral";
      neg += label == "negative";
      sum += line["sentiment"]["compound"].get<double>();
    }
    const json& s = report["summary"]["sentiment"];
    EXPECT_EQ(s["positive"], pos) << name;
    EXPECT_EQ(s["neutral"], neu) << name;
    EXPECT_EQ(s["negative"], neg) << name;
    EXPECT_EQ(report["summary"]["posts"], pos + neu + neg) << name;
    EXPECT_NEAR(s["mean_compound"].get<double>(), sum / (pos + neu + neg), 1e-3) << name;
    if (pos + neg == 0) {
      EXPECT_TRUE(s["net_sentiment"].is_null()) << name;
    } else {
      EXPECT_NEAR(s["net_sentiment"].get<double>(), double(pos - neg) / (pos + neg), 1e-4) << name;
    }
  }
}

TEST(Analyze, TimeSpanAuthorsAndPostFields) {
  const json report = json::parse(analyze_to_string(read_file(fixture_path("json/array.json")), {}));
  EXPECT_EQ(report["input"]["authors"], 3);
  EXPECT_EQ(report["input"]["first_post_at"], "2024-03-04T08:02:00Z");
  EXPECT_EQ(report["input"]["last_post_at"], "2024-03-04T09:40:00Z");
  const json& reply = report["posts"][1];
  EXPECT_EQ(reply["kind"], "reply");
  EXPECT_EQ(reply["reply_to_id"], "1001");
  EXPECT_EQ(reply["created_at"], "2024-03-04T08:21:30Z");
  EXPECT_EQ(reply["likes"], 3);
  EXPECT_FALSE(reply.contains("reposts"));
}

TEST(Analyze, OptionsChangeTheOutput) {
  AnalysisOptions options;
  options.include_posts = false;
  options.pretty = true;
  const std::string text = analyze_to_string("one\ntwo\n", options);
  EXPECT_NE(text.find("\n  \"schema\": \"loopscore/1\""), std::string::npos);
  EXPECT_FALSE(json::parse(text).contains("posts"));
}

TEST(Options, ParsedFromJson) {
  const AnalysisOptions o = parse_options_json(
      R"({"format":"jsonl","pretty":true,"include_posts":false,"fields":{"text":"body"},"limits":{"max_post_bytes":99}})");
  EXPECT_EQ(o.read.format, InputFormat::jsonl);
  EXPECT_TRUE(o.pretty);
  EXPECT_FALSE(o.include_posts);
  EXPECT_EQ(o.read.fields.text.front(), "body");
  EXPECT_EQ(o.read.limits.max_post_bytes, 99u);
  EXPECT_EQ(parse_options_json("").read.format, InputFormat::automatic);
}

TEST(Options, BadOptionsNameTheProblem) {
  const auto message = testing::option_error;
  EXPECT_EQ(message(R"({"colour":1})"), "unknown option \"colour\"");
  EXPECT_EQ(message(R"({"format":"yaml"})"), "unknown format \"yaml\"");
  EXPECT_EQ(message(R"({"pretty":"yes"})"), "option \"pretty\" has the wrong type: \"yes\"");
  EXPECT_EQ(message(R"({"fields":{"colour":"x"}})"), "unknown field \"colour\" in option \"fields\"");
  EXPECT_EQ(message(R"({"limits":{"max_posts":-1}})"), "option \"limits.max_posts\" must be a whole number >= 0, not -1");
  EXPECT_EQ(message("[1]"), "options must be a JSON object");
  EXPECT_TRUE(message("{").starts_with("options are not valid JSON"));
}

}  // namespace
}  // namespace loopscore
