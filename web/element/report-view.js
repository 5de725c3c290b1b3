// The whole report, readable at a glance: the Loop Score and its seven dimensions first, then
// the charts, the lists to act on, every post, and what could not be read.
import { actionLists } from './action-lists.js';
import { chartsSection } from './charts.js';
import { dimensionList } from './dimensions.js';
import { h } from './dom.js';
import { exportButtons } from './export.js';
import { formatNumber, formatTime, plural } from './format.js';
import { gauge } from './gauge.js';
import { postTable } from './post-table.js';

/** The report section for a parsed report and its JSON text; `postsLeftOut` when the input was too big for the post list. */
export function reportView(report, reportText, { postsLeftOut = false } = {}) {
  const loop = report.loop ?? {};
  const posts = report.posts ?? [];
  const table = posts.length > 0 ? postTable(posts) : null;
  const owner = loop.owner?.handle ?? '';
  const stem = `loopscore-${owner.replace(/[^\w.-]+/g, '_') || 'report'}`;
  return h('article', { class: 'report', part: 'report', 'aria-labelledby': 'report-heading' },
    h('header', { class: 'report-head' },
      gauge(loop.score?.value ?? null),
      h('div', { class: 'report-summary' },
        h('h2', { id: 'report-heading' }, owner ? `How @${owner} runs the feedback loop` : 'How this account runs the feedback loop'),
        h('p', {}, summaryLine(report)),
        loop.owner?.note && h('p', { class: 'note' }, loop.owner.note),
        loop.score?.note && h('p', { class: 'note' }, scoreNote(loop.score)),
        postsLeftOut && h('p', { class: 'note' }, 'The input is large, so the post table and the post texts are left out to keep this page fast; every number covers every post.'),
        exportButtons(reportText, stem, table ? table.rows : () => []))),
    h('section', { class: 'dimensions-section', 'aria-labelledby': 'dimensions-heading' },
      h('h3', { id: 'dimensions-heading' }, 'The seven dimensions'),
      dimensionList(loop.dimensions)),
    chartsSection(loop),
    actionLists(loop, posts),
    table?.element,
    inputNotes(report.input ?? {}));
}

// "110 posts (61 by @owner, 49 by 19 others) from 2024-03-01 to 2024-03-31".
function summaryLine({ summary = {}, input = {}, loop = {} }) {
  const parts = [plural(summary.posts ?? 0, 'post')];
  if (loop.owner && loop.audience) {
    const authors = loop.audience.authors ?? 0; // 0 when the posts carry no author names
    parts.push(`(${formatNumber(loop.owner.posts ?? 0)} by the owner, ${formatNumber(loop.audience.posts ?? 0)} by `
      + `${authors > 0 ? plural(authors, 'other author') : 'others'})`);
  }
  if (input.first_post_at) parts.push(`from ${formatTime(input.first_post_at)} to ${formatTime(input.last_post_at)}`);
  const net = summary.sentiment?.net_sentiment;
  if (typeof net === 'number') parts.push(`· net sentiment ${formatNumber(net, 2)}`);
  return `${parts.join(' ')}.`;
}

// The score's note, with the share of the weight measured when some dimension is not (unless
// the core's note says so already).
function scoreNote(score) {
  if (!score.not_measured?.length || /re-weighted/.test(score.note)) return `${score.note}.`;
  return `${score.note}: the Loop Score is re-weighted over the dimensions measured (${formatNumber(score.measured_weight, 1)} % of the weight).`;
}

// Records that could not be used, repeats dropped and warnings: never dropped in silence.
function inputNotes(input) {
  const documents = input.documents ?? [];
  const issues = [...(input.skipped ?? []).map((issue) => ['skipped', issue]), ...(input.warnings ?? []).map((issue) => ['warning', issue])];
  return h('section', { class: 'input-notes', 'aria-labelledby': 'input-heading' },
    h('h3', { id: 'input-heading' }, 'What was read'),
    h('ul', {}, documents.map((doc) => h('li', {}, `${doc.name} (${doc.format}): ${plural(doc.records_used, 'record')} used, ${formatNumber(doc.records_skipped)} skipped`)),
      input.duplicates_dropped > 0 && h('li', {}, `${plural(input.duplicates_dropped, 'repeated post')} counted once`),
      input.invalid_utf8_replaced > 0 && h('li', {}, `${plural(input.invalid_utf8_replaced, 'invalid UTF-8 sequence')} replaced`)),
    issues.length > 0 && h('details', {},
      h('summary', {}, `${plural(input.records_skipped ?? 0, 'record')} skipped, ${plural(input.warning_count ?? 0, 'warning')}`),
      h('ul', {}, issues.slice(0, 200).map(([kind, issue]) => h('li', {}, `${kind}: ${where(issue)}${issue.reason}`)))));
}

// "brand.jsonl, line 3, column 5: " for an issue, as far as it is known.
function where(issue) {
  const parts = [issue.input, issue.line && `line ${issue.line}, column ${issue.column}`, !issue.line && issue.record && `record ${issue.record}`];
  const text = parts.filter(Boolean).join(', ');
  return text ? `${text}: ` : '';
}
