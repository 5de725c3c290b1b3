#include "loopscore/json_text.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

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
