#include "loopscore/time.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <iterator>
#include <optional>
#include <random>
#include <string>

using loopscore::format_iso8601;
using loopscore::parse_time;
using loopscore::TimeMs;

namespace {

constexpr loopscore::TimeMs kFeb18 = 1676749515000;  // 2023-02-18T19:45:15Z

TEST(ParseTime, Iso8601Forms) {
  EXPECT_EQ(parse_time("2023-02-18T19:45:15Z"), kFeb18);
  EXPECT_EQ(parse_time("2023-02-18T19:45:15.000Z"), kFeb18);
  EXPECT_EQ(parse_time("2023-02-18T19:45:15.25Z"), kFeb18 + 250);
  EXPECT_EQ(parse_time("2023-02-18T20:45:15+01:00"), kFeb18);
  EXPECT_EQ(parse_time("2023-02-18T14:45:15-0500"), kFeb18);
  EXPECT_EQ(parse_time("2023-02-18 19:45:15"), kFeb18);
  EXPECT_EQ(parse_time("2023-02-18"), kFeb18 - (19 * 3600 + 45 * 60 + 15) * 1000LL);
}

TEST(ParseTime, XLegacyAndRfc2822) {
  EXPECT_EQ(parse_time("Sat Feb 18 19:45:15 +0000 2023"), kFeb18);
  EXPECT_EQ(parse_time("Sat, 18 Feb 2023 19:45:15 GMT"), kFeb18);
  EXPECT_EQ(parse_time("Sat, 18 Feb 2023 20:45:15 +0100"), kFeb18);
}

TEST(ParseTime, EpochSecondsAndMilliseconds) {
  EXPECT_EQ(parse_time("1676749515"), kFeb18);
  EXPECT_EQ(parse_time("1676749515000"), kFeb18);
}

TEST(ParseTime, RejectsNonsense) {
  EXPECT_FALSE(parse_time(""));
  EXPECT_FALSE(parse_time("yesterday"));
  EXPECT_FALSE(parse_time("2023-02-30T00:00:00Z"));  // no 30 February
  EXPECT_FALSE(parse_time("2023-13-01"));
  EXPECT_FALSE(parse_time("2023-02-18T25:00:00Z"));
  EXPECT_FALSE(parse_time("2023-02-18T19:45:15Zjunk"));
}

TEST(ParseTime, ExtremeYears) {
  EXPECT_EQ(parse_time("0000-01-01T00:00:00Z"), loopscore::days_from_civil(0, 1, 1) * 86400000LL);
  EXPECT_EQ(format_iso8601(*parse_time("9999-12-31T23:59:59Z")), "9999-12-31T23:59:59Z");
  EXPECT_EQ(format_iso8601(*parse_time("0000-01-01T00:00:00Z")), "0000-01-01T00:00:00Z");
}

// parse_time reads the usual "2024-01-01T00:00:46.042Z" and "...46Z" at fixed places; a leading
// space sends the same text down the general path, which must agree on every mutation.
TEST(ParseTime, FixedIsoFormsReadAsTheGeneralPathDoes) {
  EXPECT_EQ(parse_time("2023-02-18T19:45:15.250Z"), kFeb18 + 250);
  EXPECT_EQ(parse_time("2024-02-29T00:00:00.000Z"), parse_time("2024-02-29"));
  EXPECT_EQ(parse_time("2023-02-29T00:00:00.000Z"), std::nullopt);
  EXPECT_EQ(parse_time("2023-02-18T24:00:00Z"), std::nullopt);
  const std::string seeds[] = {"2024-01-01T00:00:46.042Z", "2023-02-18T19:45:15Z", "9999-12-31T23:59:60.999Z",
                               "0000-01-01T00:00:00.000Z", "2024-02-29T12:30:59Z"};
  const std::string alphabet = "0123456789-:.TtZz +/a\x00";
  std::mt19937 random(5);
  for (int round = 0; round < 200000; ++round) {
    std::string s = seeds[random() % std::size(seeds)];
    const int edits = static_cast<int>(random() % 3);
    for (int e = 0; e < edits; ++e) s[random() % s.size()] = alphabet[random() % alphabet.size()];
    ASSERT_EQ(parse_time(s), parse_time(" " + s)) << s;
  }
}

TEST(FormatIso8601, WritesMillisecondsOnlyWhenPresent) {
  EXPECT_EQ(format_iso8601(kFeb18), "2023-02-18T19:45:15Z");
  EXPECT_EQ(format_iso8601(kFeb18 + 7), "2023-02-18T19:45:15.007Z");
  EXPECT_EQ(format_iso8601(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_iso8601(-1000), "1969-12-31T23:59:59Z");
}

// The digits written by hand read back as the same instant for random times over years 0-9999, the
// last millisecond of 9999 included, and years beyond four digits (written by printf) keep their
// sign and padding.
TEST(FormatIso8601, RoundTripsEveryFieldAndYearsBeyondFourDigits) {
  std::mt19937_64 random(11);
  const TimeMs first = *parse_time("0000-01-01T00:00:00Z");
  const TimeMs last = *parse_time("9999-12-31T23:59:59.999Z");
  for (int round = 0; round < 100000; ++round) {
    const TimeMs t = first + static_cast<TimeMs>(random() % static_cast<std::uint64_t>(last - first + 1));
    const std::string text = format_iso8601(t);
    ASSERT_EQ(text.size(), t % 1000 == 0 ? 20u : 24u) << text;
    ASSERT_EQ(parse_time(text), t) << text;
  }
  EXPECT_EQ(format_iso8601(last), "9999-12-31T23:59:59.999Z");
  EXPECT_EQ(format_iso8601(last + 1), "10000-01-01T00:00:00Z");
  EXPECT_EQ(format_iso8601(first - 1), "-001-12-31T23:59:59.999Z");
}

}  // namespace
