// Aturan: the rule editor (live diagnostics, examples; the editor module checks and compiles in
// its worker, netral.js) and the rule list. A valid edited rulebook becomes the one Periksa uses;
// the rules in use stay whenever a check fails or runs out of time.

import { $, el } from './dom.js';
import { t } from './i18n.js';
import { classifyNow, renderNote, renderUncertain } from './check-tab.js';
import { refreshBook, renderVisible } from './shell.js';
import { page, state } from './state.js';
import { save } from './storage.js';

// Time budgets of the rule editor (its worker is stopped past them, and the rules in use stay):
// rules saved on this device are checked when the page opens, before anyone asked to edit, so a
// rule file that takes too long must not keep the page's own rules waiting; while editing, a
// longer wait is worth it for a large rulebook.
export const SAVED_BUDGET_MS = 2000;
const EDIT_BUDGET_MS = 10_000;
// A check that has run this long is stopped when the text changes again (its result is moot):
// shorter checks finish, as restarting the editor's worker costs more than they do.
const MOOT_AFTER_MS = 1000;

// The editor's own bookkeeping (the rest of the page's state is in state.js).
let builtinText = ''; // the built-in rule files as the editor shows them, once loaded (builtinRules)
let builtinLoading = null; // Promise of builtinText, once asked for
let lastGood = null; // the editor text last compiled
let editorChecked = false; // the editor's text was checked since the page started
let editorBusy = false; // an editor check is running
let editorAgain = false; // the editor's text changed (or must be checked again) while it ran
let editorCall = null; // the running check: {control: AbortController, started: ms}
let editorShown = 0; // checks whose result is on screen (#diagnostics data-version)
let shownExamples = null; // the JSON of the example outcomes on screen
const gutterRows = []; // the editor's line-number elements, in order (renderGutter)
let gutterEnd; // the gutter's last, blank row (after the text's last line)

/** The Aturan tab is shown: its text is checked the first time, and its layers follow its scroll. */
export function openRulesTab() {
  if (!editorChecked) runEditorCheck();
  syncEditorScroll();
}

/** The page's language changed: an editor already in use is checked again, in that language. */
export function recheckEditor() {
  // The editor module is loaded only once the rules are edited or the Aturan tab is open.
  if (editorChecked) runEditorCheck();
}

/**
 * The saved state was replaced ("Hapus data saya", or its undo): the editor shows the saved text
 * and, when it was in use or holds edited rules, checks it again; else Periksa goes back to the
 * built-in rules.
 */
export function applyEditorState() {
  $('editor').value = state.editor ?? builtinText;
  if (editorChecked || state.editor !== null) runEditorCheck();
  else if (page.customActive) { page.netral.reset(); page.customActive = false; lastGood = null; }
}

/**
 * Checks the editor's text now, or, while a check runs, once it ends: keystrokes during a check
 * are coalesced into one check of the latest text, and the first one waits for nothing. Runs
 * checkEditor until the text it checked is the latest (one check at a time).
 */
async function runEditorCheck(budget = EDIT_BUDGET_MS) {
  if (editorBusy) {
    editorAgain = true;
    if (editorCall && performance.now() - editorCall.started > MOOT_AFTER_MS) editorCall.control.abort();
    return;
  }
  editorBusy = true;
  try {
    do {
      editorAgain = false;
      await checkEditor(budget);
      budget = EDIT_BUDGET_MS;
    } while (editorAgain);
  } finally {
    editorBusy = false;
    if (page.savedPending) {
      page.savedPending = false;
      renderVisible();
    }
  }
}

/**
 * Where each line of `text` starts (UTF-16 offsets), found once per check: placing every
 * diagnostic by walking the text from its start cost O(lines) each, 15 s per keystroke for a
 * file of 40,000 broken lines.
 */
function lineStarts(text) {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** UTF-16 offset of a 1-based line and character column (`starts` from lineStarts). */
function offsetOf(text, starts, line, column) {
  if (line > starts.length) return text.length;
  let at = starts[Math.max(0, line - 1)];
  for (let c = 1; c < column && at < text.length && text[at] !== '\n'; c++) {
    at += text.codePointAt(at) > 0xffff ? 2 : 1;
  }
  return at;
}

/**
 * Checks the editor's text once the current task ends: the input events of one insertion (a
 * paste or an input method's text with a line break fires two) are coalesced into one check,
 * where the first would start a check that the second makes moot.
 */
let checkTimer = 0;
function scheduleCheck() {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(() => runEditorCheck(), 0);
}

/**
 * Checks the editor's text (the editor module loads on the first call, in its worker) in one pass
 * (netral.edit): its diagnostics, and when it has no error its examples, shown at once, and the
 * rulebook made the one Periksa uses. The views that depend on the rulebook (form, rule list,
 * case library) follow in the next task, so that the diagnostics and examples are not kept
 * waiting for them. A newer text (editorAgain) makes the rest of this check moot: it stops there.
 * Past `budget` ms the editor's worker is stopped and the rules in use stay.
 */
async function checkEditor(budget) {
  editorChecked = true;
  if (state.editor === null) await builtinRules();
  const text = $('editor').value;
  editorCall = { control: new AbortController(), started: performance.now() };
  const builtin = state.editor === null;
  // The built-in rules need no switching (the classify module has them), nor a text already in use.
  const switching = text !== lastGood;
  const result = await page.netral.edit(text, { timeout: budget, signal: editorCall.control.signal, use: switching && !builtin });
  if (editorAgain) return;
  if (timedOut(result.diagnostics, budget)) return;
  renderDiagnostics(text, result.diagnostics);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning');
  if (result.ok && switching) {
    if (builtin) page.netral.reset();
    lastGood = text;
    page.customActive = !builtin;
    page.savedRefused = false;
    // The engine uses the new rulebook now, so the views follow even when a newer text waits;
    // the status, which counts its rules, with them. Rules saved on the device, checked as the
    // page opens, are followed at once: the views wait for them (savedPending).
    const follow = () => { refreshBook(); showEditorStatus(errors, warnings); };
    if (page.savedPending) follow(); else setTimeout(follow, 0);
  } else {
    showEditorStatus(errors, warnings);
  }
  renderExamples(result.ok ? result.examples : null);
}

/**
 * The editor did not answer within `budget` (its worker was stopped; the rules in use stay): says
 * so, and, for rules saved on this device, on the Periksa tab too, with the way back to them.
 */
function timedOut(diags, budget) {
  const timeout = diags.find((d) => d.code === 'E-TIMEOUT');
  if (!timeout) return false;
  renderDiagnostics($('editor').value, [timeout]);
  renderExamples(null);
  const status = $('editor-status');
  status.className = 'editor-status is-error';
  status.textContent = t('edTimeout', { s: budget / 1000 });
  if (budget === SAVED_BUDGET_MS && !page.customActive) {
    page.savedRefused = true;
    classifyNow();
  }
  return true;
}

function showEditorStatus(errors, warnings) {
  const status = $('editor-status');
  status.className = `editor-status ${errors.length ? 'is-error' : 'is-ok'}`;
  status.textContent = errors.length ? t('edErrors', { n: errors.length })
    : `${t(state.editor === null ? 'edBuiltin' : 'edValid', { r: page.ruleInfo.size })}${warnings.length ? ` ${t('edWarnings', { n: warnings.length })}` : ''}`;
}

function renderDiagnostics(text, diags) {
  const list = $('diagnostics');
  list.replaceChildren();
  if (!diags.length) list.append(el('li', { class: 'diag-none' }, t('diagNone')));
  for (const d of diags.slice(0, 200)) {
    list.append(el('li', { class: `diag diag-${d.severity}`, 'data-line': d.line, 'data-code': d.code },
      el('button', { type: 'button', class: 'diag-jump', onclick: () => jumpTo(d) },
        el('span', { class: 'diag-pos' }, t('lineCol', { l: d.line, c: d.column })),
        el('span', { class: `diag-sev sev-${d.severity}` }, t(d.severity)),
        el('code', { class: 'diag-code' }, d.code)),
      el('p', { class: 'diag-msg' }, d.message),
      d.hint ? el('p', { class: 'diag-hint' }, t('hint', { h: d.hint })) : null));
  }
  // Marks behind the text, and the line numbers with the lines that have a problem.
  const starts = lineStarts(text);
  const marks = diags.filter((d) => d.line > 0).map((d) => {
    const s = offsetOf(text, starts, d.line, d.column);
    const e = Math.max(s, offsetOf(text, starts, d.endLine, d.endColumn));
    return { s, e, sev: d.severity };
  }).sort((a, b) => a.s - b.s);
  // The mirror's text is transparent: only the marks show, and only the text before a mark places
  // it. So the text after the last mark is left out, its lines kept as empty lines and its widest
  // line as spaces (the mirror still scrolls as far as the editor), and with no mark the mirror is
  // empty: the browser lays out a long rulebook once, in the editor, not twice.
  const nodes = [];
  let at = 0;
  for (const m of marks) {
    if (m.s < at) continue;
    nodes.push(text.slice(at, m.s));
    nodes.push(m.e > m.s ? el('mark', { class: `diag-mark mark-${m.sev}` }, text.slice(m.s, m.e)) : el('mark', { class: `diag-point mark-${m.sev}` }));
    at = m.e;
  }
  if (nodes.length) nodes.push(blankOf(text.slice(at)), '\n ');
  // Appended one by one: spreading 100,000 nodes into one call overflows the JS stack.
  const backdrop = document.createDocumentFragment();
  for (const n of nodes) backdrop.append(n);
  $('editor-backdrop').replaceChildren(backdrop);
  renderGutter(starts.length, new Map(diags.map((d) => [d.line, d.severity])));
  // Aligned in the next frame, with its layout: reading the editor's scroll position here would
  // lay out the page (the editor's whole text) before the diagnostics are even on screen.
  requestAnimationFrame(syncEditorScroll);
  // For tests and bench/editing.mjs: this list now shows the latest check, even when unchanged.
  list.dataset.version = String(++editorShown);
}

/** As many lines as `text`, empty but for its widest line as spaces: the size of `text`, blank. */
function blankOf(text) {
  const lines = text.split('\n');
  const widest = lines.reduce((n, l) => Math.max(n, l.length), 0);
  return `${' '.repeat(widest)}${'\n'.repeat(lines.length - 1)}`;
}

/**
 * The line numbers (`lines` of them, counted by lineStarts), marking the lines that have a problem. Only the numbers added or removed and
 * the marks that changed touch the DOM: a rulebook has thousands of lines, and rebuilding them all
 * on every keystroke cost more than the check.
 */
function renderGutter(lines, bad) {
  const gutter = $('editor-gutter');
  gutterEnd ??= el('div', { class: 'ln' }, ' ');
  if (!gutterEnd.isConnected) gutter.append(gutterEnd);
  // gutterRows mirrors the gutter's line numbers (the DOM's child count is not kept: counting
  // walks the children, and doing it per line was quadratic).
  while (gutterRows.length > lines) gutterRows.pop().remove();
  if (gutterRows.length < lines) {
    const added = document.createDocumentFragment();
    while (gutterRows.length < lines) {
      const row = el('div', { class: 'ln' }, String(gutterRows.length + 1));
      gutterRows.push(row);
      added.append(row);
    }
    gutter.insertBefore(added, gutterEnd);
  }
  for (let i = 0; i < lines; i++) {
    const cls = bad.has(i + 1) ? `ln ln-${bad.get(i + 1)}` : 'ln';
    if (gutterRows[i].className !== cls) gutterRows[i].className = cls;
  }
}

function jumpTo(d) {
  const ta = $('editor');
  const text = ta.value;
  const starts = lineStarts(text);
  const s = offsetOf(text, starts, d.line, d.column);
  const e = Math.max(s, offsetOf(text, starts, d.endLine, d.endColumn));
  ta.focus();
  ta.setSelectionRange(s, e);
  const lh = parseFloat(getComputedStyle(ta).lineHeight) || 20;
  ta.scrollTop = Math.max(0, (d.line - 4) * lh);
  syncEditorScroll();
}

function renderExamples(outcomes) {
  const list = $('examples-run');
  const summary = $('examples-run-summary');
  // For tests and bench/editing.mjs: the panel now shows the latest check, even when unchanged.
  list.dataset.version = String(editorShown);
  // The same outcomes (an edit that changed no example) keep the list as it is: up to 500 items.
  const json = JSON.stringify([state.lang, outcomes]);
  if (json === shownExamples) return;
  shownExamples = json;
  list.replaceChildren();
  if (!outcomes) { summary.textContent = t('exBlocked'); return; }
  if (!outcomes.length) { summary.textContent = t('exNone'); return; }
  const pass = outcomes.filter((o) => o.ok).length;
  summary.textContent = t('exSummary', { p: pass, t: outcomes.length });
  for (const o of outcomes.slice(0, 500)) {
    list.append(el('li', { class: `ex ${o.ok ? 'ex-pass' : 'ex-fail'}` },
      el('span', { class: 'ex-status' }, el('span', { 'aria-hidden': 'true' }, o.ok ? '✓ ' : '✗ '), t(o.ok ? 'exPass' : 'exFail')),
      el('span', { class: 'ex-text' }, o.text),
      el('span', { class: 'muted ex-meta' }, `${o.rule} · ${t(`vk_${o.expected}`)}${o.ok ? '' : ` · ${t('exGot', { v: o.got ? t(`vk_${o.got}`) : '—' })}`}`),
      o.ok ? null : el('span', { class: 'ex-msg' }, o.message)));
  }
}

function syncEditorScroll() {
  const ta = $('editor');
  $('editor-backdrop').scrollTop = ta.scrollTop;
  $('editor-backdrop').scrollLeft = ta.scrollLeft;
  $('editor-gutter').scrollTop = ta.scrollTop;
}

export async function restoreBuiltin() {
  state.editor = null;
  save();
  $('editor').value = await builtinRules();
  runEditorCheck();
}

/**
 * The built-in rule files as the editor shows them. Only the editor module carries their text (the
 * classify module has its rulebook as a snapshot), so they are asked for when the editor is first
 * used, not when the page opens; until then the editor is empty. When the editor module cannot be
 * loaded (offline before it was ever opened) the text stays empty, the check says why, and the
 * next use asks again.
 */
function builtinRules() {
  if (builtinLoading) return builtinLoading;
  // Until the built-in text is in the editor, the editor cannot be typed in: text typed into the
  // empty editor would be mixed with the built-in text arriving under the cursor.
  const ta = $('editor');
  const waiting = state.editor === null;
  if (waiting) { ta.readOnly = true; ta.setAttribute('aria-busy', 'true'); }
  const done = () => { ta.readOnly = false; ta.removeAttribute('aria-busy'); };
  builtinLoading = page.netral.builtinSources().then((files) => {
    if (!files.length) {
      builtinLoading = null;
      done();
      return builtinText;
    }
    builtinText = files.map((f) => `# ── ${f.name} ──\n${f.text.replace(/\n*$/, '')}\n`).join('\n');
    if (state.editor === null) ta.value = builtinText;
    done();
    // The built-in rules are in use unless edited ones are: their text needs no compiling.
    if (!page.customActive) lastGood = builtinText;
    return builtinText;
  });
  return builtinLoading;
}

export function initEditor(budget = EDIT_BUDGET_MS) {
  const ta = $('editor');
  ta.value = state.editor ?? builtinText;
  ta.addEventListener('input', () => {
    state.editor = builtinText && ta.value === builtinText ? null : ta.value;
    save();
    scheduleCheck();
  });
  ta.addEventListener('scroll', syncEditorScroll);
  ta.addEventListener('keydown', (e) => {
    // Tab inserts two spaces; Escape then Tab leaves the editor (no keyboard trap).
    if (e.key === 'Tab' && !e.shiftKey && !ta.dataset.escaped) {
      e.preventDefault();
      ta.setRangeText('  ', ta.selectionStart, ta.selectionEnd, 'end');
      ta.dispatchEvent(new Event('input'));
    }
    if (e.key === 'Escape') ta.dataset.escaped = '1';
  });
  ta.addEventListener('blur', () => { delete ta.dataset.escaped; });
  $('editor-builtin').addEventListener('click', restoreBuiltin);
  $('rule-filter').addEventListener('input', renderRuleList);
  // The built-in rules need no check before the tab is opened; an edited rulebook is compiled
  // now (the editor module loads after the first verdict), and Periksa then uses it.
  if (state.editor !== null || state.tab === 'aturan') runEditorCheck(budget);
}

export function renderRuleList() {
  const filter = $('rule-filter').value.trim().toLowerCase();
  const box = $('rule-list');
  const rules = [...page.ruleInfo.values()].filter((r) => !filter || `${r.id} ${r.title} ${r.basis.join(' ')}`.toLowerCase().includes(filter));
  box.replaceChildren(...rules.map((r) => el('details', { class: `rule-item rule-${r.kind}` },
    el('summary', {}, el('span', { class: `badge badge-${r.kind}` }, t(r.kind)), el('span', { class: 'rule-item-title' }, r.title), el('code', { class: 'rule-id' }, r.id)),
    el('div', { class: 'rule-item-body' },
      r.basis.length ? el('div', { class: 'rule-row' }, el('span', { class: 'rule-label' }, t('basis')), el('ul', { class: 'basis' }, r.basis.map((b) => el('li', {}, b)))) : null,
      r.sanction ? el('div', { class: 'rule-row' }, el('span', { class: 'rule-label' }, t('sanction')), el('p', {}, r.sanction.label)) : null,
      r.advice ? el('div', { class: 'rule-row' }, el('span', { class: 'rule-label' }, t('advice')), el('p', {}, r.advice)) : null,
      ...renderUncertain(r.uncertain),
      r.note ? renderNote(r.note) : null,
      r.examples.length ? el('div', { class: 'rule-row' }, el('span', { class: 'rule-label' }, t('ruleExamples')),
        el('ul', { class: 'rule-examples' }, r.examples.map((x) => el('li', {},
          el('span', { class: `badge badge-${x.expected}` }, t(`vk_${x.expected}`)), ' ', x.text)))) : null))));
  if (!rules.length) box.append(el('p', { class: 'field-hint' }, page.ruleInfo.size ? t('noMatch') : t('rulesEmpty')));
}
