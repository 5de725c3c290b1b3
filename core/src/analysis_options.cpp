// AnalysisOptions from JSON, as the WebAssembly boundary and library users pass them.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "loopscore/analysis.hpp"

namespace loopscore {

namespace {

using nlohmann::json;

template <typename Value>
Value get_option(const json& value, const std::string& name) {
  try {
    return value.get<Value>();
  } catch (const json::exception&) {
    throw std::invalid_argument("option \"" + name + "\" has the wrong type: " + value.dump());
  }
}

std::size_t get_count(const json& value, const std::string& name) {
  if (!value.is_number_unsigned()) {
    throw std::invalid_argument("option \"" + name + "\" must be a whole number >= 0, not " + value.dump());
  }
  return value.get<std::size_t>();
}

void read_limits(const json& value, ReadLimits& limits) {
  if (!value.is_object()) throw std::invalid_argument("option \"limits\" must be an object");
  for (const auto& [limit, number] : value.items()) {
    const std::size_t n = get_count(number, "limits." + limit);
    if (limit == "max_input_bytes") limits.max_input_bytes = n;
    else if (limit == "max_post_bytes") limits.max_post_bytes = n;
    else if (limit == "max_posts") limits.max_posts = n;
    else if (limit == "max_depth") limits.max_depth = n;
    else if (limit == "max_record_bytes") limits.max_record_bytes = n;
    else if (limit == "max_document_bytes") limits.max_document_bytes = n;
    else throw std::invalid_argument("unknown limit \"" + limit + "\"");
  }
}

void read_weights(const json& value, Weights& weights) {
  if (!value.is_object()) throw std::invalid_argument("option \"weights\" must be an object");
  for (const auto& [key, number] : value.items()) {
    bool known = false;
    for (std::size_t d = 0; d < kDimensionCount; ++d) {
      if (key != dimension_key(static_cast<Dimension>(d))) continue;
      const auto w = get_option<double>(number, "weights." + key);
      if (!(w >= 0 && w <= 1000)) throw std::invalid_argument("weight \"" + key + "\" must be between 0 and 1000");
      weights.value[d] = w;
      known = true;
    }
    if (!known) throw std::invalid_argument("unknown dimension \"" + key + "\" in option \"weights\"");
  }
}

}  // namespace

bool parse_business_hours(std::string_view text, LoopOptions& options) {
  const std::size_t dash = text.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 >= text.size() || text.size() > 5) return false;
  int start = 0, end = 0;
  for (char c : text.substr(0, dash)) {
    if (c < '0' || c > '9') return false;
    start = start * 10 + (c - '0');
  }
  for (char c : text.substr(dash + 1)) {
    if (c < '0' || c > '9') return false;
    end = end * 10 + (c - '0');
  }
  if (start >= end || end > 24) return false;
  options.business_start_hour = start;
  options.business_end_hour = end;
  return true;
}

AnalysisOptions parse_options_json(std::string_view json_text) {
  AnalysisOptions options;
  if (json_text.find_first_not_of(" \t\r\n") == std::string_view::npos) return options;
  json j;
  try {
    j = json::parse(json_text.begin(), json_text.end());
  } catch (const json::exception& e) {
    throw std::invalid_argument(std::string("options are not valid JSON: ") + e.what());
  }
  if (!j.is_object()) throw std::invalid_argument("options must be a JSON object");
  for (const auto& [key, value] : j.items()) {
    if (key == "format") {
      const auto name = get_option<std::string>(value, key);
      const auto format = parse_format(name);
      if (!format) throw std::invalid_argument("unknown format \"" + name + "\"");
      options.read.format = *format;
    } else if (key == "pretty") {
      options.pretty = get_option<bool>(value, key);
    } else if (key == "include_posts") {
      options.include_posts = get_option<bool>(value, key);
    } else if (key == "input_name") {
      options.input_name = get_option<std::string>(value, key);
    } else if (key == "owner") {
      options.loop.owner = get_option<std::string>(value, key);
    } else if (key == "timezone") {
      const auto text = get_option<std::string>(value, key);
      const auto offset = parse_utc_offset(text);
      if (!offset) throw std::invalid_argument("option \"timezone\" must be a UTC offset like \"+02:00\", not \"" + text + "\"");
      options.loop.utc_offset_minutes = *offset;
    } else if (key == "business_hours") {
      const auto text = get_option<std::string>(value, key);
      if (!parse_business_hours(text, options.loop)) {
        throw std::invalid_argument("option \"business_hours\" must look like \"9-17\", not \"" + text + "\"");
      }
    } else if (key == "followers") {
      // Compared as 64 bits: std::size_t is 32 bits in WebAssembly, where no count exceeds the cap.
      const std::uint64_t followers = get_count(value, key);
      if (followers > static_cast<std::uint64_t>(INT64_MAX)) {
        throw std::invalid_argument("option \"followers\" must be at most " + std::to_string(INT64_MAX) + ", not " +
                                    value.dump());
      }
      options.loop.followers = static_cast<std::int64_t>(followers);
    } else if (key == "weights") {
      read_weights(value, options.loop.weights);
    } else if (key == "fields") {
      if (!value.is_object()) throw std::invalid_argument("option \"fields\" must be an object");
      for (const auto& [field, name] : value.items()) {
        if (!options.read.fields.prefer(field, get_option<std::string>(name, "fields." + field))) {
          throw std::invalid_argument("unknown field \"" + field + "\" in option \"fields\"");
        }
      }
    } else if (key == "limits") {
      read_limits(value, options.read.limits);
    } else {
      throw std::invalid_argument("unknown option \"" + key + "\"");
    }
  }
  return options;
}

}  // namespace loopscore
