// The page's state on this device (localStorage, one entry), so that nothing typed is lost on a
// reload: read back field by field, written after every change, removed by "Hapus data saya".

import { $, el } from './dom.js';
import { DICT, t } from './i18n.js';
import { TABS, blank, state } from './state.js';
import { VERDICTS } from './verdict-words.js';

const STORE = 'netral.v1';

const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The state saved on this device, field by field: a field that is not what this page writes (a
 * damaged or hand-edited entry, another version) is dropped alone and the others are kept.
 * Taken whole, `{"lang": "fr"}`, `{"text": 5}` or a quiz with `order: null` threw while the page
 * started, and it stayed on "Memuat…" for good.
 */
export function restore() {
  let saved;
  try {
    saved = JSON.parse(localStorage.getItem(STORE) || 'null');
  } catch { return blank(); } // private mode or not JSON: start afresh
  const restored = blank();
  if (!isRecord(saved)) return restored;
  const valid = {
    lang: (v) => typeof v === 'string' && Object.hasOwn(DICT, v),
    tab: (v) => TABS.includes(v),
    text: (v) => typeof v === 'string',
    editor: (v) => v === null || typeof v === 'string',
    quiz: (v) => v === null || isQuiz(v),
  };
  for (const [field, ok] of Object.entries(valid)) if (Object.hasOwn(saved, field) && ok(saved[field])) restored[field] = saved[field];
  restored.facts = validFacts(saved.facts);
  return restored;
}

/** The answers that are text (an enum value, a date), a number or yes/no; any other is dropped alone. */
function validFacts(facts) {
  const out = {};
  if (!isRecord(facts)) return out;
  for (const [name, v] of Object.entries(facts)) {
    if (typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v)) out[name] = v;
  }
  return out;
}

/** A quiz as training.js (quizState, pickQuiz) writes it: `order` a permutation of the case indices, as many as `sig` says. */
function isQuiz(q) {
  if (!isRecord(q) || typeof q.sig !== 'string' || !Array.isArray(q.order) || !Array.isArray(q.answers)) return false;
  const n = q.order.length;
  const permutation = new Set(q.order).size === n && q.order.every((i) => Number.isInteger(i) && i >= 0 && i < n);
  return permutation && q.sig.startsWith(`${n}:`) && Number.isInteger(q.pos) && q.pos >= 0 && q.pos <= n
    && (q.picked === null || VERDICTS.includes(q.picked)) && q.answers.every(isQuizAnswer);
}

function isQuizAnswer(a) {
  return isRecord(a) && typeof a.text === 'string' && VERDICTS.includes(a.expected) && VERDICTS.includes(a.picked)
    && typeof a.rule === 'string' && Array.isArray(a.basis) && a.basis.every((b) => typeof b === 'string');
}

/**
 * Saves the state. Over quota (a long text in a full storage) the entry is written without its
 * texts, or else removed, so that a reload never brings back an older text as if it were the
 * latest; a message says so until a save succeeds again.
 */
export function save() {
  if (write(state)) {
    showStorageFull(false);
    return;
  }
  if (!write({ ...state, text: '' }) && !write({ ...state, text: '', editor: null })) forget();
  showStorageFull(true);
}

/** Writes `s`; false only over quota. Storage denied (some private modes) keeps nothing, no older text either. */
function write(s) {
  try {
    localStorage.setItem(STORE, JSON.stringify(s));
  } catch (e) {
    return !isQuotaExceeded(e);
  }
  return true;
}

function isQuotaExceeded(e) {
  return e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}

/** Removes the saved entry ("Hapus data saya", or a state too large for any storage left). */
export function forget() {
  try { localStorage.removeItem(STORE); } catch { /* storage denied: nothing stored */ }
}

/** The storage-full notice at the top of the page (#storage-status is a polite live region). */
export function showStorageFull(full) {
  const box = $('storage-status');
  if (!box || Boolean(box.firstChild) === full) return;
  box.replaceChildren(...(full ? [el('p', { class: 'notice', 'data-i18n': 'storageFull' }, t('storageFull'))] : []));
}
