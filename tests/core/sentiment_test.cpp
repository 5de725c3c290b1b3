// The sentiment engine: each rule with a case where it applies and one where it must not.
// Exact expectations are computed by hand from VADER's constants and lexicon valences
// (good 1.9, happy 2.7, great 3.1, bad -2.5); the rest are relations between texts.
#include "loopscore/sentiment.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace loopscore {
namespace {

constexpr double kGood = 1.9, kHappy = 2.7, kGreat = 3.1, kBad = -2.5;
constexpr double kBoost = 0.293, kNegation = -0.74, kCaps = 0.733, kExclamation = 0.292, kQuestion = 0.18;

// VADER's normalisation of a valence sum into [-1, 1].
double normalised(double sum) { return sum / std::sqrt(sum * sum + 15); }

double compound(std::string_view text) { return analyze_sentiment(text).compound; }

TEST(Sentiment, EmptyOrWordlessTextIsNeutralWithNoProportions) {
  for (const std::string_view text : {"", "   ", "!!! ... ???", "@user https://example.com"}) {
    const Sentiment s = analyze_sentiment(text);
    EXPECT_EQ(s.compound, 0) << text;
    EXPECT_EQ(s.positive + s.neutral + s.negative, 0) << text;
    EXPECT_EQ(s.label, SentimentLabel::neutral) << text;
  }
}

TEST(Sentiment, WordsWithoutSentimentAreNeutral) {
  const Sentiment s = analyze_sentiment("the table is brown");
  EXPECT_EQ(s.compound, 0);
  EXPECT_EQ(s.neutral, 1);
  EXPECT_EQ(s.label, SentimentLabel::neutral);
}

TEST(Sentiment, LexiconValenceIsNormalised) {
  EXPECT_DOUBLE_EQ(compound("good"), normalised(kGood));
  EXPECT_DOUBLE_EQ(compound("bad"), normalised(kBad));
  EXPECT_EQ(analyze_sentiment("good").positive, 1);
}

TEST(Sentiment, ProportionsAddUpToOne) {
  for (const std::string_view text : {"good", "good but bad", "The food was great, the service awful!!", "meh 😡 ok"}) {
    const Sentiment s = analyze_sentiment(text);
    EXPECT_NEAR(s.positive + s.neutral + s.negative, 1, 1e-12) << text;
  }
  const Sentiment mixed = analyze_sentiment("good and bad");
  EXPECT_GT(mixed.positive, 0);
  EXPECT_GT(mixed.neutral, 0);
  EXPECT_GT(mixed.negative, 0);
}

TEST(Sentiment, LabelsFollowTheCompoundThresholds) {
  EXPECT_EQ(analyze_sentiment("good").label, SentimentLabel::positive);
  EXPECT_EQ(analyze_sentiment("bad").label, SentimentLabel::negative);
  EXPECT_EQ(analyze_sentiment("a chair").label, SentimentLabel::neutral);
  EXPECT_EQ(label_name(SentimentLabel::positive), "positive");
  EXPECT_EQ(label_name(SentimentLabel::neutral), "neutral");
  EXPECT_EQ(label_name(SentimentLabel::negative), "negative");
}

TEST(Sentiment, TokenAndTextOverloadsAgree) {
  const std::string text = "Not bad at all, I LOVE it!!! 😀";
  std::vector<Token> tokens;
  tokenize(text, tokens);
  EXPECT_EQ(analyze_sentiment(tokens).compound, analyze_sentiment(text).compound);
}

TEST(Sentiment, BoostersAndDampeners) {
  EXPECT_DOUBLE_EQ(compound("very good"), normalised(kGood + kBoost));
  EXPECT_DOUBLE_EQ(compound("slightly good"), normalised(kGood - kBoost));
  EXPECT_GT(compound("very good"), compound("good"));
  EXPECT_GT(compound("good"), compound("slightly good"));
  EXPECT_GT(compound("slightly good"), 0);
  EXPECT_LT(compound("very bad"), compound("bad"));  // boosters push away from zero on both sides
  EXPECT_GT(compound("slightly bad"), compound("bad"));
  EXPECT_DOUBLE_EQ(compound("very"), 0);  // a booster alone carries nothing
}

TEST(Sentiment, BoostersReachThreeWordsWithLessWeight) {
  EXPECT_DOUBLE_EQ(compound("very much good"), normalised(kGood + kBoost * 0.95));
  EXPECT_DOUBLE_EQ(compound("very x y good"), normalised(kGood + kBoost * 0.9));
  EXPECT_DOUBLE_EQ(compound("very x y z good"), normalised(kGood));
}

TEST(Sentiment, NegationFlipsThreeWordsAhead) {
  EXPECT_DOUBLE_EQ(compound("not happy"), normalised(kHappy * kNegation));
  EXPECT_DOUBLE_EQ(compound("isn't happy"), normalised(kHappy * kNegation));
  EXPECT_DOUBLE_EQ(compound("isn\u2019t happy"), normalised(kHappy * kNegation));  // typographic apostrophe
  EXPECT_DOUBLE_EQ(compound("wouldn't ever be happy"), normalised(kHappy * kNegation));
  EXPECT_LT(compound("never happy"), 0);
  EXPECT_LT(compound("not good"), 0);
  EXPECT_GT(compound("not bad"), 0);
  EXPECT_DOUBLE_EQ(compound("not one two three happy"), normalised(kHappy));  // out of reach
  EXPECT_DOUBLE_EQ(compound("not. happy"), normalised(kHappy));              // another clause
}

TEST(Sentiment, NeverSoIsEmphasisNotNegation) {
  EXPECT_GT(compound("never so happy"), compound("so happy"));
  EXPECT_GT(compound("never been this happy"), compound("happy"));
  EXPECT_LT(compound("never been happy"), 0);
}

TEST(Sentiment, NoIsANegatorBeforeSentimentAndNegativeAlone) {
  EXPECT_GT(compound("no problems"), 0);
  EXPECT_LT(compound("No."), 0);
}

TEST(Sentiment, ContrastWeighsWhatFollowsBut) {
  EXPECT_DOUBLE_EQ(compound("good but bad"), normalised(0.5 * kGood + 1.5 * kBad));
  EXPECT_LT(compound("good but bad"), 0);
  EXPECT_GT(compound("bad but good"), 0);
  EXPECT_DOUBLE_EQ(compound("good and bad"), normalised(kGood + kBad));
  EXPECT_GT(compound("nothing but happy"), 0);  // "nothing but" is not a contrast, nor a negation
}

TEST(Sentiment, CapitalsEmphasiseOnlyInMixedCaseText) {
  EXPECT_DOUBLE_EQ(compound("GREAT day"), normalised(kGreat + kCaps));
  EXPECT_DOUBLE_EQ(compound("great day"), normalised(kGreat));
  EXPECT_DOUBLE_EQ(compound("GREAT DAY"), compound("great day"));
  EXPECT_LT(compound("BAD day"), compound("bad day"));
  EXPECT_GT(compound("VERY good day"), compound("very good day"));  // a capitalised booster boosts more
}

TEST(Sentiment, ExclamationMarksAddEmphasisUpToFour) {
  EXPECT_DOUBLE_EQ(compound("good!"), normalised(kGood + kExclamation));
  EXPECT_DOUBLE_EQ(compound("good!!!"), normalised(kGood + 3 * kExclamation));
  EXPECT_DOUBLE_EQ(compound("good!!!!!!"), normalised(kGood + 4 * kExclamation));
  EXPECT_GT(compound("good!!!"), compound("good!"));
  EXPECT_GT(compound("good!"), compound("good"));
  EXPECT_LT(compound("bad!!!"), compound("bad"));
  EXPECT_DOUBLE_EQ(compound("table!!!"), 0);  // emphasis needs sentiment to emphasise
}

TEST(Sentiment, QuestionMarksAddEmphasisFromTheSecond) {
  EXPECT_DOUBLE_EQ(compound("good?"), compound("good"));
  EXPECT_DOUBLE_EQ(compound("good??"), normalised(kGood + 2 * kQuestion));
  EXPECT_DOUBLE_EQ(compound("good????"), normalised(kGood + 0.96));
  EXPECT_DOUBLE_EQ(compound("good???????"), compound("good????"));
}

TEST(Sentiment, IdiomsReplaceTheirWords) {
  EXPECT_LT(compound("bomb"), 0);
  EXPECT_GT(compound("the bomb"), 0);
  EXPECT_GT(compound("yeah"), 0);
  EXPECT_LT(compound("yeah right"), 0);
  EXPECT_GT(compound("it can cut the mustard"), 0);
  EXPECT_GT(compound("can't wait"), 0);
  EXPECT_LT(compound("don't waste your money"), 0);
  EXPECT_LT(compound("under the weather"), 0);
  EXPECT_GT(compound("the weather"), -0.05);
}

TEST(Sentiment, KindOfIsAHedgeNotKindness) {
  EXPECT_GT(compound("kind"), 0);
  EXPECT_DOUBLE_EQ(compound("kind of good"), normalised(kGood - kBoost));
  EXPECT_DOUBLE_EQ(compound("kind of"), 0);
}

TEST(Sentiment, LeastFlipsTheNextWordExceptAtLeast) {
  EXPECT_LT(compound("the least happy"), 0);
  EXPECT_GT(compound("at least happy"), 0);
  EXPECT_GT(compound("the very least happy"), 0);
}

TEST(Sentiment, EmojiAndEmoticons) {
  EXPECT_GT(compound("😀"), 0);
  EXPECT_LT(compound("😡"), 0);
  EXPECT_DOUBLE_EQ(compound("👍🏽"), compound("👍"));  // skin tones do not change the valence
  EXPECT_LT(compound("🤦🏽‍♀️"), 0);                  // a ZWJ sequence falls back to its first emoji
  EXPECT_GT(compound("🔥"), 0);                      // from our own list
  EXPECT_GT(compound(":)"), 0);
  EXPECT_GT(compound(":D"), 0);
  EXPECT_GT(compound("<3"), 0);
  EXPECT_LT(compound(":("), 0);
  EXPECT_LT(compound(":'("), 0);
  EXPECT_DOUBLE_EQ(compound("🪑"), 0);
}

TEST(Sentiment, ElongatedWordsAreLookedUpCollapsedAndEmphasised) {
  EXPECT_DOUBLE_EQ(compound("goooood"), normalised(kGood + kBoost));
  EXPECT_GT(compound("loooove"), compound("love"));
  EXPECT_DOUBLE_EQ(compound("soooo good"), compound("so good"));  // "so" is a booster, not a sentiment
  EXPECT_GT(compound("soooo good"), compound("good"));
  EXPECT_DOUBLE_EQ(compound("zzzzz"), 0);
}

TEST(Sentiment, HashtagsCountByTheirWord) {
  EXPECT_GT(compound("#happy"), 0);
  EXPECT_LT(compound("#fail"), 0);
}

TEST(Sentiment, LikeCountsOnlyAsAVerb) {
  EXPECT_GT(compound("I like it"), 0);
  EXPECT_GT(compound("we really like it"), 0);
  EXPECT_LT(compound("I don't like it"), 0);
  EXPECT_DOUBLE_EQ(compound("it looks like rain"), 0);
  EXPECT_DOUBLE_EQ(compound("like a boss"), 0);
}

TEST(Sentiment, ModifiersWithTheirOwnValenceOnlyModifyWhenTheyCan) {
  EXPECT_GT(compound("a pretty dress"), 0);
  EXPECT_LT(compound("pretty bad"), compound("bad"));
  EXPECT_GT(compound("super"), 0);
  EXPECT_GT(compound("super happy"), compound("happy"));
  EXPECT_DOUBLE_EQ(compound("fucking row"), 0);  // an intensifier, not an insult
}

TEST(Sentiment, CapitalisedWordsInsideANameCarryNoSentiment) {
  EXPECT_DOUBLE_EQ(compound("we met the Super Eagles today"), 0);
  EXPECT_GT(compound("we met super people today"), 0);
  EXPECT_GT(compound("Super team today"), 0);  // the first word of a sentence is capitalised anyway
  EXPECT_GT(compound("So Far So Good"), 0);   // in title case capitals say nothing
}

TEST(Sentiment, LongTextsScoreWithoutBlowingUp) {
  std::string text;
  while (text.size() < (1u << 20)) text += "Not bad at all, but the SERVICE was awful!!! 😡 #fail ";
  const Sentiment s = analyze_sentiment(text);
  EXPECT_TRUE(std::isfinite(s.compound));
  EXPECT_GE(s.compound, -1);
  EXPECT_LE(s.compound, 1);
  EXPECT_NEAR(s.positive + s.neutral + s.negative, 1, 1e-9);
}

}  // namespace
}  // namespace loopscore
