// The page in headless Chromium: self-check, follow-up question, language, rule editor, quiz,
// persistence, privacy, accessibility, XSS and print. Screenshots go to test-results/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pageSuite, openApp, ROOT, RESULTS } from './helpers.mjs';

const VIOLATION = 'Saya PNS, saya like postingan kampanye caleg di Facebook';
const MISSING = 'Saya like postingan kampanye caleg di Facebook';
const MINI = readFileSync(path.join(ROOT, 'tests/browser/fixtures/mini.rules'), 'utf8');
const AXE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

// Privacy: over every test, no request went anywhere but the local static server. (pageSuite)
const suite = pageSuite();

async function page(opts = {}, seed = null) {
  const p = await suite.open(opts);
  p.setDefaultTimeout(8000);
  if (seed) {
    // Seed localStorage once (a reload keeps what the page saved since).
    await p.addInitScript(([s]) => { if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem('netral.v1', s); } }, [JSON.stringify(seed)]);
  }
  return p;
}

async function verdictOf(p) {
  return p.getAttribute('#result-body [data-verdict]', 'data-verdict');
}

test('the page loads with its engine, in Indonesian, with the privacy line and no error', async () => {
  const p = await page();
  await openApp(p, suite.srv.url);
  assert.equal(await p.getAttribute('html', 'lang'), 'id');
  assert.match(await p.textContent('#privacy-line'), /tidak ada yang anda ketik dikirim/i);
  assert.equal(await p.textContent('#tab-periksa'), 'Periksa');
  assert.ok(await p.isVisible('#incident'));
  assert.ok((await p.$$('#example-prompts button')).length >= 3);
  assert.deepEqual(p.errors, []);
});

test('a violation: verdict, article and highlighted words as the person types', async () => {
  const p = await page();
  await openApp(p, suite.srv.url);
  await p.fill('#incident', VIOLATION);
  await p.waitForSelector('#result-body [data-verdict=violation]');
  assert.match(await p.textContent('.verdict-word'), /Melanggar/);
  const basis = await p.$$eval('.rule-card .basis li', (li) => li.map((x) => x.textContent));
  assert.ok(basis.length > 0, 'an article is cited');
  const marks = await p.$$eval('#incident-backdrop mark', (m) => m.map((x) => x.textContent));
  assert.ok(marks.length > 0, 'words are highlighted');
  for (const m of marks) assert.ok(VIOLATION.includes(m), `highlight "${m}" is text of the incident`);
  assert.ok(await p.isVisible('.rule-card .sanctions li'), 'a sanction is shown');
  await p.screenshot({ path: path.join(RESULTS, 'check-violation-desktop.png'), fullPage: true });
  assert.deepEqual(p.errors, []);
});

test('offline: after the first visit the page opens and answers with no network', async () => {
  const p = await page();
  await openApp(p, suite.srv.url);
  // The service worker has kept the page's files once it is active and controls the page.
  // Bounded, so that a page without one fails here at once instead of hanging.
  const controlled = await p.evaluate(() => Promise.race([
    navigator.serviceWorker.ready.then(() => navigator.serviceWorker.controller
      || new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })))
      .then(() => true),
    new Promise((resolve) => setTimeout(() => resolve(false), 5000)),
  ]));
  assert.ok(controlled, 'a service worker controls the page after the first visit');
  await p.context().setOffline(true);
  try {
    await p.reload();
    await p.waitForSelector('html[data-ready=true]');
    await p.fill('#incident', VIOLATION);
    await p.waitForSelector('#result-body [data-verdict=violation]');
    assert.deepEqual(p.errors, []);
    // The rule editor was never opened, so its module (and the rule files' text) was not kept:
    // the Aturan tab says it cannot be loaded (the browser logs the failed requests), and Periksa
    // keeps answering.
    await p.click('#tab-aturan');
    await p.waitForSelector('#diagnostics [data-code=E-EDITOR]');
    p.errors.splice(0, Infinity, ...p.errors.filter((e) => !/^Failed to load resource: net::ERR_FAILED/.test(e)));
    await p.click('#tab-periksa');
    await p.fill('#incident', '');
    await p.fill('#incident', VIOLATION);
    await p.waitForSelector('#result-body [data-verdict=violation]');
  } finally {
    await p.context().setOffline(false);
  }
  assert.deepEqual(p.errors, []);
});

test('a missing fact: the question is asked, the answer decides', async () => {
  const p = await page();
  await openApp(p, suite.srv.url);
  await p.fill('#incident', MISSING);
  await p.waitForSelector('#result-body [data-verdict=needs_more_info]');
  assert.ok(await p.isVisible('.follow-up .btn-answer'));
  await p.screenshot({ path: path.join(RESULTS, 'check-question-desktop.png'), fullPage: true });
  let answered = 0;
  while ((await verdictOf(p)) === 'needs_more_info' && answered < 6) {
    const fact = (await p.getAttribute('.follow-up', 'aria-labelledby')).replace(/^q-|-title$/g, '');
    const pick = (await p.$(`.follow-up .btn-answer[data-value=pns]`)) || (await p.$('.follow-up .btn-answer[data-value=true]')) || (await p.$('.follow-up .btn-answer'));
    await pick.click();
    answered += 1;
    assert.ok(fact, 'the question names its fact');
  }
  assert.ok(answered >= 1);
  assert.equal(await verdictOf(p), 'violation', 'a PNS liking a campaign post is a violation');
  // The answer shows in the generated form too.
  assert.equal(await p.$eval('#fact-subject', (s) => s.value), 'pns');
});

test('an act not understood: the acts checklist is asked, and its answer decides', async () => {
  const p = await page();
  await openApp(p, suite.srv.url);
  await p.fill('#incident', 'Saya polisi, minggu depan saya mau ngangkut sound system buat panggung caleg');
  await p.waitForSelector('#result-body [data-verdict=needs_more_info]');
  // A checklist of acts, never a guessed "allowed".
  assert.ok(await p.isVisible('.follow-up .acts-list input[type=checkbox][value=campaign_presence]'));
  await p.check('.follow-up .acts-list input[value=campaign_presence]');
  await p.click('.follow-up .answer-row .btn-answer:not([data-value=none])');
  await p.waitForSelector('#result-body [data-verdict=violation]');
  // Clearing the answer and choosing "none of these" allows it, with the nearest prohibitions.
  await p.fill('#incident', 'Saya PNS, minggu depan saya mau ngangkut sound system buat panggung caleg');
  await p.waitForSelector('.follow-up .btn-answer[data-value=none]');
  await p.click('.follow-up .btn-answer[data-value=none]');
  await p.waitForSelector('#result-body [data-verdict=allowed]');
  assert.ok(await p.isVisible('#result-body .nearly li'), 'an allowed verdict says why not');
  assert.deepEqual(p.errors, []);
});

test('the language switch turns the interface and the verdict into English', async () => {
  const p = await page();
  await openApp(p, suite.srv.url);
  await p.fill('#incident', VIOLATION);
  await p.waitForSelector('#result-body [data-verdict=violation]');
  await p.click('#lang-switch');
  assert.equal(await p.getAttribute('html', 'lang'), 'en');
  assert.equal(await p.textContent('#tab-periksa'), 'Check');
  assert.match(await p.textContent('.verdict-word'), /Breaks the neutrality rules/);
  assert.match(await p.textContent('#privacy-line'), /Nothing you type is sent/);
  await p.click('#lang-switch');
  assert.equal(await p.textContent('#tab-periksa'), 'Periksa');
});

test('the rule editor: a broken line is reported at its line; a valid rulebook is used at once', async () => {
  const p = await page();
  await openApp(p, suite.srv.url, '#aturan');
  const lines = MINI.split('\n');
  const at = lines.findIndex((l) => l.startsWith('rule mini_like'));
  const broken = [...lines.slice(0, at + 2), '  applies to asn ,,', ...lines.slice(at + 3)].join('\n');
  await p.fill('#editor', broken);
  await p.waitForSelector('#diagnostics .diag-error');
  const line = Number(await p.getAttribute('#diagnostics .diag-error', 'data-line'));
  assert.equal(line, at + 3, 'the error is on the broken line');
  assert.match(await p.textContent('#diagnostics .diag-error .diag-pos'), new RegExp(`baris ${at + 3}:\\d+`));
  assert.ok(await p.isVisible(`#editor-gutter .ln-error`));
  assert.ok((await p.$$('#editor-backdrop mark')).length > 0, 'the span is marked');
  assert.match(await p.textContent('#editor-status'), /kesalahan/);
  await p.screenshot({ path: path.join(RESULTS, 'rules-error-desktop.png'), fullPage: true });
  // Jumping to the problem selects it in the editor.
  await p.click('#diagnostics .diag-error .diag-jump');
  assert.equal(await p.evaluate(() => document.activeElement.id), 'editor');
  // Fixed: the examples run, and Periksa uses the new rules.
  await p.fill('#editor', MINI);
  await p.waitForSelector('#editor-status.is-ok');
  assert.equal(await p.textContent('#examples-run-summary'), '2 dari 2 contoh lulus.');
  assert.ok(await p.isVisible('#rule-list .rule-item'));
  await p.click('#tab-periksa');
  await p.fill('#incident', 'Saya PNS like postingan caleg');
  await p.waitForSelector('#result-body [data-rule=mini_like]');
  assert.ok(await p.isVisible('#result-body .notice'), 'Periksa says it uses the edited rules');
});

test('the quiz: pick a verdict, see the answer with its rule and basis, keep score', async () => {
  const p = await page({}, { editor: MINI, tab: 'latihan' });
  await openApp(p, suite.srv.url);
  await p.waitForSelector('#quiz-body .btn-choice');
  const text = await p.textContent('.quiz-case');
  const expected = text.includes('PNS') ? 'violation' : 'allowed';
  await p.click(`#quiz-body .btn-choice[data-choice=${expected}]`);
  await p.waitForSelector('.quiz-reveal.is-right');
  assert.match(await p.textContent('.quiz-reveal'), /SKB 2022/);
  assert.equal(await p.textContent('#quiz-score'), 'Skor: 1 / 1');
  assert.equal((await p.$$('#quiz-summary tbody tr')).length, 1);
  await p.click('#quiz-next');
  await p.click('#quiz-body .btn-choice[data-choice=needs_more_info]');
  await p.waitForSelector('.quiz-reveal.is-wrong');
  assert.equal(await p.textContent('#quiz-score'), 'Skor: 1 / 2');
  await p.screenshot({ path: path.join(RESULTS, 'train-desktop.png'), fullPage: true });
  // The printable summary: only the summary is printed.
  await p.evaluate(() => { document.body.dataset.print = 'quiz'; });
  await p.emulateMedia({ media: 'print' });
  assert.equal(await p.isVisible('#quiz'), false);
  assert.ok(await p.isVisible('#quiz-summary table'));
});

test('nothing is lost: text, answers and edited rules come back after a reload; clear removes them', async () => {
  const p = await page();
  await openApp(p, suite.srv.url);
  await p.fill('#incident', MISSING);
  await p.waitForSelector('#result-body [data-verdict]');
  await p.selectOption('#fact-subject', 'pns');
  await p.reload();
  await p.waitForSelector('html[data-ready=true]');
  assert.equal(await p.inputValue('#incident'), MISSING);
  assert.equal(await p.inputValue('#fact-subject'), 'pns');
  assert.equal(await verdictOf(p), 'violation');
  await p.click('#tab-aturan');
  await p.fill('#editor', `${MINI}\n# my edit\n`);
  await p.reload();
  await p.waitForSelector('html[data-ready=true]');
  assert.match(await p.inputValue('#editor'), /# my edit/);
  await p.click('#clear-data');
  assert.equal(await p.inputValue('#incident'), '');
  const stored = await p.evaluate(() => localStorage.getItem('netral.v1') || '');
  assert.ok(!stored.includes('Saya like') && !stored.includes('my edit'), 'nothing typed is left in storage');
  await p.click('#undo-clear');
  assert.equal(await p.inputValue('#incident'), MISSING);
});

test('XSS: markup in rule titles, advice and the incident is shown as text', async () => {
  const p = await page();
  await openApp(p, suite.srv.url, '#aturan');
  const evil = MINI
    .replace('"ASN menyukai unggahan calon"', '"<img src=x onerror=\\"window.__xss=1\\">ASN"')
    .replace('"Cukup baca, jangan menyukai."', '"<script>window.__xss=2</script>"');
  await p.fill('#editor', evil);
  await p.waitForSelector('#editor-status.is-ok');
  await p.click('#tab-periksa');
  await p.fill('#incident', 'Saya PNS like postingan caleg <img src=y onerror="window.__xss=3">');
  await p.waitForSelector('#result-body [data-verdict=violation]');
  assert.match(await p.textContent('.rule-title'), /<img src=x/);
  assert.match(await p.textContent('.advice p'), /<script>/);
  await p.click('#tab-aturan');
  assert.match(await p.textContent('#rule-list'), /<img src=x/);
  assert.equal(await p.evaluate(() => window.__xss), undefined);
  assert.equal(await p.$$eval('img[src=x], img[src=y], main script', (n) => n.length), 0);
});

test('accessibility: axe-core finds no serious or critical violation on any tab', async () => {
  const p = await page({ bypassCSP: true });
  await openApp(p, suite.srv.url);
  await p.fill('#incident', MISSING);
  await p.waitForSelector('#result-body [data-verdict]');
  await p.addScriptTag({ content: AXE });
  const found = [];
  for (const tab of ['periksa', 'latihan', 'aturan']) {
    await p.click(`#tab-${tab}`);
    const res = await p.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })));
    found.push(...res.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ tab, ...v })));
  }
  writeFileSync(path.join(RESULTS, 'axe.json'), JSON.stringify(found, null, 2));
  assert.deepEqual(found, []);
});

test('keyboard: tabs move with the arrow keys and focus is visible', async () => {
  const p = await page();
  await openApp(p, suite.srv.url);
  await p.focus('#tab-periksa');
  await p.keyboard.press('ArrowRight');
  assert.equal(await p.evaluate(() => document.activeElement.id), 'tab-latihan');
  assert.equal(await p.isVisible('#panel-latihan'), true);
  const outline = await p.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, 'solid');
  await p.keyboard.press('End');
  assert.equal(await p.evaluate(() => document.activeElement.id), 'tab-aturan');
});

test('print: the result with its citations fits one A4 page', async () => {
  const p = await page();
  await openApp(p, suite.srv.url);
  await p.fill('#incident', VIOLATION);
  await p.waitForSelector('#result-body [data-verdict=violation]');
  await p.emulateMedia({ media: 'print' });
  const pdf = await p.pdf({ format: 'A4', preferCSSPageSize: true, path: path.join(RESULTS, 'print-result.pdf') });
  const pagesInPdf = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pagesInPdf, 1);
});

test('phone width (390 px): every tab renders without horizontal scrolling', async () => {
  const p = await page({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, { editor: null });
  await openApp(p, suite.srv.url);
  await p.fill('#incident', VIOLATION);
  await p.waitForSelector('#result-body [data-verdict]');
  for (const tab of ['periksa', 'latihan', 'aturan']) {
    await p.click(`#tab-${tab}`);
    await p.screenshot({ path: path.join(RESULTS, `${tab}-phone.png`), fullPage: true });
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${tab}: ${overflow}px of horizontal overflow`);
  }
  await p.setViewportSize({ width: 1280, height: 900 });
  for (const tab of ['latihan', 'aturan']) {
    await p.click(`#tab-${tab}`);
    await p.screenshot({ path: path.join(RESULTS, `${tab}-desktop.png`), fullPage: true });
  }
});
