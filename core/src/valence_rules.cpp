#include "valence_rules.hpp"

namespace loopscore {
namespace {

using namespace lexicon;  // the Role bits

// Constants of Hutto & Gilbert (2014), Section 3.
constexpr double kBoost = 0.293;           // what a booster adds (a dampener takes away)
constexpr double kCapsEmphasis = 0.733;    // an ALL-CAPS word in mixed-case text
constexpr double kNegation = -0.74;        // a negated word flips and weakens
constexpr double kNeverSoEmphasis = 1.25;  // "never so good" is emphasis, not negation
constexpr double kSecondWordBack = 0.95;   // a booster two words back counts a little less
constexpr double kThirdWordBack = 0.9;     // and three words back less again
// Ours: an elongated sentiment word ("loooove") is emphasised as much as by a booster.
constexpr double kElongationEmphasis = kBoost;

constexpr std::uint8_t kScalar = kBooster | kDampener;
constexpr std::uint8_t kModifier = kScalar | kNegator;

}  // namespace

void ValenceRules::add(const Token& token, const TokenLookup& lookup, const WordPlace& place) {
  const Entry* entry = lookup.entry;
  const bool is_word = token.kind == TokenKind::word;
  const std::uint16_t roles = entry != nullptr ? entry->roles : 0;
  Item& item = at(added_);
  item.text = token.text;
  item.valence = entry != nullptr ? entry->valence() : 0.0;
  item.place = place;
  item.roles = roles;
  item.token_flags = token.flags;
  item.negates = lookup.negates;
  item.is_word = is_word;
  item.starts_phrase = is_word && (roles & kPhraseStart);
  item.after_contrast = tally_.has_contrast;
  if (roles & kPhraseEnd) match_phrase(added_);
  tally_.has_contrast |= (item.roles & kContrast) != 0;  // only the first contrast counts
  ++added_;
  while (scored_ + kLookahead < added_) score(scored_++);
}

void ValenceRules::finish() {
  while (scored_ < added_) score(scored_++);
}

void ValenceRules::match_phrase(std::uint64_t last) {
  if (last >= 2 && at(last - 2).starts_phrase && try_phrase(last - 2, last)) return;
  if (last >= 1 && at(last - 1).starts_phrase) try_phrase(last - 1, last);
}

// Looks up the adjacent words first..last as one phrase; a phrase found takes over their valences.
bool ValenceRules::try_phrase(std::uint64_t first, std::uint64_t last) {
  key_.clear();
  for (std::uint64_t i = first; i <= last; ++i) {
    const Item& word = at(i);
    if (!word.is_word || (i > first && !adjacent(i))) return false;
    if (i > first) key_.push(' ');
    key_.append(word.text);
  }
  const Entry* phrase = find(key_);
  if (phrase == nullptr || (phrase->roles & kCueOnly)) return false;  // a cue phrase only matters to the signals
  for (std::uint64_t i = first; i < last; ++i) {
    Item& word = at(i);
    word.valence = 0;
    word.roles = 0;
    word.negates = false;
  }
  Item& item = at(last);
  item.valence = phrase->valence();
  item.roles = phrase->roles;
  item.negates = (phrase->roles & kNegator) != 0;
  return true;
}

void ValenceRules::score(std::uint64_t i) {
  const double valence = modified_valence(i);
  (at(i).after_contrast ? tally_.after_contrast : tally_.before_contrast).add(valence);
}

// The lexicon valence of word i, adjusted by its own emphasis and by the three words before it.
double ValenceRules::modified_valence(std::uint64_t i) const {
  const Item& item = at(i);
  if (item.valence == 0 || ((item.roles & kVerbOnly) && !follows_subject(i)) || is_in_name(i)) return 0;
  if ((item.roles & kModifier) && i + 1 < added_) {  // "pretty bad": "pretty" only modifies
    const Item& next = at(i + 1);
    if (same_clause(i, i + 1) && (next.valence != 0 || (next.roles & kScalar))) return 0;
  }
  double valence = item.valence;
  if (case_.mixed && (item.token_flags & kAllCaps)) valence = emphasise(valence, kCapsEmphasis);
  if (item.token_flags & kElongated) valence = emphasise(valence, kElongationEmphasis);
  bool emphatic_between = false;  // an emphatic word between a negator and this word
  for (std::uint64_t distance = 1; distance <= kLookbehind && distance <= i; ++distance) {
    const Item& before = at(i - distance);
    if (!same_clause(i - distance, i)) break;
    valence = apply_modifier(valence, before, distance);
    if (before.negates) valence *= (before.roles & kNever) && emphatic_between ? kNeverSoEmphasis : kNegation;
    emphatic_between |= (before.roles & kEmphatic) != 0;
  }
  if (i >= 1 && same_clause(i - 1, i) && (at(i - 1).roles & kLeast)) valence *= kNegation;
  return valence;
}

// "I like", "really like", "don't like": the word before word i makes it a verb.
bool ValenceRules::follows_subject(std::uint64_t i) const {
  if (i == 0 || !same_clause(i - 1, i)) return false;
  return (at(i - 1).roles & kSubject) || at(i - 1).negates;
}

// A capitalised word inside a sentence, next to another one, is part of a name: "Super Eagles",
// "Black Friday", "Social Justice". Not in text where most words are capitalised ("So Far So Good").
bool ValenceRules::is_in_name(std::uint64_t i) const {
  const auto capitalised = [this](std::uint64_t k) {
    return k < added_ && (at(k).token_flags & kCapitalized) && !at(k).place.starts_sentence;
  };
  return case_.capitals_name && capitalised(i) &&
         ((i >= 1 && capitalised(i - 1) && adjacent(i)) || (capitalised(i + 1) && adjacent(i + 1)));
}

// A booster or dampener `distance` words before a word with `valence` pushes it away from or towards 0.
double ValenceRules::apply_modifier(double valence, const Item& modifier, std::uint64_t distance) const {
  if (!(modifier.roles & kScalar)) return valence;
  double scalar = (modifier.roles & kBooster) ? kBoost : -kBoost;
  if (valence < 0) scalar = -scalar;
  if (case_.mixed && (modifier.token_flags & kAllCaps)) scalar += valence > 0 ? kCapsEmphasis : -kCapsEmphasis;
  if (distance == 2) scalar *= kSecondWordBack;
  if (distance == 3) scalar *= kThirdWordBack;
  return valence + scalar;
}

}  // namespace loopscore
