#pragma once
// The fast path of the JSON formats whose records nest (internal to the core): one array element
// (an X archive's {"tweet": {...}}) read into a tree of nodes in place, without a nlohmann DOM.
// Like FlatObject (flat_json.hpp) it gives up on whatever it does not fully understand (an escaped
// or repeated key, an exponent, invalid JSON) and the DOM path reads the element instead, with its
// exact skips and warnings: the fast path only ever gives up, it never judges.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "flat_json.hpp"

namespace loopscore {

/// A JSON object parsed into nodes, reused from element to element.
class JsonTree {
 public:
  static constexpr std::size_t npos = SIZE_MAX;
  /// The most members an object may have on the fast path (a tweet or a status has about 30).
  static constexpr std::size_t kMaxMembers = 256;

  /// One value: a scalar, an object or an array, with its key in the object that holds it.
  struct Node {
    enum class Shape : std::uint8_t { scalar, object, array };
    std::string_view key;   ///< empty for an array's elements
    Shape shape = Shape::scalar;
    FlatValue value;        ///< a scalar's value
    std::size_t first_child = npos;   ///< an object's first member, an array's first element
    std::size_t next_sibling = npos;  ///< the next member or element of the same container
    std::size_t unescaped_at = std::string::npos;  // where value.text starts in unescaped_, if there
  };

  /// Parses one JSON text (valid UTF-8, as ReadContext makes every input) that must be an object
  /// nested at most `max_depth` deep; false unless nlohmann would read it, and read it the same.
  bool parse(std::string_view json, std::size_t max_depth);

  /// The root object (after a successful parse()).
  static constexpr std::size_t root() { return 0; }
  const Node& operator[](std::size_t node) const { return nodes_[node]; }

  bool is_object(std::size_t node) const { return nodes_[node].shape == Node::Shape::object; }
  bool is_array(std::size_t node) const { return nodes_[node].shape == Node::Shape::array; }
  /// True for the literal `true` (json.is_boolean() && json.get<bool>()).
  bool is_true(std::size_t node) const {
    const Node& n = nodes_[node];
    return n.shape == Node::Shape::scalar && n.value.kind == FlatValue::Kind::boolean && n.value.magnitude == 1;
  }

  /// Member `key` of object `node`, or npos when it is absent or null (json_fields.hpp's member()).
  std::size_t member(std::size_t node, std::string_view key) const;
  /// The string member `key` of object `node`, or "" (json_fields.hpp's string_member()).
  std::string_view string_member(std::size_t node, std::string_view key) const;

 private:
  bool parse_value(std::string_view json, std::size_t& i, std::size_t node, std::size_t depth, std::size_t max_depth);

  std::vector<Node> nodes_;
  std::string unescaped_;  // strings that held escapes, unescaped
};

}  // namespace loopscore
