// The lean path (classify: text + fact numbers in, words out, expanded by www/netral.js) must give
// exactly the full path's Verdict (classifyFull: object in, serde-wasm-bindgen object out) on every
// case text, every rule example, random structured incidents and odd input. Run after `make web`:
//   node bench/check-lean.mjs        (exit status 1 on the first difference)
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { load } from '../www/netral.js';
import { random } from './cases.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const netral = await load({ bytes: readFileSync(path.join(ROOT, 'www/pkg/netral_bg.wasm')) });
const glue = netral._glue;
const file = [path.join(ROOT, 'tests/cases/dev.jsonl'), path.join(ROOT, '../shared/cases/dev.jsonl')].find(existsSync);
const dev = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

const incidents = [];
for (const lang of ['id', 'en']) {
  for (const c of dev) incidents.push({ text: c.text, facts: c.facts || {}, lang }, { text: c.text, lang });
  for (const c of netral.cases()) incidents.push({ text: c.text, facts: c.facts, lang });
}
// Structured: random facts over the form schema (open facts) and the acts, empty text.
const schema = netral.questions('id');
const tables = netral._tables('id');
const acts = tables.fact_names.filter((n, f) => tables.fact_types[f] === 0 && !schema.some((q) => q.id === n));
const rnd = random(7);
const dates = ['2023-12-01', '2024-02-14', '2024-02-12', '2024-10-01', '2024-11-27', '2022-01-01', '2024-03-22', '2000-02-29'];
for (let k = 0; k < 3000; k++) {
  const facts = {};
  for (const q of schema) {
    if (rnd(3) === 0) continue;
    if (q.type === 'bool') facts[q.id] = rnd(2) === 0;
    else if (q.type === 'enum') facts[q.id] = q.answers[rnd(q.answers.length)].value;
    else if (q.type === 'date') facts[q.id] = dates[rnd(dates.length)];
  }
  for (let a = rnd(4); a > 0; a--) facts[acts[rnd(acts.length)]] = true;
  if (rnd(5) === 0) facts[acts[rnd(acts.length)]] = false;
  incidents.push({ text: rnd(10) === 0 ? dev[rnd(dev.length)].text : '', facts, lang: rnd(4) === 0 ? 'en' : 'id' });
}
// Odd input: unknown facts and values, strings for bools, non-ASCII text, lone surrogates.
incidents.push(
  { text: 'x', facts: { subject: 'astronaut' } }, { text: '', facts: { nope: true } }, { text: '', facts: { on_leave: 'ya' } },
  { text: '', facts: { on_leave: 1 } }, { text: '', facts: { date: '2023-02-29' } }, { text: '', facts: { date: 20000 } },
  { text: '', facts: { subject: 'asn', on_leave: 'unknown', election: null } },
  { text: 'Saya PNS 😅 — like postingan kampanye caleg di Facebook “pemilu 2024” tgl 14 Februari 2024', facts: {} },
  { text: 'é'.repeat(300) + ' Saya PNS, like postingan caleg', facts: {} },
  // Lone surrogates, unset answers beside an unknown fact, long texts (the text buffer grows; past
  // the limit in bytes, or in UTF-16 units, the full path's message).
  { text: 'Saya PNS \ud800 like postingan caleg \udc00 di Facebook', facts: {} },
  { text: '', facts: { nope: '', subject: undefined, on_leave: true } },
  { text: 'Saya PNS, saya like postingan kampanye caleg di Facebook. '.repeat(3000), facts: {} },
  { text: 'é'.repeat(600000), facts: {} }, { text: 'a'.repeat((1 << 20) + 1), facts: {} },
  { text: 'Saya kepala desa, ikut deklarasi dukungan calon bupati', facts: {} },
);

/** Changes every array and object of a verdict in place. */
function scribble(x) {
  if (Array.isArray(x)) { x.forEach(scribble); x.push('scribbled'); } else if (x && typeof x === 'object') {
    for (const k of Object.keys(x)) { scribble(x[k]); if (typeof x[k] !== 'object' || x[k] === null) x[k] = 'scribbled'; }
    x.scribbled = true;
  }
}

let n = 0;
for (const inc of incidents) {
  const input = { text: inc.text, facts: Object.fromEntries(Object.entries(inc.facts || {}).filter(([, v]) => v !== undefined && v !== '')), lang: inc.lang || 'id' };
  const full = glue.classifyFull(input);
  const lean = netral.classify(inc);
  assert.deepStrictEqual(lean, full, `differs on ${JSON.stringify(inc).slice(0, 300)}`);
  assert.deepStrictEqual(Object.keys(lean), Object.keys(full));
  if (lean.facts) assert.deepStrictEqual(Object.keys(lean.facts), Object.keys(full.facts));
  scribble(lean); // a caller may change what it got: later verdicts must not change with it
  n++;
}
console.log(`lean path = full path on ${n} incidents`);
