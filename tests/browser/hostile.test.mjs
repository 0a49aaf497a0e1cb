// Hostile input in the browser: a 5 MB paste, binary data, a rule file with 10,000 nested
// parentheses and a rule file where every rule overlaps. The page stays responsive, shows a
// message, and keeps what was typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageSuite, openApp } from './helpers.mjs';

// Every page opened here is also checked to have requested nothing outside 127.0.0.1.
const suite = pageSuite();

/** The page answers a trivial script within `ms` (its main thread is not stuck). */
async function responsive(p, ms = 2000) {
  const t0 = Date.now();
  await p.evaluate(() => 1 + 1);
  return Date.now() - t0 < ms;
}

test('a 5 MB paste: a clear message, the page responsive, the text kept', async () => {
  const p = await suite.open();
  p.setDefaultTimeout(15000);
  await openApp(p, suite.srv.url);
  const huge = 'Saya PNS, saya like postingan kampanye caleg. '.repeat(110_000); // ~5 MB
  await p.fill('#incident', huge);
  await p.waitForSelector('#result .verdict-error');
  assert.match(await p.textContent('#result-body'), /bytes/);
  assert.ok(await responsive(p), 'the page answers');
  assert.equal((await p.inputValue('#incident')).length, huge.length, 'nothing typed is lost');
  assert.deepEqual(p.errors, []);
});

test('binary data: a verdict, no crash', async () => {
  const p = await suite.open();
  await openApp(p, suite.srv.url);
  const binary = Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919) % 0xd7ff)).join('');
  await p.fill('#incident', binary);
  await p.waitForSelector('#result-body [data-verdict]');
  assert.ok(await responsive(p));
  assert.deepEqual(p.errors, []);
});

test('a rule file with 10,000 nested parentheses: a diagnostic, no crash, the text kept', async () => {
  const p = await suite.open();
  p.setDefaultTimeout(15000);
  await openApp(p, suite.srv.url, '#aturan');
  const deep = `rule r "r" {\n  prohibition\n  when ${'('.repeat(10_000)}x${')'.repeat(10_000)}\n}\n`;
  await p.fill('#editor', deep);
  await p.waitForSelector('#diagnostics .diag-error');
  assert.match(await p.textContent('#diagnostics'), /nested|bersarang|64/);
  assert.ok(await responsive(p));
  assert.equal(await p.inputValue('#editor'), deep);
  assert.deepEqual(p.errors, []);
});

test('a rule file where every rule overlaps: still answers', async () => {
  const p = await suite.open();
  p.setDefaultTimeout(15000);
  await openApp(p, suite.srv.url, '#aturan');
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

/**
 * A rule file that takes long to check: every one of `n` rules overlaps the others and has an
 * example, and checking runs every example against every rule (n² verdicts of n rules each).
 * 8,000 rules took 15 s to check in Node; far past the page's 2 s budget on any machine.
 */
function slowRulebook(n = 8000) {
  let src = 'law L "L 1/2024" "Hukum"\nenum Subject { pns "PNS" }\nfact subject: Subject open "Siapa?" en "Who?" { pns <- "pns" }\n';
  src += 'concept w = "like"\nact a "A" = w\nsanction s "S" { severity 10 }\n';
  for (let i = 0; i < n; i++) {
    src += `rule r${i} "Aturan ${i}" {\n  prohibition\n  applies to pns\n  when a\n  sanction s\n  basis L "Pasal ${i}"\n  example "pns like" => violation\n}\n`;
  }
  return src;
}

test('a check stopped by its signal answers E-CANCELLED, and the next call works', async () => {
  const p = await suite.open();
  await openApp(p, suite.srv.url);
  const [first, next] = await p.evaluate(async (src) => {
    const { load } = await import('./netral.js');
    const n = await load({ separate: true });
    const stop = new AbortController();
    const pending = n.check(src, { signal: stop.signal });
    setTimeout(() => stop.abort(), 300);
    const cancelled = await pending;
    const again = await n.check('concept w = "like"\n');
    return [cancelled.map((d) => d.code), again.map((d) => d.code)];
  }, slowRulebook());
  assert.deepEqual(first, ['E-CANCELLED']);
  // A fresh editor answers the next call: with the rule file's own diagnostics (no rule in it).
  assert.deepEqual(next, ['E-NO-RULES'], 'a fresh editor answers the next call');
  assert.deepEqual(p.errors, []);
});

test('saved rules that take too long to check: stopped within the budget, the built-in rules used, the text kept', async () => {
  const p = await suite.open();
  p.setDefaultTimeout(15000);
  const slow = slowRulebook();
  const text = 'Saya PNS, saya like postingan kampanye caleg di Facebook';
  await p.addInitScript(([s]) => {
    if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem('netral.v1', s); }
  }, [JSON.stringify({ text, editor: slow })]);
  const t0 = Date.now();
  await openApp(p, suite.srv.url);
  // The built-in rules answer at once (the saved rules are being checked in the worker meanwhile).
  await p.waitForSelector('#result-body [data-verdict=violation]');
  assert.ok(await responsive(p, 500), 'the page answers while the saved rules are checked');
  // Past the 2 s budget: a clear message in Indonesian, and the way back to the saved rules.
  await p.waitForSelector('#result-body .notice-saved');
  const waited = Date.now() - t0;
  assert.ok(waited < 8000, `the check was stopped after ${waited} ms`);
  assert.match(await p.textContent('#result-body .notice-saved'), /tidak selesai diperiksa dalam 2 detik.*aturan bawaan.*tidak hilang/);
  assert.ok(await p.$('#result-body [data-rule=asn_social_media_engagement]'), 'Periksa uses the built-in rules');
  // Nothing is lost: the saved text stays in storage and is back in the editor.
  const stored = await p.evaluate(() => JSON.parse(localStorage.getItem('netral.v1')).editor);
  assert.equal(stored.length, slow.length);
  await p.click('#open-saved');
  assert.equal(await p.getAttribute('#tab-aturan', 'aria-selected'), 'true');
  assert.equal((await p.inputValue('#editor')).length, slow.length);
  assert.match(await p.textContent('#editor-status'), /dihentikan.*2 detik/);
  assert.match(await p.textContent('#diagnostics'), /E-TIMEOUT/);
  // The page stays usable: a new incident is checked with the built-in rules.
  await p.click('#tab-periksa');
  await p.fill('#incident', 'Saya PNS dan datang ke TPS untuk mencoblos');
  await p.waitForSelector('#result-body [data-verdict=allowed]');
  // In English too.
  await p.click('#lang-switch');
  await p.waitForSelector('#result-body .notice-saved');
  assert.match(await p.textContent('#result-body .notice-saved'), /not checked within 2 seconds.*built-in rules.*not lost/);
  assert.ok(await responsive(p));
  assert.deepEqual(p.errors, []);
});

test('a rule file that takes long to check while editing: the page stays usable, and a fixed file is checked', async () => {
  const p = await suite.open();
  p.setDefaultTimeout(20000);
  await openApp(p, suite.srv.url, '#aturan');
  await p.waitForSelector('#editor-status.is-ok');
  await p.evaluate((s) => {
    const ta = document.getElementById('editor');
    ta.value = s;
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  }, slowRulebook());
  // Laying out a megabyte of pasted text takes the browser a moment; after that, while the
  // worker checks (for seconds), the page answers and Periksa still classifies.
  await p.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  assert.ok(await responsive(p, 500));
  await p.click('#tab-periksa');
  await p.fill('#incident', 'Saya PNS, saya like postingan kampanye caleg di Facebook');
  await p.waitForSelector('#result-body [data-verdict=violation]');
  assert.ok(await responsive(p, 500));
  // A small rule file typed meanwhile is checked once the slow check ends or is stopped.
  await p.click('#tab-aturan');
  await p.evaluate(() => {
    const ta = document.getElementById('editor');
    ta.value = 'law X "X" "X"\nrule r "R" {\n  when ,\n}\n';
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await p.waitForFunction(() => document.querySelector('#diagnostics .diag-error[data-line="3"]'), null, { timeout: 20000 });
  assert.deepEqual(p.errors, []);
});
