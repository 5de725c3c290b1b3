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

TEST(SignalFeatures, ServiceHandlesAreCustomerServiceAccounts) {
  for (const char* handle : {"@AcmeHelp", "@acme_support", "@AcmeCares", "@AskAcme", "@acme_cs", "@AcmeCS",
                             "@AcmeService"}) {
    EXPECT_TRUE(is_service_handle(handle)) << handle;
  }
  for (const char* handle : {"@acme", "@sam_jones", "@ask", "@physics", "@", ""}) {
    EXPECT_FALSE(is_service_handle(handle)) << handle;
  }
  EXPECT_TRUE(Analysed("@AcmeHelp where is my parcel").features.service_mention);
  EXPECT_FALSE(Analysed("@acme where is my parcel").features.service_mention);
}

TEST(SignalFeatures, WordPairsHashTheirTwoUnits) {
  // The hash is never 0 (an empty slot of the table) and depends on the order of its units.
  EXPECT_NE(pair_hash(0, 0), 0u);
  EXPECT_NE(pair_hash(1, 2), pair_hash(2, 1));
  EXPECT_EQ(pair_hash(kUnitStart, 7), pair_hash(kUnitStart, 7));
  // Every unit pairs with the one before it; "?", "!" and full stops end a sentence, so the next word
  // pairs with its start.
  std::vector<PairSeen> pairs;
  const Analysed a("Can you help? Thanks @ann");
  PostFeatures f;
  read_post_features(a.tokens, a.lookups, a.sentiment, f, &pairs);
  ASSERT_EQ(pairs.size(), 6u);  // <start> can, can you, you help, help ?, <start> thanks, thanks @
  EXPECT_EQ(pairs[0].first, -1);
  EXPECT_EQ(pairs[0].hash, pair_hash(kUnitStart, a.lookups[0].key_hash));
  EXPECT_EQ(pairs[1].hash, pair_hash(a.lookups[0].key_hash, a.lookups[1].key_hash));
  EXPECT_EQ(pairs[3].hash, pair_hash(a.lookups[2].key_hash, kUnitQuestion));
  EXPECT_EQ(pairs[4].first, -1);
  EXPECT_EQ(pairs[5].hash, pair_hash(a.lookups[4].key_hash, kUnitMention));
  // The same words in another case hash alike (their lexicon keys are lower case).
  const Analysed upper("CAN YOU");
  EXPECT_EQ(upper.lookups[0].key_hash, a.lookups[0].key_hash);
  EXPECT_NE(a.lookups[0].key_hash, 0u);
}

TEST(SignalFeatures, LearnedPairsAreFoundAndOthersAreNot) {
  // Every stored pair is found by its hash; a hash no pair has is not.
  std::size_t stored = 0;
  for (std::uint32_t slot = 0; slot <= kSignalTables.pair_mask; ++slot) {
    const PairRecord& record = kSignalTables.pairs[slot];
    if (record.hash == 0) continue;
    ++stored;
    EXPECT_EQ(find_pair(record.hash), &record);
  }
  EXPECT_LT(stored, kSignalTables.pair_mask + 1u);  // at least one empty slot ends every probe
  EXPECT_EQ(find_pair(pair_hash(0x12345678u, 0x9abcdef0u)) == nullptr ||
                find_pair(pair_hash(0x12345678u, 0x9abcdef0u))->hash == pair_hash(0x12345678u, 0x9abcdef0u),
            true);
}

}  // namespace
}  // namespace loopscore
