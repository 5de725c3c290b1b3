// Partials: shards read apart and merged give byte for byte the report of one session over all
// their inputs (issue 7, "scale beyond one machine"); a damaged partial fails with its line.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "loopscore/analysis.hpp"
#include "loopscore/input_error.hpp"
#include "test_support.hpp"

namespace loopscore {
namespace {

using testing::fixture_path;
using testing::read_file;

using Input = std::pair<std::string, std::string>;  // name, content

std::string collect(const std::function<void(const TextSink&)>& write) {
  std::string text;
  write([&text](std::string_view piece) { text.append(piece); });
  return text;
}

AnalysisOptions options() {
  AnalysisOptions o;
  o.loop.owner = "@northwindcoffee";
  return o;
}

// Feeds `content` in pieces of `piece` bytes, so line ends fall anywhere.
void feed_in_pieces(AnalyzeSession& session, std::string_view content, std::size_t piece) {
  for (std::size_t at = 0; at < content.size(); at += piece) session.feed(content.substr(at, piece));
}

std::string whole_report(const std::vector<Input>& inputs) {
  AnalyzeSession session(options());
  for (const auto& [name, content] : inputs) {
    session.begin_input(name);
    session.feed(content);
    session.end_input();
  }
  return collect([&](const TextSink& out) { session.write_report(out); });
}

std::string partial_of(const std::vector<Input>& inputs) {
  AnalyzeSession session(AnalysisOptions{});  // the loop options matter only at the merge
  for (const auto& [name, content] : inputs) {
    session.begin_input(name);
    session.feed(content);
    session.end_input();
  }
  return collect([&](const TextSink& out) { session.write_partial(out); });
}

std::string merged_report(const std::vector<std::string>& partials, std::size_t piece = 4096) {
  AnalyzeSession session(options());
  for (const std::string& partial : partials) {
    session.begin_partial();
    feed_in_pieces(session, partial, piece);
    session.end_input();
  }
  return collect([&](const TextSink& out) { session.write_report(out); });
}

std::vector<std::string> lines_of(const std::string& path) {
  std::vector<std::string> lines;
  std::string text = read_file(path), line;
  for (char c : text) {
    line += c;
    if (c == '\n') lines.push_back(std::exchange(line, {}));
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

std::string join(const std::vector<std::string>& lines, std::size_t from, std::size_t to) {
  std::string text;
  for (std::size_t i = from; i < to && i < lines.size(); ++i) text += lines[i];
  return text;
}

// The brand month cut into three overlapping shards (repeats across shards), plus inputs with
// skipped records, warnings, made-up ids and an account file.
std::vector<Input> shards() {
  const auto month = lines_of(fixture_path("loop/brand-month.jsonl"));
  return {{"month-1.jsonl", join(month, 0, 40)},
          {"month-2.jsonl", join(month, 35, 80)},
          {"month-3.jsonl", join(month, 75, month.size())},
          {"with-bad-lines.jsonl", read_file(fixture_path("jsonl/with-bad-lines.jsonl"))},
          {"one-per-line.txt", read_file(fixture_path("text/one-per-line.txt"))},
          {"blocks.txt", read_file(fixture_path("text/blocks.txt"))},
          {"tweets.js", read_file(fixture_path("x-archive/tweets.js"))},
          {"account.js", read_file(fixture_path("x-archive/account.js"))}};
}

TEST(Partial, MergedShardsGiveTheWholeReportByteForByte) {
  const std::vector<Input> inputs = shards();
  const std::string whole = whole_report(inputs);
  const auto report = nlohmann::json::parse(whole);
  ASSERT_GT(report["input"]["duplicates_dropped"].get<int>(), 0) << "the shards must overlap";
  ASSERT_GT(report["input"]["records_skipped"].get<int>(), 0) << "some input must skip records";

  // One partial per input, and uneven groups of inputs per partial.
  std::vector<std::string> one_each;
  for (const Input& input : inputs) one_each.push_back(partial_of({input}));
  EXPECT_EQ(merged_report(one_each), whole);
  EXPECT_EQ(merged_report(one_each, 7), whole);

  const std::vector<std::string> groups = {partial_of({inputs[0]}),
                                           partial_of({inputs[1], inputs[2], inputs[3]}),
                                           partial_of({inputs[4], inputs[5], inputs[6], inputs[7]})};
  EXPECT_EQ(merged_report(groups), whole);
}

TEST(Partial, APartialOfMergedPartialsMergesToTheSameReport) {
  const std::vector<Input> inputs = shards();
  AnalyzeSession session(AnalysisOptions{});
  for (const std::string& partial : {partial_of({inputs[0], inputs[1]}), partial_of({inputs[2], inputs[3]})}) {
    session.begin_partial();
    session.feed(partial);
  }
  const std::string first_half = collect([&](const TextSink& out) { session.write_partial(out); });
  const std::string second_half = partial_of({inputs[4], inputs[5], inputs[6], inputs[7]});
  EXPECT_EQ(merged_report({first_half, second_half}), whole_report(inputs));
}

// Inputs of 600 records each, every second one unusable (no text) and every good one with an
// unreadable date: 300 skipped records and 300 warnings an input.
std::vector<Input> noisy_inputs(int count) {
  std::vector<Input> inputs;
  for (int i = 0; i < count; ++i) {
    std::string content;
    for (int r = 0; r < 600; ++r) {
      content += r % 2 == 0 ? "{\"id\":\"" + std::to_string(i) + "-" + std::to_string(r) + "\",\"text\":\"a post\",\"created_at\":\"not a date\"}\n"
                            : "{\"id\":\"x\"}\n";
    }
    inputs.push_back({"noisy-" + std::to_string(i) + ".jsonl", content});
  }
  return inputs;
}

TEST(Partial, TheFirstThousandIssuesAreListedOverAllInputsAllCounted) {
  const auto report = nlohmann::json::parse(whole_report(noisy_inputs(5)));
  const auto& input = report["input"];
  EXPECT_EQ(input["records_skipped"], 1500);
  EXPECT_EQ(input["warning_count"], 1500);
  ASSERT_EQ(input["skipped"].size(), 1000u);
  ASSERT_EQ(input["warnings"].size(), 1000u);
  EXPECT_EQ(input["skipped"].front()["input"], "noisy-0.jsonl");
  EXPECT_EQ(input["skipped"].back()["input"], "noisy-3.jsonl");  // 300 + 300 + 300 + 100
  EXPECT_EQ(input["skipped"].back()["record"], 200);
  // Merged from partials, the same first thousand.
  const auto inputs = noisy_inputs(5);
  EXPECT_EQ(merged_report({partial_of({inputs[0], inputs[1]}), partial_of({inputs[2], inputs[3], inputs[4]})}),
            whole_report(inputs));
}

TEST(Partial, TheSamePartialTwiceCountsItsPostsOnce) {
  const std::vector<Input> inputs = {shards()[0]};
  const std::string partial = partial_of(inputs);
  const auto report = nlohmann::json::parse(merged_report({partial, partial}));
  EXPECT_EQ(report["summary"]["posts"], 40);
  EXPECT_EQ(report["input"]["duplicates_dropped"], 40);
}

// Runs a merge of `partial` and returns the error it must throw.
InputError merge_error(const std::string& partial) {
  try {
    merged_report({partial});
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for: " << partial.substr(0, 200);
  return InputError("none", {});
}

TEST(Partial, DamagedPartialsFailWithTheirLine) {
  const std::string good = partial_of({shards()[0]});
  const std::size_t second_line = good.find('\n') + 1;
  const std::size_t third_line = good.find('\n', second_line) + 1;

  InputError e = merge_error("");
  EXPECT_NE(e.message().find("no header"), std::string::npos) << e.message();

  e = merge_error(read_file(fixture_path("loop/brand-month.jsonl")));
  EXPECT_NE(e.message().find("loopscore-partial/1"), std::string::npos) << e.message();
  EXPECT_EQ(e.where().line, 1u);

  e = merge_error(good.substr(0, third_line + 20));
  EXPECT_NE(e.message().find("invalid JSON"), std::string::npos) << e.message();
  EXPECT_EQ(e.where().line, 3u);

  e = merge_error(good.substr(0, third_line));
  EXPECT_NE(e.message().find("cut short"), std::string::npos) << e.message();
  EXPECT_NE(e.message().find("1 of 40"), std::string::npos) << e.message();

  std::string renamed = good;
  renamed.replace(renamed.find("\"signals\":["), 11, "\"signalz\":[");
  e = merge_error(renamed);
  EXPECT_NE(e.message().find("missing \"signals\""), std::string::npos) << e.message();
  EXPECT_EQ(e.where().line, 2u);

  std::string old_version = good;
  const std::size_t version = old_version.find("\"version\":\"") + 11;
  old_version.replace(version, old_version.find('"', version) - version, "0.0.1");
  e = merge_error(old_version);
  EXPECT_NE(e.message().find("written by loopscore 0.0.1"), std::string::npos) << e.message();

  std::string bad_enum = good;
  bad_enum.replace(bad_enum.find("\"kind\":0"), 8, "\"kind\":9");
  e = merge_error(bad_enum);
  EXPECT_NE(e.message().find("bad \"kind\""), std::string::npos) << e.message();
}

TEST(Partial, CliEmitsAndMergesPartials) {
  const std::string month = fixture_path("loop/brand-month.jsonl");
  const std::string tweets = fixture_path("x-archive/tweets.js");
  const std::string dir = ::testing::TempDir();
  const auto first = testing::run_cli("analyze --emit-partial '" + month + "'");
  const auto second = testing::run_cli("analyze --emit-partial '" + tweets + "'");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(second.exit_code, 0) << second.err;
  std::ofstream(dir + "p1.partial", std::ios::binary) << first.out;
  std::ofstream(dir + "p2.partial", std::ios::binary) << second.out;
  const auto merged = testing::run_cli("merge --owner @northwindcoffee '" + dir + "p1.partial' '" + dir + "p2.partial'");
  const auto whole = testing::run_cli("analyze --owner @northwindcoffee '" + month + "' '" + tweets + "'");
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_EQ(merged.out, whole.out);

  // A tree of merges: merge --emit-partial writes a partial that merges to the same report.
  const auto inner = testing::run_cli("merge --emit-partial '" + dir + "p1.partial' '" + dir + "p2.partial'");
  ASSERT_EQ(inner.exit_code, 0) << inner.err;
  std::ofstream(dir + "p12.partial", std::ios::binary) << inner.out;
  EXPECT_EQ(testing::run_cli("merge --owner @northwindcoffee '" + dir + "p12.partial'").out, whole.out);

  const auto damaged = testing::run_cli("merge '" + month + "'");
  EXPECT_EQ(damaged.exit_code, 1);
  EXPECT_NE(damaged.err.find("brand-month.jsonl:1:1"), std::string::npos) << damaged.err;
}

}  // namespace
}  // namespace loopscore
