#pragma once
// The two things loopscore does with an input, as one call each: the same calls serve the
// CLI, the C++ library and the WebAssembly module, so all three write identical output.

#include <functional>
#include <string>
#include <string_view>

#include "loopscore/readers.hpp"

namespace loopscore {

/// Everything `analyze` and `score` can be told.
struct AnalysisOptions {
  ReadOptions read;
  bool include_posts = true;  ///< per-post results in the analyze report
  bool pretty = false;        ///< indent the analyze report (score output is always JSONL)
};

/// Parses options from a JSON object text ("{}" or empty = defaults), as the WebAssembly
/// boundary receives them: {"format":"jsonl","pretty":true,"include_posts":false,
/// "fields":{"text":"body"},"limits":{"max_post_bytes":1000}}. Throws std::invalid_argument
/// naming the bad option.
AnalysisOptions parse_options_json(std::string_view json_text);

/// Receives output text in pieces, in order.
using TextSink = std::function<void(std::string_view)>;

/// Reads `input` and writes the full report (one JSON document, schema loopscore/1).
/// Throws InputError when the input cannot be used.
void analyze(std::string_view input, const AnalysisOptions& options, const TextSink& out);

/// Reads `input` and writes one JSON object per post, in input order, one per line (JSONL).
/// Returns what the read found (skipped records included) so callers can report it.
ReadSummary score(std::string_view input, const AnalysisOptions& options, const TextSink& out);

/// Convenience wrappers that return the whole output as one string.
std::string analyze_to_string(std::string_view input, const AnalysisOptions& options);
std::string score_to_string(std::string_view input, const AnalysisOptions& options);

}  // namespace loopscore
