#include "loopscore/post_json.hpp"

#include <cstring>
#include <stdexcept>
#include <vector>

#include "loopscore/json_text.hpp"
#include "loopscore/time.hpp"

namespace loopscore {

namespace {

// A piece of fixed text, padded so that it is always copied whole in one fixed-size move.
struct Glue {
  static constexpr std::size_t kRoom = 64;
  char text[kRoom]{};
  std::size_t size = 0;

  explicit Glue(std::string_view s) : size(s.size()) {
    if (s.size() > kRoom) throw std::logic_error("score line glue too long");
    s.copy(text, kRoom);
  }
};

// The text between the numbers of a score line, made once: what varies with the label, the stage
// and the two flags is a piece of its own for each value.
struct ScoreGlue {
  std::vector<Glue> label;        // ,"sentiment":{"compound":  N  then this: ,"label":"…","positive":
  Glue neutral{",\"neutral\":"};
  Glue negative{",\"negative\":"};
  std::vector<Glue> signal;       // before each confidence
  std::vector<Glue> stage;        // },"stage":"…","tone":{"shouting":
  Glue voice{",\"voice\":"};
  std::vector<Glue> flags;        // },"useful":…,"credit":… for useful * 2 + credit

  ScoreGlue() {
    for (int i = 0; i <= static_cast<int>(SentimentLabel::positive); ++i) {
      label.emplace_back(",\"label\":\"" + std::string(label_name(static_cast<SentimentLabel>(i))) + "\",\"positive\":");
    }
    for (std::size_t i = 0; i < kSignalCount; ++i) {
      signal.emplace_back((i == 0 ? "},\"signals\":{\"" : ",\"") + std::string(signal_name(static_cast<Signal>(i))) + "\":");
    }
    for (int i = 0; i <= static_cast<int>(Stage::advocacy); ++i) {
      stage.emplace_back("},\"stage\":\"" + std::string(stage_name(static_cast<Stage>(i))) + "\",\"tone\":{\"shouting\":");
    }
    for (const char* useful : {"false", "true"}) {
      for (const char* credit : {"false", "true"}) {
        flags.emplace_back(std::string("},\"useful\":") + useful + ",\"credit\":" + credit);
      }
    }
  }
};

// Copies a piece of glue to `p`, which has Glue::kRoom of room; returns the end of its text.
char* put(char* p, const Glue& glue) {
  std::memcpy(p, glue.text, Glue::kRoom);
  return p + glue.size;
}

// Appends ,"sentiment":{...},"signals":{...},"stage":..,"tone":{...},"useful":..,"credit":..
// built in one local buffer and appended at once.
void append_scores(std::string& out, const PostScore& score) {
  static const ScoreGlue glue;
  constexpr std::string_view kStart = ",\"sentiment\":{\"compound\":";
  constexpr std::size_t kNumbers = 6 + kSignalCount;
  char line[kStart.size() + (kNumbers + 1) * (Glue::kRoom + kMaxJsonNumberChars)];
  const Sentiment& s = score.sentiment;
  const Signals& signals = score.signals;
  char* p = line;
  std::memcpy(p, kStart.data(), kStart.size());
  p = write_json_round4(p + kStart.size(), s.compound);
  p = write_json_round4(put(p, glue.label[static_cast<std::size_t>(s.label)]), s.positive);
  p = write_json_round4(put(p, glue.neutral), s.neutral);
  p = write_json_round4(put(p, glue.negative), s.negative);
  for (std::size_t i = 0; i < kSignalCount; ++i) p = write_json_round4(put(p, glue.signal[i]), signals.confidence[i]);
  p = write_json_round4(put(p, glue.stage[static_cast<std::size_t>(signals.stage)]), signals.shouting);
  p = write_json_round4(put(p, glue.voice), signals.voice);
  p = put(p, glue.flags[(signals.useful ? 2 : 0) + (signals.credit ? 1 : 0)]);
  out.append(line, p);
}

void append_field(std::string& out, const char* name, std::string_view value) {
  out += ",\"";
  out += name;
  out += "\":";
  append_json_string(out, value);
}

void append_count(std::string& out, const char* name, const std::optional<std::int64_t>& value) {
  if (!value) return;
  out += ",\"";
  out += name;
  out += "\":";
  out += std::to_string(*value);
}

}  // namespace

void append_score_line(std::string& out, const Post& post, const PostScore& score) {
  out += "{\"id\":";
  append_json_string(out, post.id);
  append_scores(out, score);
  out += '}';
}

void append_post_object(std::string& out, const PostView& post, const PostScore& score) {
  out += "{\"id\":";
  append_json_string(out, post.id);
  out += ",\"record\":";
  out += std::to_string(post.record);
  if (!post.author.empty()) append_field(out, "author", post.author);
  if (post.created_at) append_field(out, "created_at", format_iso8601(*post.created_at));
  append_field(out, "kind", kind_name(post.kind));
  if (!post.reply_to_id.empty()) append_field(out, "reply_to_id", post.reply_to_id);
  if (!post.reply_to_author.empty()) append_field(out, "reply_to_author", post.reply_to_author);
  if (!post.url.empty()) append_field(out, "url", post.url);
  append_count(out, "likes", post.likes);
  append_count(out, "reposts", post.reposts);
  append_count(out, "replies", post.replies);
  append_count(out, "quotes", post.quotes);
  append_field(out, "text", post.text);
  append_scores(out, score);
}

void append_skipped_line(std::string& out, const RecordIssue& skipped) {
  out += "{\"record\":";
  out += std::to_string(skipped.where.record);
  out += ",\"skipped\":";
  append_json_string(out, skipped.reason);
  out += '}';
}

nlohmann::ordered_json sentiment_json(const Sentiment& s) {
  return {{"compound", round4(s.compound)},
          {"label", label_name(s.label)},
          {"positive", round4(s.positive)},
          {"neutral", round4(s.neutral)},
          {"negative", round4(s.negative)}};
}

nlohmann::ordered_json signals_json(const Signals& signals) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < kSignalCount; ++i) {
    j[std::string(signal_name(static_cast<Signal>(i)))] = round4(signals.confidence[i]);
  }
  return j;
}

nlohmann::ordered_json tone_json(const Signals& signals) {
  return {{"shouting", round4(signals.shouting)}, {"voice", round4(signals.voice)}};
}

nlohmann::ordered_json issue_json(const RecordIssue& issue) {
  nlohmann::ordered_json j;
  const SourceLocation& w = issue.where;
  if (w.record != 0) j["record"] = w.record;
  if (w.line != 0) {
    j["line"] = w.line;
    j["column"] = w.column;
    j["byte_offset"] = w.byte_offset;
  }
  if (!w.pointer.empty()) j["pointer"] = w.pointer;
  j["reason"] = issue.reason;
  return j;
}

}  // namespace loopscore
