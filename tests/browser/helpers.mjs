// Shared by the browser tests and the benchmarks: a static server for www/ on a free 127.0.0.1
// port (scripts/serve.mjs, the server of `make serve`: precompressed files, application/wasm)
// and Debian's Chromium.
import { mkdirSync } from 'node:fs';
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
