// indent_json: the pretty report's indentation, done on the text; it must be nlohmann's dump(2).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "json_indent.hpp"

namespace loopscore {
namespace {

using nlohmann::ordered_json;

TEST(JsonIndent, IsWhatNlohmannIndentsByteForByte) {
  const ordered_json value = {
      {"plain", 1},
      {"empty_object", ordered_json::object()},
      {"empty_array", ordered_json::array()},
      {"nested", {{"list", {1, 2.5, -0.0001, true, nullptr, "x"}}, {"deeper", {{"a", ordered_json::array({ordered_json::object()})}}}}},
      {"tricky strings", {"{not, an: object}", "[1,2]", "quote \" inside", "ends with backslash \\", "\\\"", "tab\tand\nnewline",
                          "\u00e9 and \U0001F600", "", ":", ","}},
      {"key with \"quotes\", commas: and {braces}", "value"},
  };
  EXPECT_EQ(indent_json(value.dump()), value.dump(2));
  EXPECT_EQ(indent_json(value.dump(), 4), value.dump(4));
  EXPECT_EQ(indent_json(value["tricky strings"].dump()), value["tricky strings"].dump(2));
}

TEST(JsonIndent, ScalarsAndEmptiesStayAsTheyAre) {
  for (const char* text : {"1", "\"a{b\"", "null", "{}", "[]", "[[]]", "{\"a\":{}}"}) {
    EXPECT_EQ(indent_json(text), ordered_json::parse(text).dump(2)) << text;
  }
}

}  // namespace
}  // namespace loopscore
