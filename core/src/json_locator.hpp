#pragma once
// Finding where a JSON pointer's value is in JSON text, for locations of records inside
// documents that nlohmann has parsed without positions (internal to the core).

#include <string>
#include <string_view>
#include <vector>

namespace loopscore {

/// Resolves JSON pointers to byte offsets in one JSON text by walking the text itself. Resolving
/// pointers in document order costs about one pass over the text in all: the walk resumes from
/// the previous pointer's path.
class JsonLocator {
 public:
  explicit JsonLocator(std::string_view json) : json_(json) {}

  /// Byte offset of the value at `pointer` (RFC 6901; "" is the whole text's value), or npos
  /// when the text has no such value.
  std::size_t find(std::string_view pointer);

 private:
  struct Step {
    std::string token;      // the pointer token this step resolved
    std::size_t container;  // offset of the '{' or '[' it looked in
    std::size_t value;      // offset of the value it found
    std::size_t index;      // element index, in an array
  };
  std::size_t skip_space(std::size_t i) const;
  std::size_t skip_value(std::size_t i) const;
  std::size_t find_member(std::size_t object, const std::string& key) const;

  std::string_view json_;
  std::vector<Step> path_;  // the steps of the last pointer resolved
};

}  // namespace loopscore
