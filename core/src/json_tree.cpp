#include "json_tree.hpp"

namespace loopscore {

bool JsonTree::parse(std::string_view json, std::size_t max_depth) {
  nodes_.clear();
  unescaped_.clear();
  std::size_t i = 0;
  skip_json_space(json, i);
  if (i == json.size() || json[i] != '{') return false;
  nodes_.emplace_back();
  if (!parse_value(json, i, root(), 1, max_depth)) return false;
  skip_json_space(json, i);
  if (i != json.size()) return false;
  point_into_unescaped(nodes_, unescaped_);
  return true;
}

// The value at json[i] into `node` (whose key is set), `depth` containers deep counting its own.
// Nodes are appended as they come, so no reference into nodes_ is held across the recursion.
bool JsonTree::parse_value(std::string_view json, std::size_t& i, std::size_t node, std::size_t depth,
                           std::size_t max_depth) {
  if (i == json.size()) return false;
  const char open = json[i];
  if (open != '{' && open != '[') {
    return parse_flat_scalar(json, i, unescaped_, nodes_[node].value, nodes_[node].unescaped_at);
  }
  if (depth > max_depth) return false;
  const bool object = open == '{';
  const char close = object ? '}' : ']';
  nodes_[node].shape = object ? Node::Shape::object : Node::Shape::array;
  ++i;
  skip_json_space(json, i);
  if (i < json.size() && json[i] == close) {
    ++i;
    return true;
  }
  std::size_t previous = npos;
  for (std::size_t members = 1;; ++members) {
    std::string_view key;
    if (object) {
      // Each key is checked against its siblings: quadratic, so a very wide object is left to nlohmann.
      if (members > kMaxMembers || !parse_plain_key(json, i, key)) return false;
      for (std::size_t other = nodes_[node].first_child; other != npos; other = nodes_[other].next_sibling) {
        if (nodes_[other].key == key) return false;  // nlohmann keeps the last: left to it
      }
      skip_json_space(json, i);
      if (i == json.size() || json[i] != ':') return false;
      ++i;
      skip_json_space(json, i);
    }
    const std::size_t child = nodes_.size();
    nodes_.emplace_back();
    nodes_[child].key = key;
    (previous == npos ? nodes_[node].first_child : nodes_[previous].next_sibling) = child;
    previous = child;
    if (!parse_value(json, i, child, depth + 1, max_depth)) return false;
    skip_json_space(json, i);
    if (i == json.size()) return false;
    if (json[i] == close) {
      ++i;
      return true;
    }
    if (json[i] != ',') return false;
    ++i;
    skip_json_space(json, i);
  }
}

std::size_t JsonTree::member(std::size_t node, std::string_view key) const {
  if (!is_object(node)) return npos;
  for (std::size_t child = nodes_[node].first_child; child != npos; child = nodes_[child].next_sibling) {
    if (nodes_[child].key == key) {
      const Node& found = nodes_[child];
      return found.shape == Node::Shape::scalar && found.value.kind == FlatValue::Kind::null ? npos : child;
    }
  }
  return npos;
}

std::string_view JsonTree::string_member(std::size_t node, std::string_view key) const {
  const std::size_t found = member(node, key);  // a container's value is null, never a string
  if (found == npos || nodes_[found].value.kind != FlatValue::Kind::string) return {};
  return nodes_[found].value.text;
}

}  // namespace loopscore
