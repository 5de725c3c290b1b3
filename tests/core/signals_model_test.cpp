// The learned heads: the logistic curve made of + − × ÷ only, the generated tables agreeing with
// this build, and the whole pipeline on texts whose answer is not in doubt.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "signals_test_support.hpp"

namespace loopscore {
namespace {

using testing::scored;

TEST(SignalModel, LogisticIsCloseToTheRealOneAndMonotone) {
  EXPECT_EQ(logistic(0.0), 0.5);
  double previous = 0;
  for (double z = -30; z <= 30; z += 0.01) {
    const double p = logistic(z);
    EXPECT_NEAR(p, 1 / (1 + std::exp(-z)), 1e-4) << z;
    EXPECT_GE(p, previous) << z;
    EXPECT_NEAR(logistic(-z), 1 - p, 1e-12) << z;
    previous = p;
  }
  EXPECT_EQ(logistic(1e300), 1.0);
  EXPECT_EQ(logistic(-1e300), 0.0);
}

TEST(SignalModel, GeneratedTablesMatchThisBuild) {
  ASSERT_GT(kSignalTables.dense_count, 0u) << "no model: run tools/train_signals (docs/signals.md)";
  ASSERT_EQ(kSignalTables.dense_count, kDenseCount);
  for (std::size_t f = 0; f < kDenseCount; ++f) EXPECT_EQ(kSignalTables.dense_names[f], dense_name(f));
  for (std::size_t h = 0; h < kHeadCount; ++h) {
    EXPECT_EQ(kSignalTables.head_names[h], head_name(static_cast<Head>(h)));
  }
}

TEST(SignalModel, SomeWordsCarryLearnedWeights) {
  std::size_t weighted = 0;
  for (std::uint32_t r = 0; r < kSignalTables.record_count; ++r) {
    for (const std::int8_t w : kSignalTables.records[r].weights) weighted += w != 0;
  }
  EXPECT_GT(weighted, 100u);
}

TEST(SignalModel, ClearQuestionsAndStatements) {
  EXPECT_TRUE(scored("Do you deliver on Sundays?").signals.has(Signal::question));
  EXPECT_TRUE(scored("@acme where can I find the opening hours?").signals.has(Signal::question));
  EXPECT_FALSE(scored("We deliver on Sundays.").signals.has(Signal::question));
}

TEST(SignalModel, ClearRequests) {
  EXPECT_TRUE(scored("Please send me the invoice for my order").signals.has(Signal::request));
  EXPECT_FALSE(scored("The invoice was sent yesterday").signals.has(Signal::request));
}

TEST(SignalModel, ClearFeelings) {
  EXPECT_TRUE(scored("I love this so much ❤️").signals.has(Signal::love));
  EXPECT_FALSE(scored("The report is due on Friday").signals.has(Signal::love));
  EXPECT_TRUE(scored("Thank you so much for your help!").signals.has(Signal::gratitude));
  EXPECT_FALSE(scored("Help is on the way").signals.has(Signal::gratitude));
}

TEST(SignalModel, ConfidencesAreProbabilitiesAndTheSameEveryTime) {
  const PostScore a = scored("Do you ship to Norway? I really want one!!");
  const PostScore b = scored("Do you ship to Norway? I really want one!!");
  for (std::size_t k = 0; k < kSignalCount; ++k) {
    EXPECT_GE(a.signals.confidence[k], 0.0);
    EXPECT_LE(a.signals.confidence[k], 1.0);
    EXPECT_EQ(a.signals.confidence[k], b.signals.confidence[k]);
  }
  EXPECT_GE(a.signals.voice, 0.0);
  EXPECT_LE(a.signals.voice, 1.0);
}

TEST(SignalModel, ReviewSentencesWithoutLexiconWordsGetAPolarity) {
  // Neither sentence has a word in the sentiment lexicon; the polarity head learned such words.
  const PostScore returned = scored("Returned it the next day");
  EXPECT_EQ(returned.sentiment.compound, 0.0);
  EXPECT_EQ(returned.sentiment.label, SentimentLabel::negative);
  EXPECT_EQ(scored("The meeting is on Tuesday.").sentiment.label, SentimentLabel::neutral);
}

}  // namespace
}  // namespace loopscore
