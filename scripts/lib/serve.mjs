#!/usr/bin/env node
// A tiny static file server for the staged site: node:http only, 127.0.0.1 only, read-only,
// no directory listings, and the Content-Security-Policy docs/embedding.md asks of hosts.
//   node scripts/lib/serve.mjs DIR [--port N] [--strict | --no-csp]
// From the command line (scripts/demo) it sends ACCOUNT_CSP, so that the demo's Account tab can
// read the Mastodon or Bluesky server a visitor names; --strict sends STRICT_CSP (no other origin).
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** The policy a host page needs: nothing from other origins, wasm compilation allowed (pitfall 8). */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** STRICT_CSP for a host that offers the Account tab: the page may also read HTTPS APIs (docs/embedding.md). */
export const ACCOUNT_CSP = STRICT_CSP.replace("connect-src 'self'", "connect-src 'self' https:");

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonl': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Serves `root` on 127.0.0.1 from the first free port at or after `port` (0 = any free port). */
export async function startServer({ root, port = 8787, csp = STRICT_CSP } = {}) {
  const rootReal = await realpath(root);
  const server = http.createServer((req, res) => {
    serveFile(rootReal, req, res, csp).catch(() => send(res, 500, 'internal error'));
  });
  const bound = await listenFrom(server, port);
  const url = `http://127.0.0.1:${bound}/`;
  return {
    url,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

// Answers GET/HEAD for one file under `root`; anything else is 404/405.
async function serveFile(root, req, res, csp) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    return send(res, 400, 'bad request');
  }
  if (pathname.includes('\0')) return send(res, 400, 'bad request');
  if (pathname.endsWith('/')) pathname += 'index.html';
  let file;
  try {
    file = await realpath(path.join(root, pathname));
  } catch {
    return send(res, 404, 'not found');
  }
  // No escaping the root, by `..` or by a symbolic link.
  if (file !== root && !file.startsWith(root + path.sep)) return send(res, 404, 'not found');
  const info = await stat(file);
  if (!info.isFile()) return send(res, 404, 'not found');
  const headers = {
    'Content-Type': mimeType(file),
    'Content-Length': info.size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  if (csp) headers['Content-Security-Policy'] = csp;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
}

function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function send(res, status, text) {
  if (res.headersSent) return res.destroy();
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(`${status} ${text}\n`);
}

// Listens on 127.0.0.1:port, or the next port up while the port is taken; resolves the port.
async function listenFrom(server, port, attempts = 100) {
  for (let i = 0; ; i++) {
    try {
      return await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port === 0 ? 0 : port + i, '127.0.0.1', () => {
          server.off('error', reject);
          resolve(server.address().port);
        });
      });
    } catch (error) {
      if (error.code !== 'EADDRINUSE' || port === 0 || i + 1 >= attempts) throw error;
    }
  }
}

// Command line: serve until Ctrl-C.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values, positionals } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      strict: { type: 'boolean', default: false },
      'no-csp': { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const port = Number(values.port);
  const [root] = positionals;
  if (positionals.length !== 1 || !Number.isInteger(port)) {
    console.error('usage: serve.mjs DIR [--port N] [--strict | --no-csp]');
    process.exit(2);
  }
  const csp = values['no-csp'] ? null : values.strict ? STRICT_CSP : ACCOUNT_CSP;
  const server = await startServer({ root, port, csp });
  console.log(`Serving ${path.resolve(root)} at ${server.url} (Ctrl-C to stop)`);
  console.log(`Content-Security-Policy: ${csp ?? 'none'}`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
