// scripts/serve.mjs (the server of `make serve`, the tests and the benchmarks): compression
// negotiated from Accept-Encoding, the right Content-Type, frame-ancestors, and nothing served from
// outside its folder. Plain HTTP from Node, no browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import path from 'node:path';
import { serve, WWW } from './helpers.mjs';
import { negotiate, resolveInside } from '../../scripts/serve.mjs';

let srv;
before(async () => { srv = await serve(); });
after(async () => { await srv?.close(); });

/** A raw request (the path is sent as written: no normalisation by a client). */
function get(urlPath, headers = {}, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: srv.port, path: urlPath, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('Accept-Encoding: brotli first, then gzip, else the file itself', () => {
  assert.equal(negotiate('gzip, deflate, br, zstd'), 'br');
  assert.equal(negotiate('gzip'), 'gzip');
  assert.equal(negotiate('br;q=0, gzip;q=0.5'), 'gzip');
  assert.equal(negotiate('*'), 'br');
  assert.equal(negotiate('*, br;q=0'), 'gzip');
  assert.equal(negotiate(''), 'identity');
  assert.equal(negotiate(undefined), 'identity');
  assert.equal(negotiate('identity'), 'identity');
});

test('the module: application/wasm, the same bytes in every encoding', { skip: !existsSync(path.join(WWW, 'pkg/netral_bg.wasm.br')) && 'run make web first' }, async () => {
  const original = readFileSync(path.join(WWW, 'pkg/netral_bg.wasm'));
  const br = await get('/pkg/netral_bg.wasm', { 'accept-encoding': 'gzip, br' });
  assert.equal(br.status, 200);
  assert.equal(br.headers['content-type'], 'application/wasm');
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers.vary, 'Accept-Encoding');
  assert.ok(brotliDecompressSync(br.body).equals(original));
  const gz = await get('/pkg/netral_bg.wasm', { 'accept-encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.ok(gunzipSync(gz.body).equals(original));
  const plain = await get('/pkg/netral_bg.wasm');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.ok(plain.body.equals(original));
  assert.ok(br.body.length < gz.body.length && gz.body.length < plain.body.length);
});

test('the page: its type, frame-ancestors and no sniffing; HEAD has no body', async () => {
  const page = await get('/', { 'accept-encoding': 'br' });
  assert.equal(page.status, 200);
  assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(page.headers['content-security-policy'], "frame-ancestors 'self'");
  assert.equal(page.headers['x-content-type-options'], 'nosniff');
  assert.equal((await get('/netral.js')).headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal((await get('/style.css')).headers['content-type'], 'text/css; charset=utf-8');
  assert.equal((await get('/icon.svg')).headers['content-type'], 'image/svg+xml');
  const head = await get('/netral.js', {}, 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  assert.equal((await get('/', {}, 'POST')).status, 405);
});

test('nothing outside www/ is served', async () => {
  for (const p of ['/../Makefile', '/%2e%2e/Makefile', '/..%2fMakefile', '/pkg/../../Cargo.toml', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/..\\Makefile', '/%5c..%5cMakefile', '/nul%00.html', '/%zz']) {
    const res = await get(p);
    assert.ok([400, 403, 404].includes(res.status), `${p}: ${res.status}`);
    assert.ok(!res.body.toString().includes('CARGO'), p);
  }
  const root = path.resolve(WWW);
  assert.equal(resolveInside(root, '/../Makefile'), path.join(root, 'Makefile'), 'a leading .. stays at the root');
  assert.equal(resolveInside(root, '/a/../../b'), path.join(root, 'b'));
  assert.equal(resolveInside(root, '/%00'), null);
  assert.equal(resolveInside(root, '/%E0%A4%A'), null);
  assert.equal((await get('/no-such-file.js')).status, 404);
});
