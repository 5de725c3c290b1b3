#include "signal_rules.hpp"

#include <algorithm>

namespace loopscore {
namespace {

double head(const HeadScores& heads, Head h) { return heads[static_cast<std::size_t>(h)]; }
bool has(std::uint32_t cues, std::uint32_t cue) { return (cues & cue) != 0; }
double clamp01(double x) { return std::clamp(x, 0.0, 1.0); }

// A rule's evidence, a sum of hand-set weights with 0 at the decision threshold, as a confidence.
double confidence(double evidence) { return logistic(evidence); }

// Complaint: a breach of expectations (something broken, late, charged twice, nobody answering),
// not just a bad mood. No labelled set of complaints may be trained on, so the weights are ours:
// problem words weigh most, then an expectation let down ("still", "again", "for three weeks"), the
// things a service delivers, anger, and negativity as the lexicon and the polarity head see it.
double complaint_evidence(const PostFeatures& f, const HeadScores& heads, const Sentiment& s) {
  const std::uint32_t c = f.cues;
  const double negativity = 1.0 - head(heads, Head::polarity);  // learned on review sentences
  const bool problem = has(c, kCueProblem);
  const bool service = f.service_mention || has(c, kCueService);  // said to a company, or about what it delivers
  double e = -1.4;
  e += problem ? 1.2 : 0.0;
  e += has(c, kCueStill) ? (service || problem ? 0.8 : 0.4) : 0.0;  // "rain again" lets nobody down
  e += has(c, kCueService) ? 0.6 : 0.0;
  e += has(c, kCueAnger | kCueSwear) ? 0.5 : 0.0;
  // A bad mood weighs fully only where a company or what it delivers is in the post.
  const double mood = 1.0 * std::max(0.0, -s.compound) + 1.5 * (negativity - 0.5);
  e += service || problem ? mood : 0.6 * mood;
  e += f.mentions > 0 ? 0.5 : 0.0;        // said to someone, usually the company
  e += f.service_mention ? 0.7 : 0.0;     // said to its customer service: "@AcmeHelp"
  e -= has(c, kCueThanks | kCueLove) ? 0.8 : 0.0;
  // Asking, or asking for something, without a problem word or a bad word is an inquiry.
  const bool asks = f.question_marks > 0 || has(f.opening_cues, kCuePolite | kCueCommand);
  e -= asks && !problem && !has(c, kCueStill) && s.compound > -0.05 ? 0.8 : 0.0;
  return e;
}

// Purchase intent: wants to buy, is about to, or just did ("finally got mine", "love my new one").
double purchase_evidence(const PostFeatures& f, const Sentiment& s, double promo) {
  const std::uint32_t c = f.cues;
  double e = -0.6;
  e += has(c, kCueBuy) ? 1.6 : 0.0;
  e += has(c, kCueBought) ? 1.4 : 0.0;
  e += has(c, kCueWant) ? 1.2 : 0.0;
  e += 1.2 * s.compound;  // a clearly happy word about the thing is an owner's or a buyer's
  e -= has(f.negated_cues, kCueBuy | kCueWant) ? 1.5 : 0.0;
  e -= has(c, kCueProblem) ? 0.8 : 0.0;
  e -= promo >= Signals::kPresent ? 2.0 : 0.0;  // the seller's push is not the buyer's intent
  return e;
}

// Promotion by rule, beside the learned head: an offer or a price with a way to buy (a link, a call
// to action, a shop word), or a shop word on its own ("link in bio", "shop now", "subscribe").
double promo_evidence(const PostFeatures& f, const Sentiment& s) {
  const std::uint32_t c = f.cues;
  const bool offer = has(c, kCueOffer) || f.price;
  const bool way_to_buy = has(c, kCueShop) || f.urls > 0 || has(f.opening_cues, kCueCommand | kCueBuy);
  double e = -2.0;
  e += offer ? 1.2 : 0.0;
  e += way_to_buy ? 1.0 : 0.0;
  e += offer && way_to_buy ? 1.0 : 0.0;
  e += has(c, kCueShop) ? 1.0 : 0.0;
  e -= has(f.negated_cues, kCueShop | kCueOffer | kCueBuy) ? 1.5 : 0.0;  // "nothing to sell"
  e -= has(c, kCueProblem) || s.compound <= -0.3 ? 1.0 : 0.0;           // "tried the 10% off, it failed"
  return e;
}

// The promotion head learned on YouTube comments, where nearly any link is spam; elsewhere links are
// how people share news, so it counts only beside a sign of pushing: a shop word ("my channel",
// "subscribe", "link in bio"), an offer with a price or a link, or a link with next to no words or
// with a call to action ("Check this out: <link>", "join us <link>") not said to someone.
double promo_head(const PostFeatures& f, const HeadScores& heads) {
  constexpr int kFewWords = 6;
  const double confidence = head(heads, Head::promo);
  const bool call_to_action = has(f.opening_cues, kCueCommand) || (has(f.cues, kCueCommand) && f.mentions == 0);
  const bool pushes = has(f.cues, kCueShop) || (has(f.cues, kCueOffer) && (f.price || f.urls > 0)) ||
                      (f.urls > 0 && (f.words <= kFewWords || call_to_action));
  return pushes ? confidence : confidence / 2;  // below 0.5: never present on its own
}

Stage judge_stage(const PostFeatures& f, const Signals& s, const Sentiment& sentiment) {
  const std::uint32_t c = f.cues;
  const bool first_person = has(c, kCueI | kCueWe);
  if (has(c, kCueRecommend)) return Stage::advocacy;
  if (s.has(Signal::complaint)) return Stage::opinion;
  if (has(c, kCueBought)) return Stage::purchase;
  if (has(c, kCueUse) && first_person) return Stage::use;
  if ((s.has(Signal::love) || s.has(Signal::anger) || std::abs(sentiment.compound) >= 0.5) &&
      (first_person || has(c, kCueLove | kCueAnger)) && !s.has(Signal::question)) {
    return Stage::opinion;
  }
  if (has(c, kCueConsider | kCueBuy) || s.has(Signal::want) || s.has(Signal::purchase_intent)) return Stage::consideration;
  if (has(c, kCueAware)) return Stage::awareness;
  return Stage::none;
}

// Shouting: each mark counts from 0.5 when present, so one mark makes a post loud.
void judge_shouting(const PostFeatures& f, Signals& s) {
  double caps = 0, exclaims = 0, hashtags = 0, emoji = 0;
  if (f.caps_words >= 2 && f.caps_words * 2 >= f.words) caps = f.caps_words / static_cast<double>(f.words);
  if (f.longest_exclamation_run >= 2 || f.exclamation_marks >= 3) exclaims = std::min(1.0, f.exclamation_marks / 4.0);
  if (f.hashtags >= 3) hashtags = std::min(1.0, f.hashtags / 6.0);
  if (f.emoji >= 3) emoji = std::min(1.0, f.emoji / 6.0);
  s.shout_marks = static_cast<std::uint8_t>((caps > 0 ? kShoutCaps : 0) | (exclaims > 0 ? kShoutExclaims : 0) |
                                            (hashtags > 0 ? kShoutHashtags : 0) | (emoji > 0 ? kShoutEmoji : 0));
  s.shouting = clamp01(caps + exclaims + hashtags + emoji);
}

// Voice: 0.5, up with the marks of a person talking to people, down with press-release phrasing.
double judge_voice(const PostFeatures& f, const Signals& s) {
  const std::uint32_t c = f.cues;
  double v = 0.5;
  v += has(c, kCueI | kCueWe) ? 0.1 : 0.0;
  v += has(c, kCueYou) ? 0.1 : 0.0;
  v += f.contraction ? 0.05 : 0.0;
  v += f.signed_off ? 0.15 : 0.0;
  v += s.has(Signal::question) && has(c, kCueYou) ? 0.1 : 0.0;
  v += has(c, kCueGreeting | kCueThanks | kCueSorry | kCueLaugh) ? 0.05 : 0.0;
  v += f.emoji > 0 ? 0.05 : 0.0;
  v -= has(c, kCuePress) ? 0.35 : 0.0;
  return clamp01(v);
}

}  // namespace

Signals judge_signals(const PostFeatures& f, const HeadScores& heads, const Sentiment& sentiment) {
  Signals s;
  s[Signal::question] = head(heads, Head::question);
  s[Signal::request] = head(heads, Head::request);
  s[Signal::promo] = std::max(promo_head(f, heads), confidence(promo_evidence(f, sentiment)));
  s[Signal::love] = head(heads, Head::love);
  s[Signal::want] = head(heads, Head::want);
  s[Signal::like] = head(heads, Head::like);
  s[Signal::gratitude] = head(heads, Head::gratitude);
  s[Signal::anger] = head(heads, Head::anger);
  s[Signal::complaint] = confidence(complaint_evidence(f, heads, sentiment));
  s[Signal::purchase_intent] = confidence(purchase_evidence(f, sentiment, s[Signal::promo]));
  s.stage = judge_stage(f, s, sentiment);
  judge_shouting(f, s);
  s.voice = judge_voice(f, s);
  const bool promo = s.has(Signal::promo);
  s.useful = !promo && (has(f.cues, kCueTip) || (f.opens_with_mention && has(f.cues, kCueAnswer)) ||
                        (has(f.opening_cues, kCueCommand) && !s.has(Signal::request) && !s.has(Signal::question)));
  s.credit = has(f.cues, kCueCredit) || (has(f.cues, kCueThanks) && f.mentions > 0 && !f.opens_with_mention);
  return s;
}

SentimentLabel judge_label(const Sentiment& sentiment, const HeadScores& heads) {
  // Where the lexicon found sentiment, the polarity head (trained on review sentences) weighs in on
  // its direction; where it found none, the head names one when it is sure enough and the neutrality
  // head does not object. The constants were chosen by cross-validation on UCI (the heads' training
  // set) while keeping tweets (TweetEval, Sentiment140: never trained on) at the lexicon's level.
  constexpr double kHeadWeight = 1.0;    // a sure head (confidence 0 or 1) moves the compound by 0.5
  constexpr double kPositiveFrom = 0.1;  // weakly positive words in a tweet are mostly politeness
  constexpr double kMargin = 0.1;        // how far from 0.5 the head must be on a text without sentiment words
  constexpr double kNeutralFrom = 0.6;   // the neutrality head's say
  const double polarity = head(heads, Head::polarity);
  if (sentiment.label != SentimentLabel::neutral) {
    const double leaning = sentiment.compound + kHeadWeight * (polarity - 0.5);
    if (leaning >= kPositiveFrom) return SentimentLabel::positive;
    if (leaning <= -0.05) return SentimentLabel::negative;
    return SentimentLabel::neutral;
  }
  if (head(heads, Head::neutral) >= kNeutralFrom || std::abs(polarity - 0.5) < kMargin) return SentimentLabel::neutral;
  return polarity > 0.5 ? SentimentLabel::positive : SentimentLabel::negative;
}

}  // namespace loopscore
