// web/sources/ in Chromium, as hosted: Mastodon and Bluesky accounts fetched from the mock APIs
// (another origin, allowed by the page's connect-src) with pagination and clear errors, an
// account analysed end to end through the client, archives read on the page; and proof that
// every request went to the page's origin or the one API origin, with no cookie and no referrer.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startServer, STRICT_CSP } from '../../scripts/lib/serve.mjs';
import { requireBuilt, siteDir } from './lib/artefacts.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { startMockSocialApi } from './lib/mock-social-api.mjs';
import { buildZip } from './lib/zip-builder.mjs';

let server;
let mock;
let browser;
let page;
const requests = [];
const problems = [];

before(async () => {
  requireBuilt(path.join(siteDir, 'loopscore/sources/account.js'));
  mock = await startMockSocialApi();
  // The host's policy with the account server added to connect-src, as docs/embedding.md says.
  server = await startServer({ root: siteDir, port: 0, csp: STRICT_CSP.replace("connect-src 'self'", `connect-src 'self' ${mock.origin}`) });
  browser = await launchBrowser();
  browser.context.on('request', (request) => requests.push(request.url()));
  page = await browser.context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  await page.goto(server.url);
  // A cookie on the page's host: 127.0.0.1 is also the mock's host (cookies ignore ports), so the
  // mock would receive it if a request were sent with credentials.
  await page.evaluate(async () => {
    document.cookie = 'visitor=secret-session; path=/';
    window.sources = {
      ...(await import('/loopscore/sources/account.js')),
      ...(await import('/loopscore/sources/archive.js')),
      client: await import('/loopscore/client.js'),
    };
    window.failure = (promise) => promise.then(() => null, (error) => ({ name: error.name, message: error.message, entry: error.entry }));
  });
});

after(async () => {
  try {
    await browser?.close();
  } finally {
    await server?.close();
    await mock?.close();
  }
});

test('a Mastodon account: pages of statuses, then threads; its errors', async () => {
  const result = await page.evaluate(async (origin) => {
    const events = [];
    const inputs = await window.sources.fetchAccount('@brightbeans@social.example', { origin, threads: 3, onProgress: (e) => events.push(e) });
    return {
      names: inputs.map((input) => input.name),
      pages: inputs.filter((i) => i.name.startsWith('statuses-')).map((i) => JSON.parse(i.data).length),
      account: inputs.account,
      events: events.length,
      busy: await window.failure(window.sources.fetchAccount('@busy@social.example', { origin })),
      missing: await window.failure(window.sources.fetchAccount('@missing@social.example', { origin })),
      locked: await window.failure(window.sources.fetchAccount('@locked@social.example', { origin })),
      broken: await window.failure(window.sources.fetchAccount('@broken@social.example', { origin })),
    };
  }, mock.origin);
  assert.deepEqual(result.names.slice(0, 4), ['account.json', 'statuses-1.json', 'statuses-2.json', 'statuses-3.json']);
  assert.deepEqual(result.pages, [40, 40, 15]);
  assert.equal(result.names.length, 7);
  assert.equal(result.events, 7);
  assert.equal(result.account.handle, '@brightbeans@social.example');
  // The browser can read X-RateLimit-Reset (Mastodon exposes it to CORS), not Retry-After.
  assert.equal(result.busy.name, 'RateLimited');
  assert.match(result.busy.message, /^social\.example is limiting how fast it can be read: the server asks us to wait (29|30) s$/);
  assert.deepEqual(result.missing, { name: 'NotFound', message: '@missing@social.example was not found on social.example', entry: undefined });
  assert.equal(result.locked.name, 'PrivateAccount');
  assert.equal(result.broken.name, 'BadResponse');
});

test('a Bluesky account: feed pages by cursor, then threads; its errors', async () => {
  const result = await page.evaluate(async (origin) => {
    const inputs = await window.sources.fetchAccount('brightbeans.bsky.social', { origin, limit: 150, threads: 2 });
    return {
      names: inputs.map((input) => input.name),
      pages: inputs.filter((i) => i.name.startsWith('feed-')).map((i) => JSON.parse(i.data).feed.length),
      busy: await window.failure(window.sources.fetchAccount('busy.bsky.social', { origin })),
      missing: await window.failure(window.sources.fetchAccount('missing.bsky.social', { origin })),
      hidden: await window.failure(window.sources.fetchAccount('hidden.bsky.social', { origin })),
      invalid: await window.failure(window.sources.fetchAccount('not a handle at all', { origin })),
    };
  }, mock.origin);
  assert.deepEqual(result.names.slice(0, 3), ['profile.json', 'feed-1.json', 'feed-2.json']);
  assert.deepEqual(result.pages, [100, 30]);
  assert.equal(result.names.length, 5);
  assert.equal(result.busy.name, 'RateLimited');
  assert.match(result.busy.message, /the server asks us to wait (29|30) s/);
  assert.deepEqual(result.missing, { name: 'NotFound', message: '@missing.bsky.social was not found on Bluesky', entry: undefined });
  assert.equal(result.hidden.name, 'PrivateAccount');
  assert.equal(result.invalid.name, 'InvalidHandle');
});

test('client.analyzeAccount: fetched on the page, analysed in the worker, progress from both', async () => {
  const result = await page.evaluate(async (origin) => {
    const client = new window.sources.client.LoopScoreClient();
    try {
      const phases = [];
      const analysed = await client.analyzeAccount('@brightbeans@social.example', { include_posts: false },
        { origin, threads: 4, onProgress: (event) => phases.push(event.phase) });
      const missing = await client.analyzeAccount('missing.bsky.social', {}, { origin }).catch((error) => ({
        name: error.name, message: error.message, input: error.input, isLoopScoreError: error instanceof window.sources.client.LoopScoreError,
      }));
      return {
        posts: analysed.report.summary.posts, documents: analysed.report.input.documents.length, inputs: analysed.inputs.length,
        account: analysed.account, phases: [...new Set(phases)], missing,
      };
    } finally {
      client.terminate();
    }
  }, mock.origin);
  assert.ok(result.posts > 95, `${result.posts} posts`);
  assert.equal(result.documents, result.inputs);
  assert.equal(result.account.platform, 'mastodon');
  assert.deepEqual(result.phases, ['fetching', 'reading', 'analyzing']);
  assert.deepEqual(result.missing, { name: 'NotFound', message: '@missing.bsky.social was not found on Bluesky',
    input: 'missing.bsky.social', isLoopScoreError: true });
});

test('archives read on the page: an X archive, a zip bomb, a path trick', async () => {
  const archive = buildZip([
    { name: 'data/tweets.js', data: 'window.YTD.tweets.part0 = [{"tweet":{"id_str":"1","full_text":"Thanks!","created_at":"Wed May 01 10:00:00 +0000 2024"}}]' },
    { name: 'data/account.js', data: 'window.YTD.account.part0 = [{"account":{"username":"brightbeans"}}]' },
    { name: 'data/tweets_media/1.jpg', data: new Uint8Array(100), method: 'stored' },
  ]);
  const bomb = buildZip([{ name: 'posts.jsonl', data: new Uint8Array(50 << 20), declaredSize: 4096 }]);
  const trick = buildZip([{ name: 'data/tweets.js', data: 'x' }, { name: '..\\..\\AppData\\evil.js', data: 'x' }]);
  const result = await page.evaluate(async (zips) => {
    const [archive, bomb, trick] = zips.map((bytes) => new File([new Uint8Array(bytes)], 'export.zip'));
    const inputs = await window.sources.readArchive(archive);
    return {
      names: inputs.map((input) => input.name), kind: inputs.kind,
      bomb: await window.failure(window.sources.readArchive(bomb)),
      trick: await window.failure(window.sources.readArchive(trick)),
    };
  }, [[...archive], [...bomb], [...trick]]);
  assert.deepEqual(result.names, ['data/account.js', 'data/tweets.js']);
  assert.equal(result.kind, 'x-archive');
  assert.equal(result.bomb.name, 'ArchiveTooLarge');
  assert.match(result.bomb.message, /^posts\.jsonl inflates to more than the 4096 bytes it declares/);
  assert.equal(result.trick.name, 'UnsafeEntryName');
  assert.equal(result.trick.entry, '..\\..\\AppData\\evil.js');
  assert.match(result.trick.message, /climbs out of its folder/);
});

test('every request went to the page\'s origin or the API origin, with no cookie and no referrer', () => {
  const allowed = new Set([new URL(server.url).origin, mock.origin]);
  assert.ok(requests.some((url) => url.startsWith(mock.origin)), 'the mock was never asked');
  assert.deepEqual(requests.filter((url) => !url.startsWith('blob:') && !allowed.has(new URL(url).origin)), []);
  assert.ok(mock.requests.length > 0);
  for (const request of mock.requests) {
    assert.equal(request.headers.cookie, undefined, `a cookie went to ${request.url}`);
    assert.equal(request.headers.referer, undefined, `a referrer went to ${request.url}`);
  }
  assert.deepEqual(problems, []);
});
