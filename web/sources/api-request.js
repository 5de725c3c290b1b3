// One GET to a public social API, the privacy-safe way: only to the origin the user named, no
// cookies, no referrer, no redirects to elsewhere; failures become SourceErrors a person can act on.
import { abortError, SourceError } from './source-error.js';

/** How long one request may take, answer and body, before it counts as a NetworkError (ms). */
export const API_TIMEOUT_MS = 30_000;

/**
 * GETs `url` (which must be on `origin`) and parses the JSON answer.
 * Resolves {status, body, text, headers} for any HTTP status but 429 (RateLimited); the caller
 * maps 4xx/5xx to the platform's meaning. Throws NetworkError (also when the server has not
 * answered in full within `timeoutMs`), RateLimited, BadResponse, AbortError.
 */
export async function getJson(url, { origin, fetch = globalThis.fetch, signal, host = new URL(url).host, timeoutMs = API_TIMEOUT_MS }) {
  const target = new URL(url);
  if (target.origin !== origin) {
    // Never reached by the fetchers (they build every URL from `origin`): a guard, not a feature.
    throw new SourceError('NetworkError', `refusing to contact ${target.origin}: only ${origin} was named`, { url });
  }
  // A server that takes the connection and never answers would otherwise hold the visitor until
  // the browser gives up (minutes): the request is aborted after timeoutMs, or when `signal` aborts.
  const request = new AbortController();
  const timer = setTimeout(() => request.abort(), timeoutMs);
  const forward = () => request.abort();
  signal?.addEventListener('abort', forward, { once: true });
  if (signal?.aborted) forward();
  try {
    return await getWithin(target, { signal, stop: request.signal, fetch, host, url, timeoutMs });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forward);
  }
}

// getJson's request, aborted by `stop` (the caller's signal or the timeout, told apart here).
async function getWithin(target, { signal, stop, fetch, host, url, timeoutMs }) {
  const failed = (error, otherwise) => {
    if (signal?.aborted) return abortError(signal);
    if (stop.aborted) {
      return new SourceError('NetworkError', `${host} did not answer within ${timeoutMs / 1000} s: `
        + 'the server is slow or overloaded, try again later', { url, timedOut: true });
    }
    return error?.name === 'AbortError' ? abortError(signal) : otherwise();
  };
  let response;
  try {
    response = await fetch(target.href, {
      method: 'GET',
      headers: { Accept: 'application/json' },  // a CORS-safelisted header: no preflight
      credentials: 'omit',                        // no cookies, no HTTP auth: the visitor stays anonymous
      referrerPolicy: 'no-referrer',              // the host page's address is not the server's business
      redirect: 'error',                          // a redirect could lead to another origin
      cache: 'no-store',
      signal: stop,
    });
  } catch (error) {
    throw failed(error, () => new SourceError('NetworkError', `could not reach ${host}: the network is down, the name is wrong, the `
      + 'server does not allow reading it from a web page, or this page\'s Content-Security-Policy (connect-src) '
      + `does not allow it (${error?.message ?? error})`, { url }));
  }
  if (response.status === 429) throw rateLimited(response, host, url);
  let text;
  try {
    text = await response.text();
  } catch (error) {
    throw failed(error, () => new SourceError('NetworkError', `the answer from ${host} was cut off (${error?.message ?? error})`, { url }));
  }
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (body === undefined && response.ok) {
    throw new SourceError('BadResponse', `${host} answered with something that is not JSON (HTTP ${response.status}, `
      + `${response.headers.get('content-type') || 'no content type'}): is it really a ${describeApi(url)}?`, { url, status: response.status });
  }
  return { status: response.status, body, text, headers: response.headers };
}

/**
 * Why the threads after a failed one are not asked for, or null to go on: a server that is
 * rate limiting, or that left a request unanswered, would refuse or ignore the rest too.
 */
export function stopReason(error) {
  if (error?.name === 'RateLimited') return 'not fetched: rate limited';
  if (error?.timedOut) return 'not fetched: the server stopped answering';
  return null;
}

/** The message of an API's JSON error ({"error": "..."} on Mastodon, {"error", "message"} on Bluesky). */
export function apiMessage(body) {
  if (body && typeof body === 'object') {
    if (typeof body.message === 'string' && body.message) return body.message;
    if (typeof body.error === 'string' && body.error) return body.error;
  }
  return '';
}

/** A SourceError for an HTTP status the platform code did not map itself. */
export function httpError(response, host, url) {
  const said = apiMessage(response.body);
  const quote = said ? `: "${said}"` : '';
  if (response.status === 401 || response.status === 403) {
    return new SourceError('Forbidden', `${host} requires signing in to read this${quote}`, { url, status: response.status });
  }
  if (response.status === 404) return new SourceError('NotFound', `${host} has no such thing${quote}`, { url, status: 404 });
  return new SourceError('BadResponse', `${host} answered HTTP ${response.status}${quote}`, { url, status: response.status });
}

/** Throws BadResponse unless `ok` (a check of the answer's shape). */
export function expectShape(ok, host, url, what) {
  if (!ok) throw new SourceError('BadResponse', `${host} answered, but not with ${what}`, { url });
}

// RateLimited, with the wait the server asks for when a readable header says it: Retry-After
// (seconds or an HTTP date), X-RateLimit-Reset (Mastodon: an ISO time) or RateLimit-Reset
// (Bluesky: epoch seconds). Browsers hide headers the server does not expose to CORS.
function rateLimited(response, host, url) {
  const retryAfter = waitSeconds(response.headers);
  const wait = retryAfter === null
    ? 'try again in a few minutes'
    : `the server asks us to wait ${retryAfter} s${retryAfter >= 120 ? ` (about ${Math.round(retryAfter / 60)} min)` : ''}`;
  return new SourceError('RateLimited', `${host} is limiting how fast it can be read: ${wait}`, { url, status: 429, retryAfter });
}

/** Seconds to wait from a 429's headers, or null when none is readable. */
export function waitSeconds(headers, now = Date.now()) {
  const seconds = (ms) => Math.max(0, Math.ceil((ms - now) / 1000));
  const retry = headers.get('retry-after');
  if (retry) {
    if (/^\s*\d+\s*$/.test(retry)) return Number(retry);
    const at = Date.parse(retry);
    if (!Number.isNaN(at)) return seconds(at);
  }
  for (const name of ['x-ratelimit-reset', 'ratelimit-reset']) {
    const reset = headers.get(name);
    if (!reset) continue;
    if (/^\s*\d+\s*$/.test(reset)) {
      const value = Number(reset);
      // Epoch seconds (Bluesky), or a delta in seconds (the IETF RateLimit draft).
      return value > 1e9 ? seconds(value * 1000) : value;
    }
    const at = Date.parse(reset);
    if (!Number.isNaN(at)) return seconds(at);
  }
  return null;
}

function describeApi(url) {
  return url.includes('/xrpc/') ? 'Bluesky AppView' : 'Mastodon server';
}
