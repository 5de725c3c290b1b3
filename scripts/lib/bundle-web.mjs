// The JavaScript a site hosts: web/'s ES modules bundled and minified by esbuild (pinned in
// package.json), for stage-site.mjs and for the browser tests, which test what is hosted.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// The modules a page or a site owner names (the rest of web/ is inside them), each bundled with
// what it alone imports; code two of them share goes to one chunk beside them. Unbundled, the
// element was about 30 modules that the browser found one import level at a time: 250 ms more
// before the widget was drawn, on localhost (docs/performance.md).
export const ENTRIES = ['loop-score-define.js', 'loop-score.js', 'client.js', 'worker.js', 'handler.js', 'sources/account.js', 'sources/archive.js'];

/** Bundles web/ into `dir`; resolves each output file's imports [{file, kind}], keyed by its path inside `dir`. */
export async function bundleWeb(dir) {
  const web = path.join(repo, 'web');
  const { metafile } = await build({
    entryPoints: ENTRIES.map((entry) => path.join(web, entry)),
    outbase: web,
    outdir: dir,
    bundle: true,
    splitting: true, // shared code in chunks, so the worker and the page never load a module twice
    format: 'esm',
    minify: true,
    target: 'es2022', // the class fields and private methods the element uses, as written
    // Chunks sit beside the entries: `new URL('./worker.js', import.meta.url)` in shared code
    // must resolve beside loop-score.js and client.js. Shared code and what is imported on demand
    // (the element's report drawing) are alike chunk-<hash>.js.
    chunkNames: 'chunk-[hash]',
    // Emscripten's glue is a file of its own, imported by this exact path.
    external: ['./loopscore.js'],
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  // Each output's imports as paths inside `dir`, by kind ('import-statement', 'dynamic-import').
  const inDir = (file) => path.relative(dir, path.resolve(file)).split(path.sep).join('/');
  const outputs = {};
  for (const [file, output] of Object.entries(metafile.outputs)) {
    const name = inDir(file);
    outputs[name] = output.imports.map(({ path: imported, kind, external }) => {
      if (!external) return { file: inDir(imported), kind };
      // An external path is relative: it holds only from the folder it was written in.
      const where = path.posix.normalize(path.posix.join(path.posix.dirname(name), imported));
      if (where !== 'loopscore.js') throw new Error(`bundle-web: ${name} imports ${imported}, which is not there`);
      return { file: where, kind };
    });
  }
  return outputs;
}
