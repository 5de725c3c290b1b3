// Sentiment over time (loop.charts.timeline): positive posts rise above the axis, negative
// posts fall below it, one column per day or week.
import { s } from './dom.js';
import { chartFigure, svgCanvas } from './chart-frame.js';
import { formatNumber } from './format.js';

const WIDTH = 480;
const HEIGHT = 220;
const PAD = { left: 34, right: 8, top: 10, bottom: 26 };

/** The timeline chart, or its empty state when no post is dated. */
export function timelineChart(timeline) {
  const points = timeline?.points ?? [];
  const unit = timeline?.bucket === 'week' ? 'week' : 'day';
  const note = `positive posts above the line, negative below, one column per ${unit}`;
  if (points.length === 0) return chartFigure('timeline', 'Sentiment over time', note, null, 'No dated posts.');
  const max = Math.max(1, ...points.map((p) => Math.max(p.positive, p.negative)));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const half = (HEIGHT - PAD.top - PAD.bottom) / 2;
  const axis = PAD.top + half;
  const step = plotWidth / points.length;
  const barWidth = Math.max(1, step * 0.7);
  const scale = (count) => (half * count) / max;
  const columns = points.map((point, i) => {
    const x = PAD.left + i * step + (step - barWidth) / 2;
    return s('g', { class: 'timeline-column' },
      s('title', {}, `${point.date}: ${point.positive} positive, ${point.neutral} neutral, ${point.negative} negative; ` +
        `mean compound ${formatNumber(point.mean_compound, 2)}; ${point.owner_posts} by the owner, ${point.audience_posts} by the audience`),
      s('rect', { x, y: axis - scale(point.positive), width: barWidth, height: scale(point.positive), class: 'fill-positive' }),
      s('rect', { x, y: axis, width: barWidth, height: scale(point.negative), class: 'fill-negative' }));
  });
  const totals = points.reduce((sum, p) => [sum[0] + p.positive, sum[1] + p.negative], [0, 0]);
  const label = `Sentiment per ${unit} from ${points[0].date} to ${points.at(-1).date}: ` +
    `${totals[0]} positive and ${totals[1]} negative posts; at most ${max} in one ${unit}.`;
  const svg = svgCanvas(WIDTH, HEIGHT, label,
    s('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: axis, y2: axis, class: 'axis' }),
    s('text', { x: PAD.left - 4, y: PAD.top + 10, class: 'tick', 'text-anchor': 'end' }, `+${max}`),
    s('text', { x: PAD.left - 4, y: axis + 4, class: 'tick', 'text-anchor': 'end' }, '0'),
    s('text', { x: PAD.left - 4, y: HEIGHT - PAD.bottom, class: 'tick', 'text-anchor': 'end' }, `−${max}`),
    s('text', { x: PAD.left, y: HEIGHT - 6, class: 'tick' }, points[0].date),
    s('text', { x: WIDTH - PAD.right, y: HEIGHT - 6, class: 'tick', 'text-anchor': 'end' }, points.at(-1).date),
    columns);
  return chartFigure('timeline', 'Sentiment over time', note, svg);
}
