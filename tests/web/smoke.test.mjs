// The client API demo page (demo/client.html) in a real browser: served over 127.0.0.1 with the strict CSP, a post pasted and
// analyzed in a Web Worker, every request kept to the page's origin, post text shown as text.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startServer, STRICT_CSP } from '../../scripts/lib/serve.mjs';
import { repoRoot, requireBuilt, siteDir } from './lib/artefacts.mjs';
import { launchBrowser } from './lib/browser.mjs';

const HOSTILE = 'Great service <img src=x onerror=alert(1)> <b>bold</b>';

let server;
let browser;
let page;
const requests = [];
const workers = [];
const problems = []; // console errors, page errors, CSP violations

before(async () => {
  requireBuilt(path.join(siteDir, 'index.html'));
  requireBuilt(path.join(siteDir, 'loopscore/loopscore.wasm'));
  server = await startServer({ root: siteDir, port: 0 });
  browser = await launchBrowser();
  browser.context.on('request', (request) => requests.push(request.url()));
  browser.context.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  page = await browser.context.newPage();
  page.on('worker', (worker) => workers.push(worker.url()));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog opened: ${dialog.message()}`);
    return dialog.dismiss();
  });
});

after(async () => {
  try {
    await page?.screenshot({ path: screenshotPath('demo-smoke.png'), fullPage: true }).catch(() => {});
  } finally {
    await browser?.close();
    await server?.close();
  }
});

function screenshotPath(name) {
  const dir = path.join(repoRoot, 'test-results');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

test('the demo analyzes a pasted post in a worker', async () => {
  await page.goto(`${server.url}client.html`); // the bare client API page (demo/client.html)
  await page.getByLabel('Posts').fill(`I love this café, thank you! 👍\n${HOSTILE}\n`);
  await page.getByRole('button', { name: 'Analyze' }).click();
  const rows = page.locator('#posts-table tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 2);
  const first = await rows.nth(0).locator('td').allTextContents();
  assert.equal(first[0], '1');
  assert.ok(['positive', 'neutral', 'negative'].includes(first[2]), `label ${first[2]}`);
  assert.ok(Number.isFinite(Number(first[3])) && first[3] !== '', `compound ${first[3]}`);
  assert.equal(first[4], 'I love this café, thank you! 👍', 'non-ASCII text survived (pitfall 13)');
  assert.equal(await page.locator('#summary dd').first().textContent(), '2');
  assert.match(await page.locator('#version').textContent(), /^\d+\.\d+\.\d+/);
  assert.ok(workers.some((url) => url.endsWith('/loopscore/worker.js')), `workers: ${workers}`);
});

test('post text is rendered as text, never as HTML', async () => {
  const cell = page.locator('#posts-table tbody tr').nth(1).locator('td').last();
  assert.equal(await cell.textContent(), HOSTILE);
  assert.equal(await page.locator('#result img, #result b').count(), 0);
  assert.equal(await page.locator('img').count(), 0);
});

test('an input error is shown with its location', async () => {
  await page.getByLabel('Posts').fill('[{"id":"1","text":"fine"},\n{"id":"2" "text":"x"}]');
  await page.getByRole('button', { name: 'Analyze' }).click();
  const error = page.getByRole('alert');
  await error.waitFor();
  assert.match(await error.textContent(), /^line 2, column \d+: invalid JSON/);
});

test('the bundled sample loads and analyzes', async () => {
  await page.getByRole('button', { name: 'Load the sample' }).click();
  await page.waitForFunction(() => document.getElementById('posts').value.length > 0);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await page.locator('#posts-table tbody tr td', { hasText: '1010' }).waitFor();
  assert.equal(await page.locator('#posts-table tbody tr').count(), 10);
});

test('every request stayed on the page\'s origin, with no error or CSP violation', () => {
  const origin = new URL(server.url).origin;
  assert.ok(requests.length > 0);
  const foreign = requests.filter((url) => new URL(url).origin !== origin);
  assert.deepEqual(foreign, []);
  assert.deepEqual(problems, []);
});

test('a host whose CSP lacks \'wasm-unsafe-eval\' gets a LoadError, not a hang', async () => {
  const csp = STRICT_CSP.replace(" 'wasm-unsafe-eval'", '');
  const strict = await startServer({ root: siteDir, port: 0, csp });
  const other = await browser.context.newPage();
  try {
    await other.goto(`${strict.url}client.html`);
    const error = other.getByRole('alert');
    await error.waitFor();
    assert.match(await error.textContent(), /loopscore\.wasm could not be loaded: .*Content Security Policy/);
  } finally {
    await other.close();
    await strict.close();
  }
});
