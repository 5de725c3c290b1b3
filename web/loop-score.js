// <loop-score>: paste, drop or fetch posts; analyse them in a Web Worker; show how well the
// account runs the social feedback loop. Open Shadow DOM, configured by attributes, themed by
// --loop-score-* custom properties and ::part(); data is only ever rendered as text.
//   <loop-score owner="@acme" timezone="+01:00" source="paste|file|account" theme="light|dark|auto"
//     src="same-origin URL to analyse" fetch-limit="200" worker-src="…/worker.js" wasm-src="…/loopscore.wasm"
//     preload="auto|none">
//     light-DOM fallback, shown without JavaScript or WebAssembly
//   </loop-score>
// preload: auto (the default) starts the worker, which loads and warms up the module, once the
// browser is idle after the element is shown, so the first report comes fast; none waits for the
// first analysis. Either way only this site's own files are fetched.
// Events (bubbling, composed): loopscore-complete (detail: the report), loopscore-error (detail: {name, message}).
import { describeError, LoopScoreClient } from './client.js';
import { runJob } from './element/analysis.js';
import { h } from './element/dom.js';
import { formatScore, plural } from './element/format.js';
import { inputsPanel, MAX_FETCH_LIMIT } from './element/inputs-panel.js';
import { progressStrip } from './element/progress.js';
import { adoptStyles } from './element/styles.js';

const DEFAULT_FETCH_LIMIT = 200;

// The report's drawing code (charts, tables, exports: half the element's code) loads when the
// first analysis starts, beside it, so that the element itself is drawn sooner (not with the
// idle preload: loading it then delayed the page's other scripts). A failed load is forgotten,
// so that a later analysis tries again.
let reportViewLoading = null;
function loadReportView() {
  reportViewLoading ??= import('./element/report-view.js').catch((thrown) => {
    reportViewLoading = null;
    throw thrown;
  });
  return reportViewLoading;
}

/** The <loop-score> custom element (defined by loop-score-define.js). */
export class LoopScoreElement extends HTMLElement {
  static observedAttributes = ['owner', 'timezone', 'source', 'src', 'fetch-limit', 'worker-src', 'wasm-src'];

  #client = null;
  #controller = null;
  #src = null; // the src last analysed, so that moving the element does not analyse it again
  #ui = null;
  #report = null;
  #preloadHandle = null;
  #openForPrint = () => this.shadowRoot?.querySelectorAll('details:not([open])').forEach((details) => {
    details.open = true;
    details.dataset.print = '';
  });
  #closeAfterPrint = () => this.shadowRoot?.querySelectorAll('details[data-print]').forEach((details) => {
    details.open = false;
    delete details.dataset.print;
  });

  /** The last report shown (parsed), or null. */
  get report() {
    return this.#report;
  }

  connectedCallback() {
    if (!this.shadowRoot) this.#build(this.attachShadow({ mode: 'open' }));
    window.addEventListener('beforeprint', this.#openForPrint);
    window.addEventListener('afterprint', this.#closeAfterPrint);
    this.#analyseSrc();
    this.#schedulePreload();
  }

  disconnectedCallback() {
    window.removeEventListener('beforeprint', this.#openForPrint);
    window.removeEventListener('afterprint', this.#closeAfterPrint);
    this.#cancelPreload();
    this.cancel();
    this.#client?.terminate();
    this.#client = null;
  }

  attributeChangedCallback(name, previous, value) {
    if (!this.#ui || previous === value) return;
    if (name === 'owner' || name === 'timezone') this.#ui.inputs.setSettings({ [name]: value ?? '' });
    else if (name === 'fetch-limit') this.#ui.inputs.setSettings({ fetchLimit: this.#fetchLimit() });
    else if (name === 'source') this.#ui.inputs.select(value);
    else if (name === 'src') {
      if (value === null) this.#src = null; // removing src and setting it again analyses again
      if (this.isConnected) this.#analyseSrc();
    }
    else if (name === 'worker-src' || name === 'wasm-src') this.#resetClient();
  }

  /** Analyses text, a File or several Files as the user would; resolves the report, rejects with the error shown. */
  analyze(input) {
    const files = [input].flat();
    const job = typeof input === 'string' ? { kind: 'text', text: input } : { kind: 'files', files };
    return this.#run(job, true);
  }

  /** Fetches and analyses a public Mastodon or Bluesky account by handle. */
  analyzeAccount(handle, { limit = this.#fetchLimit() } = {}) {
    return this.#run({ kind: 'account', handle, limit }, true);
  }

  /** Stops the running work, if any (the worker serves the next analysis). */
  cancel() {
    this.#controller?.abort();
  }

  // The shadow tree: the inputs, progress, an error line and the report; only the fallback
  // slot when this browser cannot run the analysis.
  #build(root) {
    if (typeof WebAssembly !== 'object' || typeof Worker !== 'function') {
      root.append(h('slot'));
      return;
    }
    adoptStyles(root);
    const inputs = inputsPanel({
      source: this.getAttribute('source') ?? 'paste',
      owner: this.getAttribute('owner') ?? '',
      timezone: this.getAttribute('timezone') ?? localUtcOffset(),
      fetchLimit: this.#fetchLimit(),
    }, (job) => this.#run(job));
    const progress = progressStrip(() => this.cancel());
    const error = h('p', { class: 'error', role: 'alert', part: 'error', hidden: true });
    const output = h('div', { class: 'output' });
    root.append(
      h('p', { class: 'hint privacy', part: 'privacy' }, 'Analysed in your browser: nothing you paste or drop leaves this page.'),
      inputs.element, progress.element, error, output);
    this.#ui = { inputs, progress, error, output };
  }

  // Analyses the src attribute's file, unless it is the one shown already.
  #analyseSrc() {
    const src = this.getAttribute('src');
    if (!src || !this.#ui || src === this.#src) return;
    this.#src = src;
    this.#run({ kind: 'url', url: src });
  }

  // Runs one job: gathers the inputs, analyses them in the worker, shows the report. A new job
  // replaces a running one. Resolves the report (or null); with `rethrow`, rejects on failure.
  async #run(job, rethrow = false) {
    if (!this.#ui) throw new Error('<loop-score> cannot analyse in this browser (no WebAssembly or Worker)');
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const { inputs, progress, error, output } = this.#ui;
    const current = () => this.#controller === controller;
    inputs.setBusy(true);
    error.hidden = true;
    progress.start(job.kind === 'account' ? 'Fetching the account…' : 'Reading…');
    try {
      if (job.kind === 'account') inputs.setSettings({ owner: job.handle.trim() });
      const { owner, timezone } = inputs.settings();
      const client = this.#ensureClient();
      const viewLoading = loadReportView(); // meanwhile
      viewLoading.catch(() => {}); // awaited below; a failure there is the one reported
      const { report, text, postsLeftOut } = await runJob(client, job, { owner, timezone }, {
        signal: controller.signal,
        onProgress: (update) => { if (current()) progress.update(update); },
      });
      if (!current()) return null;
      progress.update({ phase: 'drawing' });
      const { reportView } = await viewLoading;
      if (!current()) return null;
      output.replaceChildren(reportView(report, text, { postsLeftOut }));
      this.#report = report;
      const posts = report.summary?.posts ?? 0;
      progress.finish(`Done: Loop Score ${formatScore(report.loop?.score?.value ?? null)} from ${plural(posts, 'post')}.`);
      this.dispatchEvent(new CustomEvent('loopscore-complete', { detail: report, bubbles: true, composed: true }));
      return report;
    } catch (thrown) {
      if (!current()) return null;
      if (controller.signal.aborted || thrown?.name === 'AbortError') {
        progress.finish('Cancelled.');
      } else {
        const detail = { name: thrown?.name || 'Error', message: errorText(thrown) };
        if (detail.name === 'InvalidHandle') inputs.showAccountError(detail.message);
        else {
          error.hidden = false; // shown first, so that the alert is announced when its text arrives
          error.textContent = detail.message;
        }
        progress.finish('Failed: see the message above.');
        if (detail.name === 'LoadError') this.#resetClient({ preload: false }); // a later try starts a fresh worker
        this.dispatchEvent(new CustomEvent('loopscore-error', { detail, bubbles: true, composed: true }));
      }
      if (rethrow) throw thrown;
      return null;
    } finally {
      if (current()) {
        this.#controller = null;
        inputs.setBusy(false);
      }
    }
  }

  // The worker client, started now if it is not yet.
  #ensureClient() {
    this.#cancelPreload();
    this.#client ??= new LoopScoreClient({ workerUrl: this.#workerUrl() });
    return this.#client;
  }

  // With preload="auto" (the default), starts the worker when the browser is next idle.
  #schedulePreload() {
    if (!this.#ui || this.#client || this.#preloadHandle || this.getAttribute('preload') === 'none') return;
    const start = () => {
      this.#preloadHandle = null;
      if (this.isConnected) this.#ensureClient();
    };
    this.#preloadHandle = typeof requestIdleCallback === 'function'
      ? { idle: requestIdleCallback(start, { timeout: 1000 }) }
      : { timer: setTimeout(start, 200) };
  }

  #cancelPreload() {
    if (this.#preloadHandle?.idle !== undefined) cancelIdleCallback(this.#preloadHandle.idle);
    if (this.#preloadHandle?.timer !== undefined) clearTimeout(this.#preloadHandle.timer);
    this.#preloadHandle = null;
  }

  // Stops the worker; the next analysis (or, unless told not to, the preload) starts a fresh one.
  #resetClient({ preload = true } = {}) {
    this.#client?.terminate();
    this.#client = null;
    if (preload && this.isConnected) this.#schedulePreload();
  }

  // worker-src, or worker.js beside this file; wasm-src is handed to the worker as ?wasm=.
  #workerUrl() {
    const workerSrc = this.getAttribute('worker-src');
    const url = workerSrc ? new URL(workerSrc, document.baseURI) : new URL('./worker.js', import.meta.url);
    const wasm = this.getAttribute('wasm-src');
    if (wasm) url.searchParams.set('wasm', new URL(wasm, document.baseURI).href);
    return url;
  }

  #fetchLimit() {
    const value = Number(this.getAttribute('fetch-limit'));
    return Number.isInteger(value) && value > 0 ? Math.min(value, MAX_FETCH_LIMIT) : DEFAULT_FETCH_LIMIT;
  }
}

// What went wrong and, for an input error, in which input and where (an account error names its account itself).
function errorText(error) {
  if (error?.name === 'InputError' || error?.line || error?.record) return describeError(error);
  return String(error?.message ?? error);
}

// This browser's current offset from UTC as "+01:00".
function localUtcOffset() {
  const minutes = -new Date().getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
