#include "json_locator.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

namespace loopscore {

namespace {

constexpr std::size_t npos = std::string_view::npos;

std::vector<std::string> pointer_tokens(std::string_view pointer) {
  std::vector<std::string> tokens;
  while (!pointer.empty() && pointer.front() == '/') {
    pointer.remove_prefix(1);
    const std::size_t slash = pointer.find('/');
    std::string token;
    for (std::size_t i = 0; i < std::min(slash, pointer.size()); ++i) {  // ~1 is '/', ~0 is '~'
      if (pointer[i] == '~' && i + 1 < pointer.size() && (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
        token += pointer[++i] == '0' ? '~' : '/';
      } else {
        token += pointer[i];
      }
    }
    tokens.push_back(std::move(token));
    pointer.remove_prefix(std::min(slash, pointer.size()));
  }
  return tokens;
}

std::size_t array_index(const std::string& token) {
  std::size_t index = 0;
  const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), index);
  return ec == std::errc() && end == token.data() + token.size() && !token.empty() ? index : npos;
}

// End (one past the closing quote) of the string starting at json[i] == '"', or npos.
std::size_t string_end(std::string_view json, std::size_t i) {
  for (++i; i < json.size(); ++i) {
    if (json[i] == '\\') ++i;
    else if (json[i] == '"') return i + 1;
  }
  return npos;
}

}  // namespace

std::size_t JsonLocator::skip_space(std::size_t i) const {
  while (i < json_.size() && (json_[i] == ' ' || json_[i] == '\n' || json_[i] == '\r' || json_[i] == '\t')) ++i;
  return i;
}

std::size_t JsonLocator::skip_value(std::size_t i) const {
  if (i >= json_.size()) return npos;
  if (json_[i] == '"') return string_end(json_, i);
  if (json_[i] != '{' && json_[i] != '[') {  // a number or a literal
    i = json_.find_first_of(",]} \n\r\t", i);
    return i == npos ? json_.size() : i;
  }
  std::size_t depth = 0;
  for (; i < json_.size(); ++i) {
    const char c = json_[i];
    if (c == '"') {
      i = string_end(json_, i);
      if (i == npos) return npos;
      --i;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth == 0) {
      return i + 1;
    }
  }
  return npos;
}

std::size_t JsonLocator::find_member(std::size_t object, const std::string& key) const {
  std::size_t i = skip_space(object + 1);
  while (i < json_.size() && json_[i] == '"') {
    const std::size_t key_end = string_end(json_, i);
    if (key_end == npos) return npos;
    std::string_view raw = json_.substr(i + 1, key_end - i - 2);
    bool same = raw == key;
    if (!same && raw.find('\\') != std::string_view::npos) {  // an escaped key: let nlohmann decode it
      try {
        same = nlohmann::json::parse(json_.substr(i, key_end - i)).get<std::string>() == key;
      } catch (const nlohmann::json::exception&) {
        return npos;
      }
    }
    i = skip_space(key_end);
    if (i >= json_.size() || json_[i] != ':') return npos;
    i = skip_space(i + 1);
    if (same) return i;
    i = skip_space(skip_value(i));
    if (i >= json_.size() || json_[i] != ',') return npos;
    i = skip_space(i + 1);
  }
  return npos;
}

std::size_t JsonLocator::find(std::string_view pointer) {
  const std::vector<std::string> tokens = pointer_tokens(pointer);
  std::size_t offset = skip_space(0);
  std::size_t level = 0;
  // Steps shared with the previous pointer need no walking.
  while (level < tokens.size() && level < path_.size() && path_[level].token == tokens[level]) {
    offset = path_[level++].value;
  }
  std::vector<Step> previous;
  if (level < path_.size()) {
    previous.assign(path_.begin() + static_cast<std::ptrdiff_t>(level),
                    path_.begin() + static_cast<std::ptrdiff_t>(level + 1));
  }
  path_.resize(level);
  for (; level < tokens.size(); ++level) {
    if (offset >= json_.size()) return npos;
    const std::size_t container = offset;
    std::size_t index = 0;
    if (json_[container] == '{') {
      offset = find_member(container, tokens[level]);
    } else if (json_[container] == '[') {
      index = array_index(tokens[level]);
      if (index == npos) return npos;
      std::size_t at = 0;
      offset = skip_space(container + 1);
      // A later element of the array the previous pointer went into: walk on from there.
      if (!previous.empty() && previous.front().container == container && previous.front().index <= index) {
        at = previous.front().index;
        offset = previous.front().value;
      }
      for (; at < index && offset < json_.size() && json_[offset] != ']'; ++at) {
        offset = skip_space(skip_value(offset));
        if (offset >= json_.size() || json_[offset] != ',') return npos;
        offset = skip_space(offset + 1);
      }
      if (offset >= json_.size() || json_[offset] == ']') return npos;
    } else {
      return npos;
    }
    if (offset == npos) return npos;
    previous.clear();
    path_.push_back({tokens[level], container, offset, index});
  }
  return offset;
}

}  // namespace loopscore
