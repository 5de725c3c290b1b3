#pragma once
// A social-media tokenizer: words, emoji, emoticons, hashtags, mentions, URLs and the
// emphasis marks (ALL CAPS, elongation, repeated punctuation) that carry sentiment.

#include <cstdint>
#include <string_view>
#include <vector>

namespace loopscore {

/// What a token is.
enum class TokenKind : std::uint8_t {
  word,         ///< letters (any script) and digits, with inner apostrophes or hyphens: "don't", "e-mail", "2nd"
  number,       ///< digits, with separators, a leading "$" and a trailing "%": "3", "1,000", "4.5", "$20", "50%"
  hashtag,      ///< "#tag"
  mention,      ///< "@user", "@user@instance.social", "@alice.bsky.social"
  cashtag,      ///< "$TSLA" (one to six letters; "$20" is a number)
  url,          ///< "https://...", "www.example.com"
  email,        ///< "help@example.com"
  emoji,        ///< one emoji cluster, including modifiers, ZWJ sequences, flags and keycaps
  emoticon,     ///< ":)", ":-(", "<3", ":D", "xD", ":'(", "^_^"
  punctuation,  ///< a run of one mark ("...", ",") or of "!" and "?" mixed ("!!!", "?!")
  other         ///< anything else: symbols, stray "@", "#", "$"
};

/// Marks on a token, as bits.
enum TokenFlag : std::uint8_t {
  kAllCaps = 1,    ///< a word of two or more letters, all upper case: "GREAT"
  kElongated = 2,  ///< a letter repeated three or more times: "soooo"
  kRepeated = 4,   ///< punctuation of two or more marks: "!!!", "??"
  kHasLower = 8,   ///< a word with at least one lower-case letter: "Great", "iPhone"
  kCapitalized = 16,  ///< a word whose first letter alone is upper case: "Great"
  kApostrophe = 32,   ///< a word with an inner apostrophe: "don't", "we’re"
};

/// One token: a view into the tokenized text (which must outlive it).
struct Token {
  std::string_view text;
  TokenKind kind = TokenKind::other;
  std::uint8_t flags = 0;
};

/// Appends the tokens of `text` (valid UTF-8) to `out`, in order. Whitespace is dropped.
void tokenize(std::string_view text, std::vector<Token>& out);

}  // namespace loopscore
