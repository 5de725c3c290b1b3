// fetchAccount: one entry point for an account field: "@user@instance" is Mastodon, a handle
// like "name.bsky.social" (or a bsky.app profile link) is Bluesky.
import { BLUESKY_APPVIEW, fetchBlueskyAccount, parseBlueskyHandle } from './bluesky.js';
import { fetchMastodonAccount, parseMastodonHandle } from './mastodon.js';
import { SourceError } from './source-error.js';

/** Which platform an account text names, and the one origin it will be read from:
 * {platform: 'mastodon'|'bluesky', handle, origin}. Throws InvalidHandle. */
export function parseAccount(text) {
  const trimmed = String(text ?? '').trim();
  if (/^@?[^@\s]+@[^@\s]+$/.test(trimmed) || /^https:\/\/(?!bsky\.app\/)[^/]+\/@/.test(trimmed)) {
    const { user, instance } = parseMastodonHandle(trimmed);
    return { platform: 'mastodon', handle: `@${user}@${instance}`, origin: `https://${instance}` };
  }
  try {
    return { platform: 'bluesky', handle: parseBlueskyHandle(trimmed), origin: BLUESKY_APPVIEW };
  } catch {
    throw new SourceError('InvalidHandle', `${JSON.stringify(trimmed)} is not an account loopscore can read: write a Mastodon `
      + 'account as @user@instance (like @Gargron@mastodon.social) or a Bluesky handle (like jay.bsky.team)');
  }
}

/** Fetches the account `text` names from Mastodon or Bluesky (options as fetchMastodonAccount's). */
export async function fetchAccount(text, options = {}) {
  const { platform, handle } = parseAccount(text);
  return platform === 'mastodon' ? fetchMastodonAccount(handle, options) : fetchBlueskyAccount(handle, options);
}
