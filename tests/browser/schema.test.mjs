// Every output validates against the committed contract (schema/*.json) with a maintained
// validator (ajv, draft 2020-12): the module's verdicts on every dev and red-team text (in both
// languages, with and without the cases' facts), its rule list, form, diagnostics, and the CLI's
// `classify --json`, `classify --jsonl` and `list --json`. (tests/schema.rs checks that the
// committed files are the ones the Rust types generate.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { ROOT } from './helpers.mjs';
import { load } from '../../www/netral.js';

const ajv = new Ajv2020({ allErrors: true, strict: true });
// The formats schemars writes for Rust's number types, checked rather than ignored.
ajv.addFormat('uint32', { type: 'number', validate: (x) => Number.isInteger(x) && x >= 0 && x <= 0xffffffff });
ajv.addFormat('double', { type: 'number', validate: (x) => Number.isFinite(x) });
const schema = (name) => ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schema', name), 'utf8')));
const is = {
  incident: schema('incident.json'), verdict: schema('verdict.json'), question: schema('question.json'),
  diagnostic: schema('diagnostic.json'), rules: schema('rules.json'), questions: schema('questions.json'),
};

function valid(check, value, what) {
  assert.ok(check(value), `${what}: ${ajv.errorsText(check.errors)}\n${JSON.stringify(value).slice(0, 400)}`);
}

/** The incidents of the dev and red-team case files, as Incidents (their text and facts). */
function incidents() {
  const out = [];
  for (const file of ['dev.jsonl', 'redteam.jsonl']) {
    for (const line of readFileSync(path.join(ROOT, 'tests/cases', file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const c = JSON.parse(line);
      out.push({ text: c.text }, { text: c.text, facts: c.facts ?? {}, lang: 'en' });
    }
  }
  return out;
}

const CASES = incidents();

test('every verdict of the module on the dev and red-team texts validates', async () => {
  const netral = await load({ bytes: readFileSync(path.join(ROOT, 'www/pkg/netral_bg.wasm')) });
  const kinds = new Set();
  for (const incident of CASES) {
    valid(is.incident, incident, 'incident');
    const v = netral.classify(incident);
    if (v.error) { v.error.forEach((d) => valid(is.diagnostic, d, 'diagnostic')); continue; }
    valid(is.verdict, v, incident.text.slice(0, 60));
    if (v.question) valid(is.question, v.question, 'question');
    kinds.add(v.verdict);
  }
  assert.deepEqual([...kinds].sort(), ['allowed', 'needs_more_info', 'violation'], 'all three verdicts were seen');
  for (const lang of ['id', 'en']) {
    valid(is.rules, netral.rules(lang), `rules(${lang})`);
    valid(is.questions, netral.questions(lang), `questions(${lang})`);
  }
  const bad = netral.classify({ text: 'x', facts: { subject: 'astronaut' } });
  assert.ok(bad.error.length > 0);
  bad.error.forEach((d) => valid(is.diagnostic, d, 'classify error'));
  const diags = await netral.check('law X "X" "X"\nrule r "R" {\n  prohibition\n  when ,\n}\n');
  diags.forEach((d) => valid(is.diagnostic, d, 'check'));
});

test('what the CLI writes validates: classify --json, classify --jsonl, list --json', () => {
  const cli = (...args) => execFileSync('cargo', ['run', '--quiet', '--bin', 'netral', '--', ...args],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  valid(is.verdict, JSON.parse(cli('classify', '--json', '--text', 'Saya PNS, saya like postingan kampanye caleg')), 'classify --json');
  valid(is.rules, JSON.parse(cli('list', '--json')), 'list --json');
  const dir = mkdtempSync(path.join(tmpdir(), 'netral-schema-'));
  try {
    const file = path.join(dir, 'incidents.jsonl');
    writeFileSync(file, `${CASES.map((c) => JSON.stringify(c)).join('\n')}\n{"text": 1}\n`);
    let out;
    try {
      out = cli('classify', '--jsonl', file);
    } catch (e) {
      out = e.stdout; // exit 1: the last line is an error on purpose
    }
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, CASES.length + 1);
    for (const { line, ...rest } of lines) {
      assert.equal(typeof line, 'number');
      if (rest.error) rest.error.forEach((d) => valid(is.diagnostic, d, `line ${line}`));
      else valid(is.verdict, rest, `line ${line}`);
    }
    assert.ok(lines.at(-1).error, 'the malformed line is an error');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
