// The messages between a page (LoopScoreClient) and the worker: requests carry an id, responses
// echo it. Everything here is plain data, safe for structured cloning.

/**
 * @typedef {'analyze' | 'score' | 'version'} RequestType
 * @typedef {{format?: 'auto'|'text'|'json'|'jsonl', pretty?: boolean, include_posts?: boolean,
 *   fields?: Record<string, string>, limits?: Record<string, number>}} Options
 * @typedef {{id: number, type: RequestType, input?: string | ArrayBuffer, options?: Options | string,
 *   name?: string}} Request   `name` names the input in an analyze report (like the CLI's file name)
 * @typedef {{name: string, message: string, record?: number, line?: number, column?: number,
 *   byte_offset?: number, pointer?: string}} ErrorValue
 *   Where an InputError is: 1-based record, line and column (code points), 0-based byte offset,
 *   JSON pointer; 0, "" or absent when not known.
 * @typedef {{id: number, ok: true, output: string} | {id: number, ok: false, error: ErrorValue}} Response
 */

/** The request types the worker understands. */
export const REQUEST_TYPES = Object.freeze(['analyze', 'score', 'version']);

/** Builds a request; `name` (optional) names the input in the analyze report. */
export function request(id, type, input, options = {}, name = undefined) {
  return name === undefined ? { id, type, input, options } : { id, type, input, options, name };
}

/** Builds a successful response. */
export function success(id, output) {
  return { id, ok: true, output };
}

/** Builds a failed response from an error value (see errorValue for thrown things). */
export function failure(id, error) {
  return { id, ok: false, error };
}

/** Turns anything thrown in JavaScript (a wasm trap, a TypeError...) into an ErrorValue. */
export function errorValue(thrown) {
  if (thrown instanceof Error) return { name: thrown.name || 'Error', message: thrown.message };
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

/** The Error a client rejects with: the ErrorValue's fields, on a real Error. */
export class LoopScoreError extends Error {
  constructor(error) {
    super(error.message);
    Object.assign(this, error);
    this.name = error.name;
  }
}
