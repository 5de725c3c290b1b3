#pragma once
// The two things loopscore does with its input, as sessions that take one or more inputs in
// pieces, and as one-call conveniences. The same calls serve the CLI, the C++ library and the
// WebAssembly module, so all three write identical output.

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "loopscore/loop/loop_options.hpp"
#include "loopscore/readers.hpp"

namespace loopscore {

/// Everything `analyze` and `score` can be told.
struct AnalysisOptions {
  ReadOptions read;
  LoopOptions loop;
  bool include_posts = true;  ///< per-post results in the analyze report
  bool pretty = false;        ///< indent the analyze report (score output is always JSONL)
  std::string input_name = "input";  ///< how the report names the input of the one-call `analyze`
};

/// Parses options from a JSON object text ("{}" or empty = defaults), as the WebAssembly
/// boundary receives them, e.g. {"format":"jsonl","owner":"@acme","timezone":"+01:00",
/// "business_hours":"9-17","followers":1200,"weights":{"respond":30},"pretty":true,
/// "include_posts":false,"input_name":"posts.json","fields":{"text":"body"},"limits":{"max_post_bytes":1000}}.
/// Throws std::invalid_argument naming the bad option.
AnalysisOptions parse_options_json(std::string_view json_text);

/// Parses "9-17" (hours, end exclusive) into the options; false when malformed.
bool parse_business_hours(std::string_view text, LoopOptions& options);

/// Receives output text in pieces, in order.
using TextSink = std::function<void(std::string_view)>;

/// An analysis over one or more inputs (an archive's files, an account's pages), each fed in
/// pieces. Posts repeated across inputs (same id) count once.
class AnalyzeSession {
 public:
  explicit AnalyzeSession(AnalysisOptions options);
  ~AnalyzeSession();
  AnalyzeSession(const AnalyzeSession&) = delete;
  AnalyzeSession& operator=(const AnalyzeSession&) = delete;

  /// Starts the next input; `name` (a file name, a URL) is listed in the report.
  void begin_input(std::string name);
  /// Takes the next piece of the current input. Throws InputError for malformed input.
  void feed(std::string_view piece);
  /// Ends the current input. Throws InputError when it holds nothing usable.
  void end_input();
  /// Starts the next input as a partial (written by write_partial, e.g. over another shard of
  /// an archive): its inputs, posts and judgements join this session as if read here, so a
  /// report over merged partials is byte for byte the report over all their inputs.
  void begin_partial();
  /// Writes the report (one JSON document, schema loopscore/1) over every input so far. The
  /// session's posts go into it: call it once, at the end.
  void write_report(const TextSink& out);
  /// Writes a partial (JSONL, schema loopscore-partial/1) over every input so far: what the
  /// reads found and every judged post, for a later merge; the loop is measured at the merge.
  void write_partial(const TextSink& out);
  /// Bytes taken so far over all inputs (for progress).
  std::size_t bytes_fed() const;

  struct State;  ///< opaque here; the core's sources (reading, partials) define and share it

 private:
  std::unique_ptr<State> state_;
};

/// Scores posts as they are read, one JSON line each, in input order (skipped records as
/// {"record":N,"skipped":"reason"} lines).
class ScoreSession {
 public:
  ScoreSession(AnalysisOptions options, TextSink out);
  ~ScoreSession();
  ScoreSession(const ScoreSession&) = delete;
  ScoreSession& operator=(const ScoreSession&) = delete;

  /// Takes the next piece of the input; writes the lines of the posts completed so far.
  void feed(std::string_view piece);
  /// Ends the input, flushes the output, and returns what the read found.
  ReadSummary finish();
  std::size_t bytes_fed() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// Reads one whole input and writes the full report.
void analyze(std::string_view input, const AnalysisOptions& options, const TextSink& out);

/// Reads one whole input and writes one JSON object per post (JSONL). Returns what was read.
ReadSummary score(std::string_view input, const AnalysisOptions& options, const TextSink& out);

/// Convenience wrappers that return the whole output as one string.
std::string analyze_to_string(std::string_view input, const AnalysisOptions& options);
std::string score_to_string(std::string_view input, const AnalysisOptions& options);

}  // namespace loopscore
