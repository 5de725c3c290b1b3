#pragma once
// The two ways a JSON format reader looks into a record, behind one interface, so that one
// function template reads a record on both paths (internal to the core): nlohmann's DOM, and the
// fast path's JsonTree (json_tree.hpp). On the fast path (View::fast) a reader gives up, having
// used, skipped and warned nothing, wherever the DOM path would skip or warn; the DOM path then
// reads the record (JsonFormat::read_element_text).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "flat_json.hpp"
#include "json_fields.hpp"
#include "json_tree.hpp"
#include "loopscore/time.hpp"

namespace loopscore {

/// A record seen through nlohmann's DOM (the DOM path).
struct DomView {
  static constexpr bool fast = false;
  using Node = const nlohmann::json*;
  static constexpr Node none = nullptr;
  Node member(Node node, std::string_view key) const { return loopscore::member(*node, key); }
  std::string_view string_member(Node node, std::string_view key) const { return loopscore::string_member(*node, key); }
  bool scalar_text(Node node, std::string& out) const { return scalar_to_string(*node, out); }
  std::optional<std::int64_t> count_member(Node node, std::string_view key) const {
    return loopscore::count_member(*node, key);
  }
  std::optional<std::int64_t> count(Node node) const { return to_count(*node); }
  std::optional<TimeMs> time(Node node) const { return to_time(*node); }
  bool is_object(Node node) const { return node->is_object(); }
  bool is_array(Node node) const { return node->is_array(); }
  bool is_true(Node node) const { return node->is_boolean() && node->get<bool>(); }
  template <typename Each>
  void for_each_element(Node array, Each each) const {
    for (const nlohmann::json& element : *array) each(&element);
  }
};

/// A record seen through a JsonTree (the fast path).
struct TreeView {
  static constexpr bool fast = true;
  using Node = std::size_t;
  static constexpr Node none = JsonTree::npos;
  const JsonTree& tree;
  Node member(Node node, std::string_view key) const { return tree.member(node, key); }
  std::string_view string_member(Node node, std::string_view key) const { return tree.string_member(node, key); }
  bool scalar_text(Node node, std::string& out) const { return loopscore::scalar_text(tree[node].value, out); }
  std::optional<std::int64_t> count_member(Node node, std::string_view key) const {
    const Node found = member(node, key);
    return found == none ? std::nullopt : count(found);
  }
  std::optional<std::int64_t> count(Node node) const { return count_of(tree[node].value); }
  std::optional<TimeMs> time(Node node) const { return time_of(tree[node].value); }
  bool is_object(Node node) const { return tree.is_object(node); }
  bool is_array(Node node) const { return tree.is_array(node); }
  bool is_true(Node node) const { return tree.is_true(node); }
  template <typename Each>
  void for_each_element(Node array, Each each) const {
    for (Node element = tree[array].first_child; element != none; element = tree[element].next_sibling) each(element);
  }
};

}  // namespace loopscore
