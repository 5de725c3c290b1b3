// The module worker: loads loopscore.wasm once and answers requests (see protocol.js) one at a
// time, in order, posting progress in between. A 'cancel' message is handled at once: it aborts
// the request it names, which stops at its next chunk.
// Once loaded, the module is warmed up (warm-up.js) until the first request comes.
// The glue sits in this folder and finds loopscore.wasm through import.meta.url (pitfall 11),
// unless the worker's URL names another one: worker.js?wasm=URL (on the same origin only).
import createLoopScore from './loopscore.js';
import { handle } from './handler.js';
import { errorValue, failure, progressMessage } from './protocol.js';
import { warmUp } from './warm-up.js';

const wasmOverride = new URL(self.location.href).searchParams.get('wasm');

// Loads a fresh module instance (wasm from ?wasm= when given; never from another origin). A
// failure is answered to every request (serve); it is marked handled at once, so that it is not
// also reported as an unhandled rejection before the first request comes.
function load() {
  const loading = instantiate();
  loading.catch(() => {});
  return loading;
}

function instantiate() {
  if (!wasmOverride) return createLoopScore();
  const wasmUrl = new URL(wasmOverride, self.location.href);
  if (wasmUrl.origin !== self.location.origin) {
    return Promise.reject(new Error(`?wasm= must be on this site (${self.location.origin}), not ${wasmUrl.origin}`));
  }
  return createLoopScore({ locateFile: (file, scriptDirectory) => (file.endsWith('.wasm') ? wasmUrl.href : scriptDirectory + file) });
}

let loaded = load();
const controllers = new Map(); // request id -> AbortController, while queued or running
// Requests wait for the warm-up's current round (tens of ms) at most: it stops once one came.
let queue = loaded.then(async (module) => {
  const { error } = await warmUp(module, { busy: () => controllers.size > 0 });
  if (error?.name === 'RuntimeError') loaded = load(); // as after a request that trapped
}).catch(() => {}); // a failed load is answered to the first request (serve)

self.onmessage = ({ data: request }) => {
  if (request?.type === 'cancel') {
    controllers.get(request.id)?.abort();
    return;
  }
  const controller = new AbortController();
  controllers.set(request?.id, controller);
  queue = queue.then(() => serve(request, controller.signal)).then(() => controllers.delete(request?.id));
};

// Answers one request; never throws.
async function serve(request, signal) {
  let module;
  try {
    module = await loaded;
  } catch (thrown) {
    const { message } = errorValue(thrown);
    self.postMessage(failure(request?.id, { name: 'LoadError', message: `loopscore.wasm could not be loaded: ${loadProblem(message)}` }));
    return;
  }
  const onProgress = (progress) => self.postMessage(progressMessage(request.id, progress));
  const response = await handle(module, request, { onProgress, signal });
  // A trap or abort (e.g. out of memory where C++ cannot throw) leaves the module's state
  // undefined: answer with the error, and use a fresh instance from the next request on.
  if (!response.ok && response.error.name === 'RuntimeError') loaded = load();
  self.postMessage(response, response.output instanceof Uint8Array ? [response.output.buffer] : []);
}

// What a site owner can do about a failed load: the glue's message, said in their terms.
function loadProblem(message) {
  const text = message.replace(/^Aborted\((.*)\)\.? Build with -s ASSERTIONS=1 for more info\.?$/s, '$1');
  const where = wasmOverride ? new URL(wasmOverride, self.location.href).href : new URL('./loopscore.wasm', import.meta.url).href;
  if (/Content.Security.Policy/i.test(text)) {
    return `this site's Content-Security-Policy does not allow compiling WebAssembly: add 'wasm-unsafe-eval' to script-src `
      + `(sent with the page and with worker.js). ${text}`;
  }
  if (/expected magic word/.test(text)) {
    return `${where} is not a WebAssembly module (is the file there? the server answered something else). ${text}`;
  }
  if (/failed to fetch|NetworkError|HTTP status/i.test(text)) return `${where} could not be fetched. ${text}`;
  return text;
}
