// bench/results.md is written by several benchmarks: bench/peers.mjs writes the whole file, the
// page benchmarks (bench/throttled.mjs, bench/editing.mjs) each own one section of it, marked
// `<!-- name -->` … `<!-- /name -->`. A section is replaced in place, or added at the end.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULTS_MD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results.md');
const SECTION = /<!-- ([a-z-]+) -->\n[\s\S]*?<!-- \/\1 -->\n?/g;

/** Writes `markdown` as section `name` of bench/results.md, leaving the rest as it is. */
export function writeSection(name, markdown) {
  const old = existsSync(RESULTS_MD) ? readFileSync(RESULTS_MD, 'utf8') : '';
  const block = `<!-- ${name} -->\n${markdown.trim()}\n<!-- /${name} -->\n`;
  const re = new RegExp(`<!-- ${name} -->\\n[\\s\\S]*?<!-- /${name} -->\\n?`);
  writeFileSync(RESULTS_MD, re.test(old) ? old.replace(re, block) : `${old.replace(/\n*$/, '\n\n')}${block}`);
}

/** The sections of the current bench/results.md, for a writer of the whole file to keep. */
export function sections() {
  if (!existsSync(RESULTS_MD)) return '';
  return (readFileSync(RESULTS_MD, 'utf8').match(SECTION) || []).join('\n');
}
