// The synthetic brand month (scripts/gen-brand-month) plants known figures: so many questions,
// so many answered after so long, so many promotions. The report must reproduce every one.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>

#include "loopscore/analysis.hpp"
#include "test_support.hpp"

namespace loopscore {
namespace {

using nlohmann::json;
using testing::fixture_path;
using testing::read_file;

class BrandMonth : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    planted_ = new json(json::parse(read_file(fixture_path("loop/brand-month.planted.json"))));
    AnalysisOptions options;
    options.loop.owner = "@" + (*planted_)["owner"].get<std::string>();
    options.loop.utc_offset_minutes = *parse_utc_offset((*planted_)["utc_offset"].get<std::string>());
    report_ = new json(json::parse(analyze_to_string(read_file(fixture_path("loop/brand-month.jsonl")), options)));
  }
  static void TearDownTestSuite() {
    delete planted_;
    delete report_;
  }
  static const json& planted() { return *planted_; }
  static const json& loop() { return (*report_)["loop"]; }
  static const json& dimension(const char* key) { return loop()["dimensions"][key]; }

 private:
  static json* planted_;
  static json* report_;
};

json* BrandMonth::planted_ = nullptr;
json* BrandMonth::report_ = nullptr;

TEST_F(BrandMonth, OwnerAndAudience) {
  EXPECT_EQ(loop()["owner"]["handle"], planted()["owner"]);
  EXPECT_EQ(loop()["owner"]["source"], "option");
  EXPECT_EQ(loop()["owner"]["posts"], planted()["owner_posts"]);
  EXPECT_EQ(loop()["audience"]["posts"], planted()["audience_posts"]);
}

TEST_F(BrandMonth, QuestionsRequestsAndComplaints) {
  const json& in = dimension("respond")["inputs"];
  EXPECT_EQ(in["needing_answer"], planted()["needing_answer"]);
  EXPECT_EQ(in["questions"], planted()["questions"]);
  EXPECT_EQ(in["complaints"], planted()["complaints"]);
  EXPECT_EQ(in["requests"], planted()["requests"]);
  EXPECT_EQ(in["answered"], planted()["answered"]);
}

TEST_F(BrandMonth, ResponseTimes) {
  std::vector<double> minutes = planted()["response_minutes"].get<std::vector<double>>();
  std::sort(minutes.begin(), minutes.end());
  const std::size_t n = minutes.size();
  const double median = n % 2 ? minutes[n / 2] : (minutes[n / 2 - 1] + minutes[n / 2]) / 2;
  const std::size_t rank90 = static_cast<std::size_t>(std::ceil(0.9 * double(n)));
  const json& times = dimension("respond")["details"]["response_times"];
  EXPECT_EQ(times["count"], n);
  EXPECT_DOUBLE_EQ(times["median_minutes"].get<double>(), median);
  EXPECT_DOUBLE_EQ(times["p90_minutes"].get<double>(), minutes[rank90 - 1]);
  EXPECT_NEAR(times["fastest90_mean_minutes"].get<double>(),
              std::accumulate(minutes.begin(), minutes.begin() + rank90, 0.0) / double(rank90), 1e-4);
  EXPECT_NEAR(times["mean_minutes"].get<double>(), std::accumulate(minutes.begin(), minutes.end(), 0.0) / double(n),
              1e-4);
}

TEST_F(BrandMonth, BusinessHoursAndOffHours) {
  const json& d = dimension("respond")["details"];
  EXPECT_EQ(d["business_hours"]["needing_answer"], planted()["business_hours"]["needing"]);
  EXPECT_EQ(d["business_hours"]["answered"], planted()["business_hours"]["answered"]);
  EXPECT_EQ(d["off_hours"]["needing_answer"], planted()["off_hours"]["needing"]);
  EXPECT_EQ(d["off_hours"]["answered"], planted()["off_hours"]["answered"]);
}

TEST_F(BrandMonth, UnansweredOldestFirstAndRepeatAskers) {
  std::vector<std::string> unanswered;
  for (const json& post : dimension("respond")["details"]["unanswered"]) unanswered.push_back(post["id"]);
  EXPECT_EQ(unanswered, planted()["unanswered_ids"].get<std::vector<std::string>>());
  const json& repeat = dimension("respond")["details"]["repeat_askers_unanswered"];
  ASSERT_EQ(repeat.size(), planted()["repeat_askers"].size());
  for (std::size_t i = 0; i < repeat.size(); ++i) {
    EXPECT_EQ(repeat[i]["author"], planted()["repeat_askers"][i]["author"]);
    EXPECT_EQ(repeat[i]["post_ids"], planted()["repeat_askers"][i]["post_ids"]);
  }
  EXPECT_EQ(dimension("respond")["details"]["answered_by_others_only"], planted()["answered_by_others_only"]);
}

TEST_F(BrandMonth, PromotionsBurstsAndRepeats) {
  EXPECT_EQ(dimension("give")["inputs"]["pushing"], planted()["promotions"]);
  EXPECT_EQ(dimension("calm")["inputs"]["burst_posts"], planted()["burst_posts"]);
  EXPECT_EQ(dimension("calm")["inputs"]["duplicates"], planted()["duplicates"]);
  EXPECT_EQ(dimension("calm")["inputs"]["near_duplicates"], 0);
}

TEST_F(BrandMonth, EngagementRates) {
  const json& e = dimension("rhythm")["details"]["engagement"];
  const double posts = planted()["counted_posts"].get<double>();
  EXPECT_EQ(e["applause_rate"]["posts"], planted()["counted_posts"]);
  EXPECT_NEAR(e["applause_rate"]["per_post"].get<double>(), planted()["likes"].get<double>() / posts, 1e-4);
  EXPECT_NEAR(e["amplification_rate"]["per_post"].get<double>(), planted()["reposts"].get<double>() / posts, 1e-4);
  EXPECT_NEAR(e["conversation_rate"]["per_post"].get<double>(), planted()["replies"].get<double>() / posts, 1e-4);
}

TEST_F(BrandMonth, EveryDimensionMeasuredAndExplained) {
  EXPECT_EQ(loop()["score"]["not_measured"].size(), 0u);
  for (const auto& [key, d] : loop()["dimensions"].items()) {
    EXPECT_TRUE(d["value"].is_number()) << key;
    EXPECT_FALSE(d["recommendation"].get<std::string>().empty()) << key;
    EXPECT_FALSE(d["formula"].get<std::string>().empty()) << key;
  }
}

}  // namespace
}  // namespace loopscore
