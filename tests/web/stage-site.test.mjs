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

// The modules a page or a site owner names; the rest of web/ is bundled into them (and their chunks).
const ENTRIES = ['loop-score-define.js', 'loop-score.js', 'client.js', 'worker.js', 'handler.js', 'sources/account.js', 'sources/archive.js'];

test('loopscore/ holds the module and the bundled entry modules with their chunks, and nothing of the demo', async () => {
  const hosted = listing(path.join(out, 'loopscore'));
  const fixed = [...ENTRIES, 'loopscore.js', 'loopscore.wasm', 'loopscore.d.ts'];
  for (const name of fixed) assert.ok(hosted.includes(name), `${name} is not staged`);
  const chunks = hosted.filter((name) => !fixed.includes(name));
  assert.ok(chunks.length > 0 && chunks.every((name) => /^chunk-[A-Z0-9]+\.js$/.test(name)), `besides the fixed files only chunks: ${chunks.join(' ')}`);
  // Bundled and minified: the element's modules are inside, not beside, and far smaller than the sources.
  assert.ok(!hosted.some((name) => name.startsWith('element/')), 'element/ is bundled');
  const bytes = (dir, names) => names.reduce((sum, name) => sum + readFileSync(path.join(dir, name)).length, 0);
  const web = listing(path.join(repoRoot, 'web'));
  assert.ok(bytes(path.join(out, 'loopscore'), [...ENTRIES, ...chunks]) < 0.6 * bytes(path.join(repoRoot, 'web'), web), 'minified');
  // Each entry that runs in Node exports what its source exports: the bundle lost nothing.
  for (const entry of ['client.js', 'handler.js', 'sources/account.js', 'sources/archive.js']) {
    const staged = await import(pathToFileURL(path.join(out, 'loopscore', entry)).href);
    const source = await import(pathToFileURL(path.join(repoRoot, 'web', entry)).href);
    assert.deepEqual(Object.keys(staged).sort(), Object.keys(source).sort(), entry);
  }
  const { describeError } = await import(pathToFileURL(path.join(out, 'loopscore/client.js')).href);
  assert.equal(describeError({ name: 'InputError', message: 'invalid JSON', input: 'a.json', line: 2, column: 9 }),
    'a.json, line 2, column 9: invalid JSON');
  assert.deepEqual(listing(out).filter((name) => !name.startsWith('loopscore/')).sort(),
    [...listing(path.join(repoRoot, 'demo')), 'samples/brand-month.jsonl'].sort());
});

test('it prints every hosted file\'s size, raw and gzipped, the total and the groups a page loads', () => {
  const kb = String.raw`\s+\d+\.\d KB\s+\d+\.\d KB`;
  for (const name of listing(path.join(out, 'loopscore'))) {
    assert.match(printed, new RegExp(`^loopscore/${name.replace(/\./g, '\\.')}${kb}$`, 'm'), name);
  }
  for (const label of ['loopscore/ \\(what a site hosts\\)', 'the module: wasm, glue, worker', 'the element \\(with client\\.js\\)',
    'report drawing, on demand', 'archives \\(\\.zip\\), on demand', 'accounts, on demand']) {
    assert.match(printed, new RegExp(`${label}${kb}$`, 'm'), label);
  }
  // The groups add up: the module, the element and its report drawing are most of what is hosted.
  const figure = (label) => Number(new RegExp(`${label}\\s+(\\d+\\.\\d) KB`).exec(printed)[1]);
  const all = figure('loopscore/ \\(what a site hosts\\)');
  const parts = figure('the module: wasm, glue, worker') + figure('the element \\(with client\\.js\\)')
    + figure('report drawing, on demand');
  assert.ok(figure('report drawing, on demand') > 2, 'the report drawing is a group of its own');
  assert.ok(parts < all && parts > all * 0.8, `${parts} of ${all} KB`);
});
