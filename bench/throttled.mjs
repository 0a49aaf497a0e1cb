// The page on a slow phone's connection: headless Chromium throttled through the DevTools
// protocol (Network.emulateNetworkConditions: 1.6 Mbps down, 750 kbps up, 150 ms round trip, the
// "slow 4G" of Lighthouse) and unthrottled, the site served by scripts/serve.mjs:
//  - uncompressed (a host that sends files as they are, as `python3 -m http.server` did: before),
//  - gzip only (Accept-Encoding: gzip),
//  - brotli (what Chromium asks for and the server sends: after).
// Each run is a fresh browser context (no HTTP cache, no service worker) that opens the page with
// an incident already saved (the page restores it and classifies it at once, as after a reload).
// Measured: navigation start → the verdict element in the DOM (#result-body [data-verdict], seen by
// a MutationObserver installed before the page's own scripts), and the bytes transferred (headers
// and bodies, resource timing) of every request started before that verdict.
// Run: make bench (or node bench/throttled.mjs after make web). ROUNDS=5 by default. Writes
// test-results/bench-throttled.json and the `page-load` section of bench/results.md.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { serve, launch, RESULTS } from '../tests/browser/helpers.mjs';
import { writeSection } from './sections.mjs';

const ROUNDS = Number(process.env.ROUNDS || 5);
const INCIDENT = 'Saya PNS, saya like postingan kampanye caleg di Facebook';
// A slow phone's connection (Lighthouse's mobile throttling, in decimal units): throughput in
// bytes per second, latency in ms (added to every request).
const SLOW = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const NETWORKS = { throttled: SLOW, unthrottled: null };
const HOSTS = {
  identity: { compression: false, acceptEncoding: null },
  gzip: { compression: true, acceptEncoding: 'gzip' },
  brotli: { compression: true, acceptEncoding: null },
};
// BEFORE=dir: another build of www/ (a copy of main's, say), measured in the same run with gzip and
// brotli, interleaved with the hosts above, for a before/after of one change.
if (process.env.BEFORE) {
  HOSTS['gzip, before'] = { ...HOSTS.gzip, dir: process.env.BEFORE };
  HOSTS['brotli, before'] = { ...HOSTS.brotli, dir: process.env.BEFORE };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** One page load: ms from navigation to the first verdict, bytes before it, and what was sent. */
async function loadOnce(browser, url, network, acceptEncoding) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (network) await cdp.send('Network.emulateNetworkConditions', network);
  if (acceptEncoding) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': acceptEncoding } });
  const encodings = new Set();
  page.on('response', (r) => encodings.add(r.headers()['content-encoding'] || 'identity'));
  await page.addInitScript((text) => {
    localStorage.setItem('netral.v1', JSON.stringify({ text }));
    const seen = new MutationObserver(() => {
      if (document.querySelector('#result-body [data-verdict]')) {
        window.__verdictAt = performance.now();
        seen.disconnect();
      }
    });
    seen.observe(document, { childList: true, subtree: true });
  }, INCIDENT);
  await page.goto(url);
  await page.waitForFunction(() => window.__verdictAt !== undefined, null, { timeout: 60_000 });
  const out = await page.evaluate(() => {
    const at = window.__verdictAt;
    const nav = performance.getEntriesByType('navigation')[0];
    const before = [nav, ...performance.getEntriesByType('resource').filter((r) => r.startTime < at)];
    return {
      ms: at,
      bytes: before.reduce((n, r) => n + r.transferSize, 0),
      decoded: before.reduce((n, r) => n + r.decodedBodySize, 0),
      files: before.map((r) => `${new URL(r.name).pathname} ${r.transferSize}`),
      verdict: document.querySelector('#result-body [data-verdict]').dataset.verdict,
    };
  });
  await context.close();
  return { ...out, encodings: [...encodings] };
}

const browser = await launch();
const servers = {};
const results = {};
try {
  for (const [host, cfg] of Object.entries(HOSTS)) servers[host] ??= await serve(cfg.dir, { compression: cfg.compression });
  for (const [net, network] of Object.entries(NETWORKS)) {
    results[net] = {};
    // Hosts interleaved round by round, so that a busy moment of the machine falls on all of them.
    const runs = Object.fromEntries(Object.keys(HOSTS).map((h) => [h, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [host, cfg] of Object.entries(HOSTS)) runs[host].push(await loadOnce(browser, servers[host].url, network, cfg.acceptEncoding));
    }
    for (const [host, rs] of Object.entries(runs)) {
      if (rs.some((r) => r.verdict !== 'violation')) throw new Error(`${host}: the page did not show the expected verdict`);
      results[net][host] = {
        first_verdict_ms: median(rs.map((r) => r.ms)), runs_ms: rs.map((r) => Math.round(r.ms)),
        bytes_before_verdict: median(rs.map((r) => r.bytes)), decoded_bytes: median(rs.map((r) => r.decoded)),
        encodings: [...new Set(rs.flatMap((r) => r.encodings))], files: rs[0].files,
      };
    }
  }
} finally {
  await browser.close();
  for (const s of Object.values(servers)) await s.close();
}

writeFileSync(path.join(RESULTS, 'bench-throttled.json'), JSON.stringify({ date: new Date().toISOString(), rounds: ROUNDS, network: SLOW, results }, null, 2));
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
const rows = [];
for (const [net, hosts] of Object.entries(results)) {
  for (const [host, r] of Object.entries(hosts)) {
    const base = hosts.identity;
    rows.push(`| ${net} | ${host} | ${Math.round(r.first_verdict_ms)} (${r.runs_ms.join(', ')}) | ${host === 'identity' ? '1' : (r.first_verdict_ms / base.first_verdict_ms).toFixed(2)} | ${kb(r.bytes_before_verdict)} | ${host === 'identity' ? '1' : (r.bytes_before_verdict / base.bytes_before_verdict).toFixed(2)} |`);
  }
}
const md = [
  '## The page on a slow connection (bench/throttled.mjs)', '',
  `Generated by \`make bench\` (\`${process.env.BEFORE ? 'BEFORE=<dir> ' : ''}node bench/throttled.mjs\`) on ${new Date().toISOString().slice(0, 10)}; raw figures in test-results/bench-throttled.json.`,
  'Headless Chromium, a fresh context per run (no cache, no service worker), the incident restored from localStorage as after a reload;',
  'throttled: Network.emulateNetworkConditions 1.6 Mbps down, 750 kbps up, 150 ms latency. The site served by scripts/serve.mjs',
  'uncompressed (before: as `python3 -m http.server` served it), gzip only, and brotli (after: what Chromium gets by default).',
  `Medians of ${ROUNDS} runs, hosts interleaved; ratios against the uncompressed host of the same run.`,
  ...(process.env.BEFORE ? ['The hosts marked "before" serve `BEFORE`, another build of www/, the same way, in the same run.'] : []), '',
  '| network | host | navigation → first verdict in the DOM, ms (runs) | × before | bytes transferred before it | × before |',
  '|---|---|---|---|---|---|',
  ...rows, '',
  `Files before the first verdict (brotli, bytes transferred): ${results.throttled.brotli.files.join('; ')}.`, '',
].join('\n');
writeSection('page-load', md);
console.log(md);
