#include "loopscore/loop/report_text.hpp"

#include <cmath>

#include "loopscore/time.hpp"

namespace loopscore {

std::string one_decimal(double value) {
  const auto tenths = static_cast<long long>(std::round(value * 10.0));
  const long long whole = (tenths < 0 ? -tenths : tenths) / 10;
  std::string text = tenths < 0 ? "-" : "";
  return text + std::to_string(whole) + "." + std::to_string((tenths < 0 ? -tenths : tenths) % 10);
}

std::string format_minutes(double minutes) {
  if (minutes < 90) return std::to_string(static_cast<long long>(std::round(minutes))) + " min";
  if (minutes < 48 * 60) return one_decimal(minutes / 60.0) + " h";
  return one_decimal(minutes / (24.0 * 60.0)) + " days";
}

std::string format_utc_offset(int minutes) {
  const char sign = minutes < 0 ? '-' : '+';
  const int m = minutes < 0 ? -minutes : minutes;
  const auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  return std::string(1, sign) + two(m / 60) + ":" + two(m % 60);
}

std::string count_phrase(std::size_t n, const std::string& singular, const std::string& plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

nlohmann::ordered_json post_ref_json(const Corpus& corpus, std::int32_t index) {
  const PostView& post = corpus.post(index).post;
  nlohmann::ordered_json j;
  j["id"] = post.id;
  if (!post.author.empty()) j["author"] = post.author;
  const auto& time = corpus.link(index).time;
  j["created_at"] = time ? nlohmann::ordered_json(format_iso8601(*time)) : nlohmann::ordered_json();
  if (!post.url.empty()) j["url"] = post.url;
  return j;
}

}  // namespace loopscore
