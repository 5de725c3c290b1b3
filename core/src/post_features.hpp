#pragma once
// What one pass over a post's tokens finds (internal to the core): the cue classes of its words, the
// sums of their learned weights, where its sentences open and end, its marks of emphasis. Both the
// learned heads (linear_model.hpp) and the rules (signal_rules.hpp) read it; tools/train_signals
// computes the same features to train on.

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "loopscore/sentiment.hpp"
#include "loopscore/tokenizer.hpp"
#include "signal_model.hpp"
#include "token_lookup.hpp"

namespace loopscore {

/// The features of one post.
struct PostFeatures {
  std::array<double, kDenseCount> dense{};              ///< the heads' dense features (signal_model.hpp)
  std::array<std::int32_t, kHeadCount> word_weights{};  ///< per head, the learned weights of its words, summed
  std::uint32_t cues = 0;          ///< cue classes of its words and cue phrases, unless negated
  std::uint32_t negated_cues = 0;  ///< cue classes of words up to three words after a negator: "don't want"
  std::uint32_t opening_cues = 0;  ///< cue classes of the words that open its sentences
  int words = 0;                   ///< word tokens
  int caps_words = 0;              ///< words of three or more letters in ALL CAPS
  int exclamation_marks = 0;
  int longest_exclamation_run = 0;  ///< 3 for "!!!"
  int question_marks = 0;
  int hashtags = 0;
  int emoji = 0;  ///< emoji and emoticons
  int mentions = 0;
  int urls = 0;
  bool opens_with_mention = false;  ///< "@ann ..." (after an "RT" or not)
  bool service_mention = false;     ///< names a customer-service account: "@AcmeHelp", "@acme_support", "@AskAcme"

  bool ends_with_question = false;  ///< no word after its last "?"
  bool price = false;               ///< "$20", "50%", "€5", "20 euros"
  bool retweet = false;             ///< "RT @ann: ..."
  bool contraction = false;         ///< a word with an apostrophe: "we're", "don't"
  bool signed_off = false;          ///< ends with a signature: "- Sam", "^AB", "~ Ana"
};

/// A word pair a post holds, for the trainer: its hash and the indices of its two tokens (-1 for a
/// unit that is no token: the start of a sentence).
struct PairSeen {
  std::uint32_t hash;
  int first;
  int second;
};

/// True for a token whose lexicon record adds its learned weights: words, hashtags, emoji and
/// emoticons, except the "RT" that opens a retweet.
bool carries_word_weights(std::span<const Token> tokens, std::size_t i);

/// True for the handle of a customer-service account: "@AcmeHelp", "@acme_support", "@AcmeCares",
/// "@AskAcme", "@acme_cs", "@AcmeService".
bool is_service_handle(std::string_view mention);

/// Reads the features of a post from its tokens, their lookups (lookup_tokens) and its sentiment.
void read_post_features(std::span<const Token> tokens, std::span<const TokenLookup> lookups,
                        const Sentiment& sentiment, PostFeatures& out, std::vector<PairSeen>* pairs = nullptr);

}  // namespace loopscore
