// Answers one request with a loaded loopscore module. A pure function of (module, request), so
// Node tests call it directly and the worker is only message plumbing around it.
import { errorValue, failure, REQUEST_TYPES, success } from './protocol.js';

/** Strings at least this long go in as bytes: embind's string copy is 8x slower (pitfall 10). */
export const BYTE_PATH_MIN_CHARS = 64 * 1024;

const encoder = new TextEncoder();

/** Runs `request` against `module` (from createLoopScore) and returns its response; never throws. */
export function handle(module, request) {
  const { id, type, input, options, name } = request;
  try {
    if (!REQUEST_TYPES.includes(type)) {
      return failure(id, { name: 'ProtocolError', message: `unknown request type ${JSON.stringify(type)}` });
    }
    if (type === 'version') return success(id, module.version());
    const optionsJson = typeof options === 'string' ? options : JSON.stringify(options ?? {});
    // Only analyze reports name their input: analyze(input, options, name) when there is one.
    const args = type === 'analyze' && typeof name === 'string' ? [optionsJson, name] : [optionsJson];
    const result = run(module, type, input, args);
    return result.ok ? success(id, result.output) : failure(id, result.error);
  } catch (thrown) {
    return failure(id, errorValue(thrown));
  }
}

// Calls the module's `type` ('analyze' or 'score') on the input by the cheapest path.
function run(module, type, input, args) {
  if (typeof input !== 'string') return runOnBytes(module, type, asBytes(input), args);
  if (input.length >= BYTE_PATH_MIN_CHARS) return runOnString(module, type, input, args);
  return module[type](input, ...args);
}

// The byte path for a string: encodeInto straight into a heap region.
function runOnString(module, type, text, args) {
  // Worst case 3 UTF-8 bytes per UTF-16 unit; the region lives for this call only.
  return withHeapRegion(module, text.length * 3, (pointer, capacity) => {
    const { written } = encoder.encodeInto(text, module.HEAPU8.subarray(pointer, pointer + capacity));
    return module[`${type}Bytes`](pointer, written, ...args);
  });
}

// The byte path for bytes: one copy into a heap region.
function runOnBytes(module, type, bytes, args) {
  return withHeapRegion(module, bytes.length, (pointer) => {
    module.HEAPU8.set(bytes, pointer);
    return module[`${type}Bytes`](pointer, bytes.length, ...args);
  });
}

// Mallocs `size` bytes, runs `use(pointer, size)`, and frees them. `use` must read
// module.HEAPU8 afresh: malloc may have grown memory and detached older views (pitfall 10).
function withHeapRegion(module, size, use) {
  const pointer = module._malloc(Math.max(size, 1));
  if (pointer === 0) {
    return { ok: false, error: { name: 'OutOfMemory', message: `cannot allocate ${size} bytes for the input` } };
  }
  try {
    return use(pointer, size);
  } finally {
    module._free(pointer);
  }
}

// An ArrayBuffer or typed array as a Uint8Array over the same bytes.
function asBytes(input) {
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new TypeError('input must be a string or an ArrayBuffer');
}
