// Give, Calm, Face, Love, Advocacy and Rhythm on hand-built corpora with hand-computed answers.
#include <gtest/gtest.h>

#include "loop_test_support.hpp"
#include "loopscore/loop/advocacy.hpp"
#include "loopscore/loop/calm.hpp"
#include "loopscore/loop/face.hpp"
#include "loopscore/loop/give.hpp"
#include "loopscore/loop/love.hpp"
#include "loopscore/loop/rhythm.hpp"

namespace loopscore {
namespace {

using testing::index_of;
using testing::make_corpus;
using testing::PostBuilder;

TEST(Give, GivingAgainstPushing) {
  const Corpus c = make_corpus({
      PostBuilder("q1", "ann"),
      PostBuilder("a1", "acme").replying_to("q1"),                        // an answer
      PostBuilder("t1", "acme").with(Signal::gratitude),                  // thanks
      PostBuilder("s1", "acme").kind(PostKind::repost),                   // sharing someone's post
      PostBuilder("x1", "acme").promo().with(Signal::gratitude),          // a push, even with thanks
      PostBuilder("n1", "acme"),                                          // neither
  });
  const GiveMetrics m = measure_give(c);
  EXPECT_EQ(m.owner_posts, 5u);
  EXPECT_EQ(m.giving, 3u);
  EXPECT_EQ(m.pushing, 1u);
  EXPECT_EQ(m.thanks, 2u);
  const DimensionResult r = give_dimension(c, m);
  EXPECT_DOUBLE_EQ(*r.value, 100.0 * 0.75 / 0.8);
  EXPECT_EQ(r.evidence, std::vector<std::string>{"x1"});
}

TEST(Give, EightyPercentGivingIsFullMarksAndNeitherIsFifty) {
  std::vector<PostBuilder> posts;
  for (int i = 0; i < 8; ++i) posts.push_back(PostBuilder("g" + std::to_string(i), "acme").useful());
  for (int i = 0; i < 2; ++i) posts.push_back(PostBuilder("p" + std::to_string(i), "acme").promo());
  Corpus c = make_corpus(posts);
  EXPECT_DOUBLE_EQ(*give_dimension(c, measure_give(c)).value, 100.0);
  c = make_corpus({PostBuilder("n1", "acme")});
  EXPECT_DOUBLE_EQ(*give_dimension(c, measure_give(c)).value, 50.0);
  c = make_corpus({PostBuilder("n1", "ann")});
  EXPECT_FALSE(give_dimension(c, measure_give(c)).value);
}

TEST(Calm, ShoutingBurstsAndRepeats) {
  const Corpus c = make_corpus({
      // Four posts within ten minutes: a burst.
      PostBuilder("b1", "acme").at("2024-03-04T10:00:00Z").fingerprint(1, 0x0000000000000000),
      PostBuilder("b2", "acme").at("2024-03-04T10:03:00Z").fingerprint(2, 0xFFFF00000000FFFF),
      PostBuilder("b3", "acme").at("2024-03-04T10:06:00Z").fingerprint(3, 0x00FF00FF00FF00FF),
      PostBuilder("b4", "acme").at("2024-03-04T10:09:00Z").fingerprint(1, 0x0000000000000000),  // word for word b1
      // Later, alone: loud, and nearly the same as b2 (two bits apart).
      PostBuilder("l1", "acme").at("2024-03-05T10:00:00Z").shouting(0.8, kShoutCaps | kShoutExclaims)
          .fingerprint(5, 0xFFFF00000000FFFC),
      PostBuilder("r1", "acme").at("2024-03-06T10:00:00Z").kind(PostKind::repost).shouting(1.0, kShoutCaps),
      PostBuilder("o1", "ann").at("2024-03-04T10:01:00Z"),  // the audience's posts do not count
  });
  const CalmMetrics m = measure_calm(c);
  EXPECT_EQ(m.posts, 5u);  // the repost is someone else's words
  EXPECT_EQ(m.bursts, 1u);
  EXPECT_EQ(m.burst_posts, 4u);
  EXPECT_EQ(m.duplicates, 1u);
  EXPECT_EQ(m.near_duplicates, 1u);
  EXPECT_EQ(m.caps, 1u);
  EXPECT_EQ(m.exclaims, 1u);
  EXPECT_DOUBLE_EQ(m.mean_shouting, 0.8 / 5);
  const DimensionResult r = calm_dimension(c, m);
  EXPECT_DOUBLE_EQ(*r.value, 100.0 * (1.0 - (0.5 * 0.16 + 0.25 * 2.0 / 5 + 0.25 * 4.0 / 5)));
  EXPECT_EQ(r.evidence.front(), "l1");
}

TEST(Calm, BurstsNeedFourPostsInTenMinutes) {
  const Corpus c = make_corpus({
      PostBuilder("a", "acme").at("2024-03-04T10:00:00Z"), PostBuilder("b", "acme").at("2024-03-04T10:04:00Z"),
      PostBuilder("c", "acme").at("2024-03-04T10:08:00Z"), PostBuilder("d", "acme").at("2024-03-04T10:12:00Z"),
  });
  EXPECT_EQ(measure_calm(c).burst_posts, 0u);  // 12 minutes from first to fourth
}

TEST(Calm, ManyPostsAtOneInstantStayLinear) {
  std::vector<PostBuilder> posts;
  for (int i = 0; i < 50000; ++i) posts.push_back(PostBuilder(std::to_string(i), "acme").at("2024-03-04T10:00:00Z"));
  const CalmMetrics m = measure_calm(make_corpus(posts));
  EXPECT_EQ(m.bursts, 1u);
  EXPECT_EQ(m.burst_posts, 50000u);
}

TEST(Face, MeanVoiceOfOwnPosts) {
  const Corpus c = make_corpus({
      PostBuilder("a", "acme").voice(0.2), PostBuilder("b", "acme").voice(0.8), PostBuilder("c", "acme").voice(0.9),
      PostBuilder("d", "acme").voice(0.5), PostBuilder("e", "acme").voice(0.0).kind(PostKind::repost),
      PostBuilder("f", "ann").voice(0.0),
  });
  const FaceMetrics m = measure_face(c);
  EXPECT_EQ(m.posts, 4u);
  EXPECT_EQ(m.press_release, 1u);
  EXPECT_EQ(m.human, 2u);
  const DimensionResult r = face_dimension(c, m);
  EXPECT_DOUBLE_EQ(*r.value, 60.0);
  EXPECT_EQ(r.evidence, std::vector<std::string>{"a"});
}

TEST(Love, LoveAndWantOverLikeAndAnger) {
  const Corpus c = make_corpus({
      PostBuilder("l1", "ann").with(Signal::love).label(SentimentLabel::positive, 0.9),
      PostBuilder("l2", "bob").with(Signal::love).label(SentimentLabel::positive, 0.7),
      PostBuilder("w1", "cat").with(Signal::want).label(SentimentLabel::positive, 0.5),
      PostBuilder("k1", "dan").with(Signal::like), PostBuilder("k2", "eve").with(Signal::like),
      PostBuilder("x1", "fay").with(Signal::anger).label(SentimentLabel::negative, -0.8),
      PostBuilder("o1", "acme").with(Signal::anger),  // the owner's feelings are not the audience's
  });
  const LoveMetrics m = measure_love(c);
  EXPECT_EQ(m.audience_posts, 6u);
  EXPECT_EQ(m.anger, 1u);
  const DimensionResult r = love_dimension(c, m);
  EXPECT_DOUBLE_EQ(*r.value, 100.0 * (2.0 * 3 + 2) / (2.0 * 6));
  EXPECT_EQ(r.evidence, (std::vector<std::string>{"l1", "l2", "w1", "x1"}));
}

TEST(Love, FallsBackToNetSentimentThenToNotMeasurable) {
  Corpus c = make_corpus({PostBuilder("a", "ann").label(SentimentLabel::positive, 0.5),
                          PostBuilder("b", "bob").label(SentimentLabel::positive, 0.5),
                          PostBuilder("c", "cat").label(SentimentLabel::negative, -0.5)});
  EXPECT_DOUBLE_EQ(*love_dimension(c, measure_love(c)).value, 50.0 * (1.0 + 1.0 / 3.0));
  c = make_corpus({PostBuilder("a", "ann")});
  EXPECT_FALSE(love_dimension(c, measure_love(c)).value);
}

TEST(Advocacy, RecommendersDetractorsAndMomentsOfTruth) {
  const Corpus c = make_corpus({
      PostBuilder("r1", "ann").stage(Stage::advocacy).at("2024-03-04T10:00:00Z"),
      PostBuilder("r2", "bob").stage(Stage::use).label(SentimentLabel::positive, 0.6).at("2024-03-04T11:00:00Z"),
      PostBuilder("d1", "cat").stage(Stage::opinion).complaint().at("2024-03-04T12:00:00Z"),
      PostBuilder("d2", "dan").stage(Stage::use).label(SentimentLabel::negative, -0.4).at("2024-03-04T09:00:00Z"),
      PostBuilder("n1", "eve").stage(Stage::use).at("2024-03-04T13:00:00Z"),
      PostBuilder("c1", "fay").stage(Stage::consideration),  // not talk about their experience
      PostBuilder("a1", "acme").replying_to("d1").at("2024-03-04T12:30:00Z"),
  });
  const AdvocacyMetrics m = measure_advocacy(c);
  EXPECT_EQ(m.experience, 5u);
  EXPECT_EQ(m.recommenders, 2u);
  EXPECT_EQ(m.detractors, 2u);
  EXPECT_EQ(m.answered, 1u);
  ASSERT_EQ(m.moments.size(), 5u);
  EXPECT_EQ(m.moments[0].post, index_of(c, "d2"));  // detractors first, oldest first
  EXPECT_EQ(m.moments[1].post, index_of(c, "d1"));
  EXPECT_EQ(m.moments[2].post, index_of(c, "n1"));
  const DimensionResult r = advocacy_dimension(c, m);
  EXPECT_DOUBLE_EQ(*r.value, 100.0 * (0.7 * (1.0 + 0.0) / 2.0 + 0.3 * 1.0 / 5.0));
  EXPECT_EQ(r.details["moments_of_truth"][1]["response_minutes"], 30.0);
  EXPECT_NE(r.recommendation.find("1 unhappy customer"), std::string::npos);
}

TEST(Rhythm, SteadyWeeksScoreFull) {
  // Two posts every week for three weeks (Mondays and Thursdays), 2024-03-04 is a Monday.
  std::vector<PostBuilder> posts;
  for (const char* day : {"04", "07", "11", "14", "18", "21"}) {
    posts.push_back(PostBuilder(day, "acme").at(std::string("2024-03-") + day + "T10:00:00Z").counts(10, 2, 4));
  }
  LoopOptions options;
  options.followers = 2000;
  const Corpus c = make_corpus(posts, options);
  const RhythmMetrics m = measure_rhythm(c);
  EXPECT_EQ(m.weeks, 3u);
  EXPECT_EQ(m.active_days, 6u);
  EXPECT_DOUBLE_EQ(m.weekly_cv, 0.0);
  EXPECT_DOUBLE_EQ(m.longest_gap_hours, 96.0);
  EXPECT_DOUBLE_EQ(m.posts_per_week, 2.0);
  EXPECT_EQ(m.heatmap[0][10], 3u);  // Mondays at 10:00
  EXPECT_EQ(m.heatmap[3][10], 3u);  // Thursdays
  EXPECT_DOUBLE_EQ(*m.applause.per_post, 10.0);
  EXPECT_DOUBLE_EQ(*m.conversation.per_post_per_1000_followers, 2.0);
  EXPECT_DOUBLE_EQ(*rhythm_dimension(c, m).value, 100.0);
}

TEST(Rhythm, UnevenWeeksAndLongSilence) {
  // Week 1: three posts; week 2: none; week 3: one post, 14 days after the last.
  const Corpus c = make_corpus({
      PostBuilder("a", "acme").at("2024-03-04T10:00:00Z"), PostBuilder("b", "acme").at("2024-03-05T10:00:00Z"),
      PostBuilder("c", "acme").at("2024-03-06T10:00:00Z"), PostBuilder("d", "acme").at("2024-03-20T10:00:00Z"),
  });
  const RhythmMetrics m = measure_rhythm(c);
  EXPECT_EQ(m.weeks, 3u);
  const double mean = 4.0 / 3.0;
  const double sd = std::sqrt(((3 - mean) * (3 - mean) + mean * mean + (1 - mean) * (1 - mean)) / 3.0);
  EXPECT_DOUBLE_EQ(m.weekly_cv, sd / mean);
  EXPECT_DOUBLE_EQ(m.longest_gap_hours, 14 * 24.0);
  const DimensionResult r = rhythm_dimension(c, m);
  EXPECT_DOUBLE_EQ(*r.value, 100.0 / (1.0 + sd / mean) * (1.0 - 7.0 / 21.0));
  EXPECT_EQ(r.evidence, std::vector<std::string>{"c"});  // the silence came after c
}

TEST(Rhythm, NeedsTwoWeeks) {
  const Corpus c = make_corpus({PostBuilder("a", "acme").at("2024-03-04T10:00:00Z"),
                                PostBuilder("b", "acme").at("2024-03-10T10:00:00Z")});
  const DimensionResult r = rhythm_dimension(c, measure_rhythm(c));
  EXPECT_FALSE(r.value);
  EXPECT_EQ(r.not_measurable, "the owner's dated posts span 6.0 days; rhythm needs at least 14");
}

}  // namespace
}  // namespace loopscore
