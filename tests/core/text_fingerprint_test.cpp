// Fingerprints of a post's words: what makes two posts duplicates.
#include "loopscore/text_fingerprint.hpp"

#include "loopscore/post_scorer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace loopscore {
namespace {

TextFingerprint fingerprint_of(std::string_view text) {
  std::vector<Token> tokens;
  tokenize(text, tokens);
  return fingerprint_tokens(tokens);
}

std::uint64_t exact(std::string_view text) { return fingerprint_of(text).exact; }

TEST(TextFingerprint, MentionsLinksPunctuationAndAsciiCaseAreLeftOut) {
  EXPECT_EQ(exact("@ann Sorry, DM us!"), exact("@bob sorry DM us"));
  EXPECT_EQ(exact("Great deal https://t.co/abc"), exact("great DEAL https://example.com/x"));
  EXPECT_EQ(exact("SUPERCALIFRAGILISTIC-Expialidocious #LongHashTagHere"),
            exact("supercalifragilistic-expialidocious #longhashtaghere"));  // past one 8-byte chunk
  EXPECT_EQ(exact("ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789"), exact("abcdefghijklmnopqrstuvwxyz 0123456789"));
  EXPECT_EQ(exact("ÀB Éz"), exact("Àb ÉZ"));
}

TEST(TextFingerprint, WordsTheirOrderAndOtherScriptsCount) {
  EXPECT_NE(exact("sorry DM us"), exact("sorry us DM"));
  EXPECT_NE(exact("sorry DM us"), exact("sorry DM them"));
  EXPECT_NE(exact("good"), exact("goood"));
  EXPECT_NE(exact("À"), exact("à"));  // only ASCII is lower-cased: UTF-8 bytes stay as they are
  EXPECT_NE(exact("Ãb"), exact("ãb"));
  EXPECT_NE(exact("ab"), exact("a b"));
  EXPECT_NE(exact("abcdefgh"), exact("abcdefgh1"));
  EXPECT_EQ(exact("@ann https://t.co/x !!!"), 0u);  // no words: no fingerprint
}

TEST(TextFingerprint, NearDuplicatesAreFewBitsApart) {
  const std::string base =
      "Thanks for flagging this, could you DM us your order number and we will sort it today for you";
  const TextFingerprint a = fingerprint_of(base);
  const TextFingerprint b = fingerprint_of(base + " please");
  const TextFingerprint c = fingerprint_of("rainy monday, need a second coffee before the standup with the team");
  EXPECT_NE(a.exact, b.exact);
  EXPECT_LE(simhash_distance(a.simhash, b.simhash), 8);
  EXPECT_GT(simhash_distance(a.simhash, c.simhash), 12);
}

// PostScorer::score is judge() plus the fingerprints (an analysis finds repeats by them); judge()
// leaves them 0 and says the same of the post.
TEST(TextFingerprint, ScoreAddsTheFingerprintsToJudge) {
  PostScorer scorer;
  Post post;
  post.text = "Our NEW blend is here, grab a bag today!";
  const PostScore judged = scorer.judge(post);
  post.text = "something else entirely, to leave other tokens behind";
  scorer.judge(post);
  post.text = "Our NEW blend is here, grab a bag today!";
  const PostScore scored = scorer.score(post);
  EXPECT_EQ(judged.text_hash, 0u);
  EXPECT_EQ(judged.fingerprint, 0u);
  EXPECT_EQ(scored.text_hash, exact(post.text));
  EXPECT_EQ(scored.fingerprint, fingerprint_of(post.text).simhash);
  EXPECT_EQ(scored.sentiment.compound, judged.sentiment.compound);
  EXPECT_EQ(scored.signals.confidence, judged.signals.confidence);
  EXPECT_EQ(scored.signals.voice, judged.signals.voice);
}

}  // namespace
}  // namespace loopscore
