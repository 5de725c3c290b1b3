// web/handler.js's handle(module, request), called directly with the release module: what the
// worker answers, without a worker: outputs, inputs of every kind, progress and cancellation.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { CHUNK_BYTES, handle } from '../../web/handler.js';
import { loadModule } from '../web/lib/artefacts.mjs';
import { checkHandlesAroundEachTest } from '../web/lib/leak-check.mjs';
import { reportText } from '../web/lib/report-text.mjs';

const INPUT = '[{"id":"p1","text":"Thank you, this is great 👍"},{"id":"p2","text":"Never again."}]';

let module;
before(async () => { module = await loadModule(); });
checkHandlesAroundEachTest(() => module);

// handle(), also checking that the response survives structured cloning (postMessage); an
// analyze report, which comes as UTF-8 bytes, is given back as its text.
async function answer(request, options) {
  const response = await handle(module, request, options);
  assert.deepEqual(structuredClone(response), response);
  return request.type === 'analyze' && response.ok ? { ...response, output: reportText(response) } : response;
}

// About `megabytes` MB of JSONL posts.
function jsonl(megabytes) {
  const line = (i) => `${JSON.stringify({ id: `p${i}`, author: `u${i % 50}`, text: `Post ${i}: I love this café, but it was late 😡` })}\n`;
  const lines = [];
  let size = 0;
  for (let i = 0; size < megabytes * 1e6; i++) {
    lines.push(line(i));
    size += lines.at(-1).length;
  }
  return lines.join('');
}

test('version', async () => {
  assert.deepEqual(await answer({ id: 1, type: 'version' }), { id: 1, ok: true, output: module.version() });
});

test('analyze and score answer with the module\'s output, the input named', async () => {
  const bytes = await handle(module, { id: 7, type: 'analyze', inputs: [{ name: 'posts.json', data: INPUT }] });
  assert.deepEqual(bytes.output, new TextEncoder().encode(module.analyze(INPUT, '{}', 'posts.json').output), 'the report as UTF-8 bytes');
  const analyzed = await answer({ id: 7, type: 'analyze', inputs: [{ name: 'posts.json', data: INPUT }], options: {} });
  assert.deepEqual(analyzed, { id: 7, ok: true, output: module.analyze(INPUT, '{}', 'posts.json').output });
  const scored = await answer({ id: 8, type: 'score', inputs: [{ name: 'posts.json', data: INPUT }], options: {} });
  assert.deepEqual(scored, { id: 8, ok: true, output: module.score(INPUT, '{}').output });
});

test('the older single-input request still works', async () => {
  const response = await answer({ id: 10, type: 'analyze', input: INPUT, options: {}, name: 'export.json' });
  assert.equal(response.output, module.analyze(INPUT, '{}', 'export.json').output);
  assert.equal((await answer({ id: 11, type: 'analyze', input: INPUT })).output, module.analyze(INPUT, '{}').output);
});

test('strings, ArrayBuffers, typed arrays and Blobs give the same output', async () => {
  const expected = module.analyze(INPUT, '{"pretty":true}', 'x').output;
  const bytes = new TextEncoder().encode(INPUT);
  const kinds = { string: INPUT, ArrayBuffer: bytes.slice().buffer, Uint8Array: bytes, Buffer: Buffer.from(INPUT), Blob: new Blob([INPUT]) };
  for (const [kind, data] of Object.entries(kinds)) {
    const response = await answer({ id: 2, type: 'analyze', inputs: [{ name: 'x', data }], options: { pretty: true } });
    assert.equal(response.output, expected, kind);
  }
});

// A Blob whose stream has no BYOB reader (as in browsers without byte streams for Blobs).
class DefaultStreamBlob extends Blob {
  stream() {
    const reader = super.stream().getReader();
    return new ReadableStream({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
    });
  }
}

// A Blob whose stream's BYOB reader answers `answered` reads, then never again (as Chromium 156
// now and then leaves one); its default reader and its slices read as any Blob's. `modes` lists
// the readers asked of its stream.
class StallingBlob extends Blob {
  constructor(parts, answered) {
    super(parts);
    this.answered = answered;
    this.modes = [];
  }

  stream() {
    const blob = this;
    const real = super.stream();
    return {
      getReader(options) {
        blob.modes.push(options?.mode ?? 'default');
        if (options?.mode !== 'byob') return real.getReader();
        const inner = real.getReader({ mode: 'byob' });
        let reads = 0;
        return {
          read: (view) => (reads++ < blob.answered ? inner.read(view) : new Promise(() => {})),
          cancel: () => inner.cancel(),
        };
      },
    };
  }
}

test('inputs bigger than a chunk are fed in chunks, with the one-call output (string, bytes, Blob)', async () => {
  const text = jsonl(9); // more than two chunks of CHUNK_BYTES
  const bytes = new TextEncoder().encode(text);
  assert.ok(bytes.length > 2 * CHUNK_BYTES);
  const options = '{"include_posts":false}';
  const expected = module.analyze(text, options, 'big.jsonl').output;
  // A Blob in pieces of 1000 bytes (its stream's reads come short of a chunk), and one whose stream
  // has no BYOB reader (read through a default reader).
  const pieces = [];
  for (let at = 0; at < bytes.length; at += 1000) pieces.push(bytes.subarray(at, at + 1000));
  for (const data of [text, bytes, new Blob([bytes]), new Blob(pieces), new DefaultStreamBlob([bytes])]) {
    const events = [];
    const response = await answer({ id: 3, type: 'analyze', inputs: [{ name: 'big.jsonl', data }], options },
      { onProgress: (event) => events.push(event) });
    assert.equal(response.output, expected);
    const reading = events.filter((event) => event.phase === 'reading');
    assert.ok(reading.length >= 2, `${reading.length} reading events`);
    assert.deepEqual(reading[0], { phase: 'reading', input: 'big.jsonl', done: 0, total: bytes.length, unit: 'bytes' });
    assert.equal(reading.at(-1).done, bytes.length);
    assert.equal(events.at(-1).phase, 'analyzing');
  }
  assert.equal((await answer({ id: 4, type: 'score', inputs: [{ name: 'big.jsonl', data: text }] })).output,
    module.score(text, '{}').output);
});

test('a BYOB read left unanswered is given up: that Blob and the next are read on through default readers', async () => {
  const text = jsonl(5); // more than one chunk, so the stall comes with a chunk part filled
  const second = '{"id":"last","text":"the second file"}\n';
  const options = '{"include_posts":false}';
  const expected = module.analyze(text + second, options, 'a.jsonl').output;
  const stalling = new StallingBlob([text], 20); // 20 reads of 256 KB: the stall comes in the second chunk
  const next = new StallingBlob([second], 0);
  const response = await answer({ id: 9, type: 'analyze', inputs: [{ name: 'a.jsonl', data: stalling }, { name: 'b.jsonl', data: next }], options });
  assert.ok(response.ok, JSON.stringify(response.error));
  const report = JSON.parse(response.output);
  assert.equal(report.summary.posts, JSON.parse(expected).summary.posts);
  assert.deepEqual(report.loop, JSON.parse(expected).loop, 'every byte read once, in order');
  assert.deepEqual(stalling.modes, ['byob'], 'the rest read from a slice of it');
  assert.deepEqual(next.modes, ['default'], 'no BYOB reader asked again after a stall');
});

test('a string is never split inside a surrogate pair', async () => {
  // Emoji (surrogate pairs) all the way, so a chunk boundary falls between two halves unless avoided.
  const text = `${'😀'.repeat(Math.ceil(CHUNK_BYTES / 3))}\nend\n`;
  const report = JSON.parse((await answer({ id: 5, type: 'analyze', inputs: [{ name: 'e', data: text }] })).output);
  assert.equal(report.input.invalid_utf8_replaced, 0);
});

test('several inputs make one report, as the CLI\'s `analyze a b`; score concatenates', async () => {
  const a = '{"id":"1","text":"I love it"}\n{"id":"2","text":"Where is my order?"}\n';
  const b = '{"id":"2","text":"Where is my order?"}\n{"id":"3","text":"Thanks!"}\n';
  const response = await answer({ id: 6, type: 'analyze', inputs: [{ name: 'a.jsonl', data: a }, { name: 'b.jsonl', data: b }] });
  const report = JSON.parse(response.output);
  assert.deepEqual(report.input.documents.map((d) => d.name), ['a.jsonl', 'b.jsonl']);
  assert.equal(report.summary.posts, 3, 'the repeated post counts once');
  const scored = await answer({ id: 6, type: 'score', inputs: [{ name: 'a.jsonl', data: a }, { name: 'b.jsonl', data: b }] });
  assert.equal(scored.output, module.score(a, '{}').output + module.score(b, '{}').output);
});

test('options may be given as JSON text', async () => {
  const response = await answer({ id: 4, type: 'analyze', inputs: [{ name: 'x', data: INPUT }], options: '{"include_posts":false}' });
  assert.equal(JSON.parse(response.output).posts, undefined);
});

test('an input error answers with its input, name, message and location', async () => {
  const response = await answer({ id: 5, type: 'analyze', inputs: [
    { name: 'fine.txt', data: 'a good post' }, { name: 'bad.json', data: '[{"id":1,"text":"a"},\n{"id":2,,}]' }] });
  assert.equal(response.id, 5);
  assert.equal(response.ok, false);
  assert.equal(response.error.name, 'InputError');
  assert.equal(response.error.input, 'bad.json');
  assert.equal(response.error.line, 2);
  assert.match(response.error.message, /invalid JSON/);
});

test('an AbortSignal stops a request between chunks (a string, a Blob read by a BYOB or a default reader)', async () => {
  const text = jsonl(12);
  for (const data of [text, new Blob([text]), new DefaultStreamBlob([text])]) {
    const controller = new AbortController();
    const events = [];
    const response = await answer({ id: 12, type: 'analyze', inputs: [{ name: 'big.jsonl', data }] }, {
      signal: controller.signal,
      onProgress: (event) => {
        events.push(event);
        if (event.done > 0) controller.abort();
      },
    });
    assert.deepEqual(response, { id: 12, ok: false, error: { name: 'AbortError', message: 'the analysis was cancelled' } });
    assert.ok(events.at(-1).done < events.at(-1).total, 'it read everything before stopping');
    // The module serves the next request.
    assert.equal((await answer({ id: 13, type: 'score', inputs: [{ name: 'x', data: 'still fine' }] })).ok, true);
  }
});

test('bad requests answer with an error, never a throw', async () => {
  const cases = [
    [{ id: 6, type: 'explode', input: 'x' }, 'ProtocolError', /unknown request type "explode"/],
    [{ id: 6, type: 'cancel' }, 'ProtocolError', /unknown request type "cancel"/],
    [{ id: 6, type: 'score', input: 'x', options: { colour: 'red' } }, 'OptionsError', /unknown option "colour"/],
    [{ id: 6, type: 'analyze', inputs: [{ name: 'x', data: 'x' }], options: { colour: 'red' } }, 'OptionsError', /unknown option "colour"/],
    [{ id: 6, type: 'score', input: 42 }, 'TypeError', /string or an ArrayBuffer/],
    [{ id: 6, type: 'analyze' }, 'TypeError', /string or an ArrayBuffer/],
    [{ id: 6, type: 'analyze', inputs: [] }, 'TypeError', /at least one input/],
  ];
  for (const [request, name, message] of cases) {
    const response = await answer(request);
    assert.equal(response.ok, false);
    assert.equal(response.id, 6);
    assert.equal(response.error.name, name);
    assert.match(response.error.message, message);
  }
});

test('a failing module (a trap, a JS error, a full heap) answers with an error', async () => {
  const broken = { _malloc: () => 8, _free: () => {}, createScoreSession: () => { throw new WebAssembly.RuntimeError('unreachable'); } };
  assert.deepEqual(await handle(broken, { id: 8, type: 'score', input: 'x' }),
    { id: 8, ok: false, error: { name: 'RuntimeError', message: 'unreachable', input: 'input' } });
  const full = { _malloc: () => 0, _free: () => assert.fail('freed a null pointer') };
  const response = await handle(full, { id: 9, type: 'score', input: new ArrayBuffer(8) });
  assert.equal(response.error.name, 'OutOfMemory');
});
