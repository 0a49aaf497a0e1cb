// What the tabs share: switching tabs (the WAI-ARIA tabs pattern), rebuilding what depends on the
// rulebook when it changes (start, language, editor), loading the Latihan tab's module, printing.

import { $, el, put } from './dom.js';
import { t } from './i18n.js';
import { classifyNow, describeFacts, growIncident, renderFactHints, renderForm, usePrompt } from './check-tab.js';
import { openRulesTab, renderRuleList } from './rules-tab.js';
import { TABS, page, state } from './state.js';
import { save } from './storage.js';
import { VERDICTS, VERDICT_ICON } from './verdict-words.js';

// ---------------------------------------------------------------------------------------------
// Tabs (WAI-ARIA tabs pattern: arrows move, Home/End jump).

/** The tab a fragment names (`#latihan`, or `#latihan?kuis=…` for a shared quiz). */
export function tabOf(hash) {
  return hash.slice(1).split('?')[0];
}

export function showTab(name, focus = false) {
  if (!TABS.includes(name)) name = 'periksa';
  const moved = name !== state.tab;
  state.tab = name;
  // Saved when the reader moves, not when the page opens on a tab: a page opened after
  // "Hapus data saya" stores nothing until something is typed or chosen.
  if (moved && page.built) save();
  for (const tab of TABS) {
    const button = $(`tab-${tab}`);
    const on = tab === name;
    button.setAttribute('aria-selected', String(on));
    button.tabIndex = on ? 0 : -1;
    $(`panel-${tab}`).hidden = !on;
    if (on && focus) button.focus();
  }
  if (name === 'aturan' && page.built) openRulesTab();
  if (page.built) renderVisible();
  if (name === 'periksa') growIncident();
}

export function initTabs() {
  for (const tab of TABS) $(`tab-${tab}`).addEventListener('click', () => showTab(tab));
  document.querySelector('[role=tablist]').addEventListener('keydown', (e) => {
    const i = TABS.indexOf(state.tab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    showTab(TABS[(next + TABS.length) % TABS.length], true);
  });
}

// ---------------------------------------------------------------------------------------------
// The rulebook changed (start, language, editor): rebuild what depends on it.

export function refreshBook(force = false) {
  page.questions = page.netral.questions(state.lang);
  classifyNow();
  buildBookViews(force);
}

/**
 * What depends on the rulebook beside the verdict: the form, rule info, the case library. Each is
 * rebuilt only when what the engine returns for it changed (an edit to a comment, an example's
 * wording or a pattern leaves them as they are), or when `force`d (the page's state changed).
 */
export function buildBookViews(force = false) {
  const rules = page.netral.rules(state.lang);
  const caseList = page.netral.cases();
  const now = { questions: JSON.stringify(page.questions), rules: JSON.stringify(rules), cases: JSON.stringify(caseList) };
  if (force || now.questions !== page.book.questions) {
    renderForm();
    renderFactHints(page.lastVerdict);
  }
  if (force || now.rules !== page.book.rules) {
    page.ruleInfo = new Map(rules.map((r) => [r.id, r]));
    page.stale = { latihan: true, aturan: true };
  }
  if (force || now.cases !== page.book.cases) {
    page.cases = caseList;
    page.stale.latihan = true;
  }
  if (now.rules !== page.book.rules || now.cases !== page.book.cases) page.bookVersion += 1;
  page.book = now;
  renderVisible();
}

export function renderVisible() {
  if (page.savedPending) return;
  if (state.tab === 'latihan' && page.stale.latihan) { page.stale.latihan = false; renderTraining(); }
  if (state.tab === 'aturan' && page.stale.aturan) { page.stale.aturan = false; renderRuleList(); }
}

// ---------------------------------------------------------------------------------------------
// Latihan: the training module (www/training.js: case library, quiz builder, quizzes, summary),
// loaded the first time the tab is shown, never before the first verdict.

// Through a variable, so that esbuild leaves the import alone: `make web` builds training.min.js
// on its own, and the page's bundle does not carry it.
const TRAINING = './training.min.js';
let training; // Promise of the module

/** What the training module borrows from the page: the engine, the state, helpers and words. */
const trainingContext = {
  get netral() { return page.netral; },
  get state() { return state; },
  cases: () => page.cases,
  rule: (id) => page.ruleInfo.get(id),
  bookKey: () => page.bookVersion,
  save, t, el, put, describeFacts, usePrompt, printAs, VERDICT_ICON, VERDICTS,
};

function renderTraining() {
  if (!training) training = import(new URL(TRAINING, import.meta.url).href);
  training.then((m) => m.render(trainingContext)).catch((e) => {
    training = undefined;
    page.stale.latihan = true;
    console.error('netral: the training tab could not be loaded', e);
    $('quiz-body').replaceChildren(el('p', { class: 'notice' }, t('trainingFailed')));
  });
}

/** Prints one part of the page (style.css's print rules read body[data-print]). */
export function printAs(what) {
  document.body.dataset.print = what;
  window.print();
}
