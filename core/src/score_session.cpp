// score: one JSON line per record, written as the records are read.
#include "loopscore/analysis.hpp"
#include "loopscore/post_json.hpp"
#include "loopscore/post_scorer.hpp"

namespace loopscore {

namespace {
constexpr std::size_t kFlushBytes = 1 << 16;
// Input is handed to the reader this much at a time, whatever the size of the pieces fed: the text
// being read then stays in the cache between its copy into the read buffer and its parsing.
constexpr std::size_t kReadBytes = 1 << 16;
}  // namespace

struct ScoreSession::State {
  TextSink out;
  PostScorer scorer;
  std::string buffer;
  std::unique_ptr<PostStreamReader> reader;
  std::size_t max_input_bytes = 0;

  void line_done() {
    buffer += '\n';
    if (buffer.size() >= kFlushBytes) flush();
  }
  void flush() {
    if (buffer.empty()) return;
    out(buffer);
    buffer.clear();
  }
};

ScoreSession::ScoreSession(AnalysisOptions options, TextSink out) : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.out = std::move(out);
  s.max_input_bytes = options.read.limits.max_input_bytes;
  s.buffer.reserve(kFlushBytes + 4096);
  s.reader = std::make_unique<PostStreamReader>(
      options.read,
      [&s](Post& post) {
        append_score_line(s.buffer, post, s.scorer.judge(post));
        s.line_done();
      },
      [&s](const RecordIssue& skipped) {
        append_skipped_line(s.buffer, skipped);
        s.line_done();
      });
}

ScoreSession::~ScoreSession() = default;

void ScoreSession::feed(std::string_view piece) {
  PostStreamReader& reader = *state_->reader;
  // A piece that crosses max_input_bytes is refused whole, before any of it is read, so the
  // output up to that error stays the same: it goes to the reader as it came.
  if (reader.bytes_fed() + piece.size() > state_->max_input_bytes) {
    reader.feed(piece);
    return;
  }
  while (piece.size() > kReadBytes) {
    reader.feed(piece.substr(0, kReadBytes));
    piece.remove_prefix(kReadBytes);
  }
  reader.feed(piece);
}

ReadSummary ScoreSession::finish() {
  ReadSummary summary = state_->reader->finish();
  state_->flush();
  return summary;
}

std::size_t ScoreSession::bytes_fed() const { return state_->reader->bytes_fed(); }

ReadSummary score(std::string_view input, const AnalysisOptions& options, const TextSink& out) {
  ScoreSession session(options, out);
  session.feed(input);
  return session.finish();
}

std::string score_to_string(std::string_view input, const AnalysisOptions& options) {
  std::string result;
  score(input, options, [&result](std::string_view piece) { result.append(piece); });
  return result;
}

}  // namespace loopscore
