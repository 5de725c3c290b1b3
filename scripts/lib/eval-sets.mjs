// What each labelled set under the eval folder measures, and how (see that folder's README.md).
//   sentiment-binary: accuracy, a neutral answer counted wrong (the README's headline).
//   sentiment-3class: macro-averaged recall (headline), accuracy and macro-F1.
//   everything else: one row per (set, label) naming the `signals.*` path of `loopscore score`
//   output that should detect that label, the simplest baseline, the published figure and the bar.
// Bars are issue 3's; a held-out split of the same sources checks them.

/** How a top-level folder's sets are scored. */
export const TASKS = {
  'sentiment-binary': 'binary',
  'sentiment-3class': 'three-class',
};

/** Bars and published figures for the sentiment sets' headline figures. */
export const SENTIMENT_BARS = {
  'sentiment-binary/uci-amazon': { bar: 0.8, published: 'AFINN 0.61-0.71, vader 0.64-0.69 (README)', head: 'polarity' },
  'sentiment-binary/uci-imdb': { bar: 0.8, published: 'AFINN 0.61-0.71, vader 0.64-0.69 (README)', head: 'polarity' },
  'sentiment-binary/uci-yelp': { bar: 0.8, published: 'AFINN 0.61-0.71, vader 0.64-0.69 (README)', head: 'polarity' },
  'sentiment-3class/tweeteval-val': { bar: 0.66, published: 'VADER 0.57, SVM 0.63, RoBERTa 0.73' },
  'sentiment-3class/sentiment140-test': { published: '-' },
};

// Simplest baselines: one regular expression over the text (or a peer's label), case-insensitive.
const matches = (pattern) => (item) => pattern.test(item.text);

/**
 * Signal rows: set (folder/file without .jsonl), the gold label it detects, the score output path,
 * the simplest baseline, the published figure (F1), issue 3's bar on F1, and the learned head whose
 * cross-validated figure core/models/signals.tsv records (none for rule-only signals). `labels`, when
 * given, counts an item with any of them as gold.
 */
export const SIGNAL_ROWS = [
  {
    set: 'speech-act/tweet-act-dev', label: 'QUE', signal: 'signals.question', head: 'question', bar: 0.85,
    baseline: { name: 'contains "?"', detect: matches(/\?/) },
    published: '"contains ?" P 0.63 R 0.86 (0.72)',
  },
  {
    set: 'speech-act/tweet-act-dev', label: 'REQ', signal: 'signals.request', head: 'request', bar: 0.5,
    baseline: { name: 'says please', detect: matches(/\b(please|pls|plz)\b/i) },
    published: '-',
  },
  {
    set: 'complaint/complaints-dev', label: 'complaint', signal: 'signals.complaint', bar: 0.75,
    baseline: { name: 'vader-sentiment negative', peer: 'vader-sentiment', detect: (label) => label === 'negative' },
    published: 'features 0.79, transformers 0.87 macro',
  },
  {
    set: 'promo-spam/youtube-dev', label: 'spam', signal: 'signals.promo', head: 'promo', bar: 0.9,
    baseline: { name: 'link or "subscribe/channel"', detect: matches(/https?:|www\.|\.com\b|subscribe|channel/i) },
    published: '-',
  },
  {
    set: 'purchase-intent/iphonex-tweets', label: 'purchase_intent', signal: 'signals.purchase_intent', bar: 0.75,
    baseline: { name: 'says yes always', detect: () => true },
    published: '-',
  },
  {
    set: 'emotion/goemotions-dev', label: 'love', signal: 'signals.love', head: 'love', bar: 0.8,
    baseline: { name: 'love words', detect: matches(/\blov(e|ed|es|ing)\b|\badore|❤|😍|<3/i) },
    published: 'keyword list 0.73',
  },
  {
    set: 'emotion/goemotions-dev', label: 'desire', signal: 'signals.want', head: 'want', bar: 0.5,
    baseline: { name: 'want words', detect: matches(/\b(want|wants|wanted|wish|need|desire|crave|hope)\b/i) },
    published: 'keyword list 0.26',
  },
  {
    set: 'emotion/goemotions-dev', label: 'approval', signal: 'signals.like', head: 'like',
    baseline: { name: 'approval words', detect: matches(/\b(agree|agreed|yes|good|nice|true|right|fair)\b/i) },
    published: '-',
  },
  {
    set: 'emotion/goemotions-dev', label: 'gratitude', signal: 'signals.gratitude', head: 'gratitude',
    baseline: { name: 'thanks words', detect: matches(/\b(thanks?|thx|ty|grateful|appreciate[ds]?)\b/i) },
    published: '-',
  },
  {
    set: 'emotion/goemotions-dev', label: 'anger', signal: 'signals.anger', head: 'anger',
    baseline: { name: 'anger words', detect: matches(/\b(angry|mad|furious|hate|annoy\w*|pissed|fuck\w*)\b/i) },
    published: '-',
  },
  {
    set: 'emotion/goemotions-dev', label: 'anger', labels: ['anger', 'annoyance'], signal: 'signals.anger', head: 'anger',
    baseline: { name: 'anger words', detect: matches(/\b(angry|mad|furious|hate|annoy\w*|pissed|fuck\w*)\b/i) },
    published: '-',
  },
  {
    set: 'emotion/semeval2018-ec-train', label: 'love', signal: 'signals.love',
    baseline: { name: 'love words', detect: matches(/\blov(e|ed|es|ing)\b|\badore|❤|😍|<3/i) },
    published: '-',
  },
  {
    set: 'emotion/semeval2018-ec-train', label: 'anger', signal: 'signals.anger',
    baseline: { name: 'anger words', detect: matches(/\b(angry|mad|furious|hate|annoy\w*|pissed|fuck\w*)\b/i) },
    published: '-',
  },
];

/** The issue that added the signals. */
export const SIGNAL_ISSUE = 'issue 3';
