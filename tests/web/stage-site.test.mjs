// scripts/lib/stage-site.mjs: what a site owner hosts (loopscore/), the demo pages, the demo's
// sample month, and the sizes it prints.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { repoRoot, requireBuilt, wasmDir } from './lib/artefacts.mjs';

const scratch = mkdtempSync(path.join(tmpdir(), 'loopscore-stage-'));
const out = path.join(scratch, 'site');
let printed = '';

before(() => {
  requireBuilt(path.join(wasmDir, 'loopscore.wasm'));
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/lib/stage-site.mjs'), '--wasm', wasmDir, '--out', out],
    { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  printed = run.stdout;
});

after(() => rmSync(scratch, { recursive: true, force: true }));

const listing = (dir) => readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join('/'))
  .sort();

test('the demo\'s sample month is staged as samples/brand-month.jsonl, byte for byte', () => {
  const sample = readFileSync(path.join(repoRoot, 'tests/fixtures/loop/brand-month.jsonl'));
  assert.ok(sample.length > 1000);
  assert.deepEqual(readFileSync(path.join(out, 'samples/brand-month.jsonl')), sample);
  assert.match(readFileSync(path.join(out, 'demo.js'), 'utf8'), /samples\/brand-month\.jsonl/, 'the demo loads that file');
});

test('loopscore/ holds the module, every web/ file in its folder, fflate and its licence, and nothing of the demo', async () => {
  const hosted = listing(path.join(out, 'loopscore'));
  const web = listing(path.join(repoRoot, 'web')).filter((name) => !name.split('/').some((part) => part.startsWith('.')));
  for (const name of [...web, 'loopscore.js', 'loopscore.wasm', 'loopscore.d.ts', 'vendor/fflate.js', 'vendor/fflate.LICENSE.txt']) {
    assert.ok(hosted.includes(name), `${name} is not staged`);
  }
  assert.equal(hosted.length, web.length + 5, hosted.join(' '));
  for (const name of web) {
    assert.deepEqual(readFileSync(path.join(out, 'loopscore', name)), readFileSync(path.join(repoRoot, 'web', name)), name);
  }
  const fflate = await import(pathToFileURL(path.join(out, 'loopscore/vendor/fflate.js')).href);
  assert.equal(typeof fflate.Inflate, 'function');
  assert.equal(globalThis.fflate, undefined, 'the wrapped UMD keeps off the global object');
  assert.deepEqual(listing(out).filter((name) => !name.startsWith('loopscore/')).sort(),
    [...listing(path.join(repoRoot, 'demo')), 'samples/brand-month.jsonl'].sort());
});

test('it prints every hosted file\'s size, raw and gzipped, the total and the groups a page loads', () => {
  const kb = String.raw`\s+\d+\.\d KB\s+\d+\.\d KB`;
  for (const name of listing(path.join(out, 'loopscore'))) {
    assert.match(printed, new RegExp(`^loopscore/${name.replace(/\./g, '\\.')}${kb}$`, 'm'), name);
  }
  for (const label of ['loopscore/ \\(what a site hosts\\)', 'the module: wasm, glue, worker', 'the element \\(with client\\.js\\)',
    'of which the charts and gauge', 'archives \\(\\.zip\\), on demand', 'accounts, on demand']) {
    assert.match(printed, new RegExp(`${label}${kb}$`, 'm'), label);
  }
  // The groups add up: the module and the element are most of what is hosted.
  const figure = (label) => Number(new RegExp(`${label}\\s+(\\d+\\.\\d) KB`).exec(printed)[1]);
  const all = figure('loopscore/ \\(what a site hosts\\)');
  const parts = figure('the module: wasm, glue, worker') + figure('the element \\(with client\\.js\\)');
  assert.ok(parts < all && parts > all * 0.8, `${parts} of ${all} KB`);
});
