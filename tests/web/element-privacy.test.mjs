// The widget as a guest on someone's site (issue 8), in Chromium. Served with no CSP at all, so
// that markup, if any were ever parsed, would run: posts, author names, URLs and file names
// carrying script, HTML, CSS and template payloads render as inert text, nothing runs, links
// are http(s) only, the host page's DOM is untouched, CSV exports defuse formulas, and nothing
// leaves the origin or lands in cookies or storage. Then the strict-CSP page, by meta and header.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { startServer, STRICT_CSP } from '../../scripts/lib/serve.mjs';
import { newWatchedPage, nextEvent, openElementSite } from './lib/element-page.mjs';
import { FILE_NAME_PAYLOADS, FORMULA_PAYLOADS, TEXT_PAYLOADS, URL_PAYLOADS } from './lib/injection-payloads.mjs';
import { parseCsv } from './lib/rfc4180.mjs';

/** Tags the widget itself draws with: anything else in its shadow tree came from data. */
const OWN_TAGS = new Set(['div', 'section', 'article', 'header', 'p', 'span', 'strong', 'h2', 'h3', 'h4', 'ol', 'ul', 'li',
  'dl', 'dt', 'dd', 'label', 'input', 'textarea', 'select', 'option', 'button', 'form', 'progress', 'details', 'summary',
  'figure', 'figcaption', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'a',
  'svg', 'g', 'path', 'rect', 'line', 'text', 'title']);

let session;
let page;
let widget;

before(async () => {
  session = await openElementSite({ csp: null });
  page = session.page;
  widget = page.locator('#widget');
  await page.goto(session.server.url);
  // Watch the host page: any change outside the element's shadow root is a failure.
  await page.evaluate(() => {
    window.hostBefore = document.documentElement.outerHTML;
    window.hostMutations = [];
    new MutationObserver((records) => window.hostMutations.push(...records.map((r) => `${r.type} on ${r.target.nodeName}`)))
      .observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  });
});

after(async () => {
  await session?.close();
});

// A JSONL export of one owner post and one reply per payload, by an author named with a payload.
function hostileExport() {
  const lines = [JSON.stringify({ id: 'o1', author: 'shop', created_at: '2024-03-01T09:00:00Z', text: 'Our new roast is out. What do you think?' })];
  TEXT_PAYLOADS.forEach((text, i) => {
    lines.push(JSON.stringify({ id: `p${i}`, author: TEXT_PAYLOADS[(i + 7) % TEXT_PAYLOADS.length], in_reply_to: 'o1',
      created_at: `2024-03-0${1 + (i % 9)}T1${i % 10}:00:00Z`, url: URL_PAYLOADS[i % URL_PAYLOADS.length], text, likes: i }));
  });
  return `${lines.join('\n')}\n`;
}

test('posts, authors, URLs and file names carrying payloads render as inert text', async () => {
  await widget.getByRole('textbox', { name: 'Owner', exact: true }).fill('shop');
  await widget.getByRole('tab', { name: 'Files' }).click();
  const event = await nextEvent(page, () => widget.locator('input[type=file]').setInputFiles({
    name: FILE_NAME_PAYLOADS[0], mimeType: 'application/jsonl', buffer: Buffer.from(hostileExport()),
  }));
  assert.equal(event.type, 'loopscore-complete', event.message);
  const report = await page.evaluate(() => window.loopscoreEvents.at(-1).report);
  const texts = new Set(report.posts.map((post) => post.text));
  for (const payload of TEXT_PAYLOADS) assert.ok(texts.has(payload), `the core kept ${JSON.stringify(payload)} as it was`);

  // Everything the widget can show: every list entry, every table row, every disclosure.
  await revealEverything();
  const cells = await widget.locator('tbody .post-text').allTextContents();
  assert.deepEqual(new Set(cells), texts, 'each post text shows as itself');
  const authors = await widget.locator('tbody .cell-author').allTextContents();
  assert.deepEqual(new Set(authors), new Set(report.posts.map((post) => `@${post.author}`)));
  for (const payload of TEXT_PAYLOADS) assert.ok(authors.includes(`@${payload}`), `author ${JSON.stringify(payload)}`);
  assert.match(await widget.locator('.input-notes').textContent(), new RegExp(escape(FILE_NAME_PAYLOADS[0])));
  const listed = await widget.locator('.item-text').allTextContents();
  assert.ok(listed.some((text) => TEXT_PAYLOADS.includes(text)), 'payloads reach the lists too');

  // The pasted path, and a second hostile file name.
  await nextEvent(page, async () => {
    await widget.getByRole('tab', { name: 'Paste' }).click();
    await widget.getByRole('textbox', { name: 'Posts', exact: true }).fill(TEXT_PAYLOADS.join('\n'));
    await widget.getByRole('button', { name: 'Analyze' }).click();
  });
  await revealEverything();
  assert.deepEqual(new Set(await widget.locator('tbody .post-text').allTextContents()), new Set(TEXT_PAYLOADS));
  await widget.getByRole('tab', { name: 'Files' }).click();
  const second = await nextEvent(page, () => widget.locator('input[type=file]').setInputFiles({
    name: FILE_NAME_PAYLOADS[1], mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([{ id: '1', text: TEXT_PAYLOADS[1] }])),
  }));
  assert.equal(second.type, 'loopscore-complete', second.message);
  assert.match(await widget.locator('.input-notes').textContent(), new RegExp(escape(FILE_NAME_PAYLOADS[1])));
});

test('nothing ran, nothing was injected, the host page is untouched', async () => {
  await page.waitForTimeout(500); // let any timer, load or animation event that might have been planted fire
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(session.dialogs, []);
  const shadow = await widget.evaluate((element) => {
    const nodes = [...element.shadowRoot.querySelectorAll('*')];
    return {
      tags: [...new Set(nodes.map((node) => node.localName))],
      handlers: nodes.flatMap((node) => [...node.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${node.localName}[${a.name}]`)),
      scriptish: nodes.flatMap((node) => [...node.attributes].filter((a) => /^\s*(javascript|vbscript|data):/i.test(a.value)).map((a) => a.value)),
      links: nodes.filter((node) => node.localName === 'a').map((a) => ({ href: a.getAttribute('href'), rel: a.rel, target: a.target })),
      styles: element.shadowRoot.adoptedStyleSheets.length,
      visible: getComputedStyle(element).display !== 'none' && getComputedStyle(element).visibility !== 'hidden',
    };
  });
  assert.deepEqual(shadow.tags.filter((tag) => !OWN_TAGS.has(tag)), [], 'only the widget\'s own elements');
  assert.deepEqual(shadow.handlers, [], 'no event handler attributes');
  assert.deepEqual(shadow.scriptish, [], 'no javascript:/data: values');
  assert.equal(shadow.styles, 1, 'only the widget\'s own stylesheet');
  assert.ok(shadow.visible, 'CSS payloads did not hide the widget');
  for (const link of shadow.links) {
    assert.match(link.href, /^https?:\/\//, `link ${link.href}`);
    assert.equal(link.rel, 'noopener noreferrer');
    assert.equal(link.target, '_blank');
  }
  const host = await page.evaluate(() => ({ same: document.documentElement.outerHTML === window.hostBefore, mutations: window.hostMutations }));
  assert.deepEqual(host.mutations, [], 'no change to the host page\'s DOM');
  assert.ok(host.same, 'the host page\'s markup is as it was');
  assert.equal(await page.evaluate(() => document.querySelectorAll('script').length), 2, 'the page\'s own two scripts, no more');
});

test('the CSV export defuses spreadsheet formulas and keeps the text otherwise exact', async () => {
  const lines = FORMULA_PAYLOADS.map((text, i) => JSON.stringify({ id: `f${i}`, author: FORMULA_PAYLOADS[(i + 1) % FORMULA_PAYLOADS.length], text }));
  lines.push(JSON.stringify({ id: 'q', author: 'ok', text: 'She said "hi", then left;\nnew line, comma' }));
  await widget.getByRole('tab', { name: 'Paste' }).click();
  await nextEvent(page, async () => {
    await widget.getByRole('textbox', { name: 'Posts', exact: true }).fill(lines.join('\n'));
    await widget.getByRole('button', { name: 'Analyze' }).click();
  });
  const [download] = await Promise.all([page.waitForEvent('download'), widget.getByRole('button', { name: 'Download the posts (CSV)' }).click()]);
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  assert.ok(text.endsWith('\r\n'));
  const [header, ...rows] = parseCsv(text);
  const column = (name) => header.indexOf(name);
  const byId = new Map(rows.map((row) => [row[column('id')], row]));
  FORMULA_PAYLOADS.forEach((payload, i) => {
    const row = byId.get(`f${i}`);
    assert.equal(row[column('text')], `'${payload}`, `text ${JSON.stringify(payload)}`);
    assert.equal(row[column('author')], `'${FORMULA_PAYLOADS[(i + 1) % FORMULA_PAYLOADS.length]}`);
  });
  assert.equal(byId.get('q')[column('text')], 'She said "hi", then left;\nnew line, comma');
  for (const row of rows) {
    for (const cell of row) assert.doesNotMatch(cell, /^[=+@\t\r]/, `a live formula: ${JSON.stringify(cell)}`);
    assert.equal(row.length, header.length);
  }
});

test('no request left the origin, no cookie, no storage', async () => {
  const origin = new URL(session.server.url).origin;
  const foreign = session.requests.filter((url) => !url.startsWith('blob:') && new URL(url).origin !== origin);
  assert.deepEqual(foreign, []);
  assert.deepEqual(await session.context.cookies(), []);
  const stored = await page.evaluate(async () => ({
    cookie: document.cookie,
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).map((db) => db.name),
    caches: await caches.keys(),
  }));
  assert.deepEqual(stored, { cookie: '', local: 0, session: 0, databases: [], caches: [] });
  assert.deepEqual(session.problems, []);
});

test('the strict-CSP page works, by its meta policy alone and with the server\'s header too', async () => {
  for (const csp of [null, STRICT_CSP]) {
    const server = await startServer({ root: session.root, port: 0, csp });
    const strict = await newWatchedPage(session);
    try {
      await strict.addInitScript(() => {
        window.violations = [];
        document.addEventListener('securitypolicyviolation', (event) => window.violations.push(`${event.violatedDirective} ${event.blockedURI}`));
      });
      const response = await strict.goto(`${server.url}strict-csp.html`);
      assert.equal(response.headers()['content-security-policy'], csp ?? undefined);
      assert.match(await strict.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content'), /script-src 'self' 'wasm-unsafe-eval'/);
      await strict.waitForFunction(() => window.loopscoreEvents.length > 0, null, { timeout: 60_000 });
      const event = await strict.evaluate(() => window.loopscoreEvents[0]);
      assert.equal(event.type, 'loopscore-complete', `${csp ? 'header' : 'meta'}: ${event.message}`);
      assert.equal(await strict.locator('#widget .dimension').count(), 7);
      assert.ok(await strict.locator('#widget .gauge').isVisible());
      assert.deepEqual(await strict.evaluate(() => window.violations), [], 'the widget needs no exception');
      // The policy is in force: an inline style attribute is refused.
      const refused = await strict.evaluate(() => new Promise((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
        document.body.setAttribute('style', 'color: red');
        setTimeout(() => resolve('allowed'), 1000);
      }));
      assert.match(refused, /^style-src/);
    } finally {
      await strict.close();
      await server.close();
    }
  }
});

// Opens every disclosure, shows every list entry and every table row.
async function revealEverything() {
  await widget.evaluate((element) => {
    const root = element.shadowRoot;
    for (const details of root.querySelectorAll('details')) details.open = true;
    for (const button of root.querySelectorAll('.action-list button')) button.click();
    let more;
    while ((more = root.querySelector('.posts > button:not([hidden])'))) more.click();
  });
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
