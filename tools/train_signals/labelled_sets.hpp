#pragma once
// The labelled sets the trainer reads, featurised exactly as the core featurises a post: the same
// tokens, lookups and dense features, and each word under the lexicon key its lookup ends on.

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "signal_model.hpp"

namespace loopscore::training {

/// One text of a labelled set with its labels ("label" or "labels" in the JSONL line).
struct LabelledText {
  std::string text;
  std::vector<std::string> labels;

  /// True when `label` is among the text's labels.
  bool has(const std::string& label) const;
};

/// Reads a JSONL labelled set (one {"text": ..., "label(s)": ...} object a line).
std::vector<LabelledText> read_labelled_set(const std::string& path);

/// One text as the heads see it: word counts by vocabulary id, and the dense features.
struct Example {
  std::vector<std::pair<std::uint32_t, float>> words;
  std::array<double, kDenseCount> dense{};
};

/// Turns texts into examples and keeps the vocabulary: lexicon keys by id.
class Featuriser {
 public:
  /// The example of one text.
  Example featurise(const std::string& text);

  /// The lexicon key of a vocabulary id.
  const std::string& key(std::uint32_t id) const { return keys_[id]; }
  std::size_t vocabulary_size() const { return keys_.size(); }
  /// True when a vocabulary id is a word pair, not a lexicon key; then its hash and a spelling.
  bool is_pair(std::uint32_t id) const { return labels_.contains(id); }
  std::uint32_t pair_hash_of(std::uint32_t id) const { return static_cast<std::uint32_t>(std::stoul(keys_[id].substr(1))); }
  const std::string& pair_label(std::uint32_t id) const { return labels_.at(id); }

 private:
  std::uint32_t id_of(std::string_view key);

  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::string> keys_;
  std::unordered_map<std::uint32_t, std::string> labels_;  ///< pairs: a spelling
};

}  // namespace loopscore::training
