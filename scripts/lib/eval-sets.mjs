// What each labelled set under the eval folder measures, and how (see that folder's README.md).
//   sentiment-binary: accuracy, a neutral answer counted wrong (the README's headline).
//   sentiment-3class: macro-averaged recall (headline), accuracy and macro-F1.
//   everything else: one row per (set, label) naming the `signals.*` path of `loopscore score`
//   output that should detect that label; a later issue adds rows, nothing else.

/** How a top-level folder's sets are scored. */
export const TASKS = {
  'sentiment-binary': 'binary',
  'sentiment-3class': 'three-class',
};

/** Signal rows: set (folder/file without .jsonl), the label it detects, the score output path. */
export const SIGNAL_ROWS = [
  { set: 'speech-act/tweet-act-dev', label: 'QUE', signal: 'signals.question' },
  { set: 'speech-act/tweet-act-dev', label: 'REQ', signal: 'signals.request' },
  { set: 'complaint/complaints-dev', label: 'complaint', signal: 'signals.complaint' },
  { set: 'promo-spam/youtube-dev', label: 'spam', signal: 'signals.promo' },
  { set: 'purchase-intent/iphonex-tweets', label: 'purchase_intent', signal: 'signals.purchase_intent' },
  { set: 'emotion/goemotions-dev', label: 'love', signal: 'signals.love' },
  { set: 'emotion/goemotions-dev', label: 'desire', signal: 'signals.want' },
  { set: 'emotion/goemotions-dev', label: 'approval', signal: 'signals.like' },
  { set: 'emotion/goemotions-dev', label: 'gratitude', signal: 'signals.gratitude' },
  { set: 'emotion/goemotions-dev', label: 'anger', signal: 'signals.anger' },
  { set: 'emotion/semeval2018-ec-train', label: 'love', signal: 'signals.love' },
  { set: 'emotion/semeval2018-ec-train', label: 'anger', signal: 'signals.anger' },
];

/** The issue that will add a signal that is not in the score output yet. */
export const SIGNAL_ISSUE = 'issue 3';
