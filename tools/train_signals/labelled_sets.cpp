#include "labelled_sets.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "lexicon.hpp"
#include "loopscore/tokenizer.hpp"
#include "post_features.hpp"
#include "sentiment_engine.hpp"
#include "token_lookup.hpp"

namespace loopscore::training {

bool LabelledText::has(const std::string& label) const {
  return std::find(labels.begin(), labels.end(), label) != labels.end();
}

std::vector<LabelledText> read_labelled_set(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<LabelledText> texts;
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const nlohmann::json item = nlohmann::json::parse(line);
    LabelledText t;
    t.text = item.at("text").get<std::string>();
    if (item.contains("labels")) t.labels = item["labels"].get<std::vector<std::string>>();
    if (item.contains("label")) t.labels.push_back(item["label"].get<std::string>());
    texts.push_back(std::move(t));
  }
  return texts;
}

std::uint32_t Featuriser::id_of(std::string_view key) {
  const auto [it, added] = ids_.try_emplace(std::string(key), static_cast<std::uint32_t>(keys_.size()));
  if (added) keys_.emplace_back(key);
  return it->second;
}

Example Featuriser::featurise(const std::string& text) {
  std::vector<Token> tokens;
  std::vector<TokenLookup> lookups;
  tokenize(text, tokens);
  lookup_tokens(tokens, lookups);
  const Sentiment sentiment = analyze_sentiment(tokens, lookups);
  PostFeatures features;
  std::vector<PairSeen> pairs;
  read_post_features(tokens, lookups, sentiment, features, &pairs);
  Example example;
  example.dense = features.dense;
  std::unordered_map<std::uint32_t, float> counts;
  lexicon::Key key;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!carries_word_weights(tokens, i)) continue;
    lexicon::find_token(tokens[i], key);  // leaves the key the core's lookup ends on
    if (key.overflow() || key.view().empty()) continue;
    counts[id_of(key.view())] += 1.0f;
  }
  for (const PairSeen& pair : pairs) {
    // The vocabulary names a pair "\x01HASH"; its label (for the model file) is its first spelling.
    const std::string name = "\x01" + std::to_string(pair.hash);
    const std::uint32_t id = id_of(name);
    if (!labels_.contains(id)) {
      const auto unit = [&](int index) -> std::string {
        if (index < 0) return "<start>";
        const Token& t = tokens[static_cast<std::size_t>(index)];
        switch (t.kind) {
          case TokenKind::mention: return "<@>";
          case TokenKind::url: return "<url>";
          case TokenKind::number: return "<number>";
          case TokenKind::punctuation: return t.text.find('?') != std::string_view::npos ? "?" : "!";
          default: {
            lexicon::find_token(t, key);
            std::string s(key.view());
            for (char& c : s) c = (c == '\t' || c == '\n') ? ' ' : c;
            return s;
          }
        }
      };
      labels_[id] = unit(pair.first) + " " + unit(pair.second);
    }
    counts[id] += 1.0f;
  }
  example.words.assign(counts.begin(), counts.end());
  std::sort(example.words.begin(), example.words.end());
  return example;
}

}  // namespace loopscore::training
