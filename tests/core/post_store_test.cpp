// The post store keeps posts where they were put, with copies of their texts; the id index finds
// the first post stored with an id.
#include <gtest/gtest.h>

#include <string>

#include "loopscore/loop/post_id_index.hpp"
#include "loopscore/loop/post_store.hpp"

namespace loopscore {
namespace {

Post post_numbered(std::size_t i) {
  Post post;
  post.id = "1750000000000" + std::to_string(i);
  post.author = i % 2 ? "ann" : "";
  post.text = "post number " + std::to_string(i) + std::string(i % 300, 'x');  // some longer than a block of text
  post.reply_to_id = i > 0 ? "1750000000000" + std::to_string(i - 1) : "";
  post.likes = static_cast<std::int64_t>(i);
  post.record = i + 1;
  return post;
}

TEST(PostStore, KeepsPostsInOrderWithoutMovingThem) {
  PostStore store;
  std::vector<const AnalyzedPost*> addresses;
  Post reused;  // as a reader reuses its Post: the store must copy, not view, its strings
  for (std::size_t i = 0; i < 5000; ++i) {
    reused = post_numbered(i);
    AnalyzedPost& added = store.add(reused);
    added.score.text_hash = i;
    addresses.push_back(&added);
  }
  reused.text = "changed after the last add";
  ASSERT_EQ(store.size(), 5000u);
  std::size_t seen = 0;
  for (const AnalyzedPost& p : store) {
    const Post expected = post_numbered(seen);
    EXPECT_EQ(&p, addresses[seen]) << "post " << seen << " moved";
    EXPECT_EQ(p.post.id, expected.id);
    EXPECT_EQ(p.post.author, expected.author);
    EXPECT_EQ(p.post.text, expected.text);
    EXPECT_EQ(p.post.reply_to_id, expected.reply_to_id);
    EXPECT_EQ(p.post.likes, expected.likes);
    EXPECT_EQ(p.post.record, expected.record);
    EXPECT_EQ(p.score.text_hash, seen);
    ++seen;
  }
  EXPECT_EQ(seen, 5000u);
}

TEST(PostStore, KeepsTextsLongerThanAChunkAndMovesWhole) {
  PostStore store;
  Post big;
  big.id = "big";
  big.text = std::string(600 * 1024, 'a');
  store.add(big);
  store.add(post_numbered(7));
  const std::string_view kept = store.keep("@acme");
  const AnalyzedPost* first = &store[0];
  PostStore moved = std::move(store);
  EXPECT_EQ(store.size(), 0u);  // NOLINT(bugprone-use-after-move): left empty, and usable
  store.add(post_numbered(1));
  EXPECT_EQ(store[0].post.text, post_numbered(1).text);
  EXPECT_EQ(&moved[0], first) << "moving the store moved its posts";
  EXPECT_EQ(moved.size(), 2u);
  EXPECT_EQ(moved[0].post.text.size(), 600u * 1024);
  EXPECT_EQ(moved[0].post.text.find_first_not_of('a'), std::string_view::npos);
  EXPECT_EQ(moved[1].post.text, post_numbered(7).text);
  EXPECT_EQ(kept, "@acme");
  EXPECT_TRUE(moved.keep("").empty());
}

class PostIdIndexTest : public ::testing::TestWithParam<std::size_t> {};

TEST_P(PostIdIndexTest, FindsTheFirstPostOfEachId) {
  PostStore store;
  PostIdIndex index(store);
  index.reserve(GetParam());
  EXPECT_FALSE(index.find("1").has_value());
  // 20,000 ids grow the table many times; every tenth id comes twice.
  std::size_t repeats = 0;
  for (std::size_t i = 0; i < 20000; ++i) {
    Post post;
    post.id = std::to_string(i % 10 == 9 ? i - 1 : i);
    const auto earlier = index.claim(post.id, static_cast<std::uint32_t>(store.size()));
    if (earlier) {
      ++repeats;
      EXPECT_EQ(store[*earlier].post.id, post.id);
      continue;
    }
    store.add(post);
  }
  EXPECT_EQ(repeats, 2000u);
  EXPECT_EQ(store.size(), 18000u);
  for (std::size_t i = 0; i < store.size(); ++i) {
    const auto found = index.find(store[i].post.id);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(*found, i);
  }
  EXPECT_FALSE(index.find("9").has_value());
  EXPECT_FALSE(index.find("").has_value());
}

// Grown claim by claim, or sized beforehand (less than enough, and enough).
INSTANTIATE_TEST_SUITE_P(Sizes, PostIdIndexTest, ::testing::Values(0, 5000, 20000));

}  // namespace
}  // namespace loopscore
