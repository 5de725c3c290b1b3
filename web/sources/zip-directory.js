// The table of contents of a .zip (its central directory, ZIP64 included), read from the end of
// the file without reading the entries themselves: so a 5 GB X archive full of media costs a
// few reads, and every size, name and flag can be judged before anything is inflated.
// Format: PKWARE APPNOTE.TXT 6.3.x, sections 4.3.7 (local header), 4.3.12 (central directory),
// 4.3.14-16 (ZIP64 end records), 4.5.3 (ZIP64 extra field).
import { SourceError } from './source-error.js';

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8_NAME = 0x800;

/**
 * @typedef {{size: number, read(offset: number, length: number): Promise<Uint8Array>}} ByteSource
 * @typedef {{index: number, rawName: string, name: string, directory: boolean, encrypted: boolean,
 *   method: number, crc32: number, compressedSize: number, size: number, localHeaderOffset: number}} ZipEntry
 */

/** Bytes from a Blob/File, an ArrayBuffer or a typed array, read by ranges. */
export function byteSource(data) {
  if (typeof Blob !== 'undefined' && data instanceof Blob) {
    return { size: data.size, read: async (offset, length) => new Uint8Array(await data.slice(offset, offset + length).arrayBuffer()) };
  }
  let bytes;
  if (data instanceof ArrayBuffer) bytes = new Uint8Array(data);
  else if (ArrayBuffer.isView(data)) bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  else throw new TypeError('an archive must be a Blob, a File, an ArrayBuffer or a Uint8Array');
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) };
}

/** True when the first bytes are a zip's (a local header, or the end record of an empty zip). */
export function looksLikeZip(firstBytes) {
  if (firstBytes.length < 4) return false;
  const signature = new DataView(firstBytes.buffer, firstBytes.byteOffset, 4).getUint32(0, true);
  return signature === LOCAL_SIGNATURE || signature === EOCD_SIGNATURE;
}

/** Reads the central directory: every entry with its name, sizes and flags. Checks the entry
 * count against `maxEntries` before listing them. Throws SourceError('BadArchive' | 'ArchiveTooLarge'). */
export async function readZipDirectory(source, { maxEntries, maxDirectoryBytes = 64 << 20 } = {}) {
  const end = await findEndRecord(source);
  if (end.entries > maxEntries) {
    throw new SourceError('ArchiveTooLarge', `the archive lists ${end.entries} entries, more than the limit of ${maxEntries}`,
      { limit: 'maxEntries' });
  }
  if (end.directorySize > maxDirectoryBytes || end.directoryOffset + end.directorySize > source.size) {
    throw bad('its table of contents is larger than the file or than any real archive\'s');
  }
  const directory = await source.read(end.directoryOffset, end.directorySize);
  const view = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const entries = [];
  let at = 0;
  for (let index = 0; index < end.entries; index++) {
    if (at + 46 > directory.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw bad(`its table of contents is damaged at entry ${index + 1}`);
    }
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > directory.length) throw bad(`its table of contents is damaged at entry ${index + 1}`);
    const entry = {
      index,
      rawName: decodeName(directory.subarray(at + 46, at + 46 + nameLength), flags),
      method: view.getUint16(at + 10, true),
      crc32: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
      encrypted: (flags & FLAG_ENCRYPTED) !== 0 || view.getUint16(at + 10, true) === 99,
      disk: view.getUint16(at + 34, true),
    };
    readZip64Extra(directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    entry.name = entry.rawName.replaceAll('\\', '/');
    entry.directory = entry.name.endsWith('/');
    entries.push(entry);
    at = next;
  }
  return entries;
}

/** Where an entry's compressed bytes start (after its local header, whose lengths may differ
 * from the central directory's). */
export async function entryDataOffset(source, entry) {
  const header = await source.read(entry.localHeaderOffset, 30);
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (header.length < 30 || view.getUint32(0, true) !== LOCAL_SIGNATURE) {
    throw bad(`the entry ${JSON.stringify(entry.name)} is not where its table of contents says`);
  }
  const start = entry.localHeaderOffset + 30 + view.getUint16(26, true) + view.getUint16(28, true);
  if (start + entry.compressedSize > source.size) throw bad(`the entry ${JSON.stringify(entry.name)} is cut off`);
  return start;
}

// The end of central directory record, and the ZIP64 one when the classic fields overflow.
async function findEndRecord(source) {
  if (source.size < EOCD_SIZE) throw bad('it is too short to be a zip');
  const tailLength = Math.min(source.size, EOCD_SIZE + MAX_COMMENT);
  const tailStart = source.size - tailLength;
  const tail = await source.read(tailStart, tailLength);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let at = tail.length - EOCD_SIZE;
  while (at >= 0 && view.getUint32(at, true) !== EOCD_SIGNATURE) at--;
  if (at < 0) throw bad('it is not a zip file (no end of central directory record)');
  const end = {
    disk: view.getUint16(at + 4, true),
    directoryDisk: view.getUint16(at + 6, true),
    entries: view.getUint16(at + 10, true),
    directorySize: view.getUint32(at + 12, true),
    directoryOffset: view.getUint32(at + 16, true),
  };
  const overflows = end.entries === 0xffff || end.directorySize === 0xffffffff || end.directoryOffset === 0xffffffff;
  const locatorAt = tailStart + at - 20;
  if (overflows && locatorAt >= 0) {
    const locator = await source.read(locatorAt, 20);
    const locatorView = new DataView(locator.buffer, locator.byteOffset, 20);
    if (locatorView.getUint32(0, true) === ZIP64_LOCATOR_SIGNATURE) {
      const recordAt = safeNumber(locatorView.getBigUint64(8, true));
      const record = await source.read(recordAt, 56);
      const recordView = new DataView(record.buffer, record.byteOffset, record.byteLength);
      if (record.length < 56 || recordView.getUint32(0, true) !== ZIP64_EOCD_SIGNATURE) throw bad('its ZIP64 end record is damaged');
      end.disk = recordView.getUint32(16, true);
      end.directoryDisk = recordView.getUint32(20, true);
      end.entries = safeNumber(recordView.getBigUint64(32, true));
      end.directorySize = safeNumber(recordView.getBigUint64(40, true));
      end.directoryOffset = safeNumber(recordView.getBigUint64(48, true));
    }
  }
  if (end.disk !== 0 || end.directoryDisk !== 0) throw bad('it is split over several files (a multi-part zip); join the parts first');
  return end;
}

// Replaces the 0xFFFFFFFF placeholders of an entry by the 64-bit values of its ZIP64 extra field.
function readZip64Extra(extra, entry) {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let at = 0; at + 4 <= extra.length;) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const take = () => {
        if (field + 8 > at + 4 + length) throw bad(`the ZIP64 sizes of ${JSON.stringify(entry.rawName)} are damaged`);
        const value = safeNumber(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = take();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = take();
      return;
    }
    at += 4 + length;
  }
}

// A name is UTF-8 when flagged so; else CP437 by the standard, but tools write UTF-8 unflagged,
// so UTF-8 is tried first and Latin-1 is the fallback (names are only labels here).
function decodeName(bytes, flags) {
  if (flags & FLAG_UTF8_NAME) return new TextDecoder('utf-8').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

function safeNumber(big) {
  if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw bad('it declares sizes beyond 8 PB');
  return Number(big);
}

function bad(why) {
  return new SourceError('BadArchive', `this archive cannot be read: ${why}`);
}
