// Figures of merit for labelled predictions. Labels are strings; a prediction may be 'neutral'.

/** Share of items whose prediction equals the gold label. */
export function accuracy(gold, predicted) {
  if (gold.length === 0) return 0;
  return gold.filter((label, i) => predicted[i] === label).length / gold.length;
}

/** Per-class recall, precision and F1 over the classes present in `gold`. */
export function perClass(gold, predicted) {
  const classes = [...new Set(gold)].sort();
  return classes.map((c) => {
    const truePositive = gold.filter((g, i) => g === c && predicted[i] === c).length;
    const goldCount = gold.filter((g) => g === c).length;
    const predictedCount = predicted.filter((p) => p === c).length;
    const recall = goldCount ? truePositive / goldCount : 0;
    const precision = predictedCount ? truePositive / predictedCount : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label: c, recall, precision, f1 };
  });
}

const mean = (values) => values.reduce((a, b) => a + b, 0) / (values.length || 1);

/** Macro-averaged recall (SemEval-2017 Task 4A's headline) over the gold classes. */
export function macroRecall(gold, predicted) {
  return mean(perClass(gold, predicted).map((c) => c.recall));
}

/** Macro-averaged F1 over the gold classes. */
export function macroF1(gold, predicted) {
  return mean(perClass(gold, predicted).map((c) => c.f1));
}

/** Precision, recall and F1 of a yes/no detector against yes/no gold. */
export function detection(gold, detected) {
  const truePositive = gold.filter((g, i) => g && detected[i]).length;
  const precision = truePositive / (detected.filter(Boolean).length || 1);
  const recall = truePositive / (gold.filter(Boolean).length || 1);
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
