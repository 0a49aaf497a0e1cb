// <netral-check> as a form control (ElementInternals): its verdict in FormData and in the
// browser's own submission, `require` blocking a submit until a verdict allows it, reset,
// `lang` from the page, theming through custom properties and ::part(), and axe on a themed host.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serve, launch, newPage, ROOT } from './helpers.mjs';

const AXE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const VIOLATION = 'Saya PNS, saya like postingan kampanye caleg di Facebook';
const ALLOWED = 'Saya PNS, saya datang ke TPS untuk mencoblos';
const OPEN = 'saya like postingan kampanye caleg di Facebook';

let srv;
let browser;
before(async () => { srv = await serve(ROOT); browser = await launch(); });
after(async () => { await browser?.close(); srv?.close(); });

async function open() {
  const p = await newPage(browser);
  p.setDefaultTimeout(8000);
  await p.goto(`${srv.url}tests/browser/fixtures/form.html`);
  await p.waitForFunction(() => customElements.get('netral-check'));
  return p;
}

/** Types `text` into the element `id` and waits for its verdict. */
async function describe(p, id, text) {
  const got = p.evaluate((sel) => new Promise((resolve) => {
    document.querySelector(sel).addEventListener('netral-verdict', (e) => resolve(e.detail.verdict), { once: true });
  }), `#${id}`);
  await p.fill(`#${id} textarea`, text);
  return got;
}

const formValue = (p, form, name) => p.evaluate(([f, n]) => new FormData(document.getElementById(f)).getAll(n), [form, name]);

test('the verdict is the form value: FormData, value-format=json, and reset', async () => {
  const p = await open();
  assert.deepEqual(await formValue(p, 'plain', 'netralitas'), [], 'no verdict, no entry');
  assert.equal(await describe(p, 'kind', VIOLATION), 'violation');
  assert.deepEqual(await formValue(p, 'plain', 'netralitas'), ['violation']);
  assert.equal(await p.$eval('#kind', (e) => e.form.id), 'plain');
  await describe(p, 'as-json', VIOLATION);
  const [json] = await formValue(p, 'json', 'verdict');
  const v = JSON.parse(json);
  assert.equal(v.version, 1);
  assert.equal(v.verdict, 'violation');
  assert.ok(v.matched[0].basis.length > 0);
  await p.$eval('#plain', (f) => f.reset());
  assert.equal(await p.$eval('#kind textarea', (t) => t.value), '');
  assert.deepEqual(await formValue(p, 'plain', 'netralitas'), [], 'reset clears the verdict');
  assert.equal(await p.$eval('#kind', (e) => e.verdict), null);
  assert.deepEqual(p.errors, []);
});

test('require="not-violation" blocks the submit until a verdict allows it; the browser submits it', async () => {
  const p = await open();
  const state = () => p.$eval('#strict-check', (e) => ({
    valid: e.checkValidity(), missing: e.validity.valueMissing, custom: e.validity.customError, message: e.validationMessage,
  }));
  let s = await state();
  assert.equal(s.valid, false);
  assert.equal(s.missing, true, 'nothing described yet: valueMissing');
  assert.match(s.message, /Uraikan tindakan/, 'the message is in the element\'s language');
  await p.click('#send-strict');
  assert.equal(new URL(p.url()).search, '', 'an empty check blocks the submit');
  assert.equal(await describe(p, 'strict-check', VIOLATION), 'violation');
  s = await state();
  assert.equal(s.custom, true);
  assert.match(s.message, /melanggar/);
  await p.click('#send-strict');
  assert.equal(new URL(p.url()).search, '', 'a violation blocks the submit');
  // A needs_more_info verdict passes "not-violation"; answering the question inside the element decides.
  assert.equal(await describe(p, 'strict-check', OPEN), 'needs_more_info');
  assert.equal((await state()).valid, true);
  assert.equal(await describe(p, 'strict-check', ALLOWED), 'allowed');
  assert.equal((await state()).valid, true);
  await Promise.all([p.waitForURL(/sent=yes/), p.click('#send-strict')]);
  const sent = new URL(p.url()).searchParams;
  assert.deepEqual(sent.getAll('netralitas'), ['allowed'], 'the browser\'s own submission carries the verdict');
  assert.deepEqual(p.errors, []);
});

test('require="allowed" refuses needs_more_info until the question is answered', async () => {
  const p = await open();
  await p.$eval('#strict-check', (e) => e.setAttribute('require', 'allowed'));
  assert.equal(await describe(p, 'strict-check', OPEN), 'needs_more_info');
  const message = await p.$eval('#strict-check', (e) => e.validationMessage);
  assert.match(message, /Diperbolehkan/);
  assert.equal(await p.$eval('#strict-check', (e) => e.checkValidity()), false);
});

test('a disabled fieldset disables the element; restoring gives back the text and answers', async () => {
  const p = await open();
  await describe(p, 'kind', OPEN);
  await p.$eval('#plain', (f) => {
    const fs = document.createElement('fieldset');
    f.prepend(fs);
    fs.append(document.getElementById('kind'));
    fs.disabled = true;
  });
  assert.deepEqual(await p.$eval('#kind', (e) => [...e.shadowRoot.querySelectorAll('textarea, button')].map((b) => b.disabled)).then((d) => [...new Set(d)]), [true]);
  assert.deepEqual(await formValue(p, 'plain', 'netralitas'), [], 'a disabled control submits nothing');
  await p.$eval('#plain fieldset', (fs) => { fs.disabled = false; });
  // What the browser hands back on back/forward navigation: the text and the answers given.
  const verdict = await p.$eval('#kind', (e) => {
    e.formStateRestoreCallback(JSON.stringify({ text: 'saya like postingan kampanye caleg di Facebook', answers: { subject: 'pns' } }), 'restore');
    return e.verdict.verdict;
  });
  assert.equal(verdict, 'violation', 'the restored answer decides again');
  assert.deepEqual(await formValue(p, 'plain', 'netralitas'), ['violation']);
});

test('lang follows the page unless set on the element', async () => {
  const p = await open();
  assert.equal(await p.$eval('#follows', (e) => e.shadowRoot.querySelector('.hint').textContent), 'The result updates as you type.');
  assert.equal(await p.$eval('#kind', (e) => e.shadowRoot.querySelector('.hint').textContent), 'Hasil diperbarui saat Anda mengetik.');
  await p.fill('#follows textarea', VIOLATION);
  await p.waitForSelector('#follows [data-verdict]');
  assert.match(await p.$eval('#follows', (e) => e.shadowRoot.querySelector('[part=verdict]').textContent), /Breaks/);
  // The page switches language: the element follows, labels and verdict.
  await p.$eval('#follows', (e) => { e.parentElement.lang = 'id'; });
  await p.waitForFunction(() => /Melanggar/.test(document.querySelector('#follows').shadowRoot.querySelector('[part=verdict]').textContent));
  assert.equal(await p.$eval('#follows', (e) => e.shadowRoot.querySelector('.hint').textContent), 'Hasil diperbarui saat Anda mengetik.');
});

test('theming: custom properties and ::part() reach inside; axe finds nothing serious', async () => {
  const p = await open();
  await describe(p, 'kind', OPEN);
  const look = await p.$eval('#kind', (e) => {
    const q = (sel) => getComputedStyle(e.shadowRoot.querySelector(sel));
    return {
      outline: q('[part=verdict]').outlineColor, textarea: q('[part=textarea]').borderTopColor,
      button: q('[part=answer]').color, radius: q('[part=box]').borderTopLeftRadius, font: q('[part=box]').fontFamily,
    };
  });
  assert.equal(look.outline, 'rgb(1, 2, 3)', '::part(verdict)');
  assert.equal(look.textarea, 'rgb(90, 29, 122)', '::part(textarea)');
  assert.equal(look.button, 'rgb(90, 29, 122)', '--netral-accent');
  assert.equal(look.radius, '2px', '--netral-radius');
  assert.match(look.font, /Georgia/, '--netral-font');
  await describe(p, 'strict-check', VIOLATION);
  await p.addScriptTag({ content: AXE });
  const found = await p.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) })));
  assert.deepEqual(found, []);
});
