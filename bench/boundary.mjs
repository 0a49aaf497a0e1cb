// The JS ↔ wasm boundary, before and after the lean path, in one process (Node):
//   before = classifyFull: the incident object in through serde-wasm-bindgen, the Verdict object
//            out through it (what classify() did until the lean path);
//   after  = classify() of www/netral.js: text as &str, facts as numbers, words out, expanded in JS.
// Same incidents, interleaved, medians and p99 per call. Run after `make web`: node bench/boundary.mjs
// Also loaded by bench/browser.mjs (runBoundary) to time the same in Chromium.
export function runBoundary(netral, { structured, texts, rounds = 15, batch = 50 }) {
  const glue = netral._glue;
  const full = (inc) => glue.classifyFull(inc);
  const lean = (inc) => netral.classify(inc);
  const out = {};
  for (const [name, set] of [['structured', structured], ['text', texts]]) {
    const times = { before: [], after: [] };
    // Warm-up, which also sizes each path's batch to last about 1 ms: Chromium's clock is coarse
    // (0.1 ms without cross-origin isolation), so a shorter batch would often read as 0.
    const spent = { before: 0, after: 0 };
    for (let r = 0; r < 2; r++) {
      for (const inc of set) {
        let t0 = performance.now();
        full(inc);
        spent.before += performance.now() - t0;
        t0 = performance.now();
        lean(inc);
        spent.after += performance.now() - t0;
      }
    }
    const size = Object.fromEntries(Object.entries(spent).map(([k, ms]) => [k, Math.max(batch, Math.ceil(1 / Math.max(ms / (2 * set.length), 1e-4)))]));
    for (let r = 0; r < rounds; r++) {
      for (const inc of set) {
        for (const [k, f] of r % 2 ? [['after', lean], ['before', full]] : [['before', full], ['after', lean]]) {
          const n = size[k];
          const t0 = performance.now();
          for (let i = 0; i < n; i++) f(inc);
          times[k].push(((performance.now() - t0) / n) * 1000);
        }
      }
    }
    out[name] = Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, stats(xs)]));
  }
  return out;
}

export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p99: q(0.99), n: s.length };
}

if (typeof process !== 'undefined' && import.meta.url === `file://${process.argv[1]}`) {
  const { readFileSync } = await import('node:fs');
  const { load } = await import('../www/netral.js');
  const { structuredCases, devTexts } = await import('./cases.mjs');
  const netral = await load({ bytes: readFileSync(new URL('../www/pkg/netral_bg.wasm', import.meta.url)) });
  const structured = structuredCases(netral, 200).map((c) => ({ text: '', facts: c.netral }));
  const texts = devTexts();
  const r = runBoundary(netral, { structured, texts });
  for (const [k, v] of Object.entries(r)) {
    console.log(`${k.padEnd(10)} before ${v.before.median.toFixed(2)} µs (p99 ${v.before.p99.toFixed(2)})  after ${v.after.median.toFixed(2)} µs (p99 ${v.after.p99.toFixed(2)})  ×${(v.before.median / v.after.median).toFixed(1)}`);
  }
}
