// Inputs shared by the benchmarks: structured incidents (form facts only, no text) generated from
// the default rulebook's schema with a fixed seed, and the case texts of tests/cases/dev.jsonl.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Dates around the election calendars (period ends, inside, outside) and one far away. */
export const DATES = ['2022-12-16', '2023-04-23', '2023-04-24', '2023-08-17', '2023-11-02', '2023-11-03', '2023-11-27', '2023-11-28',
  '2024-01-15', '2024-02-10', '2024-02-11', '2024-02-14', '2024-02-15', '2024-03-21', '2024-03-22', '2024-05-05', '2024-08-28',
  '2024-09-22', '2024-09-25', '2024-11-23', '2024-11-26', '2024-11-27', '2024-12-16', '2024-12-17', '2019-04-17', '2030-01-01'];

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export const dayOf = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);

/**
 * `n` structured incidents: every open fact known or not (subject, election, date, the yes/no
 * facts), 0–3 acts done. Each case is `{ netral, peer }`: the same facts, the date as YYYY-MM-DD for
 * Netral and as a day number for the peers; unknown facts are left out (as a form leaves them).
 */
export function structuredCases(netral, n, seed = 2024) {
  const schema = netral.questions('id');
  // The facts and their types as exported from the compiled rulebook (make bench writes it).
  const facts = JSON.parse(readFileSync(path.join(ROOT, 'bench/peers/netral.jsonlogic.json'), 'utf8')).facts;
  const acts = Object.keys(facts).filter((name) => facts[name].type === 'bool' && !facts[name].open);
  const rnd = random(seed);
  const out = [];
  for (let i = 0; i < n; i++) {
    const netralFacts = {}, peer = {};
    for (const q of schema) {
      if (rnd(4) === 0) continue; // unknown
      if (q.type === 'bool') netralFacts[q.id] = peer[q.id] = rnd(2) === 0;
      else if (q.type === 'enum') {
        // Single values only (a group is a set of values: the peers read one value).
        const values = facts[q.id].type;
        netralFacts[q.id] = peer[q.id] = values[rnd(values.length)];
      } else if (q.type === 'date') {
        const d = DATES[rnd(DATES.length)];
        netralFacts[q.id] = d;
        peer[q.id] = dayOf(d);
      }
    }
    for (let a = rnd(4); a > 0; a--) {
      const act = acts[rnd(acts.length)];
      netralFacts[act] = peer[act] = true;
    }
    out.push({ netral: netralFacts, peer });
  }
  return out;
}

/** A seeded generator (mulberry32): rnd(k) is an integer in [0, k). */
export function random(seed) {
  let a = seed >>> 0;
  return (k) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * k);
  };
}

/** The case texts of tests/cases/dev.jsonl with their form facts. */
export function devTexts() {
  const file = path.join(ROOT, 'tests/cases/dev.jsonl');
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)).map((c) => ({ text: c.text, facts: c.facts || {} }));
}
