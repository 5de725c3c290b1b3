// A private copy of the staged site for the element tests: the built site (wasm, glue, the demo
// pages and the sample month stage-site.mjs puts in samples/), with the working tree's web/
// bundled into it as stage-site.mjs bundles it (so the tests run what a site hosts) and demo/
// laid over it, so that a change to the element is tested without a rebuild. The shared
// build/site is never written, so test files that run side by side cannot see half-copied files.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleWeb } from '../../../scripts/lib/bundle-web.mjs';
import { repoRoot, requireBuilt, siteDir } from './artefacts.mjs';

/** The sample the demo loads with one click: the synthetic brand month (scripts/gen-brand-month). */
export const SAMPLE_MONTH = path.join(repoRoot, 'tests/fixtures/loop/brand-month.jsonl');

/** Copies the site to a temporary folder, web/ bundled afresh; resolves {root, cleanup()}. */
export async function stageElementSite() {
  requireBuilt(path.join(siteDir, 'loopscore/loopscore.wasm'));
  requireBuilt(path.join(siteDir, 'samples/brand-month.jsonl'));
  const root = mkdtempSync(path.join(tmpdir(), 'loopscore-site-'));
  try {
    cpSync(siteDir, root, { recursive: true });
    const hosted = path.join(root, 'loopscore');
    for (const entry of readdirSync(hosted, { recursive: true, withFileTypes: true })) { // the build's bundle out
      const file = path.join(entry.parentPath ?? entry.path, entry.name);
      if (entry.isFile() && entry.name.endsWith('.js') && path.relative(hosted, file) !== 'loopscore.js') rmSync(file);
    }
    await bundleWeb(hosted);
    cpSync(path.join(repoRoot, 'demo'), root, { recursive: true });
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
