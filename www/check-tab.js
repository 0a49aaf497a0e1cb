// Periksa, the self-check: the text box and its highlights, the verdict with its rules, the
// follow-up question, the form of facts, the examples to try. The verdict and every word inside
// it come from the engine (page.netral.classify); this tab only shows them.

import { $, el } from './dom.js';
import { t } from './i18n.js';
import { SAVED_BUDGET_MS, restoreBuiltin } from './rules-tab.js';
import { printAs, showTab } from './shell.js';
import { page, state } from './state.js';
import { save } from './storage.js';
import { VERDICT_ICON } from './verdict-words.js';

// Past this many characters the text box stops growing and the in-place highlights are
// skipped: laying out megabytes of text twice would freeze the page (the engine itself refuses
// text over 1 MB with a message, and the box keeps everything that was typed).
const LARGE_TEXT = 100_000;

let firstVerdict = true; // no verdict shown yet (the performance mark netral-first-verdict)
let lastVerdictKind = null; // the verdict last announced to screen readers

function knownFacts() {
  const ids = new Set(page.questions.map((q) => q.id));
  const out = {};
  // A list is the answer to the acts checklist, whose name the rulebook gives with the question.
  for (const [k, v] of Object.entries(state.facts)) if ((ids.has(k) || Array.isArray(v)) && v !== '' && v !== null) out[k] = v;
  return out;
}

export function classifyNow() {
  const text = state.text;
  const facts = knownFacts();
  const empty = !text.trim() && Object.keys(facts).length === 0;
  const verdict = empty ? null : page.netral.classify({ text, facts, lang: state.lang });
  renderResult(verdict);
  renderHighlights(verdict);
  renderFactHints(verdict);
  $('print-incident-text').textContent = text.length > LARGE_TEXT ? `${text.slice(0, LARGE_TEXT)}…` : text;
  $('print-facts').textContent = Object.keys(facts).length ? `${t('knownFacts')}: ${describeFacts(facts)}` : '';
  page.lastVerdict = verdict;
  if (firstVerdict) {
    firstVerdict = false;
    performance.mark('netral-first-verdict');
  }
  return verdict;
}

function answerLabel(fact, value) {
  if (Array.isArray(value)) return value.length ? value.map((x) => x.replaceAll('_', ' ')).join(', ') : '—';
  const q = page.questions.find((x) => x.id === fact);
  const a = q && q.answers.find((x) => String(x.value) === String(value));
  if (a) return a.label;
  if (value === true) return t('yes');
  if (value === false) return t('no');
  return String(value);
}

export function describeFacts(facts) {
  return Object.entries(facts).map(([k, v]) => {
    const q = page.questions.find((x) => x.id === k);
    return `${q ? q.question.replace(/\?$/, '') : k}: ${answerLabel(k, v)}`;
  }).join('; ');
}

function renderResult(v) {
  const body = $('result-body');
  const card = $('result');
  body.replaceChildren();
  card.dataset.verdict = v && !v.error ? v.verdict : 'none';
  if (page.customActive) {
    body.append(el('p', { class: 'notice' }, t('activeCustom'), ' ',
      el('button', { type: 'button', class: 'btn btn-link', onclick: () => restoreBuiltin() }, t('useBuiltin'))));
  } else if (page.savedRefused && state.editor !== null) {
    body.append(el('p', { class: 'notice notice-saved' }, t('savedSlow', { s: SAVED_BUDGET_MS / 1000 }), ' ',
      el('button', { type: 'button', class: 'btn btn-link', id: 'open-saved', onclick: () => showTab('aturan', true) }, t('openSaved'))));
  }
  if (!v) {
    body.append(el('div', { class: 'verdict verdict-empty' },
      el('span', { class: 'verdict-icon', 'aria-hidden': 'true' }, '…'),
      el('div', {}, el('p', { class: 'verdict-word' }, t('emptyTitle')), el('p', { class: 'verdict-sub' }, t('emptyText')))));
    announce(null);
    return;
  }
  if (v.error) {
    body.append(el('div', { class: 'verdict verdict-error' },
      el('span', { class: 'verdict-icon', 'aria-hidden': 'true' }, '×'),
      el('div', {}, el('p', { class: 'verdict-word' }, t('incidentError')),
        el('ul', {}, v.error.map((d) => el('li', {}, d.message, d.hint ? ` (${d.hint})` : ''))))));
    return;
  }
  body.append(el('div', { class: `verdict verdict-${v.verdict}`, tabindex: '-1', id: 'verdict-banner', 'data-verdict': v.verdict },
    el('span', { class: 'verdict-icon', 'aria-hidden': 'true' }, VERDICT_ICON[v.verdict]),
    el('div', {}, el('p', { class: 'verdict-word' }, t(`v_${v.verdict}`)), el('p', { class: 'verdict-sub' }, t(`vs_${v.verdict}`)))));

  if (v.question) body.append(renderQuestion(v.question));
  for (const m of v.matched) body.append(renderMatched(m));
  if (v.verdict === 'needs_more_info' && v.possible.length) {
    body.append(el('section', { class: 'possible' },
      el('h3', { class: 'h-small' }, t('possibleTitle')),
      el('ul', {}, v.possible.map((p) => el('li', {}, el('span', { class: 'possible-title' }, p.title),
        el('span', { class: 'muted' }, ` — ${t('waitsOn', { f: p.missing.map(factName).join(', ') })}`))))));
  }
  if (v.nearly && v.nearly.length) {
    // "Why not": the prohibitions nearest to holding and what each lacks.
    body.append(el('section', { class: 'possible nearly' },
      el('h3', { class: 'h-small' }, t('nearlyTitle')),
      el('ul', {}, v.nearly.map((n) => el('li', {}, el('span', { class: 'possible-title' }, n.title),
        el('span', { class: 'muted' }, ` — ${t('nearlyIf', { l: n.lacking.join('; ') })}`))))));
  }
  const known = Object.entries(v.facts);
  if (known.length) {
    body.append(el('details', { class: 'known' }, el('summary', {}, `${t('knownFacts')} (${known.length})`),
      el('dl', {}, known.flatMap(([k, val]) => [el('dt', {}, factName(k)), el('dd', {}, answerLabel(k, val))]))));
  }
  announce(v.verdict);
}

function factName(id) {
  const q = page.questions.find((x) => x.id === id);
  return q ? q.question : id.replaceAll('_', ' ');
}

function announce(kind) {
  if (kind === lastVerdictKind) return;
  lastVerdictKind = kind;
  $('verdict-status').textContent = kind ? `${t('resultTitle')}: ${t(`v_${kind}`)}` : '';
}

function renderMatched(m) {
  const rows = [];
  rows.push(el('div', { class: 'rule-head' },
    el('span', { class: `badge badge-${m.kind}` }, t(m.kind)),
    el('h3', { class: 'rule-title' }, m.title)));
  if (m.basis.length) {
    rows.push(el('div', { class: 'rule-row' }, el('span', { class: 'rule-label' }, t('basis')),
      el('ul', { class: 'basis' }, m.basis.map((b) => el('li', {}, b)))));
  }
  if (m.sanctions.length) {
    rows.push(el('div', { class: 'rule-row' }, el('span', { class: 'rule-label' }, t('sanction')),
      el('ul', { class: 'sanctions' }, m.sanctions.map((s, i) => el('li', { class: i === 0 ? 'lead' : '' }, s.label)))));
  }
  if (m.because.length) {
    rows.push(el('div', { class: 'rule-row' }, el('span', { class: 'rule-label' }, t('because')),
      el('ul', { class: 'because' }, m.because.map((b) => el('li', {}, b)))));
  }
  if (m.advice) rows.push(el('div', { class: 'rule-row advice' }, el('span', { class: 'rule-label' }, t('advice')), el('p', {}, m.advice)));
  rows.push(...renderUncertain(m.uncertain));
  if (m.note) rows.push(renderNote(m.note));
  return el('article', { class: `rule-card rule-${m.kind}`, 'data-rule': m.rule }, rows);
}

/** A rule's note. */
export function renderNote(note) {
  return el('div', { class: 'rule-row note' }, el('span', { class: 'rule-label' }, t('note')), el('p', {}, note));
}

/** The points the legal digest does not settle (a rule's `uncertain` clauses), each labelled. */
export function renderUncertain(points) {
  return (points || []).map((u) => el('div', { class: 'rule-row note uncertain' },
    el('span', { class: 'rule-label' }, t('uncertain')), el('p', {}, u)));
}

function renderQuestion(q) {
  const id = `q-${q.fact}`;
  const box = el('section', { class: 'follow-up', 'aria-labelledby': `${id}-title` },
    el('h3', { class: 'follow-up-kicker', id: `${id}-kicker` }, t('followUp')),
    el('p', { class: 'follow-up-q', id: `${id}-title` }, q.text));
  if (q.type === 'acts') {
    // A checklist: tick what was (or will be) done and send it, or say none of these.
    const acts = q.answers.filter((a) => a.value !== 'none');
    const none = q.answers.find((a) => a.value === 'none');
    const boxes = acts.map((a) => el('input', { type: 'checkbox', id: `${id}-${a.value}`, value: a.value }));
    box.append(el('fieldset', { class: 'acts-list', 'aria-labelledby': `${id}-title` },
      acts.map((a, i) => el('div', { class: 'acts-item' }, boxes[i], el('label', { for: `${id}-${a.value}` }, a.label)))));
    box.append(el('div', { class: 'answer-row' },
      el('button', { type: 'button', class: 'btn btn-answer', onclick: () => answer(q.fact, boxes.filter((b) => b.checked).map((b) => b.value)) }, t('answerActs')),
      none ? el('button', { type: 'button', class: 'btn btn-answer', 'data-value': 'none', onclick: () => answer(q.fact, []) }, none.label) : null));
  } else if (q.answers.length) {
    box.append(el('div', { class: 'answer-row', role: 'group', 'aria-labelledby': `${id}-title` },
      q.answers.map((a) => el('button', { type: 'button', class: 'btn btn-answer', 'data-value': String(a.value),
        onclick: () => answer(q.fact, a.value) }, a.label))));
  } else {
    const input = el('input', { id: `${id}-input`, class: 'input', type: q.type === 'date' ? 'date' : 'number', 'aria-labelledby': `${id}-title` });
    box.append(el('div', { class: 'answer-row' }, input,
      el('button', { type: 'button', class: 'btn btn-answer', onclick: () => input.value && answer(q.fact, q.type === 'number' ? Number(input.value) : input.value) }, t('answer'))));
  }
  return box;
}

function answer(fact, value) {
  state.facts[fact] = value;
  save();
  renderForm();
  const v = classifyNow();
  const next = document.querySelector('#result-body .btn-answer');
  if (v && v.question && next) next.focus();
  else $('verdict-banner')?.focus();
}

/** The words that gave facts, marked in a mirror behind the text box (UTF-16 offsets). */
function renderHighlights(v) {
  const text = state.text;
  if (text.length > LARGE_TEXT) {
    $('incident-backdrop').replaceChildren();
    return;
  }
  const spans = [];
  if (v && !v.error) {
    for (const m of v.matched) for (const e of m.evidence) spans.push(e);
    for (const e of v.evidence || []) spans.push(e);
  }
  const ranges = spans.filter((e) => e.start < e.end && e.end <= text.length).map((e) => [e.start, e.end]).sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  const back = $('incident-backdrop');
  const nodes = [];
  let at = 0;
  for (const [s, e] of merged) {
    nodes.push(text.slice(at, s), el('mark', { class: `hl hl-${v.verdict}` }, text.slice(s, e)));
    at = e;
  }
  nodes.push(text.slice(at), '\n\u200b');
  back.replaceChildren(...nodes);
  const list = $('evidence-list');
  list.replaceChildren();
  if (merged.length) {
    list.append(el('span', { class: 'evidence-title' }, t('evidenceTitle')), ' ',
      ...merged.map(([s, e]) => el('span', { class: `chip chip-${v.verdict}` }, text.slice(s, e))));
  }
}

export function growIncident() {
  const ta = $('incident');
  if (ta.value.length > LARGE_TEXT) {
    ta.style.height = '60vh';
    return;
  }
  ta.style.height = 'auto';
  ta.style.height = `${Math.min(Math.max(ta.scrollHeight + 2, 132), window.innerHeight * 0.6)}px`;
}

export function renderForm() {
  const box = $('facts-fields');
  box.replaceChildren();
  if (!page.questions.length) box.append(el('p', { class: 'field-hint' }, t('noQuestions')));
  for (const q of page.questions) {
    const id = `fact-${q.id}`;
    const value = state.facts[q.id];
    let control;
    if (q.answers.length) {
      control = el('select', { id, class: 'input', 'data-fact': q.id, 'aria-describedby': `${id}-hint` },
        el('option', { value: '' }, t('unknown')),
        q.answers.map((a) => el('option', { value: String(a.value), selected: value !== undefined && String(value) === String(a.value) }, a.label)));
      control.addEventListener('change', () => {
        const a = q.answers.find((x) => String(x.value) === control.value);
        setFact(q.id, a ? a.value : undefined);
      });
    } else {
      control = el('input', { id, class: 'input', type: q.type === 'date' ? 'date' : 'number', 'data-fact': q.id, 'aria-describedby': `${id}-hint`, value: value ?? '' });
      control.addEventListener('change', () => setFact(q.id, control.value === '' ? undefined : q.type === 'number' ? Number(control.value) : control.value));
    }
    box.append(el('div', { class: 'field' }, el('label', { for: id, class: 'field-label' }, q.question), control,
      el('p', { class: 'field-hint from-text', id: `${id}-hint` })));
  }
}

function setFact(id, value) {
  if (value === undefined) delete state.facts[id];
  else state.facts[id] = value;
  save();
  classifyNow();
}

export function renderFactHints(v) {
  for (const q of page.questions) {
    const hint = document.getElementById(`fact-${q.id}-hint`);
    if (!hint) continue;
    const inferred = v && !v.error && state.facts[q.id] === undefined ? v.facts[q.id] : undefined;
    hint.textContent = inferred !== undefined ? t('fromText', { v: answerLabel(q.id, inferred) }) : '';
  }
}

export function renderPrompts() {
  $('example-prompts').replaceChildren(...t('prompts').map((p) => el('li', {},
    el('button', { type: 'button', class: 'chip chip-prompt', onclick: () => usePrompt(p) }, p))));
}

/** The acts checklist answers about the text as it was (a list); a new text is asked again. */
function dropActsAnswer() {
  for (const [k, v] of Object.entries(state.facts)) if (Array.isArray(v)) delete state.facts[k];
}

export function usePrompt(text, facts) {
  state.text = text;
  dropActsAnswer();
  if (facts) state.facts = { ...facts };
  save();
  $('incident').value = text;
  renderForm();
  showTab('periksa');
  growIncident();
  classifyNow();
  $('incident').focus();
}

export function initCheck() {
  const ta = $('incident');
  ta.value = state.text;
  ta.addEventListener('input', () => {
    state.text = ta.value;
    dropActsAnswer();
    save();
    growIncident();
    classifyNow();
  });
  ta.addEventListener('scroll', () => { $('incident-backdrop').scrollTop = ta.scrollTop; });
  $('facts-clear').addEventListener('click', () => { state.facts = {}; save(); renderForm(); classifyNow(); });
  $('print-result').addEventListener('click', () => printAs('result'));
  window.addEventListener('resize', growIncident);
}
