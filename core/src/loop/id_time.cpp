#include "loopscore/loop/id_time.hpp"

#include <charconv>
#include <cstdint>

namespace loopscore {

namespace {

constexpr TimeMs kTwitterEpochMs = 1288834974657;  // 2010-11-04T01:42:54.657Z
constexpr TimeMs kEarliest = 1136073600000;        // 2006-01-01, before any of these platforms
constexpr TimeMs kLatest = 4102444800000;          // 2100-01-01

std::optional<std::uint64_t> parse_decimal(std::string_view s) {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return value;
}

// Bluesky TIDs: 13 characters of base32-sortable ("234567abcdefghijklmnopqrstuvwxyz"),
// 64 bits: 0, 53 bits of microseconds since the epoch, 10 bits of clock id.
std::optional<TimeMs> tid_time(std::string_view id) {
  if (const std::size_t slash = id.rfind('/'); slash != std::string_view::npos) id.remove_prefix(slash + 1);
  if (id.size() != 13) return std::nullopt;
  std::uint64_t value = 0;
  for (const char c : id) {
    int digit;
    if (c >= '2' && c <= '7') digit = c - '2';
    else if (c >= 'a' && c <= 'z') digit = c - 'a' + 6;
    else return std::nullopt;
    value = (value << 5) | static_cast<std::uint64_t>(digit);
  }
  // 13 × 5 = 65 bits: the first character carries only the top bit, which must be zero.
  if (id[0] > 'j') return std::nullopt;
  return static_cast<TimeMs>((value >> 10) / 1000);
}

}  // namespace

IdClock id_clock_of(Platform platform) {
  switch (platform) {
    case Platform::x: return IdClock::x_snowflake;
    case Platform::mastodon: return IdClock::mastodon;
    case Platform::bluesky: return IdClock::bluesky_tid;
    default: return IdClock::none;
  }
}

std::string_view id_clock_name(IdClock clock) {
  switch (clock) {
    case IdClock::x_snowflake: return "x_snowflake";
    case IdClock::mastodon: return "mastodon";
    case IdClock::bluesky_tid: return "bluesky_tid";
    case IdClock::none: break;
  }
  return "none";
}

std::optional<TimeMs> time_from_id(std::string_view id, IdClock clock) {
  std::optional<TimeMs> t;
  switch (clock) {
    case IdClock::x_snowflake:
      // Ids below the first day of snowflakes are the old sequential ids, which carry no time.
      if (const auto v = parse_decimal(id); v && (*v >> 22) >= 86400000) {
        t = static_cast<TimeMs>(*v >> 22) + kTwitterEpochMs;
      }
      break;
    case IdClock::mastodon:
      if (const auto v = parse_decimal(id)) t = static_cast<TimeMs>(*v >> 16);
      break;
    case IdClock::bluesky_tid: t = tid_time(id); break;
    case IdClock::none: break;
  }
  if (t && (*t < kEarliest || *t > kLatest)) return std::nullopt;
  return t;
}

}  // namespace loopscore
