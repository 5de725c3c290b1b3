// Horizontal bars with their labels and counts as text: readable as a list without the picture.
import { h } from './dom.js';
import { formatNumber } from './format.js';

/** A list of [label, count] as bars scaled to the largest count. */
export function barChart(rows, label) {
  const max = Math.max(1, ...rows.map(([, count]) => count));
  return h('ul', { class: 'bar-chart', 'aria-label': label }, rows.map(([name, count]) => {
    const fill = h('span', { class: 'bar-fill' });
    fill.style.setProperty('--value', String((100 * count) / max));
    return h('li', {}, h('span', { class: 'bar-label' }, name),
      h('span', { class: 'bar', 'aria-hidden': 'true' }, fill),
      h('span', { class: 'bar-count' }, formatNumber(count)));
  }));
}
