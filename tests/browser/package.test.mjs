// The npm package (scripts/dist.sh, `make dist`), as an integrator meets it: packed into a
// temporary folder, installed with npm into a scratch host project (a local tarball: no
// network), imported from there in Node and through a bundler, and served cross-origin to a host
// page with a strict CSP in Chromium: the element classifies, is operable with the keyboard alone,
// submits its verdict with the form, and no request leaves the two local origins.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { serveWith, launch, newPage, ROOT, RESULTS } from './helpers.mjs';

const OPEN = 'saya like postingan kampanye caleg di Facebook';
const VERSION = readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "(.+)"$/m)[1];

let tmp;
let host; // the scratch host project
let installed; // node_modules/netral in it
let browser;
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

before(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'netral-package-'));
  run('bash', [path.join(ROOT, 'scripts/dist.sh'), path.join(tmp, 'dist')], ROOT);
  host = path.join(tmp, 'host');
  mkdirSync(host);
  writeFileSync(path.join(host, 'package.json'), JSON.stringify({ name: 'bkd-form', private: true, type: 'module' }));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', path.join(tmp, 'dist', `netral-${VERSION}.tgz`)], host);
  installed = path.join(host, 'node_modules/netral');
  browser = await launch();
});
after(async () => { await browser?.close(); if (tmp) rmSync(tmp, { recursive: true, force: true }); });

test('the tarball installs: package.json, exports with types first, manifest, README, schemas', () => {
  const pkg = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8'));
  assert.equal(pkg.name, 'netral');
  assert.equal(pkg.version, VERSION, 'the version is the crate\'s');
  assert.equal(pkg.type, 'module');
  for (const [entry, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'object') assert.equal(Object.keys(target)[0], 'types', `${entry}: types first`);
    for (const file of typeof target === 'object' ? Object.values(target) : [target]) {
      if (!file.includes('*')) assert.ok(existsSync(path.join(installed, file)), `${entry} → ${file}`);
    }
  }
  for (const file of ['README.md', 'custom-elements.json', 'schema/verdict.json', 'pkg-editor/netral_bg.wasm']) {
    assert.ok(existsSync(path.join(installed, file)), file);
  }
});

test('custom-elements.json names every attribute, part and custom property the element has', () => {
  const manifest = JSON.parse(readFileSync(path.join(installed, 'custom-elements.json'), 'utf8'));
  const el = manifest.modules[0].declarations[0];
  const source = readFileSync(path.join(ROOT, 'www/netral-check-element.js'), 'utf8');
  const sorted = (xs) => [...new Set(xs)].sort();
  const observed = JSON.parse(source.match(/observedAttributes = (\[[^\]]*\])/)[1].replaceAll("'", '"'));
  assert.deepEqual(sorted(el.attributes.map((a) => a.name)), sorted([...observed, 'name', 'disabled']));
  assert.deepEqual(sorted(el.cssParts.map((p) => p.name)), sorted([...source.matchAll(/part: '([a-z]+)'/g)].map((m) => m[1])));
  assert.deepEqual(sorted(el.cssProperties.map((p) => p.name)), sorted([...source.matchAll(/(--netral-[a-z-]*[a-z])/g)].map((m) => m[1])));
});

test('imported from the host project in Node: load, classify, exports resolve', () => {
  writeFileSync(path.join(host, 'check.mjs'), `
    import { readFileSync } from 'node:fs';
    import { fileURLToPath } from 'node:url';
    import { load } from 'netral';
    const netral = await load({ bytes: readFileSync(fileURLToPath(import.meta.resolve('netral/netral_bg.wasm'))) });
    const v = netral.classify({ text: 'Saya PNS, saya like postingan kampanye caleg di Facebook' });
    console.log(JSON.stringify({ verdict: v.verdict, version: v.version,
      element: import.meta.resolve('netral/element'), define: import.meta.resolve('netral/define') }));
  `);
  const out = JSON.parse(run('node', ['check.mjs'], host));
  assert.equal(out.verdict, 'violation');
  assert.equal(out.version, 1);
  assert.match(out.element, /node_modules\/netral\/netral-check-element\.js$/);
  assert.match(out.define, /node_modules\/netral\/netral-check\.js$/);
});

test('its types check in a TypeScript host, with Node\'s and with a bundler\'s resolution', () => {
  writeFileSync(path.join(host, 'form.ts'), `
    import { load, type Verdict } from 'netral';
    import { NetralCheck } from 'netral/element';
    import 'netral/define';
    const el = document.querySelector('netral-check')!;
    const same: NetralCheck = el;
    el.addEventListener('netral-verdict', (e) => { const v: Verdict = e.detail; console.log(v.version, v.verdict); });
    el.facts = { subject: 'pns' };
    const valid: boolean = same.checkValidity() && same.validity.valid;
    const netral = await load();
    const out = netral.classify('Saya PNS');
    if ('verdict' in out) console.log(out.version === 1, out.question?.answers.map((a) => a.label), valid);
  `);
  for (const [module, resolution] of [['nodenext', 'nodenext'], ['esnext', 'bundler']]) {
    writeFileSync(path.join(host, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { module, moduleResolution: resolution, target: 'es2022', lib: ['es2022', 'dom'], strict: true, noEmit: true },
      files: ['form.ts'],
    }));
    run(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', '.'], host);
  }
});

test('a bundler resolves it; ./element has no side effect, ./define registers the tag', () => {
  const esbuild = path.join(ROOT, 'node_modules/.bin/esbuild');
  const bundle = (code) => {
    writeFileSync(path.join(host, 'entry.js'), code);
    return run(esbuild, ['entry.js', '--bundle', '--format=esm', '--platform=browser', '--log-level=warning'], host);
  };
  const element = bundle("import { NetralCheck } from 'netral/element';\nimport { load } from 'netral';\nexport { NetralCheck, load };\n");
  assert.match(element, /formAssociated/);
  assert.doesNotMatch(element, /customElements\.define/);
  assert.match(bundle("import 'netral/define';\n"), /customElements\.define\("netral-check"/);
});

test('cross-origin embed: strict CSP, CORS only, keyboard alone, the form submits the verdict', async () => {
  const site = path.join(host, 'site');
  mkdirSync(site, { recursive: true });
  // The package on one origin, allowing the host by CORS; the host page on another, with a CSP
  // that lets scripts and the wasm come from the package origin only (and no inline script).
  const pkgHeaders = {};
  const hostHeaders = {};
  const pkgSrv = await serveWith(installed, pkgHeaders);
  const hostSrv = await serveWith(site, hostHeaders);
  try {
    pkgHeaders['access-control-allow-origin'] = hostSrv.origin;
    hostHeaders['content-security-policy'] = `default-src 'none'; script-src ${pkgSrv.origin} 'wasm-unsafe-eval'; `
      + `connect-src ${pkgSrv.origin}; img-src data:; form-action 'self'; base-uri 'none'`;
    writeFileSync(path.join(site, 'index.html'), `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Formulir pernyataan netralitas</title>
<link rel="icon" href="data:,">
<script type="module" src="${pkgSrv.origin}/netral-check.js"></script>
</head><body><main><h1>Pernyataan netralitas</h1>
<form action="done.html" method="get">
  <label for="nip">NIP</label> <input id="nip" name="nip" value="1987">
  <netral-check name="netralitas" required label="Uraian kegiatan"></netral-check>
  <button id="send">Kirim</button>
</form></main></body></html>`);
    writeFileSync(path.join(site, 'done.html'), '<!doctype html><html lang="id"><title>Terkirim</title><p>Terkirim.</p></html>');

    const p = await newPage(browser);
    p.setDefaultTimeout(10000);
    await p.goto(hostSrv.url);
    await p.waitForFunction(() => customElements.get('netral-check'));
    const active = () => p.evaluate(() => {
      const a = document.activeElement;
      const inner = a && a.shadowRoot && a.shadowRoot.activeElement;
      return inner ? `${a.localName}>${inner.localName}:${inner.textContent}` : a && (a.id || a.localName);
    });
    await p.keyboard.press('Tab');
    assert.equal(await active(), 'nip');
    await p.keyboard.press('Tab');
    assert.equal(await active(), 'netral-check>textarea:');
    await p.keyboard.type(OPEN);
    await p.waitForSelector('netral-check [part=answer]');
    assert.equal(await p.$eval('netral-check', (e) => e.verdict.verdict), 'needs_more_info');
    for (let i = 0; i < 30 && !(await active()).startsWith('netral-check>button:PNS'); i++) await p.keyboard.press('Tab');
    assert.match(await active(), /^netral-check>button:PNS/, 'the answer is reached with Tab');
    await p.keyboard.press('Enter');
    await p.waitForSelector('netral-check [data-verdict=violation]');
    const verdict = await p.$eval('netral-check', (e) => e.verdict);
    await p.screenshot({ path: path.join(RESULTS, 'embed-cross-origin.png'), fullPage: true });
    for (let i = 0; i < 6 && (await active()) !== 'send'; i++) await p.keyboard.press('Tab');
    assert.equal(await active(), 'send');
    await Promise.all([p.waitForURL(/done\.html/), p.keyboard.press('Enter')]);
    const sent = new URL(p.url()).searchParams;
    assert.deepEqual([sent.get('nip'), sent.getAll('netralitas')], ['1987', ['violation']]);
    // The verdict the element held validates against the schema shipped in the package.
    const ajv = new Ajv2020({ allErrors: true, validateFormats: false });
    const isVerdict = ajv.compile(JSON.parse(readFileSync(path.join(installed, 'schema/verdict.json'), 'utf8')));
    assert.ok(isVerdict(verdict), ajv.errorsText(isVerdict.errors));
    assert.deepEqual(p.errors, [], 'no CSP violation, no error');
    const elsewhere = p.requests.filter((u) => !u.startsWith(`${hostSrv.origin}/`) && !u.startsWith(`${pkgSrv.origin}/`) && !u.startsWith('data:'));
    assert.deepEqual(elsewhere, [], 'nothing goes to any other origin');
    assert.ok(pkgSrv.requests.some((u) => u.endsWith('/pkg/netral_bg.wasm')), 'the wasm came from the package origin');
  } finally {
    hostSrv.close();
    pkgSrv.close();
  }
});
