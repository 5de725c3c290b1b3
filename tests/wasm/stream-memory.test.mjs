// Big inputs never sit whole in the wasm heap: ~200 MB of generated JSONL (LOOPSCORE_STREAM_MB
// to change it) goes in through web/handler.js in 4 MiB chunks, as the worker feeds a File.
//   score:   the heap stays near one chunk plus the scorer, whatever the input size;
//   analyze: the heap holds the analysed posts (the report needs them all), not the input's
//            bytes: the same posts in records four times bigger take the same heap.
// Each test uses a fresh module: a wasm heap grows but never shrinks, so its size is the peak.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHUNK_BYTES, handle } from '../../web/handler.js';
import { loadModule } from '../web/lib/artefacts.mjs';
import { reportText } from '../web/lib/report-text.mjs';

const TARGET_MB = Number(process.env.LOOPSCORE_STREAM_MB ?? 200);
const MiB = 1 << 20;
const TEXTS = ['I love this café, thank you!', 'Where is my order? It has been two weeks.',
  'New blend out now, 20% off this weekend only!', 'Never again. Cold coffee and rude staff 😡',
  'Tip: grind right before you brew.', 'Does the decaf come in whole beans?'];

// One export-like JSONL record; `padding` adds fields the reader ignores (as real exports have).
function record(i, padding) {
  const post = {
    id: `${1700000000000 + i}`, created_at: new Date(Date.UTC(2024, 4, 1) + i * 60_000).toISOString(),
    author: { screen_name: `user${i % 997}`, name: `User ${i % 997}`, followers_count: 100 + (i % 500) },
    text: `${TEXTS[i % TEXTS.length]} #${i % 13}`, in_reply_to: i % 3 === 0 ? `${1700000000000 + i - 1}` : null,
    likes: i % 17, reposts: i % 5, replies: i % 3, lang: 'en',
  };
  if (padding > 0) post.source = { html: '<a href="https://example.com/app">Example App</a>', note: 'x'.repeat(padding) };
  return `${JSON.stringify(post)}\n`;
}

// A Blob of `posts` records (built from 1 MB strings, so no single 200 MB string is needed).
function jsonlBlob(posts, padding) {
  const parts = [];
  let part = '';
  for (let i = 0; i < posts; i++) {
    part += record(i, padding);
    if (part.length >= MiB) {
      parts.push(part);
      part = '';
    }
  }
  parts.push(part);
  return new Blob(parts);
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;
const mib = (bytes) => `${(bytes / MiB).toFixed(0)} MiB`;

// Posts that make about TARGET_MB with padded records.
const PADDING = 1500;
const POSTS = Math.round((TARGET_MB * 1e6) / record(0, PADDING).length);

test(`score: ${TARGET_MB} MB of JSONL in ${CHUNK_BYTES / MiB} MiB chunks keeps the heap far below the input`, async (t) => {
  const module = await loadModule();
  const blob = jsonlBlob(POSTS, PADDING);
  // Count the output instead of keeping it: the worker would keep it, the heap must not.
  const { session } = module.createScoreSession('{}', 'big.jsonl');
  const pointer = module._malloc(CHUNK_BYTES);
  let lines = 0;
  const started = performance.now();
  try {
    for (let at = 0; at < blob.size; at += CHUNK_BYTES) {
      const piece = new Uint8Array(await blob.slice(at, at + CHUNK_BYTES).arrayBuffer());
      module.HEAPU8.set(piece, pointer);
      const result = session.feedBytes(pointer, piece.length);
      assert.ok(result.ok, JSON.stringify(result.error));
      lines += result.output.split('\n').length - 1;
    }
    const finished = session.finish();
    lines += finished.output.split('\n').length - 1;
  } finally {
    session.delete();
    module._free(pointer);
  }
  const seconds = (performance.now() - started) / 1000;
  t.diagnostic(`score: ${mb(blob.size)} input (${POSTS} posts), wasm heap ${mib(module.HEAPU8.length)}, ${seconds.toFixed(1)} s`);
  assert.equal(lines, POSTS);
  assert.ok(module.HEAPU8.length <= 64 * MiB, `the heap grew to ${mib(module.HEAPU8.length)}`);
  assert.ok(module.HEAPU8.length < blob.size / 3);
});

test(`analyze: ${TARGET_MB} MB of JSONL through the handler takes the heap of its posts, not of its bytes`, async (t) => {
  const big = jsonlBlob(POSTS, PADDING);
  const small = jsonlBlob(POSTS, 0);
  const heaps = [];
  const outputs = [];
  for (const blob of [big, small]) {
    const module = await loadModule();
    const started = performance.now();
    const response = await handle(module, { id: 1, type: 'analyze', inputs: [{ name: 'big.jsonl', data: blob }], options: { include_posts: false } });
    assert.ok(response.ok, JSON.stringify(response.error));
    heaps.push(module.HEAPU8.length);
    outputs.push(JSON.parse(reportText(response)));
    t.diagnostic(`analyze: ${mb(blob.size)} input (${POSTS} posts), wasm heap ${mib(module.HEAPU8.length)} `
      + `(${Math.round(module.HEAPU8.length / POSTS)} bytes a post), ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  assert.equal(outputs[0].summary.posts, POSTS);
  assert.deepEqual(outputs[0].loop, outputs[1].loop, 'the padding changed the analysis');
  // Four times the bytes, the same posts: the same heap, give or take a few chunks.
  assert.ok(big.size > 3 * small.size);
  assert.ok(Math.abs(heaps[0] - heaps[1]) <= 4 * CHUNK_BYTES, `heaps ${mib(heaps[0])} and ${mib(heaps[1])}`);
  assert.ok(heaps[0] < big.size, `the heap (${mib(heaps[0])}) is not below the input (${mb(big.size)})`);
});
