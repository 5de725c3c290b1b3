#include "loopscore/json_text.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
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

// append_json_round4 rounds once: it must write what append_json_number(round4(v)) writes.
TEST(JsonText, Round4InOneStepWritesTheSameText) {
  const auto two_steps = [](double v) {
    std::string out;
    loopscore::append_json_number(out, loopscore::round4(v));
    return out;
  };
  const auto one_step = [](double v) {
    std::string out;
    loopscore::append_json_round4(out, v);
    return out;
  };
  std::vector<double> values = {0.0, -0.0, 0.00005, -0.00005, 0.49999999999999994, 1e-300, -1e-300, 1e15, -1e15,
                                112589990684.2623, 112589990684.2625, -112589990684.2625, 1e300,
                                std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN()};
  std::mt19937_64 random(7);
  for (int i = 0; i < 100000; ++i) {
    std::uint64_t bits = random();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    values.push_back(v);  // any double
    values.push_back((static_cast<double>(random() % 20001) - 10000.0) / 10000.0 + (random() % 2 ? 0.00005 : 0.0));
    values.push_back(std::ldexp(static_cast<double>(random() % 2000001) - 1e6, static_cast<int>(random() % 80) - 40));
  }
  for (const double v : values) EXPECT_EQ(one_step(v), two_steps(v)) << v;
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
