#pragma once
// The fast path of JSON Lines (internal to the core): the usual record, one object whose members
// are all strings, numbers, booleans or null, read straight into a Post without a nlohmann DOM.
// Whatever it does not fully understand (nesting, exponents, escaped or repeated keys, invalid
// JSON, a field that would draw a warning) it leaves to the DOM path, whose errors and warnings
// keep their exact wording: the fast path only ever gives up, it never judges.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "loopscore/readers.hpp"

namespace loopscore {

/// One member value of a flat object.
struct FlatValue {
  enum class Kind : std::uint8_t {
    null,
    boolean,
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
  bool parse_string(std::string_view json, std::size_t& i, Member& member);
  bool parse_number(std::string_view json, std::size_t& i, FlatValue& value);

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
