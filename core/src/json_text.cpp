#include "loopscore/json_text.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>

namespace loopscore {

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t run_start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
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

namespace {

// Appends k / 10^4 as nlohmann writes it: four decimals, trailing zeros trimmed, ".0" for integers.
void append_ten_thousandths(std::string& out, std::int64_t k) {
  if (k < 0) {
    out.push_back('-');
    k = -k;
  }
  char buffer[24];
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, k / 10000);  // no locale, no format parsing
  out.append(buffer, written.ptr);
  out.push_back('.');
  int frac = static_cast<int>(k % 10000);
  if (frac == 0) {
    out.push_back('0');
    return;
  }
  char digits[4];
  for (int i = 3; i >= 0; --i) {
    digits[i] = static_cast<char>('0' + frac % 10);
    frac /= 10;
  }
  int len = 4;
  while (digits[len - 1] == '0') --len;
  out.append(digits, static_cast<std::size_t>(len));
}

// nlohmann's text for a number (out of line: its large stack frame is set up only when needed).
[[gnu::noinline]] std::string dump_number(double value) { return nlohmann::json(value).dump(); }

}  // namespace

void append_json_number(std::string& out, double rounded_value) {
  // A value produced by round4 is k / 10^4; its shortest round-trip form (what nlohmann
  // writes) is k written with four decimals, trailing zeros trimmed, and ".0" for integers.
  const double scaled = std::round(rounded_value * 10000.0);
  if (!(std::fabs(scaled) < 9007199254740992.0)) {  // beyond 2^53 (or not finite): k would not be exact
    out += dump_number(rounded_value);
    return;
  }
  append_ten_thousandths(out, static_cast<std::int64_t>(scaled));
}

void append_json_round4(std::string& out, double value) {
  // k = round(value × 10^4) is what round4 divides by 10^4 and append_json_number gets back by
  // multiplying again: below 2^50 the error of that division and multiplication (two roundings,
  // each within 2^-53 of k) stays under 1/4, so rounding returns k itself. Larger values, and
  // NaN and infinities, take the two steps.
  const double scaled = std::round(value * 10000.0);
  if (!(std::fabs(scaled) < 1125899906842624.0)) {
    append_json_number(out, round4(value));
    return;
  }
  append_ten_thousandths(out, static_cast<std::int64_t>(scaled));
}

}  // namespace loopscore
