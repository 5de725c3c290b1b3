// The WebAssembly face of the core: one coarse call per operation; every C++ exception becomes
// a value here, so nothing escapes to JavaScript as a bare number (toolchain.md pitfall 6).
// The only file that includes Emscripten headers.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>

#include "loopscore/analysis.hpp"
#include "loopscore/version.hpp"

namespace {

using emscripten::val;
using loopscore::AnalysisOptions;

val success(const std::string& output) {
  val result = val::object();
  result.set("ok", true);
  result.set("output", output);
  return result;
}

// {ok: false, error: {name, message, record, line, column, byte_offset, pointer}}; 0 and ""
// mean "not known", as in loopscore::SourceLocation.
val failure(const char* name, const std::string& message, const loopscore::SourceLocation& where = {}) {
  val error = val::object();
  error.set("name", std::string(name));
  error.set("message", message);
  error.set("record", static_cast<double>(where.record));
  error.set("line", static_cast<double>(where.line));
  error.set("column", static_cast<double>(where.column));
  error.set("byte_offset", static_cast<double>(where.byte_offset));
  error.set("pointer", where.pointer);
  val result = val::object();
  result.set("ok", false);
  result.set("error", error);
  return result;
}

// Parses the options, runs `produce(options)`, and turns whatever it throws into a failure value.
template <typename Produce>
val run(const std::string& options_json, Produce produce) {
  try {
    AnalysisOptions options;
    try {
      options = loopscore::parse_options_json(options_json);
    } catch (const std::invalid_argument& e) {
      return failure("OptionsError", e.what());
    }
    return success(produce(options));
  } catch (const loopscore::InputError& e) {
    return failure("InputError", e.message(), e.where());
  } catch (const std::bad_alloc&) {
    return failure("OutOfMemory", "out of memory: the input is too large for this browser tab");
  } catch (const std::exception& e) {
    return failure("InternalError", e.what());
  } catch (...) {
    return failure("InternalError", "unknown C++ exception");
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
}
