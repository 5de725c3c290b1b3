// analyze and score: read, judge each post, write the output.
#include "loopscore/analysis.hpp"

#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "loopscore/json_text.hpp"
#include "loopscore/post_json.hpp"
#include "loopscore/post_scorer.hpp"
#include "loopscore/time.hpp"
#include "loopscore/version.hpp"

namespace loopscore {

namespace {

using ordered_json = nlohmann::ordered_json;

constexpr std::size_t kFlushBytes = 1 << 16;

// Running totals over the posts of one input.
struct Totals {
  std::size_t posts = 0;
  std::size_t positive = 0, neutral = 0, negative = 0;
  double compound_sum = 0;
  std::optional<TimeMs> first, last;
  std::set<std::string> authors;

  void add(const Post& post, const PostScore& score) {
    ++posts;
    switch (score.sentiment.label) {
      case SentimentLabel::positive: ++positive; break;
      case SentimentLabel::negative: ++negative; break;
      case SentimentLabel::neutral: ++neutral; break;
    }
    compound_sum += score.sentiment.compound;
    if (post.created_at) {
      if (!first || *post.created_at < *first) first = post.created_at;
      if (!last || *post.created_at > *last) last = post.created_at;
    }
    if (!post.author.empty()) authors.insert(post.author);
  }
};

ordered_json optional_time(const std::optional<TimeMs>& t) {
  return t ? ordered_json(format_iso8601(*t)) : ordered_json(nullptr);
}

ordered_json input_json(const ReadSummary& read, const Totals& totals) {
  ordered_json j;
  j["format"] = format_name(read.format);
  j["records_read"] = read.records_read;
  j["records_used"] = read.records_used;
  j["records_skipped"] = read.records_skipped;
  j["skipped"] = ordered_json::array();
  for (const RecordIssue& issue : read.skipped) j["skipped"].push_back(issue_json(issue));
  j["warning_count"] = read.warning_count;
  j["warnings"] = ordered_json::array();
  for (const RecordIssue& issue : read.warnings) j["warnings"].push_back(issue_json(issue));
  j["invalid_utf8_replaced"] = read.invalid_utf8_replaced;
  j["authors"] = totals.authors.size();
  j["first_post_at"] = optional_time(totals.first);
  j["last_post_at"] = optional_time(totals.last);
  return j;
}

ordered_json summary_json(const Totals& t) {
  ordered_json sentiment;
  sentiment["positive"] = t.positive;
  sentiment["neutral"] = t.neutral;
  sentiment["negative"] = t.negative;
  sentiment["mean_compound"] = t.posts == 0 ? 0.0 : round4(t.compound_sum / static_cast<double>(t.posts));
  const std::size_t polar = t.positive + t.negative;
  sentiment["net_sentiment"] =
      polar == 0 ? ordered_json(nullptr)
                 : ordered_json(round4((static_cast<double>(t.positive) - static_cast<double>(t.negative)) /
                                       static_cast<double>(polar)));
  sentiment["net_sentiment_formula"] = "(positive - negative) / (positive + negative)";
  ordered_json j;
  j["posts"] = t.posts;
  j["sentiment"] = std::move(sentiment);
  return j;
}

template <typename Value>
Value get_option(const nlohmann::json& value, const std::string& name) {
  try {
    return value.get<Value>();
  } catch (const nlohmann::json::exception&) {
    throw std::invalid_argument("option \"" + name + "\" has the wrong type: " + value.dump());
  }
}

}  // namespace

AnalysisOptions parse_options_json(std::string_view json_text) {
  AnalysisOptions options;
  if (json_text.find_first_not_of(" \t\r\n") == std::string_view::npos) return options;
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(json_text.begin(), json_text.end());
  } catch (const nlohmann::json::parse_error& e) {
    throw std::invalid_argument(std::string("options are not valid JSON: ") + e.what());
  }
  if (!j.is_object()) throw std::invalid_argument("options must be a JSON object");
  for (const auto& [key, value] : j.items()) {
    if (key == "format") {
      const auto name = get_option<std::string>(value, key);
      const auto format = parse_format(name);
      if (!format) throw std::invalid_argument("unknown format \"" + name + "\" (auto, text, json, jsonl)");
      options.read.format = *format;
    } else if (key == "pretty") {
      options.pretty = get_option<bool>(value, key);
    } else if (key == "include_posts") {
      options.include_posts = get_option<bool>(value, key);
    } else if (key == "fields") {
      if (!value.is_object()) throw std::invalid_argument("option \"fields\" must be an object");
      for (const auto& [field, name] : value.items()) {
        if (!options.read.fields.prefer(field, get_option<std::string>(name, "fields." + field))) {
          throw std::invalid_argument("unknown field \"" + field + "\" in option \"fields\"");
        }
      }
    } else if (key == "limits") {
      if (!value.is_object()) throw std::invalid_argument("option \"limits\" must be an object");
      ReadLimits& limits = options.read.limits;
      for (const auto& [limit, number] : value.items()) {
        if (!number.is_number_unsigned()) {
          throw std::invalid_argument("option \"limits." + limit + "\" must be a whole number >= 0, not " +
                                      number.dump());
        }
        const auto n = number.get<std::size_t>();
        if (limit == "max_input_bytes") limits.max_input_bytes = n;
        else if (limit == "max_post_bytes") limits.max_post_bytes = n;
        else if (limit == "max_posts") limits.max_posts = n;
        else if (limit == "max_depth") limits.max_depth = n;
        else throw std::invalid_argument("unknown limit \"" + limit + "\"");
      }
    } else {
      throw std::invalid_argument("unknown option \"" + key + "\"");
    }
  }
  return options;
}

void analyze(std::string_view input, const AnalysisOptions& options, const TextSink& out) {
  PostScorer scorer;
  Totals totals;
  ordered_json posts = ordered_json::array();
  const ReadSummary read = read_posts(input, options.read, [&](Post& post) {
    const PostScore score = scorer.score(post);
    totals.add(post, score);
    if (options.include_posts) posts.push_back(post_json(post, score));
  });
  ordered_json report;
  report["schema"] = kReportSchema;
  report["generator"] = {{"name", "loopscore"}, {"version", kVersion}};
  report["input"] = input_json(read, totals);
  report["summary"] = summary_json(totals);
  if (options.include_posts) report["posts"] = std::move(posts);
  std::string text = report.dump(options.pretty ? 2 : -1);
  text += '\n';
  out(text);
}

ReadSummary score(std::string_view input, const AnalysisOptions& options, const TextSink& out) {
  PostScorer scorer;
  std::string buffer;
  buffer.reserve(kFlushBytes + 4096);
  const auto flush_if_full = [&]() {
    if (buffer.size() >= kFlushBytes) {
      out(buffer);
      buffer.clear();
    }
  };
  const ReadSummary read = read_posts(
      input, options.read,
      [&](Post& post) {
        append_score_line(buffer, post, scorer.score(post));
        buffer += '\n';
        flush_if_full();
      },
      [&](const RecordIssue& skipped) {
        append_skipped_line(buffer, skipped);
        buffer += '\n';
        flush_if_full();
      });
  if (!buffer.empty()) out(buffer);
  return read;
}

std::string analyze_to_string(std::string_view input, const AnalysisOptions& options) {
  std::string result;
  analyze(input, options, [&result](std::string_view piece) { result.append(piece); });
  return result;
}

std::string score_to_string(std::string_view input, const AnalysisOptions& options) {
  std::string result;
  score(input, options, [&result](std::string_view piece) { result.append(piece); });
  return result;
}

}  // namespace loopscore
