// When the owner posts: an hour × weekday heatmap (loop.dimensions.rhythm.details.heatmap,
// rows Monday to Sunday, columns hours 0–23 in the owner's UTC offset).
import { s } from './dom.js';
import { chartFigure, svgCanvas } from './chart-frame.js';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const CELL = 18;
const LEFT = 38;
const TOP = 20;

/** The heatmap chart, or its empty state when the report has none. */
export function heatmapChart(heatmap, utcOffset) {
  const note = `owner posts per hour and weekday${utcOffset ? `, UTC${utcOffset}` : ''}; darker is more`;
  const rows = Array.isArray(heatmap) && heatmap.length === 7 ? heatmap : null;
  const total = rows ? rows.flat().reduce((a, b) => a + b, 0) : 0;
  if (!rows || total === 0) return chartFigure('heatmap', 'When the owner posts', note, null, 'No dated posts by the owner.');
  const max = Math.max(...rows.flat());
  let busiest = [0, 0];
  rows.forEach((row, d) => row.forEach((count, hour) => { if (count > rows[busiest[0]][busiest[1]]) busiest = [d, hour]; }));
  const cells = rows.flatMap((row, d) => row.map((count, hour) => {
    const cell = s('rect', { x: LEFT + hour * CELL, y: TOP + d * CELL, width: CELL - 2, height: CELL - 2, rx: 3,
      class: count ? 'heat' : 'heat heat-zero' }, s('title', {}, `${DAYS[d]} ${hour}:00–${hour + 1}:00: ${count} post${count === 1 ? '' : 's'}`));
    if (count) cell.setAttribute('fill-opacity', (0.2 + (0.8 * count) / max).toFixed(2));
    return cell;
  }));
  const label = `${total} owner posts by hour and weekday; busiest: ${DAYS[busiest[0]]} at ${busiest[1]}:00 with ${max}.`;
  const svg = svgCanvas(LEFT + 24 * CELL, TOP + 7 * CELL, label,
    DAYS.map((day, d) => s('text', { x: 0, y: TOP + d * CELL + 13, class: 'tick' }, day)),
    [0, 6, 12, 18].map((hour) => s('text', { x: LEFT + hour * CELL, y: 14, class: 'tick' }, `${hour}h`)),
    cells);
  return chartFigure('heatmap', 'When the owner posts', note, svg);
}
