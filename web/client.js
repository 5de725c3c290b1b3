// LoopScoreClient: the page-side API. Each call is one request to a module worker, which reads
// the inputs in chunks (a File is never read on the page) and answers with the output, progress
// events on the way; a call can be cancelled with an AbortSignal, and the worker serves the next
// one afterwards. Calls run one at a time, in order.
import { cancelRequest, LoopScoreError, versionRequest, workRequest } from './protocol.js';

export { describeError, describeLocation, LoopScoreError } from './protocol.js';

/** How long a cancelled call may take to stop before the worker is replaced (ms). */
export const CANCEL_GRACE_MS = 1000;

const utf8 = new TextDecoder(); // the worker's reports arrive as UTF-8 bytes (protocol.js)

/** Runs loopscore in a Web Worker so the page never freezes. */
export class LoopScoreClient {
  #workerUrl;
  #cancelGraceMs;
  #worker = null;
  #queue = [];           // calls not yet sent
  #current = null;       // the call the worker is working on
  #nextId = 1;
  #ready = null;
  #broken = null;        // an error every call rejects with (the worker could not load)
  #terminated = false;

  /** Starts the worker; `workerUrl` defaults to worker.js next to this file. */
  constructor({ workerUrl = new URL('./worker.js', import.meta.url), cancelGraceMs = CANCEL_GRACE_MS } = {}) {
    this.#workerUrl = workerUrl;
    this.#cancelGraceMs = cancelGraceMs;
    this.#start();
  }

  /** Resolves with {version} once the WebAssembly module is loaded (calls wait for it anyway). */
  ready() {
    this.#ready ??= this.#call({ type: 'version' }).then((version) => ({ version }));
    return this.#ready;
  }

  /**
   * The full report over `inputs` (a string, ArrayBuffer, Uint8Array, Blob/File, or an array of
   * those or of {name, data}): resolves {report, text}, the parsed report and its JSON text
   * (schema loopscore/1). A .zip (an X archive…) is unzipped in the worker. `options` are the
   * core's (owner, timezone, weights, include_posts…). `onProgress({phase, input, done, total,
   * unit})`, `signal` (AbortSignal: rejects with AbortError), `archiveLimits` (sources/archive.js).
   */
  async analyze(inputs, options = {}, { onProgress, signal, archiveLimits } = {}) {
    const bytes = await this.#call({ type: 'analyze', inputs, options, onProgress, signal, archiveLimits });
    const text = utf8.decode(bytes);
    return { report: JSON.parse(text), text };
  }

  /** One JSON object per post, one per line (JSONL text), over each input in turn. Same arguments. */
  score(inputs, options = {}, { onProgress, signal, archiveLimits } = {}) {
    return this.#call({ type: 'score', inputs, options, onProgress, signal, archiveLimits });
  }

  /**
   * Fetches a public Mastodon (@user@instance) or Bluesky (handle) account on this page
   * (sources/account.js) and analyzes it: resolves {report, text, inputs, account, skipped}.
   * Extras: `limit`, `threads`, `origin`, `fetch` (as fetchMastodonAccount's), `onProgress`
   * (phase 'fetching', then 'reading'…), `signal`. Rejects with a LoopScoreError named as the
   * SourceError was (NotFound, RateLimited…) or as analyze's errors.
   */
  async analyzeAccount(account, options = {}, { onProgress, signal, limit, threads, origin, fetch } = {}) {
    const { fetchAccount } = await import('./sources/account.js');
    let inputs;
    try {
      inputs = await fetchAccount(account, { limit, threads, origin, fetch, onProgress, signal });
    } catch (error) {
      if (error?.name === 'AbortError') throw aborted();
      throw new LoopScoreError({ name: error?.name ?? 'Error', message: error?.message ?? String(error), input: account });
    }
    const result = await this.analyze(inputs, options, { onProgress, signal });
    return { ...result, inputs, account: inputs.account, skipped: inputs.skipped };
  }

  /** Stops the worker (cancelling any running call); pending and later calls reject with AbortError. */
  terminate() {
    this.#terminated = true;
    this.#worker?.terminate();
    this.#fail({ name: 'AbortError', message: 'the loopscore client was terminated' });
  }

  // Queues a call and returns its promise; inputs are checked here, on the page.
  #call({ type, inputs, options, onProgress, signal, archiveLimits }) {
    return new Promise((resolve, reject) => {
      if (this.#broken) return reject(new LoopScoreError(this.#broken));
      if (signal?.aborted) return reject(aborted());
      let message;
      try {
        message = type === 'version'
          ? versionRequest(this.#nextId)
          : workRequest(this.#nextId, type, normalizeInputs(inputs), options, archiveLimits);
      } catch (error) {
        return reject(new LoopScoreError({ name: error.name || 'TypeError', message: error.message }));
      }
      this.#nextId++;
      const call = { id: message.id, message, onProgress, resolve, reject, settled: false, graceTimer: null, unlisten: null };
      if (signal) {
        const onAbort = () => this.#abort(call);
        signal.addEventListener('abort', onAbort, { once: true });
        call.unlisten = () => signal.removeEventListener('abort', onAbort);
      }
      this.#queue.push(call);
      this.#pump();
    });
  }

  // Sends the next queued call when the worker is free.
  #pump() {
    if (this.#current || this.#terminated) return;
    while (this.#queue.length > 0) {
      const call = this.#queue.shift();
      if (call.settled) continue;
      try {
        this.#worker.postMessage(call.message, transferables(call.message));
      } catch (error) { // e.g. a detached ArrayBuffer
        this.#settle(call, () => call.reject(new LoopScoreError({ name: 'TypeError', message: error.message })));
        continue;
      }
      call.message = null; // the inputs are the worker's now; do not keep them alive here
      this.#current = call;
      return;
    }
  }

  // A message from the worker: progress for the current call, or its response.
  #receive(data) {
    const call = this.#current;
    if (!call || data?.id !== call.id) return;
    if (data.progress) {
      if (!call.settled && typeof call.onProgress === 'function') {
        try {
          call.onProgress(data.progress);
        } catch (error) {
          setTimeout(() => { throw error; }); // the page's callback failed: report it, carry on
        }
      }
      return;
    }
    clearTimeout(call.graceTimer);
    this.#current = null;
    this.#settle(call, () => (data.ok ? call.resolve(data.output) : call.reject(new LoopScoreError(data.error))));
    this.#pump();
  }

  // Cancels a call: at once for the caller; in the worker at its next chunk, or by replacing
  // the worker when it does not stop within the grace period (a long single step).
  #abort(call) {
    if (call.settled) return;
    this.#settle(call, () => call.reject(aborted()));
    if (call !== this.#current) return; // still queued: #pump will skip it
    this.#worker.postMessage(cancelRequest(call.id));
    call.graceTimer = setTimeout(() => {
      if (this.#current !== call || this.#terminated) return;
      this.#worker.terminate();
      this.#current = null;
      this.#start();
      this.#pump();
    }, this.#cancelGraceMs);
  }

  // Settles a call once, and forgets its signal (a signal may outlive many calls).
  #settle(call, settle) {
    if (call.settled) return;
    call.settled = true;
    call.unlisten?.();
    settle();
  }

  // Starts a worker (again, after a worker was replaced).
  #start() {
    const worker = new Worker(this.#workerUrl, { type: 'module' });
    worker.onmessage = ({ data }) => {
      if (worker === this.#worker) this.#receive(data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (worker !== this.#worker) return;
      this.#fail({ name: 'LoadError', message: event.message
        ? `the loopscore worker failed: ${event.message}`
        : `the loopscore worker could not be loaded from ${new URL(this.#workerUrl, location.href).pathname}: `
          + 'is the loopscore/ folder on this site, complete (worker.js, loopscore.js and their neighbours)?' });
    };
    worker.onmessageerror = () => {
      if (worker === this.#worker) this.#fail({ name: 'ProtocolError', message: 'a worker message could not be read' });
    };
    this.#worker = worker;
  }

  // Rejects the running call, every queued one and every later one with `error`.
  #fail(error) {
    this.#broken = error;
    const calls = [this.#current, ...this.#queue].filter(Boolean);
    this.#current = null;
    this.#queue = [];
    for (const call of calls) {
      clearTimeout(call.graceTimer);
      this.#settle(call, () => call.reject(new LoopScoreError(error)));
    }
  }
}

function aborted() {
  return new LoopScoreError({ name: 'AbortError', message: 'the analysis was cancelled' });
}

/** Any accepted `inputs` as [{name, data}]: a File keeps its name, others are "input" (or "input-N"). */
export function normalizeInputs(inputs) {
  const list = Array.isArray(inputs) ? inputs : [inputs];
  if (list.length === 0) throw new TypeError('there is no input to analyze');
  return list.map((item, i) => {
    const isEntry = item !== null && typeof item === 'object' && !isData(item) && 'data' in item;
    const data = isEntry ? item.data : item;
    if (!isData(data)) throw new TypeError('input must be a string, an ArrayBuffer, a Uint8Array, a Blob or a File');
    const fallback = list.length === 1 ? 'input' : `input-${i + 1}`;
    const name = (isEntry && typeof item.name === 'string' && item.name) || (typeof data.name === 'string' && data.name) || fallback;
    return { name, data: ownBytes(data) };
  });
}

function isData(value) {
  return typeof value === 'string' || value instanceof ArrayBuffer || ArrayBuffer.isView(value) || value instanceof Blob;
}

// A typed array over part of a bigger buffer is copied to its own (structured cloning would copy
// the whole buffer); Blobs and ArrayBuffers go as they are.
function ownBytes(data) {
  if (!ArrayBuffer.isView(data)) return data;
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return bytes.byteLength === data.buffer.byteLength ? bytes : bytes.slice();
}

// The ArrayBuffers the caller passed as such are transferred: their copy becomes empty.
function transferables(message) {
  return [...new Set((message.inputs ?? []).map((input) => input.data).filter((data) => data instanceof ArrayBuffer))];
}
