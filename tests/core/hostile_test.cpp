// The hostile-input corpus (tests/fixtures/hostile/cases.json): every case ends in its expected
// clear error or its expected partial result, natively. tests/wasm/hostile.test.mjs runs the same
// cases through the WebAssembly module.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "loopscore/analysis.hpp"
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
  std::set<std::string> names;
  for (const json& c : cases) EXPECT_TRUE(names.insert(c["name"]).second) << "duplicate case " << c["name"];
}

}  // namespace
}  // namespace loopscore
