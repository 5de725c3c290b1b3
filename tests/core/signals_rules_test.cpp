// The rules of signal_rules.cpp, each with texts where it applies and texts where it must not. The
// learned heads are pinned (silent: every head says no), so these tests hold whatever the model.
#include <gtest/gtest.h>

#include "signals_test_support.hpp"

namespace loopscore {
namespace {

using testing::rules_only;

TEST(SignalRules, ComplaintNeedsABreachOfExpectations) {
  for (const char* text : {"@acme My parcel arrived damaged and nobody answers my emails.",
                           "Still waiting for my refund after three weeks, this is ridiculous",
                           "@acme the app keeps crashing since the update"}) {
    EXPECT_TRUE(rules_only(text).has(Signal::complaint)) << text;
  }
  for (const char* text : {"@acme Can I pick up my order at the store?",  // an inquiry
                           "Thanks for the quick delivery, lovely beans!",
                           "What a grey and rainy morning",  // a bad mood, nothing broken
                           "The new menu is out today"}) {
    EXPECT_FALSE(rules_only(text).has(Signal::complaint)) << text;
  }
}

TEST(SignalRules, ComplaintToACustomerServiceAccount) {
  // Said to a customer-service account, a let-down weighs more; a plain inquiry there is still none.
  for (const char* text : {"@AcmeHelp my order still has not come, two weeks now",
                           "@acme_support the router drops out every evening, really annoying"}) {
    EXPECT_TRUE(rules_only(text).has(Signal::complaint)) << text;
  }
  for (const char* text : {"@AcmeHelp do you ship to Norway?",  // an inquiry
                           "@AskAcme thank you, all sorted now!",
                           "@sam what a miserable day, rain again"}) {  // a mood said to a friend
    EXPECT_FALSE(rules_only(text).has(Signal::complaint)) << text;
  }
}

TEST(SignalRules, PurchaseIntentWantsToBuyOrJustDid) {
  for (const char* text : {"I want to buy the new headphones", "Just ordered two more bags",
                           "Finally got my new bike and I love it"}) {
    EXPECT_TRUE(rules_only(text).has(Signal::purchase_intent)) << text;
  }
  for (const char* text : {"I don't want to buy this", "The headphones broke after a week",
                           "The meeting starts at noon"}) {
    EXPECT_FALSE(rules_only(text).has(Signal::purchase_intent)) << text;
  }
}

TEST(SignalRules, PromotionByRuleIsAnOfferWithAWayToBuy) {
  for (const char* text : {"20% off everything this weekend, shop now at https://example.com/shop",
                           "Our winter range is in. Link in bio.",
                           "Use code SNOW10 for free shipping: https://example.com"}) {
    EXPECT_TRUE(rules_only(text).has(Signal::promo)) << text;
  }
  for (const char* text : {"Nothing to sell today, just a nice walk in the park",
                           "I tried the 10% off code and it failed twice",
                           "Free entry to the museum on Sundays"}) {  // an offer, but nothing to buy
    EXPECT_FALSE(rules_only(text).has(Signal::promo)) << text;
  }
}

TEST(SignalRules, ThePromotionHeadNeedsASignOfPushing) {
  HeadScores sure = testing::silent_heads();
  sure[static_cast<std::size_t>(Head::promo)] = 0.9;
  EXPECT_TRUE(rules_only("Subscribe to my channel for more", sure).has(Signal::promo));
  EXPECT_TRUE(rules_only("https://example.com/deal", sure).has(Signal::promo));  // a bare link
  EXPECT_FALSE(rules_only("@ann the report is here https://example.com/report.pdf for you to read", sure)
                   .has(Signal::promo));
  EXPECT_FALSE(rules_only("What a lovely song, I listen to it every day", sure).has(Signal::promo));
}

TEST(SignalRules, HeadsPassThrough) {
  HeadScores heads = testing::silent_heads();
  heads[static_cast<std::size_t>(Head::question)] = 0.8;
  heads[static_cast<std::size_t>(Head::gratitude)] = 0.7;
  const Signals s = rules_only("anything", heads);
  EXPECT_DOUBLE_EQ(s[Signal::question], 0.8);
  EXPECT_DOUBLE_EQ(s[Signal::gratitude], 0.7);
  EXPECT_FALSE(s.has(Signal::request));
}

TEST(SignalRules, StageOfTheFeedbackCycle) {
  EXPECT_EQ(rules_only("I highly recommend this bakery").stage, Stage::advocacy);
  EXPECT_EQ(rules_only("@acme My order arrived damaged, really disappointed").stage, Stage::opinion);
  EXPECT_EQ(rules_only("Just got my new bike").stage, Stage::purchase);
  EXPECT_EQ(rules_only("I've been using the app for a month").stage, Stage::use);
  EXPECT_EQ(rules_only("Thinking about switching to the new plan").stage, Stage::consideration);
  EXPECT_EQ(rules_only("Just heard about this place").stage, Stage::awareness);
  EXPECT_EQ(rules_only("The meeting starts at noon").stage, Stage::none);
}

TEST(SignalRules, ShoutingMarksEachKindOfNoise) {
  const Signals caps = rules_only("HUGE SALE TODAY ONLY");
  EXPECT_EQ(caps.shout_marks, kShoutCaps);
  EXPECT_GE(caps.shouting, 0.5);
  EXPECT_EQ(rules_only("wow this is great!!!").shout_marks, kShoutExclaims);
  EXPECT_EQ(rules_only("new post #coffee #morning #beans #roast").shout_marks, kShoutHashtags);
  EXPECT_EQ(rules_only("so good 🔥🔥🔥🔥").shout_marks, kShoutEmoji);
  const Signals calm = rules_only("A quiet Sunday at the roastery. See you soon!");
  EXPECT_EQ(calm.shout_marks, 0);
  EXPECT_EQ(calm.shouting, 0.0);
  EXPECT_EQ(rules_only("Visit the NASA site").shout_marks, 0);  // one acronym is not shouting
}

TEST(SignalRules, VoiceRisesWithAPersonAndFallsWithPressReleases) {
  EXPECT_GE(rules_only("Thanks so much, we'd love to see you again! - Ana").voice, 0.6);
  EXPECT_LE(rules_only("Acme Corp is pleased to announce a strategic partnership.").voice, 0.4);
  EXPECT_DOUBLE_EQ(rules_only("Opening hours change on Monday.").voice, 0.5);
}

TEST(SignalRules, UsefulIsTipsHowTosAndAnswers) {
  EXPECT_TRUE(rules_only("Tip: rinse the paper filter before you brew.").useful);
  EXPECT_TRUE(rules_only("@ann Yes, you can change it under Settings.").useful);
  EXPECT_TRUE(rules_only("Keep the beans in a dark jar.").useful);
  EXPECT_FALSE(rules_only("20% off all beans, shop now https://example.com").useful);  // a push
  EXPECT_FALSE(rules_only("What a lovely morning").useful);
}

TEST(SignalRules, CreditGoesToOthers) {
  EXPECT_TRUE(rules_only("Congrats to @lina on opening her bakery!").credit);
  EXPECT_TRUE(rules_only("Thank you @mara for the lovely photo").credit);
  EXPECT_TRUE(rules_only("Great read via @kemal").credit);
  EXPECT_FALSE(rules_only("@acme thanks for the help").credit);  // thanks to the addressee: gratitude
  EXPECT_FALSE(rules_only("Our new blend is out").credit);
}

TEST(SignalLabel, TheLexiconDecidesWhenItFoundSentiment) {
  HeadScores heads = testing::undecided_heads();
  Sentiment mild, strong;
  mild.compound = 0.3;
  mild.label = SentimentLabel::positive;
  strong.compound = 0.8;
  strong.label = SentimentLabel::positive;
  EXPECT_EQ(judge_label(mild, heads), SentimentLabel::positive);
  heads[static_cast<std::size_t>(Head::polarity)] = 0.0;  // a sure negative head outweighs a mild lexicon...
  EXPECT_EQ(judge_label(mild, heads), SentimentLabel::negative);
  EXPECT_EQ(judge_label(strong, heads), SentimentLabel::positive);  // ...not a strong one
}

TEST(SignalLabel, TheHeadsDecideWhereTheLexiconFoundNone) {
  HeadScores heads = testing::silent_heads();  // neutrality 0: no objection
  const Sentiment none;
  heads[static_cast<std::size_t>(Head::polarity)] = 0.9;
  EXPECT_EQ(judge_label(none, heads), SentimentLabel::positive);
  heads[static_cast<std::size_t>(Head::polarity)] = 0.1;
  EXPECT_EQ(judge_label(none, heads), SentimentLabel::negative);
  heads[static_cast<std::size_t>(Head::polarity)] = 0.55;  // not sure enough
  EXPECT_EQ(judge_label(none, heads), SentimentLabel::neutral);
  heads[static_cast<std::size_t>(Head::polarity)] = 0.9;
  heads[static_cast<std::size_t>(Head::neutral)] = 0.8;  // the neutrality head objects
  EXPECT_EQ(judge_label(none, heads), SentimentLabel::neutral);
}

}  // namespace
}  // namespace loopscore
