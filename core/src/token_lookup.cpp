#include "token_lookup.hpp"

namespace loopscore {

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
    lookup.negates = (lookup.roles & lexicon::kNegator) || (token.kind == TokenKind::word && key.view().ends_with("n't"));
  }
}

}  // namespace loopscore
