// docs/embedding.md followed to the letter, as a newcomer would: a blank site gets the staged
// loopscore/ folder at /loopscore/ and, as its page, the "complete page" the guide shows (taken
// from the guide itself), served with the Content-Security-Policy the guide gives. The widget must
// analyse pasted posts there, and the guide must name every file it tells the reader to host.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startServer } from '../../scripts/lib/serve.mjs';
import { repoRoot } from './lib/artefacts.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { stageElementSite } from './lib/element-site.mjs';

const GUIDE = readFileSync(path.join(repoRoot, 'docs/embedding.md'), 'utf8');

/** The fenced blocks of the guide in a language ('' for none): [text]. */
function blocks(language) {
  const found = [];
  let open = null; // [language, lines] inside a block
  for (const line of GUIDE.split('\n')) {
    const fence = /^```(\S*)\s*$/.exec(line);
    if (fence && !open) open = [fence[1], []];
    else if (fence) {
      if (open[0] === language) found.push(open[1].join('\n') + '\n');
      open = null;
    } else open?.[1].push(line);
  }
  return found;
}

/** The guide's complete page: its html block that is a whole document. */
const PAGE = blocks('html').find((block) => block.startsWith('<!doctype html>'));
/** The policy the guide gives for the element: its first "Content-Security-Policy:" block, as one header value. */
const GUIDE_CSP = blocks('').map((block) => block.trim()).find((block) => block.startsWith('Content-Security-Policy:'))
  ?.replace(/^Content-Security-Policy:\s*/, '').replace(/\s*\n\s*/g, ' ');

let staged;
let root;
let server;
let browser;
const requests = [];
const problems = [];

before(async () => {
  assert.ok(PAGE, 'docs/embedding.md shows a complete page (an html block starting with <!doctype html>)');
  assert.ok(GUIDE_CSP, 'docs/embedding.md gives a Content-Security-Policy block');
  staged = await stageElementSite();
  root = mkdtempSync(path.join(tmpdir(), 'loopscore-blank-site-'));
  // Step 1: copy the staged loopscore/ folder to the site, as it is. Nothing else of the demo.
  cpSync(path.join(staged.root, 'loopscore'), path.join(root, 'loopscore'), { recursive: true });
  // Step 2: the page.
  writeFileSync(path.join(root, 'index.html'), PAGE);
  server = await startServer({ root, port: 0, csp: GUIDE_CSP });
  browser = await launchBrowser();
  browser.context.on('request', (request) => requests.push(request.url()));
  // A blank site has no favicon; the browser asking for one is not the widget's doing.
  await browser.context.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
  browser.context.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
});

after(async () => {
  try {
    await browser?.close();
    await server?.close();
  } finally {
    staged?.cleanup();
    if (root) rmSync(root, { recursive: true, force: true });
  }
});

test('the guide\'s complete page, on a blank site under the guide\'s CSP, analyses pasted posts', async () => {
  const page = await browser.context.newPage();
  const workers = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(server.url);
  const widget = page.locator('loop-score');
  const owner = PAGE.match(/<loop-score[^>]*\bowner="([^"]+)"/)?.[1];
  assert.ok(owner, 'the complete page sets owner');
  assert.equal(await widget.locator('#owner').inputValue(), owner, 'the owner attribute fills the form');
  await widget.getByRole('textbox', { name: 'Posts', exact: true }).fill([
    `${owner}: where is my order? It has been two weeks!`,
    `${owner}: I love the new roast, thank you!`,
  ].join('\n'));
  const done = page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('loopscore-complete', (event) => resolve(event.detail.summary.posts), { once: true });
    document.addEventListener('loopscore-error', (event) => resolve(`error: ${event.detail.message}`), { once: true });
  }));
  await widget.getByRole('button', { name: 'Analyze' }).click();
  assert.equal(await done, 2);
  assert.equal(await widget.locator('.gauge-label').textContent(), 'Loop Score');
  assert.deepEqual(workers.map((url) => new URL(url).pathname), ['/loopscore/worker.js'], 'the analysis ran in the worker');
  assert.deepEqual(problems, []);
  const origins = new Set(requests.map((url) => new URL(url).origin));
  assert.deepEqual([...origins], [new URL(server.url).origin], 'every request stayed on the site');
});

test('the guide names every file it tells a site owner to host', () => {
  const hosted = readdirSync(path.join(root, 'loopscore'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(path.join(root, 'loopscore'), path.join(entry.parentPath ?? entry.path, entry.name)));
  assert.ok(hosted.length > 10, `${hosted.length} files`);
  const section = GUIDE.slice(GUIDE.indexOf('## What to host'), GUIDE.indexOf('\n## ', GUIDE.indexOf('## What to host') + 5));
  // A file is named by its path; the bundler's shared chunks as `chunk-*.js`.
  const missing = hosted.filter((file) => !section.includes(`\`${file}\``)
    && !(/^chunk-[A-Z0-9]+\.js$/.test(file) && section.includes('`chunk-*.js`')));
  assert.deepEqual(missing, [], 'hosted files the "What to host" section does not name');
});

/** The guide's troubleshooting rows: the start of each message, as a RegExp ("…" is anything). */
function troubleshootingMessage(start) {
  const row = GUIDE.split('\n').find((line) => line.startsWith(`| \`${start}`));
  assert.ok(row, `docs/embedding.md has a troubleshooting row for "${start}"`);
  const message = /^\| `([^`]+)`/.exec(row)[1];
  const pattern = message.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('.*');
  return new RegExp(`^${pattern}`);
}

// Serves a copy of the blank site broken by `breakIt(root)` under `csp`; resolves the widget's error after Analyze.
async function errorOnBrokenSite(breakIt, csp = GUIDE_CSP) {
  const broken = mkdtempSync(path.join(tmpdir(), 'loopscore-broken-site-'));
  const brokenServer = await (async () => {
    cpSync(root, broken, { recursive: true });
    breakIt(broken);
    return startServer({ root: broken, port: 0, csp });
  })();
  const page = await browser.context.newPage();
  try {
    await page.goto(brokenServer.url);
    const widget = page.locator('loop-score');
    await widget.getByRole('textbox', { name: 'Posts', exact: true }).fill('hello');
    const failed = page.evaluate(() => new Promise((resolve) => {
      document.addEventListener('loopscore-error', (event) => resolve(event.detail), { once: true });
      document.addEventListener('loopscore-complete', () => resolve({ name: 'none', message: 'it worked' }), { once: true });
    }));
    await widget.getByRole('button', { name: 'Analyze' }).click();
    const detail = await failed;
    assert.equal(await widget.getByRole('alert').textContent(), detail.message, 'the message is shown');
    return detail;
  } finally {
    await page.close();
    await brokenServer.close();
    rmSync(broken, { recursive: true, force: true });
  }
}

test('a site broken as the guide\'s troubleshooting table says shows the message the table gives', async () => {
  const cases = [
    ['the loopscore worker could not be loaded', (site) => rmSync(path.join(site, 'loopscore/worker.js'))],
    ['the loopscore worker could not be loaded', (site) => rmSync(path.join(site, 'loopscore/loopscore.js'))],
    ['loopscore.wasm could not be loaded: … is not', (site) => rmSync(path.join(site, 'loopscore/loopscore.wasm'))],
    ['loopscore.wasm could not be loaded: this site', () => {}, GUIDE_CSP.replace(" 'wasm-unsafe-eval'", '')],
  ];
  for (const [start, breakIt, csp] of cases) {
    const detail = await errorOnBrokenSite(breakIt, csp);
    assert.equal(detail.name, 'LoadError', `${start}: ${detail.message}`);
    assert.match(detail.message, troubleshootingMessage(start));
  }
});
