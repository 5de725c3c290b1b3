// The seven dimensions as labelled bars, each with its recommendation and, on demand, its
// formula and the counts it used; a dimension the input cannot measure says so and why.
import { h } from './dom.js';
import { formatNumber, formatScore, words } from './format.js';
import { scoreBand } from './gauge.js';

/** The dimensions in report order, each with the question it answers. */
export const DIMENSIONS = [
  ['respond', 'Respond', 'Do you answer questions and complaints, and how fast?'],
  ['give', 'Give', 'Do you give more than you push?'],
  ['calm', 'Calm', 'Do you talk without shouting?'],
  ['face', 'Face', 'Do you sound like people rather than a press release?'],
  ['love', 'Love', 'Does your audience love and want, or merely like?'],
  ['advocacy', 'Advocacy', 'Do customers speak up for you, and do you answer their stories?'],
  ['rhythm', 'Rhythm', 'Do you post steadily, without bursts and long silences?'],
];

/** The list of dimension bars for `loop.dimensions`. */
export function dimensionList(dimensions = {}) {
  return h('ol', { class: 'dimensions' }, DIMENSIONS.map(([key, title, question]) =>
    dimensionItem(key, dimensions[key] ?? { title, measured: false, not_measurable: 'not in this report' }, question)));
}

// One dimension: name, bar, value and weight; the recommendation; the formula and inputs.
function dimensionItem(key, dimension, question) {
  const title = dimension.title || key;
  const measured = dimension.measured && typeof dimension.value === 'number';
  const fill = h('span', { class: 'bar-fill' });
  if (measured) fill.style.setProperty('--value', String(Math.max(0, Math.min(100, dimension.value))));
  return h('li', { class: `dimension band-${measured ? scoreBand(dimension.value) : 'none'}`, part: 'dimension', 'data-key': key },
    h('div', { class: 'dimension-head' },
      h('span', { class: 'dimension-name' }, title),
      h('span', { class: 'bar', 'aria-hidden': 'true' }, fill),
      h('span', { class: 'dimension-value' }, measured ? formatScore(dimension.value) : 'not measurable')),
    h('p', { class: 'dimension-question' }, question,
      typeof dimension.weight === 'number' && ` · weight ${formatNumber(dimension.weight, 1)}`),
    measured
      ? dimension.recommendation && h('p', { class: 'recommendation' }, dimension.recommendation)
      : h('p', { class: 'not-measurable' }, `Not measurable from this input: ${dimension.not_measurable || 'no data'}.`),
    (dimension.formula || dimension.inputs) && h('details', { class: 'explain' },
      h('summary', {}, `How ${title} is measured`),
      dimension.formula && h('p', { class: 'formula' }, dimension.formula),
      inputList(dimension.inputs)));
}

// The counts a dimension used, as a definition list.
function inputList(inputs) {
  const entries = Object.entries(inputs ?? {});
  if (entries.length === 0) return null;
  return h('dl', { class: 'dimension-inputs' }, entries.map(([name, value]) =>
    h('div', {}, h('dt', {}, words(name)), h('dd', {}, formatNumber(value)))));
}
