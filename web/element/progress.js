// Progress of long work: a bar (indeterminate until a total is known), a Cancel button, and a
// polite live region that announces each phase and the outcome, at most once a second.
import { h } from './dom.js';
import { formatNumber } from './format.js';

const PHASES = { fetching: 'Fetching', reading: 'Reading', unzipping: 'Unpacking', analyzing: 'Analyzing', drawing: 'Drawing the report' };

/** The progress strip; {element, start(message), update(progress), finish(message)}; onCancel on Cancel. */
export function progressStrip(onCancel) {
  const bar = h('progress', { part: 'progress', 'aria-label': 'Progress' });
  const cancel = h('button', { type: 'button', part: 'button', class: 'secondary', onclick: onCancel }, 'Cancel');
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', part: 'status' });
  const busy = h('div', { class: 'busy', hidden: true }, bar, cancel);
  let phase = '';
  let announced = 0;
  return {
    element: h('div', { class: 'progress' }, busy, status),
    start(message) {
      bar.removeAttribute('value');
      busy.hidden = false;
      status.textContent = message;
      phase = '';
      announced = Date.now();
    },
    update(event = {}) {
      const { done, total } = event;
      if (total > 0) {
        bar.max = total;
        bar.value = Math.min(done ?? 0, total);
      } else {
        bar.removeAttribute('value');
      }
      if (event.phase === phase && Date.now() - announced < 1000) return;
      phase = event.phase;
      announced = Date.now();
      status.textContent = describe(event);
    },
    finish(message) {
      busy.hidden = true;
      status.textContent = message;
    },
  };
}

// "Fetching statuses-2.json: 80 of 200 posts…", "Reading brand.jsonl: 40 of 120 KB…".
function describe({ phase, input, done, total, unit }) {
  const what = `${PHASES[phase] ?? 'Working'}${input ? ` ${input}` : ''}`;
  if (!(total > 0) || unit === 'steps') return `${what}…`;
  if (unit === 'bytes') return `${what}: ${formatNumber(done / 1024, 0)} of ${formatNumber(total / 1024, 0)} KB…`;
  return `${what}: ${formatNumber(done, 0)} of ${formatNumber(total, 0)} ${unit ?? ''}…`.replace(' …', '…');
}
