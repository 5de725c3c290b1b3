// The hostile-input corpus (tests/fixtures/hostile/cases.json) through the release WebAssembly
// module: every case ends in its expected clear error or partial result, as it does natively
// (tests/core/hostile_test.cpp), and the module stays usable after each.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { loadModule, repoRoot } from '../web/lib/artefacts.mjs';

const folder = path.join(repoRoot, 'tests/fixtures/hostile');
const { cases } = JSON.parse(readFileSync(path.join(folder, 'cases.json'), 'utf8'));
const encoder = new TextEncoder();

// The bytes of a case: its file, or built from `parts` or `lines` (see cases.json "about").
function buildInput(c) {
  if (c.file) return readFileSync(path.join(folder, c.file));
  if (c.parts) return Buffer.from(c.parts.map(([piece, times]) => piece.repeat(times)).join(''), 'utf8');
  const lines = [];
  for (let i = 1; i <= c.lines.count; i++) {
    lines.push(c.lines.template.replaceAll('{i}', i).replaceAll('{prev}', i - 1).replaceAll('{mod3}', i % 3));
  }
  return encoder.encode(lines.join('\n') + '\n');
}

// A JSON pointer's value, or undefined.
function at(object, pointer) {
  return pointer.split('/').slice(1).reduce((node, key) => (node == null ? undefined : node[key]), object);
}

let module;
before(async () => { module = await loadModule(); });

test('the corpus has at least 50 cases', () => assert.ok(cases.length >= 50, `${cases.length} cases`));

for (const c of cases) {
  test(`${c.name}: ${c.why}`, () => {
    const bytes = buildInput(c);
    const pointer = module._malloc(Math.max(bytes.length, 1));
    let result;
    try {
      module.HEAPU8.set(bytes, pointer);  // HEAPU8 read after _malloc, which may grow memory
      result = module.analyzeBytes(pointer, bytes.length, JSON.stringify(c.options ?? {}));
    } finally {
      module._free(pointer);
    }
    if (c.expect.error) {
      assert.equal(result.ok, false, 'expected an error');
      assert.equal(result.error.name, 'InputError');
      assert.equal(result.error.message, c.expect.error);
      // Where the native test checks the location, the module must give the same one.
      for (const [key, value] of Object.entries(c.expect.where ?? {})) assert.equal(result.error[key], value, `where.${key}`);
    } else {
      assert.equal(result.ok, true, JSON.stringify(result.error));
      const report = JSON.parse(result.output);
      assert.equal(report.input.records_used, c.expect.used);
      assert.equal(report.input.records_skipped, c.expect.skipped);
      for (const [where, value] of Object.entries(c.expect.report ?? {})) assert.deepEqual(at(report, where), value, where);
    }
    assert.equal(module.score('still fine', '{}').ok, true, 'the module is unusable after this case');
  });
}
