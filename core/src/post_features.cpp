#include "post_features.hpp"

#include <algorithm>

#include "clause_marks.hpp"

namespace loopscore {
namespace {

using lexicon::Entry;

// Words that let the next word open the sentence too: "Hi, can you...", "Please send...".
constexpr std::uint32_t kOpensWithTheNextWord = kCueGreeting | kCuePolite;
constexpr int kNegationReach = 3;  // a negator reaches three words, as in the sentiment rules
constexpr int kHashtagsForFull = 5;
constexpr int kEmojiForFull = 5;
constexpr int kWordsForFull = 40;

const SignalRecord* record_of(const Entry* entry) {
  return entry != nullptr && entry->signal_record != 0 ? &kSignalTables.records[entry->signal_record] : nullptr;
}

const SignalRecord* record_of(const TokenLookup& lookup) {
  return lookup.signal_record != 0 ? &kSignalTables.records[lookup.signal_record] : nullptr;
}

bool is_word(const Token& token) { return token.kind == TokenKind::word; }

bool is_currency(std::string_view text) {
  return text == "$" || text.starts_with("\u20AC") || text.starts_with("\u00A3") || text.starts_with("\u00A5") ||
         text.starts_with("\u20B9");
}

// "- Sam", "~Ana", "^AB" at the very end: a person signs the post.
bool ends_with_signature(std::span<const Token> tokens) {
  const std::size_t n = tokens.size();
  if (n < 3) return false;
  const Token& name = tokens[n - 1];
  const Token& dash = tokens[n - 2];
  const bool is_name = is_word(name) && ((name.flags & kCapitalized) || ((name.flags & kAllCaps) && name.text.size() <= 3));
  const bool is_dash = (dash.kind == TokenKind::punctuation || dash.kind == TokenKind::other) &&
                       (dash.text == "-" || dash.text == "~" || dash.text == "^" || dash.text == "\u2013" ||
                        dash.text == "\u2014");
  return is_name && is_dash;
}

// The cue phrase of two or three adjacent words that ends with word token `i`, or nullptr.
const SignalRecord* find_cue_phrase(std::span<const Token> tokens, std::span<const TokenLookup> lookups, std::size_t i,
                                    lexicon::Key& key) {
  const auto starts_phrase = [&](std::size_t k) {
    return is_word(tokens[k]) && (lookups[k].roles & lexicon::kCueStart);
  };
  for (const std::size_t length : {3u, 2u}) {
    if (i + 1 < length || !starts_phrase(i + 1 - length)) continue;
    key.clear();
    bool words = true;
    for (std::size_t k = i + 1 - length; k <= i; ++k) {
      words &= is_word(tokens[k]);
      if (k > i + 1 - length) key.push(' ');
      key.append(tokens[k].text);
    }
    if (!words) continue;
    if (const SignalRecord* record = record_of(lexicon::find(key))) return record;
  }
  return nullptr;
}

// "RT @ann: ...": a marker, not a word.
bool is_retweet_marker(std::span<const Token> tokens, std::size_t i) {
  return i == 0 && tokens.size() > 1 && tokens[1].kind == TokenKind::mention &&
         (tokens[0].text == "RT" || tokens[0].text == "rt");
}

}  // namespace

bool is_service_handle(std::string_view mention) {
  constexpr std::size_t kLongest = 32;
  if (mention.starts_with('@')) mention.remove_prefix(1);
  if (mention.empty() || mention.size() > kLongest) return false;
  char lower[kLongest];
  for (std::size_t i = 0; i < mention.size(); ++i) {
    const char c = mention[i];
    lower[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  }
  const std::string_view h(lower, mention.size());
  for (const std::string_view part : {"help", "support", "care", "service", "assist"}) {
    if (h.find(part) != std::string_view::npos) return true;
  }
  return (h.starts_with("ask") && h.size() > 4) || (h.ends_with("_cs") || (h.ends_with("cs") && h.size() > 4 && mention[mention.size() - 2] == 'C'));
}

bool carries_word_weights(std::span<const Token> tokens, std::size_t i) {
  switch (tokens[i].kind) {
    case TokenKind::word: return !is_retweet_marker(tokens, i);
    case TokenKind::hashtag:
    case TokenKind::emoji:
    case TokenKind::emoticon: return true;
    default: return false;
  }
}

void read_post_features(std::span<const Token> tokens, std::span<const TokenLookup> lookups,
                        const Sentiment& sentiment, PostFeatures& f, std::vector<PairSeen>* pairs) {
  f = PostFeatures{};
  // Word pairs: each unit (a word, hashtag, emoji, mention, link, number, "?" or "!") with the one
  // before it, or with the start of its sentence; their learned weights add to the words'.
  std::uint32_t previous_unit = kUnitStart;
  int previous_index = -1;
  const auto pair_with = [&](std::uint32_t unit, int index) {
    if (previous_unit != 0 && unit != 0) {
      const std::uint32_t hash = pair_hash(previous_unit, unit);
      if (const PairRecord* record = find_pair(hash)) {
        for (std::size_t h = 0; h < kHeadCount; ++h) f.word_weights[h] += record->weights[h];
      }
      if (pairs != nullptr) pairs->push_back({hash, previous_index, index});
    }
    previous_unit = unit;
    previous_index = index;
  };
  lexicon::Key key;
  bool opening = true;       // the next word opens a sentence
  int negated_words = 0;     // words still under a negator
  bool negation = false;
  bool number = false;
  bool after_currency = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    const TokenLookup& lookup = lookups[i];
    switch (token.kind) {
      case TokenKind::word:
        if (is_retweet_marker(tokens, i)) {
          f.retweet = true;
          continue;
        }
        pair_with(lookup.key_hash, static_cast<int>(i));
        ++f.words;
        f.caps_words += (token.flags & kAllCaps) && token.text.size() >= 3;
        f.contraction |= (token.flags & kApostrophe) != 0;
        f.ends_with_question = false;
        [[fallthrough]];
      case TokenKind::hashtag:
      case TokenKind::emoji:
      case TokenKind::emoticon: {
        if (token.kind != TokenKind::word) pair_with(lookup.key_hash, static_cast<int>(i));
        f.hashtags += token.kind == TokenKind::hashtag;
        f.emoji += token.kind == TokenKind::emoji || token.kind == TokenKind::emoticon;
        std::uint32_t cues = 0;
        if (const SignalRecord* record = record_of(lookup)) {
          cues = record->cues;
          for (std::size_t h = 0; h < kHeadCount; ++h) f.word_weights[h] += record->weights[h];
        }
        (negated_words > 0 ? f.negated_cues : f.cues) |= cues;
        if ((lookup.roles & lexicon::kCueEnd) && is_word(token)) {
          if (const SignalRecord* phrase = find_cue_phrase(tokens, lookups, i, key)) {
            f.cues |= phrase->cues;  // a phrase holds its own negation: "not working", "can't wait"
            cues |= phrase->cues;
          }
        }
        if (is_word(token)) {
          if (opening) f.opening_cues |= cues;
          opening = opening && (cues & kOpensWithTheNextWord);
          negated_words = lookup.negates ? kNegationReach : std::max(0, negated_words - 1);
          negation |= lookup.negates;
        }
        break;
      }
      case TokenKind::number:
        pair_with(kUnitNumber, static_cast<int>(i));
        number = true;
        f.price |= after_currency || token.text.find_first_of("$%") != std::string_view::npos;
        f.ends_with_question = false;
        opening = false;
        break;
      case TokenKind::punctuation: {
        // The marks counted in one pass (a library find() a mark is a call per token in wasm).
        int questions = 0, exclamations = 0;
        for (std::size_t k = 0, run = 0; k < token.text.size(); ++k) {
          const char c = token.text[k];
          exclamations += c == '!';
          questions += c == '?';
          run = c == '!' ? run + 1 : 0;
          f.longest_exclamation_run = std::max(f.longest_exclamation_run, static_cast<int>(run));
        }
        f.exclamation_marks += exclamations;
        f.question_marks += questions;
        const bool fullwidth_question =
            static_cast<unsigned char>(token.text[0]) >= 0x80 && token.text.starts_with("\uFF1F");
        if (questions > 0 || fullwidth_question) {
          f.ends_with_question = true;
          f.question_marks += fullwidth_question;
        }
        const bool sentence_end = ends_sentence(token.text);
        opening |= sentence_end || token.text[0] == ':';
        if (questions > 0) {
          pair_with(kUnitQuestion, static_cast<int>(i));
          previous_unit = kUnitStart, previous_index = -1;
        } else if (exclamations > 0) {
          pair_with(kUnitExclaim, static_cast<int>(i));
          previous_unit = kUnitStart, previous_index = -1;
        } else if (sentence_end) {
          previous_unit = kUnitStart, previous_index = -1;
        }
        if (breaks_clause(token.text)) negated_words = 0;
        break;
      }
      case TokenKind::mention:
        pair_with(kUnitMention, static_cast<int>(i));
        ++f.mentions;
        f.service_mention |= is_service_handle(token.text);
        f.opens_with_mention |= f.words == 0 && !f.retweet && i == 0;
        break;
      case TokenKind::url:
        pair_with(kUnitUrl, static_cast<int>(i));
        ++f.urls;
        break;
      default: break;
    }
    after_currency = token.kind == TokenKind::other && is_currency(token.text);
  }
  f.price |= number && (f.cues & kCueMoney);
  f.signed_off = ends_with_signature(tokens);

  auto& d = f.dense;
  const auto set = [&d](Dense feature, double value) { d[static_cast<std::size_t>(feature)] = value; };
  const auto share = [](int count, int full) { return std::min(1.0, count / static_cast<double>(full)); };
  set(Dense::question_mark, f.question_marks > 0);
  set(Dense::ends_with_question, f.ends_with_question);
  set(Dense::wh_opening, (f.opening_cues & kCueWh) != 0);
  set(Dense::aux_opening, (f.opening_cues & kCueAux) != 0);
  set(Dense::command_opening, (f.opening_cues & (kCueCommand | kCuePolite)) != 0);
  set(Dense::you_opening, (f.opening_cues & kCueYou) != 0);
  set(Dense::exclamation, f.exclamation_marks > 0);
  set(Dense::url, f.urls > 0);
  set(Dense::mention, f.mentions > 0);
  set(Dense::opens_with_mention, f.opens_with_mention);
  set(Dense::retweet, f.retweet);
  set(Dense::hashtags, share(f.hashtags, kHashtagsForFull));
  set(Dense::emoji, share(f.emoji, kEmojiForFull));
  set(Dense::caps, f.words > 0 ? f.caps_words / static_cast<double>(f.words) : 0.0);
  set(Dense::number, number);
  set(Dense::price, f.price);
  set(Dense::negation, negation);
  set(Dense::words, share(f.words, kWordsForFull));
  set(Dense::compound, sentiment.compound);
  set(Dense::positive, sentiment.positive);
  set(Dense::negative, sentiment.negative);
  for (int bit = 0; bit < kCueCount; ++bit) d[cue_feature(bit)] = (f.cues >> bit) & 1u;
}

}  // namespace loopscore
