// Hostile input in the browser: a 5 MB paste, binary data, a rule file with 10,000 nested
// parentheses and a rule file where every rule overlaps. The page stays responsive, shows a
// message, and keeps what was typed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, openApp } from './helpers.mjs';

let srv;
let browser;

before(async () => {
  srv = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  srv?.close();
});

/** The page answers a trivial script within `ms` (its main thread is not stuck). */
async function responsive(p, ms = 2000) {
  const t0 = Date.now();
  await p.evaluate(() => 1 + 1);
  return Date.now() - t0 < ms;
}

test('a 5 MB paste: a clear message, the page responsive, the text kept', async () => {
  const p = await newPage(browser);
  p.setDefaultTimeout(15000);
  await openApp(p, srv.url);
  const huge = 'Saya PNS, saya like postingan kampanye caleg. '.repeat(110_000); // ~5 MB
  await p.fill('#incident', huge);
  await p.waitForSelector('#result .verdict-error');
  assert.match(await p.textContent('#result-body'), /bytes/);
  assert.ok(await responsive(p), 'the page answers');
  assert.equal((await p.inputValue('#incident')).length, huge.length, 'nothing typed is lost');
  assert.deepEqual(p.errors, []);
});

test('binary data: a verdict, no crash', async () => {
  const p = await newPage(browser);
  await openApp(p, srv.url);
  const binary = Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919) % 0xd7ff)).join('');
  await p.fill('#incident', binary);
  await p.waitForSelector('#result-body [data-verdict]');
  assert.ok(await responsive(p));
  assert.deepEqual(p.errors, []);
});

test('a rule file with 10,000 nested parentheses: a diagnostic, no crash, the text kept', async () => {
  const p = await newPage(browser);
  p.setDefaultTimeout(15000);
  await openApp(p, srv.url, '#aturan');
  const deep = `rule r "r" {\n  prohibition\n  when ${'('.repeat(10_000)}x${')'.repeat(10_000)}\n}\n`;
  await p.fill('#editor', deep);
  await p.waitForSelector('#diagnostics .diag-error');
  assert.match(await p.textContent('#diagnostics'), /nested|bersarang|64/);
  assert.ok(await responsive(p));
  assert.equal(await p.inputValue('#editor'), deep);
  assert.deepEqual(p.errors, []);
});

test('a rule file where every rule overlaps: still answers', async () => {
  const p = await newPage(browser);
  p.setDefaultTimeout(15000);
  await openApp(p, srv.url, '#aturan');
  let src = 'law L "L 1/2024" "Hukum"\nenum Subject { pns "PNS" }\nfact subject: Subject open "Siapa?" en "Who?" { pns <- "pns" }\n';
  src += 'concept w = "like"\nact a "A" = w\nsanction s "S" { severity 10 }\n';
  for (let i = 0; i < 300; i++) {
    src += `rule r${i} "Aturan ${i}" {\n  prohibition\n  applies to pns\n  when a\n  sanction s\n  basis L "Pasal ${i}"\n  example "pns like" => violation\n}\n`;
  }
  // Pasted at once (Playwright's fill is slow on a long textarea; a paste is one input event).
  const t0 = Date.now();
  await p.evaluate((s) => {
    const ta = document.getElementById('editor');
    ta.value = s;
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  }, src);
  await p.waitForSelector('#editor-status.is-ok');
  assert.ok(Date.now() - t0 < 5000, `300 overlapping rules checked, compiled and listed in ${Date.now() - t0} ms`);
  await p.click('#tab-periksa');
  await p.fill('#incident', 'Saya PNS, saya like');
  await p.waitForSelector('#result-body [data-verdict=violation]');
  assert.ok(await responsive(p));
  assert.deepEqual(p.errors, []);
});
