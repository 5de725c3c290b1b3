// Runs the built `loopscore` binary: exit codes, streams and messages as a user sees them.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "loopscore/version.hpp"
#include "test_support.hpp"

namespace loopscore {
namespace {

using testing::fixture_path;
using testing::run_cli;

TEST(Cli, VersionAndHelp) {
  auto run = run_cli("--version");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, std::string("loopscore ") + kVersion + "\n");
  run = run_cli("--help");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("analyze"), std::string::npos);
  EXPECT_NE(run.out.find("score"), std::string::npos);
  EXPECT_NE(run.out.find("Exit codes"), std::string::npos);
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(run_cli("").exit_code, 2);
  EXPECT_EQ(run_cli("frobnicate").exit_code, 2);
  auto run = run_cli("score --format yaml " + fixture_path("text/one-per-line.txt"));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "loopscore: error: unknown --format \"yaml\"\n");
  run = run_cli("score --field nonsense " + fixture_path("text/one-per-line.txt"));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("bad --field \"nonsense\""), std::string::npos);
}

TEST(Cli, MissingFileExitsThree) {
  const auto run = run_cli("analyze /nonexistent/posts.json");
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err, "loopscore: error: cannot open /nonexistent/posts.json: No such file or directory\n");
  EXPECT_EQ(run.out, "");
}

TEST(Cli, MalformedInputNamesFileLineAndColumn) {
  const std::string file = fixture_path("malformed/truncated.json");
  const auto run = run_cli("analyze " + file);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.err, "loopscore: error: " + file +
                         ":4:1: invalid JSON: syntax error while parsing object - unexpected end of input; "
                         "expected '}'\n");
  EXPECT_EQ(run.out, "");
}

TEST(Cli, EmptyInputIsAClearError) {
  const auto run = run_cli("score -", fixture_path("malformed/empty.txt"));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.err, "loopscore: error: <stdin>: the input is empty: no posts\n");
}

TEST(Cli, ScoreReadsStdinAndWarnsAboutSkips) {
  const auto run = run_cli("score -", fixture_path("jsonl/with-bad-lines.jsonl"));
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 7);
  EXPECT_NE(run.err.find("loopscore: warning: <stdin>:3:1: record 3: skipped: no text field"), std::string::npos);
  EXPECT_NE(run.err.find("loopscore: warning: 5 of 7 records skipped\n"), std::string::npos);
  EXPECT_EQ(run_cli("score --quiet -", fixture_path("jsonl/with-bad-lines.jsonl")).err, "");
}

TEST(Cli, FormatAndFieldOptions) {
  // Forced to text, a JSON file is read line by line.
  auto run = run_cli("score --format text " + fixture_path("json/single-object.json"));
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 8);
  run = run_cli("analyze --field text=title " + fixture_path("malformed/no-text-field.json"));
  EXPECT_EQ(run.exit_code, 0);
  const auto report = nlohmann::json::parse(run.out);
  EXPECT_EQ(report["posts"].size(), 1u);
  EXPECT_EQ(report["posts"][0]["text"], "no text");
}

TEST(Cli, AnalyzePrettyIsTheSameReport) {
  const std::string file = fixture_path("jsonl/posts.jsonl");
  const auto compact = run_cli("analyze " + file);
  const auto pretty = run_cli("analyze --pretty " + file);
  ASSERT_EQ(compact.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(compact.out), nlohmann::json::parse(pretty.out));
  EXPECT_GT(pretty.out.size(), compact.out.size());
}

TEST(Cli, HundredMegabyteSingleLineGetsAClearError) {
  const std::string path = ::testing::TempDir() + "one_huge_line.txt";
  {
    std::ofstream out(path, std::ios::binary);
    const std::string chunk = "so good and so bad ";
    for (std::size_t written = 0; written < (std::size_t{100} << 20); written += chunk.size()) out << chunk;
  }
  const auto run = run_cli("score " + path);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find(":1:1: record 1: no usable posts: all 1 records were skipped; the first: text is 104857"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("over the limit of 1048576 bytes a post (max_post_bytes)"), std::string::npos);
  std::remove(path.c_str());
}

TEST(Cli, HugePostIsScoredWhenTheLimitAllowsIt) {
  const std::string path = ::testing::TempDir() + "big_line.txt";
  {
    std::ofstream out(path, std::ios::binary);
    const std::string chunk = "what a great day! ";
    for (std::size_t written = 0; written < (std::size_t{20} << 20); written += chunk.size()) out << chunk;
  }
  const auto run = run_cli("score --max-post-bytes 100000000 " + path);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  const auto line = nlohmann::json::parse(run.out);
  EXPECT_EQ(line["id"], "1");
  EXPECT_TRUE(line["sentiment"]["compound"].is_number());
  std::remove(path.c_str());
}

}  // namespace
}  // namespace loopscore
