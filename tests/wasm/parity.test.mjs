// Native and WebAssembly give identical output: every file under tests/fixtures/ (and the demo
// samples, and a few inline edge cases) through the CLI and through the release wasm module.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { cliErrorLine, loadModule, repoRoot, runCli } from '../web/lib/artefacts.mjs';
import { checkHandlesAroundEachTest } from '../web/lib/leak-check.mjs';

// Inputs no fixture may cover yet: the odd bytes and the errors the CLI reports with a location.
const INLINE_CASES = {
  'non-ascii.txt': 'Café crème, très bien 👍\n¡Qué malo! 😡\n日本語のテキスト\n',
  'blank-line-separated.txt': 'first post\nstill the first\n\nsecond post\n',
  'crlf-bom.txt': '\ufeffwith a byte order mark\r\nand CRLF lines\r\n',
  'invalid-utf8.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a, 0xff, 0xfe, 0x21, 0x0a]),
  'skipped-records.json': '[{"id":"a","text":"ok"},{"id":"b"},{"id":"c","text":42}]',
  'truncated.json': '[{"id":"1","text":"fine"},{"id":"2","text":',
  'all-skipped.json': '[{"id":1},{"id":2}]',
  'bad-line.jsonl': '{"id":1,"text":"x"}\n{"id":2,"text":\n',
  'blank.txt': '  \n\n',
  'empty.txt': '',
};

// What each CLI invocation means as wasm options.
const VARIANTS = [
  { command: 'analyze', args: [], options: {} },
  { command: 'score', args: [], options: {} },
  { command: 'analyze', args: ['--pretty', '--no-posts'], options: { pretty: true, include_posts: false } },
  {
    command: 'analyze',
    args: ['--owner', 'brightbeans', '--timezone', '+02:00', '--business-hours', '8-18', '--followers', '1200',
      '--weight', 'respond=30'],
    options: { owner: 'brightbeans', timezone: '+02:00', business_hours: '8-18', followers: 1200, weights: { respond: 30 } },
  },
];

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function filesUnder(dir) {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(repoRoot, path.join(entry.parentPath ?? entry.path, entry.name)))
      .sort();
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
}

// Calls module[command] (string path, when the bytes are valid UTF-8) and module[command + 'Bytes'];
// analyze names the input as the CLI does, by its file name.
function runWasm(module, command, bytes, options, name) {
  const args = command === 'analyze' ? [JSON.stringify(options), name] : [JSON.stringify(options)];
  const pointer = module._malloc(Math.max(bytes.length, 1));
  let viaBytes;
  try {
    module.HEAPU8.set(bytes, pointer); // HEAPU8 read after malloc: it may have grown (pitfall 10)
    viaBytes = module[`${command}Bytes`](pointer, bytes.length, ...args);
  } finally {
    module._free(pointer);
  }
  let text = null;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    // Not UTF-8: a JS string cannot hold these bytes, only the byte path can.
  }
  const viaString = text === null ? null : module[command](text, ...args);
  return { viaBytes, viaString };
}

// Asserts two outputs are the same bytes, showing where they part if not.
function assertSameBytes(actual, expected) {
  if (actual.equals(expected)) return;
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at++;
  const around = (bytes) => bytes.subarray(Math.max(0, at - 80), at + 80).toString('utf8');
  assert.fail(`outputs differ at byte ${at}:\n  wasm:   ${around(actual)}\n  native: ${around(expected)}`);
}

let module;
const scratch = mkdtempSync(path.join(tmpdir(), 'loopscore-parity-'));
before(async () => { module = await loadModule(); });
after(() => rmSync(scratch, { recursive: true, force: true }));
checkHandlesAroundEachTest(() => module);

const inlineFiles = Object.entries(INLINE_CASES).map(([name, content]) => {
  const file = path.join(scratch, name);
  writeFileSync(file, content);
  return file;
});
const fixtures = filesUnder(path.join(repoRoot, 'tests/fixtures'));
const cases = [...fixtures, ...filesUnder(path.join(repoRoot, 'demo/samples')), ...inlineFiles];

test('tests/fixtures/ holds inputs to compare', (t) => {
  t.diagnostic(`${fixtures.length} fixtures, ${cases.length - fixtures.length} samples and inline cases`);
  assert.ok(fixtures.length > 0, 'no fixture found under tests/fixtures/');
});

for (const file of cases) {
  describe(path.isAbsolute(file) ? `inline ${path.basename(file)}` : file, () => {
    for (const { command, args, options } of VARIANTS) {
      test(`${[command, ...args].join(' ')} is identical`, () => {
        const bytes = readFileSync(path.resolve(repoRoot, file));
        const cli = runCli(command, ...args, file);
        const { viaBytes, viaString } = runWasm(module, command, bytes, options, path.basename(file));
        if (viaString) assert.deepEqual(viaString, viaBytes, 'the string and byte paths disagree');
        if (cli.status === 0) {
          assert.ok(viaBytes.ok, `wasm failed where the CLI succeeded: ${JSON.stringify(viaBytes.error)}`);
          assertSameBytes(Buffer.from(viaBytes.output, 'utf8'), cli.stdout);
        } else {
          assert.equal(cli.status, 1, `the CLI failed unexpectedly: ${cli.stderr}`);
          assert.equal(viaBytes.ok, false, 'wasm succeeded where the CLI reported an input error');
          assert.equal(viaBytes.error.name, 'InputError');
          assert.equal(cliErrorLine(file, viaBytes.error), cli.stderr);
        }
      });
    }
  });
}
