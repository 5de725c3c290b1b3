// <loop-score> in Chromium, on the demo under the strict CSP: the sample month in one click, the
// Loop Score and its seven dimensions, the charts, the lists, the post table (sorting, filtering,
// keyboard), the exports, the live region, contrast in both themes, theming, the fallback,
// and the screenshot of the report the README shows.
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { loadModule, repoRoot } from './lib/artefacts.mjs';
import { newWatchedPage, nextEvent, openElementSite, statusText } from './lib/element-page.mjs';
import { SAMPLE_MONTH } from './lib/element-site.mjs';
import { parseCsv } from './lib/rfc4180.mjs';

const DIMENSIONS = ['Respond', 'Give', 'Calm', 'Face', 'Love', 'Advocacy', 'Rhythm'];
const SAMPLE_OPTIONS = { owner: '@northwindcoffee', timezone: '+01:00' };

let session;
let page;
let widget;
let expected; // the report the wasm module gives in Node for the sample month

before(async () => {
  session = await openElementSite();
  page = session.page;
  widget = page.locator('#widget');
  const module = await loadModule();
  const result = module.analyze(readFileSync(SAMPLE_MONTH, 'utf8'), JSON.stringify({ ...SAMPLE_OPTIONS, include_posts: true }), 'brand-month.jsonl');
  expected = JSON.parse(result.output);
});

after(async () => {
  await session?.close();
});

test('the demo loads the sample month with one click and shows the Loop Score', async () => {
  await page.goto(session.server.url);
  const event = await nextEvent(page, () => page.getByRole('button', { name: 'Try it on a sample month' }).click());
  assert.equal(event.type, 'loopscore-complete');
  assert.equal(event.posts, expected.summary.posts);
  assert.equal(event.score, expected.loop.score.value, 'the score the wasm module gives in Node');
  const rounded = String(Math.round(expected.loop.score.value));
  const gauge = widget.getByRole('img', { name: `Loop Score: ${rounded} out of 100` });
  assert.equal(await gauge.count(), 1);
  assert.equal(await widget.locator('.gauge-label').textContent(), 'Loop Score');
  assert.equal(await widget.locator('.gauge-number').textContent(), rounded);
  assert.equal(await statusText(page), `Done: Loop Score ${rounded} from ${expected.summary.posts} posts.`);
  assert.equal(await widget.locator('.status').getAttribute('aria-live'), 'polite');
  assert.equal(await widget.locator('#owner').inputValue(), '@northwindcoffee');
  assert.equal(await widget.locator('#timezone').inputValue(), '+01:00');
  const again = await nextEvent(page, () => page.getByRole('button', { name: 'Try it on a sample month' }).click());
  assert.equal(again.score, event.score, 'a second click analyses again');
});

test('the seven dimensions: labelled bars, recommendation, formula and inputs on demand', async () => {
  const items = widget.locator('.dimension');
  assert.equal(await items.count(), 7);
  for (const [i, name] of DIMENSIONS.entries()) {
    const item = items.nth(i);
    const dimension = expected.loop.dimensions[name.toLowerCase()];
    assert.equal(await item.locator('.dimension-name').textContent(), name);
    assert.equal(await item.locator('.dimension-value').textContent(), String(Math.round(dimension.value)));
    const width = await item.locator('.bar-fill').evaluate((fill) => fill.style.getPropertyValue('--value'));
    assert.equal(Number(width), dimension.value, `${name} bar length`);
    assert.equal(await item.locator('.recommendation').textContent(), dimension.recommendation);
    assert.match(await item.locator('.dimension-question').textContent(), new RegExp(`weight ${dimension.weight}$`));
    const formula = item.locator('.formula');
    assert.equal(await formula.isVisible(), false, 'the formula waits behind its disclosure');
    await item.getByText(`How ${name} is measured`).focus();
    await page.keyboard.press('Enter');
    assert.equal(await formula.textContent(), dimension.formula);
    assert.ok(await formula.isVisible());
    assert.equal(await item.locator('dl.dimension-inputs > div').count(), Object.keys(dimension.inputs).length);
  }
});

test('the four charts, each described to screen readers', async () => {
  const { charts, dimensions } = expected.loop;
  const timeline = widget.locator('.chart-timeline svg');
  assert.match(await timeline.getAttribute('aria-label'), /^Sentiment per day from 2024-03-01 to 2024-03-31/);
  assert.equal(await timeline.locator('rect').count(), 2 * charts.timeline.points.length);
  const stages = ['awareness', 'consideration', 'purchase', 'use', 'opinion', 'advocacy'];
  assert.deepEqual(await widget.locator('.chart-funnel .bar-label').allTextContents(), stages);
  assert.deepEqual((await widget.locator('.chart-funnel .bar-count').allTextContents()).map(Number),
    stages.map((stage) => charts.stage_funnel[stage]));
  const heat = widget.locator('.chart-heatmap svg rect');
  assert.equal(await heat.count(), 7 * 24);
  const busiest = Math.max(...dimensions.rhythm.details.heatmap.flat());
  assert.match(await widget.locator('.chart-heatmap svg').getAttribute('aria-label'), new RegExp(`with ${busiest}\\.$`));
  assert.deepEqual(await widget.locator('.chart-response-times .bar-label').allTextContents(), charts.response_times.map((b) => b.bucket));
  assert.deepEqual((await widget.locator('.chart-response-times .bar-count').allTextContents()).map(Number),
    charts.response_times.map((b) => b.count));
  for (const svg of await widget.locator('.chart svg').all()) assert.equal(await svg.getAttribute('role'), 'img');
});

test('lists to act on: waiting questions oldest first, moments of truth, most loved and disliked', async () => {
  const unanswered = expected.loop.dimensions.respond.details.unanswered;
  const byId = new Map(expected.posts.map((post) => [post.id, post]));
  const waiting = widget.locator('.list-unanswered li');
  assert.equal(await waiting.count(), Math.min(10, unanswered.length));
  assert.equal(await widget.locator('#list-unanswered').textContent(), `Waiting for an answer (${unanswered.length})`);
  assert.deepEqual(await widget.locator('.list-unanswered .item-text').allTextContents(),
    unanswered.slice(0, 10).map((entry) => byId.get(entry.id).text));
  const times = unanswered.map((entry) => entry.created_at);
  assert.deepEqual(times, [...times].sort(), 'oldest first');

  const moments = expected.loop.dimensions.advocacy.details.moments_of_truth;
  const list = widget.locator('.list-moments');
  assert.equal(await list.locator('li').count(), Math.min(10, moments.length));
  assert.ok(moments.length > 10, `the sample month has more moments of truth than are shown at first (${moments.length})`);
  await list.getByRole('button', { name: `Show all ${moments.length}` }).click();
  assert.equal(await list.locator('li').count(), moments.length);
  assert.deepEqual(await list.locator('.badge').allTextContents(), moments.map((moment) => moment.polarity));
  for (const [key, label] of [['loved', 'positive'], ['disliked', 'negative']]) {
    const texts = await widget.locator(`.list-${key} .item-text`).allTextContents();
    assert.ok(texts.length > 0, `${key} has posts`);
    const audience = expected.posts.filter((post) => !post.by_owner && post.sentiment.label === label).map((post) => post.text);
    for (const text of texts) assert.ok(audience.includes(text), `${key}: ${text} is an audience post labelled ${label}`);
  }
});

test('the post table sorts and filters from the keyboard', async () => {
  const table = widget.locator('table');
  const rows = table.locator('tbody tr');
  assert.equal(await rows.count(), 100, 'a page of 100 rows');
  assert.equal(await widget.locator('.table-status').textContent(), `Showing 100 of ${expected.posts.length} posts.`);
  await widget.getByRole('button', { name: /^Show \d+ more$/ }).click();
  assert.equal(await rows.count(), expected.posts.length);

  const sentiment = table.getByRole('button', { name: 'Sentiment', exact: true });
  await sentiment.focus();
  await page.keyboard.press('Enter');
  assert.equal(await table.locator('th[data-key=compound]').getAttribute('aria-sort'), 'descending');
  const highest = Math.max(...expected.posts.map((post) => post.sentiment.compound));
  assert.match(await rows.first().locator('.cell-compound').textContent(), new RegExp(`${highest.toFixed(2).replace(/0+$/, '').replace(/\.$/, '')}$`));
  await page.keyboard.press('Space');
  assert.equal(await table.locator('th[data-key=compound]').getAttribute('aria-sort'), 'ascending');
  assert.match(await rows.first().locator('.cell-compound').textContent(), /^negative/);

  const signal = widget.getByLabel('Signal');
  const complaints = expected.posts.filter((post) => post.signals?.complaint >= 0.5);
  if (complaints.length > 0) {
    await signal.selectOption('complaint');
    assert.equal(await rows.count(), complaints.length);
    for (const cell of await rows.locator('.cell-signals').allTextContents()) assert.match(cell, /complaint/);
    assert.equal(await widget.locator('.table-status').textContent(),
      `Showing ${complaints.length} of ${complaints.length} posts (${expected.posts.length} in all).`);
  }
  await signal.selectOption('label:negative');
  const negatives = expected.posts.filter((post) => post.sentiment.label === 'negative').length;
  assert.equal(await rows.count(), negatives);
  await signal.selectOption('');
  await widget.getByLabel('Written by').selectOption('owner');
  assert.equal(await rows.count(), expected.posts.filter((post) => post.by_owner).length);
  await widget.getByLabel('Words').fill('norway');
  const norway = expected.posts.filter((post) => post.by_owner && /norway/i.test(post.text)).length;
  assert.equal(await rows.count(), norway);
  await widget.getByLabel('Written by').selectOption('all');
  await widget.getByLabel('Words').fill('');
});

test('exports: the report as JSON, the table as CSV for spreadsheets', async () => {
  const [json] = await Promise.all([page.waitForEvent('download'), widget.getByRole('button', { name: 'Download the report (JSON)' }).click()]);
  assert.equal(json.suggestedFilename(), 'loopscore-northwindcoffee.json');
  const exported = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.equal(exported.loop.score.value, expected.loop.score.value);
  assert.equal(exported.posts.length, expected.posts.length);

  await widget.getByLabel('Signal').selectOption('label:positive');
  const [csv] = await Promise.all([page.waitForEvent('download'), widget.getByRole('button', { name: 'Download the posts (CSV)' }).click()]);
  assert.equal(csv.suggestedFilename(), 'loopscore-northwindcoffee-posts.csv');
  const bytes = readFileSync(await csv.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const records = parseCsv(bytes.subarray(3).toString('utf8'));
  assert.deepEqual(records[0].slice(0, 8), ['id', 'created_at', 'author', 'kind', 'by_owner', 'text', 'sentiment', 'compound']);
  const positives = expected.posts.filter((post) => post.sentiment.label === 'positive');
  assert.equal(records.length - 1, positives.length, 'the rows the filter shows');
  const text = records[0].indexOf('text');
  // Text that a spreadsheet would run as a formula (here "@mention …") gets a leading apostrophe.
  const inert = (value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
  assert.deepEqual(new Set(records.slice(1).map((row) => row[text])), new Set(positives.map((post) => inert(post.text))));
  await widget.getByLabel('Signal').selectOption('');
});

test('the tabs follow the WAI-ARIA pattern and focus is visible', async () => {
  const paste = widget.getByRole('tab', { name: 'Paste' });
  await paste.focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await widget.getByRole('tab', { name: 'Files' }).getAttribute('aria-selected'), 'true');
  assert.ok(await widget.getByRole('tabpanel').getByText('Choose files').isVisible());
  await page.keyboard.press('ArrowRight');
  assert.equal(await widget.getByRole('tab', { name: 'Account' }).getAttribute('aria-selected'), 'true');
  assert.ok(await widget.getByLabel('Public account').isVisible());
  await page.keyboard.press('ArrowRight');
  assert.equal(await paste.getAttribute('aria-selected'), 'true', 'wraps around');
  await page.keyboard.press('End');
  assert.equal(await widget.getByRole('tab', { name: 'Account' }).getAttribute('aria-selected'), 'true');
  await page.keyboard.press('Home');
  assert.equal(await paste.getAttribute('aria-selected'), 'true');
  assert.deepEqual(await widget.getByRole('tab').evaluateAll((tabs) => tabs.map((tab) => tab.tabIndex)), [0, -1, -1], 'one tab stop');

  // Tab from the tablist through the whole widget: every stop is labelled and shows its focus.
  const stops = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const host = document.activeElement;
      const focused = host?.shadowRoot?.activeElement;
      if (!focused) return null;
      const style = getComputedStyle(focused);
      const name = focused.getAttribute('aria-label') || focused.labels?.[0]?.textContent || focused.textContent;
      return { tag: focused.tagName.toLowerCase(), name: name.trim().replace(/\s+/g, ' '), outline: style.outlineStyle, width: style.outlineWidth };
    });
    if (!stop) break;
    stops.push(stop);
  }
  const names = stops.map((stop) => stop.name);
  for (const wanted of ['Posts', 'Analyze', 'Owner', 'Owner\'s time zone', 'Download the report (JSON)', 'Download the posts (CSV)',
    'How Respond is measured', 'How Rhythm is measured', 'Written by', 'Signal', 'Words', 'When', 'Sentiment']) {
    assert.ok(names.some((name) => name.startsWith(wanted)), `Tab reaches "${wanted}": ${names.join(' | ')}`);
  }
  for (const stop of stops) {
    assert.ok(stop.name.length > 0, `a ${stop.tag} without a name`);
    assert.notEqual(stop.outline, 'none', `${stop.name} shows its focus`);
  }
});

test('Ctrl+Enter in the paste box analyses, without reaching for the mouse', async () => {
  await widget.getByRole('tab', { name: 'Paste' }).click();
  const box = widget.getByRole('textbox', { name: 'Posts', exact: true });
  await box.fill('@northwindcoffee thank you, lovely beans!\n@northwindcoffee where is my order?\n@northwindcoffee great service');
  await box.press('Enter'); // a plain Enter is a new line
  assert.match(await box.inputValue(), /great service\n$/);
  const event = await nextEvent(page, () => box.press('Control+Enter'));
  assert.equal(event.type, 'loopscore-complete');
  assert.equal(event.posts, 3);
});

test('text contrast passes WCAG AA in the light and the dark theme, and auto follows the system', async () => {
  const pairs = [['text', 'background'], ['text', 'surface'], ['muted', 'background'], ['muted', 'surface'],
    ['accent', 'background'], ['accent', 'surface'], ['positive', 'background'], ['positive', 'surface'],
    ['negative', 'background'], ['negative', 'surface'], ['on-accent', 'accent']];
  const palettes = {};
  for (const theme of ['light', 'dark']) {
    await widget.evaluate((element, value) => element.setAttribute('theme', value), theme);
    palettes[theme] = await widget.evaluate((element) => {
      const style = getComputedStyle(element);
      const names = ['text', 'background', 'surface', 'muted', 'accent', 'on-accent', 'positive', 'negative', 'mid', 'border'];
      return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(`--_${name}`).trim()]));
    });
    for (const [fore, back] of pairs) {
      const ratio = contrast(palettes[theme][fore], palettes[theme][back]);
      assert.ok(ratio >= 4.5, `${theme}: ${fore} on ${back} is ${ratio.toFixed(2)}:1, under 4.5:1`);
    }
    for (const graphic of ['mid', 'positive', 'negative', 'accent']) {
      const ratio = contrast(palettes[theme][graphic], palettes[theme].background);
      assert.ok(ratio >= 3, `${theme}: the ${graphic} bars are ${ratio.toFixed(2)}:1 against the background, under 3:1`);
    }
    const shown = await widget.evaluate((element) => getComputedStyle(element).backgroundColor);
    assert.deepEqual(rgb(shown), rgb(palettes[theme].background), `${theme}: the background is the palette's`);
  }
  assert.notEqual(palettes.light.background, palettes.dark.background);
  await widget.evaluate((element) => element.setAttribute('theme', 'auto'));
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await widget.evaluate((element) => getComputedStyle(element).getPropertyValue('--_background').trim()), palettes.dark.background);
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal(await widget.evaluate((element) => getComputedStyle(element).getPropertyValue('--_background').trim()), palettes.light.background);
});

test('a host themes it with --loop-score-* properties and ::part()', async () => {
  await widget.evaluate((element) => element.style.setProperty('--loop-score-accent', 'rgb(1, 2, 3)'));
  assert.equal(await widget.getByRole('button', { name: 'Analyze' }).evaluate((button) => getComputedStyle(button).backgroundColor), 'rgb(1, 2, 3)');
  await page.evaluate(() => { // a constructed sheet: the page's CSP forbids <style>
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('loop-score::part(gauge) { outline: 4px solid rgb(9, 8, 7); }');
    document.adoptedStyleSheets = [sheet];
  });
  assert.equal(await widget.locator('.gauge').evaluate((gauge) => getComputedStyle(gauge).outlineColor), 'rgb(9, 8, 7)');
  await page.evaluate(() => { document.adoptedStyleSheets = []; });
  await widget.evaluate((element) => element.style.removeProperty('--loop-score-accent'));
});

test('printed, the report stands alone: no form, no buttons, disclosures open', async () => {
  await page.emulateMedia({ media: 'print' });
  try {
    assert.equal(await widget.locator('.inputs').isVisible(), false);
    assert.equal(await widget.locator('.export').isVisible(), false);
    assert.ok(await widget.locator('.gauge').isVisible());
    assert.ok(await widget.locator('.chart-heatmap').isVisible());
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
  const respond = widget.locator('.dimension[data-key=respond] details');
  await respond.evaluate((details) => { details.open = false; });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.equal(await widget.locator('details:not([open])').count(), 0);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.equal(await respond.evaluate((details) => details.open), false, 'closed again after printing');
});

test('a screenshot of the report, non-blank, for the README', async () => {
  // The sample month, whatever the tests before left in the widget.
  const event = await nextEvent(page, () => page.getByRole('button', { name: 'Try it on a sample month' }).click());
  assert.equal(event.score, expected.loop.score.value);
  await widget.evaluate((element) => {
    element.setAttribute('theme', 'light');
    for (const details of element.shadowRoot.querySelectorAll('details')) details.open = false;
  });
  // From the gauge to the end of the charts, in page coordinates.
  const clip = await widget.evaluate((element) => {
    const report = element.shadowRoot.querySelector('.report').getBoundingClientRect();
    const charts = element.shadowRoot.querySelector('.charts').getBoundingClientRect();
    return { x: report.x - 16, y: report.y + scrollY - 8, width: report.width + 32, height: charts.bottom - report.y + 24 };
  });
  const dir = path.join(repoRoot, 'test-results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'report.png');
  await page.screenshot({ path: file, clip, fullPage: true });
  const colours = await countColours(readFileSync(file));
  assert.ok(colours > 50, `the screenshot has only ${colours} colours`);
  copyFileSync(file, path.join(repoRoot, 'docs/screenshot.png'));
});

test('a dimension the input cannot measure says so, with its reason and the re-weighting', async () => {
  const event = await nextEvent(page, async () => {
    await widget.getByRole('tab', { name: 'Paste' }).click();
    await widget.getByRole('textbox', { name: 'Posts', exact: true }).fill('We are pleased to announce our new roast.\nBig sale this weekend, shop now!');
    await widget.getByRole('textbox', { name: 'Owner', exact: true }).fill('');
    await widget.getByRole('button', { name: 'Analyze' }).click();
  });
  assert.equal(event.type, 'loopscore-complete');
  const report = await page.evaluate(() => window.loopscoreEvents.at(-1).report);
  const respond = report.loop.dimensions.respond;
  assert.equal(respond.measured, false);
  const item = widget.locator('.dimension[data-key=respond]');
  assert.equal(await item.locator('.dimension-value').textContent(), 'not measurable');
  assert.equal(await item.locator('.not-measurable').textContent(), `Not measurable from this input: ${respond.not_measurable}.`);
  assert.equal(await item.locator('.bar-fill').evaluate((fill) => fill.style.getPropertyValue('--value')), '');
  const summary = await widget.locator('.report-summary').textContent();
  assert.ok(report.loop.score.not_measured.includes('respond'));
  assert.match(summary, /re-weighted over the .*measured.* \([\d.]+ % of the weight\)/);
  assert.equal(summary.match(/re-weighted/g).length, 1, `said once: ${summary}`);
  assert.match(summary, /\(2 by the owner, 0 by others\)/, 'no "by 0 other authors" when posts carry no author');
  assert.equal(await widget.locator('table').count(), 1);
});

test('an input error says where, as an alert, and fires loopscore-error', async () => {
  const event = await nextEvent(page, async () => {
    await widget.getByRole('textbox', { name: 'Posts', exact: true }).fill('{"id":"1","text":"fine"}\n{"id":"2" "text":"x"}\n');
    await widget.getByRole('button', { name: 'Analyze' }).click();
  });
  // One bad JSONL line is skipped and listed, not fatal: the report says so.
  if (event.type === 'loopscore-complete') {
    assert.match(await widget.locator('.input-notes').textContent(), /1 record skipped/);
  }
  const failed = await nextEvent(page, async () => {
    await widget.getByRole('textbox', { name: 'Posts', exact: true }).fill('[{"id":"1","text":"fine"},\n{"id":"2" "text":"x"}]');
    await widget.getByRole('button', { name: 'Analyze' }).click();
  });
  assert.equal(failed.type, 'loopscore-error');
  assert.equal(failed.name, 'InputError');
  const alert = widget.getByRole('alert');
  assert.match(await alert.textContent(), /^pasted text, line 2, column \d+.*: invalid JSON/);
  assert.equal(failed.message, await alert.textContent());
});

test('src analyses a file of the page\'s own site, and refuses any other', async () => {
  const other = await newWatchedPage(session);
  try {
    await other.goto(`${session.server.url}strict-csp.html`);
    await other.waitForFunction(() => window.loopscoreEvents.length > 0, null, { timeout: 60_000 });
    const first = await other.evaluate(() => window.loopscoreEvents[0]);
    assert.equal(first.type, 'loopscore-complete');
    assert.equal(first.posts, expected.summary.posts);
    const elsewhere = 'http://127.0.0.2:9/posts.jsonl';
    const event = await nextEvent(other, () => other.locator('#widget').evaluate((element, url) => element.setAttribute('src', url), elsewhere));
    assert.equal(event.type, 'loopscore-error');
    assert.match(event.message, /^src must be on this site \(http:\/\/127\.0\.0\.1:\d+\), not http:\/\/127\.0\.0\.2:9$/);
    assert.ok(!session.requests.some((url) => url.startsWith('http://127.0.0.2')));
  } finally {
    await other.close();
  }
});

test('worker-src and wasm-src load the worker and the module from elsewhere on the site', async () => {
  // A site that keeps the worker (with its neighbours) in one folder and the module in another.
  cpSync(path.join(session.root, 'loopscore'), path.join(session.root, 'static/ls'), { recursive: true });
  rmSync(path.join(session.root, 'static/ls/loopscore.wasm'));
  mkdirSync(path.join(session.root, 'assets'), { recursive: true });
  copyFileSync(path.join(session.root, 'loopscore/loopscore.wasm'), path.join(session.root, 'assets/scorer.wasm'));
  writeFileSync(path.join(session.root, 'moved.html'), [
    '<!doctype html><meta charset="utf-8"><title>moved</title><link rel="icon" href="data:,">',
    '<script type="module" src="/loopscore/loop-score-define.js"></script>',
    '<loop-score worker-src="/static/ls/worker.js" wasm-src="assets/scorer.wasm">No WebAssembly.</loop-score>',
  ].join('\n'));
  const moved = await newWatchedPage(session);
  const start = session.requests.length;
  const workers = [];
  moved.on('worker', (worker) => workers.push(new URL(worker.url())));
  try {
    await moved.goto(`${session.server.url}moved.html`);
    const posts = await moved.locator('loop-score').evaluate((element) => element.analyze('I love it!\nWhere is my order?')
      .then((report) => report.summary.posts, (error) => `${error.name}: ${error.message}`));
    assert.equal(posts, 2);
    const asked = session.requests.slice(start).map((url) => new URL(url).pathname);
    assert.deepEqual(workers.map((url) => url.pathname), ['/static/ls/worker.js']);
    assert.equal(workers[0].searchParams.get('wasm'), `${session.server.url}assets/scorer.wasm`, 'wasm-src, resolved against the page');
    assert.ok(asked.includes('/assets/scorer.wasm'), asked.join(' '));
    assert.ok(!asked.some((pathname) => pathname.endsWith('/loopscore.wasm')), asked.join(' '));
  } finally {
    await moved.close();
  }
});

test('preload: the worker starts and loads the module once the page is idle, or, with preload="none", at the first analysis', async () => {
  const pageWith = (name, attributes) => writeFileSync(path.join(session.root, name), [
    '<!doctype html><meta charset="utf-8"><title>preload</title><link rel="icon" href="data:,">',
    '<script type="module" src="/loopscore/loop-score-define.js"></script>',
    `<loop-score ${attributes}>No WebAssembly.</loop-score>`,
  ].join('\n'));
  pageWith('preload-auto.html', '');
  pageWith('preload-none.html', 'preload="none"');
  const visit = async (name, analyse) => {
    const tab = await newWatchedPage(session);
    const start = session.requests.length;
    const workers = [];
    tab.on('worker', (worker) => workers.push(worker.url()));
    try {
      await tab.goto(`${session.server.url}${name}`);
      await tab.locator('loop-score').evaluate((element) => new Promise((resolve) => {
        const wait = () => (element.shadowRoot ? setTimeout(resolve, 1500) : requestAnimationFrame(wait));
        wait();
      }));
      const before = { workers: workers.length, wasm: session.requests.slice(start).filter((url) => url.endsWith('/loopscore.wasm')).length };
      const posts = analyse ? await tab.locator('loop-score').evaluate((element) => element.analyze('I love it!').then((r) => r.summary.posts)) : null;
      return { before, after: workers.length, posts };
    } finally {
      await tab.close();
    }
  };
  const auto = await visit('preload-auto.html', true);
  assert.deepEqual(auto.before, { workers: 1, wasm: 1 }, 'preloaded without any analysis');
  assert.equal(auto.after, 1, 'the analysis used the preloaded worker');
  assert.equal(auto.posts, 1);
  const none = await visit('preload-none.html', true);
  assert.deepEqual(none.before, { workers: 0, wasm: 0 }, 'nothing loaded before the first analysis');
  assert.equal(none.after, 1);
  assert.equal(none.posts, 1);
});

test('without WebAssembly the light-DOM fallback is shown instead', async () => {
  const bare = await newWatchedPage(session);
  try {
    await bare.addInitScript(() => { delete globalThis.WebAssembly; });
    await bare.goto(session.server.url);
    await bare.waitForFunction(() => customElements.get('loop-score') && document.querySelector('loop-score').shadowRoot);
    const fallback = bare.getByText('This analysis needs JavaScript and WebAssembly');
    assert.ok(await fallback.isVisible());
    assert.equal(await bare.locator('#widget').locator('textarea').count(), 0);
  } finally {
    await bare.close();
  }
});

test('defining twice is harmless, and no error or CSP violation happened', async () => {
  await page.evaluate(() => import('/loopscore/loop-score-define.js?again'));
  assert.equal(await page.evaluate(() => customElements.get('loop-score') === window.LoopScoreElement), true);
  assert.deepEqual(session.problems, []);
  assert.deepEqual(session.dialogs, []);
});

// WCAG 2 contrast ratio of two CSS colours (#rrggbb or rgb()).
function contrast(a, b) {
  const luminance = (colour) => {
    const [r, g, b] = rgb(colour).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

function rgb(colour) {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return hex.slice(1).map((h) => parseInt(h, 16));
  const match = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour);
  if (!match) throw new Error(`not a colour: ${colour}`);
  return match.slice(1).map(Number);
}

// Distinct colours in a PNG, decoded by the browser on a blank page.
async function countColours(png) {
  const blank = await session.context.newPage();
  try {
    return await blank.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      const colours = new Set();
      for (let i = 0; i < data.length; i += 4) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      return colours.size;
    }, png.toString('base64'));
  } finally {
    await blank.close();
  }
}
