// UTF-8 repair in pieces equals repair in one go; JSON pointers are found in the text.
#include <gtest/gtest.h>

#include <random>

#include "json_locator.hpp"
#include "utf8.hpp"

namespace loopscore {
namespace {

TEST(Utf8Repairer, AnySplitGivesTheOneShotResult) {
  std::mt19937 rng(42);
  const std::string alphabet[] = {"a",        "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xFF",     "\xC3",
                                  "\xE2\x82", "\x80",     "\xF0\x9F",     "\xED\xA0\x80",     "\xC0\xAF", "\n"};
  for (int round = 0; round < 300; ++round) {
    std::string input;
    for (int i = 0; i < 40; ++i) input += alphabet[rng() % std::size(alphabet)];
    std::string expected;
    const std::size_t replaced = repair_utf8(input, expected);
    Utf8Repairer repairer;
    std::string got;
    for (std::size_t at = 0; at < input.size();) {
      const std::size_t n = std::min<std::size_t>(1 + rng() % 5, input.size() - at);
      repairer.repair(std::string_view(input).substr(at, n), got, false);
      at += n;
    }
    repairer.repair({}, got, true);
    ASSERT_EQ(got, expected) << "round " << round;
    ASSERT_EQ(repairer.replaced(), replaced);
    ASSERT_TRUE(is_valid_utf8(got));
  }
}

TEST(JsonLocator, FindsValuesByPointerInDocumentOrderAndBack) {
  const std::string json = R"({"a": [10, {"b~/c": "x", "d": [true, null]}, "s,]}"], "e": {"f": 1}})";
  JsonLocator locator(json);
  EXPECT_EQ(locator.find(""), 0u);
  EXPECT_EQ(json.substr(locator.find("/a/0"), 2), "10");
  EXPECT_EQ(json.substr(locator.find("/a/1/b~0~1c"), 3), "\"x\"");
  EXPECT_EQ(json.substr(locator.find("/a/1/d/1"), 4), "null");
  EXPECT_EQ(json.substr(locator.find("/a/2"), 3), "\"s,");
  EXPECT_EQ(json.substr(locator.find("/e/f"), 1), "1");
  EXPECT_EQ(json.substr(locator.find("/a/1"), 5), "{\"b~/");  // going back
  EXPECT_EQ(locator.find("/a/3"), std::string::npos);
  EXPECT_EQ(locator.find("/zz"), std::string::npos);
  EXPECT_EQ(locator.find("/e/f/g"), std::string::npos);
}

}  // namespace
}  // namespace loopscore
