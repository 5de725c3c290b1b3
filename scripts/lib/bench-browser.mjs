// The Chromium parts of scripts/bench: the wasm race in a module worker, a big analysis through
// LoopScoreClient (time, progress, renderer memory), and the widget's ready and first-report
// times. Each serves a private copy of the staged site with our pages beside it.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, STRICT_CSP } from './serve.mjs';

const CHROMIUM = process.env.LOOPSCORE_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A browser with a fresh profile; peakMemory() is the largest VmHWM of its renderer processes. */
async function launch() {
  const profile = mkdtempSync(path.join(tmpdir(), 'loopscore-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
  return {
    context,
    // Chromium's processes: those whose ancestry leads to the browser process started with our profile.
    renderers() {
      const procs = new Map();
      for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
          // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
          procs.set(Number(pid), { ppid: Number(fields[1]), cmdline, cpu: (Number(fields[11]) + Number(fields[12])) / 100 });
        } catch { /* gone */ }
      }
      const ours = new Set([...procs].filter(([, p]) => p.cmdline.includes(profile) && !p.cmdline.includes('--type=')).map(([pid]) => pid));
      for (let grew = true; grew;) {
        grew = false;
        for (const [pid, p] of procs) if (!ours.has(pid) && ours.has(p.ppid)) { ours.add(pid); grew = true; }
      }
      return [...ours].filter((pid) => procs.get(pid).cmdline.includes('--type=renderer')).map((pid) => ({ pid, ...procs.get(pid) }));
    },
    /** CPU seconds used so far by the renderer processes (pages and their workers). */
    rendererCpuSeconds() {
      return this.renderers().reduce((sum, r) => sum + r.cpu, 0);
    },
    /** The largest peak resident set (VmHWM) of a renderer process so far. */
    peakRendererBytes() {
      let peak = 0;
      for (const { pid } of this.renderers()) {
        try {
          const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
          if (hwm) peak = Math.max(peak, Number(hwm[1]) * 1024);
        } catch { /* gone */ }
      }
      return peak;
    },
    async close() {
      try { await context.close(); } finally { rmSync(profile, { recursive: true, force: true }); }
    },
  };
}

// The site copy, our pages written into it, a server on 127.0.0.1 and a browser.
async function withSite({ siteDir, extra = {}, csp = STRICT_CSP }, body) {
  const root = mkdtempSync(path.join(tmpdir(), 'loopscore-bench-site-'));
  let server, browser;
  try {
    cpSync(siteDir, root, { recursive: true });
    for (const [name, content] of Object.entries(extra)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      if (typeof content === 'string' || Buffer.isBuffer(content)) writeFileSync(path.join(root, name), content);
      else cpSync(content.copy, path.join(root, name));
    }
    server = await startServer({ root, port: 0, csp });
    browser = await launch();
    return await body({ url: server.url, browser, root });
  } finally {
    try { await browser?.close(); } finally {
      try { await server?.close(); } finally { rmSync(root, { recursive: true, force: true }); }
    }
  }
}

const PAGE = (script) => `<!doctype html><html><head><meta charset="utf-8"><title>bench</title>
<script type="module" src="${script}"></script></head><body></body></html>\n`;

/**
 * The per-post race in a module worker: the bench module scores the texts (one post a line) once
 * to warm up, then again for at least `minSeconds`. Resolves {posts, bytes, seconds}.
 */
export async function chromiumRace({ siteDir, benchGlue, benchWasm, textsFile, minSeconds = 2 }) {
  const worker = `import create from './loopscore-bench.js';
let module, at, length;
self.onmessage = async ({ data }) => {
  try {
    if (data === 'prepare') {
      module = await create();
      const bytes = new Uint8Array(await (await fetch('texts.txt')).arrayBuffer());
      length = bytes.length;
      at = module._malloc(length);
      module.HEAPU8.set(bytes, at);
      module._bench_score(at, length); // warm-up: tiers up, buffers grown
      self.postMessage({ ready: true });
      return;
    }
    let posts = 0, total = 0, checksum = 0;
    const start = performance.now();
    do {
      checksum += module._bench_score(at, length);
      posts += module._bench_posts();
      total += length;
    } while (performance.now() - start < ${minSeconds * 1000});
    self.postMessage({ posts, bytes: total, seconds: (performance.now() - start) / 1000, checksum });
  } catch (error) { self.postMessage({ error: String(error?.stack ?? error) }); }
};
`;
  const page = `const worker = new Worker('./race-worker.js', { type: 'module' });
const ask = (what) => new Promise((resolve) => { worker.onmessage = ({ data }) => resolve(data); worker.postMessage(what); });
window.prepare = () => ask('prepare');
window.race = () => ask('run');
`;
  return withSite({
    siteDir,
    extra: { 'race.html': PAGE('race.js'), 'race.js': page, 'race-worker.js': worker, 'texts.txt': { copy: textsFile },
      'loopscore-bench.js': { copy: benchGlue }, 'loopscore-bench.wasm': { copy: benchWasm } },
  }, async ({ url, browser }) => {
    const tab = await browser.context.newPage();
    await tab.goto(`${url}race.html`);
    await tab.waitForFunction(() => typeof window.prepare === 'function');
    const prepared = await tab.evaluate(() => window.prepare());
    if (prepared.error) throw new Error(`chromium race: ${prepared.error}`);
    const cpuBefore = browser.rendererCpuSeconds();
    const result = await tab.evaluate(() => window.race());
    if (result.error) throw new Error(`chromium race: ${result.error}`);
    return { ...result, cpuSeconds: browser.rendererCpuSeconds() - cpuBefore };
  });
}

/**
 * Analyses `inputFiles` (paths: one JSONL file, a tweets.js, a set of Mastodon pages) in Chromium
 * as a visitor's Files would be: fetched to Blobs on the page, then LoopScoreClient.analyze() in
 * its worker. Resolves {seconds, cpuSeconds, progressEvents, peakBytes, posts}: the wall time of
 * analyze(), the renderer's CPU time over the same span (the files are in the page and the worker
 * ready before either starts, as a visitor's Files and the preloaded widget would be), the peak
 * resident memory of the renderer.
 */
export async function chromiumAnalyze({ siteDir, inputFiles, onProgress }) {
  const names = inputFiles.map((file, i) => `${i}-${path.basename(file)}`);
  const page = `import { LoopScoreClient } from './loopscore/client.js';
let files, client;
window.prepareBig = async () => {
  client = new LoopScoreClient(); // its worker loads and warms up the module while the files are fetched
  files = [];
  for (const name of ${JSON.stringify(names)}) {
    const blob = await (await fetch('big/' + name)).blob();
    files.push(new File([blob], name.slice(name.indexOf('-') + 1)));
  }
  await client.ready();
};
window.analyzeBig = async () => {
  let progressEvents = 0, last = null;
  const start = performance.now();
  try {
    // Without the per-post list, as the widget asks for inputs of more than a few MB (web/element/analysis.js).
    const { report } = await client.analyze(files, { include_posts: false }, { onProgress: (p) => { progressEvents++; last = p; window.lastProgress = p; } });
    return { seconds: (performance.now() - start) / 1000, progressEvents, posts: report.summary?.posts ?? null };
  } catch (error) {
    return { error: (error?.name ?? '') + ': ' + (error?.message ?? String(error)), seconds: (performance.now() - start) / 1000, progressEvents };
  } finally { client.terminate(); }
};
`;
  const extra = { 'big.html': PAGE('big.js'), 'big.js': page };
  inputFiles.forEach((file, i) => { extra[`big/${names[i]}`] = { copy: file }; });
  return withSite({ siteDir, extra }, async ({ url, browser }) => {
    const tab = await browser.context.newPage();
    await tab.goto(`${url}big.html`);
    await tab.waitForFunction(() => typeof window.analyzeBig === 'function');
    await tab.evaluate(() => window.prepareBig());
    const cpuBefore = browser.rendererCpuSeconds();
    const running = tab.evaluate(() => window.analyzeBig());
    const timer = setInterval(async () => {
      try { onProgress?.(await tab.evaluate(() => window.lastProgress)); } catch { /* page busy or closed */ }
    }, 1000);
    try {
      const result = await running;
      return { ...result, cpuSeconds: browser.rendererCpuSeconds() - cpuBefore, peakBytes: browser.peakRendererBytes() };
    } finally { clearInterval(timer); }
  });
}

/**
 * The widget on a page as a site owner embeds it: ms from navigation start to <loop-score> being
 * defined, built and painted (ready), then ms for element.analyze() of `text` (1 k posts) to
 * resolve with the report drawn and painted (first report; includes starting the worker and
 * loading the wasm), called at once; and on other page loads, called `pauseMs` after ready, as a
 * visitor who takes a moment to paste (the element preloads and warms the worker meanwhile).
 * The page times itself, from its own script: a driver asking through the DevTools protocol
 * would get there only after the load event and a round trip, and count that as the widget's.
 */
export async function widgetTimes({ siteDir, text, runs = 3, pauseMs = 2000 }) {
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>widget</title>
<script type="module" src="loopscore/loop-score-define.js"></script>
<script type="module" src="widget.js"></script></head>
<body><loop-score source="paste"><p>needs JavaScript</p></loop-score></body></html>\n`;
  const script = `const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
const pauseMs = Number(new URLSearchParams(location.search).get('pause') ?? 0);
const posts = fetch('posts-1k.jsonl').then((response) => response.text()); // what the visitor will paste
window.widgetRun = (async () => {
  await customElements.whenDefined('loop-score');
  const element = document.querySelector('loop-score');
  while (!element.shadowRoot) await frame();
  await frame(); // painted
  const ready = performance.now();
  const text = await posts;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, ready + pauseMs - performance.now())));
  const start = performance.now();
  const report = await element.analyze(text);
  await frame();
  const firstReport = performance.now() - start;
  const again = performance.now();
  await element.analyze(text); // the worker and wasm loaded: the analysis and drawing alone
  await frame();
  return { ready, firstReport, secondReport: performance.now() - again, posts: report?.summary?.posts ?? null };
})();
`;
  return withSite({
    siteDir, extra: { 'widget.html': page, 'widget.js': script, 'posts-1k.jsonl': text },
  }, async ({ url, browser }) => {
    const load = async (pause) => {
      const tab = await browser.context.newPage();
      await tab.goto(`${url}widget.html?pause=${pause}`);
      await tab.waitForFunction(() => window.widgetRun instanceof Promise);
      const sample = await tab.evaluate(() => window.widgetRun);
      await tab.close();
      return sample;
    };
    const samples = [], paused = [];
    for (let i = 0; i < runs; i++) samples.push(await load(0));
    for (let i = 0; i < runs; i++) paused.push(await load(pauseMs));
    // The first load compiles everything cold; report the median of the runs, and the first.
    const median = (list, key) => list.map((s) => s[key]).sort((a, b) => a - b)[Math.floor(list.length / 2)];
    return { ready: median(samples, 'ready'), firstReport: median(samples, 'firstReport'), secondReport: median(samples, 'secondReport'),
      coldReady: samples[0].ready, coldFirstReport: samples[0].firstReport, posts: samples[0].posts,
      pauseMs, pausedFirstReport: median(paused, 'firstReport') };
  });
}
