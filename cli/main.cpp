// loopscore: the command-line face of the scoring core.
//   loopscore analyze [FILE|-]   the full report as JSON
//   loopscore score [FILE|-]     one JSON object per post (JSONL), in input order
#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "loopscore/analysis.hpp"
#include "loopscore/version.hpp"

namespace {

// Exit codes, documented in --help.
enum Exit : int { kOk = 0, kInputError = 1, kUsageError = 2, kReadError = 3, kInternalError = 4 };

constexpr std::size_t kMaxSkipsShown = 10;

struct CommandLine {
  std::string file = "-";
  std::string format = "auto";
  std::vector<std::string> field_mappings;
  bool pretty = false;
  bool no_posts = false;
  bool quiet = false;
  std::size_t max_post_bytes = loopscore::ReadLimits{}.max_post_bytes;
  std::size_t max_input_bytes = loopscore::ReadLimits{}.max_input_bytes;
};

std::string display_name(const std::string& file) { return file == "-" ? "<stdin>" : file; }

// Reads the whole file (or stdin for "-"); false with a message on failure.
bool read_input(const std::string& file, std::string& data, std::string& error) {
  if (file == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    data = std::move(buffer).str();
    return true;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    error = "cannot open " + file + ": " + std::strerror(errno);
    return false;
  }
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size < 0) {
    error = "cannot read " + file + " (is it a directory?)";
    return false;
  }
  data.resize(static_cast<std::size_t>(size));
  if (!in.read(data.data(), size)) {
    error = "cannot read " + file + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

// "file:line:column: " in the GNU style editors understand, then any record and pointer.
std::string where_prefix(const std::string& file, const loopscore::SourceLocation& where) {
  std::string text = display_name(file);
  if (where.line != 0) text += ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
  text += ": ";
  if (where.record != 0 || !where.pointer.empty()) {
    text += "record " + std::to_string(where.record);
    if (!where.pointer.empty()) text += " (" + where.pointer + ")";
    text += ": ";
  }
  return text;
}

bool build_options(const CommandLine& cl, loopscore::AnalysisOptions& options, std::string& error) {
  const auto format = loopscore::parse_format(cl.format);
  if (!format) {
    error = "unknown --format \"" + cl.format + "\" (auto, text, json, jsonl)";
    return false;
  }
  options.read.format = *format;
  options.read.limits.max_post_bytes = cl.max_post_bytes;
  options.read.limits.max_input_bytes = cl.max_input_bytes;
  options.pretty = cl.pretty;
  options.include_posts = !cl.no_posts;
  for (const std::string& mapping : cl.field_mappings) {
    const std::size_t eq = mapping.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == mapping.size() ||
        !options.read.fields.prefer(mapping.substr(0, eq), mapping.substr(eq + 1))) {
      error = "bad --field \"" + mapping +
              "\": use FIELD=NAME, FIELD one of id, author, text, created_at, in_reply_to, "
              "in_reply_to_author, likes, reposts, replies, quotes, url";
      return false;
    }
  }
  return true;
}

void warn_skipped(const CommandLine& cl, const loopscore::ReadSummary& read) {
  if (cl.quiet || read.records_skipped == 0) return;
  std::size_t shown = 0;
  for (const loopscore::RecordIssue& skipped : read.skipped) {
    if (shown++ == kMaxSkipsShown) break;
    std::cerr << "loopscore: warning: " << where_prefix(cl.file, skipped.where) << "skipped: " << skipped.reason << '\n';
  }
  std::cerr << "loopscore: warning: " << read.records_skipped << " of " << read.records_read
            << " records skipped";
  if (read.records_skipped > kMaxSkipsShown) std::cerr << " (the first " << kMaxSkipsShown << " shown)";
  std::cerr << '\n';
}

int run(const std::string& command, const CommandLine& cl) {
  loopscore::AnalysisOptions options;
  std::string error;
  if (!build_options(cl, options, error)) {
    std::cerr << "loopscore: error: " << error << '\n';
    return kUsageError;
  }
  std::string input;
  if (!read_input(cl.file, input, error)) {
    std::cerr << "loopscore: error: " << error << '\n';
    return kReadError;
  }
  const loopscore::TextSink to_stdout = [](std::string_view piece) {
    std::fwrite(piece.data(), 1, piece.size(), stdout);
  };
  try {
    if (command == "analyze") {
      loopscore::analyze(input, options, to_stdout);
    } else {
      warn_skipped(cl, loopscore::score(input, options, to_stdout));
    }
  } catch (const loopscore::InputError& e) {
    std::fflush(stdout);
    std::cerr << "loopscore: error: " << where_prefix(cl.file, e.where()) << e.message() << '\n';
    return kInputError;
  }
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::cerr << "loopscore: error: cannot write the output: " << std::strerror(errno) << '\n';
    return kReadError;
  }
  return kOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "loopscore: how well does an account run the social feedback loop?\n"
      "Reads posts (plain text, JSON, JSONL) and judges them; nothing leaves this machine.\n\n"
      "Exit codes: 0 ok, 1 unusable input (message names file:line:column), 2 bad usage,\n"
      "3 file not readable or output not writable, 4 internal error.",
      "loopscore"};
  app.set_version_flag("--version", std::string("loopscore ") + loopscore::kVersion);
  app.require_subcommand(1);
  CommandLine cl;

  const auto add_common = [&cl](CLI::App* sub) {
    sub->add_option("file", cl.file, "input file, or - for standard input")->default_val("-");
    sub->add_option("--format", cl.format, "input format: auto, text, json, jsonl")->default_val("auto");
    sub->add_option("--field", cl.field_mappings,
                    "map a post field to an input field name, e.g. --field text=body "
                    "(dotted paths allowed: author=user.screen_name); repeatable")
        ->allow_extra_args(false);  // one value per --field, so the FILE after it stays positional
    sub->add_option("--max-post-bytes", cl.max_post_bytes, "skip posts longer than this many bytes")
        ->default_val(cl.max_post_bytes);
    sub->add_option("--max-input-bytes", cl.max_input_bytes, "refuse inputs larger than this")
        ->default_val(cl.max_input_bytes);
  };
  CLI::App* analyze = app.add_subcommand("analyze", "print the report (JSON, schema loopscore/1)");
  add_common(analyze);
  analyze->add_flag("--pretty", cl.pretty, "indent the JSON");
  analyze->add_flag("--no-posts", cl.no_posts, "leave per-post results out of the report");
  CLI::App* score = app.add_subcommand("score", "print one JSON object per post, in input order (JSONL)");
  add_common(score);
  score->add_flag("-q,--quiet", cl.quiet, "do not list skipped records on stderr");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kOk : kUsageError;
  }
  try {
    return run(analyze->parsed() ? "analyze" : "score", cl);
  } catch (const std::exception& e) {
    std::cerr << "loopscore: internal error: " << e.what() << '\n';
    return kInternalError;
  }
}
