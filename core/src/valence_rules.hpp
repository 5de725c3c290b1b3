#pragma once
// The word-level rules of the sentiment engine (internal to the core): each word-like token gets
// its lexicon valence, then phrases, boosters, dampeners, negation, capitals and elongation adjust
// it. Words stream through a small window (three behind, two ahead), so a text of any length is
// scored in constant memory without allocating.

#include <array>
#include <cstdint>
#include <string_view>

#include "lexicon.hpp"
#include "loopscore/tokenizer.hpp"
#include "token_lookup.hpp"
#include "valence_tally.hpp"

namespace loopscore {

/// Where a word-like token stands in its text.
struct WordPlace {
  std::uint32_t token_index = 0;  ///< index among all tokens: adjacent words make phrases and names
  std::uint32_t clause = 0;       ///< modifiers do not reach across clause marks (, . ; : ! ? -)
  bool starts_sentence = false;   ///< a capital here says nothing about names
};

/// What the capitals of the whole text say (read from all its words before scoring any).
struct TextCase {
  bool mixed = false;          ///< both ALL-CAPS and lower-case words: capitals are emphasis
  bool capitals_name = false;  ///< not title case (under 80 % capitalised): "Super Eagles" is a name
};

/// Applies the word rules to one text's words, in order, adding each final valence to a tally.
class ValenceRules {
 public:
  ValenceRules(ValenceTally& tally, TextCase text_case) : tally_(tally), case_(text_case) {}

  /// Takes the next word-like token of the text, with what the lexicon says about it.
  void add(const Token& token, const TokenLookup& lookup, const WordPlace& place);

  /// Scores the words still waiting for their lookahead.
  void finish();

 private:
  // One word-like token inside the window.
  struct Item {
    std::string_view text;
    double valence = 0;  // from the lexicon or a phrase, before the rules
    WordPlace place;
    std::uint16_t roles = 0;
    std::uint8_t token_flags = 0;
    bool negates = false;
    bool is_word = false;
    bool starts_phrase = false;  // kept when a phrase absorbs the word: "a little" in "a little bit"
    bool after_contrast = false;
  };
  static constexpr std::uint64_t kLookahead = 2;  // a three-word phrase can still absorb a word
  static constexpr std::uint64_t kLookbehind = 3;  // modifiers reach three words

  Item& at(std::uint64_t i) { return window_[i % window_.size()]; }
  const Item& at(std::uint64_t i) const { return window_[i % window_.size()]; }
  void match_phrase(std::uint64_t last);
  bool try_phrase(std::uint64_t first, std::uint64_t last);
  void score(std::uint64_t i);
  double modified_valence(std::uint64_t i) const;
  bool follows_subject(std::uint64_t i) const;
  bool is_in_name(std::uint64_t i) const;
  bool adjacent(std::uint64_t i) const { return i >= 1 && at(i - 1).place.token_index + 1 == at(i).place.token_index; }
  bool same_clause(std::uint64_t i, std::uint64_t j) const { return at(i).place.clause == at(j).place.clause; }
  double apply_modifier(double valence, const Item& modifier, std::uint64_t distance) const;
  double emphasise(double valence, double amount) const { return valence > 0 ? valence + amount : valence - amount; }

  ValenceTally& tally_;
  const TextCase case_;
  std::array<Item, 8> window_;  // holds kLookbehind + 1 + kLookahead items
  std::uint64_t added_ = 0;     // items added so far
  std::uint64_t scored_ = 0;    // items scored so far
  lexicon::Key key_;
};

}  // namespace loopscore
