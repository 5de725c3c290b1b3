// A browser page on a private copy of the staged site (element-site.mjs), served on 127.0.0.1,
// with everything the element tests watch: every request, errors, dialogs, and the element's
// events (caught on the document, so they must bubble out of the shadow root).
import { startServer, STRICT_CSP } from '../../../scripts/lib/serve.mjs';
import { launchBrowser } from './browser.mjs';
import { stageElementSite } from './element-site.mjs';

/** Serves the site (session.root) under `csp` (null: none) and opens a page; close() stops everything, even half-started. */
export async function openElementSite({ csp = STRICT_CSP, viewport = { width: 1200, height: 900 } } = {}) {
  const session = { requests: [], problems: [], dialogs: [] };
  const site = await stageElementSite();
  session.root = site.root;
  session.close = async () => {
    try {
      await session.browser?.close();
    } finally {
      try {
        await session.server?.close();
      } finally {
        site.cleanup();
      }
    }
  };
  try {
    session.server = await startServer({ root: site.root, port: 0, csp });
    session.browser = await launchBrowser();
    session.context = session.browser.context;
    session.context.on('request', (request) => session.requests.push(request.url()));
    session.page = await newWatchedPage(session);
    await session.page.setViewportSize(viewport);
  } catch (error) {
    await session.close();
    throw error;
  }
  return session;
}

/** A page of the session's context with the watchers installed. */
export async function newWatchedPage(session) {
  const page = await session.context.newPage();
  page.on('pageerror', (error) => session.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') session.problems.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    session.dialogs.push(dialog.message());
    return dialog.dismiss();
  });
  await page.addInitScript(() => {
    window.loopscoreEvents = [];
    for (const type of ['loopscore-complete', 'loopscore-error']) {
      document.addEventListener(type, (event) => window.loopscoreEvents.push(type === 'loopscore-complete'
        ? { type, score: event.detail.loop?.score?.value ?? null, posts: event.detail.summary?.posts, report: event.detail }
        : { type, ...event.detail }));
    }
  });
  return page;
}

/** Runs `action` and resolves the next element event after it (complete or error). */
export async function nextEvent(page, action, { timeout = 60_000 } = {}) {
  const seen = await page.evaluate(() => window.loopscoreEvents.length);
  await action();
  await page.waitForFunction((n) => window.loopscoreEvents.length > n, seen, { timeout });
  return page.evaluate((n) => {
    const { report, ...event } = window.loopscoreEvents[n];
    return event;
  }, seen);
}

/** The widget's status line (the polite live region). */
export function statusText(page, widget = 'loop-score') {
  return page.locator(widget).locator('.status').textContent();
}
