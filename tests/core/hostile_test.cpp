// The hostile-input corpus (tests/fixtures/hostile/cases.json): every case ends in its expected
// clear error or its expected partial result, natively. tests/wasm/hostile.test.mjs runs the same
// cases through the WebAssembly module. Below, every input a fuzzer ever found a problem with
// (tests/fixtures/hostile/fuzz/) replays through what the fuzz targets check.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "loopscore/analysis.hpp"
#include "loopscore/readers.hpp"
#include "test_support.hpp"

namespace loopscore {
namespace {

using nlohmann::json;
using testing::fixture_path;
using testing::read_file;

// Replaces every "{key}" in `text`.
std::string fill(std::string text, const std::string& key, const std::string& value) {
  for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size())) {
    text.replace(at, key.size(), value);
  }
  return text;
}

// The input of a case: its file, or built from `parts` or `lines` (see cases.json "about").
std::string build_input(const json& c) {
  if (c.contains("file")) return read_file(fixture_path("hostile/" + c["file"].get<std::string>()));
  std::string input;
  if (c.contains("parts")) {
    for (const json& part : c["parts"]) {
      const std::string piece = part[0];
      for (std::size_t n = part[1].get<std::size_t>(); n > 0; --n) input += piece;
    }
    return input;
  }
  const std::string tmpl = c["lines"]["template"];
  const std::size_t count = c["lines"]["count"];
  for (std::size_t i = 1; i <= count; ++i) {
    input += fill(fill(fill(tmpl, "{i}", std::to_string(i)), "{prev}", std::to_string(i - 1)), "{mod3}",
                  std::to_string(i % 3));
    input += '\n';
  }
  return input;
}

class Hostile : public ::testing::TestWithParam<json> {};

TEST_P(Hostile, EndsAsExpected) {
  const json& c = GetParam();
  const json& expect = c["expect"];
  const AnalysisOptions options = parse_options_json(c.value("options", json::object()).dump());
  const std::string input = build_input(c);
  std::string output;
  try {
    output = analyze_to_string(input, options);
  } catch (const InputError& e) {
    ASSERT_TRUE(expect.contains("error")) << c["why"] << ": unexpected error: " << e.what();
    EXPECT_EQ(e.message(), expect["error"]) << c["why"];
    // Where it went wrong, when the case says (any of line, column, byte_offset, record, pointer).
    const json where = expect.value("where", json::object());
    const json found = {{"line", e.where().line},
                        {"column", e.where().column},
                        {"byte_offset", e.where().byte_offset},
                        {"record", e.where().record},
                        {"pointer", e.where().pointer}};
    for (const auto& [key, value] : where.items()) {
      EXPECT_EQ(found.value(key, json("<unknown key>")), value) << c["why"] << ": where." << key;
    }
    return;
  }
  ASSERT_FALSE(expect.contains("error")) << c["why"] << ": expected the error " << expect["error"];
  const json report = json::parse(output);
  EXPECT_EQ(report["input"]["records_used"], expect["used"]) << c["why"];
  EXPECT_EQ(report["input"]["records_skipped"], expect["skipped"]) << c["why"];
  const json checks = expect.value("report", json::object());
  for (const auto& [pointer, value] : checks.items()) {
    const json::json_pointer at(pointer);
    EXPECT_EQ(report.contains(at) ? report.at(at) : json("<missing>"), value) << c["why"] << " at " << pointer;
  }
}

std::vector<json> load_cases() {
  const json manifest = json::parse(read_file(fixture_path("hostile/cases.json")));
  return manifest["cases"].get<std::vector<json>>();
}

INSTANTIATE_TEST_SUITE_P(Corpus, Hostile, ::testing::ValuesIn(load_cases()),
                         [](const ::testing::TestParamInfo<json>& info) {
                           std::string name = info.param["name"];
                           for (char& ch : name) {
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return name;
                         });

TEST(HostileCorpus, HasFiftyCasesAndEveryFileIsACase) {
  const std::vector<json> cases = load_cases();
  EXPECT_GE(cases.size(), 50u);
  std::set<std::string> names, files;
  for (const json& c : cases) {
    EXPECT_TRUE(names.insert(c["name"]).second) << "duplicate case " << c["name"];
    if (c.contains("file")) files.insert(c["file"].get<std::string>());
  }
  // Every file in the folder (but cases.json; fuzz/ holds the fuzz regressions) is some case's input.
  for (const auto& entry : std::filesystem::directory_iterator(fixture_path("hostile"))) {
    const std::string name = entry.path().filename();
    if (entry.is_regular_file() && name != "cases.json") EXPECT_TRUE(files.count(name)) << name << " is no case's file";
  }
  for (const std::string& file : files) {
    EXPECT_TRUE(std::filesystem::is_regular_file(fixture_path("hostile/" + file))) << file << " is missing";
  }
}

// Hostile options (the host page passes them to the WebAssembly module): refused with the option
// named, never wrapped into nonsense. Found while writing fuzz_options.
TEST(HostileOptions, OutOfRangeValuesAreRefusedWithTheirName) {
  const auto message = testing::option_error;
  // 2^64 - 1 followers once became -1.
  EXPECT_EQ(message(R"({"followers":18446744073709551615})"),
            "option \"followers\" must be at most 9223372036854775807, not 18446744073709551615");
  EXPECT_EQ(message(R"({"followers":9223372036854775807})"), "no error");
  EXPECT_EQ(message(R"({"limits":{"max_record_bytes":-5}})"),
            "option \"limits.max_record_bytes\" must be a whole number >= 0, not -5");
  EXPECT_EQ(message(R"({"limits":{"max_stack":1}})"), "unknown limit \"max_stack\"");
  const AnalysisOptions o = parse_options_json(R"({"limits":{"max_record_bytes":7,"max_document_bytes":9}})");
  EXPECT_EQ(o.read.limits.max_record_bytes, 7u);
  EXPECT_EQ(o.read.limits.max_document_bytes, 9u);
}

// The fuzz regressions: each file once made a fuzz target (fuzz/) crash, hang or fail its check.
// They replay here through the same checks, so scripts/test covers them (also under ASan + UBSan).
std::vector<std::string> fuzz_regressions() {
  std::vector<std::string> names;
  const std::filesystem::path folder = fixture_path("hostile/fuzz");
  if (!std::filesystem::is_directory(folder)) return names;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.is_regular_file() && entry.path().extension() != ".md") names.push_back(entry.path().filename());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// What a read gave: every post field, the error text, the counts (as fuzz/fuzz_read.cpp compares).
std::string read_outcome(std::string_view input, InputFormat format, std::size_t split) {
  ReadOptions options;
  options.format = format;
  options.limits.max_input_bytes = 1 << 20;
  std::string out;
  try {
    PostStreamReader reader(options, [&](Post& p) {
      out += p.id + '\x1f' + p.author + '\x1f' + p.text + '\x1f' + p.reply_to_id + '\x1f' +
             std::to_string(p.created_at.value_or(-1)) + '\x1f' + std::to_string(p.likes.value_or(-1)) + '\x1e';
    });
    reader.feed(input.substr(0, split));
    reader.feed(input.substr(split));
    const ReadSummary summary = reader.finish();
    EXPECT_EQ(summary.records_read, summary.records_used + summary.records_skipped);
    out += "used " + std::to_string(summary.records_used) + " skipped " + std::to_string(summary.records_skipped);
  } catch (const InputError& e) {
    out += std::string("error ") + e.what();
  }
  return out;
}

class FuzzRegression : public ::testing::TestWithParam<std::string> {};

TEST_P(FuzzRegression, EveryReaderAnalyzeAndScoreHoldTheirChecks) {
  const std::string input = read_file(fixture_path("hostile/fuzz/" + GetParam()));
  for (const char* name : {"auto", "text", "json", "jsonl", "csv", "x-archive", "mastodon", "activitypub", "bluesky",
                           "reddit", "rss", "atom", "facebook", "instagram", "linkedin"}) {
    const InputFormat format = *parse_format(name);
    EXPECT_EQ(read_outcome(input, format, input.size()), read_outcome(input, format, input.size() / 2))
        << name << ": reading in two pieces changed what was read";
  }
  AnalysisOptions options;
  options.read.limits.max_input_bytes = 1 << 20;
  for (const bool include_posts : {true, false}) {
    options.include_posts = include_posts;
    try {
      EXPECT_TRUE(json::accept(analyze_to_string(input, options)));
    } catch (const InputError&) {
    }
  }
  try {
    std::istringstream lines(score_to_string(input, options));
    for (std::string line; std::getline(lines, line);) EXPECT_TRUE(json::accept(line)) << line;
  } catch (const InputError&) {
  }
}

std::string regression_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& ch : name) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Replay, FuzzRegression, ::testing::ValuesIn(fuzz_regressions()), regression_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(FuzzRegression);

}  // namespace
}  // namespace loopscore
