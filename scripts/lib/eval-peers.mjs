// The npm sentiment packages we compare with, each reduced to a label per text:
//   vader-sentiment  compound >= 0.05 positive, <= -0.05 negative (as VADER's authors label)
//   sentiment        AFINN-165 score sign, 0 neutral
//   wink-sentiment   normalizedScore sign, 0 neutral
import { createRequire } from 'node:module';
import { join } from 'node:path';

const byThreshold = (score, threshold) => (score >= threshold ? 'positive' : score <= -threshold ? 'negative' : 'neutral');

/** Labellers by display name, loaded from the project's node_modules. */
export function loadPeers(root) {
  const require = createRequire(join(root, 'package.json'));
  const vader = require('vader-sentiment').SentimentIntensityAnalyzer;
  const Afinn = require('sentiment');
  const wink = require('wink-sentiment');
  const afinn = new Afinn();
  return {
    'vader-sentiment': (text) => byThreshold(vader.polarity_scores(text).compound, 0.05),
    'sentiment (AFINN)': (text) => byThreshold(afinn.analyze(text).score, Number.MIN_VALUE),
    'wink-sentiment': (text) => byThreshold(wink(text).normalizedScore, Number.MIN_VALUE),
  };
}
