// Shared by the browser tests and the benchmarks: a static server for www/ on a free 127.0.0.1
// port (scripts/serve.mjs, the server of `make serve`: precompressed files, application/wasm)
// and Debian's Chromium.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { before, after } from 'node:test';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { listen } from '../../scripts/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WWW = path.join(ROOT, 'www');
export const RESULTS = path.join(ROOT, 'test-results');
mkdirSync(RESULTS, { recursive: true });

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/**
 * Serves www/ (or `dir`) on 127.0.0.1 with scripts/serve.mjs; returns { url, close }.
 * `compression: false` serves every file uncompressed (a host without compression).
 */
export function serve(dir = WWW, { compression = true } = {}) {
  return listen({ root: dir, compression });
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml' };

/**
 * Serves `dir` on 127.0.0.1 from Node, with `headers` on every answer (CORS, CSP: what python's
 * server cannot add; read at each request, so they may name the other server's origin once it
 * is up); records each request's path and query in `requests`. Returns
 * { url, origin, requests, close }.
 */
export async function serveWith(dir, headers = {}) {
  const requests = [];
  const server = createHttpServer(async (req, res) => {
    requests.push(req.url);
    const { pathname } = new URL(req.url, 'http://x');
    const file = path.join(dir, decodeURIComponent(pathname).replace(/\/$/, '/index.html'));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', ...headers }).end(body);
    } catch {
      res.writeHead(404, headers).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { url: `${origin}/`, origin, requests, close: () => server.close() };
}

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ARGS, headless: true });
}

/** A page that records every request and console error; fails nothing by itself. */
export async function newPage(browser, opts = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...opts });
  const page = await context.newPage();
  page.requests = [];
  page.errors = [];
  page.on('request', (r) => page.requests.push(r.url()));
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  return page;
}

/** Opens the app and waits until the engine answered once. */
export async function openApp(page, url, hash = '') {
  await page.goto(url + hash);
  await page.waitForSelector('html[data-ready=true]');
}

/**
 * The page tests' shared set-up: www/ served and one Chromium for the test file, and, after all
 * its tests, the privacy check: no page it opened (each pushed to `pages`) requested anything but
 * the local server.
 */
export function pageSuite() {
  const suite = { srv: null, browser: null, pages: [] };
  /** A new page (newPage), counted in the privacy check. */
  suite.open = async (opts = {}) => {
    const p = await newPage(suite.browser, opts);
    suite.pages.push(p);
    return p;
  };
  before(async () => {
    suite.srv = await serve();
    suite.browser = await launch();
  });
  after(async () => {
    const outside = suite.pages.flatMap((p) => p.requests).filter((u) => !u.startsWith(suite.srv.url) && !u.startsWith('data:'));
    await suite.browser?.close();
    suite.srv?.close();
    assert.deepEqual(outside, [], 'requests left 127.0.0.1');
  });
  return suite;
}

