// Downloads made in the page, from memory: the report as JSON and the post table as CSV.
import { toCsv } from './csv.js';
import { h } from './dom.js';
import { postStage, presentSignals, signalNames, signalValue } from './post-signals.js';

/** The export buttons: the report (JSON text) and the table's current rows (CSV). */
export function exportButtons(reportText, fileStem, tableRows) {
  return h('div', { class: 'export', part: 'export' },
    h('button', { type: 'button', part: 'button', class: 'secondary',
      onclick: () => download(`${fileStem}.json`, 'application/json', reportText) }, 'Download the report (JSON)'),
    h('button', { type: 'button', part: 'button', class: 'secondary',
      onclick: () => download(`${fileStem}-posts.csv`, 'text/csv;charset=utf-8', postsCsv(tableRows())) }, 'Download the posts (CSV)'));
}

/** The posts as CSV: one row each, the signals present and each signal's value as columns. */
export function postsCsv(posts) {
  const signals = signalNames(posts);
  const header = ['id', 'created_at', 'author', 'kind', 'by_owner', 'text', 'sentiment', 'compound', 'stage',
    'signals', ...signals.map((name) => `signal_${name}`), 'likes', 'reposts', 'replies', 'quotes', 'url'];
  const rows = posts.map((post) => [post.id, post.created_at, post.author, post.kind, post.by_owner, post.text,
    post.sentiment?.label, post.sentiment?.compound, postStage(post), presentSignals(post, signals).join(';'),
    ...signals.map((name) => signalValue(post, name)), post.likes, post.reposts, post.replies, post.quotes, post.url]);
  return toCsv(header, rows);
}

// Saves `text` as a file named `name` through a temporary blob: URL.
function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
