#pragma once
// What an AnalyzeSession holds between inputs: the scored posts, the ids seen, the repeats and
// what each input's read found. Shared by the session (analyze_session.cpp) and by partials
// (partial.cpp), which write this state out and merge it back in.
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "loopscore/analysis.hpp"
#include "loopscore/loop/corpus.hpp"
#include "loopscore/post_scorer.hpp"

namespace loopscore {

/// An input that is a partial being merged (partial.cpp). The session reaches it only through
/// this interface, so a build that never calls begin_partial (the wasm module) links none of the
/// partial reading, nlohmann's ordered_json parser included.
class PartialInput {
 public:
  virtual ~PartialInput() = default;
  /// Takes the next piece of the partial.
  virtual void feed(std::string_view piece) = 0;
  /// Ends the partial; throws InputError when it was cut short.
  virtual void finish() = 0;
  virtual std::size_t bytes_fed() const = 0;
};

/// One input that was read (a file, or an input inside a merged partial), with what the read
/// found; its skipped records and warnings are kept as report JSON (without the input name).
struct InputRead {
  std::string name;
  ReadSummary summary;  // counts, format and accounts; the issue lists live below
  nlohmann::ordered_json skipped = nlohmann::ordered_json::array();
  nlohmann::ordered_json warnings = nlohmann::ordered_json::array();
};

/// Posts whose id was already seen are listed (this many) and counted.
inline constexpr std::size_t kMaxListedDuplicates = 1000;

struct AnalyzeSession::State {
  AnalysisOptions options;
  PostScorer scorer;
  std::vector<AnalyzedPost> posts;
  std::vector<std::size_t> post_input;  // 1-based input of each post, for partials
  std::unordered_set<std::string> ids;
  std::size_t duplicate_count = 0;
  nlohmann::ordered_json duplicates = nlohmann::ordered_json::array();  // the first kMaxListedDuplicates
  std::vector<std::size_t> duplicate_input;  // 1-based input of each listed repeat, for partials
  std::vector<InputRead> inputs;
  std::unique_ptr<PostStreamReader> reader;
  std::unique_ptr<PartialInput> partial;
  std::size_t bytes_before = 0;  // bytes of the inputs already ended

  /// Admits a post read from input number `input` (1-based, over every input so far), or
  /// returns false when its id was already seen (the caller lists it). Ids a reader made up from
  /// record numbers are not platform ids: they never collide, and from the second input on
  /// they are prefixed with the input number.
  bool admit(Post& post, std::size_t input);
  /// Lists one repeated post of input number `input` (the first kMaxListedDuplicates are
  /// listed, all are counted).
  void list_duplicate(nlohmann::ordered_json entry, std::size_t input);
};

}  // namespace loopscore
