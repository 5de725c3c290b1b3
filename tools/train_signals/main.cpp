// Trains the learned signal heads of the core on the development sets whose licences allow
// derived weights, and writes core/models/signals.tsv with their provenance and figures.
//   train_signals --sets ../shared/eval --out core/models/signals.tsv [--out-of-fold DIR]
// --out-of-fold writes, per labelled set, every text's out-of-fold head confidences (JSONL, outside
// the repository) so that the rules built on the heads can be judged by cross-validation too.
// Only these sets are read (their data is never copied into the repository, only the weights):
//   UCI Sentiment Labelled Sentences (CC BY 4.0), YouTube Spam Collection (CC BY 4.0),
//   Tweet Act (BSD-2-Clause), GoEmotions (research use; issue 3 allows training on it).
// Complaints, purchase intent, Sentiment140, TweetEval and SemEval-2018 are never trained on.
#include <array>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <ctime>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "cross_validation.hpp"
#include "labelled_sets.hpp"
#include "logistic_regression.hpp"
#include "model_file.hpp"

namespace loopscore::training {
namespace {

constexpr int kFolds = 5;
constexpr int kPrune = 0;  // FTRL's L1 already leaves the useless words at 0

// GoEmotions labels grouped by the polarity of the emotion (Demszky et al. 2020, their Figure 2).
const std::vector<std::string> kPositiveEmotions = {"admiration", "amusement", "approval", "caring",
                                                    "desire",     "excitement", "gratitude", "joy",
                                                    "love",       "optimism",  "pride",     "relief"};
const std::vector<std::string> kNegativeEmotions = {"anger",       "annoyance", "disappointment", "disapproval",
                                                    "disgust",     "embarrassment", "fear",       "grief",
                                                    "nervousness", "remorse",   "sadness"};

bool any_of(const LabelledText& t, const std::vector<std::string>& labels) {
  for (const std::string& label : labels) {
    if (t.has(label)) return true;
  }
  return false;
}

// A text's label for a head: 1, 0, or -1 to leave the text out of that head's training.
using Labeller = std::function<int(const LabelledText&)>;

struct SetUse {
  std::string set;  // folder/file under the eval folder, without .jsonl
  Labeller label;
};

struct HeadSpec {
  Head head;
  Metric metric;
  std::string trained_on;
  std::vector<SetUse> sets;
  bool words = true;          ///< false: dense features only (no word reaches the lexicon)
  std::vector<double> l1 = {16, 32, 64};  ///< L1 strengths to choose among, sparsest last
  bool pairs = true;  ///< false: words alone, no word pairs (the sentiment heads: UCI's pairs are its own habits)
};

Labeller is(const std::string& label) {
  return [label](const LabelledText& t) { return t.has(label) ? 1 : 0; };
}

Labeller is_any(std::vector<std::string> labels) {
  return [labels](const LabelledText& t) { return any_of(t, labels) ? 1 : 0; };
}

// GoEmotions as neutrality: "neutral" alone 1, a positive or negative emotion 0, the rest left out.
int emotion_neutrality(const LabelledText& t) {
  if (t.labels.size() == 1 && t.has("neutral")) return 1;
  return any_of(t, kPositiveEmotions) || any_of(t, kNegativeEmotions) ? 0 : -1;
}

const std::vector<std::string> kUci = {"sentiment-binary/uci-amazon", "sentiment-binary/uci-imdb",
                                       "sentiment-binary/uci-yelp"};
constexpr const char* kTweetAct = "speech-act/tweet-act-dev";
constexpr const char* kYouTube = "promo-spam/youtube-dev";
constexpr const char* kGoEmotions = "emotion/goemotions-dev";

std::vector<HeadSpec> head_specs() {
  std::vector<SetUse> polarity, neutrality;
  for (const std::string& set : kUci) {
    polarity.push_back({set, is("positive")});
    neutrality.push_back({set, [](const LabelledText&) { return 0; }});  // every UCI sentence has a polarity
  }
  // (GoEmotions' polar comments made the polarity head worse on UCI and no better on tweets.)

  neutrality.push_back({kGoEmotions, emotion_neutrality});
  // Heads whose words add little over the dense features (cues, punctuation, sentiment) learn from
  // the dense features only: nothing of theirs goes into the lexicon.
  const bool dense_only = false;
  return {
      {Head::question, Metric::f1, "Tweet Act dev, QUE", {{kTweetAct, is("QUE")}}},
      {Head::request, Metric::f1, "Tweet Act dev, REQ", {{kTweetAct, is("REQ")}}},
      {Head::promo, Metric::f1, "YouTube Spam Collection dev, spam", {{kYouTube, is("spam")}}, true, {4, 8, 16}},
      {Head::love, Metric::f1, "GoEmotions dev, love", {{kGoEmotions, is("love")}}},
      {Head::want, Metric::f1, "GoEmotions dev, desire", {{kGoEmotions, is("desire")}}, true, {8, 16, 32}},
      {Head::like, Metric::f1, "GoEmotions dev, approval", {{kGoEmotions, is("approval")}}, dense_only},
      {Head::gratitude, Metric::f1, "GoEmotions dev, gratitude", {{kGoEmotions, is("gratitude")}}, dense_only},
      {Head::anger, Metric::f1, "GoEmotions dev, anger or annoyance", {{kGoEmotions, is_any({"anger", "annoyance"})}},
       dense_only},
      {Head::polarity, Metric::accuracy, "UCI sentences, positive vs negative", polarity, true, {4, 8, 16}, false},
      {Head::neutral, Metric::f1, "GoEmotions (neutral alone vs an emotion with a polarity) and UCI (never neutral)",
       neutrality, true, {16, 32, 64}, false},
  };
}

std::vector<double> g_l1_override;  // --l1 8,16,32: the L1 strengths to try for every head (experiments)

std::vector<char> g_pair_ids;  // per vocabulary id, 1 for a word pair

std::vector<TrainingOptions> options_grid(const HeadSpec& spec) {
  std::vector<TrainingOptions> grid;
  const std::vector<double>& l1s = g_l1_override.empty() ? spec.l1 : g_l1_override;
  const std::vector<double> no_words = {0.0};
  for (const double l1 : spec.words ? l1s : no_words) {
    for (const double alpha : {0.5}) {
      for (const double positive_weight : {1.0, 2.0, 3.0}) {
        TrainingOptions o;
        o.words = spec.words;
        o.pairs = spec.pairs;
        o.pair_ids = &g_pair_ids;
        o.l1 = l1;
        o.alpha = alpha;
        o.positive_weight = positive_weight;
        grid.push_back(o);
      }
    }
  }
  return grid;
}

std::string today() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", std::gmtime(&now));
  return buffer;
}

std::string option(int argc, char** argv, const std::string& name, bool required = true) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (argv[i] == name) return argv[i + 1];
  }
  if (!required) return "";
  throw std::runtime_error("usage: train_signals --sets EVAL_DIR --out core/models/signals.tsv (" + name + " missing)");
}

int run(int argc, char** argv) {
  const std::string sets_dir = option(argc, argv, "--sets");
  const std::string out = option(argc, argv, "--out");
  const std::string out_of_fold_dir = option(argc, argv, "--out-of-fold", false);
  // Out-of-fold confidences by set, text and head (for texts a head never trained on: its final model's).
  std::map<std::string, std::vector<std::array<double, kHeadCount>>> out_of_fold;
  Featuriser featuriser;
  std::map<std::string, std::vector<LabelledText>> texts;
  std::map<std::string, std::vector<Example>> examples;
  const auto load = [&](const std::string& set) {
    if (examples.contains(set)) return;
    texts[set] = read_labelled_set(sets_dir + "/" + set + ".jsonl");
    for (const LabelledText& t : texts[set]) examples[set].push_back(featuriser.featurise(t.text));
  };

  // --heads question,love: train only these (to try a change quickly; the model file then lacks the others).
  const std::string only = option(argc, argv, "--heads", false);
  for (std::string l1 = option(argc, argv, "--l1", false); !l1.empty();) {
    const std::size_t comma = l1.find(',');
    g_l1_override.push_back(std::stod(l1.substr(0, comma)));
    l1 = comma == std::string::npos ? "" : l1.substr(comma + 1);
  }
  std::vector<TrainedHead> trained;
  for (const HeadSpec& spec : head_specs()) {
    if (!only.empty() && ("," + only + ",").find("," + std::string(head_name(spec.head)) + ",") == std::string::npos) continue;
    std::vector<Example> head_examples;
    std::vector<int> labels;
    std::vector<std::pair<std::string, std::size_t>> origins;  // set and index of each example
    for (const SetUse& use : spec.sets) {
      load(use.set);
      for (std::size_t i = 0; i < texts[use.set].size(); ++i) {
        const int label = use.label(texts[use.set][i]);
        if (label < 0) continue;
        head_examples.push_back(examples[use.set][i]);
        labels.push_back(label);
        origins.emplace_back(use.set, i);
      }
    }
    const std::size_t vocabulary = featuriser.vocabulary_size();
    g_pair_ids.assign(vocabulary, 0);
    for (std::size_t id = 0; id < vocabulary; ++id) g_pair_ids[id] = featuriser.is_pair(static_cast<std::uint32_t>(id));
    const std::vector<TrainingOptions> grid = options_grid(spec);
    TrainedHead h;
    h.head = spec.head;
    h.metric = spec.metric;
    h.trained_on = spec.trained_on;
    h.cross_validated = nested_cross_validation(head_examples, labels, vocabulary, grid, spec.metric, kFolds, kPrune);
    std::vector<std::size_t> all(head_examples.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    const Choice choice = choose(head_examples, labels, all, vocabulary, grid, spec.metric, kFolds);
    std::vector<const Example*> pointers;
    for (const Example& e : head_examples) pointers.push_back(&e);
    h.options = choice.options;
    h.model = train(pointers, labels, vocabulary, choice.options);
    h.word_scale = quantise_words(h.model, kPrune);
    h.model.bias -= choice.threshold;  // present at logit >= 0, confidence >= 0.5
    std::vector<double> logits;
    for (const Example& e : head_examples) logits.push_back(logit(h.model, e));
    h.resubstituted = measure(logits, labels, 0.0);
    if (!out_of_fold_dir.empty()) {
      const std::vector<double> oof =
          out_of_fold_logits(head_examples, labels, vocabulary, choice.options, kFolds, kPrune);
      const std::size_t k = static_cast<std::size_t>(spec.head);
      for (const auto& [set, list] : examples) {
        auto& confidences = out_of_fold[set];
        confidences.resize(list.size());
        for (std::size_t i = 0; i < list.size(); ++i) confidences[i][k] = 1 / (1 + std::exp(-logit(h.model, list[i])));
      }
      for (std::size_t j = 0; j < oof.size(); ++j) {
        out_of_fold[origins[j].first][origins[j].second][k] = 1 / (1 + std::exp(-(oof[j] - choice.threshold)));
      }
    }
    const auto words = std::count_if(h.model.words.begin(), h.model.words.end(), [](double w) { return w != 0; });
    std::fprintf(stderr, "%-10s %-8s cv %.3f  resub %.3f  (P %.3f R %.3f cv; l1 %g, alpha %g, positive weight %g; %zu texts, %ld words)\n",
                 std::string(head_name(spec.head)).c_str(), spec.metric == Metric::f1 ? "F1" : "accuracy",
                 h.cross_validated.of(spec.metric), h.resubstituted.of(spec.metric), h.cross_validated.precision,
                 h.cross_validated.recall, choice.options.l1, choice.options.alpha, choice.options.positive_weight, labels.size(),
                 static_cast<long>(words));
    trained.push_back(std::move(h));
  }

  std::vector<std::string> provenance = {
      "Trained " + today() + " by: train_signals --sets <eval folder> --out core/models/signals.tsv",
      "(build: cmake --build <native build> --target train_signals; see docs/signals.md).",
      "Sources, development splits only, read at training time and never copied into the repository:",
      "  UCI Sentiment Labelled Sentences (Kotzias et al. 2015), CC BY 4.0: sentiment-binary/uci-*.jsonl",
      "  YouTube Spam Collection (Alberto et al. 2015), CC BY 4.0: promo-spam/youtube-dev.jsonl",
      "  Tweet Act (Saha et al. 2019), BSD-2-Clause: speech-act/tweet-act-dev.jsonl",
      "  GoEmotions (Demszky et al. 2020), research use, training allowed by issue 3: emotion/goemotions-dev.jsonl",
      "Heads and what each was trained on:"};
  for (const TrainedHead& h : trained) {
    char line[256];
    std::snprintf(line, sizeof line, "  %-10s %s (%s, l1 %g, alpha %g, positive weight %g)",
                  std::string(head_name(h.head)).c_str(), h.trained_on.c_str(),
                  h.options.words ? "words and dense features" : "dense features only", h.options.l1, h.options.alpha,
                  h.options.positive_weight);
    provenance.push_back(line);
  }
  write_model_file(out, trained, featuriser, provenance);
  for (const auto& [set, confidences] : out_of_fold) {
    std::string name = set;
    for (char& c : name) c = c == '/' ? '_' : c;
    std::ofstream file(out_of_fold_dir + "/" + name + ".jsonl");
    for (const auto& row : confidences) {
      file << '{';
      for (std::size_t k = 0; k < kHeadCount; ++k) {
        file << (k ? "," : "") << '"' << head_name(static_cast<Head>(k)) << "\":" << row[k];
      }
      file << "}\n";
    }
  }
  return 0;
}

}  // namespace
}  // namespace loopscore::training

int main(int argc, char** argv) {
  try {
    return loopscore::training::run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "train_signals: %s\n", e.what());
    return 1;
  }
}
