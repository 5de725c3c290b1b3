#include "feed_items.hpp"

namespace loopscore {

namespace {

std::string collapse_space(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::string feed_item_text(const std::string& title, const std::string& body) {
  if (title.empty()) return body;
  if (body.empty()) return title;
  const std::string short_title = collapse_space(title);
  const std::string start = collapse_space(body.substr(0, title.size() + 16));
  if (short_title.empty() || start.rfind(short_title, 0) == 0) return body;
  // Titles cut short with "..." or "…" are the body's start too.
  for (std::string_view ellipsis : {"...", "…"}) {
    if (short_title.size() > ellipsis.size() &&
        short_title.compare(short_title.size() - ellipsis.size(), ellipsis.size(), ellipsis) == 0 &&
        start.rfind(short_title.substr(0, short_title.size() - ellipsis.size()), 0) == 0) {
      return body;
    }
  }
  return title + "\n\n" + body;
}

Platform feed_platform(std::string_view link, std::string_view generator) {
  if (link.find("://bsky.app/") != std::string_view::npos) return Platform::bluesky;
  if (generator.rfind("Mastodon", 0) == 0) return Platform::mastodon;
  return Platform::feed;
}

std::string feed_handle(std::string_view link) {
  constexpr std::string_view kBluesky = "://bsky.app/profile/";
  if (const std::size_t at = link.find(kBluesky); at != std::string_view::npos) {
    const std::string_view rest = link.substr(at + kBluesky.size());
    return std::string(rest.substr(0, rest.find('/')));
  }
  if (const std::size_t at = link.find("/@"); at != std::string_view::npos) {
    const std::string_view rest = link.substr(at + 2);
    return std::string(rest.substr(0, rest.find_first_of("/?#")));
  }
  return "";
}

}  // namespace loopscore
