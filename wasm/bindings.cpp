// The WebAssembly face of the core: one coarse call per operation, or a session fed in pieces;
// every C++ exception becomes a value here, so nothing escapes to JavaScript as a bare number
// (toolchain.md pitfall 6). The only file that includes Emscripten headers.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <exception>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "loopscore/analysis.hpp"
#include "loopscore/version.hpp"

namespace {

using emscripten::val;
using loopscore::AnalysisOptions;

// What went wrong and where; `input` names the input being read ("" when none was).
struct ErrorValue {
  std::string name;
  std::string message;
  loopscore::SourceLocation where;
  std::string input;
};

val success(const std::string& output) {
  val result = val::object();
  result.set("ok", true);
  result.set("output", output);
  return result;
}

// {ok: true, output: Uint8Array}: a view of `bytes` in the wasm heap, not a copy. It is valid
// while `bytes` lives and memory does not grow: the caller copies it (slice) at once.
val success_view(const std::string& bytes) {
  val result = val::object();
  result.set("ok", true);
  result.set("output", val(emscripten::typed_memory_view(bytes.size(), reinterpret_cast<const unsigned char*>(bytes.data()))));
  return result;
}

val success() {
  val result = val::object();
  result.set("ok", true);
  return result;
}

// {ok: false, error: {name, message, record, line, column, byte_offset, pointer[, input]}}; 0
// and "" mean "not known", as in loopscore::SourceLocation.
val failure(const ErrorValue& e) {
  val error = val::object();
  error.set("name", e.name);
  error.set("message", e.message);
  error.set("record", static_cast<double>(e.where.record));
  error.set("line", static_cast<double>(e.where.line));
  error.set("column", static_cast<double>(e.where.column));
  error.set("byte_offset", static_cast<double>(e.where.byte_offset));
  error.set("pointer", e.where.pointer);
  if (!e.input.empty()) error.set("input", e.input);
  val result = val::object();
  result.set("ok", false);
  result.set("error", error);
  return result;
}

// The exception being handled, as an ErrorValue. Call only inside a catch block.
ErrorValue current_error(const std::string& input) {
  try {
    throw;
  } catch (const loopscore::InputError& e) {
    return {"InputError", e.message(), e.where(), input};
  } catch (const std::bad_alloc&) {
    return {"OutOfMemory", "out of memory: the input is too large for this browser tab", {}, input};
  } catch (const std::exception& e) {
    return {"InternalError", e.what(), {}, input};
  } catch (...) {
    return {"InternalError", "unknown C++ exception", {}, input};
  }
}

// Parses the options JSON; an OptionsError value on failure.
std::optional<ErrorValue> parse_options(const std::string& options_json, AnalysisOptions& options) {
  try {
    options = loopscore::parse_options_json(options_json);
    return std::nullopt;
  } catch (const std::invalid_argument& e) {
    return ErrorValue{"OptionsError", e.what(), {}, ""};
  } catch (...) {
    return current_error("");
  }
}

// Parses the options, runs `produce(options)`, and turns whatever it throws into a failure value.
template <typename Produce>
val run(const std::string& options_json, Produce produce) {
  AnalysisOptions options;
  if (auto error = parse_options(options_json, options)) return failure(*error);
  try {
    return success(produce(options));
  } catch (...) {
    return failure(current_error(""));
  }
}

// The report over one input; `name`, when given, names it as the CLI names a file.
val analyze_named(std::string_view input, const std::string& options_json, const std::string* name) {
  return run(options_json, [&](AnalysisOptions options) {
    if (name != nullptr) options.input_name = *name;
    return loopscore::analyze_to_string(input, options);
  });
}

// One JSON line per post.
val score_all(std::string_view input, const std::string& options_json) {
  return run(options_json, [&](AnalysisOptions options) { return loopscore::score_to_string(input, options); });
}

// A region of the wasm heap that JavaScript `_malloc`ed and filled; the caller frees it.
std::string_view heap_bytes(std::uintptr_t pointer, std::size_t length) {
  return {reinterpret_cast<const char*>(pointer), length};
}

/// The full report (JSON) for an input given as a JS string.
val analyze(const std::string& input, const std::string& options_json) {
  return analyze_named(input, options_json, nullptr);
}

/// The same, naming the input in the report (a file name) as the CLI names its files.
val analyze_as(const std::string& input, const std::string& options_json, const std::string& name) {
  return analyze_named(input, options_json, &name);
}

/// One JSON line per post for an input given as a JS string.
val score(const std::string& input, const std::string& options_json) { return score_all(input, options_json); }

/// `analyze` over `length` UTF-8 bytes at `pointer` in the wasm heap (the fast path for big inputs).
val analyze_bytes(std::uintptr_t pointer, std::size_t length, const std::string& options_json) {
  return analyze_named(heap_bytes(pointer, length), options_json, nullptr);
}

/// `analyze_as` over bytes in the wasm heap.
val analyze_bytes_as(std::uintptr_t pointer, std::size_t length, const std::string& options_json,
                     const std::string& name) {
  return analyze_named(heap_bytes(pointer, length), options_json, &name);
}

/// `score` over `length` UTF-8 bytes at `pointer` in the wasm heap.
val score_bytes(std::uintptr_t pointer, std::size_t length, const std::string& options_json) {
  return score_all(heap_bytes(pointer, length), options_json);
}

/// The library version, e.g. "0.1.0".
std::string version() { return loopscore::kVersion; }

// What both session bindings share: the first failure is kept and answered from then on (the
// core session's state is undefined after a throw), and every step names the current input.
class SessionGuard {
 public:
  explicit SessionGuard(std::string input) : input_(std::move(input)) {}

  // Runs `step()` (returning a result val) unless an earlier step failed; catches everything.
  template <typename Step>
  val run(Step&& step) {
    if (failed_) return failure(*failed_);
    try {
      return step();
    } catch (...) {
      failed_ = current_error(input_);
      return failure(*failed_);
    }
  }
  // Fails every later step with `name`/`message` (a misuse such as feeding after the report).
  val refuse(const char* name, std::string message) {
    failed_ = ErrorValue{name, std::move(message), {}, input_};
    return failure(*failed_);
  }
  void set_input(std::string input) { input_ = std::move(input); }

 private:
  std::string input_;
  std::optional<ErrorValue> failed_;
};

/// An analysis over several inputs, each fed in pieces of bytes (JS: AnalyzeSession, made by
/// createAnalyzeSession). Posts repeated across inputs count once. JS must call delete().
class AnalyzeSessionBinding {
 public:
  explicit AnalyzeSessionBinding(AnalysisOptions options) : session_(std::move(options)) {}
  AnalyzeSessionBinding(const AnalyzeSessionBinding&) = delete;
  AnalyzeSessionBinding& operator=(const AnalyzeSessionBinding&) = delete;

  /// Starts the next input, listed in the report as `name` (a file name, a URL).
  val begin(std::string name) {
    if (reported_) return guard_.refuse("InternalError", "begin() after report(): start a new session");
    return guard_.run([&] {
      if (open_) session_.end_input();  // errors of the previous input still name it
      guard_.set_input(name);
      session_.begin_input(std::move(name));
      open_ = true;
      return success();
    });
  }
  /// Feeds `length` bytes at `pointer` (a `_malloc`ed region the caller filled and frees).
  val feed_bytes(std::uintptr_t pointer, std::size_t length) {
    if (reported_) return guard_.refuse("InternalError", "feedBytes() after report(): start a new session");
    return guard_.run([&] {
      if (!open_) {
        session_.begin_input("input");
        open_ = true;
      }
      session_.feed(heap_bytes(pointer, length));
      return success();
    });
  }
  /// Ends the current input: an InputError when it holds nothing usable or ends mid-record.
  val end() {
    return guard_.run([&] {
      if (open_) session_.end_input();
      open_ = false;
      return success();
    });
  }
  /// The report over every input so far (ends the current one), as a string; once per session.
  val report() {
    return write_report([this] {
      val result = success(report_);
      std::string().swap(report_);
      return result;
    });
  }
  /// The same report as UTF-8 bytes: a Uint8Array view of the heap, valid until delete() (copy
  /// it with slice()). The worker hands these bytes to the page as they are: decoding them into
  /// a string here and copying that string to the page cost more than the analysis of 1 k posts.
  val report_bytes() {
    return write_report([this] { return success_view(report_); });
  }
  /// Bytes fed so far over all inputs (for progress).
  double bytes_fed() const { return static_cast<double>(session_.bytes_fed()); }

 private:
  // Ends the current input, writes the report into report_ and answers with `answer()`; once.
  template <typename Answer>
  val write_report(Answer answer) {
    if (reported_) return guard_.refuse("InternalError", "report() was already called: start a new session");
    return guard_.run([&] {
      if (open_) session_.end_input();
      open_ = false;
      reported_ = true;
      session_.write_report([this](std::string_view piece) { report_.append(piece); });
      return answer();
    });
  }

  loopscore::AnalyzeSession session_;
  SessionGuard guard_{""};
  std::string report_;
  bool open_ = false;
  bool reported_ = false;
};

/// `score` over one input fed in pieces (JS: ScoreSession, made by createScoreSession): each
/// feed answers with the JSONL lines completed so far. JS must call delete().
class ScoreSessionBinding {
 public:
  ScoreSessionBinding(const AnalysisOptions& options, std::string name)
      : session_(options, [this](std::string_view piece) { pending_.append(piece); }), guard_(std::move(name)) {}
  ScoreSessionBinding(const ScoreSessionBinding&) = delete;
  ScoreSessionBinding& operator=(const ScoreSessionBinding&) = delete;

  /// Feeds `length` bytes at `pointer`; {ok, output} with the lines written since the last call.
  val feed_bytes(std::uintptr_t pointer, std::size_t length) {
    if (finished_) return guard_.refuse("InternalError", "feedBytes() after finish(): start a new session");
    return guard_.run([&] {
      session_.feed(heap_bytes(pointer, length));
      return take_output();
    });
  }
  /// Ends the input; {ok, output} with the remaining lines. Once per session.
  val finish() {
    if (finished_) return guard_.refuse("InternalError", "finish() was already called: start a new session");
    return guard_.run([&] {
      finished_ = true;
      session_.finish();
      return take_output();
    });
  }
  double bytes_fed() const { return static_cast<double>(session_.bytes_fed()); }

 private:
  val take_output() {
    val result = success(pending_);
    pending_.clear();
    pending_.shrink_to_fit();  // do not keep a big buffer between calls
    return result;
  }

  std::string pending_;
  loopscore::ScoreSession session_;
  SessionGuard guard_;
  bool finished_ = false;
};

// {ok: true, session} with a session JS owns (and must delete()), or {ok: false, error}.
template <typename Session, typename... Args>
val created(Args&&... args) {
  try {
    val result = val::object();
    result.set("ok", true);
    result.set("session", val(std::make_unique<Session>(std::forward<Args>(args)...)));
    return result;
  } catch (...) {
    return failure(current_error(""));
  }
}

/// A new AnalyzeSession for these options (an OptionsError value when they are bad).
val create_analyze_session(const std::string& options_json) {
  AnalysisOptions options;
  if (auto error = parse_options(options_json, options)) return failure(*error);
  return created<AnalyzeSessionBinding>(std::move(options));
}

/// A new ScoreSession for these options over one input called `name` (named in its errors).
val create_score_session(const std::string& options_json, const std::string& name) {
  AnalysisOptions options;
  if (auto error = parse_options(options_json, options)) return failure(*error);
  return created<ScoreSessionBinding>(options, name);
}

}  // namespace

// Embind overloads by argument count: analyze(input, options[, name]).
EMSCRIPTEN_BINDINGS(loopscore) {
  emscripten::function("analyze", &analyze);
  emscripten::function("analyze", &analyze_as);
  emscripten::function("score", &score);
  emscripten::function("analyzeBytes", &analyze_bytes);
  emscripten::function("analyzeBytes", &analyze_bytes_as);
  emscripten::function("scoreBytes", &score_bytes);
  emscripten::function("version", &version);

  emscripten::class_<AnalyzeSessionBinding>("AnalyzeSession")
      .function("begin", &AnalyzeSessionBinding::begin)
      .function("feedBytes", &AnalyzeSessionBinding::feed_bytes)
      .function("end", &AnalyzeSessionBinding::end)
      .function("report", &AnalyzeSessionBinding::report)
      .function("reportBytes", &AnalyzeSessionBinding::report_bytes)
      .function("bytesFed", &AnalyzeSessionBinding::bytes_fed);
  emscripten::function("createAnalyzeSession", &create_analyze_session);

  emscripten::class_<ScoreSessionBinding>("ScoreSession")
      .function("feedBytes", &ScoreSessionBinding::feed_bytes)
      .function("finish", &ScoreSessionBinding::finish)
      .function("bytesFed", &ScoreSessionBinding::bytes_fed);
  emscripten::function("createScoreSession", &create_score_session);
}
