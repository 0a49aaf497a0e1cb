// The classify module reads the built-in rulebook from its snapshot (src/snapshot.rs), the CLI
// compiles it from the rule files: on every report of tests/cases/ (its text and given facts) the
// two must give the same answer, byte for byte, so that a change of the snapshot's format can
// never change a verdict. Node, with the module `make web` built.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './helpers.mjs';
import { load } from '../../www/netral.js';

const CASE_DIRS = ['tests/cases', 'tests/cases/blind'];

/** Every report of the case files as an Incident: its text and the facts it gives. */
function incidents() {
  const out = [];
  for (const dir of CASE_DIRS) {
    for (const name of readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.jsonl')).sort()) {
      for (const line of readFileSync(path.join(ROOT, dir, name), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const report = JSON.parse(line);
        const incident = { text: report.text ?? '' };
        if (report.facts && typeof report.facts === 'object') incident.facts = report.facts;
        out.push(incident);
      }
    }
  }
  return out;
}

test('the classify module (its snapshot) answers as the CLI (the rule files) on every case', async () => {
  const all = incidents();
  assert.ok(all.length > 1000, `${all.length} reports`);
  const dir = mkdtempSync(path.join(tmpdir(), 'netral-snapshot-'));
  try {
    const file = path.join(dir, 'incidents.jsonl');
    writeFileSync(file, `${all.map((i) => JSON.stringify(i)).join('\n')}\n`);
    const cli = execFileSync('cargo', ['run', '--quiet', '--bin', 'netral', '--', 'classify', '--jsonl', file],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 }).trim().split('\n');
    assert.equal(cli.length, all.length);
    const netral = await load({ bytes: readFileSync(path.join(ROOT, 'www/pkg/netral_bg.wasm')), separate: true });
    cli.forEach((line, i) => {
      const { line: n, ...want } = JSON.parse(line);
      assert.equal(n, i + 1);
      assert.equal(JSON.stringify(netral.classify(all[i])), JSON.stringify(want), `report ${i + 1}: ${all[i].text.slice(0, 80)}`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
