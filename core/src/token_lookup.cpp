#include "token_lookup.hpp"

namespace loopscore {
namespace {

// "don't", "isn't" (the key has ’ as '): byte by byte, as ends_with("n't") is a memcmp call in wasm.
bool ends_with_nt(std::string_view key) {
  const std::size_t n = key.size();
  return n >= 3 && key[n - 3] == 'n' && key[n - 2] == '\'' && key[n - 1] == 't';
}

}  // namespace

void lookup_tokens(std::span<const Token> tokens, std::vector<TokenLookup>& out) {
  out.resize(tokens.size());
  lexicon::Key key;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    TokenLookup& lookup = out[i];
    const lexicon::Entry* entry = lexicon::find_token(token, key);  // nullptr, without a lookup, for other kinds
    lookup.entry = entry;
    lookup.roles = entry != nullptr ? entry->roles : 0;
    lookup.signal_record = entry != nullptr ? entry->signal_record : 0;
    const bool keyed = token.kind == TokenKind::word || token.kind == TokenKind::hashtag ||
                       token.kind == TokenKind::emoji || token.kind == TokenKind::emoticon;
    lookup.key_hash = keyed && !key.overflow() && !key.view().empty() ? key.hash() : 0;
    lookup.negates = (lookup.roles & lexicon::kNegator) || (token.kind == TokenKind::word && ends_with_nt(key.view()));
  }
}

}  // namespace loopscore
