// Where the built artefacts are (LOOPSCORE_BUILD_ROOT, as scripts/env.sh), and loading the
// release wasm module in Node. Shared by tests/wasm and tests/web.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const buildRoot = path.resolve(process.env.LOOPSCORE_BUILD_ROOT ?? path.join(repoRoot, 'build'));
export const wasmDir = path.join(buildRoot, 'wasm/wasm');
export const siteDir = path.join(buildRoot, 'site');
export const cliPath = path.join(buildRoot, 'native/cli/loopscore');

/** Fails with a clear message when an artefact has not been built. */
export function requireBuilt(file) {
  if (!existsSync(file)) throw new Error(`${file} is missing: run scripts/build (LOOPSCORE_BUILD_ROOT=${buildRoot})`);
  return file;
}

/** A fresh instance of the release module. Node gets the bytes directly (pitfalls 3, 4). */
export async function loadModule() {
  const glue = requireBuilt(path.join(wasmDir, 'loopscore.js'));
  const { default: createLoopScore } = await import(pathToFileURL(glue).href);
  return createLoopScore({ wasmBinary: readFileSync(requireBuilt(path.join(wasmDir, 'loopscore.wasm'))) });
}

/** Runs the native CLI (`loopscore COMMAND ...args`) from the repo root; stdout as bytes. */
export function runCli(command, ...args) {
  const run = spawnSync(requireBuilt(cliPath), [command, ...args], {
    cwd: repoRoot, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr.toString('utf8') };
}

/** The CLI's error line for a wasm error value: cli/main.cpp's where_prefix, then the message. */
export function cliErrorLine(file, error) {
  let text = `loopscore: error: ${file}`;
  if (error.line) text += `:${error.line}:${error.column}`;
  text += ': ';
  if (error.record || error.pointer) {
    text += `record ${error.record}`;
    if (error.pointer) text += ` (${error.pointer})`;
    text += ': ';
  }
  return `${text}${error.message}\n`;
}
