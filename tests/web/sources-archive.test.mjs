// sources/archive.js in Node, as staged for hosting (bundled): which files of an X
// archive, a Mastodon export or any zip are read, in which order; and every hostile archive (zip
// bombs, path tricks, duplicates, encryption, damage) refused with a clear error, early.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, test } from 'node:test';
import { loadModule, repoRoot, requireBuilt, siteDir } from './lib/artefacts.mjs';
import { buildZip } from './lib/zip-builder.mjs';
import { reportText } from './lib/report-text.mjs';

let readArchive;
let ARCHIVE_LIMITS;
let handle;
const fixture = (file) => readFileSync(path.join(repoRoot, 'tests/fixtures', file));
const PROFILE_JS = 'window.YTD.profile.part0 = [{"profile":{"description":{"bio":"Roasters."}}}]';

before(async () => {
  const staged = (file) => pathToFileURL(requireBuilt(path.join(siteDir, 'loopscore', file))).href;
  ({ readArchive, ARCHIVE_LIMITS } = await import(staged('sources/archive.js')));
  ({ handle } = await import(staged('handler.js')));
});

// The SourceError readArchive rejects with (asserting its name), for a zip built from `entries`.
async function refusal(entries, name, options = {}) {
  const zip = entries instanceof Uint8Array ? entries : buildZip(entries);
  const error = await readArchive(zip, options).then(() => assert.fail(`no ${name}`), (e) => e);
  assert.equal(error.name, name, error.stack);
  return error;
}

const X_ARCHIVE = [
  { name: 'twitter-2024-05-01/data/manifest.js', data: 'window.__THAR_CONFIG = {}' },
  { name: 'twitter-2024-05-01/data/tweets-part1.js', data: fixture('x-archive/tweet-older-format.js') },
  { name: 'twitter-2024-05-01/data/tweets.js', data: fixture('x-archive/tweets.js') },
  { name: 'twitter-2024-05-01/data/like.js', data: 'window.YTD.like.part0 = []' },
  { name: 'twitter-2024-05-01/data/tweets_media/1-a.jpg', data: new Uint8Array(5000).fill(7), method: 'stored' },
  { name: 'twitter-2024-05-01/data/follower.js', data: fixture('x-archive/follower.js') },
  { name: 'twitter-2024-05-01/data/direct-messages.js', data: 'secret', encrypted: true },
  { name: 'twitter-2024-05-01/data/profile.js', data: PROFILE_JS },
  { name: 'twitter-2024-05-01/data/account.js', data: fixture('x-archive/account.js') },
  { name: 'twitter-2024-05-01/Your archive.html', data: '<html></html>' },
];

describe('what is read', () => {
  test('an X archive: account files first, then the posts in part order; the rest listed or ignored', async () => {
    const inputs = await readArchive(buildZip(X_ARCHIVE));
    assert.equal(inputs.kind, 'x-archive');
    assert.deepEqual(inputs.map((input) => input.name.replace('twitter-2024-05-01/', '')),
      ['data/account.js', 'data/profile.js', 'data/follower.js', 'data/tweets.js', 'data/tweets-part1.js']);
    const byName = Object.fromEntries(inputs.map((input) => [input.name, input.data]));
    assert.deepEqual(byName['twitter-2024-05-01/data/tweets.js'], new Uint8Array(fixture('x-archive/tweets.js')));
    assert.deepEqual(inputs.skipped.map((s) => s.name.replace('twitter-2024-05-01/', '')).sort(),
      ['data/direct-messages.js', 'data/like.js', 'data/manifest.js']);
    assert.match(inputs.skipped[0].reason, /not a file of posts or of the account/);
  });

  test('a Mastodon export: actor, then outbox', async () => {
    const inputs = await readArchive(buildZip([
      { name: 'outbox.json', data: fixture('activitypub/outbox.json') },
      { name: 'likes.json', data: '{"orderedItems":[]}' },
      { name: 'media_attachments/files/1.png', data: new Uint8Array(10), method: 'stored' },
      { name: 'actor.json', data: fixture('activitypub/actor.json') },
    ]));
    assert.equal(inputs.kind, 'mastodon-export');
    assert.deepEqual(inputs.map((input) => input.name), ['actor.json', 'outbox.json']);
    assert.deepEqual(inputs.skipped.map((s) => s.name), ['likes.json']);
  });

  test('any other zip: every readable file, account-like names first, clutter left out', async () => {
    const inputs = await readArchive(buildZip([
      { name: 'export/posts.csv', data: fixture('csv/posts.csv') },
      { name: 'export/.DS_Store', data: 'x' },
      { name: '__MACOSX/export/._posts.csv', data: 'x' },
      { name: 'export/photo.png', data: new Uint8Array(4), method: 'stored' },
      { name: 'export/', data: '', method: 'stored' },
      { name: 'export/feed.xml', data: fixture('rss/' + readdirSync(path.join(repoRoot, 'tests/fixtures/rss')).sort()[0]) },
      { name: 'export/profile.json', data: fixture('bluesky/profile.json') },
    ]));
    assert.equal(inputs.kind, 'zip');
    assert.deepEqual(inputs.map((input) => input.name), ['export/profile.json', 'export/posts.csv', 'export/feed.xml']);
  });

  test('Blob, ArrayBuffer and Uint8Array give the same inputs; stored and ZIP64 entries read', async () => {
    const entries = [{ name: 'a.txt', data: 'first post\n', method: 'stored' }, { name: 'b.jsonl', data: fixture('jsonl/posts.jsonl') }];
    const zip = buildZip(entries);
    const expected = await readArchive(zip);
    for (const input of [new Blob([zip]), zip.slice().buffer, buildZip(entries, { zip64: true })]) {
      const inputs = await readArchive(input);
      assert.deepEqual(inputs.map((i) => [i.name, [...i.data]]), expected.map((i) => [i.name, [...i.data]]));
    }
  });

  test('names with backslashes (Windows tools) are read as folders', async () => {
    const inputs = await readArchive(buildZip([{ name: 'data\\tweets.js', data: fixture('x-archive/tweets.js') }]));
    assert.deepEqual(inputs.map((input) => input.name), ['data/tweets.js']);
  });

  test('progress while unzipping, and cancellation', async () => {
    const big = new Uint8Array(40 << 20).map((_, i) => (i * 7919) & 0x7f); // 40 MB that compresses little
    const zip = buildZip([{ name: 'posts.txt', data: big, method: 'stored' }]);
    const events = [];
    await readArchive(zip, { onProgress: (event) => events.push(event) });
    assert.ok(events.length >= 2);
    assert.deepEqual(events[0], { phase: 'unzipping', input: 'posts.txt', done: 0, total: big.length, unit: 'bytes' });
    assert.equal(events.at(-1).done, big.length);
    for (let i = 1; i < events.length; i++) assert.ok(events[i].done >= events[i - 1].done);
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(readArchive(zip, { signal: controller.signal }), { name: 'AbortError' });
  });
});

describe('hostile archives', () => {
  test('a zip bomb that lies about its size stops as soon as it inflates past it', async () => {
    const zeros = new Uint8Array(200 << 20); // 200 MB of zeros deflate to ~200 KB
    const zip = buildZip([{ name: 'data/tweets.js', data: zeros, declaredSize: 1000 }]);
    assert.ok(zip.length < 1 << 20);
    const started = performance.now();
    const error = await refusal(zip, 'ArchiveTooLarge');
    assert.match(error.message, /data\/tweets\.js inflates to more than the 1000 bytes it declares: .*zip bomb/);
    assert.ok(performance.now() - started < 2000, 'it inflated far past the declared size before stopping');
  });

  test('declared sizes over the limits are refused before inflating anything', async () => {
    const huge = await refusal([{ name: 'posts.jsonl', data: 'x', declaredSize: 3_000_000_000 }], 'ArchiveTooLarge');
    assert.match(huge.message, /posts\.jsonl declares 2861 MiB, over the limit of 1024 MiB/);
    assert.equal(huge.limit, 'maxEntryBytes');
    const total = await refusal([{ name: 'a.txt', data: 'a'.repeat(600) }, { name: 'b.txt', data: 'b'.repeat(600) }],
      'ArchiveTooLarge', { limits: { maxTotalBytes: 1000 } });
    assert.equal(total.limit, 'maxTotalBytes');
    const many = Array.from({ length: 30 }, (_, i) => ({ name: `f${i}.txt`, data: 'x' }));
    const count = await refusal(many, 'ArchiveTooLarge', { limits: { maxEntries: 10 } });
    assert.match(count.message, /lists 30 entries, more than the limit of 10/);
    assert.equal(ARCHIVE_LIMITS.maxEntries, 200_000);
  });

  test('path tricks: names that climb out of a folder or are absolute refuse the whole archive', async () => {
    const tricks = { '../evil.json': /climbs out/, '/etc/passwd.txt': /absolute path/, 'C:/Windows/x.json': /drive letter/,
      'data\\..\\..\\x.json': /climbs out/, 'a/b/../../../c.json': /climbs out/, 'x\u0000.json': /control character/,
      'line\nbreak.json': /control character/ };
    for (const [name, why] of Object.entries(tricks)) {
      const error = await refusal([{ name: 'data/tweets.js', data: fixture('x-archive/tweets.js') }, { name, data: '{}' }], 'UnsafeEntryName');
      assert.match(error.message, why, name);
      assert.equal(error.entry, name);
    }
  });

  test('a name listed twice', async () => {
    const error = await refusal([{ name: 'data/tweets.js', data: fixture('x-archive/tweets.js') },
      { name: 'data/tweets.js', data: 'window.YTD.tweets.part0 = []' }], 'DuplicateEntry');
    assert.match(error.message, /lists "data\/tweets\.js" twice/);
  });

  test('a needed entry that is encrypted or compressed by an unknown method', async () => {
    const encrypted = await refusal([{ name: 'data/tweets.js', data: 'x', encrypted: true }], 'EncryptedEntry');
    assert.match(encrypted.message, /data\/tweets\.js is password-protected/);
    const bzip2 = await refusal([{ name: 'posts.jsonl', data: 'x', methodCode: 12 }], 'UnsupportedEntry');
    assert.match(bzip2.message, /compressed with method 12/);
  });

  test('a deflated entry, in a browser that cannot inflate raw deflate, says so; a stored one is still read', async () => {
    const original = globalThis.DecompressionStream;
    globalThis.DecompressionStream = class extends original {
      constructor(format) {
        if (format === 'deflate-raw') throw new TypeError(`Unsupported compression format: '${format}'`);
        super(format);
      }
    };
    try {
      const old = await refusal([{ name: 'posts.jsonl', data: '{"text":"hi"}\n' }], 'UnsupportedEntry');
      assert.match(old.message, /posts\.jsonl is deflated, and this browser cannot inflate raw deflate/);
      const stored = await readArchive(buildZip([{ name: 'posts.jsonl', data: '{"text":"hi"}\n', method: 'stored' }]));
      assert.deepEqual(stored.map((input) => input.name), ['posts.jsonl']);
    } finally {
      globalThis.DecompressionStream = original;
    }
  });

  test('damage: a bad CRC, a cut-off file, garbage, an archive with nothing to read', async () => {
    const zip = buildZip([{ name: 'posts.txt', data: 'a post that will be damaged\n', method: 'stored' }]);
    const damaged = zip.slice();
    damaged[damaged.indexOf(0x61, 40)] ^= 1; // a byte of the stored text
    assert.match((await refusal(damaged, 'BadArchive')).message, /damaged \(its CRC-32 does not match\)/);
    assert.match((await refusal(zip.subarray(0, zip.length - 30), 'BadArchive')).message, /not a zip file/);
    assert.match((await refusal(new TextEncoder().encode('PK\u0003\u0004 but not really a zip at all, just text'), 'BadArchive')).message,
      /not a zip file/);
    const deflated = buildZip([{ name: 'posts.txt', data: 'some text '.repeat(100) }]);
    const corrupt = deflated.slice();
    corrupt.fill(0xff, 60, 80); // the deflate stream
    await refusal(corrupt, 'BadArchive');
    const empty = await refusal([{ name: 'photo.png', data: new Uint8Array(3), method: 'stored' }], 'EmptyArchive');
    assert.match(empty.message, /holds no file loopscore reads/);
  });
});

describe('through the worker\'s handler', () => {
  let module;
  before(async () => { module = await loadModule(); });

  test('a zip among the inputs is unzipped into its files: the report of those files', async () => {
    const zip = buildZip(X_ARCHIVE);
    const files = await readArchive(zip);
    const events = [];
    const viaZip = await handle(module, { id: 1, type: 'analyze', inputs: [{ name: 'archive.zip', data: new Blob([zip]) }] },
      { onProgress: (event) => events.push(event) });
    const direct = await handle(module, { id: 2, type: 'analyze', inputs: files.map(({ name, data }) => ({ name, data })) });
    assert.equal(reportText(viaZip), reportText(direct));
    assert.deepEqual(JSON.parse(reportText(viaZip)).input.documents.map((d) => d.name), files.map((f) => f.name));
    assert.deepEqual([...new Set(events.map((event) => event.phase))], ['unzipping', 'reading', 'analyzing']);
  });

  test('an archive error names the archive', async () => {
    const zip = buildZip([{ name: '../../evil.json', data: '{}' }]);
    const response = await handle(module, { id: 3, type: 'analyze', inputs: [{ name: 'my-export.zip', data: zip }] });
    assert.equal(response.ok, false);
    assert.equal(response.error.name, 'UnsafeEntryName');
    assert.equal(response.error.input, '../../evil.json');
    const bomb = await handle(module, { id: 4, type: 'analyze', inputs: [{ name: 'bomb.zip', data: buildZip([{ name: 'a.txt', data: 'x'.repeat(5000), declaredSize: 10 }]) }] });
    assert.equal(bomb.error.name, 'ArchiveTooLarge');
    assert.equal(bomb.error.input, 'a.txt');
    const limited = await handle(module, { id: 5, type: 'analyze', archiveLimits: { maxEntries: 1 },
      inputs: [{ name: 'two.zip', data: buildZip([{ name: 'a.txt', data: 'a' }, { name: 'b.txt', data: 'b' }]) }] });
    assert.equal(limited.error.name, 'ArchiveTooLarge');
    assert.equal(limited.error.input, 'two.zip');
  });
});
