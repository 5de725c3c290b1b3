#include "signal_model.hpp"

namespace loopscore {
namespace {

constexpr std::string_view kHeadNames[kHeadCount] = {"question", "request", "promo",     "love",     "want",
                                                     "like",     "gratitude", "anger", "polarity", "neutral"};

constexpr std::string_view kStructuralNames[kStructuralCount] = {
    "question_mark", "ends_with_question", "wh_opening", "aux_opening", "command_opening", "you_opening",
    "exclamation",   "url",                "mention",    "opens_with_mention", "retweet",  "hashtags",
    "emoji",         "caps",               "number",     "price",       "negation",        "words",
    "compound",      "positive",           "negative"};

constexpr std::string_view kCueNames[kCueCount] = {
    "cue:wh",      "cue:aux",     "cue:polite",  "cue:command", "cue:you",      "cue:i",        "cue:we",
    "cue:thanks",  "cue:love",    "cue:want",    "cue:approve", "cue:anger",    "cue:buy",      "cue:bought",
    "cue:offer",   "cue:shop",    "cue:money",   "cue:problem", "cue:still",    "cue:service",  "cue:tip",
    "cue:credit",  "cue:press",   "cue:aware",   "cue:consider", "cue:use",     "cue:recommend", "cue:laugh",
    "cue:greeting", "cue:sorry",  "cue:answer",  "cue:swear"};

}  // namespace

// kSignalTables is constant-initialised, so it is complete before this runs.
const std::array<std::uint64_t, 64> kPairFilter = [] {
  std::array<std::uint64_t, 64> bits{};
  for (std::uint32_t slot = 0; slot <= kSignalTables.pair_mask; ++slot) {
    const std::uint32_t hash = kSignalTables.pairs[slot].hash;
    if (hash == 0) continue;
    const std::uint32_t bit = pair_filter_bit(hash);
    bits[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  return bits;
}();

std::string_view head_name(Head head) { return kHeadNames[static_cast<std::size_t>(head)]; }

std::string_view dense_name(std::size_t feature) {
  if (feature < kStructuralCount) return kStructuralNames[feature];
  if (feature < kDenseCount) return kCueNames[feature - kStructuralCount];
  return "unknown";
}

}  // namespace loopscore
