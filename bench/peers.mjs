// Side-by-side: Netral and three rules engines on the same decision — the structured part of the
// default rulebook (subject, acts, open facts, date → prohibition/permission, sanction).
//   1. peers' rules from bench/peers/netral.jsonlogic.json (cargo run --features peers --example export_peers):
//      writes bench/peers/netral.json-rules-engine.json and bench/peers/netral.jdm.json;
//   2. every engine must give the same verdict, matched and possible rules and sanction on every
//      generated structured incident before anything is timed (Node and Chromium);
//   3. timing, one process per host, engines interleaved per incident: medians and p99 of
//      per-evaluation times (each sample = a batch of evaluations of one incident, divided);
//      start-up (module load + first evaluation); download size (raw, gzip -9);
//   4. Netral natively (examples/structured.rs) and Netral's full text → verdict path beside it.
// Writes bench/results.md and test-results/bench-peers.json. Run: make bench (after make web),
// or node bench/peers.mjs. Peers live in bench/package.json (npm install --prefix bench).
import { sections } from './sections.mjs';
import { readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { ROOT, structuredCases, devTexts } from './cases.mjs';
import { jreRules, jdm, netralEngine, jsonLogicEngine, jreEngine, zenEngine } from './engines.mjs';
import { runBoundary, stats } from './boundary.mjs';

const CHECK = Number(process.env.CHECK || 5000);
const TIMED = Number(process.env.TIMED || 300);
const ROUNDS = Number(process.env.ROUNDS || 5);
const RESULTS = path.join(ROOT, 'test-results');
const PEERS = path.join(ROOT, 'bench/peers');
const NM = path.join(ROOT, 'bench/node_modules');
mkdirSync(path.join(RESULTS, 'peers'), { recursive: true });

// ---- 1. the peers' rules -------------------------------------------------------------------
const spec = JSON.parse(readFileSync(path.join(PEERS, 'netral.jsonlogic.json'), 'utf8'));
const decision = jdm(spec);
writeFileSync(path.join(PEERS, 'netral.json-rules-engine.json'), JSON.stringify(jreRules(spec), null, 1));
writeFileSync(path.join(PEERS, 'netral.jdm.json'), JSON.stringify(decision, null, 1));
// json-rules-engine as a user would ship it to a browser: one minified ES module.
execFileSync(path.join(NM, '.bin/esbuild'), ['--bundle', '--minify', '--format=esm', '--platform=browser', `--outfile=${path.join(RESULTS, 'peers/json-rules-engine.min.mjs')}`, '--log-level=warning'],
  { input: 'export { Engine } from "json-rules-engine";', cwd: path.join(ROOT, 'bench') });
execFileSync(path.join(NM, '.bin/esbuild'), [path.join(NM, 'json-logic-js/logic.js'), '--minify', `--outfile=${path.join(RESULTS, 'peers/json-logic.min.js')}`, '--log-level=warning']);

// ---- sizes ---------------------------------------------------------------------------------
const gz = (files) => files.reduce((s, f) => s + gzipSync(readFileSync(f), { level: 9 }).length, 0);
const raw = (files) => files.reduce((s, f) => s + statSync(f).size, 0);
const SHIPPED = {
  'Netral (wasm)': ['www/netral.js', 'www/pkg/netral.js', 'www/pkg/netral_bg.wasm'].map((f) => path.join(ROOT, f)),
  'json-logic-js': [path.join(RESULTS, 'peers/json-logic.min.js'), path.join(PEERS, 'netral.jsonlogic.json')],
  'json-rules-engine': [path.join(RESULTS, 'peers/json-rules-engine.min.mjs'), path.join(PEERS, 'netral.json-rules-engine.json')],
  'ZEN (zen-engine-wasm)': ['dist/zen_engine_wasm.js', 'dist/zen_engine_wasm_bg.wasm'].map((f) => path.join(NM, '@gorules/zen-engine-wasm', f)).concat(path.join(PEERS, 'netral.jdm.json')),
};
// Netral's files by their place in the site (two are called netral.js); the peers' by name.
const shownPath = (p) => (p.startsWith(path.join(ROOT, 'www') + path.sep) ? path.relative(ROOT, p) : path.basename(p));
const sizes = Object.fromEntries(Object.entries(SHIPPED).map(([k, fs]) => [k, { raw: raw(fs), gzip: gz(fs) }]));

// ---- the shared measurement (runs in Node and, as source text, in the page) ------------------
async function measure(engines, cases, timed, rounds) {
  const q = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  // Same answers first.
  const counts = {};
  for (const c of cases) {
    const want = engines[0].summary(await engines[0].run(c));
    counts[want.verdict] = (counts[want.verdict] || 0) + 1;
    for (const e of engines.slice(1)) {
      const got = e.summary(e.sync ? e.run(c) : await e.run(c));
      if (!same(got, want)) return { mismatch: { engine: e.name, facts: c.peer, want, got } };
    }
  }
  // Batch sizes: about 1 ms per sample.
  const sample = cases.slice(0, timed);
  const batch = {};
  for (const e of engines) {
    const t0 = performance.now();
    let n = 0;
    while (performance.now() - t0 < 50) { for (const c of sample.slice(0, 20)) { e.sync ? e.run(c) : await e.run(c); n++; } }
    batch[e.name] = Math.max(1, Math.round(1 / ((performance.now() - t0) / n)));
  }
  const times = Object.fromEntries(engines.map((e) => [e.name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [k, c] of sample.entries()) {
      for (let j = 0; j < engines.length; j++) {
        const e = engines[(j + k + r) % engines.length];
        const b = batch[e.name];
        const t0 = performance.now();
        if (e.sync) for (let i = 0; i < b; i++) e.run(c);
        else for (let i = 0; i < b; i++) await e.run(c);
        times[e.name].push(((performance.now() - t0) / b) * 1000);
      }
    }
  }
  return { counts, checked: cases.length, batch, perEval: Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, { median: q(xs, 0.5), p99: q(xs, 0.99), n: xs.length }])) };
}

// ---- 2–3. Node -------------------------------------------------------------------------------
const { load } = await import('../www/netral.js');
const netral = await load({ bytes: readFileSync(path.join(ROOT, 'www/pkg/netral_bg.wasm')) });
const cases = structuredCases(netral, CHECK);
writeFileSync(path.join(RESULTS, 'peers/structured-cases.json'), JSON.stringify(cases.slice(0, TIMED).map((c) => ({ facts: c.netral }))));
writeFileSync(path.join(RESULTS, 'peers/dev-texts.json'), JSON.stringify(devTexts()));
const jsonLogic = (await import('json-logic-js')).default;
const { Engine } = await import('json-rules-engine');
const zen = await import('@gorules/zen-engine-wasm');
await zen.default({ module_or_path: readFileSync(path.join(NM, '@gorules/zen-engine-wasm/dist/zen_engine_wasm_bg.wasm')) });
const engines = [netralEngine(netral), jsonLogicEngine(jsonLogic, spec), jreEngine(Engine, spec), zenEngine(zen, decision, spec)];
console.log(`checking ${cases.length} structured incidents in Node …`);
const node = await measure(engines, cases, TIMED, ROUNDS);
if (node.mismatch) { console.error('engines disagree (Node):', JSON.stringify(node.mismatch, null, 1)); process.exit(1); }
const nodeText = runBoundary(netral, { structured: cases.slice(0, 100).map((c) => ({ text: '', facts: c.netral })), texts: devTexts(), rounds: 5, batch: 20 });

// Start-up in Node: a fresh process per engine and run (module load + first evaluation).
const startupScript = (engine) => `
const t0 = performance.now();
const { readFileSync } = await import('node:fs');
const c = ${JSON.stringify(cases[1])};
let r;
if (${JSON.stringify(engine)} === 'Netral (wasm)') { const { load } = await import(${JSON.stringify(path.join(ROOT, 'www/netral.js'))}); const n = await load({ bytes: readFileSync(${JSON.stringify(path.join(ROOT, 'www/pkg/netral_bg.wasm'))}) }); r = n.classify({ text: '', facts: c.netral }); }
else if (${JSON.stringify(engine)} === 'json-logic-js') { const jl = (await import('json-logic-js')).default; const spec = JSON.parse(readFileSync(${JSON.stringify(path.join(PEERS, 'netral.jsonlogic.json'))}, 'utf8')); r = spec.rules.map((x) => jl.apply(x.T, c.peer)); }
else if (${JSON.stringify(engine)} === 'json-rules-engine') { const { Engine } = await import('json-rules-engine'); const rules = JSON.parse(readFileSync(${JSON.stringify(path.join(PEERS, 'netral.json-rules-engine.json'))}, 'utf8')); const e = new Engine(rules, { allowUndefinedFacts: true }); e.addOperator('known', (a) => a != null); e.addOperator('unknown', (a) => a == null); r = await e.run({ ...c.peer }); }
else { const zen = await import('@gorules/zen-engine-wasm'); await zen.default({ module_or_path: readFileSync(${JSON.stringify(path.join(NM, '@gorules/zen-engine-wasm/dist/zen_engine_wasm_bg.wasm'))}) }); const d = JSON.parse(readFileSync(${JSON.stringify(path.join(PEERS, 'netral.jdm.json'))}, 'utf8')); const v = new zen.Variable(c.peer); r = d.nodes[1].content.expressions.map((e) => v.evaluateExpression(e.value)); }
console.log(performance.now() - t0);`;
const nodeStartup = {};
for (const e of engines) {
  const xs = [];
  for (let i = 0; i < 5; i++) xs.push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', startupScript(e.name)], { cwd: path.join(ROOT, 'bench') }).toString().trim()));
  nodeStartup[e.name] = stats(xs).median;
}

// ---- Netral natively ---------------------------------------------------------------------------
let native = null;
try {
  execFileSync('cargo', ['build', '--quiet', '--release', '--example', 'structured'], { cwd: ROOT, stdio: 'inherit' });
  native = JSON.parse(execFileSync(path.join(ROOT, 'target/release/examples/structured'), [path.join(RESULTS, 'peers/structured-cases.json'), path.join(RESULTS, 'peers/dev-texts.json')]).toString());
} catch (e) { console.error('native run failed:', e.message); }

// ---- Chromium ----------------------------------------------------------------------------------
const { serve, launch } = await import('../tests/browser/helpers.mjs');
const srv = await serve(ROOT);
const browser = await launch();
let chrome, chromeStartup = {}, chromeText;
try {
  const setup = `
    const root = location.origin + '/';
    const spec = await (await fetch(root + 'bench/peers/netral.jsonlogic.json')).json();
    const decision = await (await fetch(root + 'bench/peers/netral.jdm.json')).json();
    const E = await import(root + 'bench/engines.mjs');`;
  const loaders = {
    'Netral (wasm)': `const { load } = await import(root + 'www/netral.js'); const netral = await load(); engine = E.netralEngine(netral);`,
    'json-logic-js': `await new Promise((ok, ko) => { const s = document.createElement('script'); s.src = root + 'test-results/peers/json-logic.min.js'; s.onload = ok; s.onerror = ko; document.head.append(s); }); engine = E.jsonLogicEngine(window.jsonLogic, spec);`,
    'json-rules-engine': `const { Engine } = await import(root + 'test-results/peers/json-rules-engine.min.mjs'); engine = E.jreEngine(Engine, spec);`,
    'ZEN (zen-engine-wasm)': `const zen = await import(root + 'bench/node_modules/@gorules/zen-engine-wasm/dist/zen_engine_wasm.js'); await zen.default({ module_or_path: root + 'bench/node_modules/@gorules/zen-engine-wasm/dist/zen_engine_wasm_bg.wasm' }); engine = E.zenEngine(zen, decision, spec);`,
  };
  // Start-up: a fresh context per engine and run; from the start of loading to the first answer.
  for (const name of Object.keys(loaders)) {
    const xs = [];
    for (let i = 0; i < 5; i++) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      await page.goto(srv.url + 'bench/blank.html');
      xs.push(await page.evaluate(`(async () => { const c = ${JSON.stringify(cases[1])}; const t0 = performance.now(); ${setup} let engine; ${loaders[name]} await engine.run(c); return performance.now() - t0; })()`));
      await ctx.close();
    }
    chromeStartup[name] = stats(xs).median;
  }
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(srv.url + 'bench/blank.html');
  console.log(`checking ${cases.length} structured incidents in Chromium …`);
  chrome = await page.evaluate(`(async () => { ${setup} const engines = []; let engine;
    ${Object.values(loaders).map((l) => `{ ${l} engines.push(engine); }`).join('\n')}
    const measure = ${measure.toString()};
    const cases = ${JSON.stringify(cases)};
    return measure(engines, cases, ${TIMED}, ${ROUNDS}); })()`);
  if (chrome.mismatch) { console.error('engines disagree (Chromium):', JSON.stringify(chrome.mismatch, null, 1)); process.exit(1); }
  chromeText = await page.evaluate(`(async () => { const root = location.origin + '/';
    const { load } = await import(root + 'www/netral.js'); const netral = await load();
    const { runBoundary } = await import(root + 'bench/boundary.mjs');
    return runBoundary(netral, { structured: ${JSON.stringify(cases.slice(0, 100).map((c) => ({ text: '', facts: c.netral })))}, texts: ${JSON.stringify(devTexts())}, rounds: 5, batch: 20 }); })()`);
  await ctx.close();
} finally {
  await browser.close();
  srv.close();
}

// ---- report ------------------------------------------------------------------------------------
const result = { date: new Date().toISOString(), node: { ...node, startup: nodeStartup, netralPaths: nodeText }, chromium: { ...chrome, startup: chromeStartup, netralPaths: chromeText }, native, sizes, cases: { checked: CHECK, timed: TIMED, rounds: ROUNDS } };
writeFileSync(path.join(RESULTS, 'bench-peers.json'), JSON.stringify(result, null, 2));
const f = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const names = engines.map((e) => e.name);
const host = (h, label) => [
  `### ${label}`, '',
  '| engine | median µs / evaluation | p99 µs | × Netral (median) | start-up ms (load + first evaluation) |', '|---|---|---|---|---|',
  ...names.map((n) => `| ${n} | ${f(h.perEval[n].median)} | ${f(h.perEval[n].p99)} | ${n === names[0] ? '1' : (h.perEval[n].median / h.perEval[names[0]].median).toFixed(1)} | ${f(h.startup[n])} |`),
  '', `Netral's classify() from JS (the incident object in, the full Verdict object out, both as JSON text across the boundary), µs per call:`, '',
  '| incidents | median | p99 |', '|---|---|---|',
  ...Object.entries(h.netralPaths).map(([k, v]) => `| ${k === 'text' ? `free text → verdict (${devTexts().length} dev cases)` : 'structured (facts only)'} | ${f(v.median)} | ${f(v.p99)} |`), '',
];
const md = [
  '# Netral beside json-logic-js, json-rules-engine and ZEN', '',
  `Generated by \`make bench\` (bench/peers.mjs) on ${result.date.slice(0, 10)}; raw figures in test-results/bench-peers.json.`,
  `The decision: the structured part of the default rulebook (${spec.rules.length} rules), exported from the compiled rulebook`,
  '(`cargo run --features peers --example export_peers` → bench/peers/netral.jsonlogic.json; json-rules-engine rules and the ZEN JDM derived from it).',
  `All four engines gave the same verdict, matched rules, possible rules and sanction on ${CHECK} generated structured incidents`,
  `in Node and in Chromium (verdicts: ${JSON.stringify(node.counts)}) before timing. Timing: ${TIMED} incidents × ${ROUNDS} rounds, engines interleaved;`,
  'each sample is a batch of evaluations of one incident (about 1 ms) divided by its size, so p99 is over batches.',
  'Netral returns its full Verdict object (titles, bases, because, sanctions, advice); the peers return verdict, rule ids and sanction.',
  'zen-engine-wasm 0.23 evaluates expressions only (no decision graphs): the JDM\'s expression node is run by bench/engines.mjs against one `Variable`.', '',
  host(result.node, `Node ${process.version}`).join('\n'),
  host(result.chromium, 'Headless Chromium (Debian chromium, playwright-core)').join('\n'),
  '### Netral natively (examples/structured.rs, `Rulebook::classify`, full Verdict)', '',
  native ? `structured: median ${f(native.structured.median)} µs, p99 ${f(native.structured.p99)} µs; free text (dev cases): median ${f(native.text.median)} µs, p99 ${f(native.text.p99)} µs` : 'not measured (cargo failed)', '',
  '### Download as shipped (engine + its rules)', '',
  '| engine | files | raw | gzip -9 |', '|---|---|---|---|',
  ...names.map((n) => `| ${n} | ${SHIPPED[n].map(shownPath).join(', ')} | ${kb(sizes[n].raw)} | ${kb(sizes[n].gzip)} |`), '',
  'Netral\'s download is its classify module: the text stage, the evaluator and the built-in rulebook as a snapshot (the rule-language compiler is a separate module, loaded only to edit rules); the peers\' include only the exported rules.', '',
].join('\n');
// The page benchmarks' sections (bench/sections.mjs) are kept below.
writeFileSync(path.join(ROOT, 'bench/results.md'), `${md}\n${sections()}`);
console.log(md);
