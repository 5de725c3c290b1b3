// Types for loopscore.js, the ES6 glue of loopscore.wasm. Written by hand: Emscripten 3.1.6
// has no --embind-emit-tsd (toolchain.md pitfall 7). Keep in step with bindings.cpp.

/** What went wrong, and where; 0 and "" mean "not known". */
export interface LoopScoreErrorValue {
  /** "InputError" (unusable input), "OptionsError" (bad options JSON), "OutOfMemory", "InternalError". */
  name: string;
  /** The problem without the location, e.g. "invalid JSON: unexpected end of input". */
  message: string;
  /** 1-based record (post) number. */
  record: number;
  /** 1-based line. */
  line: number;
  /** 1-based column, in Unicode code points. */
  column: number;
  /** 0-based byte offset into the UTF-8 input. */
  byte_offset: number;
  /** JSON pointer inside the document or record, e.g. "/3/text". */
  pointer: string;
  /** The name of the input being read when it failed (session calls only; absent when none). */
  input?: string;
}

/** The outcome of every call: never a thrown C++ exception. */
export type LoopScoreResult =
  | { ok: true; output: string }
  | { ok: false; error: LoopScoreErrorValue };

/** The loaded module. `optionsJson` is a JSON object text ("{}" or "" = defaults), e.g.
 * {"format":"jsonl","pretty":true,"include_posts":false,"fields":{"text":"body"},
 *  "limits":{"max_post_bytes":1000}}. Problems with the input or options come back as
 * `{ok: false}`; only calling with the wrong argument count or types throws (embind's BindingError). */
export interface LoopScoreModule {
  /** The full report (one JSON document, schema loopscore/1), as the CLI's `analyze` prints it
   * for a file called `name` (default "input"; the report lists its inputs by name). */
  analyze(input: string, optionsJson: string, name?: string): LoopScoreResult;
  /** One JSON object per post, one per line (JSONL), as the CLI's `score` prints it. */
  score(input: string, optionsJson: string): LoopScoreResult;
  /** `analyze` over `length` UTF-8 bytes the caller `_malloc`ed at `pointer` and filled. */
  analyzeBytes(pointer: number, length: number, optionsJson: string, name?: string): LoopScoreResult;
  /** `score` over `length` UTF-8 bytes the caller `_malloc`ed at `pointer` and filled. */
  scoreBytes(pointer: number, length: number, optionsJson: string): LoopScoreResult;
  /** The library version, e.g. "0.1.0". */
  version(): string;
  /** A new AnalyzeSession with these options, or an OptionsError. */
  createAnalyzeSession(optionsJson: string): { ok: true; session: AnalyzeSession } | { ok: false; error: LoopScoreErrorValue };
  /** A new ScoreSession with these options over one input called `name` (named in its errors). */
  createScoreSession(optionsJson: string, name: string): { ok: true; session: ScoreSession } | { ok: false; error: LoopScoreErrorValue };

  /** Allocates `size` bytes of the wasm heap; 0 when memory is exhausted. */
  _malloc(size: number): number;
  /** Frees what `_malloc` returned. */
  _free(pointer: number): void;
  /** The wasm heap. Replaced when memory grows: re-read it after any call that may allocate. */
  readonly HEAPU8: Uint8Array;
  /** embind's count of live JS handles held by C++ (for leak checks). */
  count_emval_handles(): number;
}

/** The outcome of a session step that produces nothing. */
export type LoopScoreStepResult = { ok: true } | { ok: false; error: LoopScoreErrorValue };

/** An analysis over several inputs, each fed in pieces of UTF-8 bytes: begin(name), feedBytes()
 * as often as needed, end(); then report() (or reportBytes()) once. Gives byte for byte the report of the CLI's
 * `loopscore analyze a b c` for inputs named a, b, c (posts repeated across inputs count once).
 * After a failure every later call answers the same error. It lives in the wasm heap:
 * call delete() when done, or it leaks. */
export interface AnalyzeSession {
  /** Starts the next input (ending the current one), listed in the report as `name`. */
  begin(name: string): LoopScoreStepResult;
  /** Takes the next `length` bytes at `pointer` (a `_malloc`ed region you filled and free). */
  feedBytes(pointer: number, length: number): LoopScoreStepResult;
  /** Ends the current input: an InputError when it holds nothing usable or ends mid-record. */
  end(): LoopScoreStepResult;
  /** The report (one JSON document, schema loopscore/1) over every input; once per session. */
  report(): LoopScoreResult;
  /** The same report as UTF-8 bytes, instead of report() (once per session): a view of the wasm
   * heap, valid until delete() or the next call into the module; copy it (`output.slice()`). */
  reportBytes(): { ok: true; output: Uint8Array } | { ok: false; error: LoopScoreErrorValue };
  /** Bytes fed so far over all inputs. */
  bytesFed(): number;
  /** Frees the session (embind). */
  delete(): void;
}

/** `score` over one input fed in pieces: each call answers with the JSONL lines completed since
 * the last one, so the output never piles up in the wasm heap. Call delete() when done. */
export interface ScoreSession {
  /** Takes the next `length` bytes at `pointer`; `output` holds the lines completed so far. */
  feedBytes(pointer: number, length: number): LoopScoreResult;
  /** Ends the input; `output` holds the remaining lines. Once per session. */
  finish(): LoopScoreResult;
  bytesFed(): number;
  delete(): void;
}

/** Options accepted by the factory (a subset of Emscripten's Module object). */
export interface LoopScoreModuleOverrides {
  /** The .wasm bytes, instead of fetching them (what Node must do, pitfalls 3 and 4). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Maps "loopscore.wasm" to the URL to fetch it from. */
  locateFile?(path: string, scriptDirectory: string): string;
}

/** Loads and instantiates loopscore.wasm (fetched next to loopscore.js unless told otherwise). */
export default function createLoopScore(overrides?: LoopScoreModuleOverrides): Promise<LoopScoreModule>;
