#include "loopscore/loop/loop_score.hpp"

#include <gtest/gtest.h>

#include "loop_test_support.hpp"

namespace loopscore {
namespace {

using testing::make_corpus;
using testing::PostBuilder;

TEST(LoopScore, ReweightsOverMeasuredDimensions) {
  const Corpus c = make_corpus({
      PostBuilder("p1", "acme").voice(0.5).useful(),
      PostBuilder("c1", "ann").replying_to("p1").with(Signal::love),
  });
  const LoopScore s = compute_loop_score(c);
  // Give 100, Calm 100, Face 50, Love 100 measured; Respond, Advocacy, Rhythm not.
  EXPECT_DOUBLE_EQ(*s.dimensions[1].value, 100.0);
  EXPECT_DOUBLE_EQ(*s.dimensions[2].value, 100.0);
  EXPECT_DOUBLE_EQ(*s.dimensions[3].value, 50.0);
  EXPECT_DOUBLE_EQ(*s.dimensions[4].value, 100.0);
  EXPECT_FALSE(s.dimensions[0].value);
  EXPECT_FALSE(s.dimensions[5].value);
  EXPECT_FALSE(s.dimensions[6].value);
  EXPECT_DOUBLE_EQ(s.measured_weight, 15 + 10 + 10 + 15);
  EXPECT_DOUBLE_EQ(*s.value, (15 * 100.0 + 10 * 100.0 + 10 * 50.0 + 15 * 100.0) / 50.0);
  const auto j = loop_json(c, s);
  EXPECT_EQ(j["score"]["not_measured"], nlohmann::ordered_json({"respond", "advocacy", "rhythm"}));
  EXPECT_EQ(j["score"]["note"],
            "re-weighted over the 4 measured dimensions (50.0 % of the weight); not measurable here: respond, advocacy, "
            "rhythm");
  EXPECT_TRUE(j["dimensions"]["respond"]["value"].is_null());
  EXPECT_EQ(j["dimensions"]["respond"]["not_measurable"],
            "no questions, requests or complaints were addressed to the owner in this input");
}

TEST(LoopScore, WeightsComeFromOptions) {
  LoopOptions options;
  options.weights[Dimension::face] = 0;
  const Corpus c = make_corpus({PostBuilder("p1", "acme").voice(0.0).useful()}, options);
  const LoopScore s = compute_loop_score(c);
  EXPECT_DOUBLE_EQ(*s.value, 100.0);  // Give 100 and Calm 100; Face (0) weighs nothing
  EXPECT_EQ(loop_json(c, s)["score"]["weights"]["face"], 0.0);
}

TEST(LoopScore, OnePostOnly) {
  const Corpus c = make_corpus({PostBuilder("only", "acme").voice(0.7)});
  const LoopScore s = compute_loop_score(c);
  EXPECT_DOUBLE_EQ(*s.value, (15 * 50.0 + 10 * 100.0 + 10 * 70.0) / 35.0);
  const auto j = loop_json(c, s);
  EXPECT_EQ(j["owner"]["posts"], 1);
  EXPECT_EQ(j["audience"]["posts"], 0);
  EXPECT_EQ(j["dimensions"]["love"]["not_measurable"], "this input holds no posts from the audience");
  EXPECT_EQ(j["charts"]["timeline"]["points"].size(), 0u);
}

TEST(LoopScore, NothingMeasurable) {
  const Corpus c = make_corpus({PostBuilder("x", "ann")});  // the named owner never posts
  const LoopScore s = compute_loop_score(c);
  // Love falls back to sentiment only when there is some; a neutral post leaves nothing.
  EXPECT_FALSE(s.value);
  const auto j = loop_json(c, s);
  EXPECT_TRUE(j["score"]["value"].is_null());
  EXPECT_EQ(j["score"]["note"], "no dimension can be measured from this input");
  EXPECT_EQ(j["owner"]["note"], "no post in this input is by @acme");
}

TEST(LoopScore, ChartsTimelineFunnelAndResponseTimes) {
  const Corpus c = make_corpus({
      PostBuilder("p1", "acme").at("2024-03-04T08:00:00Z").label(SentimentLabel::positive, 0.5),
      PostBuilder("q1", "ann").at("2024-03-04T09:00:00Z").replying_to("p1").question().stage(Stage::consideration),
      PostBuilder("q2", "bob").at("2024-03-05T09:00:00Z").replying_to("p1").complaint().stage(Stage::use)
          .label(SentimentLabel::negative, -0.5),
      PostBuilder("a1", "acme").at("2024-03-04T09:20:00Z").replying_to("q1"),
      PostBuilder("a2", "acme").at("2024-03-06T13:00:00Z").replying_to("q2"),
  });
  const auto j = loop_json(c, compute_loop_score(c));
  const auto& points = j["charts"]["timeline"]["points"];
  ASSERT_EQ(points.size(), 3u);
  EXPECT_EQ(points[0]["date"], "2024-03-04");
  EXPECT_EQ(points[0]["owner_posts"], 2);
  EXPECT_EQ(points[0]["audience_posts"], 1);
  EXPECT_EQ(points[0]["positive"], 1);
  EXPECT_EQ(points[1]["negative"], 1);
  EXPECT_EQ(j["charts"]["stage_funnel"]["consideration"], 1);
  EXPECT_EQ(j["charts"]["stage_funnel"]["use"], 1);
  EXPECT_EQ(j["charts"]["response_times"][0]["count"], 1);  // 20 min
  EXPECT_EQ(j["charts"]["response_times"][3]["count"], 1);  // 28 h
  EXPECT_EQ(j["threads"]["conversations"], 1);
  EXPECT_EQ(j["threads"]["max_depth"], 2);
}

}  // namespace
}  // namespace loopscore
