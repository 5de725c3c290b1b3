#pragma once
// The fast path of JSON Lines (internal to the core): the usual record, one object whose members
// are all strings, numbers, booleans or null, read straight into a Post without a nlohmann DOM.
// Whatever it does not fully understand (nesting, exponents, escaped or repeated keys, invalid
// JSON, a field that would draw a warning) it leaves to the DOM path, whose errors and warnings
// keep their exact wording: the fast path only ever gives up, it never judges.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loopscore/readers.hpp"
#include "loopscore/time.hpp"

namespace loopscore {

/// One member value of a flat object.
struct FlatValue {
  enum class Kind : std::uint8_t {
    null,
    boolean,           ///< `magnitude` 1 for true, 0 for false
    string,
    unsigned_integer,  ///< no minus sign, fits 64 bits: `magnitude` (nlohmann's number_unsigned)
    signed_integer,    ///< a minus sign, fits 64 bits: `integer` (nlohmann's number_integer)
    other_number,      ///< a fraction, or an integer too large: nlohmann reads a double
  };
  Kind kind = Kind::null;
  std::string_view text;  ///< a string, unescaped (into the line or FlatObject's own buffer)
  std::uint64_t magnitude = 0;
  std::int64_t integer = 0;
};

/// Skips JSON white space from json[i] on.
inline void skip_json_space(std::string_view json, std::size_t& i) {
  while (i < json.size() && (json[i] == ' ' || json[i] == '\t' || json[i] == '\n' || json[i] == '\r')) ++i;
}

/// Reads the key at json[i] (its opening quote) when it holds no escape, and moves past its
/// closing quote; false otherwise (an escaped key is left to nlohmann). Inline: a key is short,
/// and the loop is the whole of it.
inline bool parse_plain_key(std::string_view json, std::size_t& i, std::string_view& key) {
  if (i == json.size() || json[i] != '"') return false;
  const std::size_t key_start = ++i;
  while (i < json.size() && json[i] != '"') {
    if (json[i] == '\\' || static_cast<unsigned char>(json[i]) < 0x20) return false;  // escaped key, or invalid
    ++i;
  }
  if (i == json.size()) return false;
  key = json.substr(key_start, i++ - key_start);
  return true;
}

/// Reads the scalar at json[i] (a string, number, boolean or null: not an object or array) into
/// `value` and moves past it; false where nlohmann would refuse it or read it otherwise (an
/// exponent, an invalid escape). A string with escapes is unescaped onto the end of `unescaped`:
/// `unescaped_at` says where, and `value.text` must be pointed there once `unescaped` stops
/// growing; otherwise `unescaped_at` is npos and `value.text` views `json`.
bool parse_flat_scalar(std::string_view json, std::size_t& i, std::string& unescaped, FlatValue& value,
                       std::size_t& unescaped_at);

/// Points the strings of `items` (each with a FlatValue `value` and an `unescaped_at`) that
/// parse_flat_scalar unescaped into `unescaped`, once `unescaped` has stopped growing.
template <typename Items>
void point_into_unescaped(Items& items, const std::string& unescaped) {
  for (auto& item : items) {
    if (item.unescaped_at != std::string::npos) {
      item.value.text = std::string_view(unescaped).substr(item.unescaped_at, item.value.text.size());
    }
  }
}

/// scalar_to_string (json_fields.hpp) for a flat value: a string, or an integer written out.
bool scalar_text(const FlatValue& value, std::string& out);
/// to_count (json_fields.hpp) for a flat value.
std::optional<std::int64_t> count_of(const FlatValue& value);
/// to_time (json_fields.hpp) for a flat value; fractions are left to the DOM path (nullopt).
std::optional<TimeMs> time_of(const FlatValue& value);

/// A JSON object of scalar members, parsed in place; reused from line to line.
class FlatObject {
 public:
  /// Parses one JSON text, which must be valid UTF-8 (ReadContext repairs every input: nlohmann
  /// would refuse ill-formed UTF-8, this does not look); false unless it is a well-formed object
  /// of scalar members that nlohmann would read the same (no nested value, exponent, escaped or
  /// repeated key).
  bool parse(std::string_view json);

  /// The value of member `key`, or nullptr.
  const FlatValue* find(std::string_view key) const;

  /// One member: its (unescaped) key and value.
  struct Member {
    std::string_view key;
    FlatValue value;
    std::size_t unescaped_at = std::string::npos;  // where value.text starts in unescaped_, if there
  };

  /// The members, in the order of the text (after a successful parse()).
  const std::vector<Member>& members() const { return members_; }

 private:
  std::vector<Member> members_;
  std::string unescaped_;  // strings that held escapes, unescaped
};

/// A FieldMapping turned around for flat records: which post fields each member name stands for,
/// so a record's members are looked up once each instead of every candidate name being searched
/// for in the record. Made once per read.
class FlatFields {
 public:
  /// The post fields a flat record can fill, in the order post_from_flat reads them; `kind` is
  /// the member "kind" itself.
  enum Field : std::uint8_t { text, id, author, created_at, in_reply_to, in_reply_to_author, url, likes, reposts,
                              replies, quotes, kind, kCount };

  /// Indexes the candidate names of `fields` (dotted paths never match a flat record: left out).
  explicit FlatFields(const FieldMapping& fields);

  /// For each field, the value of its first candidate name (in `fields` order) present in
  /// `record` and not null, or nullptr: what first_field finds in a DOM record.
  void find(const FlatObject& record, const FlatValue* (&found)[kCount]) const;

 private:
  struct Name {
    std::string name;
    Field field;
    std::uint32_t rank;  // place in the field's list of names
  };
  static constexpr std::size_t kBuckets = 64;
  static std::size_t bucket(std::string_view key);
  std::vector<Name> names_;
  std::vector<std::uint32_t> bucket_start_;  // names_[bucket_start_[b] .. bucket_start_[b + 1]) hash to b
};

/// Fills `post` from `record` as post_from_json would (json_fields.hpp); false when post_from_json
/// would skip the record or warn about a field, or may read it differently: then `post` is
/// half-filled and the record must go through the DOM path.
bool post_from_flat(const FlatObject& record, const FlatFields& fields, Post& post);

/// post_from_flat with the field index made on the spot (for tests: readers keep a FlatFields).
bool post_from_flat(const FlatObject& record, const FieldMapping& fields, Post& post);

}  // namespace loopscore
