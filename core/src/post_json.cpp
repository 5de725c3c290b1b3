#include "loopscore/post_json.hpp"

#include "loopscore/json_text.hpp"
#include "loopscore/time.hpp"

namespace loopscore {

namespace {

// Appends ,"sentiment":{...},"signals":{...},"stage":..,"tone":{...},"useful":..,"credit":..
void append_scores(std::string& out, const PostScore& score) {
  const Sentiment& s = score.sentiment;
  out += ",\"sentiment\":{\"compound\":";
  append_json_round4(out, s.compound);
  out += ",\"label\":\"";
  out += label_name(s.label);
  out += "\",\"positive\":";
  append_json_round4(out, s.positive);
  out += ",\"neutral\":";
  append_json_round4(out, s.neutral);
  out += ",\"negative\":";
  append_json_round4(out, s.negative);
  out += "},\"signals\":{";
  const Signals& signals = score.signals;
  for (std::size_t i = 0; i < kSignalCount; ++i) {
    if (i > 0) out += ',';
    out += '"';
    out += signal_name(static_cast<Signal>(i));
    out += "\":";
    append_json_round4(out, signals.confidence[i]);
  }
  out += "},\"stage\":\"";
  out += stage_name(signals.stage);
  out += "\",\"tone\":{\"shouting\":";
  append_json_round4(out, signals.shouting);
  out += ",\"voice\":";
  append_json_round4(out, signals.voice);
  out += "},\"useful\":";
  out += signals.useful ? "true" : "false";
  out += ",\"credit\":";
  out += signals.credit ? "true" : "false";
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
