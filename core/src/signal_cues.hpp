#pragma once
// Cue classes of words and phrases (internal to the core): what a word hints at beyond its
// sentiment. Our hand-written list core/lexicon/cues.txt gives them to lexicon keys, so the one
// lookup a token makes for its valence also brings its cues. The names in cues.txt are the ones
// below, and generate.mjs maps them to the same bits.

#include <cstdint>

namespace loopscore {

/// One bit a cue class.
enum Cue : std::uint32_t {
  kCueWh = 1u << 0,         ///< what, why, how, who, where, when, which
  kCueAux = 1u << 1,        ///< do, is, can, will, should...: opens a yes/no question
  kCuePolite = 1u << 2,     ///< please, pls, kindly
  kCueCommand = 1u << 3,    ///< verbs that open a request or a call to action: send, follow, check, join, tell
  kCueYou = 1u << 4,        ///< you, your, u, y'all
  kCueI = 1u << 5,          ///< i, me, my, i'm
  kCueWe = 1u << 6,         ///< we, us, our
  kCueThanks = 1u << 7,     ///< thanks, thank you, thx, grateful, appreciate
  kCueLove = 1u << 8,       ///< love, adore, favourite, ❤️, 😍
  kCueWant = 1u << 9,       ///< want, wish, need, crave, can't wait, take my money
  kCueApprove = 1u << 10,   ///< mild approval: nice, good, cool, fine, agree
  kCueAnger = 1u << 11,     ///< angry, furious, annoyed, pissed, wtf
  kCueBuy = 1u << 12,       ///< buy, order, purchase, pre-order, upgrade, afford
  kCueBought = 1u << 13,    ///< bought, ordered, purchased, arrived, received, just got
  kCueOffer = 1u << 14,     ///< sale, discount, deal, offer, code, coupon, giveaway, free shipping
  kCueShop = 1u << 15,      ///< shop, store, subscribe, sign up, link in bio, my channel
  kCueMoney = 1u << 16,     ///< price, euros, dollars, bucks, cost
  kCueProblem = 1u << 17,   ///< broken, damaged, refund, error, issue, delayed, not working
  kCueStill = 1u << 18,     ///< still, again, yet, waiting, nobody, hours, weeks: an expectation let down
  kCueService = 1u << 19,   ///< order, delivery, parcel, account, subscription, customer service
  kCueTip = 1u << 20,       ///< tip, guide, how to, trick, recipe, advice, tutorial
  kCueCredit = 1u << 21,    ///< congrats, kudos, shout-out, credit, hat tip, props
  kCuePress = 1u << 22,     ///< pleased to announce, committed to, strategic, partnership, solutions
  kCueAware = 1u << 23,     ///< heard, saw, discovered, just found, new, launch
  kCueConsider = 1u << 24,  ///< thinking about, considering, worth it, compare, should i
  kCueUse = 1u << 25,       ///< using, tried, tasted, been using, wearing
  kCueRecommend = 1u << 26, ///< recommend, must-have, you should try, go get
  kCueLaugh = 1u << 27,     ///< lol, haha, lmao
  kCueGreeting = 1u << 28,  ///< hi, hey, hello, good morning
  kCueSorry = 1u << 29,     ///< sorry, apologies
  kCueAnswer = 1u << 30,    ///< yes, sure, of course, here's, you can
  kCueSwear = 1u << 31,     ///< fuck, shit, damn: strong language
};
inline constexpr int kCueCount = 32;

}  // namespace loopscore
