#pragma once
// The learned part of the signals (internal to the core): logistic-regression heads over the words
// of a post and a few dozen dense features. Trained offline by tools/train_signals on the labelled
// sets whose licences allow derived weights; the weights live in core/models/signals.tsv and
// generate.mjs folds them into the lexicon, so a word's weights come with its single lookup.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "signal_cues.hpp"

namespace loopscore {

/// One learned yes/no judgement. Each trains on one labelled set (see core/models/signals.tsv).
enum class Head : std::uint8_t {
  question,   ///< Tweet Act: QUE
  request,    ///< Tweet Act: REQ
  promo,      ///< YouTube Spam Collection: spam
  love,       ///< GoEmotions: love
  want,       ///< GoEmotions: desire
  like,       ///< GoEmotions: approval
  gratitude,  ///< GoEmotions: gratitude
  anger,      ///< GoEmotions: anger or annoyance
  polarity,   ///< UCI sentences: positive (1) against negative (0)
  neutral,    ///< GoEmotions and UCI: no sentiment (1) against some (0)
};
inline constexpr std::size_t kHeadCount = 10;

/// Name used in the model file ("question", "polarity", ...).
std::string_view head_name(Head head);

/// Features of a whole post, each in 0..1 (compound in -1..1), shared by every head. After these
/// come kCueCount more: one a cue class, 1 when a word of the post has it (not negated).
enum class Dense : std::uint8_t {
  question_mark,       ///< a "?" anywhere
  ends_with_question,  ///< no word after the last "?"
  wh_opening,          ///< a sentence opens with a wh-word: "How do I..."
  aux_opening,         ///< a sentence opens with an auxiliary: "Do you...", "Can I..."
  command_opening,     ///< a sentence opens with a command or "please": "Send me...", "Please help"
  you_opening,         ///< a sentence opens with "you" / "your"
  exclamation,         ///< a "!" anywhere
  url,                 ///< a link
  mention,             ///< names someone: "@ann"
  opens_with_mention,  ///< addressed: the text starts with "@ann"
  retweet,             ///< "RT @ann: ..."
  hashtags,            ///< hashtags ÷ 5, at most 1
  emoji,               ///< emoji and emoticons ÷ 5, at most 1
  caps,                ///< share of words in ALL CAPS
  number,              ///< a number
  price,               ///< a price or a share: "$20", "50%", "20 euros"
  negation,            ///< a negator: "not", "never", "don't"
  words,               ///< words ÷ 40, at most 1
  compound,            ///< the VADER-family compound, -1..1
  positive,            ///< its positive share
  negative,            ///< its negative share
};
inline constexpr std::size_t kStructuralCount = 21;
inline constexpr std::size_t kDenseCount = kStructuralCount + kCueCount;

/// Index of the dense feature of a cue class (`cue` one bit).
constexpr std::size_t cue_feature(int bit) { return kStructuralCount + static_cast<std::size_t>(bit); }

/// Name used in the model file ("question_mark", ..., "cue:wh", ...).
std::string_view dense_name(std::size_t feature);

/// What a lexicon key brings to the signals: its cue classes and, per head, its learned weight
/// in units of that head's word scale.
struct SignalRecord {
  std::uint32_t cues;
  std::array<std::int8_t, kHeadCount> weights;
};

/// A learned word pair ("can you", "<start> what", "this ?"): the hash of its two units
/// (pair_hash) and, per head, its weight in units of that head's word scale.
struct PairRecord {
  std::uint32_t hash;  ///< 0: an empty slot of the table
  std::array<std::int8_t, kHeadCount> weights;
};

/// Units of a pair that are not lexicon keys: the start of a sentence, a mention, a link, a number,
/// a question mark and an exclamation mark.
enum PairUnit : std::uint32_t {
  kUnitStart = 0x51A27001u,
  kUnitMention = 0x51A27002u,
  kUnitUrl = 0x51A27003u,
  kUnitNumber = 0x51A27004u,
  kUnitQuestion = 0x51A27005u,
  kUnitExclaim = 0x51A27006u,
};

/// The hash of the pair of units `first`, `second` (each a lexicon key's hash or a PairUnit), never 0.
constexpr std::uint32_t pair_hash(std::uint32_t first, std::uint32_t second) {
  std::uint64_t h = (std::uint64_t{first} << 32 | second) * 0x9E3779B97F4A7C15ull;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 32;
  const auto folded = static_cast<std::uint32_t>(h);
  return folded == 0 ? 1u : folded;
}

/// The dense half of every head, and how its word weights scale.
struct HeadModel {
  double bias;
  double word_scale;  ///< a word weight of 1 is worth this much in the logit
  std::array<double, kDenseCount> dense;
};

/// The generated tables (lexicon_data.cpp): records indexed by lexicon::Entry::signal_record
/// (record 0 is empty), and the heads in Head order. The names are the model file's, so a test
/// can check that its heads and dense features are the ones this build computes.
struct SignalTables {
  const SignalRecord* records;
  std::uint32_t record_count;
  const HeadModel* heads;  ///< kHeadCount of them
  const char* const* head_names;
  const char* const* dense_names;
  std::uint32_t dense_count;  ///< 0 before the first model is trained
  const PairRecord* pairs;    ///< open addressing by hash, linear probing; pair_mask + 1 slots
  std::uint32_t pair_mask;    ///< slots - 1 (a power of two minus one)
};

extern const SignalTables kSignalTables;

/// One bit a learned pair, at bit pair_filter_bit(hash): built at start-up from kSignalTables.pairs.
/// Most word pairs of a post are not learned, and one bit test turns them away before the probe.
extern const std::array<std::uint64_t, 64> kPairFilter;

/// The bit of kPairFilter for `hash`: its top 12 bits (the probe starts from the low ones).
constexpr std::uint32_t pair_filter_bit(std::uint32_t hash) { return hash >> 20; }

/// The learned pair of `hash`, or nullptr.
inline const PairRecord* find_pair(std::uint32_t hash) {
  const std::uint32_t bit = pair_filter_bit(hash);
  if (((kPairFilter[bit / 64] >> (bit % 64)) & 1u) == 0) return nullptr;
  const std::uint32_t mask = kSignalTables.pair_mask;
  for (std::uint32_t slot = hash & mask;; slot = (slot + 1) & mask) {
    const PairRecord& record = kSignalTables.pairs[slot];
    if (record.hash == hash) return &record;
    if (record.hash == 0) return nullptr;
  }
}

}  // namespace loopscore
