#pragma once
// A social-media tokenizer: words, emoji, emoticons, hashtags, mentions, URLs and the
// emphasis marks (ALL CAPS, elongation, repeated punctuation) that carry sentiment.

#include <cstdint>
#include <string_view>
#include <vector>

namespace loopscore {

/// What a token is.
enum class TokenKind : std::uint8_t {
  word,         ///< letters (any script), with inner apostrophes or hyphens: "don't", "e-mail"
  number,       ///< digits, with separators: "3", "1,000", "4.5", "$20" is cashtag-free money
  hashtag,      ///< "#tag"
  mention,      ///< "@user", "@user@instance.social"
  cashtag,      ///< "$TSLA"
  url,          ///< "https://...", "www.example.com"
  emoji,        ///< one emoji, including modifiers and ZWJ sequences
  emoticon,     ///< ":)", ":-(", "<3", ":D", "xD"
  punctuation,  ///< a run of the same mark: "!", "!!!", "?", "...", "?!"
  other         ///< anything else (symbols)
};

/// Marks on a token, as bits.
enum TokenFlag : std::uint8_t {
  kAllCaps = 1,    ///< a word of two or more letters, all upper case: "GREAT"
  kElongated = 2,  ///< a letter repeated three or more times: "soooo"
  kRepeated = 4,   ///< punctuation of two or more marks: "!!!", "??"
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
