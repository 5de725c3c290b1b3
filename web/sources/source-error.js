// SourceError: what went wrong getting the inputs (reading an archive, fetching an account),
// with a `name` a program can branch on and a `message` a person can act on.

/** The names a SourceError can have. */
export const SOURCE_ERROR_NAMES = Object.freeze([
  // accounts
  'InvalidHandle',    // not an @user@instance or a handle.domain
  'NotFound',         // no such account (or it was deactivated, taken down)
  'PrivateAccount',   // its posts are visible only to approved followers or signed-in people
  'Forbidden',        // the server requires sign-in for this (HTTP 401/403)
  'RateLimited',      // HTTP 429; `retryAfter` holds the seconds to wait when the server says
  'NetworkError',     // fetch failed: offline, DNS, CORS, a redirect
  'BadResponse',      // not JSON, or not the shape the API documents
  // archives
  'BadArchive',       // not a zip, truncated, corrupt (CRC), split over several disks
  'ArchiveTooLarge',  // over a limit: entries, one entry's size, the total (declared or inflated)
  'UnsafeEntryName',  // ../, an absolute path, a drive letter, control characters
  'DuplicateEntry',   // two entries with the same name
  'EncryptedEntry',   // a needed entry is password-protected
  'UnsupportedEntry', // a needed entry uses a compression method other than stored or deflate
  'EmptyArchive',     // no entry loopscore can read
]);

/** An error from a source; `details` (status, url, retryAfter, entry…) are copied onto it. */
export class SourceError extends Error {
  constructor(name, message, details = {}) {
    super(message);
    Object.assign(this, details);
    this.name = name;
  }
}

/** The AbortError to throw when `signal` is aborted (its reason when that is one). */
export function abortError(signal) {
  const reason = signal?.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return new DOMException('the operation was cancelled', 'AbortError');
}

/** Throws an AbortError when `signal` is aborted. */
export function throwIfAborted(signal) {
  if (signal?.aborted) throw abortError(signal);
}
