// <netral-check> in other people's pages: the example government form, and a foreign page with
// hostile styles and its own rule file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serve, launch, newPage, ROOT, RESULTS } from './helpers.mjs';

let srv;
let browser;
before(async () => { srv = await serve(ROOT); browser = await launch(); });
after(async () => { await browser?.close(); srv?.close(); });

function nextVerdict(p, selector) {
  return p.evaluate((sel) => new Promise((resolve) => {
    document.querySelector(sel).addEventListener('netral-verdict', (e) => resolve({
      verdict: e.detail.verdict, rules: e.detail.matched.map((m) => m.rule), bubbles: e.bubbles, composed: e.composed,
    }), { once: true });
  }), selector);
}

test('the example form: host facts in, netral-verdict out', async () => {
  const p = await newPage(browser);
  p.setDefaultTimeout(8000);
  await p.goto(`${srv.url}www/embed-example.html`);
  await p.selectOption('#status', 'pns');
  const got = nextVerdict(p, 'body');
  await p.fill('netral-check textarea', 'saya like postingan kampanye caleg di Facebook');
  const v = await got;
  assert.equal(v.verdict, 'violation', 'subject=pns from the host form decides');
  assert.ok(v.bubbles && v.composed);
  assert.deepEqual(await p.$eval('#gov-form', (f) => new FormData(f).getAll('netral_verdict')), ['violation'], 'the element is the form field');
  assert.equal(await p.$eval('#gov-form', (f) => f.checkValidity()), false, 'require="not-violation" holds the form back');
  assert.match(await p.textContent('#verdict-line'), /Melanggar/);
  // Without the host's fact the element asks, and its answer buttons decide.
  await p.selectOption('#status', '');
  await p.fill('netral-check textarea', 'saya like postingan kampanye caleg di Facebook ');
  await p.waitForSelector('netral-check .q button');
  const answered = nextVerdict(p, 'netral-check');
  await p.click('netral-check .q button:has-text("PPPK")');
  assert.equal((await answered).verdict, 'violation');
  await p.screenshot({ path: path.join(RESULTS, 'embed-example.png'), fullPage: true });
  await p.setViewportSize({ width: 390, height: 844 });
  await p.screenshot({ path: path.join(RESULTS, 'embed-example-phone.png'), fullPage: true });
  assert.deepEqual(p.errors, []);
  assert.deepEqual(p.requests.filter((u) => !u.startsWith(srv.url)), []);
});

test('a foreign page: its own rule file, and no style leaks either way', async () => {
  const p = await newPage(browser);
  p.setDefaultTimeout(8000);
  await p.goto(`${srv.url}tests/browser/fixtures/foreign.html`);
  const got = nextVerdict(p, '#own');
  await p.fill('#own textarea', 'Saya PNS like postingan caleg');
  const v = await got;
  assert.deepEqual(v.rules, ['mini_like'], 'the element uses the rules= file');
  // The default element on the same page still uses the built-in rules (its own engine state).
  const builtin = nextVerdict(p, '#builtin');
  await p.fill('#builtin textarea', 'Saya PNS, saya like postingan kampanye caleg di Facebook');
  assert.notDeepEqual((await builtin).rules, ['mini_like']);
  const inside = await p.$eval('#own', (host) => {
    const ta = host.shadowRoot.querySelector('textarea');
    const s = getComputedStyle(ta);
    const box = getComputedStyle(host.shadowRoot.querySelector('.box'));
    return { bg: s.backgroundColor, color: s.color, font: s.fontFamily, boxBorder: box.borderTopStyle, spacing: box.letterSpacing, transform: box.textTransform };
  });
  assert.equal(inside.bg, 'rgb(255, 255, 255)');
  assert.notEqual(inside.color, 'rgb(255, 0, 255)');
  assert.doesNotMatch(inside.font, /Comic/);
  assert.equal(inside.boxBorder, 'solid');
  assert.equal(inside.spacing, 'normal');
  assert.equal(inside.transform, 'none');
  // ... and the element's styles do not reach the host's button.
  assert.equal(await p.$eval('#host-button', (b) => getComputedStyle(b).borderTopStyle), 'dotted');
  await p.screenshot({ path: path.join(RESULTS, 'embed-foreign.png'), fullPage: true });
  assert.deepEqual(p.errors, []);
});

test('rules= changes: a slow older file is dropped, and removing rules= stops the own editor', async () => {
  const p = await newPage(browser);
  p.setDefaultTimeout(8000);
  const mini = readFileSync(path.join(ROOT, 'tests/browser/fixtures/mini.rules'), 'utf8');
  // slow.rules: the same rulebook under another rule id, answered only once `release` is called.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await p.route('**/slow.rules', async (route) => {
    await held;
    await route.fulfill({ status: 200, contentType: 'text/plain', body: mini.replace('rule mini_like', 'rule mini_slow') });
  });
  await p.goto(`${srv.url}tests/browser/fixtures/foreign.html`);
  const rulesOf = async (text) => {
    const got = nextVerdict(p, '#own');
    await p.fill('#own textarea', text);
    return (await got).rules;
  };
  assert.deepEqual(await rulesOf('Saya PNS like postingan caleg'), ['mini_like']);
  assert.equal(p.workers().length, 1, 'the own engine compiled rules= in its editor worker');

  // An older load that ends after a newer one must not replace the newer rulebook.
  await p.$eval('#own', (e) => e.setAttribute('rules', '/tests/browser/fixtures/slow.rules'));
  await p.$eval('#own', (e) => e.setAttribute('rules', '/tests/browser/fixtures/mini.rules'));
  assert.deepEqual(await rulesOf('Saya PNS like postingan caleg.'), ['mini_like']);
  release();
  await p.waitForTimeout(500); // the slow file arrives, and must be dropped
  assert.deepEqual(await rulesOf('Saya PNS like postingan caleg!'), ['mini_like'], 'the newer rules= stays in use');

  // Without rules= the element uses the shared built-in engine and stops its own editor.
  const worker = p.workers()[0];
  const stopped = new Promise((resolve, reject) => {
    worker.once('close', resolve);
    setTimeout(() => reject(new Error('the own engine\'s editor worker is still running')), 5000);
  });
  await p.$eval('#own', (e) => e.removeAttribute('rules'));
  await stopped;
  assert.deepEqual(p.workers(), []);
  assert.ok(!(await rulesOf('Saya PNS, saya like postingan kampanye caleg di Facebook')).includes('mini_like'), 'the built-in rules');
  // rules= again: the own engine compiles it in a fresh editor.
  await p.$eval('#own', (e) => e.setAttribute('rules', '/tests/browser/fixtures/mini.rules'));
  await p.waitForFunction(() => !document.querySelector('#own').shadowRoot.textContent.includes('Loading'));
  assert.deepEqual(await rulesOf('Saya PNS like postingan caleg'), ['mini_like']);
  assert.deepEqual(p.errors, []);
});

test('the element shows the points the law leaves uncertain, labelled as the page labels them', async () => {
  const p = await newPage(browser);
  p.setDefaultTimeout(8000);
  await p.goto(`${srv.url}tests/browser/fixtures/foreign.html`);
  const got = p.evaluate(() => new Promise((resolve) => {
    document.querySelector('#builtin').addEventListener('netral-verdict', (e) => resolve(e.detail.matched[0].uncertain), { once: true });
  }));
  await p.fill('#builtin textarea', 'Saya PNS, kemarin saya nge-like postingan kampanye caleg di Facebook');
  const uncertain = await got;
  assert.ok(uncertain.length > 0, 'this rule has points the digest leaves open');
  const shown = await p.$$eval('#builtin [part=uncertain]', (lis) => lis.map((li) => li.textContent));
  assert.deepEqual(shown, uncertain.map((u) => `Belum pasti: ${u}`));
});
