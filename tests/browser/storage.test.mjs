// What the page keeps on the device cannot brick it: a damaged or foreign entry in localStorage
// (`{"lang": "fr"}` left the page on "Memuat…" for good), "Hapus data saya" on every tab and on a
// page whose engine never loads, and a save over quota (it failed silently, and a reload brought
// back an older text).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageSuite, openApp } from './helpers.mjs';

const STORE = 'netral.v1';
const VIOLATION = 'Saya PNS, saya like postingan kampanye caleg di Facebook';

// Every page opened here is also checked to have requested nothing outside 127.0.0.1.
const suite = pageSuite();

/** A page whose storage holds `raw` (the entry as written) when it first opens; a reload keeps what the page stored since. */
async function seeded(raw) {
  const p = await suite.open();
  p.setDefaultTimeout(8000);
  if (raw !== null) {
    await p.addInitScript(([key, value]) => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem(key, value);
      }
    }, [STORE, raw]);
  }
  return p;
}

/** Storage as a full one behaves: writing an entry longer than `limit` characters throws QuotaExceededError. */
async function storageFullPast(p, limit) {
  await p.addInitScript((max) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (String(value).length > max) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  }, limit);
}

const stored = (p) => p.evaluate((key) => localStorage.getItem(key), STORE);

async function reloadApp(p) {
  await p.reload();
  await p.waitForSelector('html[data-ready=true]');
}

async function classifiesAViolation(p) {
  await p.click('#tab-periksa');
  await p.fill('#incident', VIOLATION);
  await p.waitForSelector('#result-body [data-verdict=violation]');
}

// ---------------------------------------------------------------------------------------------
// Bad stored state: the page becomes ready, keeps the good fields and still classifies.

const BAD_ENTRIES = [
  // [what, the entry as stored, the text and language the page must show]
  ['a language the page does not have', { lang: 'fr', text: VIOLATION }, VIOLATION, 'id'],
  ['a text that is a number', { text: 5, lang: 'en' }, '', 'en'],
  ['facts that are a list, an editor that is an object', { facts: ['pns'], editor: { rules: 1 }, text: VIOLATION }, VIOLATION, 'id'],
  ['a fact whose answer is an object', { facts: { subject: { pns: true } }, text: VIOLATION }, VIOLATION, 'id'],
  ['a tab that does not exist', { tab: 'toString', lang: 'toString' }, '', 'id'],
];

for (const [what, entry, text, lang] of BAD_ENTRIES) {
  test(`stored state with ${what}: the page is ready, keeps the rest and classifies`, async () => {
    const p = await seeded(JSON.stringify(entry));
    await openApp(p, suite.srv.url);
    assert.equal(await p.inputValue('#incident'), text);
    assert.equal(await p.getAttribute('html', 'lang'), lang);
    // The built-in rule files come with the editor module, when the Aturan tab is opened.
    await p.click('#tab-aturan');
    await p.waitForFunction(() => document.getElementById('editor').value.startsWith('# ── rules/'));
    await p.click('#tab-periksa');
    await classifiesAViolation(p);
    assert.deepEqual(p.errors, []);
  });
}

/** The entry the page stores after one quiz answer: its quiz has the signature of the cases the page has. */
async function storedQuiz() {
  const p = await seeded(null);
  await openApp(p, suite.srv.url, '#latihan');
  await p.click('#quiz-body .btn-choice');
  const entry = JSON.parse(await stored(p));
  await p.context().close();
  return entry;
}

test('a stored quiz of these cases, damaged: the page is ready on the training tab and classifies', async () => {
  const entry = await storedQuiz();
  assert.ok(entry.quiz.order.length > 2 && entry.quiz.answers.length === 1);
  const damaged = [
    { ...entry.quiz, order: null },
    { ...entry.quiz, order: [...entry.quiz.order.slice(1), entry.quiz.order.length + 5] },
    { ...entry.quiz, pos: '1' },
    { ...entry.quiz, answers: [{ text: 'x' }] },
  ];
  for (const quiz of damaged) {
    const p = await seeded(JSON.stringify({ ...entry, tab: 'latihan', text: VIOLATION, quiz }));
    await openApp(p, suite.srv.url);
    assert.equal(await p.inputValue('#incident'), VIOLATION, 'the other fields are kept');
    await p.waitForSelector('#quiz-body .btn-choice');
    assert.equal(await p.textContent('#quiz-score'), 'Skor: 0 / 0', 'a fresh quiz');
    await classifiesAViolation(p);
    assert.deepEqual(p.errors, [], JSON.stringify(quiz).slice(0, 80));
    await p.context().close();
  }
});

test('stored entries that are not a state at all: the page is ready and classifies', async () => {
  for (const raw of ['{', 'null', '5', '"teks"', '[1, 2]', '{"facts": null, "quiz": 3}', '{"text": null}', '{"lang": null}']) {
    const p = await seeded(raw);
    await openApp(p, suite.srv.url);
    await classifiesAViolation(p);
    assert.deepEqual(p.errors, [], raw);
    await p.context().close();
  }
});

// ---------------------------------------------------------------------------------------------
// "Hapus data saya" removes the entry on every tab, and nothing writes it again.

for (const tab of ['periksa', 'latihan', 'aturan']) {
  test(`"Hapus data saya" on the ${tab} tab: the entry is gone, also after a reload`, async () => {
    const p = await seeded(null);
    await openApp(p, suite.srv.url);
    await classifiesAViolation(p);
    await p.click(`#tab-${tab}`);
    if (tab === 'latihan') await p.click('#quiz-body .btn-choice');
    if (tab === 'aturan') await p.fill('#editor', '# my rules\n');
    assert.ok(await stored(p), 'something was stored');
    await p.click('#clear-data');
    assert.equal(await stored(p), null, 'removed at once');
    assert.equal(await p.inputValue('#incident'), '');
    await reloadApp(p);
    assert.equal(await stored(p), null, 'not written again by the reloaded page');
    assert.equal(await p.inputValue('#incident'), '');
    assert.deepEqual(p.errors, []);
  });
}

test('"Hapus data saya" works on a page whose engine never loads', async () => {
  const p = await seeded(JSON.stringify({ text: VIOLATION }));
  await p.route('**/*.wasm', (route) => route.abort());
  await p.goto(suite.srv.url);
  await p.waitForFunction(() => document.getElementById('loading').textContent.includes('gagal dimuat'));
  assert.ok(await stored(p));
  await p.click('#clear-data');
  assert.equal(await stored(p), null);
  assert.match(await p.textContent('#clear-toast'), /telah dihapus/);
});

// ---------------------------------------------------------------------------------------------
// A save over quota: a visible, polite message in the page's language; never an older text kept.

test('a text too long for the storage left: a message, and the older text is not kept', async () => {
  const p = await seeded(JSON.stringify({ text: 'Saya PNS, teks lama' }));
  await storageFullPast(p, 2000);
  await openApp(p, suite.srv.url);
  assert.equal(await p.inputValue('#incident'), 'Saya PNS, teks lama');
  assert.equal(await p.textContent('#storage-status'), '', 'no message while saves succeed');
  const long = `${VIOLATION}. ${'Kemudian saya membagikan ulang postingan itu. '.repeat(60)}`;
  await p.fill('#incident', long);
  await p.waitForSelector('#result-body [data-verdict=violation]');
  assert.match(await p.textContent('#storage-status .notice'), /^Penyimpanan di perangkat ini penuh: teks terakhir Anda belum tersimpan/);
  assert.ok(await p.isVisible('#storage-status .notice'));
  assert.equal(JSON.parse(await stored(p)).text, '', 'the older text is gone from storage');
  await p.click('#lang-switch');
  assert.match(await p.textContent('#storage-status'), /^The storage on this device is full/);
  await reloadApp(p);
  assert.equal(await p.inputValue('#incident'), '', 'a reload brings back no older text');
  assert.equal(await p.getAttribute('html', 'lang'), 'en', 'the rest of the state was kept');
  // A text that fits is saved again, and the message goes.
  await p.fill('#incident', long);
  await p.waitForSelector('#storage-status .notice');
  await p.fill('#incident', VIOLATION);
  await p.waitForFunction(() => !document.querySelector('#storage-status .notice'));
  assert.equal(JSON.parse(await stored(p)).text, VIOLATION);
  assert.deepEqual(p.errors, []);
});

test('a storage that takes nothing more: the entry is removed rather than left stale', async () => {
  const p = await seeded(JSON.stringify({ text: 'Saya PNS, teks lama' }));
  await storageFullPast(p, 0);
  await openApp(p, suite.srv.url);
  await classifiesAViolation(p);
  await p.waitForSelector('#storage-status .notice');
  assert.equal(await stored(p), null);
  await reloadApp(p);
  assert.equal(await p.inputValue('#incident'), '');
  assert.deepEqual(p.errors, []);
});
