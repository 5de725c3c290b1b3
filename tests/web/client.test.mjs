// LoopScoreClient in Chromium, through its public API: results equal the module's, ArrayBuffers
// are transferred, errors reject with LoopScoreError, terminate() cancels.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startServer } from '../../scripts/lib/serve.mjs';
import { loadModule, requireBuilt, siteDir } from './lib/artefacts.mjs';
import { launchBrowser } from './lib/browser.mjs';

let server;
let browser;
let page;

before(async () => {
  requireBuilt(path.join(siteDir, 'loopscore/client.js'));
  server = await startServer({ root: siteDir, port: 0 });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.goto(server.url);
  // Page-side helper: a fresh client for one test, terminated afterwards. (The page's CSP
  // forbids eval, so each test passes its code as a function to page.evaluate.)
  await page.evaluate(async () => {
    const api = await import('/loopscore/client.js');
    window.loopscore = api;
    window.withClient = async (use) => {
      const client = new api.LoopScoreClient();
      try {
        return await use(client);
      } finally {
        client.terminate();
      }
    };
  });
});

after(async () => {
  try {
    await browser?.close();
  } finally {
    await server?.close();
  }
});

test('analyze and score resolve with the output the module gives in Node', async () => {
  const input = '[{"id":"a","text":"Merci, c\'est génial 👍"},{"id":"b"},{"id":"c","text":"awful"}]';
  const module = await loadModule();
  const inBrowser = await page.evaluate((input) => window.withClient(async (client) => ({
    version: await client.ready(),
    analyze: await client.analyze(input, { pretty: true }),
    score: await client.score(input),
    bytes: await client.score(new TextEncoder().encode(input).buffer),
    blob: await client.score(new Blob([input])),
    file: await client.analyze(new File([input], 'export.json')),
    named: await client.analyze(input, { name: 'pasted', include_posts: false }),
  })), input);
  assert.equal(inBrowser.file, module.analyze(input, '{}', 'export.json').output);
  assert.equal(inBrowser.named, module.analyze(input, '{"include_posts":false}', 'pasted').output);
  assert.equal(inBrowser.version, module.version());
  assert.equal(inBrowser.analyze, module.analyze(input, '{"pretty":true}').output);
  for (const kind of ['score', 'bytes', 'blob']) assert.equal(inBrowser[kind], module.score(input, '{}').output, kind);
});

test('an ArrayBuffer is transferred to the worker', async () => {
  const lengths = await page.evaluate(() => window.withClient(async (client) => {
    const buffer = new TextEncoder().encode('hello\nworld\n').buffer;
    const before = buffer.byteLength;
    await client.score(buffer);
    return [before, buffer.byteLength];
  }));
  assert.deepEqual(lengths, [12, 0]);
});

test('failures reject with a LoopScoreError carrying name and location', async () => {
  const errors = await page.evaluate(() => window.withClient(async (client) => {
    const caught = async (promise) => promise.then(() => null, (error) => ({
      isLoopScoreError: error instanceof window.loopscore.LoopScoreError, isError: error instanceof Error,
      name: error.name, message: error.message, line: error.line,
    }));
    return [
      await caught(client.analyze('[{"id":1,"text":"a"},\n{"id":2,,}]')),
      await caught(client.score('fine', { colour: 'red' })),
      await caught(client.score(42)),
    ];
  }));
  assert.deepEqual(errors.map((e) => [e.isLoopScoreError, e.isError, e.name]), [
    [true, true, 'InputError'], [true, true, 'OptionsError'], [true, true, 'TypeError']]);
  assert.equal(errors[0].line, 2);
  assert.match(errors[1].message, /unknown option "colour"/);
});

test('terminate() rejects pending calls with AbortError, and later ones too', async () => {
  const names = await page.evaluate(() => window.withClient(async (client) => {
    const big = 'I love it, but it arrived late.\n'.repeat(200000);
    const pending = client.analyze(big).then(() => 'resolved', (error) => error.name);
    client.terminate();
    const later = await client.score('x').then(() => 'resolved', (error) => error.name);
    return [await pending, later];
  }));
  assert.deepEqual(names, ['AbortError', 'AbortError']);
});
