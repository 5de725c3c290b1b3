// The social-media tokenizer: one test group per token kind and flag, then edge cases.
#include "loopscore/tokenizer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace loopscore {
namespace {

std::vector<Token> tokens_of(std::string_view text) {
  std::vector<Token> tokens;
  tokenize(text, tokens);
  return tokens;
}

std::vector<std::string> texts_of(std::string_view text) {
  std::vector<std::string> texts;
  for (const Token& t : tokens_of(text)) texts.emplace_back(t.text);
  return texts;
}

// The single token `text` becomes, checked to be exactly one.
Token only_token(std::string_view text) {
  const std::vector<Token> tokens = tokens_of(text);
  EXPECT_EQ(tokens.size(), 1u) << "text: " << text;
  return tokens.empty() ? Token{} : tokens[0];
}

void expect_one(TokenKind kind, std::initializer_list<std::string_view> texts) {
  for (const std::string_view text : texts) {
    const Token token = only_token(text);
    EXPECT_EQ(token.text, text);
    EXPECT_EQ(token.kind, kind) << "text: " << text;
  }
}

using Texts = std::vector<std::string>;

TEST(Tokenizer, EmptyAndWhitespaceGiveNoTokens) {
  EXPECT_TRUE(tokens_of("").empty());
  EXPECT_TRUE(tokens_of(" \t\r\n  \xC2\xA0\xE2\x80\x83\xE3\x80\x80").empty());  // NBSP, em space, ideographic space
}

TEST(Tokenizer, AppendsViewsIntoTheText) {
  const std::string text = "hello world";
  std::vector<Token> tokens = {Token{"earlier", TokenKind::word, 0}};
  tokenize(text, tokens);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].text.data(), text.data());
  EXPECT_EQ(tokens[2].text.data(), text.data() + 6);
}

TEST(Tokenizer, WordsInAnyScript) {
  expect_one(TokenKind::word, {"hello", "café", "naïve", "Привет", "你好世界", "مرحبا", "שלום", "नमस्ते", "Ελλάδα"});
  EXPECT_EQ(texts_of("Привет, мир!"), (Texts{"Привет", ",", "мир", "!"}));
}

TEST(Tokenizer, WordsKeepInnerApostrophesAndHyphens) {
  expect_one(TokenKind::word, {"don't", "it\u2019s", "rock'n'roll", "e-mail", "well-being", "covid-19", "2nd", "mp3"});
  EXPECT_EQ(texts_of("'quoted'"), (Texts{"'", "quoted", "'"}));
  EXPECT_EQ(texts_of("dogs' well--done -ish"), (Texts{"dogs", "'", "well", "--", "done", "-", "ish"}));
}

TEST(Tokenizer, Numbers) {
  expect_one(TokenKind::number, {"3", "1,000", "4.5", "10:30", "50%", "$20", "$4.99"});
  EXPECT_EQ(texts_of("1.5x 3."), (Texts{"1.5", "x", "3", "."}));
}

TEST(Tokenizer, Hashtags) {
  expect_one(TokenKind::hashtag, {"#love", "#Love2020", "#snake_case", "#café", "#日本"});
  EXPECT_EQ(texts_of("#don't #1"), (Texts{"#don", "'", "t", "#", "1"}));
}

TEST(Tokenizer, MentionsIncludingMastodonAndBlueskyHandles) {
  expect_one(TokenKind::mention, {"@user", "@user_1", "@alice@mastodon.social", "@bob.bsky.social"});
  EXPECT_EQ(texts_of("@user. @user@host.social, hi"), (Texts{"@user", ".", "@user@host.social", ",", "hi"}));
  EXPECT_EQ(tokens_of("x@y")[1].kind, TokenKind::other);  // not a mention inside a word
}

TEST(Tokenizer, EmailAddresses) {
  expect_one(TokenKind::email, {"help@example.com", "first.last+tag@mail.example.org"});
  EXPECT_EQ(texts_of("me@home."), (Texts{"me", "@", "home", "."}));  // no dot in the host: not an address
}

TEST(Tokenizer, CashtagsButNotMoney) {
  expect_one(TokenKind::cashtag, {"$TSLA", "$aapl", "$F"});
  EXPECT_EQ(only_token("$20").kind, TokenKind::number);
  EXPECT_NE(tokens_of("$TOOLONGX")[0].kind, TokenKind::cashtag);
  EXPECT_NE(tokens_of("a$B")[1].kind, TokenKind::cashtag);
}

TEST(Tokenizer, UrlsWithColonsAndSlashesAndNoTrailingPunctuation) {
  expect_one(TokenKind::url, {"https://example.com/a:b/c?x=1&y=2#top", "http://t.co/AbC", "www.example.org/path",
                              "HTTPS://EXAMPLE.COM", "https://en.wikipedia.org/wiki/Foo_(bar)"});
  EXPECT_EQ(texts_of("see https://x.com/a, or www.y.org."), (Texts{"see", "https://x.com/a", ",", "or", "www.y.org", "."}));
  EXPECT_EQ(texts_of("(at http://x.com/a)"), (Texts{"(", "at", "http://x.com/a", ")"}));
  EXPECT_EQ(tokens_of("www. is not").front().kind, TokenKind::word);
}

TEST(Tokenizer, OneTokenPerEmojiCluster) {
  expect_one(TokenKind::emoji, {
                                   "😀",
                                   "👍🏽",                             // skin tone
                                   "❤️",                               // variation selector
                                   "👨‍👩‍👧",                             // ZWJ family
                                   "🤦🏽‍♀️",                           // skin tone, ZWJ, sign, selector
                                   "🇫🇷",                              // flag: two regional indicators
                                   "1️⃣",                               // keycap
                                   "🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F",  // England
                               });
  EXPECT_EQ(texts_of("😀😡🇫🇷🇩🇪"), (Texts{"😀", "😡", "🇫🇷", "🇩🇪"}));
  EXPECT_EQ(texts_of("great👍🏽!"), (Texts{"great", "👍🏽", "!"}));
}

TEST(Tokenizer, Emoticons) {
  expect_one(TokenKind::emoticon, {":)", ":-(", ":D", ":P", "<3", "</3", ":'(", ";)", "xD", "XD", ":/", "=)", ":)))",
                                   "(:", "(-:", ">:(", "^_^", "^^", "-_-", "T_T", "o.O"});
  EXPECT_EQ(texts_of("lol:) ok"), (Texts{"lol", ":)", "ok"}));
}

TEST(Tokenizer, NoEmoticonsInsideUrlsWordsOrTimes) {
  EXPECT_EQ(texts_of("ftp://host"), (Texts{"ftp", ":", "//", "host"}));
  EXPECT_EQ(texts_of("Note:D"), (Texts{"Note", ":", "D"}));
  EXPECT_EQ(texts_of("at 12:30 (see below):"), (Texts{"at", "12:30", "(", "see", "below", ")", ":"}));
  EXPECT_EQ(texts_of("x=3 :Dd"), (Texts{"x", "=", "3", ":", "Dd"}));
  EXPECT_EQ(texts_of("a-_-b"), (Texts{"a", "-", "_", "-", "b"}));
}

TEST(Tokenizer, PunctuationRuns) {
  const std::vector<Token> tokens = tokens_of("Wow!!! Really?! Hmm... ok! Yes\u2026");
  EXPECT_EQ(texts_of("Wow!!! Really?! Hmm... ok! Yes\u2026"),
            (Texts{"Wow", "!!!", "Really", "?!", "Hmm", "...", "ok", "!", "Yes", "\u2026"}));
  for (const std::size_t i : {1u, 3u, 5u}) {
    EXPECT_EQ(tokens[i].kind, TokenKind::punctuation);
    EXPECT_TRUE(tokens[i].flags & kRepeated) << tokens[i].text;
  }
  EXPECT_FALSE(tokens[7].flags & kRepeated);
  EXPECT_EQ(tokens[9].kind, TokenKind::punctuation);
}

TEST(Tokenizer, SymbolsAreOther) {
  EXPECT_EQ(only_token("&").kind, TokenKind::other);
  EXPECT_EQ(only_token("€").kind, TokenKind::other);
  EXPECT_EQ(only_token("→").kind, TokenKind::other);
}

TEST(Tokenizer, AllCapsFlagNeedsTwoUpperCaseLetters) {
  EXPECT_TRUE(only_token("GREAT").flags & kAllCaps);
  EXPECT_TRUE(only_token("ÉTÉ").flags & kAllCaps);
  EXPECT_TRUE(only_token("I'M").flags & kAllCaps);
  EXPECT_FALSE(only_token("I").flags & kAllCaps);
  EXPECT_FALSE(only_token("Great").flags & kAllCaps);
  EXPECT_FALSE(only_token("iPHONE").flags & kAllCaps);
  EXPECT_FALSE(only_token("你好").flags & kAllCaps);
}

TEST(Tokenizer, CaseFlags) {
  EXPECT_EQ(only_token("Great").flags, kHasLower | kCapitalized);
  EXPECT_EQ(only_token("great").flags, kHasLower);
  EXPECT_EQ(only_token("iPhone").flags, kHasLower);
  EXPECT_EQ(only_token("Привет").flags, kHasLower | kCapitalized);
  EXPECT_EQ(only_token("I").flags, 0);
}

TEST(Tokenizer, ElongationFlagNeedsOneLetterThreeTimes) {
  EXPECT_TRUE(only_token("soooo").flags & kElongated);
  EXPECT_TRUE(only_token("YESSS").flags & kElongated);
  EXPECT_TRUE(only_token("#yasss").flags & kElongated);
  EXPECT_FALSE(only_token("good").flags & kElongated);
  EXPECT_FALSE(only_token("1000").flags & kElongated);
}

TEST(Tokenizer, ApostropheFlagMarksContractions) {
  EXPECT_TRUE(only_token("don't").flags & kApostrophe);
  EXPECT_TRUE(only_token("we\u2019re").flags & kApostrophe);
  EXPECT_FALSE(only_token("e-mail").flags & kApostrophe);
  EXPECT_FALSE(only_token("dont").flags & kApostrophe);
  EXPECT_FALSE(only_token("#don_t").flags & kApostrophe);
}

TEST(Tokenizer, LongInputsAreLinear) {
  // One megabyte each of words, one endless word, one punctuation run and emoticon look-alikes:
  // all must finish (a quadratic scan would not); no timing assertions.
  std::string words;
  while (words.size() < (1u << 20)) words += "Sooo GOOD :) #tag @user https://x.co/a 😀 ";
  EXPECT_EQ(tokens_of(words).size() % 7, 0u);
  for (const char c : {'a', '!', ':', '(', '<', '^', '-', '@', '#', '$', '1'}) {
    const std::string run(1u << 20, c);
    std::size_t total = 0;
    for (const Token& t : tokens_of(run)) total += t.text.size();
    EXPECT_EQ(total, run.size()) << "run of " << c;
  }
}

}  // namespace
}  // namespace loopscore
