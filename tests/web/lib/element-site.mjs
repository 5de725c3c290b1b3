// A private copy of the staged site for the element tests: the built site (wasm, glue, client),
// with the working tree's web/ (the element and its modules, web/sources/) and demo/ laid over
// it, and the demo's sample month. The shared build/site is never written, so test files that
// run side by side cannot see half-copied files. (Until stage-site.mjs stages web/ recursively
// and the sample, this is also what the demo needs: scripts/demo does the same two copies.)
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot, requireBuilt, siteDir } from './artefacts.mjs';

/** The sample the demo loads with one click: the synthetic brand month (scripts/gen-brand-month). */
export const SAMPLE_MONTH = path.join(repoRoot, 'tests/fixtures/loop/brand-month.jsonl');

/** Copies the site to a temporary folder; {root, cleanup()}. */
export function stageElementSite() {
  requireBuilt(path.join(siteDir, 'loopscore/loopscore.wasm'));
  const root = mkdtempSync(path.join(tmpdir(), 'loopscore-site-'));
  try {
    cpSync(siteDir, root, { recursive: true });
    cpSync(path.join(repoRoot, 'web'), path.join(root, 'loopscore'), { recursive: true });
    cpSync(path.join(repoRoot, 'demo'), root, { recursive: true });
    cpSync(SAMPLE_MONTH, path.join(root, 'samples/brand-month.jsonl'));
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
