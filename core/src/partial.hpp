#pragma once
// Partials: an analysis session's state written out (JSONL, schema loopscore-partial/1) so that
// shards of a large archive are read and judged apart and merged into one report.
#include <string>
#include <string_view>

#include "analyze_state.hpp"

namespace loopscore {

/// The schema name on a partial's first line.
inline constexpr std::string_view kPartialSchema = "loopscore-partial/1";

/// Writes the session's inputs and judged posts: a header line, then one line per post.
void write_partial(const AnalyzeSession::State& state, const TextSink& out);

/// Reads one partial, fed in pieces, into a session's state. Throws InputError (with the line)
/// for anything that is not a partial written by this version of loopscore.
class PartialReader final : public PartialInput {
 public:
  explicit PartialReader(AnalyzeSession::State& state);
  /// Takes the next piece of the partial.
  void feed(std::string_view piece) override;
  /// Ends the partial; throws InputError when it was cut short.
  void finish() override;
  std::size_t bytes_fed() const override { return bytes_; }

 private:
  void take_line(std::string_view line);
  void take_header(const nlohmann::ordered_json& header);
  void take_post(const nlohmann::ordered_json& line);
  void flush_repeats(std::size_t up_to);  // lists the repeats of local inputs before `up_to`

  AnalyzeSession::State& state_;
  std::string pending_;             // the current line, until its newline arrives
  std::size_t bytes_ = 0;
  std::size_t line_ = 0;            // lines completed so far
  std::size_t input_offset_ = 0;    // inputs of the session before this partial's
  std::size_t posts_expected_ = 0;  // as the header says
  std::size_t posts_seen_ = 0;
  std::size_t flushed_ = 0;         // local inputs whose repeats are listed
  std::size_t input_count_ = 0;     // local inputs, as the header says
  std::size_t duplicates_unlisted_ = 0;  // repeats the partial counted beyond its list
  bool have_header_ = false;
  // Repeats of this partial's inputs: those its own session found (from the header) and those
  // found against earlier partials, listed per input in record order as one session would.
  std::vector<std::vector<nlohmann::ordered_json>> repeats_;
};

}  // namespace loopscore
