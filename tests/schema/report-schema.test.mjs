// Every report the CLI writes for the shared fixtures validates against docs/report.schema.json.
// (The wasm tests prove the WebAssembly module writes the same bytes, so this covers both.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const buildRoot = process.env.LOOPSCORE_BUILD_ROOT ?? join(root, 'build');
const cli = join(buildRoot, 'native', 'cli', 'loopscore');
const fixtures = join(root, 'tests', 'fixtures');

const schema = JSON.parse(readFileSync(join(root, 'docs', 'report.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(schema);
const problems = () => JSON.stringify(validate.errors?.slice(0, 5), null, 1);

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

test('every fixture the CLI can analyze gives a report that matches the schema', () => {
  let checked = 0;
  for (const file of files(fixtures)) {
    if (file.endsWith('.planted.json')) continue;
    const run = spawnSync(cli, ['analyze', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (run.status !== 0) {
      assert.equal(run.status, 1, `${relative(root, file)}: ${run.stderr}`);  // unusable input, not a crash
      continue;
    }
    const report = JSON.parse(run.stdout);
    assert.ok(validate(report), `${relative(root, file)}: ${problems()}`);
    checked++;
  }
  assert.ok(checked >= 10, `only ${checked} reports checked`);
});

test('the brand month with every option set matches the schema', () => {
  const out = execFileSync(cli, ['analyze', '--owner', '@northwindcoffee', '--timezone', '+01:00', '--followers', '5400',
    '--weight', 'respond=40', '--business-hours', '8-18', join(fixtures, 'loop', 'brand-month.jsonl')], { encoding: 'utf8' });
  const report = JSON.parse(out);
  assert.ok(validate(report), problems());
  assert.equal(report.loop.score.weights.respond, 40);
});

test('the schema rejects what it should', () => {
  const report = JSON.parse(execFileSync(cli, ['analyze', join(fixtures, 'json', 'array.json')], { encoding: 'utf8' }));
  const broken = [
    (r) => { delete r.loop; },
    (r) => { r.schema = 'loopscore/2'; },
    (r) => { r.loop.dimensions.respond.value = 120; },
    (r) => { r.loop.dimensions.give.measured = false; },  // measured:false needs a null value and a reason
    (r) => { r.posts[0].sentiment.label = 'happy'; },
    (r) => { r.input.skipped.push({ record: 1 }); },      // an issue without a reason
    (r) => { r.surprise = true; },
  ];
  for (const breakIt of broken) {
    const copy = structuredClone(report);
    breakIt(copy);
    assert.equal(validate(copy), false, `accepted after: ${breakIt}`);
  }
});
