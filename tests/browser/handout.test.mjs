// The printed handouts of the Latihan tab (www/training-handout.js) in headless Chromium: for
// every subject group the sheet is printed to an A4 PDF (`page.pdf`), read back with pdf.js
// (page count, every rule's title, the key dates and where to report in its text), checked for
// anything cut off, and a page is rendered to PNG for a visual check (test-results/); English on
// request; keyboard-operable; axe clean. The content comes from the rules
// (examples/training_data/handouts.rs); the test compares the sheet with `netral list --json`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pageSuite, openApp, ROOT, RESULTS } from './helpers.mjs';

const AXE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const DATA = JSON.parse(readFileSync(path.join(ROOT, 'www/training/cases.json'), 'utf8'));
const HANDOUTS = DATA.handouts;
const PDFJS = path.join(ROOT, 'node_modules/pdfjs-dist/build');

const suite = pageSuite();

/** The Latihan tab with its handout rendered; `window.print` only records the print asked for. */
async function training(opts = {}) {
  const p = await suite.open(opts);
  p.setDefaultTimeout(15_000);
  await p.addInitScript(() => { window.print = () => { window.printed = document.body.dataset.print; }; });
  await openApp(p, suite.srv.url, '#latihan');
  await p.waitForSelector('#handout');
  return p;
}

/** Text as pdf.js and the DOM both give it: one space between words. */
const flat = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * The sheet on screen printed as the print button prints it (A4, the page's @page margins), then
 * read with pdf.js in another page of the same server (its files served from node_modules):
 * { pages, text: [text of each page], png: the first page as PNG bytes }.
 */
async function printed(p, name) {
  await p.evaluate(() => { document.body.dataset.print = 'handout'; });
  const pdf = await p.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  await p.evaluate(() => { delete document.body.dataset.print; });
  writeFileSync(path.join(RESULTS, `${name}.pdf`), pdf);
  const reader = await suite.open({ viewport: { width: 900, height: 1300 } });
  await reader.route('**/__pdfjs/**', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    if (name === 'reader.html') return route.fulfill({ body: '<!doctype html><title>PDF</title><canvas id="c"></canvas>', contentType: 'text/html' });
    return route.fulfill({ path: path.join(PDFJS, name), contentType: 'text/javascript' });
  });
  await reader.goto(`${suite.srv.url}__pdfjs/reader.html`);
  const read = await reader.evaluate(async ({ bytes, base }) => {
    const pdfjs = await import(`${base}__pdfjs/pdf.min.mjs`);
    pdfjs.GlobalWorkerOptions.workerSrc = `${base}__pdfjs/pdf.worker.min.mjs`;
    const doc = await pdfjs.getDocument({ data: Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0)) }).promise;
    const text = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      text.push(content.items.map((x) => x.str + (x.hasEOL ? ' ' : '')).join(''));
    }
    const first = await doc.getPage(1);
    const viewport = first.getViewport({ scale: 1.5 });
    const canvas = document.getElementById('c');
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    await first.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
    // How much of the page is ink: a blank or failed render is all white.
    const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i] < 128) ink++;
    return { pages: doc.numPages, text, ink: ink / (px.length / 4) };
  }, { bytes: pdf.toString('base64'), base: suite.srv.url });
  const png = await reader.locator('#c').screenshot();
  writeFileSync(path.join(RESULTS, `${name}-1.png`), png);
  await reader.close();
  return { ...read, png };
}

/** Under print styles: the elements of the sheet that overflow it or their own box. */
function cutOff(p) {
  return p.evaluate(() => {
    const sheet = document.getElementById('handout').getBoundingClientRect();
    return [...document.querySelectorAll('#handout *')].filter((n) => {
      const r = n.getBoundingClientRect();
      return r.width > 0 && (r.right > sheet.right + 1 || r.left < sheet.left - 1 || n.scrollWidth > n.clientWidth + 1);
    }).map((n) => `${n.tagName.toLowerCase()}.${n.className}: ${n.textContent.slice(0, 60)}`);
  });
}

test('the handout data: every subject group, from the rules; dates and where to report with their basis', () => {
  // The CLI as `make test` builds it (a fresh clone has no release build).
  const rules = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--bin', 'netral', '--', 'list', '--json'],
    { cwd: ROOT, maxBuffer: 1 << 26 }));
  const byId = new Map(rules.map((r) => [r.id, r]));
  assert.deepEqual(HANDOUTS.groups.map((g) => g.group), DATA.groups.map((g) => g.id));
  for (const g of HANDOUTS.groups) {
    for (const s of g.forbidden) {
      for (const r of s.rules) {
        const rule = byId.get(r.rule);
        assert.equal(rule.kind, 'prohibition', r.rule);
        assert.equal(rule.sanction.id, s.sanction, `${r.rule} is listed under its strongest sanction`);
        assert.equal(r.title.id, rule.title);
        assert.deepEqual(r.basis, rule.basis);
        assert.deepEqual(r.uncertain.map((u) => u.id), rule.uncertain, `${r.rule} keeps its uncertain points`);
      }
    }
    for (const r of g.allowed) assert.equal(byId.get(r.rule).kind, 'permission', r.rule);
  }
  // The civil servants' rules are on the ASN sheet, the soldiers' are not (rules/30_asn.rules).
  const asn = HANDOUTS.groups.find((g) => g.group === 'asn');
  const onAsn = new Set([...asn.forbidden.flatMap((s) => s.rules), ...asn.allowed].map((r) => r.rule));
  for (const r of rules.filter((x) => x.id.startsWith('asn_'))) assert.ok(onAsn.has(r.id), `${r.id} on the ASN sheet`);
  assert.ok(!onAsn.has('tni_party_membership') && onAsn.has('vote'));
  assert.ok(HANDOUTS.dates.length >= 10 && HANDOUTS.dates.every((d) => d.basis.length && d.start <= d.end), 'each date with its basis');
  assert.match(HANDOUTS.report.note.id, /Bawaslu/);
  assert.ok(HANDOUTS.report.basis.length);
});

test('every group\'s handout prints on one or two A4 pages, whole: its text is in the PDF and nothing is cut off', async () => {
  const p = await training();
  for (const g of HANDOUTS.groups) {
    await p.selectOption('#handout-group', g.group);
    await p.waitForSelector(`#handout[data-group=${g.group}]`);
    await p.emulateMedia({ media: 'print' });
    await p.evaluate(() => { document.body.dataset.print = 'handout'; });
    assert.deepEqual(await cutOff(p), [], `${g.group}: nothing overflows the sheet`);
    await p.evaluate(() => { delete document.body.dataset.print; });
    await p.emulateMedia({ media: null });
    const pdf = await printed(p, `handout-${g.group}`);
    assert.ok(pdf.pages >= 1 && pdf.pages <= 2, `${g.group}: ${pdf.pages} pages`);
    assert.ok(pdf.ink > 0.005, `${g.group}: the first page has ink (${pdf.ink})`);
    const text = flat(pdf.text.join(' '));
    // Every title, sanction, uncertain point, date and channel, and the last line of the sheet.
    const rules = [...g.forbidden.flatMap((s) => s.rules), ...g.allowed];
    const expected = [
      `Netralitas dalam Pemilu dan Pilkada: ${g.label.id}`,
      ...g.forbidden.map((s) => s.label.id),
      ...rules.flatMap((r) => [r.title.id, ...r.uncertain.map((u) => u.id)]),
      ...HANDOUTS.dates.map((d) => d.label.id),
      HANDOUTS.report.note.id,
      'Putusan akhir ada pada Bawaslu',
    ];
    for (const want of expected) assert.ok(text.includes(flat(want)), `${g.group}: the PDF says "${want}"`);
    // Only the sheet prints: not the quiz, the library or the page's header.
    assert.ok(!text.includes('Perpustakaan kasus') && !text.includes('Kuis netralitas'), `${g.group}: only the sheet`);
  }
  assert.deepEqual(p.errors, []);
});

test('a handout in English, and the print button prints the sheet alone', async () => {
  const p = await training();
  assert.equal(await p.getAttribute('#handout', 'lang'), 'id', 'Bahasa Indonesia first');
  await p.selectOption('#handout-group', 'tni');
  await p.selectOption('#handout-lang', 'en');
  await p.waitForSelector('#handout[lang=en][data-group=tni]');
  const tni = HANDOUTS.groups.find((g) => g.group === 'tni');
  const pdf = await printed(p, 'handout-tni-en');
  const text = flat(pdf.text.join(' '));
  assert.ok(pdf.pages <= 2);
  assert.ok(text.includes(flat(`Neutrality in elections: ${tni.label.en}`)), text.slice(0, 200));
  for (const r of tni.forbidden.flatMap((s) => s.rules)) assert.ok(text.includes(flat(r.title.en)), r.rule);
  assert.ok(text.includes(flat(HANDOUTS.report.note.en)));
  await p.click('#handout-print');
  assert.equal(await p.evaluate(() => window.printed), 'handout');
  assert.deepEqual(p.errors, []);
});

test('the handout controls work from the keyboard, and axe finds nothing serious', async () => {
  const p = await training({ bypassCSP: true });
  await p.focus('#handout-group');
  await p.keyboard.press('ArrowDown');
  await p.waitForSelector(`#handout[data-group=${HANDOUTS.groups[1].group}]`);
  await p.focus('#handout-group');
  await p.keyboard.press('Tab');
  assert.equal(await p.evaluate(() => document.activeElement.id), 'handout-lang');
  await p.keyboard.press('ArrowDown');
  await p.waitForSelector('#handout[lang=en]');
  await p.focus('#handout-lang');
  await p.keyboard.press('Tab');
  assert.equal(await p.evaluate(() => document.activeElement.id), 'handout-print');
  await p.keyboard.press('Enter');
  assert.equal(await p.evaluate(() => window.printed), 'handout');
  await p.addScriptTag({ content: AXE });
  const violations = await p.evaluate(async () => (await window.axe.run(document.getElementById('handout-card'), { resultTypes: ['violations'] })).violations
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })));
  assert.deepEqual(violations, []);
});
