// The Loop Score as a half-circle gauge, drawn in SVG.
import { h, s } from './dom.js';
import { formatScore } from './format.js';

/** The band a 0..100 score falls in, for its colour: "low" below 40, "mid" below 70, else "high". */
export function scoreBand(value) {
  if (typeof value !== 'number') return 'none';
  return value < 40 ? 'low' : value < 70 ? 'mid' : 'high';
}

/** A gauge labelled "Loop Score" showing `value` (0..100, or null when nothing could be measured). */
export function gauge(value) {
  const arc = 'M 20 100 A 80 80 0 0 1 180 100';
  const shown = formatScore(value);
  const label = typeof value === 'number' ? `Loop Score: ${shown} out of 100` : 'Loop Score: not measurable';
  return h('figure', { class: `gauge band-${scoreBand(value)}`, part: 'gauge' },
    s('svg', { viewBox: '0 0 200 112', role: 'img', 'aria-label': label },
      s('path', { d: arc, class: 'gauge-track', pathLength: 100 }),
      typeof value === 'number' && s('path', {
        d: arc, class: 'gauge-value', pathLength: 100, 'stroke-dasharray': `${Math.max(0, Math.min(100, value))} 100`,
      }),
      s('text', { x: 100, y: 92, class: 'gauge-number', 'text-anchor': 'middle' }, shown)),
    h('figcaption', { class: 'gauge-label' }, 'Loop Score'));
}
