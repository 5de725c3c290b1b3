#include "loopscore/json_text.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>
#include <random>
#include <vector>

namespace {

std::string direct_number(double v) {
  std::string out;
  loopscore::append_json_number(out, loopscore::round4(v));
  return out;
}

TEST(JsonText, NumbersMatchNlohmannForEveryFourDecimalValue) {
  // Every value a score can take in [-2, 2] at 4 decimals, and some larger ones.
  for (int k = -20000; k <= 20000; ++k) {
    const double v = loopscore::round4(k / 10000.0);
    ASSERT_EQ(direct_number(v), nlohmann::json(v).dump()) << "k=" << k;
  }
  for (double v : {123.4567, 99999.5, 1234567.0001, -42.0}) {
    EXPECT_EQ(direct_number(v), nlohmann::json(loopscore::round4(v)).dump());
  }
}

TEST(JsonText, Round4ClearsNegativeZeroAndNonFinite) {
  EXPECT_EQ(direct_number(-0.00001), "0.0");
  EXPECT_EQ(direct_number(1.0 / 0.0), "0.0");
  EXPECT_EQ(loopscore::round4(0.12345), 0.1235);
  EXPECT_EQ(loopscore::round4(-0.12344), -0.1234);
}

// round4 rounds without std::round (a libm call on x86-64): it must give the very same bits.
TEST(JsonText, Round4IsStdRoundBitForBit) {
  const auto reference = [](double v) { return std::isfinite(v) ? std::round(v * 10000.0) / 10000.0 + 0.0 : 0.0; };
  const auto same_bits = [](double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; };
  std::vector<double> values = {0.0, -0.0, 0.00005, -0.00005, 0.00004999999999999999, 0.49999999999999994,
                                -0.49999999999999994, 0.5, -0.5, 1.5, -2.5, 1e-300, -1e-300, 1e15, -1e15, 4.5e11,
                                450359962737.0496, 1e300, -1e300, std::nextafter(0.5, 0.0) / 10000.0};
  std::mt19937_64 random(7);
  for (int i = 0; i < 200000; ++i) {
    std::uint64_t bits = random();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    values.push_back(v);                                                     // any double
    values.push_back(std::ldexp(static_cast<double>(random() % 2000001) - 1e6, -static_cast<int>(random() % 40)));  // halves, quarters...
    values.push_back((static_cast<double>(random() % 20001) - 10000.0) / 10000.0 + (random() % 2 ? 0.00005 : 0.0));
  }
  for (const double v : values) {
    EXPECT_TRUE(same_bits(loopscore::round4(v), reference(v))) << v;
  }
}

TEST(JsonText, StringsMatchNlohmann) {
  const std::string samples[] = {"", "plain", "quote \" and backslash \\", "tab\tnew\nline\r",
                                 std::string("nul\0byte", 8), "\x01\x1f\x7f", "emoji 😀 and é",
                                 "</script><b>", "\b\f"};
  for (const std::string& s : samples) {
    std::string out;
    loopscore::append_json_string(out, s);
    EXPECT_EQ(out, nlohmann::json(s).dump()) << s;
  }
}

}  // namespace
