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

// The number writer rounds without libm and writes digits from a table: every number must still be
// exactly nlohmann's text for round4(v), for halves (0.00005 ties round away from zero), negatives,
// integers, large values near the 2^50 and 2^53 limits of the fast paths, and any double at all.
TEST(JsonText, Round4TextIsNlohmannsTextOfRound4) {
  std::vector<double> values = {0.0, -0.0, 0.00005, -0.00005, 0.00015, -0.00015, 0.99995, -0.99995, 1.0, -1.0,
                                2.0, 10.0, 100.0, 12345.0, -7.0, 0.5, -0.5, 0.49999999999999994, 9.99995,
                                1e-300, -1e-300, 5e-324, 1e15, -1e15, 112589990684.2623, 112589990684.2625,
                                -112589990684.2625, 112589990684.26245, 900719925474.0992, 1e300, -1e300,
                                std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(),
                                std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                                std::numeric_limits<double>::quiet_NaN()};
  for (int e = 40; e <= 56; ++e) {
    for (const double d : {-1.0, -0.5, -0.25, 0.0, 0.25, 0.5, 1.0}) {
      values.push_back((std::ldexp(1.0, e) + d) / 10000.0);
      values.push_back(-(std::ldexp(1.0, e) + d) / 10000.0);
    }
  }
  std::mt19937_64 random(11);
  for (int i = 0; i < 200000; ++i) {
    std::uint64_t bits = random();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    values.push_back(v);
    const double k = static_cast<double>(random() % 2000001) - 1000000.0;
    values.push_back(k / 10000.0);
    values.push_back((k + 0.5) / 10000.0);  // a tie, as near as a double gets
    values.push_back(std::nextafter((k + 0.5) / 10000.0, 0.0));
    values.push_back(std::nextafter((k + 0.5) / 10000.0, 1e9));
    values.push_back(std::ldexp(k, static_cast<int>(random() % 100) - 50));
  }
  for (const double v : values) {
    const std::string expected = nlohmann::json(loopscore::round4(v)).dump();
    std::string appended;
    loopscore::append_json_round4(appended, v);
    ASSERT_EQ(appended, expected) << v;
    char text[loopscore::kMaxJsonNumberChars];
    ASSERT_EQ(std::string(text, loopscore::write_json_round4(text, v)), expected) << v;
    std::string number;
    loopscore::append_json_number(number, loopscore::round4(v));
    ASSERT_EQ(number, expected) << v;
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
