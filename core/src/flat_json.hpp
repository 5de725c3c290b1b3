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

 private:
  struct Member {
    std::string_view key;
    FlatValue value;
    std::size_t unescaped_at = std::string::npos;  // where value.text starts in unescaped_, if there
  };
  bool parse_string(std::string_view json, std::size_t& i, Member& member);
  bool parse_number(std::string_view json, std::size_t& i, FlatValue& value);

  std::vector<Member> members_;
  std::string unescaped_;  // strings that held escapes, unescaped
};

/// Fills `post` from `record` as post_from_json would (json_fields.hpp); false when post_from_json
/// would skip the record or warn about a field, or may read it differently: then `post` is
/// half-filled and the record must go through the DOM path.
bool post_from_flat(const FlatObject& record, const FieldMapping& fields, Post& post);

}  // namespace loopscore
