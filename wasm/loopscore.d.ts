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

  /** Allocates `size` bytes of the wasm heap; 0 when memory is exhausted. */
  _malloc(size: number): number;
  /** Frees what `_malloc` returned. */
  _free(pointer: number): void;
  /** The wasm heap. Replaced when memory grows: re-read it after any call that may allocate. */
  readonly HEAPU8: Uint8Array;
  /** embind's count of live JS handles held by C++ (for leak checks). */
  count_emval_handles(): number;
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
