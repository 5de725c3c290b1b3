// Lists a person can act on: questions and complaints still waiting (oldest first), moments of
// truth (detractors first), and the most loved and most disliked posts, each linked to the
// original post where the report knows its URL.
import { h, postLink } from './dom.js';
import { clip, formatMinutes, formatTime } from './format.js';
import { signalStrength } from './post-signals.js';

const SHOWN = 10;
const ALL = 500;

/** The lists section for a report: `loop` and the posts by id. */
export function actionLists(loop, posts) {
  const byId = new Map(posts.map((post) => [post.id, post]));
  const respond = loop?.dimensions?.respond?.details ?? {};
  const repeat = new Set((respond.repeat_askers_unanswered ?? []).map((asker) => asker.author));
  const audience = posts.some((post) => post.by_owner === false) ? posts.filter((post) => post.by_owner === false) : posts;
  const moments = loop?.dimensions?.advocacy?.details?.moments_of_truth ?? [];
  return h('section', { class: 'lists', 'aria-labelledby': 'lists-heading' },
    h('h3', { id: 'lists-heading' }, 'What to do next'),
    h('div', { class: 'list-grid' },
      list('unanswered', 'Waiting for an answer', 'questions and complaints with no reply, oldest first',
        respond.unanswered ?? [], (entry) => item(byId.get(entry.id) ?? entry,
          repeat.has(entry.author) ? 'asked again' : 'waiting', [formatTime(entry.created_at)]),
        'Nothing is waiting for an answer.'),
      list('moments', 'Moments of truth', 'customers telling their experience, detractors first',
        moments, (moment) => item(byId.get(moment.id) ?? moment, moment.polarity, [formatTime(moment.created_at),
          moment.answered ? `answered${typeof moment.response_minutes === 'number' ? ` in ${formatMinutes(moment.response_minutes)}` : ''}` : 'not answered']),
        'No audience post tells an experience.'),
      list('loved', 'Most loved', 'the warmest posts: love, want and positive sentiment',
        ranked(audience, 'positive', (post) => post.sentiment.compound + signalStrength(post, 'love') + signalStrength(post, 'want')),
        (post) => item(post, 'loved', [formatTime(post.created_at)]), 'No positive post.'),
      list('disliked', 'Most disliked', 'the coldest posts: anger, complaints and negative sentiment',
        ranked(audience, 'negative', (post) => -post.sentiment.compound + signalStrength(post, 'anger') + signalStrength(post, 'complaint')),
        (post) => item(post, 'disliked', [formatTime(post.created_at)]), 'No negative post.')));
}

// The posts with sentiment label `label`, strongest first by `strength`.
function ranked(posts, label, strength) {
  return posts.filter((post) => post.sentiment?.label === label)
    .map((post) => [strength(post), post]).sort((a, b) => b[0] - a[0]).map(([, post]) => post);
}

// A titled list of `entries`: the first SHOWN drawn at once, up to ALL more on demand.
function list(key, title, note, entries, draw, empty) {
  const shown = h('ol', {}, entries.slice(0, SHOWN).map(draw));
  const more = entries.length > SHOWN && h('button', { type: 'button', part: 'button', class: 'secondary', onclick: () => {
    shown.append(...entries.slice(SHOWN, ALL).map(draw));
    more.replaceWith(entries.length > ALL ? h('p', { class: 'list-note' }, `The first ${ALL} are shown; the JSON export lists all ${entries.length}.`) : '');
  } }, entries.length > ALL ? `Show ${ALL} of ${entries.length}` : `Show all ${entries.length}`);
  return h('section', { class: `action-list list-${key}`, part: 'list', 'aria-labelledby': `list-${key}` },
    h('h4', { id: `list-${key}` }, title, ' ', h('span', { class: 'count' }, `(${entries.length})`)),
    h('p', { class: 'list-note' }, note),
    entries.length === 0 ? h('p', { class: 'list-empty' }, empty) : shown,
    more);
}

// One post: a badge, its author, facts, a link to the original, and its text.
function item(post, badge, facts) {
  const meta = [h('span', { class: `badge badge-${badge.replace(/\W+/g, '-')}` }, badge)];
  if (post.author) meta.push(h('span', { class: 'author' }, `@${post.author}`));
  for (const fact of facts.filter(Boolean)) meta.push(h('span', {}, fact));
  meta.push(postLink(post.url));
  return h('li', { class: 'item' }, h('p', { class: 'item-meta' }, meta),
    typeof post.text === 'string' && h('p', { class: 'item-text' }, clip(post.text)));
}
