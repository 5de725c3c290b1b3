// The features one pass over a post's tokens finds: cue classes from the lexicon, cue phrases,
// negation, sentence openings, punctuation, prices and signatures. Each with a text where it
// applies and one where it must not.
#include <gtest/gtest.h>

#include "signals_test_support.hpp"

namespace loopscore {
namespace {

using testing::Analysed;
using testing::has_cue;

double dense(const Analysed& a, Dense feature) { return a.features.dense[static_cast<std::size_t>(feature)]; }

TEST(SignalFeatures, WordsBringTheirCueClasses) {
  const Analysed a("Why is my parcel still missing?");
  EXPECT_TRUE(has_cue(a.features.cues, kCueWh | kCueI | kCueService | kCueStill | kCueProblem));
  EXPECT_FALSE(a.features.cues & (kCueLove | kCueThanks | kCueOffer));
  const Analysed b("The garden looks green today.");
  EXPECT_EQ(b.features.cues & (kCueWh | kCueProblem | kCueService), 0u);
}

TEST(SignalFeatures, CuePhrasesNeedTheirWordsSideBySide) {
  EXPECT_TRUE(Analysed("New colours are out, link in bio").features.cues & kCueShop);
  EXPECT_FALSE(Analysed("The link is in my bio").features.cues & kCueShop);
  EXPECT_TRUE(Analysed("I can't wait for Friday").features.cues & kCueWant);
  EXPECT_FALSE(Analysed("I can wait for Friday").features.cues & kCueWant);
}

TEST(SignalFeatures, ANegatorTakesTheNextThreeWords) {
  const Analysed negated("I really don't want a new phone");
  EXPECT_TRUE(negated.features.negated_cues & kCueWant);
  EXPECT_FALSE(negated.features.cues & kCueWant);
  EXPECT_EQ(dense(negated, Dense::negation), 1.0);
  const Analysed far("I don't think so, but I want a new phone");  // the comma ends the negation
  EXPECT_TRUE(far.features.cues & kCueWant);
  // A phrase that holds its own negation is not negated by it.
  EXPECT_TRUE(Analysed("The app is not working").features.cues & kCueProblem);
}

TEST(SignalFeatures, SentenceOpeningsAfterMentionsGreetingsAndStops) {
  EXPECT_TRUE(Analysed("@shop Can you check my order?").features.opening_cues & kCueAux);
  EXPECT_TRUE(Analysed("Hi, where is the nearest store?").features.opening_cues & kCueWh);
  EXPECT_TRUE(Analysed("Great day. Please send photos!").features.opening_cues & kCuePolite);
  EXPECT_TRUE(Analysed("Please send the photos").features.opening_cues & kCueCommand);  // after "please"
  EXPECT_FALSE(Analysed("I wonder what you think").features.opening_cues & kCueWh);  // not at the start
}

TEST(SignalFeatures, QuestionMarksAndWhatFollowsThem) {
  const Analysed ends("Is the cafe open today? 🙂 https://example.com");
  EXPECT_EQ(dense(ends, Dense::question_mark), 1.0);
  EXPECT_EQ(dense(ends, Dense::ends_with_question), 1.0);  // an emoji or a link may follow
  const Analysed goes_on("Is it open? I think so");
  EXPECT_EQ(dense(goes_on, Dense::question_mark), 1.0);
  EXPECT_EQ(dense(goes_on, Dense::ends_with_question), 0.0);
  EXPECT_EQ(dense(Analysed("It is open."), Dense::question_mark), 0.0);
}

TEST(SignalFeatures, ARetweetMarkerIsNoWordAndNoCommand) {
  const Analysed rt("RT @ann: Why is the sky blue?");
  EXPECT_TRUE(rt.features.retweet);
  EXPECT_FALSE(rt.features.opens_with_mention);
  EXPECT_TRUE(rt.features.opening_cues & kCueWh);
  EXPECT_FALSE(rt.features.cues & kCueCommand);
  const Analysed please_rt("Please RT this");
  EXPECT_FALSE(please_rt.features.retweet);
  EXPECT_TRUE(please_rt.features.cues & kCueCommand);
}

TEST(SignalFeatures, PricesAndShares) {
  EXPECT_TRUE(Analysed("Only $20 this week").features.price);
  EXPECT_TRUE(Analysed("Save 30% today").features.price);
  EXPECT_TRUE(Analysed("Tickets are 15 euros").features.price);
  EXPECT_TRUE(Analysed("A bag for €5").features.price);
  EXPECT_FALSE(Analysed("We opened 3 new cafes").features.price);
}

TEST(SignalFeatures, SignaturesAtTheVeryEnd) {
  EXPECT_TRUE(Analysed("Your order is on its way. - Sam").features.signed_off);
  EXPECT_TRUE(Analysed("Back tomorrow ^AB").features.signed_off);
  EXPECT_FALSE(Analysed("See you - soon").features.signed_off);
  EXPECT_FALSE(Analysed("Sam - your order is on its way").features.signed_off);
}

TEST(SignalFeatures, EmphasisCounts) {
  const Analysed loud("WHY IS THIS SO SLOW!!! #help #slow #app 😡😡");
  EXPECT_EQ(loud.features.caps_words, 3);  // WHY, THIS, SLOW; "IS" and "SO" are too short to count
  EXPECT_EQ(loud.features.longest_exclamation_run, 3);
  EXPECT_EQ(loud.features.hashtags, 3);
  EXPECT_EQ(loud.features.emoji, 2);
  const Analysed calm("why is this so slow");
  EXPECT_EQ(calm.features.caps_words, 0);
  EXPECT_EQ(calm.features.exclamation_marks, 0);
}

TEST(SignalFeatures, ContractionsAndMentions) {
  EXPECT_TRUE(Analysed("We're on it").features.contraction);
  EXPECT_TRUE(Analysed("We\u2019re on it").features.contraction);
  EXPECT_FALSE(Analysed("We are on it").features.contraction);
  EXPECT_TRUE(Analysed("@ann thanks").features.opens_with_mention);
  EXPECT_FALSE(Analysed("thanks @ann").features.opens_with_mention);
  EXPECT_EQ(Analysed("thanks @ann").features.mentions, 1);
}

TEST(SignalFeatures, CueFeaturesMirrorTheCueBits) {
  const Analysed a("Thanks for the tip!");
  for (int bit = 0; bit < kCueCount; ++bit) {
    EXPECT_EQ(a.features.dense[cue_feature(bit)], (a.features.cues >> bit) & 1u) << dense_name(cue_feature(bit));
  }
}

}  // namespace
}  // namespace loopscore
