// A private copy of the staged site for the element tests: the built site (wasm, glue, the
// hosted modules, the demo pages and the sample month stage-site.mjs puts in samples/), with the
// working tree's web/ and demo/ laid over it, so that a change to the element is tested without a
// rebuild. The shared build/site is never written, so test files that run side by side cannot
// see half-copied files.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot, requireBuilt, siteDir } from './artefacts.mjs';

/** The sample the demo loads with one click: the synthetic brand month (scripts/gen-brand-month). */
export const SAMPLE_MONTH = path.join(repoRoot, 'tests/fixtures/loop/brand-month.jsonl');

/** Copies the site to a temporary folder; {root, cleanup()}. */
export function stageElementSite() {
  requireBuilt(path.join(siteDir, 'loopscore/loopscore.wasm'));
  requireBuilt(path.join(siteDir, 'samples/brand-month.jsonl'));
  const root = mkdtempSync(path.join(tmpdir(), 'loopscore-site-'));
  try {
    cpSync(siteDir, root, { recursive: true });
    cpSync(path.join(repoRoot, 'web'), path.join(root, 'loopscore'), { recursive: true });
    cpSync(path.join(repoRoot, 'demo'), root, { recursive: true });
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
