#include "loopscore/json_text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>

#include "json_plain_run.hpp"

namespace loopscore {

namespace {

// "00", "01", ..., "99": two digits written at once.
constexpr std::array<char, 200> kDigitPairs = [] {
  std::array<char, 200> pairs{};
  for (int i = 0; i < 100; ++i) {
    pairs[static_cast<std::size_t>(2 * i)] = static_cast<char>('0' + i / 10);
    pairs[static_cast<std::size_t>(2 * i + 1)] = static_cast<char>('0' + i % 10);
  }
  return pairs;
}();

// How many of the two digits of 0..99 are trailing zeros (0 counts as both).
constexpr std::array<std::uint8_t, 100> kTrailingZeros = [] {
  std::array<std::uint8_t, 100> zeros{};
  for (std::size_t i = 0; i < 100; ++i) zeros[i] = i == 0 ? 2 : i % 10 == 0 ? 1 : 0;
  return zeros;
}();

// Writes k / 10^4 as nlohmann writes it (four decimals, trailing zeros trimmed, ".0" for
// integers) at `p`, which has kMaxJsonNumberChars of room; returns the end.
char* write_ten_thousandths(char* p, std::int64_t k) {
  if (k < 0) {
    *p++ = '-';
    k = -k;
  }
  const std::int64_t whole = k / 10000;
  const auto frac = static_cast<unsigned>(k % 10000);
  if (whole < 10) {
    *p++ = static_cast<char>('0' + whole);
  } else {
    p = std::to_chars(p, p + 20, whole).ptr;  // no locale, no format parsing
  }
  *p++ = '.';
  // All four digits are written, then the length cut to drop trailing zeros (one "0" for none).
  const unsigned high = frac / 100, low = frac % 100;
  std::memcpy(p, &kDigitPairs[2 * high], 2);
  std::memcpy(p + 2, &kDigitPairs[2 * low], 2);
  const unsigned length = frac == 0 ? 1 : low != 0 ? 4 - kTrailingZeros[low] : 2 - kTrailingZeros[high];
  return p + length;
}

// nlohmann's text for a number (out of line: its large stack frame is set up only when needed).
[[gnu::noinline]] std::string dump_number(double value) { return nlohmann::json(value).dump(); }

// append_json_number's text at `p` (kMaxJsonNumberChars of room); returns the end.
char* write_json_number(char* p, double rounded_value) {
  // A value produced by round4 is k / 10^4; its shortest round-trip form (what nlohmann
  // writes) is k written with four decimals, trailing zeros trimmed, and ".0" for integers.
  // From 2^50 on (|value| above 1.1e11) doubles are too sparse for that: 725516325841.5229 is
  // written "725516325841.523". Those, and NaN and infinities, are left to nlohmann.
  const double scaled = std::round(rounded_value * 10000.0);
  if (!(std::fabs(scaled) < 1125899906842624.0)) {
    const std::string text = dump_number(rounded_value);  // at most 24 characters ("-1.2345678901234567e+308")
    const std::size_t n = std::min(text.size(), kMaxJsonNumberChars);
    std::memcpy(p, text.data(), n);
    return p + n;
  }
  return write_ten_thousandths(p, static_cast<std::int64_t>(scaled));
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t run_start = 0;
  for (std::size_t i = plain_run_end(s, 0); i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run_start, i - run_start);
    run_start = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
    }
  }
  out.append(s.data() + run_start, s.size() - run_start);
  out.push_back('"');
}

double round4(double value) {
  if (!std::isfinite(value)) return 0.0;
  // std::round is exact (no libm approximation), so native and wasm agree; +0.0 clears -0.
  return std::round(value * 10000.0) / 10000.0 + 0.0;
}

void append_json_number(std::string& out, double rounded_value) {
  char text[kMaxJsonNumberChars];
  out.append(text, write_json_number(text, rounded_value));
}

char* write_json_round4(char* p, double value) {
  // k = round(value × 10^4) is what round4 divides by 10^4 and append_json_number gets back by
  // multiplying again: below 2^50 the error of that division and multiplication (two roundings,
  // each within 2^-53 of k) stays under 1/4, so rounding returns k itself. Larger values, and
  // NaN and infinities, take the two steps.
  const double scaled = value * 10000.0;
  if (std::fabs(scaled) < 1125899906842624.0) {
    // std::round without the libm call (x86-64 before SSE4.1 has no rounding instruction): below
    // 2^52, adding the double just under 1/2 (with the sign of `scaled`) and truncating rounds
    // halves away from zero exactly; the sum itself rounds up only when the fraction is >= 1/2.
    const auto k = static_cast<std::int64_t>(scaled + std::copysign(0.49999999999999994, scaled));
    if (k != 1125899906842624 && k != -1125899906842624) return write_ten_thousandths(p, k);
  }
  return write_json_number(p, round4(value));
}

void append_json_round4(std::string& out, double value) {
  char text[kMaxJsonNumberChars];
  out.append(text, write_json_round4(text, value));
}

}  // namespace loopscore
