// Runs one job through the worker client: pasted text, files (a .zip is unpacked in the
// worker), a same-origin URL, or a public account fetched from its own server.

/** Inputs above this size are analysed without the per-post list: a report that big would
 * take the page too long to parse and draw. Every number still covers every post. */
export const POSTS_MAX_INPUT_BYTES = 8 * 1024 * 1024;

/** Resolves {report, text, postsLeftOut}; rejects with the client's errors, or AbortError once `signal` aborts. */
export async function runJob(client, job, options, { onProgress, signal }) {
  const hooks = { onProgress, signal };
  const settings = {};
  for (const [key, value] of Object.entries(options)) if (value !== '' && value !== undefined) settings[key] = value;
  const withPosts = (bytes) => ({ include_posts: bytes <= POSTS_MAX_INPUT_BYTES, ...settings });
  const done = (result, bytes) => ({ ...result, postsLeftOut: bytes > POSTS_MAX_INPUT_BYTES });
  switch (job.kind) {
    case 'text': {
      if (!job.text.trim()) throw namedError('InputError', 'Paste some posts first.');
      const bytes = job.text.length;
      return done(await client.analyze([{ name: 'pasted text', data: job.text }], withPosts(bytes), hooks), bytes);
    }
    case 'files': {
      const bytes = job.files.reduce((sum, file) => sum + file.size, 0);
      return done(await client.analyze(job.files, withPosts(bytes), hooks), bytes);
    }
    case 'url': {
      const file = await sameOriginFile(job.url, signal);
      return done(await client.analyze(file, withPosts(file.size), hooks), file.size);
    }
    case 'account':
      // The account fetched is the account judged, whatever the Owner field said before.
      return done(await client.analyzeAccount(job.handle, { ...withPosts(0), owner: job.handle },
        { ...hooks, limit: job.limit }), 0);
    default:
      throw namedError('TypeError', `unknown job ${job.kind}`);
  }
}

// Fetches `url` from the page's own origin (never elsewhere, never with cookies) as a File named after its path.
async function sameOriginFile(url, signal) {
  const target = new URL(url, document.baseURI);
  if (target.origin !== location.origin) {
    throw namedError('InputError', `src must be on this site (${location.origin}), not ${target.origin}`);
  }
  const response = await fetch(target, { signal, credentials: 'omit' });
  if (!response.ok) throw namedError('NetworkError', `could not load ${target.pathname} (HTTP ${response.status})`);
  const name = decodeURIComponent(target.pathname.split('/').pop() || 'input');
  return new File([await response.blob()], name);
}

/** An Error with a name, as the client's errors have. */
export function namedError(name, message) {
  return Object.assign(new Error(message), { name });
}
