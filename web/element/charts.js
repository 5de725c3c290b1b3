// The four charts of the report: sentiment over time, the audience's feedback-cycle stages,
// when the owner posts, and how long answers take.
import { barChart } from './bar-chart.js';
import { chartFigure } from './chart-frame.js';
import { h } from './dom.js';
import { heatmapChart } from './heatmap-chart.js';
import { plural } from './format.js';
import { timelineChart } from './timeline-chart.js';

const STAGES = ['awareness', 'consideration', 'purchase', 'use', 'opinion', 'advocacy'];

/** The charts section for a report's `loop`. */
export function chartsSection(loop) {
  const rhythm = loop?.dimensions?.rhythm?.details ?? {};
  return h('section', { class: 'charts', 'aria-labelledby': 'charts-heading' },
    h('h3', { id: 'charts-heading' }, 'Charts'),
    h('div', { class: 'chart-grid' },
      timelineChart(loop?.charts?.timeline),
      stageFunnel(loop?.charts?.stage_funnel),
      heatmapChart(rhythm.heatmap, rhythm.heatmap_utc_offset),
      responseTimes(loop?.charts?.response_times)));
}

// Audience posts by feedback-cycle stage, awareness to advocacy.
function stageFunnel(funnel) {
  const rows = STAGES.map((stage) => [stage, funnel?.[stage] ?? 0]);
  const staged = rows.reduce((sum, [, count]) => sum + count, 0);
  const note = `audience posts by the stage they speak from${funnel?.none ? `; ${plural(funnel.none, 'post')} with no stage` : ''}`;
  return chartFigure('funnel', 'The feedback cycle', note,
    staged > 0 ? barChart(rows, 'Audience posts per feedback-cycle stage') : null, 'No audience post speaks from a stage.');
}

// Owner answers by how long they took.
function responseTimes(buckets) {
  const rows = (buckets ?? []).map(({ bucket, count }) => [bucket, count]);
  const answered = rows.reduce((sum, [, count]) => sum + count, 0);
  return chartFigure('response-times', 'Response times', 'answers to questions and complaints, by delay',
    answered > 0 ? barChart(rows, 'Answers per response-time bucket') : null, 'No dated answers.');
}
