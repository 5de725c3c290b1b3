#pragma once
// The sentiment lexicon (internal to the core): a table of normalised keys generated at build time
// by core/lexicon/generate.mjs from the pinned npm data packages and our hand-written lists, and
// an open-addressing hash index over it, built once at start-up. One lookup a token yields its
// valence, the roles it plays in the sentiment rules, and its signal record: the cue classes of
// core/lexicon/cues.txt and the learned weights of core/models/signals.tsv (signal_model.hpp).

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "little_endian.hpp"
#include "loopscore/tokenizer.hpp"

namespace loopscore::lexicon {

/// Roles a key plays in the sentiment rules, as bits.
enum Role : std::uint16_t {
  kBooster = 1,         ///< intensifies the sentiment word after it: "very", "so"
  kDampener = 2,        ///< weakens it: "slightly", "kind of"
  kNegator = 4,         ///< flips the next three words: "not", "never" (any "n't" word too)
  kNever = 8,           ///< "never", whose flip turns into emphasis before an emphatic word: "never so good"
  kEmphatic = 16,       ///< "so", "this" after "never"
  kLeast = 32,          ///< "least": flips the word right after it ("the least funny")
  kContrast = 64,       ///< "but": what follows it weighs more than what precedes it
  kPhraseEnd = 128,     ///< last word of a phrase ("kind of", "cut the mustard")
  kVerbOnly = 256,      ///< has sentiment only as a verb, after a subject: "I like it", not "like a boss"
  kSubject = 512,       ///< marks the next word as a verb: "I", "you", "really", "to"
  kPhraseStart = 1024,  ///< first word of a phrase: a phrase is looked up only from such a word
  kCueStart = 2048,     ///< first word of a cue phrase ("link in bio"): the signals look such phrases up
  kCueEnd = 4096,       ///< last word of a cue phrase
  kCueOnly = 8192,      ///< a cue phrase without sentiment of its own: the sentiment rules pass it by
};

/// One key of the table. Valences are on VADER's scale (-4..4) in hundredths.
struct Entry {
  std::uint32_t key_offset;
  std::uint16_t signal_record;  ///< index of the key's SignalRecord (cues and learned weights), 0 for none
  std::int16_t valence_centi;
  std::uint16_t roles;  ///< Role bits
  std::uint8_t key_length;

  /// Valence on VADER's scale; an exact division, so the same double on every platform.
  double valence() const { return valence_centi / 100.0; }
};

/// The table: the entries, sorted by key.
struct Table {
  const char* keys;  ///< all keys, concatenated
  const Entry* entries;
  std::uint32_t entry_count;
};

/// The table as generated (core/lexicon/generate.mjs), in columns that compress well.
struct Columns {
  const unsigned char* key_code;  ///< each key front-coded: bytes shared with the key before, bytes that follow, those bytes
  std::size_t key_code_size;
  const std::int16_t* valences;  ///< Entry::valence_centi
  const std::uint16_t* roles;    ///< Entry::roles
  const std::uint8_t* has_record;  ///< 1 where the key has the next signal record (numbered from 1 in table order)
  std::uint32_t entry_count;
};

/// Defined in the generated lexicon_data.cpp.
extern const Columns kColumns;

/// The table, rebuilt from kColumns once at start-up.
const Table& table();

/// A lookup key built in a fixed buffer: ASCII lower-cased, ’ read as ', emoji variation selectors
/// and skin tones dropped (generate.mjs normalises the table's keys the same way).
class Key {
 public:
  static constexpr std::size_t kCapacity = 64;

  void clear() {
    size_ = 0;
    overflow_ = false;
    chunk_ = 0;
    state_ = kHashSeed;
  }
  /// Appends `text` normalised (the fast path is ASCII, eight bytes at a time into an empty key).
  void append(std::string_view text) {
    if (text.size() > kCapacity - size_) {
      overflow_ = true;
      return;
    }
    if (size_ == 0 && append_ascii_words(text)) return;
    // The loop works on locals: its stores through `char*` could alias the members, which would
    // then go to memory and back for every byte.
    std::size_t size = size_;
    std::uint64_t chunk = chunk_, state = state_, head = head_;
    std::size_t i = 0;
    for (; i < text.size(); ++i) {
      const auto b = static_cast<unsigned char>(text[i]);
      if (b >= 0x80) break;
      const auto lower = static_cast<unsigned char>(b + (static_cast<unsigned>(b - 'A') < 26u ? 0x20 : 0));
      bytes_[size] = static_cast<char>(lower);
      chunk |= std::uint64_t{lower} << (8 * (size % 8));
      if (++size % 8 == 0) {
        if (size == 8) head = chunk;
        state = mix(state, chunk);
        chunk = 0;
      }
    }
    size_ = size;
    chunk_ = chunk;
    state_ = state;
    head_ = head;
    if (i < text.size()) append_unicode(text.substr(i));
  }
  /// Appends `text` normalised, with runs of one letter longer than `max_run` cut ("goood" -> "good").
  void append_collapsed(std::string_view text, int max_run);
  /// Appends one byte as it is (the space between the words of a phrase).
  void push(char byte) {
    if (size_ == kCapacity) {
      overflow_ = true;
    } else {
      add(byte);
    }
  }

  std::string_view view() const { return {bytes_, size_}; }
  /// True when something did not fit: such a key is never in the table.
  bool overflow() const { return overflow_; }

  /// The first eight bytes as a little-endian number, padded with zeros when the key is shorter.
  std::uint64_t head() const { return size_ < 8 ? chunk_ : head_; }

  /// The key's hash: the bytes in little-endian 8-byte chunks (the last padded with zeros), then the
  /// length, each mixed in by h = (h ^ x) * K, h ^= h >> 32. The same on every platform.
  std::uint32_t hash() const {
    std::uint64_t h = state_;
    if (size_ % 8 != 0) h = mix(h, chunk_);
    return static_cast<std::uint32_t>(mix(h, size_));
  }

 private:
  static constexpr std::uint64_t kHashSeed = 0x9AE16A3B2F90404Full;
  static constexpr std::uint64_t mix(std::uint64_t h, std::uint64_t x) {
    h = (h ^ x) * 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 32);
  }
  // Stores a byte and mixes every completed 8-byte chunk into the hash.
  void add(char byte) {
    const unsigned shift = 8 * (size_ % 8);
    chunk_ |= std::uint64_t{static_cast<unsigned char>(byte)} << shift;
    bytes_[size_++] = byte;
    if (shift == 56) {
      if (size_ == 8) head_ = chunk_;
      state_ = mix(state_, chunk_);
      chunk_ = 0;
    }
  }
  void append_unicode(std::string_view text);
  // An all-ASCII `text` (at most kCapacity bytes) into the empty key, a whole 8-byte chunk at a
  // time: the same bytes, chunks and hash as the byte loop. False, with the key left empty, for
  // text with a byte >= 0x80 (the bytes stored meanwhile lie past the key's size of 0).
  bool append_ascii_words(std::string_view text) {
    constexpr std::uint64_t kHigh = 0x8080808080808080ull;
    const std::size_t whole = text.size() / 8;
    std::uint64_t state = state_, head = head_, any_high = 0;
    for (std::size_t w = 0; w < whole; ++w) {
      const std::uint64_t word = load_little_endian(text.data() + 8 * w, 8);
      any_high |= word;
      const std::uint64_t lower = lower_ascii(word);
      std::memcpy(bytes_ + 8 * w, &lower, 8);
      state = mix(state, lower);
      if (w == 0) head = lower;
    }
    const std::uint64_t last = load_little_endian(text.data() + 8 * whole, text.size() % 8);  // 0 for none
    if ((any_high | last) & kHigh) return false;
    chunk_ = lower_ascii(last);
    std::memcpy(bytes_ + 8 * whole, &chunk_, 8);  // the slack after kCapacity takes a full key's zero chunk
    state_ = state;
    head_ = head;
    size_ = text.size();
    return true;
  }
  // The ASCII capitals of eight ASCII bytes lower-cased at once.
  static std::uint64_t lower_ascii(std::uint64_t x) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ull;
    const std::uint64_t from_a = x + kOnes * (0x80 - 'A');       // top bit set where a byte is >= 'A'
    const std::uint64_t after_z = x + kOnes * (0x80 - 'Z' - 1);  // ... where it is > 'Z'
    return x | ((from_a & ~after_z & (kOnes * 0x80)) >> 2);      // 0x80 >> 2 is 'a' - 'A'
  }

  char bytes_[kCapacity + 8];  // 8 bytes of slack: the last chunk is stored whole
  std::size_t size_ = 0;
  bool overflow_ = false;
  std::uint64_t chunk_ = 0;            // the bytes since the last whole chunk
  std::uint64_t state_ = kHashSeed;  // the hash of the whole chunks
  std::uint64_t head_ = 0;           // the first chunk, once it is whole
};

/// The entry for `key`, or nullptr: one probe sequence in an open-addressing index over the table.
const Entry* find(const Key& key);

/// The entry for a token: words and emoticons as they are, hashtags without '#', emoji without
/// modifiers (a ZWJ sequence falls back to its first pictograph), elongated words collapsed
/// ("goooood" -> "good", "sooo" -> "so"). `key` is left holding the last key tried.
const Entry* find_token(const Token& token, Key& key);

}  // namespace loopscore::lexicon
