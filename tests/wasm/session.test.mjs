// The streaming sessions of the wasm module (AnalyzeSession, ScoreSession): fed in chunks of any
// size they give byte for byte the one-call output for every fixture, several inputs give what
// the native CLI gives for the same files, errors name their input, and nothing leaks.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { loadModule, repoRoot, runCli } from '../web/lib/artefacts.mjs';
import { checkHandlesAroundEachTest } from '../web/lib/leak-check.mjs';

// Chunk sizes: tiny ones split every token, record and UTF-8 sequence; 4 MiB is the worker's.
const CHUNK_SIZES = [1, 7, 4096, 4 << 20];
const SMALL_FOR_ONE_BYTE_CHUNKS = 64 << 10; // one JS->wasm call a byte is slow: small files only

let module;
before(async () => { module = await loadModule(); });
checkHandlesAroundEachTest(() => module);

function filesUnder(dir) {
  return readdirSync(path.join(repoRoot, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(repoRoot, path.join(entry.parentPath ?? entry.path, entry.name)))
    .sort();
}

// Calls `use(pointer)` with `bytes` copied into a fresh heap region, then frees it.
function withBytes(bytes, use) {
  const pointer = module._malloc(Math.max(bytes.length, 1));
  try {
    module.HEAPU8.set(bytes, pointer); // read HEAPU8 after _malloc: it may have grown memory (pitfall 10)
    return use(pointer);
  } finally {
    module._free(pointer);
  }
}

// Feeds `bytes` to `feed(pointer, length)` in chunks of `size`; the first failure, or null.
function feedInChunks(bytes, size, feed) {
  for (let at = 0; at < bytes.length; at += size) {
    const result = withBytes(bytes.subarray(at, at + size), (pointer) => feed(pointer, Math.min(size, bytes.length - at)));
    if (!result.ok) return result;
  }
  return null;
}

/** The report of an AnalyzeSession over [{name, bytes}], each fed in chunks of `size`. */
function analyzeInChunks(inputs, size, options = {}) {
  const created = module.createAnalyzeSession(JSON.stringify(options));
  assert.equal(created.ok, true, JSON.stringify(created.error));
  const { session } = created;
  try {
    for (const { name, bytes } of inputs) {
      const begun = session.begin(name);
      if (!begun.ok) return begun;
      const failed = feedInChunks(bytes, size, (pointer, length) => session.feedBytes(pointer, length));
      if (failed) return failed;
      const ended = session.end();
      if (!ended.ok) return ended;
    }
    return session.report();
  } finally {
    session.delete();
  }
}

/** The JSONL of a ScoreSession over `bytes` fed in chunks of `size`. */
function scoreInChunks(name, bytes, size, options = {}) {
  const { session } = module.createScoreSession(JSON.stringify(options), name);
  try {
    let output = '';
    const failed = feedInChunks(bytes, size, (pointer, length) => {
      const result = session.feedBytes(pointer, length);
      if (result.ok) output += result.output;
      return result;
    });
    if (failed) return failed;
    const finished = session.finish();
    return finished.ok ? { ok: true, output: output + finished.output } : finished;
  } finally {
    session.delete();
  }
}

// A one-call result with the input name a session adds to its errors.
function named(result, name) {
  return result.ok ? result : { ok: false, error: { ...result.error, input: name } };
}

const cases = [...filesUnder('tests/fixtures'), ...filesUnder('demo/samples')];

describe('chunked feeding gives the one-call output, byte for byte', () => {
  for (const file of cases) {
    test(file, () => {
      const bytes = readFileSync(path.join(repoRoot, file));
      const name = path.basename(file);
      const options = { pretty: false, owner: 'brightbeans' };
      const analyzed = named(withBytes(bytes, (pointer) => module.analyzeBytes(pointer, bytes.length, JSON.stringify(options), name)), name);
      const scored = named(withBytes(bytes, (pointer) => module.scoreBytes(pointer, bytes.length, '{}')), name);
      for (const size of CHUNK_SIZES) {
        if (size === 1 && bytes.length > SMALL_FOR_ONE_BYTE_CHUNKS) continue;
        assert.deepEqual(analyzeInChunks([{ name, bytes }], size, options), analyzed, `analyze in chunks of ${size}`);
        assert.deepEqual(scoreInChunks(name, bytes, size), scored, `score in chunks of ${size}`);
      }
    });
  }
});

// Inputs the CLI reads together, as `loopscore analyze a b c`.
const GROUPS = {
  'an X archive': ['tests/fixtures/x-archive/account.js', 'tests/fixtures/x-archive/follower.js', 'tests/fixtures/x-archive/tweets.js'],
  'Mastodon pages': ['tests/fixtures/mastodon/account.json', 'tests/fixtures/mastodon/statuses.json', 'tests/fixtures/mastodon/context.json'],
  'Bluesky responses': ['tests/fixtures/bluesky/profile.json', 'tests/fixtures/bluesky/author-feed.json', 'tests/fixtures/bluesky/thread.json'],
  'mixed formats': ['tests/fixtures/text/blocks.txt', 'tests/fixtures/csv/posts.csv', 'tests/fixtures/jsonl/posts.jsonl', 'tests/fixtures/rss/' + readdirSync(path.join(repoRoot, 'tests/fixtures/rss'))[0]],
  'the same file twice (repeats count once)': ['tests/fixtures/mastodon/statuses.json', 'tests/fixtures/mastodon/statuses.json'],
  'a good file, then a broken one': ['tests/fixtures/jsonl/posts.jsonl', 'tests/fixtures/malformed/missing-comma.json', 'tests/fixtures/text/blocks.txt'],
};

describe('several inputs in one session give the native CLI\'s report', () => {
  for (const [what, files] of Object.entries(GROUPS)) {
    test(what, () => {
      const cli = runCli('analyze', '--owner', 'brightbeans', ...files);
      const inputs = files.map((file) => ({ name: path.basename(file), bytes: readFileSync(path.join(repoRoot, file)) }));
      for (const size of [4096, 4 << 20]) {
        const result = analyzeInChunks(inputs, size, { owner: 'brightbeans' });
        if (cli.status === 0) {
          assert.equal(result.ok, true, JSON.stringify(result.error));
          assert.ok(Buffer.from(result.output, 'utf8').equals(cli.stdout), `the report differs (chunks of ${size})`);
        } else {
          assert.equal(cli.status, 1, cli.stderr);
          assert.equal(result.ok, false);
          const failed = files.find((file) => cli.stderr.includes(`error: ${file}`));
          assert.ok(failed, `the CLI names no file: ${cli.stderr}`);
          assert.equal(result.error.input, path.basename(failed), 'the error names the input that failed');
          assert.equal(result.error.name, 'InputError');
          assert.ok(cli.stderr.includes(result.error.message), `${cli.stderr} vs ${result.error.message}`);
        }
      }
    });
  }
});

test('an options error comes at creation; every session error names its input', () => {
  for (const create of [() => module.createAnalyzeSession('{"colour":1}'), () => module.createScoreSession('{"colour":1}', 'x')]) {
    const created = create();
    assert.equal(created.ok, false);
    assert.equal(created.error.name, 'OptionsError');
    assert.match(created.error.message, /unknown option "colour"/);
  }
  const scored = scoreInChunks('broken.json', new TextEncoder().encode('[{"id":1,"text":"a"},\n{"id":2,,}]'), 5);
  assert.equal(scored.error.input, 'broken.json');
  assert.equal(scored.error.line, 2);
});

test('reportBytes() is report() as UTF-8 bytes: a view of the heap that a copy outlives', () => {
  const text = 'I love it 😍 but where is my order?\n@shop thanks, found it\n';
  const reports = [];
  for (const method of ['report', 'reportBytes']) {
    const { session } = module.createAnalyzeSession('{"include_posts":true}');
    try {
      const bytes = new TextEncoder().encode(text);
      assert.equal(withBytes(bytes, (pointer) => session.feedBytes(pointer, bytes.length)).ok, true);
      const result = session[method]();
      assert.equal(result.ok, true, JSON.stringify(result.error));
      reports.push(method === 'report' ? result.output : result.output.slice());
      if (method === 'reportBytes') assert.equal(result.output.buffer, module.HEAPU8.buffer, 'a view, not a copy');
    } finally {
      session.delete();
    }
  }
  const [asText, asBytes] = reports;
  assert.ok(asText.includes('😍'));
  assert.equal(new TextDecoder('utf-8', { fatal: true }).decode(asBytes), asText);
});

test('after a failure every later step answers the same error; misuse is an error value', () => {
  const { session } = module.createAnalyzeSession('{}');
  try {
    assert.deepEqual(session.begin('empty.txt'), { ok: true });
    const ended = session.end();
    assert.equal(ended.ok, false);
    assert.equal(ended.error.input, 'empty.txt');
    for (const step of [() => session.begin('next.txt'), () => session.end(), () => session.report(),
      () => session.reportBytes(), () => withBytes(new TextEncoder().encode('a post'), (pointer) => session.feedBytes(pointer, 6))]) {
      assert.deepEqual(step(), ended);
    }
  } finally {
    session.delete();
  }
  const { session: twice } = module.createAnalyzeSession('{}');
  try {
    withBytes(new TextEncoder().encode('a post\n'), (pointer) => twice.feedBytes(pointer, 7));
    assert.equal(twice.bytesFed(), 7);
    const report = twice.report();
    assert.equal(report.ok, true);
    assert.deepEqual(JSON.parse(report.output).input.documents.map((d) => d.name), ['input'], 'feeding without begin() names it "input"');
    const again = twice.report();
    assert.equal(again.ok, false);
    assert.match(again.error.message, /report\(\) was already called/);
    assert.deepEqual(twice.reportBytes(), again, 'reportBytes() is the same report: once a session');
  } finally {
    twice.delete();
  }
  const { session: scorer } = module.createScoreSession('{}', 'posts.txt');
  try {
    assert.equal(scorer.finish().ok, false, 'an empty input is an InputError');
    assert.match(scorer.finish().error.message, /finish\(\) was already called/);
  } finally {
    scorer.delete();
  }
});

test('a ScoreSession hands its output over as it goes, not all at the end', () => {
  const lines = Array.from({ length: 5000 }, (_, i) => JSON.stringify({ id: `p${i}`, text: `post number ${i}, lovely` })).join('\n');
  const bytes = new TextEncoder().encode(lines);
  const { session } = module.createScoreSession('{}', 'posts.jsonl');
  try {
    let before = 0;
    feedInChunks(bytes, 64 << 10, (pointer, length) => {
      const result = session.feedBytes(pointer, length);
      before += result.output.length;
      return result;
    });
    const finished = session.finish();
    assert.ok(before > finished.output.length, `${before} characters during feeding, ${finished.output.length} at the end`);
  } finally {
    session.delete();
  }
});

test('1000 sessions created, used and deleted leave the heap as it was', () => {
  const bytes = new TextEncoder().encode('I love it\nwhere is my order?\n');
  const run = () => {
    analyzeInChunks([{ name: 'a.txt', bytes }, { name: 'b.txt', bytes }], 5);
    scoreInChunks('c.txt', bytes, 5);
    analyzeInChunks([{ name: 'bad.json', bytes: new TextEncoder().encode('[') }], 5);
  };
  for (let i = 0; i < 20; i++) run(); // warm up
  const heapBytes = module.HEAPU8.length;
  for (let i = 0; i < 1000; i++) run();
  assert.equal(module.HEAPU8.length, heapBytes, 'the wasm heap kept growing');
});
