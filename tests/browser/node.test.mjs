// www/netral.js under Node, with the wasm bytes: the JS API's contract.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.mjs';
import { load } from '../../www/netral.js';

const bytes = readFileSync(path.join(ROOT, 'www/pkg/netral_bg.wasm'));
const editorBytes = readFileSync(path.join(ROOT, 'www/pkg-editor/netral_bg.wasm'));
const MINI = readFileSync(path.join(ROOT, 'tests/browser/fixtures/mini.rules'), 'utf8');
const netral = await load({ bytes, editorBytes });

test('classify returns a plain Verdict object', () => {
  const v = netral.classify({ text: 'Saya PNS, saya like postingan kampanye caleg di Facebook' });
  assert.equal(v.verdict, 'violation');
  assert.equal(Object.getPrototypeOf(v), Object.prototype);
  assert.ok(v.matched[0].basis.length > 0);
  const e = v.matched.flatMap((m) => m.evidence)[0];
  assert.equal('Saya PNS, saya like postingan kampanye caleg di Facebook'.slice(e.start, e.end), e.text);
  assert.equal(typeof v.facts, 'object');
  assert.equal(netral.classify('Saya PNS, saya like postingan kampanye caleg di Facebook').verdict, 'violation');
});

test('English labels on request', () => {
  const v = netral.classify({ text: 'Saya PNS, saya like postingan kampanye caleg di Facebook', lang: 'en' });
  const id = netral.classify({ text: 'Saya PNS, saya like postingan kampanye caleg di Facebook' });
  assert.equal(v.verdict, id.verdict);
  assert.ok(netral.questions('en').length > 0);
});

test('bad input never throws: it comes back as diagnostics', async () => {
  for (const bad of [undefined, null, 42, [], { text: 7 }, { facts: 'x' }, { facts: { subject: 'astronaut' } }, { facts: { nope: true } }, { lang: 'fr' }]) {
    const v = netral.classify(bad);
    assert.ok(v.verdict || Array.isArray(v.error), JSON.stringify(bad));
  }
  const e = netral.classify({ text: 'x', facts: { subject: 'astronaut' } });
  assert.ok(e.error[0].message.length > 0);
  for (const bad of [undefined, null, 42, {}, [{ name: 1 }], 'rule x {', '\u0000\uffff']) {
    assert.ok(Array.isArray(await netral.check(bad)));
    assert.equal(typeof (await netral.compile(bad)).ok, 'boolean');
  }
});

test('a rulebook without a rule is refused: it would call every act allowed', async () => {
  for (const empty of ['', '# only a comment\n', 'law X "X" "X"\n']) {
    const out = await netral.compile(empty);
    assert.equal(out.ok, false);
    assert.equal(out.diagnostics[0].code, 'E-NO-RULES', JSON.stringify(empty));
  }
  assert.ok(netral.rules().length > 1, 'the rulebook in use stays');
});

test('compile switches the rulebook, reset goes back; check reports line and column', async () => {
  assert.deepEqual(await netral.compile(MINI), { ok: true });
  assert.deepEqual(netral.rules().map((r) => r.id), ['mini_like']);
  assert.equal(netral.cases().length, 2);
  assert.ok((await netral.runExamples()).every((o) => o.ok));
  const broken = await netral.compile('law X "X" "X"\nrule r "R" {\n  prohibition\n  when ,\n}\n');
  assert.equal(broken.ok, false);
  const d = broken.diagnostics[0];
  assert.equal(d.line, 4);
  for (const k of ['line', 'column', 'endLine', 'endColumn', 'code', 'severity', 'message', 'hint']) assert.ok(k in d, k);
  assert.deepEqual(netral.rules().map((r) => r.id), ['mini_like'], 'a failed compile keeps the rulebook');
  assert.deepEqual(await netral.check(MINI), []);
  netral.reset();
  assert.ok(netral.rules().length > 1);
});

test('edit answers as check, compile and runExamples do, from one pass', async () => {
  const other = await load({ module: netral.module, separate: true, editorBytes });
  const broken = 'law X "X" "X"\nrule r "R" {\n  prohibition\n  when ,\n}\n';
  // An error: the diagnostics check gives, no examples, and the rulebook in use stays.
  const bad = await other.edit(broken);
  assert.equal(bad.ok, false);
  assert.deepEqual(bad.diagnostics, await other.check(broken));
  assert.deepEqual(bad.examples, []);
  assert.ok(other.rules().length > 1);
  // `use: false` only checks: the examples run, the rulebook in use stays.
  const checked = await other.edit(MINI, { use: false });
  assert.equal(checked.ok, true);
  assert.deepEqual(checked.diagnostics, await other.check(MINI));
  assert.ok(other.rules().length > 1);
  // By default the rulebook is used, as after compile(), and the examples are runExamples' own.
  const used = await other.edit(MINI);
  assert.deepEqual(other.rules().map((r) => r.id), ['mini_like']);
  assert.deepEqual(used.examples, await other.runExamples());
  assert.equal(used.examples.length, 2);
  // A failing example is an error, as check() reports it: that rulebook is not used.
  other.reset();
  const failing = MINI.replace('=> violation', '=> allowed');
  assert.notEqual(failing, MINI);
  const f = await other.edit(failing);
  assert.equal(f.ok, false);
  assert.deepEqual(f.diagnostics, await other.check(failing));
  assert.ok(f.diagnostics.some((d) => d.code === 'E-EXAMPLE'));
  assert.deepEqual(f.examples, []);
  assert.ok(other.rules().length > 1, 'the rulebook in use stays');
  // An editor module that cannot load: a clear diagnostic, and no example.
  const broke = await load({ module: netral.module, separate: true, editorBytes: new Uint8Array([0, 97, 115, 109]) });
  const none = await broke.edit(MINI);
  assert.equal(none.ok, false);
  assert.equal(none.diagnostics[0].code, 'E-EDITOR');
  assert.deepEqual(none.examples, []);
});

test('several files compile together', async () => {
  const [decls, rule] = MINI.split('rule mini_like');
  assert.deepEqual(await netral.compile([{ name: 'a.rules', text: decls }, { name: 'b.rules', text: `rule mini_like${rule}` }]), { ok: true });
  const d = await netral.check([{ name: 'a.rules', text: decls }, { name: 'b.rules', text: 'rule r "R" {\n}' }]);
  assert.ok(d.some((x) => x.file === 'b.rules' && x.severity === 'error'));
  netral.reset();
});

test('a trap rebuilds the instance with the last rulebook; the next call works', async () => {
  await netral.compile(MINI);
  const glue = netral._glue;
  netral._glue = { ...glue, classify: () => { throw new WebAssembly.RuntimeError('unreachable'); } };
  const orig = console.error;
  console.error = () => {};
  const v = netral.classify('Saya PNS like postingan caleg');
  console.error = orig;
  netral._glue = glue;
  assert.equal(v.error[0].code, 'E-INTERNAL');
  assert.equal(netral.restarts, 1);
  assert.deepEqual(netral.classify('Saya PNS like postingan caleg').matched.map((m) => m.rule), ['mini_like']);
  netral.reset();
});

test('a separate engine has its own rulebook', async () => {
  const other = await load({ module: netral.module, separate: true, editorBytes });
  await other.compile(MINI);
  assert.deepEqual(other.rules().map((r) => r.id), ['mini_like']);
  assert.ok(netral.rules().length > 1);
});

test('every case of the built-in library classifies', () => {
  for (const c of netral.cases()) {
    const v = netral.classify({ text: c.text, facts: c.facts });
    assert.ok(v.verdict, c.text);
  }
});

test('a compiled rulebook reaches the classify module as snapshot bytes; a bad one is refused', async () => {
  const refused = (x) => JSON.parse(netral._glue.useRulebook(x));
  for (const bad of [new Uint8Array(0), new Uint8Array([1, 2, 3]), new TextEncoder().encode('NETRAL\u0000\u0001 an older format')]) {
    const out = refused(bad);
    assert.equal(out.ok, false);
    assert.equal(out.diagnostics[0].code, 'E-SNAPSHOT');
  }
  assert.ok(netral.rules().length > 1, 'a refused snapshot keeps the rulebook in use');
  assert.deepEqual(await netral.compile(MINI), { ok: true });
  const good = netral._snapshot;
  netral.reset();
  const truncated = refused(good.slice(0, good.length - 7));
  assert.equal(truncated.diagnostics[0].code, 'E-SNAPSHOT');
  const older = good.slice();
  older[7] -= 1;
  assert.match(refused(older).diagnostics[0].message, /not a snapshot of this version/, 'another format version');
  assert.ok(netral.rules().length > 1);
  // The bytes carry their own strings: no rule source is needed to use them.
  assert.deepEqual(refused(good), { ok: true });
  assert.deepEqual(netral.rules().map((r) => r.id), ['mini_like']);
  netral.reset();
});

test('the classify module carries no rule sources; builtinSources comes from the editor module', async () => {
  assert.equal(typeof netral._glue.builtinSources, 'undefined');
  assert.equal(bytes.indexOf(Buffer.from('rules/30_asn.rules')), -1, 'no rule file names');
  const files = await netral.builtinSources();
  assert.ok(files.length > 1 && files.every((f) => f.name.startsWith('rules/') && f.text.length > 0));
  const sample = files.find((f) => f.name === 'rules/30_asn.rules').text.split('\n').find((l) => l.startsWith('#') && l.length > 20);
  assert.equal(bytes.indexOf(Buffer.from(sample)), -1, 'no comment of the rule files');
});

test('an editor module that cannot load: a clear diagnostic, and classifying goes on', async () => {
  const other = await load({ module: netral.module, separate: true, editorBytes: new Uint8Array([0, 97, 115, 109]) });
  const out = await other.compile(MINI);
  assert.equal(out.ok, false);
  assert.equal(out.diagnostics[0].code, 'E-EDITOR');
  assert.equal((await other.check(MINI))[0].code, 'E-EDITOR');
  assert.equal(other.classify('Saya PNS, saya like postingan kampanye caleg di Facebook').verdict, 'violation');
});
