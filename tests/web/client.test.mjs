// LoopScoreClient in Chromium, through its public API: results equal the module's in Node, every
// kind of input, errors with their input and place, progress between chunks, cancellation that
// leaves the worker usable (and the hard fallback that replaces it), calls in order, a page that
// never freezes, and a .zip unzipped in the worker.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startServer } from '../../scripts/lib/serve.mjs';
import { loadModule, requireBuilt, siteDir } from './lib/artefacts.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { buildZip } from './lib/zip-builder.mjs';

let server;
let browser;
let page;
const workers = [];
const pageErrors = [];
const requests = [];

before(async () => {
  requireBuilt(path.join(siteDir, 'loopscore/client.js'));
  server = await startServer({ root: siteDir, port: 0 });
  browser = await launchBrowser();
  browser.context.on('request', (request) => requests.push(request.url()));
  page = await browser.context.newPage();
  page.on('worker', (worker) => workers.push(worker.url()));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);
  // Page-side helpers: a fresh client for one test, terminated afterwards, and a generator of
  // big inputs. (The page's CSP forbids eval, so each test passes its code as a function.)
  await page.evaluate(async () => {
    const api = await import('/loopscore/client.js');
    window.loopscore = api;
    window.withClient = async (use, options) => {
      const client = new api.LoopScoreClient(options);
      try {
        return await use(client);
      } finally {
        client.terminate();
      }
    };
    const line = (i) => `{"id":"p${i}","author":"u${i % 40}","text":"Post ${i}: I love this café, but it came late 😡"}\n`;
    window.bigJsonl = (megabytes) => {
      const lines = [];
      let size = 0;
      for (let i = 0; size < megabytes * 1e6; i++) {
        lines.push(line(i));
        size += lines.at(-1).length;
      }
      return lines.join('');
    };
    // The same as a Blob built from 1 MB parts (no one big string to collect afterwards), of
    // plain posts that are no experience reports (a small report to parse at the end).
    window.bigBlob = (megabytes) => {
      const parts = [];
      let part = '';
      for (let i = 0; parts.length < megabytes; i++) {
        part += `{"id":"p${i}","author":"u${i % 40}","text":"Post number ${i} of the day, see you at the market"}\n`;
        if (part.length >= 1e6) {
          parts.push(part);
          part = '';
        }
      }
      return new Blob(parts);
    };
    window.caught = (promise) => promise.then(() => null, (error) => ({
      isLoopScoreError: error instanceof api.LoopScoreError, isError: error instanceof Error,
      name: error.name, message: error.message, line: error.line, input: error.input,
    }));
  });
});

after(async () => {
  try {
    await browser?.close();
  } finally {
    await server?.close();
  }
});

test('analyze and score resolve with the output the module gives in Node, for every kind of input', async () => {
  const input = '[{"id":"a","text":"Merci, c\'est génial 👍"},{"id":"b"},{"id":"c","text":"awful"}]';
  const module = await loadModule();
  const inBrowser = await page.evaluate((input) => window.withClient(async (client) => {
    const text = (result) => result.text;
    return {
      ready: await client.ready(),
      analyze: await client.analyze(input, { pretty: true }),
      score: await client.score(input),
      bytes: await client.score(new TextEncoder().encode(input).buffer),
      view: await client.score(new TextEncoder().encode(`xx${input}`).subarray(2)),
      blob: await client.score(new Blob([input])),
      file: text(await client.analyze(new File([input], 'export.json'))),
      named: text(await client.analyze([{ name: 'pasted', data: input }], { include_posts: false })),
      several: text(await client.analyze([new File([input], 'a.json'), { name: 'b.txt', data: 'I love it' }])),
    };
  }), input);
  assert.deepEqual(inBrowser.ready, { version: module.version() });
  assert.equal(inBrowser.analyze.text, module.analyze(input, '{"pretty":true}').output);
  assert.deepEqual(inBrowser.analyze.report, JSON.parse(inBrowser.analyze.text));
  for (const kind of ['score', 'bytes', 'view', 'blob']) assert.equal(inBrowser[kind], module.score(input, '{}').output, kind);
  assert.equal(inBrowser.file, module.analyze(input, '{}', 'export.json').output);
  assert.equal(inBrowser.named, module.analyze(input, '{"include_posts":false}', 'pasted').output);
  assert.deepEqual(JSON.parse(inBrowser.several).input.documents.map((d) => d.name), ['a.json', 'b.txt']);
});

test('an ArrayBuffer is transferred to the worker; a File is not read on the page', async () => {
  const lengths = await page.evaluate(() => window.withClient(async (client) => {
    const buffer = new TextEncoder().encode('hello\nworld\n').buffer;
    const before = buffer.byteLength;
    await client.score(buffer);
    return [before, buffer.byteLength];
  }));
  assert.deepEqual(lengths, [12, 0]);
});

test('failures reject with a LoopScoreError carrying name, input and location', async () => {
  const errors = await page.evaluate(() => window.withClient(async (client) => [
    await window.caught(client.analyze([{ name: 'ok.txt', data: 'fine' }, { name: 'bad.json', data: '[{"id":1,"text":"a"},\n{"id":2,,}]' }])),
    await window.caught(client.score('fine', { colour: 'red' })),
    await window.caught(client.score(42)),
    await window.caught(client.analyze([])),
  ]));
  assert.deepEqual(errors.map((e) => [e.isLoopScoreError, e.isError, e.name]), [
    [true, true, 'InputError'], [true, true, 'OptionsError'], [true, true, 'TypeError'], [true, true, 'TypeError']]);
  assert.equal(errors[0].line, 2);
  assert.equal(errors[0].input, 'bad.json');
  assert.match(errors[1].message, /unknown option "colour"/);
  const described = await page.evaluate(() => window.loopscore.describeError({ input: 'bad.json', line: 2, column: 9, message: 'invalid JSON' }));
  assert.equal(described, 'bad.json, line 2, column 9: invalid JSON');
});

test('progress events arrive between chunks, at most every ~50 ms, then the report', async () => {
  const { events, posts } = await page.evaluate(() => window.withClient(async (client) => {
    const events = [];
    const started = performance.now();
    const { report } = await client.analyze(window.bigJsonl(24), { include_posts: false },
      { onProgress: (event) => events.push({ ...event, at: performance.now() - started }) });
    return { events, posts: report.summary.posts };
  }));
  assert.ok(posts > 100_000);
  const reading = events.filter((event) => event.phase === 'reading');
  assert.ok(reading.length >= 3, `${reading.length} reading events`);
  assert.equal(reading[0].done, 0);
  assert.equal(reading[0].input, 'input');
  assert.ok(reading.every((event) => event.unit === 'bytes' && event.total === reading[0].total));
  for (let i = 1; i < reading.length; i++) assert.ok(reading[i].done >= reading[i - 1].done);
  // About one event per 50 ms (they may arrive bunched when the page is busy, so count them).
  const spanMs = reading.at(-1).at - reading[0].at;
  assert.ok(reading.length <= spanMs / 45 + 3, `${reading.length} reading events in ${spanMs.toFixed(0)} ms`);
  assert.equal(reading.at(-1).done, reading[0].total);
  assert.equal(events.at(-1).phase, 'analyzing');
});

test('an AbortSignal cancels mid-way; the same worker then serves the next analysis', async () => {
  const workersBefore = workers.length;
  const result = await page.evaluate(() => window.withClient(async (client) => {
    await client.ready();
    const controller = new AbortController();
    let abortedAt = 0;
    let lastDone = 0;
    const pending = client.analyze(window.bigJsonl(40), {}, {
      signal: controller.signal,
      onProgress: (event) => {
        lastDone = event.done;
        if (event.phase === 'reading' && event.done > 0 && !abortedAt) {
          abortedAt = performance.now();
          controller.abort();
        }
      },
    });
    const error = await window.caught(pending);
    const rejectedAfter = performance.now() - abortedAt;
    const next = await client.analyze('I love it\nNever again.');
    const total = new TextEncoder().encode(window.bigJsonl(40)).length;
    return { error, rejectedAfter, lastDone, total, next: next.report.summary.posts };
  }));
  assert.equal(result.error.name, 'AbortError');
  assert.equal(result.error.isLoopScoreError, true);
  assert.ok(result.rejectedAfter < 100, `rejected ${result.rejectedAfter} ms after abort()`);
  assert.ok(result.lastDone < result.total, 'the whole input was read before stopping');
  assert.equal(result.next, 2);
  assert.equal(workers.length - workersBefore, 1, 'the worker was replaced: the soft cancel did not work');
});

test('when a cancelled call does not stop in time, the worker is replaced and the next call works', async () => {
  const workersBefore = workers.length;
  const result = await page.evaluate(() => window.withClient(async (client) => {
    await client.ready();
    const controller = new AbortController();
    const pending = client.analyze(window.bigJsonl(8), {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = await window.caught(pending);
    const next = await client.score('still works');
    return { error: error.name, next: next.split('\n').length };
  }, { cancelGraceMs: 0 }));
  assert.deepEqual(result, { error: 'AbortError', next: 2 });
  assert.equal(workers.length - workersBefore, 2, 'a second worker should have been started');
});

test('calls run in order; aborting a queued call leaves the running one alone; an aborted signal rejects at once', async () => {
  const result = await page.evaluate(() => window.withClient(async (client) => {
    const controller = new AbortController();
    const first = client.analyze('first post');
    const second = window.caught(client.score('second post', {}, { signal: controller.signal }));
    const third = client.analyze('third post');
    controller.abort();
    const already = await window.caught(client.score('x', {}, { signal: controller.signal }));
    return [(await first).report.posts[0].text, (await second).name, (await third).report.posts[0].text, already.name];
  }));
  assert.deepEqual(result, ['first post', 'AbortError', 'third post', 'AbortError']);
});

test('the page stays responsive while a big File is analysed', async (t) => {
  const { longestTaskMs, longTasks, posts } = await page.evaluate(() => window.withClient(async (client) => {
    await client.ready();
    const file = new File([window.bigBlob(30)], 'big.jsonl');
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Main-thread tasks over 50 ms (the Long Tasks API): what freezes a page is work on it,
    // which wall-clock timer gaps cannot tell from a machine busy with other processes.
    const tasks = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((entry) => entry.duration)));
    observer.observe({ type: 'longtask' });
    // First prove the observer sees a blocked page: 120 ms of busy work in one task.
    await new Promise((resolve) => setTimeout(() => {
      for (const until = performance.now() + 120; performance.now() < until;);
      resolve();
    }, 0));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const observed = tasks.splice(0).some((ms) => ms >= 100);
    if (!observed) throw new Error('the Long Tasks API saw no long task: this check cannot work here');
    const { report } = await client.analyze(file, { include_posts: false });
    await new Promise((resolve) => setTimeout(resolve, 100));
    observer.disconnect();
    return { longestTaskMs: Math.max(0, ...tasks), longTasks: tasks.length, posts: report.summary.posts };
  }));
  t.diagnostic(`${posts} posts; ${longTasks} main-thread tasks over 50 ms, the longest ${longestTaskMs.toFixed(0)} ms`);
  assert.ok(posts > 100_000);
  // The analysis takes seconds in the worker; on the page it would be one task of seconds.
  assert.ok(longestTaskMs < 200, `a task blocked the page for ${longestTaskMs.toFixed(0)} ms`);
});

test('a .zip is unzipped in the worker, with progress; a hostile one is refused by name', async () => {
  const zip = buildZip([
    { name: 'data/tweets.js', data: 'window.YTD.tweets.part0 = [{"tweet":{"id_str":"1","full_text":"Thanks for the help!","created_at":"Wed May 01 10:00:00 +0000 2024"}}]' },
    { name: 'data/account.js', data: 'window.YTD.account.part0 = [{"account":{"username":"brightbeans","accountDisplayName":"Bright Beans"}}]' },
  ]);
  const bomb = buildZip([{ name: 'data/tweets.js', data: new Uint8Array(30 << 20), declaredSize: 100 }]);
  const result = await page.evaluate(async ([zipBytes, bombBytes]) => window.withClient(async (client) => {
    const phases = [];
    const { report } = await client.analyze(new File([new Uint8Array(zipBytes)], 'twitter.zip'), {},
      { onProgress: (event) => phases.push(event.phase) });
    const bomb = await window.caught(client.analyze(new File([new Uint8Array(bombBytes)], 'bomb.zip')));
    return { names: report.input.documents.map((d) => d.name), phases: [...new Set(phases)], bomb };
  }), [[...zip], [...bomb]]);
  assert.deepEqual(result.names, ['data/account.js', 'data/tweets.js']);
  assert.deepEqual(result.phases, ['unzipping', 'reading', 'analyzing']);
  assert.equal(result.bomb.name, 'ArchiveTooLarge');
  assert.equal(result.bomb.input, 'data/tweets.js');
  assert.match(result.bomb.message, /zip bomb/);
});

test('worker.js?wasm= loads the module from elsewhere on the origin, never from another', async () => {
  const result = await page.evaluate(async () => {
    const here = new URL('/loopscore/worker.js', location.href);
    const run = async (wasm) => {
      const workerUrl = new URL(here);
      workerUrl.searchParams.set('wasm', wasm);
      return window.withClient((client) => client.ready().then((ready) => ready.version, (error) => `${error.name}: ${error.message}`), { workerUrl });
    };
    return { same: await run('/loopscore/loopscore.wasm?located=1'), foreign: await run('https://cdn.example/loopscore.wasm') };
  });
  assert.match(result.same, /^\d+\.\d+\.\d+$/);
  assert.ok(requests.some((url) => url.endsWith('/loopscore/loopscore.wasm?located=1')), 'the module came from the ?wasm= URL (locateFile)');
  assert.match(result.foreign, /^LoadError: loopscore\.wasm could not be loaded: \?wasm= must be on this site/);
  assert.ok(!requests.some((url) => url.startsWith('https://cdn.example')), 'nothing was asked of the other origin');
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.deepEqual(pageErrors, [], 'a refused ?wasm= is an answer, not an unhandled rejection');
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
  assert.deepEqual(pageErrors, []);
});
