// Answers one request with a loaded loopscore module: a function of (module, request), so Node
// tests call it directly and the worker is only message plumbing around it. Inputs go into the
// wasm heap in chunks of CHUNK_BYTES through a session (never whole), with progress between
// chunks and a look at the AbortSignal, so a 500 MB file never sits in the heap at once.
import { errorValue, failure, REQUEST_TYPES, success } from './protocol.js';
import { createPacer, throttleProgress } from './sources/pacer.js';

/** Bytes fed to the module per call: big enough that calls are cheap, small enough for the heap. */
export const CHUNK_BYTES = 4 << 20;
/**
 * Bytes asked of a Blob's stream per read. Chromium 156 sometimes never answered a read into a
 * 4 MB view of a picked file (the 11th pick of a page, on half the page loads); 256 KB reads
 * stalled in none of 600 picks and read 215 MB as fast (docs/performance.md, "a picked file's read").
 */
const BLOB_READ_BYTES = 256 << 10;
/**
 * Ms a BYOB read of a Blob may take before it counts as stalled. Chromium 156 still leaves one
 * unanswered now and then (the 51st of a hundred Mastodon pages dropped at once, on most page
 * loads): the rest of that Blob, and every later Blob of the request, are then read through a
 * default reader, which never stalled but reads 215 MB in about 0.85 s against 0.3 s.
 */
const BLOB_STALL_MS = 1000;
// UTF-16 units encoded per chunk: at most 3 UTF-8 bytes each, so a chunk always fits.
const CHUNK_CHARS = Math.floor(CHUNK_BYTES / 3);
const ZIP_SIGNATURES = [0x04034b50, 0x06054b50]; // a local header; the end record of an empty zip

const encoder = new TextEncoder();

/**
 * Runs `request` against `module` (from createLoopScore) and resolves with its response; never
 * rejects. An analyze response's output is the report as UTF-8 JSON bytes (a Uint8Array that
 * owns its buffer). `onProgress(progress)` receives progress events (at most every ~50 ms);
 * `signal` (an AbortSignal) is looked at between chunks and ends the request with an AbortError.
 */
export async function handle(module, request, { onProgress, signal } = {}) {
  const { id, type } = request ?? {};
  let current; // the input being read, to name it in an error thrown in JavaScript
  try {
    if (!REQUEST_TYPES.includes(type) || type === 'cancel') {
      return failure(id, { name: 'ProtocolError', message: `unknown request type ${JSON.stringify(type)}` });
    }
    if (type === 'version') return success(id, module.version());
    const options = typeof request.options === 'string' ? request.options : JSON.stringify(request.options ?? {});
    const progress = throttleProgress(onProgress);
    const context = {
      module, signal, progress, pacer: createPacer(), blobReading: { byob: true }, setInput: (name) => { current = name; },
    };
    const inputs = await expandArchives(requestInputs(request), request.archiveLimits, context);
    const run = type === 'analyze' ? analyzeInputs : scoreInputs;
    const result = await withChunkBuffer(module, (buffer) => run(inputs, options, buffer, context));
    return result.ok ? success(id, result.output) : failure(id, result.error);
  } catch (thrown) {
    if (thrown?.name === 'AbortError') return failure(id, { name: 'AbortError', message: 'the analysis was cancelled' });
    return failure(id, errorValue(thrown, current));
  }
}

// The inputs of a request: `inputs` [{name, data}], or the older single `input` (+ `name`).
function requestInputs(request) {
  const list = request.inputs ?? [{ name: request.name ?? 'input', data: request.input }];
  if (!Array.isArray(list) || list.length === 0) throw new TypeError('a request needs at least one input');
  return list.map((input, i) => {
    const data = input?.data;
    const ok = typeof data === 'string' || data instanceof ArrayBuffer || ArrayBuffer.isView(data)
      || isBlob(data);
    if (!ok) throw new TypeError('input must be a string or an ArrayBuffer, Uint8Array, Blob or File');
    return { name: typeof input.name === 'string' && input.name ? input.name : `input-${i + 1}`, data };
  });
}

// Replaces each .zip among the inputs by the files in it that matter (sources/archive.js,
// loaded only when a zip comes).
async function expandArchives(inputs, archiveLimits, context) {
  const expanded = [];
  for (const input of inputs) {
    if (!(await isZip(input.data))) {
      expanded.push(input);
      continue;
    }
    context.setInput(input.name);
    const { readArchive } = await import('./sources/archive.js');
    const files = await readArchive(input.data, {
      limits: archiveLimits, signal: context.signal, onProgress: (event) => context.progress(event),
    });
    expanded.push(...files);
  }
  return expanded;
}

async function isZip(data) {
  if (typeof data === 'string') return false;
  const head = isBlob(data) ? new Uint8Array(await data.slice(0, 4).arrayBuffer()) : asBytes(data).subarray(0, 4);
  return head.length === 4 && ZIP_SIGNATURES.includes(new DataView(head.buffer, head.byteOffset, 4).getUint32(0, true));
}

// One report over every input: an AnalyzeSession, each input begun, fed in chunks and ended.
async function analyzeInputs(inputs, options, buffer, context) {
  const created = context.module.createAnalyzeSession(options);
  if (!created.ok) return created;
  const { session } = created;
  try {
    const total = inputs.reduce((sum, input) => sum + byteLength(input.data), 0);
    const counter = { done: 0, total };
    for (const input of inputs) {
      context.setInput(input.name);
      const begun = session.begin(input.name);
      if (!begun.ok) return begun;
      const fed = await feedInput(input, buffer, counter, context, (pointer, length) => session.feedBytes(pointer, length));
      if (!fed.ok) return fed;
      const ended = session.end();
      if (!ended.ok) return ended;
    }
    throwIfAborted(context.signal);
    context.progress({ phase: 'analyzing', input: null, done: 0, total: 1, unit: 'steps' }, true);
    const reported = session.reportBytes();
    // The view dies with the session: copied into a buffer of its own, which the worker transfers.
    return reported.ok ? { ok: true, output: reported.output.slice() } : reported;
  } finally {
    session.delete();
  }
}

// JSONL over every input in turn: a ScoreSession per input (score reads one input at a time).
async function scoreInputs(inputs, options, buffer, context) {
  const total = inputs.reduce((sum, input) => sum + byteLength(input.data), 0);
  const counter = { done: 0, total };
  const output = [];
  for (const input of inputs) {
    context.setInput(input.name);
    const created = context.module.createScoreSession(options, input.name);
    if (!created.ok) return created;
    const { session } = created;
    try {
      const fed = await feedInput(input, buffer, counter, context, (pointer, length) => {
        const result = session.feedBytes(pointer, length);
        if (result.ok) output.push(result.output);
        return result;
      });
      if (!fed.ok) return fed;
      const finished = session.finish();
      if (!finished.ok) return finished;
      output.push(finished.output);
    } finally {
      session.delete();
    }
  }
  return { ok: true, output: output.join('') };
}

// Feeds one input in chunks through `feed(pointer, length)`: a string encoded straight into the
// heap, bytes copied, a Blob read through its stream. Progress and a breath between chunks.
async function feedInput(input, buffer, counter, context, feed) {
  const { module, signal, progress, pacer, blobReading } = context;
  const report = (force = false) => progress({ phase: 'reading', input: input.name, done: counter.done, total: counter.total, unit: 'bytes' }, force);
  report(true);
  for await (const length of chunksInto(input.data, module, buffer, blobReading)) {
    const result = feed(buffer.pointer, length);
    if (!result.ok) return result;
    counter.done += length;
    throwIfAborted(signal);
    if (pacer.due()) {
      report();
      await pacer.pause();
      throwIfAborted(signal);
    }
  }
  report(true); // the input read to its end is always told, however soon after the last event
  return { ok: true };
}

// Copies the next chunk of `data` into the heap buffer and yields its length in bytes. The heap
// view is read afresh every time: feeding may have grown memory and detached the old one (pitfall 10).
async function* chunksInto(data, module, buffer, blobReading) {
  const region = () => module.HEAPU8.subarray(buffer.pointer, buffer.pointer + CHUNK_BYTES);
  if (typeof data === 'string') {
    for (let at = 0; at < data.length;) {
      let end = Math.min(data.length, at + CHUNK_CHARS);
      // Never split a surrogate pair between two chunks.
      if (end < data.length && isHighSurrogate(data.charCodeAt(end - 1))) end--;
      const { written } = encoder.encodeInto(data.slice(at, end), region());
      at = end;
      yield written;
    }
  } else if (isBlob(data)) {
    yield* blobChunksInto(data, region, blobReading);
  } else {
    const bytes = asBytes(data);
    for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
      const piece = bytes.subarray(at, at + CHUNK_BYTES);
      region().set(piece);
      yield piece.length;
    }
  }
}

// A Blob's bytes into the heap region, CHUNK_BYTES at a time (the last chunk shorter). Read with
// a BYOB reader into one buffer of BLOB_READ_BYTES that is handed back and forth and copied into
// the region: a fresh ArrayBuffer for every read is new memory each time, and reading 215 MB with
// a default reader took 0.85 s in a Chromium worker against 0.3 s, by 4 MB slices 1.3-1.6 s
// (docs/performance.md). A BYOB read unanswered after BLOB_STALL_MS, or a Blob whose stream has
// no BYOB reader, is read on through a default reader; `reading.byob` turns false after a stall.
async function* blobChunksInto(blob, region, reading = { byob: true }) {
  let filled = 0; // bytes in the region, not yet yielded
  let read = 0;   // bytes of the Blob copied so far
  // Copies `bytes` into the region, yielding the length of every chunk it fills.
  function* put(bytes) {
    for (let at = 0; at < bytes.length;) {
      const take = Math.min(bytes.length - at, CHUNK_BYTES - filled);
      region().set(bytes.subarray(at, at + take), filled);
      at += take;
      filled += take;
      read += take;
      if (filled === CHUNK_BYTES) {
        yield filled;
        filled = 0;
      }
    }
  }
  const byob = reading.byob ? byobReader(blob) : null;
  if (byob) {
    try {
      let buffer = new ArrayBuffer(BLOB_READ_BYTES);
      for (;;) {
        const room = Math.min(BLOB_READ_BYTES, CHUNK_BYTES - filled);
        const result = await answeredWithin(byob.read(new Uint8Array(buffer, 0, room)), BLOB_STALL_MS);
        if (!result) {
          reading.byob = false;
          break;
        }
        if (result.value) {
          buffer = result.value.buffer; // the same memory, transferred back to us
          yield* put(result.value);
        }
        if (result.done) {
          if (filled > 0) yield filled;
          return;
        }
      }
    } finally {
      byob.cancel().catch(() => {});
    }
  }
  const reader = (read > 0 ? blob.slice(read) : blob).stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (value) yield* put(value);
      if (done) break;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
  if (filled > 0) yield filled;
}

// A BYOB reader of the Blob's stream, or null where its stream has none.
function byobReader(blob) {
  try {
    return blob.stream().getReader({ mode: 'byob' });
  } catch {
    return null;
  }
}

// Resolves as `promise` does, or with null once `ms` pass first.
async function answeredWithin(promise, ms) {
  let timer;
  try {
    return await Promise.race([promise, new Promise((resolve) => { timer = setTimeout(resolve, ms, null); })]);
  } finally {
    clearTimeout(timer);
  }
}

// Mallocs the chunk buffer, runs `use({pointer})`, and frees it.
async function withChunkBuffer(module, use) {
  const pointer = module._malloc(CHUNK_BYTES);
  if (pointer === 0) {
    return { ok: false, error: { name: 'OutOfMemory', message: `cannot allocate ${CHUNK_BYTES} bytes for reading the input` } };
  }
  try {
    return await use({ pointer });
  } finally {
    module._free(pointer);
  }
}

function throwIfAborted(signal) {
  if (signal?.aborted) throw new DOMException('the analysis was cancelled', 'AbortError');
}

function isBlob(data) {
  return typeof Blob !== 'undefined' && data instanceof Blob;
}

function isHighSurrogate(code) {
  return code >= 0xd800 && code <= 0xdbff;
}

// Bytes an input will feed: exact for bytes and Blobs, the UTF-8 length for strings.
function byteLength(data) {
  if (typeof data === 'string') return utf8Length(data);
  if (isBlob(data)) return data.size;
  return asBytes(data).length;
}

function utf8Length(text) {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (isHighSurrogate(code) && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a pair: 2 units, 4 bytes
      i++;
    } else bytes += 2;
  }
  return bytes;
}

// An ArrayBuffer or typed array as a Uint8Array over the same bytes.
function asBytes(input) {
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new TypeError('input must be a string or an ArrayBuffer, Uint8Array, Blob or File');
}
