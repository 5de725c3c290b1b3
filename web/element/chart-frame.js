// What every chart shares: a figure with a caption, a one-line summary, and an empty state.
import { h, s } from './dom.js';

/** A figure titled `caption`, holding `body` or, when there is none, the `empty` message. */
export function chartFigure(key, caption, note, body, empty) {
  return h('figure', { class: `chart chart-${key}`, part: 'chart' },
    h('figcaption', {}, h('strong', {}, caption), note && h('span', { class: 'chart-note' }, note)),
    body ?? h('p', { class: 'chart-empty' }, empty));
}

/** An SVG canvas of width × height user units, described to screen readers by `label`. */
export function svgCanvas(width, height, label, ...children) {
  return s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, preserveAspectRatio: 'xMidYMid meet' },
    children);
}
