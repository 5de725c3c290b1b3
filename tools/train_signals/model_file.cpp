#include "model_file.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <stdexcept>

namespace loopscore::training {
namespace {

std::string number(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", x);
  return buffer;
}

std::string fixed3(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", x);
  return buffer;
}

}  // namespace

void write_model_file(const std::string& path, const std::vector<TrainedHead>& heads, const Featuriser& featuriser,
                      const std::vector<std::string>& provenance) {
  std::ofstream out(path);
  if (!out) throw std::runtime_error("cannot write " + path);
  out << "# loopscore signal model: written by tools/train_signals, do not edit by hand.\n";
  for (const std::string& line : provenance) out << "# " << line << "\n";
  out << "#\n"
         "# Lines (tab-separated):\n"
         "#   figure  HEAD METRIC CV RESUB  nested 5-fold cross-validated and resubstitution figures\n"
         "#   dense-names NAME...           the dense features, in the order of every head line\n"
         "#   head HEAD BIAS WORD_SCALE W...  logit = BIAS + WORD_SCALE x sum of word weights + sum W x feature;\n"
         "#                                  the decision threshold is folded into BIAS (present at logit >= 0)\n"
         "#   columns HEAD...               the heads of the word lines' weights, in order\n"
         "#   word KEY Q...                 a lexicon key and its int8 weights (multiples of WORD_SCALE)\n"
         "#   pair HASH SPELLING Q...       a word pair (pair_hash of its two units) and its int8 weights\n";
  for (const TrainedHead& h : heads) {
    const char* metric = h.metric == Metric::f1 ? "f1" : "accuracy";
    out << "figure\t" << head_name(h.head) << '\t' << metric << '\t' << fixed3(h.cross_validated.of(h.metric)) << '\t'
        << fixed3(h.resubstituted.of(h.metric)) << '\n';
  }
  out << "dense-names";
  for (std::size_t f = 0; f < kDenseCount; ++f) out << '\t' << dense_name(f);
  out << '\n';
  for (const TrainedHead& h : heads) {
    out << "head\t" << head_name(h.head) << '\t' << number(h.model.bias) << '\t' << number(h.word_scale);
    for (const double w : h.model.dense) out << '\t' << number(w);
    out << '\n';
  }
  out << "columns";
  for (const TrainedHead& h : heads) out << '\t' << head_name(h.head);
  out << '\n';
  std::map<std::string, std::vector<int>> words;  // sorted by key: stable diffs
  std::map<std::uint32_t, std::pair<std::string, std::vector<int>>> pairs;  // sorted by hash
  for (std::size_t id = 0; id < featuriser.vocabulary_size(); ++id) {
    std::vector<int> q(heads.size(), 0);
    bool any = false;
    for (std::size_t k = 0; k < heads.size(); ++k) {
      const TrainedHead& h = heads[k];
      if (id >= h.model.words.size() || h.word_scale == 0) continue;
      q[k] = static_cast<int>(std::lround(h.model.words[id] / h.word_scale));
      any |= q[k] != 0;
    }
    if (!any) continue;
    const auto i = static_cast<std::uint32_t>(id);
    if (featuriser.is_pair(i)) {
      pairs.emplace(featuriser.pair_hash_of(i), std::make_pair(featuriser.pair_label(i), std::move(q)));
    } else {
      words.emplace(featuriser.key(id), std::move(q));
    }
  }
  for (const auto& [key, q] : words) {
    out << "word\t" << key;
    for (const int v : q) out << '\t' << v;
    out << '\n';
  }
  for (const auto& [hash, entry] : pairs) {
    out << "pair\t" << hash << '\t' << entry.first;
    for (const int v : entry.second) out << '\t' << v;
    out << '\n';
  }
}

}  // namespace loopscore::training
