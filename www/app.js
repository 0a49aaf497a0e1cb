// The Netral page: self-check (Periksa), training (Latihan), rule editor and rule list (Aturan).
// Everything runs here, on the device: the only requests are for the page's own static files.
// Every piece of rule or user text is rendered with textContent (dom.js: el()), never as HTML.
//
// This module starts the page; the rest is one module per job: words (i18n.js, and
// verdict-words.js shared with <netral-check>), DOM helpers (dom.js), the page's state (state.js)
// and its storage (storage.js), the tabs and what they share (shell.js), Periksa (check-tab.js),
// Aturan (rules-tab.js); Latihan (training.js) is a bundle of its own, loaded with its tab.

import { load } from './netral.js';
import { $, el } from './dom.js';
import { t, translateStatic } from './i18n.js';
import { classifyNow, growIncident, initCheck, renderPrompts } from './check-tab.js';
import { SAVED_BUDGET_MS, applyEditorState, initEditor, recheckEditor } from './rules-tab.js';
import { buildBookViews, initTabs, refreshBook, showTab, tabOf } from './shell.js';
import { page, setState, state } from './state.js';
import { forget, restore, save, showStorageFull } from './storage.js';

let undoTimer; // hides the "Batalkan" of "Hapus data saya" after 15 s

function switchLanguage() {
  state.lang = state.lang === 'id' ? 'en' : 'id';
  save();
  translateStatic();
  renderPrompts();
  refreshBook(true);
  recheckEditor();
}

// ---------------------------------------------------------------------------------------------
// Clear, start.

/** "Hapus data saya": removes the stored entry; works before the engine is loaded, and if it never is. */
function clearData() {
  const before = JSON.stringify(state);
  forget();
  setState({ lang: state.lang, tab: state.tab });
  showStorageFull(false);
  if (page.built) applyState();
  else $('incident').value = '';
  const toast = $('clear-toast');
  toast.replaceChildren(t('cleared'), ' ', el('button', { type: 'button', class: 'btn btn-link', id: 'undo-clear', onclick: () => {
    setState(JSON.parse(before));
    save();
    if (page.built) applyState();
    toast.replaceChildren();
  } }, t('undo')));
  clearTimeout(undoTimer);
  undoTimer = setTimeout(() => toast.replaceChildren(), 15000);
}

function applyState() {
  $('incident').value = state.text;
  translateStatic();
  renderPrompts();
  applyEditorState();
  refreshBook(true);
  growIncident();
}

async function start() {
  // The engine first: fetching and compiling it is the longest wait. This module is loaded
  // `async` (index.html), so it may run before the document is parsed: the page waits for that
  // while the engine compiles.
  const engine = load();
  window.addEventListener('afterprint', () => { delete document.body.dataset.print; });
  if (document.readyState === 'loading') {
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  }
  // "Hapus data saya" before anything that can fail: it must work on a page that never loads.
  $('clear-data').addEventListener('click', clearData);
  setState(restore());
  translateStatic();
  initTabs();
  showTab(tabOf(location.hash) || state.tab);
  try {
    page.netral = await engine;
    performance.mark('netral-engine-loaded');
  } catch (e) {
    console.error(e);
    $('loading').textContent = t('loadFailed');
    return;
  }
  $('loading').hidden = true;
  document.body.classList.add('is-loaded');
  initCheck();
  // A stored edited rulebook is compiled first, so that Periksa uses it from the first verdict.
  const edited = state.editor !== null;
  if (edited) {
    page.savedPending = true;
    initEditor(SAVED_BUDGET_MS);
  }
  // The verdict on the restored text is shown (and painted) before the rest is built: the form,
  // the examples, the training library, the rule editor.
  page.questions = page.netral.questions(state.lang); // the form's questions, which the first verdict reads
  performance.mark('netral-rulebook-ready');
  classifyNow();
  await painted();
  renderPrompts();
  if (!edited) initEditor();
  buildBookViews();
  $('lang-switch').addEventListener('click', switchLanguage);
  window.addEventListener('hashchange', () => showTab(tabOf(location.hash)));
  growIncident();
  page.built = true;
  performance.mark('netral-page-ready');
  document.documentElement.dataset.ready = 'true';
  keepForOffline();
}

/** Once the page is ready: a service worker (sw.js) keeps its files, so it opens offline next time. */
function keepForOffline() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.register('sw.js').catch((e) => console.warn('netral: offline copy unavailable', e));
}

/** Resolves once the browser had a chance to paint (a frame, then a task), or soon if the page is hidden. */
function painted() {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => setTimeout(() => { clearTimeout(timer); resolve(); }, 0));
  });
}

start();
