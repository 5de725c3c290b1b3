// readArchive: the files that matter in an X/Twitter archive .zip (or a Mastodon export, or any
// .zip of exports), unzipped in memory as inputs [{name, data}] for LoopScoreClient.analyze.
// Hostile archives are expected: sizes are checked as declared and again while inflating, names
// are labels (never paths), and every refusal is a SourceError saying why. Deflated entries are
// inflated by the browser's own DecompressionStream('deflate-raw'): no inflater to host.
import { createPacer, throttleProgress } from './pacer.js';
import { SourceError, throwIfAborted } from './source-error.js';
import { byteSource, entryDataOffset, readZipDirectory } from './zip-directory.js';

/** Default limits: generous for real exports, small enough that a bomb stops early. */
export const ARCHIVE_LIMITS = Object.freeze({
  maxEntries: 200_000,          // entries listed in the archive (an X archive with media has thousands)
  maxEntryBytes: 1024 << 20,    // one needed entry, uncompressed (1 GiB)
  maxTotalBytes: 1536 << 20,    // all needed entries together, uncompressed (1.5 GiB)
});

const READ_BYTES = 1 << 20;     // compressed bytes read from the file at a time
const INFLATE_BYTES = 16 << 10; // compressed bytes inflated at a time: at most ~16 MB comes out of one write
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;

// The X archive's files that hold posts or the account (docs/formats.md, x-archive).
const X_ACCOUNT_FILE = /(?:^|\/)data\/(account|profile|follower)\.js$/;
const X_POSTS_FILE = /(?:^|\/)data\/(tweets|tweet|community-tweet)(?:-part(\d+))?\.js$/;
const X_MARKER = /(?:^|\/)data\/(manifest|tweets|tweet|account)\.js$/;
// A Mastodon export: the actor first, then the outbox.
const MASTODON_FILE = /(?:^|\/)(actor|outbox)\.json$/;
// Any other zip: files in a format loopscore reads (docs/formats.md).
const READABLE_FILE = /\.(json|jsonl|ndjson|csv|tsv|js|xml|rss|atom|txt)$/i;
const ACCOUNT_NAME = /(?:^|\/)(account|profile|actor)[^/]*$/i;

/**
 * Reads `file` (a File/Blob, ArrayBuffer or Uint8Array holding a .zip) and returns the inputs
 * that matter, account files first, as [{name, data: Uint8Array}]; the array also carries
 * `kind` ('x-archive' | 'mastodon-export' | 'zip') and `skipped` ([{name, reason}] for readable
 * files it left out). Options: `limits` (see ARCHIVE_LIMITS), `onProgress({phase: 'unzipping',
 * input, done, total, unit: 'bytes'})` at most every 50 ms, `signal` (an AbortSignal).
 */
export async function readArchive(file, { limits = {}, onProgress, signal } = {}) {
  const limit = { ...ARCHIVE_LIMITS, ...limits };
  const source = byteSource(file);
  throwIfAborted(signal);
  const entries = await readZipDirectory(source, { maxEntries: limit.maxEntries });
  checkNames(entries);
  const { kind, wanted, skipped } = choose(entries.filter((entry) => !entry.directory));
  if (wanted.length === 0) {
    throw new SourceError('EmptyArchive', 'the archive holds no file loopscore reads (an X archive\'s data/tweets.js, '
      + 'a Mastodon export\'s outbox.json, or .json, .jsonl, .csv, .js, .xml or .txt files)', { skipped });
  }
  checkDeclared(wanted, limit);

  const total = wanted.reduce((sum, entry) => sum + entry.size, 0);
  const report = throttleProgress(onProgress);
  const pacer = createPacer();
  const progress = { done: 0, total, report, pacer, signal };
  const inputs = [];
  for (const entry of wanted) {
    report({ phase: 'unzipping', input: entry.name, done: progress.done, total, unit: 'bytes' }, true);
    inputs.push({ name: entry.name, data: await extract(source, entry, progress) });
  }
  report({ phase: 'unzipping', input: wanted.at(-1).name, done: total, total, unit: 'bytes' }, true);
  return Object.assign(inputs, { kind, skipped });
}

// Refuses names that try to be paths out of a folder, and names listed twice.
function checkNames(entries) {
  const seen = new Set();
  for (const entry of entries) {
    const { name } = entry;
    const why = unsafeName(name);
    if (why) {
      throw new SourceError('UnsafeEntryName', `the archive holds an entry named ${JSON.stringify(entry.rawName)} (${why}): `
        + 'no platform export does that, so loopscore refuses the archive', { entry: entry.rawName });
    }
    if (entry.directory) continue;
    if (seen.has(name)) {
      throw new SourceError('DuplicateEntry', `the archive lists ${JSON.stringify(name)} twice: it is damaged or was tampered with`,
        { entry: name });
    }
    seen.add(name);
  }
}

// Why a name is unsafe as a path (backslashes already read as "/"), or "".
function unsafeName(name) {
  if (name.length === 0) return 'an empty name';
  // Control characters (NUL, newlines, escapes) in a name: no tool writes them.
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'a control character';
  if (name.startsWith('/')) return 'an absolute path';
  if (/^[a-zA-Z]:/.test(name)) return 'a drive letter';
  if (name.split('/').some((part) => part === '..')) return 'a path that climbs out of its folder';
  return '';
}

// Picks the entries to read by the kind of archive, in the order to read them.
function choose(files) {
  const readable = files.filter((entry) => READABLE_FILE.test(entry.name) && !isClutter(entry.name));
  const skip = (entries, reason) => entries.map((entry) => ({ name: entry.name, reason }));
  if (files.some((entry) => X_MARKER.test(entry.name))) {
    const account = files.filter((entry) => X_ACCOUNT_FILE.test(entry.name))
      .sort((a, b) => accountRank(a.name) - accountRank(b.name));
    const posts = files.filter((entry) => X_POSTS_FILE.test(entry.name)).sort(byPart);
    const wanted = [...account, ...posts];
    return { kind: 'x-archive', wanted, skipped: skip(readable.filter((e) => !wanted.includes(e)), 'not a file of posts or of the account') };
  }
  if (files.some((entry) => /(?:^|\/)outbox\.json$/.test(entry.name))) {
    const wanted = files.filter((entry) => MASTODON_FILE.test(entry.name))
      .sort((a, b) => Number(a.name.endsWith('outbox.json')) - Number(b.name.endsWith('outbox.json')));
    return { kind: 'mastodon-export', wanted, skipped: skip(readable.filter((e) => !wanted.includes(e)), 'not the outbox or the actor') };
  }
  const wanted = [...readable.filter((e) => ACCOUNT_NAME.test(e.name)), ...readable.filter((e) => !ACCOUNT_NAME.test(e.name))];
  return { kind: 'zip', wanted, skipped: [] };
}

// macOS resource forks and hidden files are not exports.
function isClutter(name) {
  return name.startsWith('__MACOSX/') || name.split('/').some((part) => part.startsWith('.'));
}

function accountRank(name) {
  return ['account', 'profile', 'follower'].findIndex((file) => name.endsWith(`data/${file}.js`));
}

// tweets.js, tweets-part1.js, tweets-part2.js, …, tweets-part10.js; then tweet.js, community-tweet.js.
function byPart(a, b) {
  const [, baseA, partA = '0'] = a.name.match(X_POSTS_FILE);
  const [, baseB, partB = '0'] = b.name.match(X_POSTS_FILE);
  return baseA === baseB ? Number(partA) - Number(partB) : baseA < baseB ? 1 : -1;
}

// Checks what the directory declares before inflating anything.
function checkDeclared(wanted, limit) {
  let total = 0;
  for (const entry of wanted) {
    if (entry.encrypted) {
      throw new SourceError('EncryptedEntry', `${entry.name} is password-protected: loopscore cannot read encrypted archives; `
        + 'unzip it with the password and give the files instead', { entry: entry.name });
    }
    if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATE) {
      throw new SourceError('UnsupportedEntry', `${entry.name} is compressed with method ${entry.method}; loopscore reads `
        + 'stored and deflated entries (what every platform export uses)', { entry: entry.name });
    }
    if (entry.size > limit.maxEntryBytes) throw tooLarge(`${entry.name} declares ${mib(entry.size)}`, limit.maxEntryBytes, 'maxEntryBytes');
    total += entry.size;
    if (total > limit.maxTotalBytes) throw tooLarge(`its files declare more than ${mib(total)} in all`, limit.maxTotalBytes, 'maxTotalBytes');
  }
}

// Reads and inflates one entry into a buffer of its declared size; stops the moment the output
// would pass that size (a zip bomb lies about it), and checks the CRC-32 at the end.
async function extract(source, entry, progress) {
  const out = new Uint8Array(entry.size);
  let written = 0;
  let crc = CRC_START;
  const accept = (chunk) => {
    if (written + chunk.length > entry.size) {
      throw new SourceError('ArchiveTooLarge', `${entry.name} inflates to more than the ${entry.size} bytes it declares: `
        + 'the archive is damaged or a zip bomb; loopscore stopped reading it', { entry: entry.name, limit: 'declared size' });
    }
    out.set(chunk, written);
    written += chunk.length;
    crc = crc32Update(crc, chunk);
  };
  const inflater = entry.method === METHOD_DEFLATE ? inflaterInto(accept, entry) : null;
  try {
    const start = await entryDataOffset(source, entry);
    for (let offset = 0; offset < entry.compressedSize;) {
      const piece = await source.read(start + offset, Math.min(READ_BYTES, entry.compressedSize - offset));
      offset += piece.length;
      for (let at = 0; at < piece.length; at += INFLATE_BYTES) {
        const slice = piece.subarray(at, at + INFLATE_BYTES);
        if (inflater) await inflater.write(slice);
        else accept(slice);
        await step(progress, entry, written);
      }
      if (piece.length === 0) break;
    }
    await inflater?.end();
  } finally {
    inflater?.stop();
  }
  if (written !== entry.size) {
    throw new SourceError('BadArchive', `${entry.name} is truncated: it holds ${written} of the ${entry.size} bytes it declares`,
      { entry: entry.name });
  }
  if (crc32Final(crc) !== entry.crc32) {
    throw new SourceError('BadArchive', `${entry.name} is damaged (its CRC-32 does not match)`, { entry: entry.name });
  }
  progress.done += entry.size;
  return out;
}

// A raw-deflate inflater that hands what comes out to `accept`: write(bytes) resolves once those
// bytes are inflated and accepted, end() once the stream is complete, stop() drops it. Any
// failure (invalid data, or accept refusing more) rejects the next write or end, as a SourceError.
function inflaterInto(accept, entry) {
  let stream;
  try {
    stream = new DecompressionStream('deflate-raw');
  } catch {
    throw new SourceError('UnsupportedEntry', `${entry.name} is deflated, and this browser cannot inflate raw deflate `
      + '(DecompressionStream: Chrome 103, Firefox 113, Safari 16.4 and later can); unzip the archive and give its files instead',
    { entry: entry.name });
  }
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let failure = null;
  const fail = (error) => {
    failure ??= error instanceof SourceError ? error
      : new SourceError('BadArchive', `${entry.name} cannot be inflated: ${error?.message ?? error}`, { entry: entry.name });
  };
  // Reads everything that comes out, as it comes (a writer waits while output is not read).
  const draining = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      accept(value);
    }
  })().catch((error) => {
    fail(error);
    reader.cancel().catch(() => {});
  });
  const checked = async (promise) => {
    try {
      await promise;
    } catch (error) {
      fail(error);
    }
    if (failure) throw failure;
  };
  return {
    async write(bytes) {
      if (failure) throw failure;
      // Resolves once the stream took these bytes in; it takes no more while its output waits to
      // be read, so at most one write's output (INFLATE_BYTES inflated) is ever held.
      await checked(writer.write(bytes));
    },
    async end() {
      await checked(writer.close());
      await draining;
      if (failure) throw failure;
    },
    stop() {
      writer.abort().catch(() => {});
      reader.cancel().catch(() => {});
    },
  };
}

// Between two pieces: cancellation, progress, and a breath for the event loop.
async function step(progress, entry, written) {
  throwIfAborted(progress.signal);
  if (!progress.pacer.due()) return;
  progress.report({ phase: 'unzipping', input: entry.name, done: progress.done + written, total: progress.total, unit: 'bytes' });
  await progress.pacer.pause();
  throwIfAborted(progress.signal);
}

function tooLarge(what, limitBytes, limitName) {
  return new SourceError('ArchiveTooLarge', `the archive is too large to read here: ${what}, over the limit of ${mib(limitBytes)}`,
    { limit: limitName });
}

function mib(bytes) {
  return `${(bytes / (1 << 20)).toFixed(bytes < 10 << 20 ? 1 : 0)} MiB`;
}

let crcTable = null;
const CRC_START = -1;

// CRC-32 (IEEE 802.3, as zip stores it), computed piece by piece: crc32Update(CRC_START, …)…, then crc32Final.
function crc32Update(crc, bytes) {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return crc;
}

function crc32Final(crc) {
  return (crc ^ -1) >>> 0;
}
