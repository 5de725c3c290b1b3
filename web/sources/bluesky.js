// fetchBlueskyAccount: a Bluesky account's recent posts and the replies around them, read from
// the public AppView (no sign-in; it allows cross-origin reads), as inputs [{name, data}] for
// LoopScoreClient.analyze.
//   app.bsky.actor.getProfile?actor=HANDLE                    -> profile.json
//   app.bsky.feed.getAuthorFeed?actor=DID&limit=100&cursor=…  -> feed-1.json, feed-2.json …
//   app.bsky.feed.getPostThread?uri=AT_URI&depth=6            -> thread-<rkey>.json (posts with replies)
import { apiMessage, expectShape, getJson, httpError, stopReason } from './api-request.js';
import { createPacer, throttleProgress } from './pacer.js';
import { SourceError, throwIfAborted } from './source-error.js';

/** The public AppView: the only origin contacted unless `origin` says otherwise. */
export const BLUESKY_APPVIEW = 'https://public.api.bsky.app';
/** How much to fetch unless told: posts (feed items) and threads of posts with replies. */
export const BLUESKY_DEFAULTS = Object.freeze({ limit: 200, threads: 20 });
const PAGE_SIZE = 100;    // getAuthorFeed's maximum
const THREAD_DEPTH = 6;   // replies to replies, a few levels down
// A profile label by which the account asks apps not to show it to logged-out visitors.
const NO_UNAUTHENTICATED = '!no-unauthenticated';

/** "handle.bsky.social", "@handle.example.com", "did:plc:…" or "https://bsky.app/profile/…" as the
 * actor to ask for; throws InvalidHandle. */
export function parseBlueskyHandle(text) {
  let actor = String(text ?? '').trim();
  const url = actor.match(/^https:\/\/bsky\.app\/profile\/([^/?#\s]+)\/?$/);
  if (url) actor = decodeURIComponent(url[1]);
  actor = actor.replace(/^@/, '');
  if (/^did:(plc:[a-z2-7]{24}|web:[a-zA-Z0-9.:%-]+)$/.test(actor)) return actor;
  const handle = actor.toLowerCase();
  if (handle.length <= 253 && /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/.test(handle)) return handle;
  throw new SourceError('InvalidHandle', `${JSON.stringify(actor)} is not a Bluesky handle: write it as name.bsky.social `
    + 'or your own domain, for example jay.bsky.team');
}

/**
 * Fetches a Bluesky account through the public AppView. Options as fetchMastodonAccount's:
 * `limit` (feed items, default 200), `threads` (default 20), `onProgress`, `signal`, `fetch`,
 * `timeoutMs`, `origin` (default https://public.api.bsky.app). Resolves with inputs
 * [{name, data: JSON text}] carrying `account` and `skipped`. Rejects with SourceError or AbortError.
 */
export async function fetchBlueskyAccount(handle, options = {}) {
  const actor = parseBlueskyHandle(handle);
  const { limit = BLUESKY_DEFAULTS.limit, threads = BLUESKY_DEFAULTS.threads, onProgress, signal,
    fetch = globalThis.fetch, origin = BLUESKY_APPVIEW, timeoutMs } = options;
  const host = `Bluesky (${new URL(origin).host})`; // as messages name it
  const get = (method, params) => getJson(`${origin}/xrpc/${method}?${new URLSearchParams(params)}`, { origin, fetch, signal, host, timeoutMs });
  const report = throttleProgress(onProgress, 0);
  const pacer = createPacer();
  const inputs = [];
  const skipped = [];

  // The profile.
  const found = await get('app.bsky.actor.getProfile', { actor });
  if (found.status !== 200) throw profileError(found, host, actor);
  const profile = found.body;
  expectShape(profile && typeof profile.did === 'string' && typeof profile.handle === 'string', host, 'getProfile', 'a profile');
  if (Array.isArray(profile.labels) && profile.labels.some((label) => label?.val === NO_UNAUTHENTICATED)) {
    throw new SourceError('PrivateAccount', `@${profile.handle} asks apps not to show its posts to people who are not `
      + 'signed in to Bluesky, and loopscore respects that');
  }
  inputs.push({ name: 'profile.json', data: found.text });
  const expected = Math.min(limit, Number.isFinite(profile.postsCount) ? profile.postsCount : limit);
  report({ phase: 'fetching', input: 'profile.json', done: 0, total: expected, unit: 'posts' });

  // The author feed, newest first, a page at a time.
  const items = [];
  let cursor = null;
  for (let page = 1; items.length < limit; page++) {
    throwIfAborted(signal);
    const name = `feed-${page}.json`;
    const params = { actor: profile.did, limit: String(Math.min(PAGE_SIZE, limit - items.length)) };
    if (cursor) params.cursor = cursor;
    let answer;
    try {
      answer = await get('app.bsky.feed.getAuthorFeed', params);
      if (answer.status !== 200) throw profileError(answer, host, actor);
      expectShape(Array.isArray(answer.body?.feed), host, name, 'an author feed');
    } catch (error) {
      if (page === 1 || error.name === 'AbortError') throw error;
      skipped.push({ name, reason: error.message });
      break;
    }
    const { feed } = answer.body;
    if (feed.length === 0) break;
    inputs.push({ name, data: answer.text });
    items.push(...feed);
    report({ phase: 'fetching', input: name, done: Math.min(items.length, expected), total: expected, unit: 'posts' });
    cursor = typeof answer.body.cursor === 'string' && answer.body.cursor ? answer.body.cursor : null;
    if (!cursor) break;
    if (pacer.due()) await pacer.pause();
  }

  // The threads of the account's own posts that got replies.
  const withReplies = items
    .filter((item) => !item?.reason && item?.post?.author?.did === profile.did && Number(item.post.replyCount) > 0
      && typeof item.post.uri === 'string')
    .map((item) => item.post)
    .sort((a, b) => Number(b.replyCount) - Number(a.replyCount))
    .slice(0, threads);
  for (let i = 0; i < withReplies.length; i++) {
    throwIfAborted(signal);
    const { uri } = withReplies[i];
    const name = `thread-${uri.split('/').pop()}.json`;
    try {
      const answer = await get('app.bsky.feed.getPostThread', { uri, depth: String(THREAD_DEPTH), parentHeight: '0' });
      if (answer.status !== 200) throw httpError(answer, host, name);
      expectShape(answer.body?.thread && typeof answer.body.thread === 'object', host, name, 'a thread');
      inputs.push({ name, data: answer.text });
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      skipped.push({ name, reason: error.message });
      const stop = stopReason(error);
      if (stop) {
        for (const later of withReplies.slice(i + 1)) skipped.push({ name: `thread-${later.uri.split('/').pop()}.json`, reason: stop });
        break;
      }
    }
    report({ phase: 'fetching', input: name, done: i + 1, total: withReplies.length, unit: 'threads' });
    if (pacer.due()) await pacer.pause();
  }
  return Object.assign(inputs, {
    skipped,
    account: { platform: 'bluesky', handle: `@${profile.handle}`, url: `https://bsky.app/profile/${profile.handle}` },
  });
}

// XRPC errors: 400 with {"error": "InvalidRequest", "message": "Profile not found"} for a missing
// actor, "AccountDeactivated" or "AccountTakedown" for one that is gone; 401/403 for sign-in.
function profileError(answer, host, actor) {
  const code = typeof answer.body?.error === 'string' ? answer.body.error : '';
  const said = apiMessage(answer.body);
  if (code === 'AccountDeactivated') return new SourceError('NotFound', `@${actor} has deactivated its account`, { status: answer.status });
  if (code === 'AccountTakedown') return new SourceError('NotFound', `@${actor} was taken down by Bluesky moderation`, { status: answer.status });
  if (answer.status === 404 || (answer.status === 400 && /not found|could not find|unable to resolve/i.test(said))) {
    return new SourceError('NotFound', `@${actor} was not found on Bluesky`, { status: answer.status });
  }
  if (code === 'BlockedActor' || code === 'BlockedByActor') {
    return new SourceError('Forbidden', `@${actor} cannot be read: ${said || code}`, { status: answer.status });
  }
  return httpError(answer, host);
}
