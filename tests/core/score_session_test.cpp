// ScoreSession hands its input to the reader in slices of its own (cut anywhere, inside UTF-8
// characters too): the output must not depend on how the input was cut into pieces, and a piece that crosses max_input_bytes must still be
// refused whole, before any of it is read.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "loopscore/analysis.hpp"
#include "loopscore/input_error.hpp"

namespace loopscore {
namespace {

std::string many_posts(int n) {
  std::string input;
  for (int i = 0; i < n; ++i) {
    input += "{\"id\":\"" + std::to_string(i) + "\",\"text\":\"Post " + std::to_string(i) +
             (i % 7 == 0 ? " is great, thanks @brand! 😀😀 café\"" : " why is the app so slow today? 🔥\"") +
             (i % 13 == 0 ? ",\"x\":\"\x80\x80\x80\x80\x80\xF0\x9F\"" : "") +  // ill-formed UTF-8, repaired
             ",\"created_at\":\"2024-01-01T00:00:46.042Z\",\"likes\":" + std::to_string(i % 50) + "}\n";
    if (i % 97 == 0) input += "{\"id\":\"bad\",\"text\":}\n";  // skipped lines too
  }
  return input;
}

std::string score_in_pieces(std::string_view input, std::size_t piece_bytes, const AnalysisOptions& options = {}) {
  std::string out;
  ScoreSession session(options, [&out](std::string_view piece) { out.append(piece); });
  for (std::size_t at = 0; at < input.size(); at += piece_bytes) session.feed(input.substr(at, piece_bytes));
  session.finish();
  return out;
}

TEST(ScoreSession, OutputDoesNotDependOnThePieces) {
  const std::string input = many_posts(6000);  // several hundred KB: many slices
  ASSERT_GT(input.size(), std::size_t{300'000});
  const std::string whole = score_to_string(input, {});
  EXPECT_EQ(std::count(whole.begin(), whole.end(), '\n'), 6000 + 62);
  for (const std::size_t piece : {std::size_t{1} << 20, std::size_t{65536}, std::size_t{65537}, std::size_t{9999}, std::size_t{4096 * 3 + 1}}) {
    EXPECT_EQ(score_in_pieces(input, piece), whole) << piece;
  }
}

TEST(ScoreSession, APieceOverTheInputLimitIsRefusedBeforeAnyOfItIsRead) {
  const std::string input = many_posts(6000);
  const std::size_t piece = 150'000;
  AnalysisOptions options;
  options.read.limits.max_input_bytes = 2 * piece + piece / 2;
  std::string out;
  ScoreSession session(options, [&out](std::string_view text) { out.append(text); });
  session.feed(std::string_view(input).substr(0, piece));
  session.feed(std::string_view(input).substr(piece, piece));
  const std::string before = out;
  EXPECT_FALSE(before.empty());
  EXPECT_THROW(session.feed(std::string_view(input).substr(2 * piece, piece)), InputError);
  EXPECT_EQ(out, before);
}

}  // namespace
}  // namespace loopscore
