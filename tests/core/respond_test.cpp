#include "loopscore/loop/respond.hpp"

#include <gtest/gtest.h>

#include "loop_test_support.hpp"

namespace loopscore {
namespace {

using testing::index_of;
using testing::make_corpus;
using testing::PostBuilder;

TEST(Respond, RateTimesAndScoreByHand) {
  // Four questions to the owner; three answered after 30 min, 2 h and 30 h; one never.
  const Corpus c = make_corpus({
      PostBuilder("p1", "acme").at("2024-03-04T08:00:00Z"),
      PostBuilder("q1", "ann").at("2024-03-04T09:00:00Z").replying_to("p1").question(),
      PostBuilder("q2", "bob").at("2024-03-04T10:00:00Z").replying_to("p1").question(),
      PostBuilder("q3", "cat").at("2024-03-04T11:00:00Z").replying_to("p1").complaint(),
      PostBuilder("q4", "dan").at("2024-03-04T12:00:00Z").replying_to("p1").with(Signal::request),
      PostBuilder("c1", "eve").at("2024-03-04T12:30:00Z").replying_to("p1"),  // no answer needed
      PostBuilder("a1", "acme").at("2024-03-04T09:30:00Z").replying_to("q1"),
      PostBuilder("a2", "acme").at("2024-03-04T12:00:00Z").replying_to("q2"),
      PostBuilder("a3", "acme").at("2024-03-05T17:00:00Z").replying_to("q3"),
  });
  const RespondMetrics m = measure_respond(c);
  EXPECT_EQ(m.audience_posts, 5u);
  EXPECT_EQ(m.addressed, 5u);
  EXPECT_EQ(m.needing, 4u);
  EXPECT_EQ(m.questions, 2u);
  EXPECT_EQ(m.complaints, 1u);
  EXPECT_EQ(m.requests, 1u);
  EXPECT_EQ(m.answered, 3u);
  EXPECT_EQ(m.times.count, 3u);
  EXPECT_DOUBLE_EQ(*m.times.median, 120.0);
  EXPECT_DOUBLE_EQ(*m.times.p90, 1800.0);          // nearest rank: the 3rd of 3
  EXPECT_DOUBLE_EQ(*m.times.mean, 650.0);
  EXPECT_DOUBLE_EQ(*m.times.fastest90_mean, 650.0);  // ceil(0.9 × 3) = 3: all of them
  ASSERT_EQ(m.unanswered.size(), 1u);
  EXPECT_EQ(m.unanswered[0], index_of(c, "q4"));
  const DimensionResult r = respond_dimension(c, m);
  ASSERT_TRUE(r.value);
  const double speed = 1.0 - 0.5 * (120.0 - 60.0) / (1440.0 - 60.0);
  EXPECT_DOUBLE_EQ(*r.value, 100.0 * (0.7 * 0.75 + 0.3 * speed));
  EXPECT_EQ(r.evidence, std::vector<std::string>{"q4"});
  EXPECT_EQ(r.recommendation, "Answer the 1 open question or complaint, oldest first.");
}

TEST(Respond, FastestNinetyPercentDropsTheSlowestTenth) {
  std::vector<PostBuilder> posts{PostBuilder("p", "acme").at("2024-03-04T00:00:00Z")};
  for (int i = 0; i < 10; ++i) {
    const std::string q = "q" + std::to_string(i);
    posts.push_back(PostBuilder(q, "u" + std::to_string(i)).at("2024-03-04T01:00:00Z").replying_to("p").question());
    // Waits of 10, 20, ..., 90 minutes and one of 1000 minutes.
    const int wait = i < 9 ? 10 * (i + 1) : 1000;
    posts.push_back(PostBuilder("a" + std::to_string(i), "acme")
                        .at(format_iso8601(*parse_time("2024-03-04T01:00:00Z") + wait * 60000LL))
                        .replying_to(q));
  }
  const RespondMetrics m = measure_respond(make_corpus(posts));
  EXPECT_DOUBLE_EQ(*m.times.fastest90_mean, 50.0);  // mean of 10..90
  EXPECT_DOUBLE_EQ(*m.times.mean, 145.0);
  EXPECT_DOUBLE_EQ(*m.times.median, 55.0);          // (50 + 60) / 2
  EXPECT_DOUBLE_EQ(*m.times.p90, 90.0);
}

TEST(Respond, NoRepliesAtAll) {
  const Corpus c = make_corpus({
      PostBuilder("q1", "ann").at("2024-03-05T09:00:00Z").text("@acme where is my parcel?").question(),
      PostBuilder("q2", "bob").at("2024-03-04T09:00:00Z").text("@acme refund please").with(Signal::request),
  });
  const RespondMetrics m = measure_respond(c);
  EXPECT_EQ(m.needing, 2u);
  EXPECT_EQ(m.answered, 0u);
  ASSERT_EQ(m.unanswered.size(), 2u);
  EXPECT_EQ(m.unanswered[0], index_of(c, "q2"));  // oldest first
  const DimensionResult r = respond_dimension(c, m);
  EXPECT_DOUBLE_EQ(*r.value, 0.0);  // no dated answer: the rate alone
}

TEST(Respond, NotMeasurableWithoutAudienceOrWithoutQuestions) {
  const Corpus owner_only = make_corpus({PostBuilder("p1", "acme")});
  DimensionResult r = respond_dimension(owner_only, measure_respond(owner_only));
  EXPECT_FALSE(r.value);
  EXPECT_EQ(r.not_measurable, "this input holds no posts from the audience, so there is nothing to answer");
  const Corpus chatty = make_corpus({PostBuilder("p1", "acme"), PostBuilder("c1", "ann").replying_to("p1")});
  r = respond_dimension(chatty, measure_respond(chatty));
  EXPECT_FALSE(r.value);
  EXPECT_EQ(r.not_measurable, "no questions, requests or complaints were addressed to the owner in this input");
}

TEST(Respond, ThreadAnsweredBySomeoneElseIsStillOpen) {
  const Corpus c = make_corpus({
      PostBuilder("p1", "acme"),
      PostBuilder("q1", "ann").replying_to("p1").question(),
      PostBuilder("h1", "bob").replying_to("q1").text("try turning it off and on"),
  });
  const RespondMetrics m = measure_respond(c);
  EXPECT_EQ(m.answered, 0u);
  EXPECT_EQ(m.answered_by_others, 1u);
  EXPECT_EQ(m.unanswered.size(), 1u);
}

TEST(Respond, OwnerReplyingToItselfIsNoAnswerAndNoInbound) {
  const Corpus c = make_corpus({
      PostBuilder("p1", "acme").at("2024-03-04T08:00:00Z").question(),
      PostBuilder("p2", "acme").at("2024-03-04T08:05:00Z").replying_to("p1").text("(1/2) more below"),
  });
  const RespondMetrics m = measure_respond(c);
  EXPECT_EQ(m.needing, 0u);
  EXPECT_EQ(m.all_reply_delays.count, 0u);
}

TEST(Respond, RepliesToDeletedParentsAreDatedByTheirId) {
  // An owner-only export: replies whose parents are gone; X ids still date them.
  const Corpus c = make_corpus({
      PostBuilder("1627031510963441664", "acme").platform(Platform::x).replying_to("1627018396180140033", "ann"),
  });
  const RespondMetrics m = measure_respond(c);
  EXPECT_EQ(c.replies_to_absent_posts(), 1u);
  EXPECT_EQ(m.delays_from_ids, 1u);
  ASSERT_EQ(m.all_reply_delays.count, 1u);
  const double expected = double(*time_from_id("1627031510963441664", IdClock::x_snowflake) -
                                 *time_from_id("1627018396180140033", IdClock::x_snowflake)) /
                          60000.0;
  EXPECT_DOUBLE_EQ(*m.all_reply_delays.median, expected);
  EXPECT_FALSE(respond_dimension(c, m).value);  // no audience: the rate is unknowable
}

TEST(Respond, ClockSkewCountsAsAnImmediateAnswer) {
  const Corpus c = make_corpus({
      PostBuilder("q1", "ann").at("2024-03-04T10:00:00Z").text("@acme why?").question(),
      PostBuilder("a1", "acme").at("2024-03-04T09:58:00Z").replying_to("q1"),
  });
  const RespondMetrics m = measure_respond(c);
  EXPECT_EQ(m.clock_skew, 1u);
  EXPECT_DOUBLE_EQ(*m.times.median, 0.0);
  EXPECT_DOUBLE_EQ(*respond_dimension(c, m).value, 100.0);
}

TEST(Respond, RepeatAskersNeverAnswered) {
  const Corpus c = make_corpus({
      PostBuilder("p1", "acme"),
      PostBuilder("a1", "ann").at("2024-03-04T10:00:00Z").replying_to("p1").question(),
      PostBuilder("a2", "Ann").at("2024-03-05T10:00:00Z").replying_to("p1").question(),
      PostBuilder("b1", "bob").at("2024-03-04T10:00:00Z").replying_to("p1").question(),
      PostBuilder("b2", "bob").at("2024-03-05T10:00:00Z").replying_to("p1").question(),
      PostBuilder("r1", "acme").at("2024-03-05T11:00:00Z").replying_to("b2"),
  });
  const RespondMetrics m = measure_respond(c);
  ASSERT_EQ(m.repeat_unanswered.size(), 1u);
  EXPECT_EQ(m.repeat_unanswered[0].author, "ann");
  EXPECT_EQ(m.repeat_unanswered[0].posts.size(), 2u);
  EXPECT_NE(respond_dimension(c, m).recommendation.find("1 person has asked more than once"), std::string::npos);
}

TEST(Respond, BusinessHoursFollowTheOwnersClock) {
  LoopOptions tokyo;
  tokyo.utc_offset_minutes = 9 * 60;
  const std::vector<PostBuilder> posts{
      PostBuilder("p1", "acme"),
      // Monday 02:00 UTC = Monday 11:00 in UTC+9: business hours there, not in UTC.
      PostBuilder("q1", "ann").at("2024-03-04T02:00:00Z").replying_to("p1").question(),
      // Saturday 10:00 UTC: off-hours everywhere.
      PostBuilder("q2", "bob").at("2024-03-09T10:00:00Z").replying_to("p1").question(),
      PostBuilder("r1", "acme").at("2024-03-04T02:30:00Z").replying_to("q1"),
  };
  RespondMetrics m = measure_respond(make_corpus(posts, tokyo));
  EXPECT_EQ(m.business_hours.needing, 1u);
  EXPECT_EQ(m.business_hours.answered, 1u);
  EXPECT_DOUBLE_EQ(*m.business_hours.times.median, 30.0);
  EXPECT_EQ(m.off_hours.needing, 1u);
  EXPECT_EQ(m.off_hours.answered, 0u);
  m = measure_respond(make_corpus(posts));
  EXPECT_EQ(m.business_hours.needing, 0u);
  EXPECT_EQ(m.off_hours.needing, 2u);
}

TEST(Respond, SpeedScoreIsPiecewiseLinear) {
  EXPECT_DOUBLE_EQ(response_speed_score(0), 1.0);
  EXPECT_DOUBLE_EQ(response_speed_score(60), 1.0);
  EXPECT_DOUBLE_EQ(response_speed_score(1440), 0.5);
  EXPECT_DOUBLE_EQ(response_speed_score(2880), 0.25);
  EXPECT_DOUBLE_EQ(response_speed_score(99999), 0.0);
}

}  // namespace
}  // namespace loopscore
