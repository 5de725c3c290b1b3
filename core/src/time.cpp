#include "loopscore/time.hpp"

#include <array>
#include <cctype>
#include <cstdio>

namespace loopscore {

long long days_from_civil(long long y, unsigned m, unsigned d) {
  // Howard Hinnant's algorithm: exact for every proleptic Gregorian date.
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

namespace {

struct Civil {
  long long year;
  unsigned month, day;
};

Civil civil_from_days(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<long long>(yoe) + era * 400 + (m <= 2), m, d};
}

bool is_leap(long long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(long long y, unsigned m) {
  static constexpr std::array<unsigned, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// A cursor over the text with small parsing helpers.
struct Cursor {
  std::string_view s;
  std::size_t i = 0;
  bool done() const { return i >= s.size(); }
  char peek() const { return done() ? '\0' : s[i]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++i;
    return true;
  }
  void skip_spaces() {
    while (!done() && (s[i] == ' ' || s[i] == '\t')) ++i;
  }
  // Reads exactly `n` digits (n = 0: one or more).
  bool digits(int n, long long& value) {
    value = 0;
    int count = 0;
    while (!done() && std::isdigit(static_cast<unsigned char>(s[i])) && (n == 0 || count < n)) {
      value = value * 10 + (s[i] - '0');
      ++i;
      ++count;
      if (count > 18) return false;
    }
    return n == 0 ? count > 0 : count == n;
  }
  bool word(std::string_view& w) {
    const std::size_t start = i;
    while (!done() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
    w = s.substr(start, i - start);
    return !w.empty();
  }
};

int month_from_name(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kNames{"jan", "feb", "mar", "apr", "may", "jun",
                                                           "jul", "aug", "sep", "oct", "nov", "dec"};
  if (w.size() < 3) return 0;
  char lower[3];
  for (int k = 0; k < 3; ++k) lower[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(w[k])));
  for (std::size_t m = 0; m < kNames.size(); ++m) {
    if (std::string_view(lower, 3) == kNames[m]) return static_cast<int>(m) + 1;
  }
  return 0;
}

std::optional<TimeMs> compose(long long y, long long mo, long long d, long long h, long long mi,
                              long long sec, long long ms, long long offset_minutes) {
  if (y < 0 || y > 9999 || mo < 1 || mo > 12 || d < 1) return std::nullopt;
  if (d > days_in_month(y, static_cast<unsigned>(mo))) return std::nullopt;
  if (h > 23 || mi > 59 || sec > 60) return std::nullopt;  // 60: a leap second, read as :59 + 1
  const long long days = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  const long long seconds = days * 86400 + h * 3600 + mi * 60 + sec - offset_minutes * 60;
  return seconds * 1000 + ms;
}

// "Z", "+01:00", "+0100", "-05", "GMT", "UTC", "+0000"; empty means UTC.
bool parse_offset(Cursor& c, long long& minutes) {
  minutes = 0;
  c.skip_spaces();
  if (c.done()) return true;
  if (c.eat('Z') || c.eat('z')) return true;
  std::string_view w;
  const std::size_t start = c.i;
  if (c.word(w)) {
    if (w == "GMT" || w == "UTC" || w == "UT") return true;
    c.i = start;
    return false;
  }
  const char sign = c.peek();
  if (sign != '+' && sign != '-') return false;
  ++c.i;
  long long hh = 0, mm = 0;
  if (!c.digits(2, hh)) return false;
  c.eat(':');
  if (!c.done() && std::isdigit(static_cast<unsigned char>(c.peek())) && !c.digits(2, mm)) return false;
  if (hh > 18 || mm > 59) return false;
  minutes = (hh * 60 + mm) * (sign == '-' ? -1 : 1);
  return true;
}

// Fractional seconds after '.', any number of digits; keeps milliseconds.
long long parse_fraction(Cursor& c) {
  long long ms = 0;
  int count = 0;
  while (!c.done() && std::isdigit(static_cast<unsigned char>(c.peek()))) {
    if (count < 3) ms = ms * 10 + (c.peek() - '0');
    ++count;
    ++c.i;
  }
  for (; count < 3; ++count) ms *= 10;
  return ms;
}

std::optional<TimeMs> parse_iso(std::string_view s) {
  Cursor c{s};
  long long y, mo, d, h = 0, mi = 0, sec = 0, ms = 0, offset = 0;
  if (!c.digits(4, y) || !c.eat('-') || !c.digits(2, mo) || !c.eat('-') || !c.digits(2, d)) return std::nullopt;
  if (!c.done()) {
    if (!(c.eat('T') || c.eat('t') || c.eat(' '))) return std::nullopt;
    if (!c.digits(2, h) || !c.eat(':') || !c.digits(2, mi)) return std::nullopt;
    if (c.eat(':') && !c.digits(2, sec)) return std::nullopt;
    if (c.eat('.') || c.eat(',')) ms = parse_fraction(c);
    if (!parse_offset(c, offset)) return std::nullopt;
    c.skip_spaces();
    if (!c.done()) return std::nullopt;
  }
  return compose(y, mo, d, h, mi, sec, ms, offset);
}

// "Sat Feb 18 19:45:15 +0000 2023" (X legacy) and "Sat, 18 Feb 2023 19:45:15 GMT" (RFC 2822).
std::optional<TimeMs> parse_named_month(std::string_view s) {
  Cursor c{s};
  std::string_view w;
  long long y = 0, d = 0, h = 0, mi = 0, sec = 0, offset = 0;
  int mo = 0;
  c.skip_spaces();
  if (c.word(w) && month_from_name(w) == 0) {  // a weekday: skip it
    c.eat(',');
    c.skip_spaces();
  } else {
    c.i = 0;
  }
  const auto read_clock = [&]() {
    return c.digits(2, h) && c.eat(':') && c.digits(2, mi) && (!c.eat(':') || c.digits(2, sec));
  };
  if (std::isdigit(static_cast<unsigned char>(c.peek()))) {  // RFC 2822: 18 Feb 2023 19:45:15 GMT
    if (!c.digits(0, d)) return std::nullopt;
    c.skip_spaces();
    if (!c.word(w) || (mo = month_from_name(w)) == 0) return std::nullopt;
    c.skip_spaces();
    if (!c.digits(4, y)) return std::nullopt;
    c.skip_spaces();
    if (!c.done() && !read_clock()) return std::nullopt;
    if (!parse_offset(c, offset)) return std::nullopt;
  } else {  // X legacy: Feb 18 19:45:15 +0000 2023
    if (!c.word(w) || (mo = month_from_name(w)) == 0) return std::nullopt;
    c.skip_spaces();
    if (!c.digits(0, d)) return std::nullopt;
    c.skip_spaces();
    if (!read_clock()) return std::nullopt;
    c.skip_spaces();
    const std::size_t before_offset = c.i;
    if (!c.digits(4, y)) {
      c.i = before_offset;
      if (!parse_offset(c, offset)) return std::nullopt;
      c.skip_spaces();
      if (!c.digits(4, y)) return std::nullopt;
    }
  }
  c.skip_spaces();
  if (!c.done()) return std::nullopt;
  return compose(y, mo, d, h, mi, sec, 0, offset);
}

std::optional<TimeMs> parse_epoch(std::string_view s) {
  Cursor c{s};
  long long value = 0;
  if (!c.digits(0, value) || !c.done()) return std::nullopt;
  // Ten digits or fewer: seconds (until the year 2286); more: milliseconds.
  if (s.size() <= 10) return value * 1000;
  if (s.size() <= 13) return value;
  return std::nullopt;
}

// The common "2024-01-01T00:00:46.042Z" (24 characters) or "2024-01-01T00:00:46Z" (20), read at
// fixed places; false for anything else (then parse_iso reads it the same way, more slowly).
bool parse_fixed_iso(std::string_view s, std::optional<TimeMs>& out) {
  if (s.size() != 24 && s.size() != 20) return false;
  if (s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s.back() != 'Z') return false;
  if (s.size() == 24 && s[19] != '.') return false;
  bool digits = true;
  const auto number = [&](std::size_t at, std::size_t n) {
    long long value = 0;
    for (std::size_t k = at; k < at + n; ++k) {
      const unsigned digit = static_cast<unsigned char>(s[k]) - unsigned{'0'};
      digits &= digit < 10;
      value = value * 10 + digit;
    }
    return value;
  };
  const long long y = number(0, 4), mo = number(5, 2), d = number(8, 2), h = number(11, 2), mi = number(14, 2),
                  sec = number(17, 2), ms = s.size() == 24 ? number(20, 3) : 0;
  if (!digits) return false;
  out = compose(y, mo, d, h, mi, sec, ms, 0);
  return true;
}

// Writes `value` (0 <= value < 10^width) as `width` decimal digits at `at`.
void put_digits(char* at, long long value, int width) {
  for (int i = width - 1; i >= 0; --i, value /= 10) at[i] = static_cast<char>('0' + value % 10);
}

}  // namespace

std::optional<TimeMs> parse_time(std::string_view text) {
  if (std::optional<TimeMs> t; parse_fixed_iso(text, t)) return t;
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  if (text.empty() || text.size() > 64) return std::nullopt;
  if (auto t = parse_epoch(text)) return t;
  if (auto t = parse_iso(text)) return t;
  return parse_named_month(text);
}

std::string format_iso8601(TimeMs t) {
  long long days = t / 86400000;
  long long rest = t % 86400000;
  if (rest < 0) {
    rest += 86400000;
    --days;
  }
  const Civil c = civil_from_days(days);
  const long long ms = rest % 1000;
  const long long secs = rest / 1000;
  if (c.year < 0 || c.year > 9999) {  // beyond four digits: rare enough for printf
    char buffer[48];
    int n = std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lld", c.year, c.month, c.day,
                          secs / 3600, secs / 60 % 60, secs % 60);
    if (ms != 0) n += std::snprintf(buffer + n, sizeof buffer - static_cast<std::size_t>(n), ".%03lld", ms);
    return std::string(buffer, static_cast<std::size_t>(n)) + 'Z';
  }
  // Digits by hand: this runs for every post of an analysis's per-post list, where printf also
  // made the wasm engine optimise printf's core on a page's first analysis (docs/performance.md).
  std::string out(ms != 0 ? 24 : 20, 'Z');  // YYYY-MM-DDTHH:MM:SS[.mmm]Z
  char* p = out.data();
  put_digits(p, c.year, 4);
  p[4] = '-';
  put_digits(p + 5, c.month, 2);
  p[7] = '-';
  put_digits(p + 8, c.day, 2);
  p[10] = 'T';
  put_digits(p + 11, secs / 3600, 2);
  p[13] = ':';
  put_digits(p + 14, secs / 60 % 60, 2);
  p[16] = ':';
  put_digits(p + 17, secs % 60, 2);
  if (ms != 0) {
    p[19] = '.';
    put_digits(p + 20, ms, 3);
  }
  return out;
}

}  // namespace loopscore
