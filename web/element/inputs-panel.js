// Where the posts come from: a paste box, files (picked or dropped), or a public account;
// plus who the owner is and the owner's time zone. Hands a job to `onJob`:
//   {kind: 'text', text} | {kind: 'files', files} | {kind: 'account', handle, limit}
import { h } from './dom.js';
import { tabs } from './tabs.js';

const FILE_TYPES = '.json,.jsonl,.ndjson,.csv,.tsv,.txt,.js,.zip,.xml,.rss,.atom,application/json,text/*,application/zip';
const TEXT = { type: 'text', autocomplete: 'off', spellcheck: 'false' };
/** The most posts one account fetch may ask for: a few minutes of a server's patience. */
export const MAX_FETCH_LIMIT = 5000;

/** The inputs panel; {element, select(tab), setBusy(busy), setSettings({...}), settings(), showAccountError(message)}. */
export function inputsPanel({ source, owner, timezone, fetchLimit }, onJob) {
  const paste = h('textarea', { id: 'paste', rows: 8, spellcheck: 'false', part: 'paste', onkeydown: (event) => {
    // Ctrl+Enter (⌘+Enter on a Mac) analyses without leaving the keyboard.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submitPaste(event);
  } });
  const picker = h('input', { type: 'file', id: 'files', multiple: true, accept: FILE_TYPES, onchange: () => {
    if (picker.files.length) onJob({ kind: 'files', files: [...picker.files] });
    picker.value = '';
  } });
  const account = h('input', { ...TEXT, id: 'account', placeholder: '@user@mastodon.social or name.bsky.social' });
  const accountError = h('p', { id: 'account-error', class: 'field-error', hidden: true });
  const limit = h('input', { id: 'fetch-limit', type: 'number', min: 1, max: MAX_FETCH_LIMIT, step: 1, value: fetchLimit });
  const ownerField = h('input', { ...TEXT, id: 'owner', value: owner, placeholder: '@handle' });
  const zoneField = h('input', { ...TEXT, id: 'timezone', value: timezone, placeholder: '+01:00' });
  const buttons = [h('button', { type: 'submit', part: 'button', class: 'primary' }, 'Analyze'),
    h('button', { type: 'submit', part: 'button', class: 'primary' }, 'Fetch and analyze')];

  const panels = tabs('source', 'Where the posts come from', [
    { key: 'paste', label: 'Paste', body: h('form', { onsubmit: submitPaste },
      field('Posts', paste, 'One post a line, posts separated by blank lines, or an export (JSON, JSONL, CSV, RSS, Atom…) pasted as it is. '
        + 'Ctrl+Enter analyzes.'),
      h('div', { class: 'row' }, buttons[0])) },
    { key: 'file', label: 'Files', body: h('div', { class: 'drop', part: 'drop' },
      h('label', { for: 'files', class: 'file-label' }, 'Choose files'), picker,
      h('p', { class: 'hint' }, 'or drop them here: JSON, JSONL, CSV, tweets.js or the whole X archive (.zip), Mastodon outbox.json, ' +
        'RSS or Atom. Several at once are read as one account.')) },
    { key: 'account', label: 'Account', body: h('form', { onsubmit: submitAccount, novalidate: true },
      field('Public account', account, 'A Mastodon handle (@user@instance) or a Bluesky handle (name.bsky.social). ' +
        'Only that server is asked, straight from your browser.'),
      accountError,
      h('div', { class: 'row' }, h('label', { for: 'fetch-limit' }, 'Posts to fetch at most'), limit, buttons[1])) },
  ], source);

  const element = h('section', { class: 'inputs', part: 'inputs', 'aria-label': 'Posts to analyze',
    ondragover: (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      element.classList.add('dragging');
    },
    ondragleave: () => element.classList.remove('dragging'),
    ondrop: (event) => {
      element.classList.remove('dragging');
      if (!hasFiles(event)) return;
      event.preventDefault();
      panels.select('file');
      onJob({ kind: 'files', files: [...event.dataTransfer.files] });
    } },
  panels.element,
  h('div', { class: 'settings' },
    field('Owner', ownerField, 'The account being judged; empty: the account of the export or the most frequent author.'),
    field('Owner\'s time zone', zoneField, 'UTC offset for business hours and the heatmap, e.g. +01:00.')));

  function submitPaste(event) {
    event.preventDefault();
    onJob({ kind: 'text', text: paste.value });
  }

  function submitAccount(event) {
    event.preventDefault();
    showAccountError('');
    if (!account.value.trim()) return showAccountError('Enter a handle first.');
    const wanted = Math.floor(Number(limit.value)) || fetchLimit;
    onJob({ kind: 'account', handle: account.value.trim(), limit: Math.min(MAX_FETCH_LIMIT, Math.max(1, wanted)) });
  }

  // Says what is wrong with the handle beside the field ('' clears it).
  function showAccountError(message) {
    accountError.textContent = message;
    accountError.hidden = !message;
    account.setAttribute('aria-invalid', String(Boolean(message)));
    account.setAttribute('aria-describedby', message ? 'account-hint account-error' : 'account-hint');
    if (message) account.focus();
  }

  return {
    element,
    select: (key) => panels.select(key),
    setBusy: (busy) => { for (const control of [...buttons, picker]) control.disabled = busy; },
    setSettings({ owner: ownerValue, timezone: zoneValue, fetchLimit: limitValue }) {
      if (ownerValue !== undefined) ownerField.value = ownerValue;
      if (zoneValue !== undefined) zoneField.value = zoneValue;
      if (limitValue !== undefined) limit.value = limitValue;
    },
    settings: () => ({ owner: ownerField.value.trim(), timezone: zoneField.value.trim() }),
    showAccountError,
  };
}

// A labelled control with the hint that describes it.
function field(label, control, hint) {
  control.setAttribute('aria-describedby', `${control.id}-hint`);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label),
    h('p', { id: `${control.id}-hint`, class: 'hint' }, hint), control);
}

// True when a drag carries files (not text or a link).
function hasFiles(event) {
  return [...(event.dataTransfer?.types ?? [])].includes('Files');
}
