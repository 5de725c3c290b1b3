// The report in an analyze response of web/handler.js: UTF-8 JSON bytes (web/protocol.js), which
// the worker transfers to the page, so they must own their whole buffer.
import assert from 'node:assert/strict';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The report text of a successful analyze response, after checking the bytes own their buffer. */
export function reportText(response) {
  assert.ok(response.ok, JSON.stringify(response.error));
  const { output } = response;
  assert.ok(output instanceof Uint8Array, `an analyze report comes as bytes, not ${typeof output}`);
  assert.equal(output.byteOffset, 0, 'the bytes start their buffer');
  assert.equal(output.byteLength, output.buffer.byteLength, 'the bytes fill their buffer: no heap comes along');
  return utf8.decode(output);
}
