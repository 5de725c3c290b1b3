#include "lexicon.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "little_endian.hpp"

namespace loopscore::lexicon {
namespace {

constexpr std::string_view kZeroWidthJoiner = "\xE2\x80\x8D";

// Bytes of text from i on start with `bytes`.
bool has_at(std::string_view text, std::size_t i, std::string_view bytes) { return text.substr(i).starts_with(bytes); }

// Emoji modifiers that the key leaves out: U+FE0E, U+FE0F and the skin tones U+1F3FB..U+1F3FF.
std::size_t modifier_length(std::string_view text, std::size_t i) {
  if (has_at(text, i, "\xEF\xB8\x8F") || has_at(text, i, "\xEF\xB8\x8E")) return 3;
  if (has_at(text, i, "\xF0\x9F\x8F") && i + 3 < text.size()) {
    const auto last = static_cast<unsigned char>(text[i + 3]);
    if (last >= 0xBB && last <= 0xBF) return 4;
  }
  return 0;
}

// True when the stored key of the same length equals `key`. Most keys are at most eight bytes
// long: those compare as one number (Key::head), without a loop.
bool same_key(const Key& key, const char* stored) {
  const std::string_view k = key.view();
  if (k.size() <= 8) return load_little_endian(stored, k.size()) == key.head();
  for (std::size_t i = 0; i < k.size(); ++i) {
    if (k[i] != stored[i]) return false;
  }
  return true;
}

// The table rebuilt from the generated columns: the keys decoded one after another, each entry
// pointing at its key and numbered signal record.
class DecodedTable {
 public:
  DecodedTable() {
    const Columns& c = kColumns;
    entries_.reserve(c.entry_count);
    std::string previous;
    std::uint16_t records = 0;
    std::size_t at = 0;
    for (std::uint32_t i = 0; i < c.entry_count; ++i) {
      const std::size_t shared = c.key_code[at], rest = c.key_code[at + 1];
      previous.resize(shared);
      previous.append(reinterpret_cast<const char*>(c.key_code + at + 2), rest);
      at += 2 + rest;
      entries_.push_back(Entry{static_cast<std::uint32_t>(keys_.size()),
                               static_cast<std::uint16_t>(c.has_record[i] ? ++records : 0), c.valences[i], c.roles[i],
                               static_cast<std::uint8_t>(previous.size())});
      keys_ += previous;
    }
    table_ = Table{keys_.data(), entries_.data(), c.entry_count};
  }
  const Table& table() const { return table_; }

 private:
  std::string keys_;
  std::vector<Entry> entries_;
  Table table_{};
};

// Open-addressing index over the table (linear probing, at most half full): each slot holds 0, or
// the top 16 bits of a key's hash and its entry index + 1, so most probes never touch an entry.
class Index {
 public:
  explicit Index(const Table& table) : table_(table) {
    std::uint32_t size = 1;
    while (size < 2 * table.entry_count) size *= 2;
    slots_.assign(size, 0);
    mask_ = size - 1;
    Key key;
    for (std::uint32_t i = 0; i < table.entry_count; ++i) {
      const Entry& entry = table.entries[i];
      key.clear();
      key.append(std::string_view(table.keys + entry.key_offset, entry.key_length));  // keys are normalised already
      std::uint32_t slot = first_slot(key.hash());
      while (slots_[slot] != 0) slot = (slot + 1) & mask_;
      slots_[slot] = (key.hash() & kTagMask) | (i + 1);
    }
  }

  const Entry* find(const Key& key) const {
    const std::string_view k = key.view();
    const std::uint32_t hash = key.hash();
    for (std::uint32_t slot = first_slot(hash);; slot = (slot + 1) & mask_) {
      const std::uint32_t taken = slots_[slot];
      if (taken == 0) return nullptr;
      if ((taken & kTagMask) != (hash & kTagMask)) continue;
      const Entry& entry = table_.entries[(taken & ~kTagMask) - 1];
      if (entry.key_length == k.size() && same_key(key, table_.keys + entry.key_offset)) return &entry;
    }
  }

 private:
  static constexpr std::uint32_t kTagMask = 0xFFFF0000u;
  std::uint32_t first_slot(std::uint32_t hash) const { return (hash ^ (hash >> 16)) & mask_; }

  Table table_;
  std::vector<std::uint32_t> slots_;
  std::uint32_t mask_ = 0;
};

// kColumns is constant-initialised, so it is complete before these are built; this file builds
// them in this order.
const DecodedTable kDecoded;
const Index kIndex(kDecoded.table());

}  // namespace

const Table& table() { return kDecoded.table(); }

const Entry* find(const Key& key) { return key.overflow() ? nullptr : kIndex.find(key); }

void Key::append_unicode(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      push(static_cast<char>(b >= 'A' && b <= 'Z' ? b | 0x20 : b));
    } else if (has_at(text, i, "\xE2\x80\x99")) {  // ’ (U+2019) is an apostrophe
      push('\'');
      i += 2;
    } else if (const std::size_t skip = modifier_length(text, i)) {
      i += skip - 1;
    } else {
      push(static_cast<char>(b));
    }
  }
}

void Key::append_collapsed(std::string_view text, int max_run) {
  std::size_t start = 0;
  int run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = static_cast<char>(text[i] | 0x20);
    run = i > 0 && c == static_cast<char>(text[i - 1] | 0x20) && c >= 'a' && c <= 'z' ? run + 1 : 1;
    if (run > max_run) {  // drop this letter: append what came before it
      append(text.substr(start, i - start));
      start = i + 1;
    }
  }
  append(text.substr(start));
}

const Entry* find_token(const Token& token, Key& key) {
  std::string_view text = token.text;
  switch (token.kind) {
    case TokenKind::word:
    case TokenKind::emoticon:
    case TokenKind::emoji: break;
    case TokenKind::hashtag: text.remove_prefix(1); break;
    default: return nullptr;
  }
  key.clear();
  key.append(text);
  if (const Entry* entry = find(key)) return entry;
  if (token.flags & kElongated) {  // "goooood" -> "good", then "sooo" -> "so"
    for (const int max_run : {2, 1}) {
      key.clear();
      key.append_collapsed(text, max_run);
      if (const Entry* entry = find(key)) return entry;
    }
  }
  if (token.kind == TokenKind::emoji) {  // "🤦‍♀️" -> "🤦"
    const std::size_t joiner = text.find(kZeroWidthJoiner);
    if (joiner != std::string_view::npos) {
      key.clear();
      key.append(text.substr(0, joiner));
      return find(key);
    }
  }
  return nullptr;
}

}  // namespace loopscore::lexicon
