// The messages between a page (LoopScoreClient) and the worker. Requests carry an id; the worker
// answers each with progress messages, then one response echoing the id. Plain data throughout,
// safe for structured cloning (Blobs and Files are cloned by reference, not copied).

/**
 * @typedef {string | ArrayBuffer | Uint8Array | Blob} InputData  a Blob/File is read in slices by the worker
 * @typedef {{name: string, data: InputData}} Input                  `name` labels the input in the report
 * @typedef {{maxEntries?: number, maxEntryBytes?: number, maxTotalBytes?: number}} ArchiveLimits
 * @typedef {{id: number, type: 'version'}
 *   | {id: number, type: 'analyze' | 'score', inputs: Input[], options: object | string, archiveLimits?: ArchiveLimits}
 *   | {id: number, type: 'cancel'}} Request
 *   'cancel' names the request to stop; the worker sees it between two chunks (at most ~50 ms).
 *   A .zip among the inputs is unzipped in the worker (sources/archive.js) into its files.
 * @typedef {{phase: 'reading' | 'analyzing' | 'fetching' | 'unzipping', input: string | null,
 *   done: number, total: number, unit: 'bytes' | 'posts' | 'threads' | 'steps'}} Progress
 *   At most one every ~50 ms per request, plus one at each change of phase.
 * @typedef {{name: string, message: string, input?: string, record?: number, line?: number,
 *   column?: number, byte_offset?: number, pointer?: string}} ErrorValue
 *   Where an InputError is: the input's name, 1-based record, line and column (code points),
 *   0-based byte offset, JSON pointer; 0, "" or absent when not known.
 * @typedef {{id: number, progress: Progress}
 *   | {id: number, ok: true, output: string | Uint8Array}
 *   `output`: the version or score's JSONL as a string; analyze's report as UTF-8 JSON bytes
 *   (the worker transfers their buffer: no string is decoded in the worker and copied over).
 *   | {id: number, ok: false, error: ErrorValue}} Message   what the worker posts
 */

/** The request types the worker understands. */
export const REQUEST_TYPES = Object.freeze(['analyze', 'score', 'version', 'cancel']);

/** The phases a progress event can report. */
export const PROGRESS_PHASES = Object.freeze(['reading', 'analyzing', 'fetching', 'unzipping']);

/** A request for the library version. */
export function versionRequest(id) {
  return { id, type: 'version' };
}

/** An 'analyze' or 'score' request over inputs [{name, data}]; archiveLimits only when given. */
export function workRequest(id, type, inputs, options = {}, archiveLimits = undefined) {
  const request = { id, type, inputs, options };
  if (archiveLimits) request.archiveLimits = archiveLimits;
  return request;
}

/** Asks the worker to stop request `id`. */
export function cancelRequest(id) {
  return { id, type: 'cancel' };
}

/** A progress message for request `id`. */
export function progressMessage(id, progress) {
  return { id, progress };
}

/** Builds a successful response. */
export function success(id, output) {
  return { id, ok: true, output };
}

/** Builds a failed response from an error value (see errorValue for thrown things). */
export function failure(id, error) {
  return { id, ok: false, error };
}

/** Turns anything thrown in JavaScript (a wasm trap, a SourceError, an AbortError…) into an ErrorValue. */
export function errorValue(thrown, input = undefined) {
  if (thrown instanceof Error || thrown instanceof DOMException) {
    const value = { name: thrown.name || 'Error', message: thrown.message };
    const where = thrown.entry ?? input;
    if (typeof where === 'string') value.input = where;
    return value;
  }
  return { name: 'InternalError', message: String(thrown) };
}

/** "line 3, column 15, record 2 (/2/text)": the known parts of an error's location. */
export function describeLocation(error) {
  const parts = [];
  if (error.line) parts.push(`line ${error.line}, column ${error.column}`);
  if (error.record) parts.push(`record ${error.record}`);
  const place = parts.join(', ');
  return error.pointer ? `${place} (${error.pointer})`.trim() : place;
}

/** "tweets.js, line 3, column 15: invalid JSON…": the input, the location and the message. */
export function describeError(error) {
  const where = [error.input, describeLocation(error)].filter(Boolean).join(', ');
  return where ? `${where}: ${error.message}` : error.message;
}

/** The Error a client rejects with: the ErrorValue's fields, on a real Error. */
export class LoopScoreError extends Error {
  constructor(error) {
    super(error.message);
    Object.assign(this, error);
    this.name = error.name;
  }
}
