#pragma once
// One lexicon lookup a token (internal to the core): the sentiment rules and the signals both read
// the result, so no token is looked up twice.

#include <cstdint>
#include <span>
#include <vector>

#include "lexicon.hpp"
#include "loopscore/tokenizer.hpp"

namespace loopscore {

/// What the lexicon says about one token.
struct TokenLookup {
  const lexicon::Entry* entry = nullptr;  ///< nullptr for unknown words and for tokens never looked up
  std::uint16_t roles = 0;                 ///< the entry's roles (copied: later passes need not touch it)
  std::uint16_t signal_record = 0;         ///< the entry's signal record, 0 for none (copied likewise)
  bool negates = false;                    ///< a negator: "not", "never", or any word ending in "n't"
  std::uint32_t key_hash = 0;              ///< hash of the key looked up (words, hashtags, emoji), 0 for none
};

/// Looks up every word, hashtag, emoji and emoticon of `tokens` once; `out` gets one lookup a token.
void lookup_tokens(std::span<const Token> tokens, std::vector<TokenLookup>& out);

}  // namespace loopscore
