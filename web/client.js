// LoopScoreClient: the page-side API. Each call posts one request to a module worker and
// resolves with its output text, or rejects with a LoopScoreError that says what and where.
import { LoopScoreError, request } from './protocol.js';

export { LoopScoreError, describeLocation } from './protocol.js';

/** Runs loopscore in a Web Worker so the page never freezes. */
export class LoopScoreClient {
  #worker;
  #pending = new Map();
  #nextId = 1;
  #ready = null;
  #broken = null;

  /** Starts the worker; `workerUrl` defaults to worker.js next to this file. */
  constructor({ workerUrl = new URL('./worker.js', import.meta.url) } = {}) {
    this.#worker = new Worker(workerUrl, { type: 'module' });
    this.#worker.onmessage = ({ data }) => this.#settle(data);
    this.#worker.onerror = (event) => {
      event.preventDefault();
      this.#fail({ name: 'LoadError', message: `the loopscore worker failed: ${event.message || 'could not load'}` });
    };
    this.#worker.onmessageerror = () => this.#fail({ name: 'ProtocolError', message: 'a worker message could not be read' });
  }

  /** Resolves with the library version once the WebAssembly module is loaded. */
  ready() {
    this.#ready ??= this.#send('version');
    return this.#ready;
  }

  /** The full report (JSON text, schema loopscore/1) for a string, ArrayBuffer or Blob/File.
   * `options.name` names the input in the report (default: a File's name, else "input"). */
  analyze(input, { name = input?.name, ...options } = {}) {
    return this.#send('analyze', input, options, name);
  }

  /** One JSON line per post (JSONL text) for a string, ArrayBuffer or Blob. */
  score(input, options = {}) {
    return this.#send('score', input, options);
  }

  /** Stops the worker (cancelling any running call); pending calls reject with AbortError. */
  terminate() {
    this.#worker.terminate();
    this.#fail({ name: 'AbortError', message: 'the loopscore client was terminated' });
  }

  // Posts a request; an ArrayBuffer input is transferred (the caller's copy becomes empty).
  async #send(type, input, options, name) {
    if (input instanceof Blob) input = await input.arrayBuffer();
    if (this.#broken) throw new LoopScoreError(this.#broken);
    const id = this.#nextId++;
    const reply = new Promise((resolve, reject) => this.#pending.set(id, { resolve, reject }));
    try {
      this.#worker.postMessage(request(id, type, input, options, name), input instanceof ArrayBuffer ? [input] : []);
    } catch (error) { // e.g. a detached ArrayBuffer
      this.#pending.delete(id);
      throw error;
    }
    return reply;
  }

  // Resolves or rejects the call a response answers.
  #settle(response) {
    const call = this.#pending.get(response.id);
    if (!call) return;
    this.#pending.delete(response.id);
    if (response.ok) call.resolve(response.output);
    else call.reject(new LoopScoreError(response.error));
  }

  // Rejects every pending call and every later one with `error`.
  #fail(error) {
    this.#broken = error;
    for (const call of this.#pending.values()) call.reject(new LoopScoreError(error));
    this.#pending.clear();
  }
}
