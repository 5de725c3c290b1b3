// The near-duplicate search of Calm: the same answer as comparing every fingerprint with every
// earlier one, on inputs made to hit its groups.
#include "loopscore/loop/near_duplicates.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <random>
#include <stdexcept>
#include <vector>

namespace loopscore {
namespace {

// The answer by definition: every pair, in O(n²).
std::vector<char> every_pair(const std::vector<std::uint64_t>& fingerprints, int bits) {
  std::vector<char> near(fingerprints.size(), 0);
  for (std::size_t i = 0; i < fingerprints.size(); ++i) {
    for (std::size_t j = 0; j < i && !near[i]; ++j) near[i] = std::popcount(fingerprints[i] ^ fingerprints[j]) <= bits;
  }
  return near;
}

// Fingerprints in clusters: each a few bits (0 to 6) away from one of a few centres, so that many share
// blocks, many are near and many are just too far; and some wholly random.
std::vector<std::uint64_t> clustered(std::size_t count, std::uint32_t seed) {
  std::mt19937_64 random(seed);
  std::vector<std::uint64_t> centres(12);
  for (std::uint64_t& c : centres) c = random();
  std::vector<std::uint64_t> out;
  for (std::size_t i = 0; i < count; ++i) {
    if (random() % 8 == 0) {
      out.push_back(random());
      continue;
    }
    std::uint64_t f = centres[random() % centres.size()];
    for (std::uint64_t flips = random() % 7; flips > 0; --flips) f ^= std::uint64_t{1} << (random() % 64);
    out.push_back(f);
  }
  return out;
}

TEST(NearDuplicates, AgreesWithComparingEveryPair) {
  for (const std::uint32_t seed : {1u, 2u, 3u}) {
    const std::vector<std::uint64_t> fingerprints = clustered(3000, seed);
    for (int bits = 0; bits <= kMaxNearDuplicateBits; ++bits) {
      const std::vector<char> expected = every_pair(fingerprints, bits);
      EXPECT_EQ(mark_near_duplicates(fingerprints, bits), expected) << "seed " << seed << ", bits " << bits;
      std::size_t marked = 0;
      for (const char n : expected) marked += n;
      EXPECT_GT(marked, 100u) << "the inputs must hold near pairs for the test to mean anything";
      EXPECT_LT(marked, fingerprints.size() - 100) << "and fingerprints with none";
    }
  }
}

TEST(NearDuplicates, OnlyAnEarlierFingerprintCounts) {
  const std::uint64_t a = 0x0123456789ABCDEFull;
  const std::uint64_t three_away = a ^ (1ull << 0) ^ (1ull << 31) ^ (1ull << 63);  // one bit in three blocks
  const std::uint64_t four_away = three_away ^ (1ull << 40);
  EXPECT_EQ(mark_near_duplicates(std::vector<std::uint64_t>{a, three_away, four_away}, 3),
            (std::vector<char>{0, 1, 1}));  // four_away is one bit from three_away
  EXPECT_EQ(mark_near_duplicates(std::vector<std::uint64_t>{a, four_away}, 3), (std::vector<char>{0, 0}));
  EXPECT_EQ(mark_near_duplicates(std::vector<std::uint64_t>{a, a, a}, 0), (std::vector<char>{0, 1, 1}));
  EXPECT_TRUE(mark_near_duplicates(std::vector<std::uint64_t>{}, 3).empty());
  EXPECT_EQ(mark_near_duplicates(std::vector<std::uint64_t>{a}, 3), (std::vector<char>{0}));
}

TEST(NearDuplicates, RefusesMoreBitsThanItCanFind) {
  EXPECT_THROW(mark_near_duplicates(std::vector<std::uint64_t>{1, 2}, 4), std::invalid_argument);
  EXPECT_THROW(mark_near_duplicates(std::vector<std::uint64_t>{1, 2}, -1), std::invalid_argument);
}

}  // namespace
}  // namespace loopscore
