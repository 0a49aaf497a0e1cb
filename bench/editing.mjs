// Editing the rules: how long after a keystroke the rule editor shows the updated diagnostics and
// examples. Headless Chromium, the Aturan tab with the full built-in rulebook in the editor; 25
// times a comment line is typed at its end (one input event, as an input method or a paste gives)
// and the time from that input event (its timeStamp) to the first change of the diagnostics list
// (#diagnostics) and of the examples panel (#examples-run-summary, #examples-run) in the DOM is
// taken in the page (MutationObserver). Each edit waits until the page is idle again.
// BEFORE=<git ref> also measures the page as it was at that ref (its www/ files, bundled the same
// way, with today's modules), edits interleaved, so before and after come from one run.
// Run: make bench (or node bench/editing.mjs after make web). Writes test-results/bench-editing.json
// and the `editing` section of bench/results.md.
import { writeFileSync, mkdtempSync, mkdirSync, cpSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, launch, ROOT, WWW, RESULTS } from '../tests/browser/helpers.mjs';
import { writeSection } from './sections.mjs';

const EDITS = Number(process.env.EDITS || 25);
const BEFORE = process.env.BEFORE || '';

const quantile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };

/** The site as it was at `ref`: its www/ files, app.js and style.css bundled as `make web` does, today's modules. */
function siteAt(ref) {
  const dir = mkdtempSync(path.join(tmpdir(), 'netral-before-'));
  const files = execFileSync('git', ['ls-tree', '-r', '--name-only', ref, 'www/'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const f of files) {
    const out = path.join(dir, path.relative('www', f));
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, execFileSync('git', ['show', `${ref}:${f}`], { cwd: ROOT, maxBuffer: 64 << 20 }));
  }
  for (const pkg of ['pkg', 'pkg-editor']) cpSync(path.join(WWW, pkg), path.join(dir, pkg), { recursive: true, filter: (s) => !/\.(gz|br)$/.test(s) });
  const esbuild = path.join(ROOT, 'node_modules/.bin/esbuild');
  execFileSync(esbuild, [path.join(dir, 'app.js'), '--bundle', '--minify', '--format=esm', '--log-level=warning', `--outfile=${path.join(dir, 'app.min.js')}`]);
  execFileSync(esbuild, [path.join(dir, 'style.css'), '--minify', '--log-level=warning', `--outfile=${path.join(dir, 'style.min.css')}`]);
  return dir;
}

/** Opens the rule editor with the built-in rules and waits until its first check is shown. */
async function openEditor(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${url}#aturan`);
  await page.waitForSelector('html[data-ready=true]');
  await page.waitForFunction(() => document.querySelector('#examples-run-summary')?.textContent, null, { timeout: 60_000 });
  await idle(page);
  return { page, context, errors };
}

function idle(page) {
  return page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 50), { timeout: 2000 })));
}

/**
 * One edit: a comment line typed at the end of the text (Playwright's insertText: one input event,
 * as an input method or a paste gives); ms from that input event to the diagnostics and to the
 * examples in the DOM.
 */
async function edit(page, i) {
  await page.evaluate(() => {
    const ta = document.getElementById('editor');
    ta.focus();
    ta.setSelectionRange(ta.value.length, ta.value.length);
    window.__edit = new Promise((resolve) => {
      const at = {};
      let t0 = 0;
      ta.addEventListener('input', (e) => {
        t0 = e.timeStamp;
        // The browser's share before any script runs: the text inserted into the textarea.
        at.insert = performance.now() - t0;
        // The browser's own share: the first frame after the input (the text laid out again).
        requestAnimationFrame(() => setTimeout(() => { at.frame = performance.now() - t0; }, 0));
      }, { capture: true, once: true });
      const watch = (name, ids) => {
        const obs = new MutationObserver(() => {
          at[name] ??= performance.now() - t0;
          obs.disconnect();
          if (at.diagnostics !== undefined && at.examples !== undefined) setTimeout(() => resolve(at), 0);
        });
        for (const id of ids) obs.observe(document.getElementById(id), { childList: true, subtree: true, attributes: true, characterData: true });
      };
      watch('diagnostics', ['diagnostics']);
      watch('examples', ['examples-run-summary', 'examples-run']);
    });
  });
  await page.keyboard.insertText(`\n# catatan ${i}: edit number ${i}`);
  return page.evaluate(() => window.__edit);
}

const browser = await launch();
const sites = { after: { dir: WWW } };
if (BEFORE) sites.before = { dir: siteAt(BEFORE), ref: BEFORE };
const results = {};
try {
  for (const site of Object.values(sites)) {
    site.srv = await serve(site.dir);
    site.session = await openEditor(browser, site.srv.url);
    site.runs = [];
  }
  // Edits interleaved between the sites, so that a busy moment of the machine falls on both.
  for (let i = 0; i < EDITS; i++) {
    for (const site of Object.values(sites)) {
      site.runs.push(await edit(site.session.page, i));
      await idle(site.session.page);
    }
  }
  // The floor under both: the engine's answer to an edit of the same text alone (netral.edit, the
  // one pass of the editor module the page asks for, in its worker, and the rulebook handed to the
  // classify module), timed in the page after the edits.
  const floor = await sites.after.session.page.evaluate(async (n) => {
    const { load } = await import('./netral.js');
    const netral = await load({ separate: true });
    const text = document.getElementById('editor').value;
    await netral.edit(text);
    const ms = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await netral.edit(`${text}\n# ${i}`);
      ms.push(performance.now() - t0);
    }
    return ms;
  }, EDITS);
  results.edit_alone_ms = { median: quantile(floor, 0.5), p95: quantile(floor, 0.95) };
  // The browser's own share by the size of the text: a bare textarea styled as the editor is,
  // holding the first N bytes of the same text, and the time from an inserted line (its input
  // event) to its listener, which is the text inserted and laid out again.
  const rulebook = await sites.after.session.page.inputValue('#editor');
  const bare = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await bare.setContent('<textarea id="t" wrap="off" spellcheck="false" style="width:900px;height:460px;white-space:pre;font:14px/1.5 monospace;padding:10px 12px"></textarea>');
  results.textarea_insert_ms = {};
  for (const size of [rulebook.length, 90_000, 45_000, 20_000]) {
    await bare.evaluate((text) => {
      const ta = document.getElementById('t');
      ta.value = text;
      ta.focus();
      ta.setSelectionRange(text.length, text.length);
      window.__lag = [];
      ta.oninput = (e) => window.__lag.push(performance.now() - e.timeStamp);
    }, rulebook.slice(0, size));
    for (let i = 0; i < 9; i++) {
      await bare.keyboard.insertText(`\n# catatan ${i}`);
      await bare.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 20))));
    }
    const lag = await bare.evaluate(() => window.__lag);
    results.textarea_insert_ms[size] = quantile(lag, 0.5);
  }
  await bare.close();
  for (const [name, site] of Object.entries(sites)) {
    const status = await site.session.page.textContent('#editor-status');
    if (site.session.errors.length) throw new Error(`${name}: page errors ${site.session.errors.join('; ')}`);
    const d = site.runs.map((r) => r.diagnostics);
    const e = site.runs.map((r) => r.examples);
    const fr = site.runs.map((r) => r.frame).filter(Number.isFinite);
    const ins = site.runs.map((r) => r.insert);
    results[name] = {
      ref: site.ref || 'working tree', status,
      diagnostics_ms: { median: quantile(d, 0.5), p95: quantile(d, 0.95), all: d.map((x) => Math.round(x)) },
      examples_ms: { median: quantile(e, 0.5), p95: quantile(e, 0.95), all: e.map((x) => Math.round(x)) },
      first_frame_ms: { median: quantile(fr, 0.5), p95: quantile(fr, 0.95) },
      insert_ms: { median: quantile(ins, 0.5), p95: quantile(ins, 0.95) },
    };
    await site.session.context.close();
  }
} finally {
  await browser.close();
  for (const site of Object.values(sites)) {
    await site.srv?.close();
    if (site.ref) rmSync(site.dir, { recursive: true, force: true });
  }
}

writeFileSync(path.join(RESULTS, 'bench-editing.json'), JSON.stringify({ date: new Date().toISOString(), edits: EDITS, results }, null, 2));
const f = (x) => x.toFixed(1);
const rows = Object.entries(results).filter(([name]) => sites[name]).reverse().map(([name, r]) => `| ${name === 'after' ? 'after (this tree)' : `before (${r.ref})`} | ${f(r.diagnostics_ms.median)} | ${f(r.diagnostics_ms.p95)} | ${f(r.examples_ms.median)} | ${f(r.examples_ms.p95)} | ${f(r.insert_ms.median)} | ${f(r.first_frame_ms.median)} |`);
const ratios = results.before ? [
  '', `After ÷ before (medians): diagnostics × ${(results.after.diagnostics_ms.median / results.before.diagnostics_ms.median).toFixed(2)}, examples × ${(results.after.examples_ms.median / results.before.examples_ms.median).toFixed(2)}.`,
] : [];
const md = [
  '## Editing the rules (bench/editing.mjs)', '',
  `Generated by \`make bench\` (\`${BEFORE ? `BEFORE=${BEFORE} ` : ''}node bench/editing.mjs\`) on ${new Date().toISOString().slice(0, 10)}; raw figures in test-results/bench-editing.json.`,
  `Headless Chromium, the Aturan tab with the whole built-in rulebook in the editor; ${EDITS} times a comment line is typed at its end`,
  '(one input event), and the time from it to the first change of the diagnostics list and of the examples panel in the DOM',
  'is taken in the page; each edit waits until the page is idle again.', '',
  '| page | input → diagnostics, median ms | p95 ms | input → examples, median ms | p95 ms | input → its first listener (the text inserted), median ms | input → end of the first frame, median ms |', '|---|---|---|---|---|---|---|',
  ...rows, ...ratios, '',
  `The engine's share: \`netral.edit()\` of the same text alone (the whole rulebook parsed, resolved, linted and its examples run once, in the`,
  `editor's worker, and the rulebook handed to the classify module) takes a median of ${f(results.edit_alone_ms.median)} ms (p95 ${f(results.edit_alone_ms.p95)} ms) in the same page.`,
  'The browser\'s share comes first: before the page\'s first input listener runs, Chromium has inserted the text into the editor (one',
  'textarea of the whole rulebook) and laid it out again, and that grows faster than the text: in a bare textarea styled as the editor,',
  `holding the first N bytes of the same text, median ms from an inserted line to its listener: ${Object.entries(results.textarea_insert_ms).sort((a, b) => b[0] - a[0]).map(([n, ms]) => `${Math.round(n / 1000)} KB ${f(ms)}`).join(', ')}.`, '',
].join('\n');
writeSection('editing', md);
console.log(md);
