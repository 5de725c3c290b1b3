// A local stand-in for a Mastodon instance and the Bluesky AppView: node:http on 127.0.0.1,
// answering the public read endpoints web/sources/ calls with the responses of
// social-fixtures.mjs, with the real APIs' pagination, CORS headers and errors:
//   Mastodon @brightbeans (95 posts, pages of 40, threads), @locked (a locked account with no
//   public post), @authonly (401 "This method requires an authenticated user"), @broken (a
//   truncated JSON page), @flaky (threads answered 429), @busy (429 with Retry-After), @missing (404);
//   Bluesky brightbeans.bsky.social (130 posts, pages of 100, threads), hidden.bsky.social (asks not
//   to be shown logged out), broken.bsky.social (an HTML page instead of JSON), busy.bsky.social
//   (429), missing.bsky.social (400 "Profile not found").
import http from 'node:http';
import { blueskyAppView, mastodonInstance } from './social-fixtures.mjs';

/** Seconds a 429 asks the client to wait. */
export const RETRY_AFTER_SECONDS = 30;

// Mastodon's CORS (rack-cors in config/initializers/cors.rb): any origin, these headers readable.
const MASTODON_CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Link, X-RateLimit-Reset, X-RateLimit-Limit, X-RateLimit-Remaining, X-Request-Id',
};
const BLUESKY_CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ratelimit-limit, ratelimit-remaining, ratelimit-reset, ratelimit-policy, retry-after',
};

/** Starts the mock on 127.0.0.1 (any free port). `requests` logs every request; `close()` stops it.
 * `delayMs` (settable later) delays every answer, for cancellation tests. */
export async function startMockSocialApi({ delayMs = 0 } = {}) {
  const host = '127.0.0.1';
  const mastodon = mastodonInstance('social.example'); // the instance the tests name; the mock stands in for it
  const bluesky = blueskyAppView();
  const requests = [];
  const state = { delayMs };
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method, url: req.url, headers: req.headers });
    const answer = () => {
      try {
        route(req, res, { mastodon, bluesky, origin: mock.origin });
      } catch (error) {
        send(res, 500, { error: String(error) }, MASTODON_CORS);
      }
    };
    if (state.delayMs > 0) setTimeout(answer, state.delayMs);
    else answer();
  });
  const port = await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve(server.address().port));
  });
  const mock = {
    origin: `http://${host}:${port}`,
    requests,
    set delayMs(ms) { state.delayMs = ms; },
    get delayMs() { return state.delayMs; },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  return mock;
}

function route(req, res, context) {
  const url = new URL(req.url, context.origin);
  if (req.method === 'OPTIONS') {
    return send(res, 204, null, { ...MASTODON_CORS, 'Access-Control-Allow-Methods': 'GET', 'Access-Control-Allow-Headers': '*' });
  }
  if (req.method !== 'GET') return send(res, 405, { error: 'method not allowed' }, MASTODON_CORS);
  if (url.pathname.startsWith('/api/v1/')) return mastodonRoute(url, res, context);
  if (url.pathname.startsWith('/xrpc/')) return blueskyRoute(url, res, context);
  return send(res, 404, { error: 'not found' }, MASTODON_CORS);
}

// ---------------------------------------------------------------- Mastodon

function mastodonRoute(url, res, { mastodon, origin }) {
  const headers = { ...MASTODON_CORS, 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '299' };
  const byId = (id) => Object.values(mastodon.accounts).find((entry) => entry.account.id === id);
  let match;
  if (url.pathname === '/api/v1/accounts/lookup') {
    const acct = url.searchParams.get('acct') ?? '';
    if (acct === 'busy') return tooManyRequests(res, headers, { error: 'Too many requests' });
    const entry = mastodon.accounts[acct];
    if (!entry) return send(res, 404, { error: 'Record not found' }, headers);
    return send(res, 200, entry.account, headers);
  }
  if ((match = url.pathname.match(/^\/api\/v1\/accounts\/(\d+)\/statuses$/))) {
    const entry = byId(match[1]);
    if (!entry) return send(res, 404, { error: 'Record not found' }, headers);
    if (entry.status === 401) return send(res, 401, { error: 'This method requires an authenticated user' }, headers);
    if (entry.broken) return sendText(res, 200, '[{"id":"1","content":"<p>cut off', 'application/json; charset=utf-8', headers);
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 20) || 20, 40);
    const maxId = url.searchParams.get('max_id');
    const older = maxId ? entry.statuses.filter((s) => BigInt(s.id) < BigInt(maxId)) : entry.statuses;
    const page = older.slice(0, limit);
    if (page.length > 0) {
      const base = `${origin}${url.pathname}?limit=${limit}`;
      const links = [`<${base}&min_id=${page[0].id}>; rel="prev"`];
      if (page.length === limit) links.unshift(`<${base}&max_id=${page.at(-1).id}>; rel="next"`);
      headers.Link = links.join(', ');
    }
    return send(res, 200, page, headers);
  }
  if ((match = url.pathname.match(/^\/api\/v1\/statuses\/(\d+)\/context$/))) {
    const owner = Object.values(mastodon.accounts).find((entry) => entry.statuses.some((s) => s.id === match[1]));
    if (owner?.contextStatus === 429) return tooManyRequests(res, headers, { error: 'Too many requests' });
    const context = mastodon.contexts.get(match[1]);
    if (context) return send(res, 200, context, headers);
    if (owner) return send(res, 200, { ancestors: [], descendants: [] }, headers);
    return send(res, 404, { error: 'Record not found' }, headers);
  }
  return send(res, 404, { error: 'Record not found' }, headers);
}

// ---------------------------------------------------------------- Bluesky

function blueskyRoute(url, res, { bluesky }) {
  const headers = { ...BLUESKY_CORS };
  const method = url.pathname.slice('/xrpc/'.length);
  const params = url.searchParams;
  const actorEntry = (actor) => Object.values(bluesky.profiles).find((e) => e.profile.handle === actor || e.profile.did === actor);
  const notFound = () => send(res, 400, { error: 'InvalidRequest', message: 'Profile not found' }, headers);
  if (method === 'app.bsky.actor.getProfile') {
    const actor = params.get('actor') ?? '';
    if (actor === 'busy.bsky.social') return tooManyRequests(res, headers, { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' }, true);
    const entry = actorEntry(actor);
    return entry ? send(res, 200, entry.profile, headers) : notFound();
  }
  if (method === 'app.bsky.feed.getAuthorFeed') {
    const entry = actorEntry(params.get('actor') ?? '');
    if (!entry) return notFound();
    if (entry.broken) return sendText(res, 200, '<html><body>502 Bad Gateway</body></html>', 'text/html', headers);
    const limit = Math.min(Math.max(Number(params.get('limit') ?? 50) || 50, 1), 100);
    const start = params.has('cursor') ? Number(params.get('cursor').replace(/^c/, '')) : 0;
    const page = entry.feed.slice(start, start + limit);
    const body = { feed: page };
    if (start + limit < entry.feed.length) body.cursor = `c${start + limit}`;
    return send(res, 200, body, headers);
  }
  if (method === 'app.bsky.feed.getPostThread') {
    const thread = bluesky.threads.get(params.get('uri') ?? '');
    if (!thread) return send(res, 400, { error: 'NotFound', message: `Post not found: ${params.get('uri')}` }, headers);
    return send(res, 200, thread, headers);
  }
  return send(res, 501, { error: 'MethodNotImplemented', message: 'Method Not Implemented' }, headers);
}

// ---------------------------------------------------------------- answers

// 429 with Retry-After, and the platform's own reset header (Mastodon: ISO time; Bluesky: epoch seconds).
function tooManyRequests(res, headers, body, bluesky = false) {
  const reset = Date.now() + RETRY_AFTER_SECONDS * 1000;
  const extra = { 'Retry-After': String(RETRY_AFTER_SECONDS) };
  if (bluesky) {
    Object.assign(extra, { 'ratelimit-limit': '3000', 'ratelimit-remaining': '0', 'ratelimit-reset': String(Math.ceil(reset / 1000)) });
  } else {
    Object.assign(extra, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': new Date(reset).toISOString() });
  }
  return send(res, 429, body, { ...headers, ...extra });
}

function send(res, status, body, headers) {
  if (body === null) {
    res.writeHead(status, headers);
    return res.end();
  }
  return sendText(res, status, JSON.stringify(body), 'application/json; charset=utf-8', headers);
}

function sendText(res, status, text, type, headers) {
  res.writeHead(status, { ...headers, 'Content-Type': type, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}
