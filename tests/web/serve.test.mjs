// scripts/lib/serve.mjs: the static server the demo and the browser tests use.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { ACCOUNT_CSP, startServer, STRICT_CSP } from '../../scripts/lib/serve.mjs';

const scratch = mkdtempSync(path.join(tmpdir(), 'loopscore-serve-'));
const root = path.join(scratch, 'site');
let server;

before(async () => {
  mkdirSync(path.join(root, 'loopscore'), { recursive: true });
  mkdirSync(path.join(root, 'empty'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><meta charset="utf-8">');
  writeFileSync(path.join(root, 'loopscore/loopscore.wasm'), Buffer.from([0, 97, 115, 109]));
  writeFileSync(path.join(root, 'loopscore/client.js'), 'export {};');
  writeFileSync(path.join(scratch, 'secret.txt'), 'outside the root');
  symlinkSync(path.join(scratch, 'secret.txt'), path.join(root, 'link.txt'));
  server = await startServer({ root, port: 0 });
});

after(async () => {
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

// A raw request (fetch would normalise `..` away before sending).
function get(pathname, method = 'GET') {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: pathname, method }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end();
  });
}

test('binds 127.0.0.1 and serves files with their MIME types and the strict CSP', async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const expected = { '/': 'text/html; charset=utf-8', '/loopscore/loopscore.wasm': 'application/wasm',
    '/loopscore/client.js': 'text/javascript; charset=utf-8' };
  for (const [pathname, type] of Object.entries(expected)) {
    const response = await get(pathname);
    assert.equal(response.status, 200, pathname);
    assert.equal(response.headers['content-type'], type, pathname);
    assert.equal(response.headers['content-security-policy'], STRICT_CSP);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
  }
  assert.deepEqual([...(await get('/loopscore/loopscore.wasm')).body], [0, 97, 115, 109]);
});

test('nothing outside the root is served', async () => {
  for (const pathname of ['/../secret.txt', '/%2e%2e/secret.txt', '/loopscore/..%2f..%2fsecret.txt',
    '/link.txt', '/%00', '/empty/', '/missing.js', '/%E0%A4%A']) {
    const response = await get(pathname);
    assert.ok([400, 404].includes(response.status), `${pathname}: ${response.status}`);
    assert.doesNotMatch(response.body.toString(), /outside the root/);
  }
});

test('only GET and HEAD', async () => {
  const head = await get('/', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  assert.equal((await get('/', 'POST')).status, 405);
});

test('takes a later port when the first is busy', async () => {
  const busy = Number(new URL(server.url).port);
  const second = await startServer({ root, port: busy });
  try {
    assert.ok(Number(new URL(second.url).port) > busy);
  } finally {
    await second.close();
  }
});

// Runs serve.mjs as scripts/demo does, reads the URL it prints, and returns the CSP it sends.
async function policyFromCommandLine(...flags) {
  const child = spawn(process.execPath, [fileURLToPath(new URL('../../scripts/lib/serve.mjs', import.meta.url)), root, '--port', '0', ...flags],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    let printed = '';
    while (!/at (http:\S+)/.test(printed)) {
      const [chunk] = await once(child.stdout, 'data');
      printed += chunk;
    }
    const url = printed.match(/at (http:\S+)/)[1];
    const response = await fetch(url);
    assert.equal(response.status, 200);
    return response.headers.get('content-security-policy');
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

test('the demo server lets the Account tab read HTTPS APIs and nothing more; --strict and --no-csp', async () => {
  assert.match(ACCOUNT_CSP, /connect-src 'self' https:;/);
  assert.equal(ACCOUNT_CSP.replace("connect-src 'self' https:", "connect-src 'self'"), STRICT_CSP);
  assert.equal(await policyFromCommandLine(), ACCOUNT_CSP);
  assert.equal(await policyFromCommandLine('--strict'), STRICT_CSP);
  assert.equal(await policyFromCommandLine('--no-csp'), null);
});
