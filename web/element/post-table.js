// Every post in a table: sortable by column (buttons in the headers, aria-sort), filterable by
// who wrote it, by signal or sentiment, and by words; shown a page at a time so that a huge
// report stays fast. rows() gives the filtered rows in table order for the CSV export.
import { h, postLink } from './dom.js';
import { clip, formatNumber, words } from './format.js';
import { postStage, presentSignals, SIGNAL_PRESENT, signalNames, signalStrength } from './post-signals.js';

const PAGE = 100;
const LABELS = ['positive', 'neutral', 'negative'];

/** The post table for `posts` (report.posts); {element, rows()}. */
export function postTable(posts) {
  const signals = signalNames(posts);
  const hasStage = posts.some((post) => typeof post.stage === 'string');
  const state = { sort: 'record', descending: false, who: 'all', signal: '', search: '', shown: PAGE };
  const columns = [
    ['created_at', 'When', (post) => post.created_at ?? ''],
    ['author', 'Author', (post) => (post.author ?? '').toLowerCase()],
    ['text', 'Post', (post) => post.text.toLowerCase()],
    ['compound', 'Sentiment', (post) => post.sentiment.compound],
    hasStage && ['stage', 'Stage', (post) => postStage(post)],
    signals.length > 0 && ['signals', 'Signals', (post) => presentSignals(post, signals).join(' ')],
    ['engagement', 'Likes · reposts · replies', (post) => (post.likes ?? 0) + (post.reposts ?? 0) + (post.replies ?? 0)],
  ].filter(Boolean);

  const body = h('tbody');
  const status = h('p', { class: 'table-status', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', part: 'button', class: 'secondary', onclick: () => { state.shown += PAGE; render(); } });
  const headers = columns.map(([key, label]) => h('th', { scope: 'col', 'data-key': key },
    h('button', { type: 'button', class: 'sort', onclick: () => sortBy(key) }, label)));
  const controls = h('div', { class: 'table-controls' },
    select('Written by', [['all', 'everyone'], ['owner', 'the owner'], ['audience', 'the audience']], (value) => { state.who = value; }),
    select('Signal', [['', 'any'], ...LABELS.map((label) => [`label:${label}`, `${label} sentiment`]),
      ...signals.map((name) => [name, words(name)])], (value) => { state.signal = value; }),
    h('label', {}, 'Words', h('input', { type: 'search', oninput: (event) => { state.search = event.target.value.toLowerCase(); state.shown = PAGE; render(); } })));

  function select(label, options, set) {
    return h('label', {}, label, h('select', {
      onchange: (event) => { set(event.target.value); state.shown = PAGE; render(); },
    }, options.map(([value, text]) => h('option', { value }, text))));
  }

  function sortBy(key) {
    state.descending = state.sort === key ? !state.descending : key === 'compound' || key === 'engagement';
    state.sort = key;
    render();
  }

  function rows() {
    const column = columns.find(([key]) => key === state.sort);
    const matching = posts.filter(matches);
    if (!column) return matching;
    const value = column[2];
    const direction = state.descending ? -1 : 1;
    return matching.map((post) => [value(post), post])
      .sort((a, b) => (a[0] < b[0] ? -direction : a[0] > b[0] ? direction : a[1].record - b[1].record))
      .map(([, post]) => post);
  }

  function matches(post) {
    if (state.who === 'owner' && post.by_owner !== true) return false;
    if (state.who === 'audience' && post.by_owner !== false) return false;
    if (state.signal.startsWith('label:')) { if (post.sentiment.label !== state.signal.slice(6)) return false; }
    else if (state.signal && signalStrength(post, state.signal) < SIGNAL_PRESENT) return false;
    return !state.search || post.text.toLowerCase().includes(state.search) || (post.author ?? '').toLowerCase().includes(state.search);
  }

  function render() {
    const all = rows();
    body.replaceChildren(...all.slice(0, state.shown).map((post) => row(post, columns, signals)));
    for (const th of headers) {
      const key = th.dataset.key;
      if (key === state.sort) th.setAttribute('aria-sort', state.descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    }
    status.textContent = `Showing ${Math.min(all.length, state.shown)} of ${all.length} posts` +
      (all.length < posts.length ? ` (${posts.length} in all)` : '') + '.';
    more.textContent = `Show ${Math.min(PAGE, all.length - state.shown)} more`;
    more.hidden = all.length <= state.shown;
  }

  render();
  const element = h('section', { class: 'posts', 'aria-labelledby': 'posts-heading' },
    h('h3', { id: 'posts-heading' }, 'Every post'),
    controls, status,
    h('div', { class: 'table-scroll' },
      h('table', { part: 'table' }, h('caption', {}, 'Posts, with the sentiment and signals read in each (times in UTC); choose a column header to sort'),
        h('thead', {}, h('tr', {}, headers)), body)),
    more);
  return { element, rows };
}

// One table row; every value goes in as text.
function row(post, columns, signals) {
  const cells = {
    created_at: () => (post.created_at ?? '').slice(0, 16).replace('T', ' '),
    author: () => (post.author ? `@${post.author}` : ''),
    text: () => [h('span', { class: 'post-text' }, clip(post.text)), ' ', postLink(post.url, '↗', 'open the original post')],
    compound: () => h('span', { class: `label-${post.sentiment.label}` }, `${post.sentiment.label} ${formatNumber(post.sentiment.compound, 2)}`),
    stage: () => words(postStage(post)),
    signals: () => presentSignals(post, signals).map(words).join(', '),
    engagement: () => [post.likes, post.reposts, post.replies].map((n) => (n === undefined ? '–' : formatNumber(n, 0))).join(' · '),
  };
  return h('tr', { class: post.by_owner ? 'by-owner' : null }, columns.map(([key]) => h('td', { class: `cell-${key}` }, cells[key]())));
}
