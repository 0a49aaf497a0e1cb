// The Latihan tab in headless Chromium (www/training.js): the case library of real reports and
// rule examples with its filters, a quiz link built, opened in a fresh browser context and
// answered to the end, a bad link, presenter mode at 1920×1080, "what if" flipping a verdict,
// the module loaded only with the tab, and axe on every view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pageSuite, openApp, ROOT, RESULTS } from './helpers.mjs';
import { parseLink, selectCases } from '../../www/training-link.js';

const AXE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const DATA = JSON.parse(readFileSync(path.join(ROOT, 'www/training/cases.json'), 'utf8'));

// Nothing typed or answered leaves the device: every request went to the local server. (pageSuite)
const suite = pageSuite();

async function page(opts = {}) {
  const p = await suite.open(opts);
  p.setDefaultTimeout(10_000);
  return p;
}

/** The Latihan tab, rendered by its module. */
async function training(p, hash = '#latihan') {
  await openApp(p, suite.srv.url, hash);
  await p.waitForSelector('#library li[data-case]');
  await p.waitForSelector('#quiz-body .btn-choice');
}

test('the case data: every report of dev.jsonl and every rule example, each tagged', () => {
  const reports = DATA.cases.filter((c) => c.kind === 'report');
  const lines = readFileSync(path.join(ROOT, 'tests/cases/dev.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
  assert.equal(reports.length, lines.length);
  assert.ok(DATA.cases.length > reports.length + 200, 'the rule examples are there too');
  assert.deepEqual(DATA.topics.map((x) => x.id), ['medsos', 'acara', 'atribut', 'fasilitas', 'keputusan', 'pencalonan', 'keluarga', 'pemilihan']);
  assert.deepEqual(DATA.groups.map((x) => x.id), ['asn', 'tni', 'polri', 'desa', 'pejabat', 'lainnya']);
  for (const c of DATA.cases) {
    assert.ok(c.topics.length && c.groups.length, `${c.id} is tagged`);
    assert.ok(['violation', 'allowed', 'needs_more_info'].includes(c.expected), c.id);
  }
  for (const x of [...DATA.topics, ...DATA.groups]) assert.ok(x.label.id && x.label.en, x.id);
  const c001 = DATA.cases.find((c) => c.id === 'c001');
  assert.deepEqual([c001.topics, c001.groups], [['medsos'], ['asn']]);
  assert.match(c001.source, /^https:\/\//);
});

test('the training module loads with the Latihan tab, not before the first verdict', async () => {
  const p = await page();
  await openApp(p, suite.srv.url);
  await p.fill('#incident', 'Saya PNS, saya like postingan kampanye caleg di Facebook');
  await p.waitForSelector('#result-body [data-verdict=violation]');
  const early = p.requests.filter((u) => /training/.test(u));
  assert.deepEqual(early, [], 'nothing of the training tab is loaded on Periksa');
  await p.click('#tab-latihan');
  await p.waitForSelector('#library li[data-case]');
  assert.ok(p.requests.some((u) => u.endsWith('/training.min.js')));
  assert.ok(p.requests.some((u) => u.endsWith('/training/cases.json')));
  assert.deepEqual(p.errors, []);
});

test('the library: a real report with its verdict, rules, basis, sanction and source; filters', async () => {
  const p = await page();
  await training(p);
  const report = p.locator('#library li[data-case=c001]');
  const text = await report.textContent();
  assert.match(text, /Laporan nyata/);
  assert.match(text, /Pelanggaran|Melanggar/i);
  assert.match(text, /Dasar hukum: .*SKB 2022/);
  assert.match(text, /Sanksi: /);
  assert.match(text, /Media sosial/);
  assert.equal(await report.locator('.tr-source a').getAttribute('href'), DATA.cases.find((c) => c.id === 'c001').source);

  // Tag, verdict, kind and free text, together.
  await p.selectOption('#library-topic', 'medsos');
  await p.selectOption('#library-kind', 'report');
  const medsos = DATA.cases.filter((c) => c.kind === 'report' && c.topics.includes('medsos'));
  assert.equal(await p.textContent('#library-count'), `${medsos.length} dari ${DATA.cases.length} kasus`);
  assert.equal(await p.locator('#library li[data-case]').count(), Math.min(medsos.length, 24), 'a page at a time');
  await p.selectOption('#library-verdict', 'allowed');
  const allowed = medsos.filter((c) => c.expected === 'allowed');
  assert.ok(allowed.length > 0 && allowed.length <= 24);
  assert.equal(await p.locator('#library li[data-case]').count(), allowed.length);
  assert.equal(await p.locator('#library li[data-case] .badge-allowed').count(), allowed.length);
  await p.selectOption('#library-topic', '');
  await p.selectOption('#library-verdict', '');
  await p.selectOption('#library-group', 'asn');
  // "Show more": the next page, focus on its first case.
  await p.selectOption('#library-group', '');
  assert.equal(await p.locator('#library li[data-case]').count(), 24);
  await p.click('#library-more');
  assert.equal(await p.locator('#library li[data-case]').count(), 48);
  assert.equal(await p.evaluate(() => document.activeElement.closest('li').dataset.case), DATA.cases[24].id);
  await p.selectOption('#library-group', 'asn');
  await p.fill('#library-filter', 'Sumba Timur');
  assert.deepEqual(await p.$$eval('#library li[data-case]', (n) => n.map((x) => x.dataset.case)), ['c002']);
  await p.fill('#library-filter', 'tidak ada kasus seperti ini');
  assert.match(await p.textContent('#library'), /Tidak ada yang cocok/);
  assert.deepEqual(p.errors, []);
});

test('a quiz link: built by the trainer, opened in a fresh context, answered to the end, printable', async () => {
  const trainer = await page();
  await training(trainer);
  await trainer.check('#quiz-builder input[name=topic][value=medsos]');
  await trainer.check('#quiz-builder input[name=group][value=asn]');
  await trainer.selectOption('#builder-count', '5');
  await trainer.selectOption('#builder-order', 'acak');
  await trainer.click('#builder-make');
  const link = await trainer.inputValue('#builder-link');
  const url = new URL(link);
  assert.equal(url.origin + url.pathname, suite.srv.url.replace(/\/$/, '/'));
  const params = new URLSearchParams(url.hash.split('?')[1]);
  assert.equal(params.get('kuis'), String(DATA.version));
  assert.equal(params.get('topik'), 'medsos');
  assert.equal(params.get('kelompok'), 'asn');
  assert.equal(params.get('n'), '5');
  assert.match(await trainer.textContent('#builder-out'), /5 soal/);

  // Two participants, each in a browser of their own, get the same five cases in the same order.
  const seen = [];
  for (const who of ['a', 'b']) {
    const p = await page();
    await training(p, url.hash);
    assert.match(await p.textContent('#quiz-body'), /Kuis dari tautan pelatih/);
    const texts = [];
    for (let i = 0; i < 5; i++) {
      assert.equal(await p.textContent('.quiz-progress'), `Soal ${i + 1} dari 5`);
      const story = await p.textContent('.quiz-case');
      texts.push(story);
      const c = DATA.cases.find((x) => x.text === story);
      assert.ok(c && c.topics.includes('medsos') && c.groups.includes('asn'), story);
      // Participant a answers everything right but the first; b answers "allowed" throughout.
      const choice = who === 'a' ? (i === 0 ? other(c.expected) : c.expected) : 'allowed';
      await p.click(`#quiz-body .btn-choice[data-choice=${choice}]`);
      await p.waitForSelector('#quiz-reveal');
      const reveal = await p.textContent('#quiz-reveal');
      assert.match(reveal, /Jawaban yang benar: /);
      if (c.expected === 'violation') assert.match(reveal, /Aturan: .*Dasar hukum: .*Sanksi: /s);
      if (c.expected === 'allowed' && c.kind === 'report') assert.match(reveal, /Mengapa bukan pelanggaran|Aturan/);
      await p.click('#quiz-next');
    }
    await p.waitForSelector('#quiz-done');
    assert.equal(await p.evaluate(() => document.activeElement.id), 'quiz-done');
    if (who === 'a') {
      assert.match(await p.textContent('#quiz-done'), /Skor akhir: 4 dari 5/);
      assert.match(await p.textContent('#quiz-review'), /Ulas 1 kasus yang terlewat/);
      assert.match(await p.textContent('#quiz-review'), /Putusan yang benar: /);
      await p.screenshot({ path: path.join(RESULTS, 'training-quiz-end.png'), fullPage: true });
      await p.evaluate(() => { document.body.dataset.print = 'quiz'; });
      await p.emulateMedia({ media: 'print' });
      assert.ok(await p.isVisible('#quiz-summary table'));
      assert.ok(await p.isVisible('#quiz-review'));
      assert.equal(await p.isVisible('#quiz-builder'), false);
      await p.pdf({ format: 'A4', path: path.join(RESULTS, 'training-quiz-summary.pdf') });
    }
    assert.deepEqual(p.errors, []);
    seen.push(texts);
    await p.context().close();
  }
  assert.deepEqual(seen[0], seen[1], 'the same quiz for everyone');
  // The five cases the link selects, in its order (two rule examples may tell the same story).
  const picked = selectCases(DATA, parseLink(url.hash.split('?')[1], DATA));
  assert.deepEqual(seen[0], picked.map((c) => c.text));
});

test('a bad or outdated quiz link: a clear message (id/en) and the default quiz', async () => {
  for (const hash of ['#latihan?kuis=99&n=5', '#latihan?kuis=1&topik=tidak_ada&n=5', '#latihan?kuis=1&n=lima', '#latihan?kuis=%E0%A4%A']) {
    const p = await page();
    await training(p, hash);
    assert.match(await p.textContent('#quiz-problem'), /Tautan kuis ini rusak atau dibuat untuk versi Netral yang lain/, hash);
    assert.ok(await p.isVisible('#quiz-body .btn-choice'), 'the default quiz is there');
    await p.click('#lang-switch');
    await p.waitForSelector('#quiz-problem');
    assert.match(await p.textContent('#quiz-problem'), /This quiz link is damaged or was made for another version/);
    assert.deepEqual(p.errors, [], hash);
    await p.context().close();
  }
});

test('accessibility: axe finds nothing serious on the Latihan views (library, builder, reveal, end)', async () => {
  const p = await page({ bypassCSP: true });
  await training(p);
  await p.check('#quiz-builder input[name=topic][value=keluarga]');
  await p.selectOption('#builder-count', '5');
  await p.click('#builder-make');
  await p.waitForSelector('#builder-link');
  await p.click('#quiz-body .btn-choice[data-choice=violation]');
  await p.waitForSelector('#quiz-reveal');
  await p.addScriptTag({ content: AXE });
  const run = () => p.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })));
  assert.deepEqual(await run(), []);
  await p.goto(`${suite.srv.url}#latihan?kuis=1&topik=keluarga&n=1&urut=urut`);
  await p.waitForSelector('#quiz-body .btn-choice');
  await p.click('#quiz-body .btn-choice[data-choice=allowed]');
  await p.click('#quiz-next');
  await p.waitForSelector('#quiz-done');
  await p.addScriptTag({ content: AXE });
  assert.deepEqual(await run(), []);
  // Keyboard: the builder's controls are reachable and operable.
  await p.focus('#quiz-builder input[name=topic]');
  await p.keyboard.press('Space');
  assert.ok(await p.isChecked('#quiz-builder input[name=topic]'));
  assert.deepEqual(p.errors, []);
});

test('presenter mode at 1920×1080: large type, Space/→ reveal then next, ← back, Esc leaves', async () => {
  const p = await page({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
  await training(p, '#latihan?kuis=1&topik=medsos&kelompok=asn&n=3&urut=urut');
  const cases = DATA.cases.filter((c) => c.topics.includes('medsos') && c.groups.includes('asn')).slice(0, 3);
  await p.click('#present-start');
  await p.waitForSelector('#presenter');
  assert.equal(await p.evaluate(() => document.activeElement.id), 'presenter');
  assert.equal(await p.textContent('#presenter-progress'), 'Kasus 1 dari 3');
  assert.equal(await p.textContent('.pr-case'), cases[0].text);
  await p.keyboard.press('Space');
  await p.waitForSelector('.pr-reveal');
  const reveal = await p.textContent('.pr-reveal');
  assert.match(reveal, /Jawaban yang benar: Melanggar/);
  assert.match(reveal, /Aturan: .*Dasar hukum: .*Sanksi: .*Saran: /s);
  assert.ok(await p.locator('.pr-case mark').count() > 0, 'the evidence is highlighted');
  await p.screenshot({ path: path.join(RESULTS, 'training-presenter-1920.png') });
  // Readable from the back of the room: every piece of text on screen is at least 28 px.
  const small = await p.evaluate(() => [...document.querySelectorAll('#presenter *')]
    .filter((n) => [...n.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim()))
    .map((n) => [n.tagName, n.textContent.slice(0, 30), parseFloat(getComputedStyle(n).fontSize)])
    .filter(([, , px]) => px < 28));
  assert.deepEqual(small, []);
  await p.addScriptTag({ content: AXE });
  const axe = await p.evaluate(async () => (await window.axe.run(document.getElementById('presenter'), { resultTypes: ['violations'] })).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id));
  assert.deepEqual(axe, []);
  // Tab stays inside the dialog.
  for (let i = 0; i < 4; i++) await p.keyboard.press('Tab');
  assert.ok(await p.evaluate(() => document.getElementById('presenter').contains(document.activeElement)));
  await p.focus('#presenter');
  await p.keyboard.press('ArrowRight');
  assert.equal(await p.textContent('#presenter-progress'), 'Kasus 2 dari 3');
  assert.equal(await p.locator('.pr-reveal').count(), 0, 'the next case starts unrevealed');
  await p.keyboard.press('ArrowLeft');
  assert.equal(await p.textContent('#presenter-progress'), 'Kasus 1 dari 3');
  await p.keyboard.press('Escape');
  assert.equal(await p.locator('#presenter').count(), 0);
  assert.equal(await p.evaluate(() => document.activeElement.id), 'present-start', 'focus goes back');
  assert.deepEqual(p.errors, []);
});

test('what if: another subject or an act not done flips the verdict, and the rule that flips is named', async () => {
  const p = await page({ bypassCSP: true });
  await training(p);
  await p.click('#library li[data-case=c001] .tr-whatif');
  await p.waitForSelector('#whatif:not([hidden]) #whatif-result [data-verdict=violation]');
  assert.equal(await p.evaluate(() => document.activeElement.id), 'whatif-title');
  assert.match(await p.textContent('#whatif-result'), /tidak berubah/);
  // "And if you were a private employee?"
  await p.selectOption('#whatif-subject', 'swasta');
  await p.waitForSelector('#whatif-result [data-verdict=allowed]');
  assert.match(await p.textContent('#whatif-result .wi-gone'), /ASN menyukai, mengomentari/);
  assert.match(await p.textContent('#whatif-result'), /berubah/);
  await p.selectOption('#whatif-subject', '');
  await p.waitForSelector('#whatif-result [data-verdict=violation]');
  // "And if you had not liked it?": the act read from the story, unticked.
  const act = p.locator('#whatif input[name=whatif-act][value=social_media_engagement]');
  assert.match(await p.locator('#whatif label', { has: p.locator('input[value=social_media_engagement]') }).textContent(), /nge-like/);
  await act.uncheck();
  await p.waitForSelector('#whatif-result [data-verdict=allowed]');
  assert.match(await p.textContent('#whatif-result .wi-gone'), /ASN menyukai/);
  // On leave: the engine answers; the panel only shows it.
  await act.check();
  await p.selectOption('#whatif-leave', 'true');
  await p.waitForSelector('#whatif-result [data-verdict]');
  await p.addScriptTag({ content: AXE });
  const axe = await p.evaluate(async () => (await window.axe.run(document.getElementById('whatif'), { resultTypes: ['violations'] })).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id));
  assert.deepEqual(axe, []);
  await p.screenshot({ path: path.join(RESULTS, 'training-whatif.png'), fullPage: false });
  await p.click('#whatif-close');
  assert.equal(await p.isVisible('#whatif'), false);
  assert.deepEqual(p.errors, []);
});

function other(verdict) {
  return verdict === 'violation' ? 'allowed' : 'violation';
}
