#pragma once
// Per-post signals behind the Loop Score: what a post does (asks, complains, pushes) and what it
// feels (love, want, like, thanks, anger), its stage in the social feedback cycle, and its tone.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace loopscore {

/// The yes/no judgements made about each post (each with a confidence).
enum class Signal : std::uint8_t {
  question,         ///< asks something that expects an answer
  request,          ///< asks someone to do something
  complaint,        ///< reports a breach of expectations (not just a bad mood)
  promo,            ///< pushes: offers, prices, codes, calls to action, "link in bio"
  purchase_intent,  ///< wants to buy, is about to, or just did
  love,             ///< love, adoration, delight for the thing
  want,             ///< desire, longing, "need this", "take my money"
  like,             ///< mild approval without emotional investment
  gratitude,        ///< thanks
  anger,            ///< anger or annoyance
};
inline constexpr std::size_t kSignalCount = 10;

/// Name used in reports ("question", "purchase_intent", ...).
std::string_view signal_name(Signal signal);

/// Stage of the social feedback cycle (Evans, "Social Media Marketing", ch. 1) a post speaks from.
enum class Stage : std::uint8_t { none, awareness, consideration, purchase, use, opinion, advocacy };

/// Name used in reports ("none", "awareness", ...).
std::string_view stage_name(Stage stage);

/// Which kinds of shouting a post shows, as bits of Signals::shout_marks.
enum ShoutMark : std::uint8_t {
  kShoutCaps = 1,      ///< mostly upper-case words
  kShoutExclaims = 2,  ///< "!!" or more
  kShoutHashtags = 4,  ///< hashtag stuffing
  kShoutEmoji = 8,     ///< emoji stuffing
};

/// Everything judged about one post beyond its sentiment.
struct Signals {
  // The doubles first, then the bytes: no padding between them (a million posts are kept at once).
  std::array<double, kSignalCount> confidence{};  ///< 0..1 per Signal
  double shouting = 0;            ///< 0..1: caps, "!!!", hashtag and emoji stuffing
  double voice = 0.5;             ///< 0..1: human voice (1) vs press-release tone (0)
  Stage stage = Stage::none;
  std::uint8_t shout_marks = 0;   ///< ShoutMark bits behind `shouting`
  bool useful = false;            ///< answers, tips, how-to
  bool credit = false;            ///< credits or congratulates others: "h/t @x", "congrats to", "via @x"

  /// The confidence at or above which a signal counts as present.
  static constexpr double kPresent = 0.5;
  double operator[](Signal s) const { return confidence[static_cast<std::size_t>(s)]; }
  double& operator[](Signal s) { return confidence[static_cast<std::size_t>(s)]; }
  /// True when the signal counts as present.
  bool has(Signal s) const { return (*this)[s] >= kPresent; }
};

}  // namespace loopscore
