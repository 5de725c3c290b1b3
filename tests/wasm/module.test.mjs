// The wasm module's own contract: results are values ({ok, output} or {ok: false, error}),
// options are checked, text survives the boundary, and the byte path equals the string path.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { loadModule, runCli, wasmDir } from '../web/lib/artefacts.mjs';
import { checkHandlesAroundEachTest } from '../web/lib/leak-check.mjs';

const ERROR_FIELDS = { name: 'string', message: 'string', record: 'number', line: 'number',
  column: 'number', byte_offset: 'number', pointer: 'string' };

let module;
before(async () => { module = await loadModule(); });
checkHandlesAroundEachTest(() => module);

// Calls module[name](...args) and asserts it returned a well-formed failure value.
function expectFailure(name, ...args) {
  let result;
  assert.doesNotThrow(() => { result = module[name](...args); }, 'a C++ exception escaped to JavaScript');
  assert.equal(typeof result, 'object', `a bare ${typeof result} came back instead of a result`);
  assert.equal(result.ok, false);
  assert.equal(result.output, undefined);
  for (const [field, type] of Object.entries(ERROR_FIELDS)) assert.equal(typeof result.error[field], type, field);
  return result.error;
}

// Runs `name`Bytes over `bytes` copied into a heap region.
function callBytes(name, bytes, optionsJson = '{}', ...rest) {
  const pointer = module._malloc(Math.max(bytes.length, 1));
  try {
    module.HEAPU8.set(bytes, pointer);
    return module[`${name}Bytes`](pointer, bytes.length, optionsJson, ...rest);
  } finally {
    module._free(pointer);
  }
}

test('the glue runs under a strict CSP: no eval, no new Function (pitfall 8)', () => {
  const glue = readFileSync(path.join(wasmDir, 'loopscore.js'), 'utf8');
  assert.doesNotMatch(glue, /\bnew Function\b|\beval\s*\(/);
});

test('version() is the CLI version', () => {
  assert.equal(`loopscore ${module.version()}\n`, runCli('--version').stdout.toString());
});

test('analyze and score return {ok: true, output}', () => {
  const analyzed = module.analyze('I love it\nI hate it\n', '{}');
  assert.deepEqual(Object.keys(analyzed).sort(), ['ok', 'output']);
  assert.equal(analyzed.ok, true);
  const report = JSON.parse(analyzed.output);
  assert.equal(report.schema, 'loopscore/1');
  assert.deepEqual(report.posts.map((post) => post.id), ['1', '2']);
  const scored = module.score('I love it\nI hate it\n', '');
  assert.equal(scored.ok, true);
  const lines = scored.output.trimEnd().split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(lines.map((line) => line.id), ['1', '2']);
  for (const line of lines) assert.equal(typeof line.sentiment.compound, 'number');
});

test('analyze names its input "input", or as told (as the CLI names its files)', () => {
  const documents = (result) => JSON.parse(result.output).input.documents.map((document) => document.name);
  assert.deepEqual(documents(module.analyze('a post', '{}')), ['input']);
  assert.deepEqual(documents(module.analyze('a post', '{}', 'my-export.txt')), ['my-export.txt']);
  assert.deepEqual(documents(callBytes('analyze', new TextEncoder().encode('a post'), '{}', 'über.txt')), ['über.txt']);
});

test('options are applied', () => {
  const input = '[{"id":"a","body":"first"},{"id":"b","body":"second"}]';
  const report = JSON.parse(module.analyze(input, JSON.stringify({ fields: { text: 'body' }, include_posts: false })).output);
  assert.equal(report.summary.posts, 2);
  assert.equal(report.posts, undefined);
  assert.match(module.analyze(input, '{"pretty":true,"fields":{"text":"body"}}').output, /^\{\n {2}"schema"/);
});

test('bad options are an OptionsError that names the problem', () => {
  const cases = [
    ['{not json', /options are not valid JSON/],
    ['[1,2]', /options must be a JSON object/],
    ['{"colour":"blue"}', /unknown option "colour"/],
    ['{"pretty":"yes"}', /option "pretty" has the wrong type/],
    ['{"format":"xml"}', /unknown format "xml"/],
    ['{"fields":{"mood":"x"}}', /unknown field "mood"/],
    ['{"limits":{"max_posts":-1}}', /"limits\.max_posts"/],
  ];
  for (const [options, message] of cases) {
    for (const name of ['analyze', 'score']) {
      const error = expectFailure(name, 'a post', options);
      assert.equal(error.name, 'OptionsError', options);
      assert.match(error.message, message);
    }
  }
});

test('an input error comes back as a value with its location', () => {
  const error = expectFailure('analyze', '[{"id":"1","text":"fine"},\n {"id":"2" "text":"x"}]', '{}');
  assert.equal(error.name, 'InputError');
  assert.match(error.message, /invalid JSON/);
  assert.equal(error.line, 2);
  assert.ok(error.column > 0 && error.byte_offset > 0);
  assert.equal(expectFailure('score', '', '{}').name, 'InputError');
  assert.equal(expectFailure('analyzeBytes', 0, 0, '{}').name, 'InputError');
});

test('a thrown C++ exception leaves the module usable', () => {
  for (let i = 0; i < 50; i++) expectFailure('score', '[', '{}');
  assert.equal(module.score('still works', '{}').ok, true);
});

test('wrong JavaScript argument types are a JS BindingError (a programming error), not a C++ one', () => {
  assert.throws(() => module.analyze(42, '{}'), { name: 'BindingError', message: /non-string/ });
  assert.throws(() => module.score('text'), { name: 'BindingError', message: /called with 1 arguments/ });
  assert.throws(() => module.analyze('text'), { name: 'BindingError', message: /invalid number of arguments \(1\)/ });
});

test('non-ASCII text crosses the boundary unchanged', () => {
  const text = 'Café crème ✓ — 日本語 👍🏽 \u{1F600}';
  const report = JSON.parse(module.analyze(`${text}\n`, '{}').output);
  assert.equal(report.posts[0].text, text);
  assert.equal(report.input.invalid_utf8_replaced, 0);
});

test('the byte path gives the string path\'s output', () => {
  const text = '[{"id":"1","text":"Très bien 👍"},{"id":"2"},{"id":"3","text":"awful"}]';
  const bytes = new TextEncoder().encode(text);
  for (const name of ['analyze', 'score']) {
    for (const options of ['{}', '{"pretty":true}', '{"include_posts":false}']) {
      assert.deepEqual(callBytes(name, bytes, options), module[name](text, options), `${name} ${options}`);
    }
  }
});

test('the byte path reads exactly `length` bytes', () => {
  const bytes = new TextEncoder().encode('first\nsecond\nthird\n');
  const report = JSON.parse(callBytes('analyze', bytes.subarray(0, 'first\nsecond\n'.length)).output);
  assert.deepEqual(report.posts.map((post) => post.text), ['first', 'second']);
});

test('invalid UTF-8 on the byte path is replaced and counted, as natively', () => {
  const report = JSON.parse(callBytes('analyze', Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x0a])).output);
  assert.equal(report.input.invalid_utf8_replaced, 1);
  assert.equal(report.posts[0].text, 'caf\uFFFD');
});

test('the byte path works when memory grows between malloc and the call (pitfall 10)', () => {
  const bytes = new TextEncoder().encode('a post that must survive growth\n');
  const before = module.HEAPU8.buffer.byteLength;
  const pointer = module._malloc(bytes.length);
  const hog = module._malloc(before * 2); // forces memory.grow: every older view is detached
  try {
    assert.notEqual(hog, 0);
    assert.ok(module.HEAPU8.buffer.byteLength > before, 'memory did not grow');
    module.HEAPU8.set(bytes, pointer);
    const result = module.scoreBytes(pointer, bytes.length, '{}');
    assert.deepEqual(result, module.score(new TextDecoder().decode(bytes), '{}'));
  } finally {
    module._free(hog);
    module._free(pointer);
  }
});
