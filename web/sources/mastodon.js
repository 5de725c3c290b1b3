// fetchMastodonAccount: a public Mastodon account's recent posts and the replies around them,
// read from the instance the user named through its public REST API (which allows cross-origin
// reads), as inputs [{name, data}] for LoopScoreClient.analyze.
//   GET /api/v1/accounts/lookup?acct=USER          -> account.json
//   GET /api/v1/accounts/:id/statuses?limit=40     -> statuses-1.json, statuses-2.json … (by max_id)
//   GET /api/v1/statuses/:id/context               -> context-<id>.json (posts with replies)
import { apiMessage, expectShape, getJson, httpError, stopReason } from './api-request.js';
import { createPacer, throttleProgress } from './pacer.js';
import { SourceError, throwIfAborted } from './source-error.js';

/** How much to fetch unless told: posts by the account, and threads (contexts) of its posts. */
export const MASTODON_DEFAULTS = Object.freeze({ limit: 200, threads: 20 });
const PAGE_SIZE = 40; // the API's maximum for statuses

/** "@user@instance", "user@instance" or "https://instance/@user" as {user, instance}; throws InvalidHandle. */
export function parseMastodonHandle(text) {
  const trimmed = String(text ?? '').trim();
  let match = trimmed.match(/^@?([A-Za-z0-9_.-]+)@([^@/\s]+)$/);
  if (!match) {
    const url = trimmed.match(/^https:\/\/([^/@\s]+)\/@([A-Za-z0-9_.-]+)\/?$/);
    if (url) match = [url[0], url[2], url[1]];
  }
  const instance = match && hostOf(match[2]);
  if (!instance) {
    throw new SourceError('InvalidHandle', `${JSON.stringify(trimmed)} is not a Mastodon handle: write it as @user@instance, `
      + 'for example @Gargron@mastodon.social');
  }
  return { user: match[1], instance };
}

/**
 * Fetches a public Mastodon account. Options: `limit` (posts, default 200), `threads` (contexts
 * of posts with replies, default 20), `onProgress({phase: 'fetching', input, done, total, unit})`
 * after each request, `signal`, `fetch` (injectable), `timeoutMs` (for one request, default
 * API_TIMEOUT_MS), `origin` (the API's origin; default
 * https://<instance>, for tests a local mock). Resolves with inputs [{name, data: JSON text}],
 * which also carry `account` ({handle, platform, url}) and `skipped` ([{name, reason}] for
 * threads or later pages that could not be fetched). Rejects with SourceError or AbortError.
 */
export async function fetchMastodonAccount(handle, options = {}) {
  const { user, instance } = parseMastodonHandle(handle);
  const { limit = MASTODON_DEFAULTS.limit, threads = MASTODON_DEFAULTS.threads, onProgress, signal,
    fetch = globalThis.fetch, timeoutMs } = options;
  const origin = options.origin ?? `https://${instance}`;
  const who = `@${user}@${instance}`;
  const get = (path) => getJson(`${origin}${path}`, { origin, fetch, signal, host: instance, timeoutMs });
  const report = throttleProgress(onProgress, 0);
  const pacer = createPacer();
  const inputs = [];
  const skipped = [];

  // The account.
  const found = await get(`/api/v1/accounts/lookup?acct=${encodeURIComponent(user)}`);
  if (found.status === 404 || found.status === 410) {
    throw new SourceError('NotFound', `${who} was not found on ${instance}${found.status === 410 ? ' (it is gone)' : ''}`, { status: found.status });
  }
  if (found.status !== 200) throw accountError(found, instance, who);
  const account = found.body;
  expectShape(account && typeof account === 'object' && typeof account.id === 'string', instance, 'lookup', 'an account');
  inputs.push({ name: 'account.json', data: found.text });
  const expected = Math.min(limit, Number.isFinite(account.statuses_count) ? account.statuses_count : limit);
  report({ phase: 'fetching', input: 'account.json', done: 0, total: expected, unit: 'posts' });

  // Its posts, newest first, a page at a time.
  const statuses = [];
  let maxId = null;
  for (let page = 1; statuses.length < limit; page++) {
    throwIfAborted(signal);
    const name = `statuses-${page}.json`;
    const size = Math.min(PAGE_SIZE, limit - statuses.length);
    let answer;
    try {
      answer = await get(`/api/v1/accounts/${encodeURIComponent(account.id)}/statuses?limit=${size}${maxId ? `&max_id=${maxId}` : ''}`);
      if (answer.status !== 200) throw accountError(answer, instance, who);
      expectShape(Array.isArray(answer.body), instance, name, 'a list of posts');
    } catch (error) {
      if (page === 1 || error.name === 'AbortError') throw error;
      skipped.push({ name, reason: error.message }); // keep what the earlier pages gave
      break;
    }
    const list = answer.body;
    if (list.length === 0) break;
    inputs.push({ name, data: answer.text });
    statuses.push(...list);
    report({ phase: 'fetching', input: name, done: Math.min(statuses.length, expected), total: expected, unit: 'posts' });
    maxId = nextMaxId(answer.headers, list);
    if (!maxId || list.length < size) break;
    if (pacer.due()) await pacer.pause();
  }
  if (statuses.length === 0 && account.locked) {
    throw new SourceError('PrivateAccount', `${who} is a locked account: its posts are visible only to the followers it approves`);
  }

  // The threads around the posts that got replies: where the audience speaks.
  const withReplies = statuses
    .filter((status) => !status.reblog && Number(status.replies_count) > 0 && typeof status.id === 'string')
    .sort((a, b) => Number(b.replies_count) - Number(a.replies_count))
    .slice(0, threads);
  for (let i = 0; i < withReplies.length; i++) {
    throwIfAborted(signal);
    const { id } = withReplies[i];
    const name = `context-${id}.json`;
    try {
      const answer = await get(`/api/v1/statuses/${encodeURIComponent(id)}/context`);
      if (answer.status !== 200) throw httpError(answer, instance, name);
      expectShape(Array.isArray(answer.body?.descendants), instance, name, 'a thread');
      inputs.push({ name, data: answer.text });
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      skipped.push({ name, reason: error.message });
      const stop = stopReason(error);
      if (stop) {
        for (const later of withReplies.slice(i + 1)) skipped.push({ name: `context-${later.id}.json`, reason: stop });
        break;
      }
    }
    report({ phase: 'fetching', input: name, done: i + 1, total: withReplies.length, unit: 'threads' });
    if (pacer.due()) await pacer.pause();
  }
  return Object.assign(inputs, {
    skipped,
    account: { platform: 'mastodon', handle: who, url: typeof account.url === 'string' ? account.url : `https://${instance}/@${user}` },
  });
}

// The max_id of the next page: from the Link header's rel="next" when the browser may read it
// (Mastodon exposes Link to CORS), else the last post's id. Only the id is taken from the
// header, never its URL: the next request goes to the same origin whatever the header says.
function nextMaxId(headers, list) {
  const link = headers.get('link');
  if (link) {
    const next = link.split(',').find((part) => /rel="?next"?/.test(part));
    if (!next) return null;
    const maxId = next.match(/[?&]max_id=([^&>]+)/);
    if (maxId) return decodeURIComponent(maxId[1]);
  }
  const last = list.at(-1)?.id;
  return typeof last === 'string' ? last : null;
}

// 401/403 mean the instance wants a signed-in user (Mastodon: "This method requires an
// authenticated user"); anything else is described by httpError.
function accountError(answer, instance, who) {
  if (answer.status === 401 || answer.status === 403) {
    const said = apiMessage(answer.body);
    return new SourceError('Forbidden', `${instance} lets only signed-in users read ${who}${said ? ` ("${said}")` : ''}`,
      { status: answer.status });
  }
  return httpError(answer, instance);
}

// The host of "instance" (lower case, IDN as punycode, an optional port), or "" when it is not one.
function hostOf(text) {
  try {
    const url = new URL(`https://${text}`);
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return '';
    return /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/.test(url.host) ? url.host : '';
  } catch {
    return '';
  }
}
