// The generated lexicon table: generate.mjs and lexicon.cpp must hash and normalise keys alike.
#include "lexicon.hpp"
#include "signal_model.hpp"

#include <gtest/gtest.h>

#include <string>

namespace loopscore::lexicon {
namespace {

const Entry* find_text(std::string_view text) {
  Key key;
  key.clear();
  key.append(text);
  return find(key);
}

std::string key_of(std::string_view text) {
  Key key;
  key.clear();
  key.append(text);
  return std::string(key.view());
}

std::string collapsed_key_of(std::string_view text, int max_run) {
  Key key;
  key.clear();
  key.append_collapsed(text, max_run);
  return std::string(key.view());
}

TEST(Lexicon, EveryEntryIsFoundByItsOwnKey) {
  const Table& t = table();
  ASSERT_GT(t.entry_count, 8000u);
  for (std::uint32_t i = 0; i < t.entry_count; ++i) {
    const Entry& entry = t.entries[i];
    const std::string_view key(t.keys + entry.key_offset, entry.key_length);
    EXPECT_EQ(find_text(key), &entry) << key;
    if (i > 0) {
      EXPECT_LT(std::string_view(t.keys + t.entries[i - 1].key_offset, t.entries[i - 1].key_length), key);
    }
  }
}

TEST(Lexicon, KeysAreNormalised) {
  EXPECT_EQ(key_of("GooD"), "good");
  EXPECT_EQ(key_of("it\u2019s"), "it's");
  EXPECT_EQ(key_of("👍🏽"), "👍");
  EXPECT_EQ(key_of("❤️"), "❤");
  EXPECT_EQ(key_of("Привет"), "Привет");  // only ASCII is lower-cased
  EXPECT_EQ(collapsed_key_of("gooooood", 2), "good");
  EXPECT_EQ(collapsed_key_of("SOOOO", 1), "so");
  EXPECT_EQ(collapsed_key_of("yessss!!!", 1), "yes!!!");
}

// The learned pair weights of core/models/signals.tsv are keyed by these hashes: they must never change.
TEST(Lexicon, KeyHashesAreStable) {
  const std::pair<std::string_view, std::uint32_t> pinned[] = {
      {"", 2610039790u},         {"a", 43574245u},          {"good", 3640432086u},
      {"GooD", 3640432086u},     {"abcdefg", 3840135027u},  {"abcdefgh", 2260402375u},
      {"abcdefghi", 1315177785u}, {"It\u2019s", 3770170447u}, {"👍🏽", 3565924008u},
      {"link in bio", 1677189203u}, {"supercalifragilisticexpialidocious", 3559640958u}};
  for (const auto& [text, hash] : pinned) {
    Key key;
    key.clear();
    key.append(text);
    EXPECT_EQ(key.hash(), hash) << text;
  }
  Key reused;  // stale bytes from a longer key must not leak into a shorter one's hash
  reused.clear();
  reused.append("abcdefghijklmnop");
  reused.clear();
  reused.append("good");
  EXPECT_EQ(reused.hash(), 3640432086u);
}

// A key appended into an empty key in one piece takes the 8-bytes-at-a-time ASCII path; appended
// a byte at a time, the byte loop: both must give the same bytes, head and hash, at every length.
TEST(Lexicon, TheAsciiFastPathKeysAsTheByteLoop) {
  std::uint32_t seed = 12345;
  const auto next = [&seed] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7FFF; };
  for (int round = 0; round < 2000; ++round) {
    std::string text(next() % (Key::kCapacity + 1), ' ');
    for (char& c : text) c = static_cast<char>(0x20 + next() % 95);  // printable ASCII, capitals included
    Key whole, bytes;
    whole.clear();
    whole.append(text);
    bytes.clear();
    for (const char c : text) bytes.append(std::string_view(&c, 1));
    ASSERT_EQ(whole.view(), bytes.view()) << text;
    ASSERT_EQ(whole.hash(), bytes.hash()) << text;
    ASSERT_EQ(whole.head(), bytes.head()) << text;
  }
  EXPECT_EQ(key_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{"), "abcdefghijklmnopqrstuvwxyz@[`{");  // only A-Z move
  EXPECT_EQ(key_of("CAF\xC3\x89s"), "caf\xC3\x89s");  // a byte >= 0x80 sends the whole key to the byte loop
}

TEST(Lexicon, OverlongKeysAreNeverFound) {
  Key key;
  key.clear();
  key.append(std::string(Key::kCapacity + 1, 'a'));
  EXPECT_TRUE(key.overflow());
  EXPECT_EQ(find(key), nullptr);
}

TEST(Lexicon, ValencesComeFromEachSource) {
  ASSERT_NE(find_text("good"), nullptr);
  EXPECT_EQ(find_text("good")->valence(), 1.9);         // VADER
  EXPECT_EQ(find_text(":)")->valence(), 2.0);           // VADER's emoticons
  EXPECT_EQ(find_text("😀")->valence(), 1.6);           // emoji-emotion, 2 of 5 rescaled to VADER's 4
  EXPECT_EQ(find_text("affordable")->valence(), 1.6);  // AFINN-165 where VADER has nothing
  EXPECT_EQ(find_text("🔥")->valence(), 1.6);           // our emoji list
  EXPECT_EQ(find_text("qwertyuiop"), nullptr);
}

TEST(Lexicon, RuleWordsCarryTheirRoles) {
  EXPECT_TRUE(find_text("very")->roles & kBooster);
  EXPECT_TRUE(find_text("slightly")->roles & kDampener);
  EXPECT_TRUE(find_text("not")->roles & kNegator);
  EXPECT_TRUE(find_text("never")->roles & kNever);
  EXPECT_TRUE(find_text("so")->roles & kEmphatic);
  EXPECT_TRUE(find_text("least")->roles & kLeast);
  EXPECT_TRUE(find_text("but")->roles & kContrast);
  EXPECT_TRUE(find_text("like")->roles & kVerbOnly);
  EXPECT_TRUE(find_text("i")->roles & kSubject);
  EXPECT_EQ(find_text("no")->valence(), -1.2);  // a negator keeps its own valence
  EXPECT_EQ(find_text("fucking")->valence(), 0);  // our "neutral" overrides AFINN
}

TEST(Lexicon, PhrasesAreKeysAndTheirLastWordsSaySo) {
  ASSERT_NE(find_text("kind of"), nullptr);
  EXPECT_TRUE(find_text("kind of")->roles & kDampener);
  EXPECT_TRUE(find_text("of")->roles & kPhraseEnd);
  EXPECT_GT(find_text("cut the mustard")->valence(), 0);
  EXPECT_TRUE(find_text("mustard")->roles & kPhraseEnd);
  EXPECT_LT(find_text("fed up")->valence(), 0);  // a multi-word VADER entry
}

TEST(Lexicon, SignalRecordsCarryCueClasses) {
  const auto cues_of = [](std::string_view text) {
    const Entry* entry = find_text(text);
    return entry == nullptr ? 0u : kSignalTables.records[entry->signal_record].cues;
  };
  EXPECT_TRUE(cues_of("why") & kCueWh);
  EXPECT_TRUE(cues_of("please") & kCuePolite);
  EXPECT_TRUE(cues_of("refund") & kCueProblem);
  EXPECT_TRUE(cues_of("love") & kCueLove);
  EXPECT_TRUE(cues_of("link in bio") & kCueShop);   // a cue phrase is a key of its own
  EXPECT_EQ(find_text("good")->valence(), 1.9);      // cues leave valences alone
  EXPECT_EQ(kSignalTables.records[0].cues, 0u);      // record 0 means "none"
  std::uint32_t with_record = 0;
  for (std::uint32_t i = 0; i < table().entry_count; ++i) {
    const std::uint16_t record = table().entries[i].signal_record;
    EXPECT_LT(record, kSignalTables.record_count);
    if (record != 0) {
      EXPECT_EQ(record, ++with_record);  // numbered in table order: every record used once
    }
  }
  EXPECT_EQ(with_record + 1, kSignalTables.record_count);
}

TEST(Lexicon, CuePhrasesAreMarkedForTheSignalsOnly) {
  ASSERT_NE(find_text("link in bio"), nullptr);
  EXPECT_TRUE(find_text("link in bio")->roles & kCueOnly);  // the sentiment rules pass it by
  EXPECT_TRUE(find_text("link")->roles & kCueStart);
  EXPECT_TRUE(find_text("bio")->roles & kCueEnd);
  EXPECT_FALSE(find_text("bio")->roles & kPhraseEnd);
  EXPECT_FALSE(find_text("can't wait")->roles & kCueOnly);  // a sentiment phrase and a cue
}

}  // namespace
}  // namespace loopscore::lexicon
