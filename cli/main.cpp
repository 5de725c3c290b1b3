// loopscore: the command-line face of the scoring core.
//   loopscore analyze [FILE|-]...  the full report as JSON, over one or more inputs
//   loopscore score [FILE|-]       one JSON object per post (JSONL), in input order
//   loopscore merge PARTIAL...     the report over partials written by analyze --emit-partial
#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "input_file.hpp"
#include "loopscore/analysis.hpp"
#include "loopscore/version.hpp"

namespace {

using loopscore::cli::display_name;
using loopscore::cli::input_name;
using loopscore::cli::read_in_pieces;

// Exit codes, documented in --help.
enum Exit : int { kOk = 0, kInputError = 1, kUsageError = 2, kReadError = 3, kInternalError = 4 };

constexpr std::size_t kMaxSkipsShown = 10;

struct CommandLine {
  std::vector<std::string> files{"-"};
  std::string format = "auto";
  std::vector<std::string> field_mappings;
  std::vector<std::string> weights;
  std::string owner;
  std::string timezone = "+00:00";
  std::string business_hours = "9-17";
  std::int64_t followers = -1;
  bool pretty = false;
  bool no_posts = false;
  bool emit_partial = false;
  bool quiet = false;
  std::size_t max_post_bytes = loopscore::ReadLimits{}.max_post_bytes;
  std::size_t max_input_bytes = loopscore::ReadLimits{}.max_input_bytes;
  std::size_t max_posts = loopscore::ReadLimits{}.max_posts;
  std::size_t max_depth = loopscore::ReadLimits{}.max_depth;
  std::size_t max_record_bytes = loopscore::ReadLimits{}.max_record_bytes;
  std::size_t max_document_bytes = loopscore::ReadLimits{}.max_document_bytes;
};

// An error in the command line, reported with exit code 2.
struct UsageError {
  std::string message;
};

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

loopscore::AnalysisOptions build_options(const CommandLine& cl) {
  loopscore::AnalysisOptions options;
  const auto format = loopscore::parse_format(cl.format);
  if (!format) throw UsageError{"unknown --format \"" + cl.format + "\""};
  options.read.format = *format;
  options.read.limits.max_post_bytes = cl.max_post_bytes;
  options.read.limits.max_input_bytes = cl.max_input_bytes;
  options.read.limits.max_posts = cl.max_posts;
  options.read.limits.max_depth = cl.max_depth;
  options.read.limits.max_record_bytes = cl.max_record_bytes;
  options.read.limits.max_document_bytes = cl.max_document_bytes;
  options.pretty = cl.pretty;
  options.include_posts = !cl.no_posts;
  for (const std::string& mapping : cl.field_mappings) {
    const std::size_t eq = mapping.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == mapping.size() ||
        !options.read.fields.prefer(mapping.substr(0, eq), mapping.substr(eq + 1))) {
      throw UsageError{"bad --field \"" + mapping +
                       "\": use FIELD=NAME, FIELD one of id, author, text, created_at, in_reply_to, "
                       "in_reply_to_author, likes, reposts, replies, quotes, url"};
    }
  }
  loopscore::LoopOptions& loop = options.loop;
  loop.owner = cl.owner;
  const auto offset = loopscore::parse_utc_offset(cl.timezone);
  if (!offset) throw UsageError{"bad --timezone \"" + cl.timezone + "\": use a UTC offset like +02:00 or -05:30"};
  loop.utc_offset_minutes = *offset;
  if (!loopscore::parse_business_hours(cl.business_hours, loop)) {
    throw UsageError{"bad --business-hours \"" + cl.business_hours + "\": use START-END hours, like 9-17"};
  }
  if (cl.followers >= 0) loop.followers = cl.followers;
  nlohmann::json weights = nlohmann::json::object();
  for (const std::string& weight : cl.weights) {
    const std::size_t eq = weight.find('=');
    double value = -1;
    const char* end = weight.data() + weight.size();
    if (eq == std::string::npos || std::from_chars(weight.data() + eq + 1, end, value).ptr != end) {
      throw UsageError{"bad --weight \"" + weight + "\": use DIMENSION=NUMBER, like respond=30"};
    }
    weights[weight.substr(0, eq)] = value;
  }
  try {
    options.loop.weights = loopscore::parse_options_json(nlohmann::json{{"weights", weights}}.dump()).loop.weights;
  } catch (const std::invalid_argument& e) {
    throw UsageError{std::string("bad --weight: ") + e.what()};
  }
  return options;
}

void warn_skipped(const CommandLine& cl, const std::string& file, const loopscore::ReadSummary& read) {
  if (cl.quiet || read.records_skipped == 0) return;
  std::size_t shown = 0;
  for (const loopscore::RecordIssue& skipped : read.skipped) {
    if (shown++ == kMaxSkipsShown) break;
    std::cerr << "loopscore: warning: " << where_prefix(file, skipped.where) << "skipped: " << skipped.reason << '\n';
  }
  std::cerr << "loopscore: warning: " << read.records_skipped << " of " << read.records_read << " records skipped";
  if (read.records_skipped > kMaxSkipsShown) std::cerr << " (the first " << kMaxSkipsShown << " shown)";
  std::cerr << '\n';
}

enum class Command { analyze, score, merge };

// Runs the command; `current_file` tracks which input an InputError belongs to.
int run(Command command, const CommandLine& cl, std::string& current_file) {
  const loopscore::AnalysisOptions options = build_options(cl);
  const loopscore::TextSink to_stdout = [](std::string_view piece) { std::fwrite(piece.data(), 1, piece.size(), stdout); };
  std::string error;
  if (command != Command::score) {
    loopscore::AnalyzeSession session(options);
    for (const std::string& file : cl.files) {
      current_file = file;
      if (command == Command::merge) {
        session.begin_partial();
      } else {
        session.begin_input(input_name(file));
      }
      error = read_in_pieces(file, [&session](std::string_view piece) { session.feed(piece); });
      if (!error.empty()) break;
      session.end_input();
    }
    if (error.empty()) {
      if (cl.emit_partial) {
        session.write_partial(to_stdout);
      } else {
        session.write_report(to_stdout);
      }
    }
  } else {
    if (cl.files.size() != 1) throw UsageError{"score takes one input (use analyze for several)"};
    current_file = cl.files.front();
    loopscore::ScoreSession session(options, to_stdout);
    error = read_in_pieces(current_file, [&session](std::string_view piece) { session.feed(piece); });
    if (error.empty()) warn_skipped(cl, current_file, session.finish());
  }
  if (!error.empty()) {
    std::cerr << "loopscore: error: " << error << '\n';
    return kReadError;
  }
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::cerr << "loopscore: error: cannot write the output\n";
    return kReadError;
  }
  return kOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "loopscore: how well does an account run the social feedback loop?\n"
      "Reads posts (plain text, JSON, JSONL and platform exports) and judges them; nothing leaves this machine.\n\n"
      "Exit codes: 0 ok, 1 unusable input (message names file:line:column), 2 bad usage,\n"
      "3 file not readable or output not writable, 4 internal error.",
      "loopscore"};
  app.set_version_flag("--version", std::string("loopscore ") + loopscore::kVersion);
  app.require_subcommand(1);
  CommandLine cl;

  const auto add_common = [&cl](CLI::App* sub) {
    sub->add_option("--format", cl.format, "input format (default: sniffed from the content)")->default_val("auto");
    sub->add_option("--field", cl.field_mappings,
                    "map a post field to an input field name, e.g. --field text=body "
                    "(dotted paths allowed: author=user.screen_name); repeatable")
        ->allow_extra_args(false);  // one value per --field, so the FILE after it stays positional
    sub->add_option("--max-post-bytes", cl.max_post_bytes, "skip posts longer than this many bytes")
        ->default_val(cl.max_post_bytes);
    sub->add_option("--max-input-bytes", cl.max_input_bytes, "refuse inputs larger than this")
        ->default_val(cl.max_input_bytes);
    sub->add_option("--max-posts", cl.max_posts, "refuse an input with more posts than this")
        ->default_val(cl.max_posts);
    sub->add_option("--max-depth", cl.max_depth, "refuse JSON or XML nested deeper than this")->default_val(cl.max_depth);
    sub->add_option("--max-record-bytes", cl.max_record_bytes,
                    "skip a line, CSV row or JSON array element longer than this")
        ->default_val(cl.max_record_bytes);
    sub->add_option("--max-document-bytes", cl.max_document_bytes,
                    "refuse a document read whole (an API response, a feed) larger than this")
        ->default_val(cl.max_document_bytes);
  };
  CLI::App* analyze = app.add_subcommand("analyze", "print the report (JSON, schema loopscore/1) over one or more inputs");
  analyze->add_option("files", cl.files, "input files, or - for standard input")->default_val(std::vector<std::string>{"-"});
  add_common(analyze);
  analyze->add_flag("--emit-partial", cl.emit_partial,
                    "write a partial (JSONL) to merge later with `loopscore merge` instead of the report");
  CLI::App* merge = app.add_subcommand(
      "merge", "print the report over partials (from analyze --emit-partial, e.g. one per shard of an archive)");
  merge->add_option("partials", cl.files, "partial files, or - for standard input")->required();
  merge->add_flag("--emit-partial", cl.emit_partial, "write the merged partial instead of the report (a tree of merges)");
  const auto add_loop_options = [&cl](CLI::App* sub) {
    sub->add_option("--owner", cl.owner, "the account's handle, e.g. @acme (default: from the input, or the most active author)");
    sub->add_option("--timezone", cl.timezone, "the owner's UTC offset, for business hours and the heatmap")
        ->default_val(cl.timezone);
    sub->add_option("--business-hours", cl.business_hours, "business hours, Monday to Friday, START-END")
        ->default_val(cl.business_hours);
    sub->add_option("--followers", cl.followers, "the owner's follower count (overrides the input's)");
    sub->add_option("--weight", cl.weights, "weight of a dimension in the Loop Score, e.g. --weight respond=30; repeatable")
        ->allow_extra_args(false);
    sub->add_flag("--pretty", cl.pretty, "indent the JSON");
    sub->add_flag("--no-posts", cl.no_posts, "leave per-post results out of the report");
  };
  add_loop_options(analyze);
  add_loop_options(merge);
  CLI::App* score = app.add_subcommand("score", "print one JSON object per post, in input order (JSONL)");
  score->add_option("file", cl.files, "input file, or - for standard input")->expected(0, 1)->default_val(std::vector<std::string>{"-"});
  add_common(score);
  score->add_flag("-q,--quiet", cl.quiet, "do not list skipped records on stderr");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kOk : kUsageError;
  }
  std::string current_file = "-";
  try {
    const Command command = analyze->parsed() ? Command::analyze : merge->parsed() ? Command::merge : Command::score;
    return run(command, cl, current_file);
  } catch (const UsageError& e) {
    std::cerr << "loopscore: error: " << e.message << '\n';
    return kUsageError;
  } catch (const loopscore::InputError& e) {
    std::fflush(stdout);
    std::cerr << "loopscore: error: " << where_prefix(current_file, e.where()) << e.message() << '\n';
    return kInputError;
  } catch (const std::exception& e) {
    std::cerr << "loopscore: internal error: " << e.what() << '\n';
    return kInternalError;
  }
}
