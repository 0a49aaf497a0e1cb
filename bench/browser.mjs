// Browser benchmark (headless Chromium, the built www/ on a local server):
//  - classify() from JS, object in and object out, on every case text of tests/cases/dev.jsonl:
//    median and p99 per call. Chromium coarsens performance.now() outside cross-origin isolation
//    (~100 µs), so each case is timed as a batch of calls and divided: the figures are over cases.
//  - time from navigation to the first verdict on the page (text restored from localStorage), with
//    the steps before it (the page's performance marks; NaN for a mark a page does not set).
// Run: make bench (or node bench/browser.mjs after make web). Prints the figures; writes
// test-results/bench-browser.json.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serve, launch, ROOT, RESULTS } from '../tests/browser/helpers.mjs';

const file = path.join(ROOT, 'tests/cases/dev.jsonl');
const cases = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)).map((c) => ({ text: c.text, facts: c.facts || {} }));
const BATCH = Number(process.env.BATCH || 200);
const ROUNDS = Number(process.env.ROUNDS || 5);

const q = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const fmt = (ms) => `${(ms * 1000).toFixed(1)} µs`;

const srv = await serve(process.env.NETRAL_WWW || undefined); // NETRAL_WWW: another built site (before/after)
const browser = await launch();
try {
  // 1. Navigation to first verdict, fresh context each time (cold module compile, no HTTP cache).
  const firsts = [];
  const engines = [];
  const steps = []; // per run: page received, wasm received, engine loaded, rulebook compiled, first verdict, page ready
  for (let i = 0; i < ROUNDS; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.addInitScript(() => localStorage.setItem('netral.v1', JSON.stringify({ text: 'Saya PNS, saya like postingan kampanye caleg di Facebook' })));
    await page.goto(srv.url);
    await page.waitForSelector('html[data-ready=true]');
    const [first, engine, rulebook, ready, wasm, start] = await page.evaluate(() => [
      ...['netral-first-verdict', 'netral-engine-loaded', 'netral-rulebook-ready', 'netral-page-ready'].map((m) => performance.getEntriesByName(m)[0]?.startTime ?? NaN),
      performance.getEntriesByType('resource').find((r) => r.name.endsWith('netral_bg.wasm'))?.responseEnd ?? NaN,
      performance.getEntriesByType('navigation')[0].responseEnd,
    ]);
    firsts.push(first);
    engines.push(engine);
    steps.push({ html: start, wasm, engine, rulebook, first, ready });
    await ctx.close();
  }

  // 2. classify() per call, in the page.
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(srv.url);
  await page.waitForSelector('html[data-ready=true]');
  const out = await page.evaluate(async ({ cases, BATCH }) => {
    const { load } = await import('./netral.js');
    const netral = await load();
    let errors = 0;
    const verdicts = {};
    for (const c of cases) { const v = netral.classify(c); if (v.error) errors++; else verdicts[v.verdict] = (verdicts[v.verdict] || 0) + 1; }
    for (let r = 0; r < 3; r++) for (const c of cases) netral.classify(c); // warm-up
    const perCase = [];
    for (const c of cases) {
      const t0 = performance.now();
      for (let i = 0; i < BATCH; i++) netral.classify(c);
      perCase.push((performance.now() - t0) / BATCH);
    }
    const builtin = await netral.builtinSources();
    const t0 = performance.now();
    for (let i = 0; i < cases.length; i++) await netral.compile(builtin);
    const compile = (performance.now() - t0) / cases.length;
    netral.reset();
    return { perCase, errors, verdicts, compile };
  }, { cases, BATCH });
  await ctx.close();

  const result = {
    cases: cases.length, file: path.relative(ROOT, file), batch: BATCH,
    classify_median_ms: q(out.perCase, 0.5), classify_p99_ms: q(out.perCase, 0.99), classify_max_ms: Math.max(...out.perCase),
    first_verdict_ms: { median: q(firsts, 0.5), all: firsts.map((x) => Math.round(x)) }, engine_loaded_ms: q(engines, 0.5),
    startup_medians_ms: Object.fromEntries(Object.keys(steps[0]).map((k) => {
      const xs = steps.map((s) => s[k]).filter(Number.isFinite);
      return [k, xs.length ? Math.round(q(xs, 0.5)) : null];
    })),
    compile_builtin_ms: out.compile, verdicts: out.verdicts, errors: out.errors,
  };
  writeFileSync(path.join(RESULTS, 'bench-browser.json'), JSON.stringify(result, null, 2));
  console.log(`browser bench (Chromium, ${cases.length} cases of ${result.file}, ${BATCH} calls per case)`);
  console.log(`  classify, object in/out: median ${fmt(result.classify_median_ms)}, p99 ${fmt(result.classify_p99_ms)}, max ${fmt(result.classify_max_ms)} per call`);
  console.log(`  navigation → first verdict: median ${result.first_verdict_ms.median.toFixed(0)} ms (runs: ${result.first_verdict_ms.all.join(', ')} ms); engine loaded at ${result.engine_loaded_ms.toFixed(0)} ms`);
  const m = result.startup_medians_ms;
  console.log(`  start-up medians: page received ${m.html} ms, wasm received ${m.wasm}, engine loaded ${m.engine}, built-in rulebook compiled ${m.rulebook} (first call), first verdict ${m.first}, page ready ${m.ready}`);
  console.log(`  compile the built-in rulebook (warm, again): ${result.compile_builtin_ms.toFixed(1)} ms`);
  console.log(`  verdicts: ${JSON.stringify(out.verdicts)}; incidents rejected: ${out.errors}`);
} finally {
  await browser.close();
  srv.close();
}
