// classify() from JavaScript, per call, as a page or an integrator calls it: the incident object
// in (as JSON text), the Verdict object out (parsed from JSON text); median and p99 per call.
// Run after `make web`: node bench/boundary.mjs. Also loaded by bench/peers.mjs to time the same
// in Chromium.
export function runBoundary(netral, { structured, texts, rounds = 15, batch = 50 }) {
  const out = {};
  for (const [name, set] of [['structured', structured], ['text', texts]]) {
    const times = [];
    // Warm-up, which also sizes the batch to last about 1 ms: Chromium's clock is coarse (0.1 ms
    // without cross-origin isolation), so a shorter batch would often read as 0.
    let spent = 0;
    for (let r = 0; r < 2; r++) {
      for (const inc of set) {
        const t0 = performance.now();
        netral.classify(inc);
        spent += performance.now() - t0;
      }
    }
    const n = Math.max(batch, Math.ceil(1 / Math.max(spent / (2 * set.length), 1e-4)));
    for (let r = 0; r < rounds; r++) {
      for (const inc of set) {
        const t0 = performance.now();
        for (let i = 0; i < n; i++) netral.classify(inc);
        times.push(((performance.now() - t0) / n) * 1000);
      }
    }
    out[name] = stats(times);
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
  const r = runBoundary(netral, { structured, texts: devTexts() });
  for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(10)} ${v.median.toFixed(2)} µs (p99 ${v.p99.toFixed(2)})`);
}
