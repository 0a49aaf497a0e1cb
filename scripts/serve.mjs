// A small static server for the built site, as a real host would serve it: the precompressed
// copies that scripts/compress.mjs writes (brotli when the browser accepts it, else gzip, else the
// file itself), the right Content-Type (application/wasm, so the browser compiles the module while
// it downloads), and the headers a page cannot set itself (frame-ancestors). No dependency.
//
// Bound to 127.0.0.1 only; serves the files under one folder (www/ by default) and nothing
// outside it: a path that leaves the folder (../, an encoded slash, a symbolic link pointing out)
// is refused, and only GET and HEAD are answered.
//
//   node scripts/serve.mjs [--port 8080] [--root www] [--no-compression]
import { createServer } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.wasm': 'application/wasm', '.json': 'application/json',
  '.ts': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.rules': 'text/plain; charset=utf-8', '.png': 'image/png', '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json',
};

/**
 * Headers on every answer. The page's own CSP is a <meta> in index.html; `frame-ancestors` (who
 * may frame the page: nobody else, against clickjacking) only works as a header, so it is here.
 */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': "frame-ancestors 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * The encoding to send: brotli if accepted, else gzip, else none (`identity`). Reads the
 * Accept-Encoding list with its q-values: `br;q=0` refuses brotli, `*` accepts any.
 */
export function negotiate(header) {
  const q = new Map();
  for (const part of String(header || '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const p = params.map((s) => s.trim()).find((s) => s.startsWith('q='));
    const value = p ? Number(p.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepts = (enc) => (q.has(enc) ? q.get(enc) > 0 : (q.get('*') ?? 0) > 0);
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return 'identity';
}

/** The file a URL path names inside `root`, or null when it would leave `root`. */
export function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null; // malformed percent-encoding
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

/**
 * Creates the server (not yet listening). `compression: false` serves every file as it is (a
 * host without compression, for the benchmark's "before").
 */
export function createStaticServer({ root = path.join(ROOT, 'www'), compression = true } = {}) {
  const base = path.resolve(root);
  let realBase; // the folder with its symbolic links resolved, found on the first request
  return createServer(async (req, res) => {
    const send = (status, text, extra = {}) => {
      res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra });
      res.end(req.method === 'HEAD' ? undefined : `${text}\n`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed', { Allow: 'GET, HEAD' });
    let file = resolveInside(base, new URL(req.url, 'http://localhost').pathname);
    if (!file) return send(403, 'forbidden');
    try {
      realBase ??= await fs.realpath(base);
      let stat = await fs.stat(file);
      if (stat.isDirectory()) {
        if (!req.url.split('?')[0].endsWith('/')) return send(301, 'moved', { Location: `${req.url.split('?')[0]}/` });
        file = path.join(file, 'index.html');
        stat = await fs.stat(file);
      }
      const real = await fs.realpath(file);
      if (real !== realBase && !real.startsWith(realBase + path.sep)) return send(403, 'forbidden');
      if (!stat.isFile()) return send(404, 'not found');
      const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
      // A precompressed copy is used only when it is at least as new as the file (a stale one,
      // left by an older build, would serve old code).
      let body = file;
      let size = stat.size;
      const headers = { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding',
        'Last-Modified': stat.mtime.toUTCString() };
      const enc = compression ? negotiate(req.headers['accept-encoding']) : 'identity';
      if (enc !== 'identity') {
        const copy = `${file}.${enc === 'br' ? 'br' : 'gz'}`;
        const cs = await fs.stat(copy).catch(() => null);
        if (cs && cs.isFile() && cs.mtimeMs >= stat.mtimeMs) {
          body = copy;
          size = cs.size;
          headers['Content-Encoding'] = enc;
        }
      }
      headers['Content-Length'] = String(size);
      res.writeHead(200, headers);
      if (req.method === 'HEAD') return res.end();
      createReadStream(body).on('error', () => res.destroy()).pipe(res);
    } catch (e) {
      if (e && (e.code === 'ENOENT' || e.code === 'ENOTDIR')) return send(404, 'not found');
      send(500, 'internal error');
    }
  });
}

/** Starts the server on 127.0.0.1 (`port` 0: a free one); resolves to { url, port, close }. */
export function listen(opts = {}) {
  const server = createStaticServer(opts);
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, port, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 && args[i + 1] ? args[i + 1] : fallback; };
  const { url } = await listen({
    port: Number(opt('--port', process.env.PORT || 8080)),
    root: path.resolve(opt('--root', path.join(ROOT, 'www'))),
    compression: !args.includes('--no-compression'),
  });
  console.log(`  Netral: ${url}   (Ctrl-C to stop)`);
}
