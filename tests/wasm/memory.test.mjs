// Memory discipline: repeated calls keep the heap and embind's handle table flat, and running
// out of memory is an error value (std::bad_alloc caught at the boundary), not a crash.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { CHUNK_BYTES, handle } from '../../web/handler.js';
import { loadModule } from '../web/lib/artefacts.mjs';
import { checkHandlesAroundEachTest } from '../web/lib/leak-check.mjs';

// About 128 KB of JSONL: a leaked input copy or output would grow memory within a few calls.
const INPUT = Array.from({ length: 1000 }, (_, i) => JSON.stringify({
  id: `p${i}`, author: `user${i % 37}`, created_at: '2024-05-02T08:00:00Z',
  text: `Post ${i}: I love this café, but my order was late again 😡 #coffee`,
})).join('\n');

let module;
before(async () => { module = await loadModule(); });
checkHandlesAroundEachTest(() => module);

// One call by each path in turn: embind strings, handle() (sessions) with bytes, with a string
// (encodeInto), with a Blob, and with an input error.
const PATHS = [
  () => module.analyze(INPUT, '{}'),
  () => module.score(INPUT, '{}'),
  () => handle(module, { id: 1, type: 'analyze', inputs: [{ name: 'a', data: new TextEncoder().encode(INPUT).buffer }] }),
  () => handle(module, { id: 2, type: 'score', inputs: [{ name: 'b', data: INPUT }] }),
  () => handle(module, { id: 3, type: 'analyze', inputs: [{ name: 'c', data: new Blob([INPUT]) }, { name: 'd', data: INPUT }] }),
  async () => ({ ok: !(await handle(module, { id: 4, type: 'analyze', inputs: [{ name: 'e', data: '[' }] })).ok }),
];

test('200 calls leave the heap and the handle table as they found them', async () => {
  assert.ok(INPUT.length < CHUNK_BYTES);
  for (let i = 0; i < 2 * PATHS.length; i++) assert.ok((await PATHS[i % PATHS.length]()).ok); // warm up
  const heapBytes = module.HEAPU8.length;
  const handles = module.count_emval_handles();
  for (let i = 0; i < 200; i++) {
    const result = await PATHS[i % PATHS.length]();
    assert.ok(result.ok);
    assert.equal(module.count_emval_handles(), handles, `call ${i} left a handle behind`);
  }
  assert.equal(module.HEAPU8.length, heapBytes, 'the wasm heap kept growing');
});

test('std::bad_alloc is an OutOfMemory error value, and the module recovers', async () => {
  const full = await loadModule(); // a module of its own: this test fills its heap to the 2 GB cap
  const bytes = new TextEncoder().encode(INPUT);
  const input = full._malloc(bytes.length);
  full.HEAPU8.set(bytes, input);
  // Take every free block of 64 KB or more: score's first big allocation must fail.
  const hogs = [];
  for (let size = 256 << 20; size >= 64 << 10;) {
    const pointer = full._malloc(size);
    if (pointer) hogs.push(pointer);
    else size >>= 1;
  }
  try {
    const result = full.scoreBytes(input, bytes.length, '{}');
    assert.equal(result.ok, false);
    assert.equal(result.error.name, 'OutOfMemory');
  } finally {
    for (const pointer of hogs) full._free(pointer);
  }
  assert.equal(full.scoreBytes(input, bytes.length, '{}').ok, true);
  full._free(input);
});
