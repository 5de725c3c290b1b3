// A small .zip writer for tests, able to write what real tools never should: lying sizes,
// encrypted flags, duplicate and path-trick names, ZIP64 records. Deflate comes from node:zlib.
import { deflateRawSync } from 'node:zlib';
import { crc32 } from './crc32.mjs';

/**
 * Builds a zip from entries [{name, data (string | Uint8Array), method: 'deflate' | 'stored'
 * (default deflate), methodCode (the method number to claim), declaredSize (the size to claim),
 * encrypted, zip64 (ZIP64 extra fields)}].
 * `zip64: true` at the top writes the ZIP64 end records as well. Returns a Uint8Array.
 */
export function buildZip(entries, { zip64 = false } = {}) {
  const encoder = new TextEncoder();
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? encoder.encode(entry.data) : entry.data;
    const stored = entry.method === 'stored';
    const body = stored ? data : deflateRawSync(data, { level: 9 });
    const name = encoder.encode(entry.name);
    const size = entry.declaredSize ?? data.length;
    const flags = (entry.encrypted ? 0x1 : 0) | 0x800; // UTF-8 names
    const method = entry.methodCode ?? (stored ? 0 : 8);
    const crc = crc32(data);
    const big = entry.zip64 || zip64;
    const extra = big ? zip64Extra(size, body.length, offset) : new Uint8Array(0);
    const local = concat(header(0x04034b50, [[2, 20], [2, flags], [2, method], [2, 0], [2, 0x21], [4, crc],
      [4, big ? 0xffffffff : body.length], [4, big ? 0xffffffff : size], [2, name.length], [2, extra.length]]), name, extra, body);
    centrals.push(concat(header(0x02014b50, [[2, 45], [2, 20], [2, flags], [2, method], [2, 0], [2, 0x21], [4, crc],
      [4, big ? 0xffffffff : body.length], [4, big ? 0xffffffff : size], [2, name.length], [2, extra.length], [2, 0],
      [2, 0], [2, 0], [4, 0], [4, big ? 0xffffffff : offset]]), name, extra));
    locals.push(local);
    offset += local.length;
  }
  const directory = concat(...centrals);
  const tail = [];
  if (zip64) {
    const recordAt = offset + directory.length;
    tail.push(header(0x06064b50, [[8, 44], [2, 45], [2, 45], [4, 0], [4, 0], [8, entries.length], [8, entries.length],
      [8, directory.length], [8, offset]]));
    tail.push(header(0x07064b50, [[4, 0], [8, recordAt], [4, 1]]));
  }
  tail.push(header(0x06054b50, [[2, 0], [2, 0], [2, zip64 ? 0xffff : entries.length], [2, zip64 ? 0xffff : entries.length],
    [4, zip64 ? 0xffffffff : directory.length], [4, zip64 ? 0xffffffff : offset], [2, 0]]));
  return concat(...locals, directory, ...tail);
}

// The ZIP64 extended information extra field (id 1): sizes and offset as 64-bit values.
function zip64Extra(size, compressedSize, offset) {
  return header(0x0001, [[8, size], [8, compressedSize], [8, offset]], 2, 24);
}

// A record: a signature (4 bytes, or `signatureBytes`), an optional length, little-endian fields [[bytes, value]].
function header(signature, fields, signatureBytes = 4, length = null) {
  const size = signatureBytes + (length === null ? 0 : 2) + fields.reduce((sum, [bytes]) => sum + bytes, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  if (signatureBytes === 4) view.setUint32(at, signature, true);
  else view.setUint16(at, signature, true);
  at += signatureBytes;
  if (length !== null) {
    view.setUint16(at, length, true);
    at += 2;
  }
  for (const [bytes, value] of fields) {
    if (bytes === 2) view.setUint16(at, value, true);
    else if (bytes === 4) view.setUint32(at, value >>> 0, true);
    else view.setBigUint64(at, BigInt(value), true);
    at += bytes;
  }
  return out;
}

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
