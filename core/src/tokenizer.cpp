// PLACEHOLDER: splits on ASCII spaces (replaced by the real tokenizer).
#include "loopscore/tokenizer.hpp"
namespace loopscore {
void tokenize(std::string_view text, std::vector<Token>& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    if (j > i) out.push_back({text.substr(i, j - i), TokenKind::word, 0});
    i = j;
  }
}
}  // namespace loopscore
