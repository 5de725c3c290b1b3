// Accessible tabs (the WAI-ARIA tabs pattern): one tab stop, arrows/Home/End move and select.
import { h } from './dom.js';

/** A tablist over `panels` ({key, label, body}); `selected` opens first, onSelect(key) follows changes. */
export function tabs(idPrefix, label, panels, selected, onSelect = () => {}) {
  const buttons = panels.map(({ key, label: text }) => h('button', {
    type: 'button', role: 'tab', id: `${idPrefix}-tab-${key}`, 'aria-controls': `${idPrefix}-panel-${key}`, part: 'tab',
    onclick: () => select(key, false),
  }, text));
  const bodies = panels.map(({ key, body }) => h('div', {
    role: 'tabpanel', id: `${idPrefix}-panel-${key}`, 'aria-labelledby': `${idPrefix}-tab-${key}`, class: 'tabpanel',
  }, body));
  const list = h('div', { role: 'tablist', 'aria-label': label, class: 'tablist', onkeydown: onKey }, buttons);

  function select(key, focus) {
    const index = Math.max(0, panels.findIndex((panel) => panel.key === key));
    buttons.forEach((button, i) => {
      button.setAttribute('aria-selected', String(i === index));
      button.tabIndex = i === index ? 0 : -1;
      bodies[i].hidden = i !== index;
    });
    if (focus) buttons[index].focus();
    onSelect(panels[index].key);
  }

  function onKey(event) {
    const current = buttons.indexOf(event.target);
    if (current < 0) return;
    const last = buttons.length - 1;
    const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(panels[(next + buttons.length) % buttons.length].key, true);
  }

  select(selected, false);
  return { element: h('div', { class: 'tabs' }, list, bodies), select: (key) => select(key, false) };
}
