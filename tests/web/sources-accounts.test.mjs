// sources/mastodon.js, bluesky.js and account.js in Node against the local mock APIs: pages and
// threads fetched as the APIs page them, each failure a clear SourceError, only the named origin
// contacted (no cookies, no referrer), and the fetched pages analysed in wasm exactly as the
// native CLI analyses the same files.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { handle } from '../../web/handler.js';
import { fetchAccount, parseAccount } from '../../web/sources/account.js';
import { getJson, waitSeconds } from '../../web/sources/api-request.js';
import { fetchBlueskyAccount, parseBlueskyHandle } from '../../web/sources/bluesky.js';
import { fetchMastodonAccount, parseMastodonHandle } from '../../web/sources/mastodon.js';
import { loadModule, runCli } from './lib/artefacts.mjs';
import { RETRY_AFTER_SECONDS, startMockSocialApi } from './lib/mock-social-api.mjs';
import { reportText } from './lib/report-text.mjs';

let mock;
const scratch = mkdtempSync(path.join(tmpdir(), 'loopscore-accounts-'));
before(async () => { mock = await startMockSocialApi(); });
after(async () => {
  await mock?.close();
  rmSync(scratch, { recursive: true, force: true });
});

// A fetch that records each call's URL and init, then asks the mock.
function recordingFetch() {
  const calls = [];
  const fetchImpl = (url, init) => {
    calls.push({ url, init });
    return fetch(url, init);
  };
  return { calls, fetch: fetchImpl };
}

// Never settles until `signal` aborts, then rejects with an AbortError: a request left unanswered.
function untilAborted(signal) {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true }));
}

async function rejection(promise, name) {
  const error = await promise.then(() => assert.fail(`no ${name}`), (e) => e);
  assert.equal(error.name, name, error.stack);
  return error;
}

describe('Mastodon', () => {
  test('the account, its statuses page by page (max_id), and the threads of posts with replies', async () => {
    const { calls, fetch } = recordingFetch();
    const events = [];
    const inputs = await fetchMastodonAccount('@brightbeans@social.example', { origin: mock.origin, fetch, threads: 5,
      onProgress: (event) => events.push(event) });
    const names = inputs.map((input) => input.name);
    assert.deepEqual(names.slice(0, 4), ['account.json', 'statuses-1.json', 'statuses-2.json', 'statuses-3.json']);
    assert.equal(names.filter((name) => name.startsWith('context-')).length, 5);
    assert.deepEqual(inputs.skipped, []);
    assert.deepEqual(inputs.account, { platform: 'mastodon', handle: '@brightbeans@social.example', url: 'https://social.example/@brightbeans' });
    const pages = inputs.filter((input) => input.name.startsWith('statuses-')).map((input) => JSON.parse(input.data).length);
    assert.deepEqual(pages, [40, 40, 15]);
    // The second page asked for posts older than the first page's last.
    const first = JSON.parse(inputs[1].data);
    assert.match(calls[2].url, new RegExp(`/api/v1/accounts/110000000000000001/statuses\\?limit=40&max_id=${first.at(-1).id}$`));
    for (const { url, init } of calls) {
      assert.equal(new URL(url).origin, mock.origin);
      assert.equal(init.credentials, 'omit');
      assert.equal(init.referrerPolicy, 'no-referrer');
      assert.equal(init.redirect, 'error');
    }
    assert.deepEqual(events.filter((e) => e.unit === 'posts').map((e) => [e.input, e.done, e.total]),
      [['account.json', 0, 95], ['statuses-1.json', 40, 95], ['statuses-2.json', 80, 95], ['statuses-3.json', 95, 95]]);
    assert.deepEqual(events.filter((e) => e.unit === 'threads').map((e) => e.done), [1, 2, 3, 4, 5]);
    assert.ok(events.every((e) => e.phase === 'fetching'));
  });

  test('`limit` bounds the posts; without a readable Link header the last id pages on', async () => {
    const withoutLink = (url, init) => fetch(url, init).then((response) => {
      const headers = new Headers(response.headers);
      headers.delete('link');
      return new Response(response.body, { status: response.status, headers });
    });
    const inputs = await fetchMastodonAccount('brightbeans@social.example', { origin: mock.origin, fetch: withoutLink, limit: 50, threads: 0 });
    assert.deepEqual(inputs.map((input) => [input.name, input.name === 'account.json' ? 1 : JSON.parse(input.data).length]),
      [['account.json', 1], ['statuses-1.json', 40], ['statuses-2.json', 10]]);
  });

  test('clear errors: missing, rate limited, locked, sign-in only, broken JSON, bad handle', async () => {
    const options = { origin: mock.origin };
    assert.match((await rejection(fetchMastodonAccount('@missing@social.example', options), 'NotFound')).message,
      /^@missing@social\.example was not found on social\.example$/);
    const limited = await rejection(fetchMastodonAccount('@busy@social.example', options), 'RateLimited');
    assert.match(limited.message, /^social\.example is limiting how fast it can be read: the server asks us to wait (29|30) s$/);
    assert.ok(limited.retryAfter === RETRY_AFTER_SECONDS || limited.retryAfter === RETRY_AFTER_SECONDS - 1);
    assert.match((await rejection(fetchMastodonAccount('@locked@social.example', options), 'PrivateAccount')).message,
      /is a locked account: its posts are visible only to the followers it approves/);
    assert.match((await rejection(fetchMastodonAccount('@authonly@social.example', options), 'Forbidden')).message,
      /lets only signed-in users read @authonly@social\.example \("This method requires an authenticated user"\)/);
    assert.match((await rejection(fetchMastodonAccount('@broken@social.example', options), 'BadResponse')).message,
      /answered with something that is not JSON/);
    for (const bad of ['brightbeans', '@a@b@c', '@user@not a host', '@user@https://x.example/', '']) {
      await rejection(fetchMastodonAccount(bad, options), 'InvalidHandle');
    }
  });

  test('a rate limit while fetching threads keeps what was fetched and lists the rest', async () => {
    const inputs = await fetchMastodonAccount('@flaky@social.example', { origin: mock.origin });
    assert.deepEqual(inputs.map((input) => input.name), ['account.json', 'statuses-1.json']);
    assert.equal(inputs.skipped.length, 3);
    assert.match(inputs.skipped[0].reason, /limiting how fast/);
    assert.deepEqual(inputs.skipped.slice(1).map((s) => s.reason), ['not fetched: rate limited', 'not fetched: rate limited']);
  });

  test('a network failure and a cancellation', async () => {
    const offline = () => Promise.reject(new TypeError('Failed to fetch'));
    assert.match((await rejection(fetchMastodonAccount('@brightbeans@social.example', { fetch: offline }), 'NetworkError')).message,
      /could not reach social\.example: .*Failed to fetch/);
    const controller = new AbortController();
    const pending = fetchMastodonAccount('@brightbeans@social.example', { origin: mock.origin, signal: controller.signal,
      onProgress: (event) => { if (event.input === 'statuses-1.json') controller.abort(); } });
    await rejection(pending, 'AbortError');
  });

  test('a server that never answers is a NetworkError after the timeout; Cancel still wins', { timeout: 10_000 }, async () => {
    // A fetch that never answers, or answers and never ends its body, until its request is aborted (as a real one).
    const stalled = (withHeaders) => (url, init) => (withHeaders
      ? Promise.resolve({ status: 200, ok: true, headers: new Headers(), text: () => untilAborted(init.signal) })
      : untilAborted(init.signal));
    const url = 'https://social.example/api/v1/accounts/lookup?acct=slow';
    for (const withHeaders of [false, true]) {
      const started = performance.now();
      const error = await rejection(getJson(url, { origin: 'https://social.example', fetch: stalled(withHeaders), timeoutMs: 50 }), 'NetworkError');
      assert.match(error.message, /social\.example did not answer within 0\.05 s/);
      assert.ok(performance.now() - started < 5000, 'it gave up in time');
    }
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    await rejection(getJson(url, { origin: 'https://social.example', fetch: stalled(false), signal: controller.signal }), 'AbortError');
  });

  test('threads stop at the first one the server leaves unanswered; the rest are listed', { timeout: 10_000 }, async () => {
    const stallThreads = (url, init) => (/\/context$/.test(new URL(url).pathname) ? untilAborted(init.signal) : fetch(url, init));
    const inputs = await fetchMastodonAccount('@brightbeans@social.example', { origin: mock.origin, fetch: stallThreads, timeoutMs: 100, threads: 4 });
    assert.deepEqual(inputs.map((input) => input.name), ['account.json', 'statuses-1.json', 'statuses-2.json', 'statuses-3.json']);
    assert.equal(inputs.skipped.length, 4);
    assert.match(inputs.skipped[0].reason, /did not answer within 0\.1 s/);
    assert.deepEqual(inputs.skipped.slice(1).map((s) => s.reason), Array(3).fill('not fetched: the server stopped answering'));
  });

  test('handles: @user@instance, user@instance, profile links; IDN hosts in punycode', () => {
    assert.deepEqual(parseMastodonHandle(' @Gargron@mastodon.social '), { user: 'Gargron', instance: 'mastodon.social' });
    assert.deepEqual(parseMastodonHandle('https://fosstodon.org/@schochastics'), { user: 'schochastics', instance: 'fosstodon.org' });
    assert.deepEqual(parseMastodonHandle('anna@bücher.example'), { user: 'anna', instance: 'xn--bcher-kva.example' });
  });
});

describe('Bluesky', () => {
  test('the profile, the author feed page by page (cursor), and threads', async () => {
    const { calls, fetch } = recordingFetch();
    const inputs = await fetchBlueskyAccount('@brightbeans.bsky.social', { origin: mock.origin, fetch, limit: 150, threads: 4 });
    const names = inputs.map((input) => input.name);
    assert.deepEqual(names.slice(0, 3), ['profile.json', 'feed-1.json', 'feed-2.json']);
    assert.deepEqual(inputs.slice(1, 3).map((input) => JSON.parse(input.data).feed.length), [100, 30]);
    assert.equal(names.filter((name) => /^thread-[a-z2-7]{13}\.json$/.test(name)).length, 4);
    assert.match(calls[2].url, /getAuthorFeed\?actor=did%3Aplc%3Abrightbeans0+&limit=50&cursor=c100$/);
    assert.ok(calls.every(({ url }) => new URL(url).origin === mock.origin));
    assert.equal(inputs.account.url, 'https://bsky.app/profile/brightbeans.bsky.social');
  });

  test('clear errors: missing, rate limited, logged-out visibility off, not JSON, bad handle', async () => {
    const options = { origin: mock.origin };
    assert.match((await rejection(fetchBlueskyAccount('missing.bsky.social', options), 'NotFound')).message,
      /^@missing\.bsky\.social was not found on Bluesky$/);
    const limited = await rejection(fetchBlueskyAccount('busy.bsky.social', options), 'RateLimited');
    assert.match(limited.message, /the server asks us to wait (29|30) s/);
    assert.match((await rejection(fetchBlueskyAccount('hidden.bsky.social', options), 'PrivateAccount')).message,
      /asks apps not to show its posts to people who are not signed in/);
    assert.match((await rejection(fetchBlueskyAccount('broken.bsky.social', options), 'BadResponse')).message,
      /not JSON \(HTTP 200, text\/html\)/);
    for (const bad of ['not a handle', 'x', '@@a.b', 'a..b']) await rejection(fetchBlueskyAccount(bad, options), 'InvalidHandle');
  });

  test('handles: domains, @-prefixed, DIDs, bsky.app links', () => {
    assert.equal(parseBlueskyHandle('@Jay.bsky.team'), 'jay.bsky.team');
    assert.equal(parseBlueskyHandle('https://bsky.app/profile/alice.example.com'), 'alice.example.com');
    assert.equal(parseBlueskyHandle('did:plc:ewvi7nxzyoun6zhxrhs64oiz'), 'did:plc:ewvi7nxzyoun6zhxrhs64oiz');
  });
});

test('fetchAccount picks the platform from the handle, and names the one origin it will contact', async () => {
  assert.deepEqual(parseAccount('@brightbeans@social.example'), { platform: 'mastodon', handle: '@brightbeans@social.example', origin: 'https://social.example' });
  assert.deepEqual(parseAccount('https://social.example/@brightbeans'), { platform: 'mastodon', handle: '@brightbeans@social.example', origin: 'https://social.example' });
  assert.deepEqual(parseAccount('brightbeans.bsky.social'), { platform: 'bluesky', handle: 'brightbeans.bsky.social', origin: 'https://public.api.bsky.app' });
  assert.deepEqual(parseAccount('https://bsky.app/profile/brightbeans.bsky.social').platform, 'bluesky');
  assert.throws(() => parseAccount('just words'), { name: 'InvalidHandle' });
  assert.equal((await fetchAccount('@brightbeans@social.example', { origin: mock.origin, threads: 1 }))[0].name, 'account.json');
  assert.equal((await fetchAccount('brightbeans.bsky.social', { origin: mock.origin, threads: 1 }))[0].name, 'profile.json');
});

test('waitSeconds reads Retry-After (seconds or a date), X-RateLimit-Reset (ISO) and RateLimit-Reset (epoch)', () => {
  const now = Date.UTC(2025, 0, 1);
  const at = (headers) => waitSeconds(new Headers(headers), now);
  assert.equal(at({ 'retry-after': '120' }), 120);
  assert.equal(at({ 'retry-after': new Date(now + 90_000).toUTCString() }), 90);
  assert.equal(at({ 'x-ratelimit-reset': new Date(now + 300_000).toISOString() }), 300);
  assert.equal(at({ 'ratelimit-reset': String(now / 1000 + 45) }), 45);
  assert.equal(at({}), null);
});

describe('fetched pages analysed in wasm equal the native CLI on the same files', () => {
  for (const [platform, account] of [['mastodon', '@brightbeans@social.example'], ['bluesky', 'brightbeans.bsky.social']]) {
    test(platform, async () => {
      const inputs = await fetchAccount(account, { origin: mock.origin, threads: 6 });
      const dir = path.join(scratch, platform);
      mkdirSync(dir, { recursive: true });
      const files = inputs.map((input) => {
        const file = path.join(dir, input.name);
        writeFileSync(file, input.data);
        return file;
      });
      const module = await loadModule();
      const response = await handle(module, { id: 1, type: 'analyze', inputs: inputs.map(({ name, data }) => ({ name, data })), options: {} });
      const cli = runCli('analyze', ...files);
      assert.equal(cli.status, 0, cli.stderr);
      const text = reportText(response);
      assert.equal(text, cli.stdout.toString('utf8'));
      const report = JSON.parse(text);
      assert.ok(report.summary.posts > 90, `${report.summary.posts} posts`);
      assert.equal(report.input.documents.length, inputs.length);
    });
  }
});
