// TextPosition counts lines and columns over long stretches of input (every byte of a JSONL file
// goes through it when the buffer is compacted): checked against a plain count, across block
// edges, with multi-byte characters and in several steps.
#include "read_context.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace loopscore {
namespace {

TextPosition plain_position(const std::string& text, std::size_t target) {
  TextPosition p;
  for (std::size_t i = 0; i < target; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++p.column;
    }
  }
  p.offset = target;
  return p;
}

TEST(TextPosition, CountsLikeAPlainLoop) {
  const std::string pieces[] = {"a", "\n", "é", "😀", "{\"text\":\"x\"}\n", std::string(300, 'b'), std::string(600, '\n')};
  std::mt19937 random(3);
  for (int round = 0; round < 200; ++round) {
    std::string text;
    const int parts = 1 + static_cast<int>(random() % 40);
    for (int k = 0; k < parts; ++k) text += pieces[random() % std::size(pieces)];
    TextPosition stepped;
    std::size_t at = 0;
    while (at < text.size()) {
      at = std::min(text.size(), at + 1 + random() % 700);
      while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;  // whole characters
      stepped.advance(text, 0, at);
      const TextPosition expected = plain_position(text, at);
      ASSERT_EQ(stepped.line, expected.line) << round;
      ASSERT_EQ(stepped.column, expected.column) << round;
      ASSERT_EQ(stepped.offset, expected.offset);
    }
  }
}

}  // namespace
}  // namespace loopscore
