// web/handler.js's handle(module, request), called directly with the release module: what the
// worker answers, without a worker.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { BYTE_PATH_MIN_CHARS, handle } from '../../web/handler.js';
import { loadModule } from '../web/lib/artefacts.mjs';
import { checkHandlesAroundEachTest } from '../web/lib/leak-check.mjs';

const INPUT = '[{"id":"p1","text":"Thank you, this is great 👍"},{"id":"p2","text":"Never again."}]';

let module;
before(async () => { module = await loadModule(); });
checkHandlesAroundEachTest(() => module);

// handle(), also checking that the response survives structured cloning (postMessage).
function answer(request) {
  const response = handle(module, request);
  assert.deepEqual(structuredClone(response), response);
  return response;
}

test('version', () => {
  assert.deepEqual(answer({ id: 1, type: 'version' }), { id: 1, ok: true, output: module.version() });
});

test('analyze and score answer with the module\'s output', () => {
  for (const type of ['analyze', 'score']) {
    const response = answer({ id: 7, type, input: INPUT, options: {} });
    assert.deepEqual(response, { id: 7, ok: true, output: module[type](INPUT, '{}').output });
  }
});

test('ArrayBuffer, typed-array and long string inputs take the byte path to the same output', () => {
  const expected = module.analyze(INPUT, '{"pretty":true}').output;
  const bytes = new TextEncoder().encode(INPUT);
  const inputs = { ArrayBuffer: bytes.slice().buffer, Uint8Array: bytes, Buffer: Buffer.from(INPUT) };
  for (const [kind, input] of Object.entries(inputs)) {
    assert.equal(answer({ id: 2, type: 'analyze', input, options: { pretty: true } }).output, expected, kind);
  }
  const long = `${'Très bien, merci 👍\n'.repeat(Math.ceil(BYTE_PATH_MIN_CHARS / 18))}`;
  assert.ok(long.length >= BYTE_PATH_MIN_CHARS);
  assert.equal(answer({ id: 3, type: 'score', input: long }).output, module.score(long, '{}').output);
});

test('analyze names its input when the request does; score has no names', () => {
  for (const input of [INPUT, new TextEncoder().encode(INPUT).buffer]) {
    const response = answer({ id: 10, type: 'analyze', input, options: {}, name: 'export.json' });
    assert.equal(response.output, module.analyze(INPUT, '{}', 'export.json').output);
  }
  assert.equal(answer({ id: 11, type: 'score', input: INPUT, name: 'export.json' }).output,
    module.score(INPUT, '{}').output);
});

test('options may be given as JSON text', () => {
  const response = answer({ id: 4, type: 'analyze', input: INPUT, options: '{"include_posts":false}' });
  assert.equal(JSON.parse(response.output).posts, undefined);
});

test('an input error answers with its name, message and location', () => {
  const response = answer({ id: 5, type: 'analyze', input: '[{"id":1,"text":"a"},\n{"id":2,,}]' });
  assert.equal(response.id, 5);
  assert.equal(response.ok, false);
  assert.equal(response.error.name, 'InputError');
  assert.equal(response.error.line, 2);
  assert.match(response.error.message, /invalid JSON/);
});

test('bad requests answer with an error, never a throw', () => {
  const cases = [
    [{ id: 6, type: 'explode', input: 'x' }, 'ProtocolError', /unknown request type "explode"/],
    [{ id: 6, type: 'score', input: 'x', options: { colour: 'red' } }, 'OptionsError', /unknown option "colour"/],
    [{ id: 6, type: 'score', input: 42 }, 'TypeError', /string or an ArrayBuffer/],
    [{ id: 6, type: 'analyze' }, 'TypeError', /string or an ArrayBuffer/],
  ];
  for (const [request, name, message] of cases) {
    const response = answer(request);
    assert.equal(response.ok, false);
    assert.equal(response.id, 6);
    assert.equal(response.error.name, name);
    assert.match(response.error.message, message);
  }
});

test('a failing module (a trap, a JS error) answers with an error', () => {
  const broken = { score: () => { throw new WebAssembly.RuntimeError('unreachable'); } };
  assert.deepEqual(handle(broken, { id: 8, type: 'score', input: 'x' }),
    { id: 8, ok: false, error: { name: 'RuntimeError', message: 'unreachable' } });
  const full = { _malloc: () => 0, _free: () => assert.fail('freed a null pointer') };
  const response = handle(full, { id: 9, type: 'score', input: new ArrayBuffer(8) });
  assert.equal(response.error.name, 'OutOfMemory');
});
