// The module worker: loads loopscore.wasm and answers requests (see protocol.js) in order.
// The glue sits in this folder and finds loopscore.wasm through import.meta.url (pitfall 11).
import createLoopScore from './loopscore.js';
import { handle } from './handler.js';
import { errorValue, failure } from './protocol.js';

let loaded = createLoopScore();

self.onmessage = async ({ data: request }) => {
  let module;
  try {
    module = await loaded;
  } catch (thrown) {
    const { message } = errorValue(thrown);
    self.postMessage(failure(request.id, { name: 'LoadError', message: `loopscore.wasm could not be loaded: ${message}` }));
    return;
  }
  const response = handle(module, request);
  // A trap or abort (e.g. out of memory where C++ cannot throw) leaves the module's state
  // undefined: answer with the error, and use a fresh instance from the next request on.
  if (!response.ok && response.error.name === 'RuntimeError') loaded = createLoopScore();
  self.postMessage(response);
};
