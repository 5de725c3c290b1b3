#!/usr/bin/env node
// Stages what a site owner hosts into OUT/loopscore/ (the wasm module, its glue, the web/ ES
// modules bundled and minified by esbuild) and the demo pages into OUT/ with the sample month the
// demo loads with one click (OUT/samples/brand-month.jsonl, made by scripts/gen-brand-month), then
// prints the size of each file, raw and gzipped, and of what a page loads for each task.
//   node scripts/lib/stage-site.mjs --wasm BUILD_WASM/wasm --out SITE_DIR
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { bundleWeb } from './bundle-web.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { wasm: { type: 'string' }, out: { type: 'string' } } });
if (!values.wasm || !values.out) {
  console.error('usage: stage-site.mjs --wasm DIR --out DIR');
  process.exit(2);
}
const out = path.resolve(values.out);
if (!path.relative(out, repo).startsWith('..')) {
  console.error(`stage-site: refusing to empty ${out}: it holds the repository`);
  process.exit(2);
}

const hosted = path.join(out, 'loopscore');
rmSync(out, { recursive: true, force: true });
mkdirSync(hosted, { recursive: true });
for (const file of ['loopscore.js', 'loopscore.wasm']) cpSync(path.join(values.wasm, file), path.join(hosted, file));
cpSync(path.join(repo, 'wasm/loopscore.d.ts'), path.join(hosted, 'loopscore.d.ts'));
const bundles = await bundleWeb(hosted);
cpSync(path.join(repo, 'demo'), out, { recursive: true });
// The demo's "Try it on a sample month" button loads this file.
cpSync(path.join(repo, 'tests/fixtures/loop/brand-month.jsonl'), path.join(out, 'samples/brand-month.jsonl'));

// Sizes: every hosted file, then totals.
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`.padStart(10);
const sizes = (file) => {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const total = (files) => files.reduce((sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip }), { raw: 0, gzip: 0 });
const files = (dir) => readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
  .sort();

console.log(`${'file'.padEnd(40)}${'raw'.padStart(10)}${'gzip'.padStart(10)}`);
const hostedSizes = files(hosted).map((file) => {
  const size = sizes(file);
  console.log(`${path.relative(out, file).padEnd(40)}${kb(size.raw)}${kb(size.gzip)}`);
  return size;
});
const hostedTotal = total(hostedSizes);
const demoTotal = total(files(out).filter((file) => !file.startsWith(hosted + path.sep)).map(sizes));
console.log(`${'loopscore/ (what a site hosts)'.padEnd(40)}${kb(hostedTotal.raw)}${kb(hostedTotal.gzip)}`);

// What a visitor's browser loads, by what it does (docs/embedding.md quotes these): each group
// is loaded only when needed (an archive's modules when a .zip comes, an account's when one is
// fetched); a chunk two groups share counts in both.
const loads = (entry) => { // the files a module loads before it runs: itself and its static imports
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const { file: imported, kind } of bundles[file] ?? []) if (kind === 'import-statement') visit(imported);
  };
  visit(entry);
  return seen;
};
const element = new Set([...loads('loop-score-define.js'), ...loads('client.js')]);
// What the element imports on demand, besides the sources: the report's drawing.
const drawing = new Set([...element]
  .flatMap((file) => (bundles[file] ?? []).filter(({ kind }) => kind === 'dynamic-import').map(({ file: imported }) => imported))
  .filter((file) => !file.startsWith('sources/'))
  .flatMap((file) => [...loads(file)])
  .filter((file) => !element.has(file)));
const GROUPS = [
  ['the module: wasm, glue, worker', new Set(['loopscore.wasm', ...loads('worker.js')])],
  ['the element (with client.js)', element],
  ['report drawing, on demand', drawing],
  ['archives (.zip), on demand', loads('sources/archive.js')],
  ['accounts, on demand', loads('sources/account.js')],
];
const sizeOf = new Map(files(hosted).map((file) => [path.relative(hosted, file).split(path.sep).join('/'), sizes(file)]));
for (const [label, group] of GROUPS) {
  const sum = total([...group].map((name) => sizeOf.get(name) ?? { raw: 0, gzip: 0 }));
  console.log(`${label.padEnd(40)}${kb(sum.raw)}${kb(sum.gzip)}`);
}
console.log(`${'demo pages and samples'.padEnd(40)}${kb(demoTotal.raw)}${kb(demoTotal.gzip)}`);
console.log(`staged ${out}`);
