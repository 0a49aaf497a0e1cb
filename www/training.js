// The Latihan (training) tab, loaded only when the tab is first shown (app.js, loadTraining), so
// none of it costs bytes before the first verdict: the case library of real reports and rule
// examples with filters, quizzes a trainer shapes and shares as a link, the quiz itself and its
// printable summary, and printed handouts per subject group (training-handout.js).
//
// The case data (www/training/cases.json, written by `make web` from tests/cases/dev.jsonl and
// the rules' examples: examples/training_data.rs) carries each case's tags, computed natively from
// the rules that match it. Every verdict, rule, basis, sanction and "why not" shown here comes from
// the engine (`netral.classify`), in the page's language; nothing here decides or words a verdict.

import { WORDS } from './training-words.js';
import { parseLink, linkOf, selectCases } from './training-link.js';
import { present } from './training-presenter.js';
import { whatIf } from './training-whatif.js';
import { handouts } from './training-handout.js';

const DATA_URL = new URL('./training/cases.json', import.meta.url);
const STYLE_URL = new URL('./training.min.css', import.meta.url);

let ctx; // what the page lends: the engine, the state, its DOM helpers and words (shell.js)
let data = null; // cases.json, once loaded; `false` when it could not be loaded
let wired = false; // the tab's listeners are attached

/** The Latihan tab's words: this module's own, else the page's. */
function w(key, vars) {
  let s = WORDS[ctx.state.lang]?.[key] ?? WORDS.id[key];
  if (s === undefined) return ctx.t(key, vars);
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}

const $ = (id) => document.getElementById(id);
const label = (item) => item.label[ctx.state.lang] ?? item.label.id;

/** Renders the whole tab (the page calls it when the tab is shown and the rules or language changed). */
export async function render(context) {
  ctx = context;
  if (!wired) {
    wired = true;
    document.head.append(ctx.el('link', { rel: 'stylesheet', href: STYLE_URL.href }));
    $('library-filter').addEventListener('input', renderLibrary);
    $('quiz-print').addEventListener('click', () => ctx.printAs('quiz'));
    $('quiz-restart').addEventListener('click', restartQuiz);
    window.addEventListener('hashchange', () => { if (ctx.state.tab === 'latihan') renderQuiz(); });
  }
  if (data === null) data = await loadData();
  $('whatif')?.setAttribute('hidden', '');
  renderBuilder();
  renderHandouts();
  renderFilters();
  renderLibrary();
  renderQuiz();
}

async function loadData() {
  try {
    const res = await fetch(DATA_URL);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const json = await res.json();
    return Array.isArray(json.cases) ? json : false;
  } catch (e) {
    console.warn('netral: the training cases could not be loaded', e);
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// What the engine says about a case, in the page's language (cached per rulebook and language).

let verdicts = new Map();
let verdictsKey = '';

function verdictOf(c) {
  const key = `${ctx.state.lang}\n${ctx.bookKey()}`;
  if (key !== verdictsKey) { verdicts = new Map(); verdictsKey = key; }
  const id = `${c.text}\n${JSON.stringify(c.facts)}`;
  if (!verdicts.has(id)) verdicts.set(id, ctx.netral.classify({ text: c.text, facts: c.facts, lang: ctx.state.lang }));
  return verdicts.get(id);
}

/**
 * The rules, bases and sanctions the engine gives a case; `why` adds the "why not" of an allowed
 * verdict, `full` also the "because", the advice, the open question and an example's own rule.
 */
function explain(c, { full = false, why = full } = {}) {
  const { el } = ctx;
  const v = verdictOf(c);
  if (!v || v.error) return [];
  const rows = v.matched.map((m) => el('div', { class: 'tr-rule' },
    el('p', {}, el('strong', {}, `${w('quizRule')}: `), m.title),
    m.basis.length ? el('p', {}, el('strong', {}, `${w('basis')}: `), m.basis.join('; ')) : null,
    m.sanction && m.kind === 'prohibition' ? el('p', {}, el('strong', {}, `${w('sanction')}: `), m.sanction.label) : null,
    full && m.because.length ? el('p', {}, el('strong', {}, `${w('because')}: `), m.because.join('; ')) : null,
    full && m.advice ? el('p', {}, el('strong', {}, `${w('advice')}: `), m.advice) : null));
  // An example that no prohibition holds for: the rule it was written for, with its basis (the
  // engine's rule list), so that the answer still names what was tested.
  const own = full && c.rule && !v.matched.some((m) => m.rule === c.rule) ? ctx.rule(c.rule) : null;
  if (own) {
    rows.push(el('div', { class: 'tr-rule' }, el('p', {}, el('strong', {}, `${w('testedRule')}: `), own.title),
      own.basis.length ? el('p', {}, el('strong', {}, `${w('basis')}: `), own.basis.join('; ')) : null));
  }
  if (full && v.verdict === 'needs_more_info' && v.question) rows.push(el('p', {}, el('strong', {}, `${w('openQuestion')}: `), v.question.text));
  if (why && v.nearly.length) {
    rows.push(el('div', { class: 'tr-nearly' }, el('p', {}, el('strong', {}, w('whyNot'))),
      el('ul', {}, v.nearly.slice(0, 3).map((n) => el('li', {}, n.title, ' — ', el('span', { class: 'muted' }, `${w('lacking')}: ${n.lacking.join('; ')}`))))));
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The case library: reported incidents and rule examples, filtered by tag, verdict and text.

function allCases() {
  if (data) return data.cases;
  // Without the case data (offline before the tab was ever opened): the rule examples, untagged.
  return ctx.cases().map((c, i) => ({ ...c, id: `${c.rule}.${i + 1}`, kind: 'example', topics: [], groups: [] }));
}

function renderFilters() {
  const { el } = ctx;
  const box = $('library-filters')
    ?? document.querySelector('label[for=library-filter]').insertAdjacentElement('beforebegin', el('div', { id: 'library-filters', class: 'tr-filters' }));
  const keep = Object.fromEntries([...box.querySelectorAll('select')].map((s) => [s.id, s.value]));
  const select = (id, key, options) => el('div', { class: 'tr-field' },
    el('label', { class: 'field-label', for: id }, w(key)),
    el('select', { id, class: 'input', onchange: renderLibrary },
      el('option', { value: '' }, w('any')),
      options.map(([value, text]) => el('option', { value, selected: keep[id] === value }, text))));
  box.replaceChildren(
    select('library-topic', 'filterTopic', (data ? data.topics : []).map((x) => [x.id, label(x)])),
    select('library-group', 'filterGroup', (data ? data.groups : []).map((x) => [x.id, label(x)])),
    select('library-verdict', 'filterVerdict', ctx.VERDICTS.map((k) => [k, ctx.t(`vk_${k}`)])),
    select('library-kind', 'filterKind', [['report', w('kindReport')], ['example', w('kindExample')]]));
  $('library-hint').textContent = w(data ? 'libraryHintTagged' : 'libraryHintUntagged');
}

function tagNames(ids, list) {
  return ids.map((id) => list.find((x) => x.id === id)).filter(Boolean).map(label);
}

// The library shows this many cases at first, and as many more at each "show more": every case
// is classified when shown, and a page of 350 explained cases is long to lay out on a phone.
const LIBRARY_PAGE = 24;
let libraryLimit = LIBRARY_PAGE;

function renderLibrary(e) {
  const { el } = ctx;
  // A changed filter starts again from the first page.
  if (e && e.type) libraryLimit = LIBRARY_PAGE;
  const text = $('library-filter').value.trim().toLowerCase();
  const [topic, group, verdict, kind] = ['topic', 'group', 'verdict', 'kind'].map((f) => $(`library-${f}`)?.value ?? '');
  const shown = allCases().filter((c) => (!topic || c.topics.includes(topic)) && (!group || c.groups.includes(group))
    && (!verdict || c.expected === verdict) && (!kind || c.kind === kind)
    && (!text || `${c.text} ${c.rule ?? ''} ${c.id}`.toLowerCase().includes(text)));
  const list = $('library');
  list.replaceChildren(...shown.slice(0, libraryLimit).map((c) => el('li', { class: `case case-${c.kind}`, 'data-case': c.id },
    el('p', { class: 'tr-case-head' },
      el('span', { class: `badge badge-${c.expected}` }, el('span', { 'aria-hidden': 'true' }, `${ctx.VERDICT_ICON[c.expected]} `), ctx.t(`vk_${c.expected}`)),
      ' ', el('span', { class: 'tr-kind' }, w(c.kind === 'report' ? 'kindReport' : 'kindExample'))),
    el('p', { class: 'case-text' }, c.text),
    Object.keys(c.facts).length ? el('p', { class: 'case-facts muted' }, `${ctx.t('knownFacts')}: ${ctx.describeFacts(c.facts)}`) : null,
    data ? el('p', { class: 'tr-tags' }, [...tagNames(c.groups, data.groups), ...tagNames(c.topics, data.topics)].map((n) => el('span', { class: 'tr-tag' }, n))) : null,
    el('div', { class: 'tr-explain' }, explain(c)),
    c.source ? el('p', { class: 'tr-source' }, el('a', { href: c.source, rel: 'noopener noreferrer', target: '_blank' }, w('source'))) : null,
    el('p', { class: 'tr-row tr-actions' },
      el('button', { type: 'button', class: 'btn btn-link', onclick: () => ctx.usePrompt(c.text, c.facts) }, w('tryCase')),
      el('button', { type: 'button', class: 'btn btn-link tr-whatif', onclick: (e) => openWhatIf(c, e.currentTarget) }, w('whatIfOpen'))))));
  if (!shown.length) list.append(el('li', { class: 'field-hint' }, allCases().length ? ctx.t('noMatch') : w('quizEmpty')));
  if (shown.length > libraryLimit) {
    list.append(el('li', { class: 'tr-more' }, el('button', { type: 'button', class: 'btn btn-secondary', id: 'library-more', onclick: () => {
      libraryLimit += LIBRARY_PAGE;
      renderLibrary();
      list.querySelectorAll('li[data-case]')[libraryLimit - LIBRARY_PAGE]?.querySelector('button')?.focus();
    } }, w('libraryMore', { n: Math.min(LIBRARY_PAGE, shown.length - libraryLimit) }))));
  }
  $('library-count').textContent = w('libraryCount', { n: shown.length, t: allCases().length });
}

// ---------------------------------------------------------------------------------------------
// "What if": the facts of a case changed, the engine asked again (training-whatif.js).

function openWhatIf(c, back) {
  let box = $('whatif');
  if (!box) {
    box = ctx.el('section', { id: 'whatif', class: 'card no-print', 'aria-labelledby': 'whatif-title', hidden: true });
    document.querySelector('#panel-latihan .train-grid').insertAdjacentElement('afterend', box);
  }
  whatIf(box, c, { el: ctx.el, t: ctx.t, w, netral: ctx.netral, lang: ctx.state.lang, questions: ctx.netral.questions(ctx.state.lang), back });
  box.scrollIntoView({ block: 'start' });
}

// ---------------------------------------------------------------------------------------------
// The quiz builder: topics, subject groups, number and order → a link (the fragment carries it).

function renderBuilder() {
  const { el } = ctx;
  const box = $('quiz-builder');
  if (!data) { box.hidden = true; return; }
  box.hidden = false;
  const checks = (name, items) => items.map((x) => el('label', { class: 'tr-check' },
    el('input', { type: 'checkbox', name, value: x.id }), ' ', label(x)));
  put(box,
    el('h2', { class: 'h-small', id: 'builder-title' }, w('builderTitle')),
    el('p', { class: 'field-hint' }, w('builderHint')),
    el('fieldset', { class: 'tr-set' }, el('legend', {}, w('filterTopic')), checks('topic', data.topics)),
    el('fieldset', { class: 'tr-set' }, el('legend', {}, w('filterGroup')), checks('group', data.groups)),
    el('div', { class: 'tr-row' },
      el('div', { class: 'tr-field' }, el('label', { class: 'field-label', for: 'builder-count' }, w('builderCount')),
        el('select', { id: 'builder-count', class: 'input' }, ['5', '10', '20', '0'].map((n) => el('option', { value: n, selected: n === '10' }, n === '0' ? w('all') : n)))),
      el('div', { class: 'tr-field' }, el('label', { class: 'field-label', for: 'builder-order' }, w('builderOrder')),
        el('select', { id: 'builder-order', class: 'input' },
          el('option', { value: 'acak' }, w('orderShuffled')), el('option', { value: 'urut' }, w('orderLibrary'))))),
    el('button', { type: 'button', class: 'btn btn-primary', id: 'builder-make', onclick: makeLink }, w('builderMake')),
    el('div', { id: 'builder-out', class: 'tr-out', 'aria-live': 'polite' }));
}

// ---------------------------------------------------------------------------------------------
// Printed handouts (training-handout.js): built natively from the rules into the case data.

function renderHandouts() {
  let box = $('handout-card');
  if (!box) {
    // Last in the tab, after the case library (a sheet is long): made here, not in index.html, so
    // that the page loads nothing of it before the tab.
    box = ctx.el('section', { id: 'handout-card', class: 'card', 'aria-labelledby': 'handout-title' });
    $('panel-latihan').append(box);
  }
  box.hidden = !data?.handouts;
  if (box.hidden) return;
  handouts(box, data.handouts, {
    el: ctx.el, lang: ctx.state.lang, print: () => ctx.printAs('handout'),
    words: (lang) => ({ ...WORDS.id, ...WORDS[lang] }),
  });
}

function put(node, ...children) {
  node.replaceChildren();
  ctx.put(node, ...children);
}

function makeLink() {
  const { el } = ctx;
  const picked = (name) => [...document.querySelectorAll(`#quiz-builder input[name=${name}]:checked`)].map((i) => i.value);
  const order = $('builder-order').value;
  const sel = {
    topics: picked('topic'), groups: picked('group'), count: Number($('builder-count').value),
    // A shuffled quiz carries its seed, so that everyone who opens the link gets the same order.
    order, seed: order === 'acak' ? 1 + Math.floor(Math.random() * 999_999) : 0,
  };
  const n = selectCases(data, sel).length;
  const out = $('builder-out');
  if (!n) { put(out, el('p', { class: 'notice' }, w('builderNone'))); return; }
  const url = `${location.origin}${location.pathname}#${linkOf(data.version, sel)}`;
  put(out,
    el('p', {}, w('builderReady', { n })),
    el('label', { class: 'field-label', for: 'builder-link' }, w('builderLink')),
    el('input', { id: 'builder-link', class: 'input', readonly: true, value: url, onfocus: (e) => e.target.select() }),
    el('p', { class: 'tr-row' },
      el('button', { type: 'button', class: 'btn btn-secondary', id: 'builder-copy', onclick: () => copy(url) }, w('builderCopy')),
      el('a', { class: 'btn btn-link', href: url, id: 'builder-open' }, w('builderOpen'))),
    el('p', { class: 'muted', id: 'builder-copied', role: 'status' }));
}

function copy(url) {
  const done = () => { $('builder-copied').textContent = w('builderCopied'); };
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(url).then(done, () => $('builder-link').select());
  else { $('builder-link').select(); document.execCommand?.('copy'); done(); }
}

// ---------------------------------------------------------------------------------------------
// The quiz: the default one (every rule example of the rules in use, shuffled), or the one a link
// describes. Its progress is `state.quiz` (app.js checks its shape when restoring it).

/** The quiz to show: `{sig, items, link, problem}`; a bad or outdated link gives the default quiz and a problem. */
function deck() {
  const link = quizLink();
  if (link !== null) {
    const sel = data ? parseLink(link, data) : null;
    const items = sel ? selectCases(data, sel) : [];
    if (items.length) return { sig: `${items.length}:#${link}`, items, link: true, shuffle: false };
    const def = defaultDeck();
    return { ...def, problem: data === false ? 'linkOffline' : 'linkBad' };
  }
  return defaultDeck();
}

function defaultDeck() {
  const items = ctx.cases();
  return { sig: `${items.length}:${items[0]?.text ?? ''}`, items, link: false, shuffle: true };
}

/** The quiz part of the fragment (`#latihan?kuis=…`), or null. */
function quizLink() {
  const q = location.hash.indexOf('?');
  if (q < 0) return null;
  const query = location.hash.slice(q + 1);
  return new URLSearchParams(query).has('kuis') ? query : null;
}

function quizState(d) {
  const { state } = ctx;
  if (!state.quiz || state.quiz.sig !== d.sig) {
    const order = d.items.map((_, i) => i);
    if (d.shuffle) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
    }
    // Not saved until the first answer (pickQuiz): a fresh shuffle is not worth keeping, and
    // saving it here stored a new entry at once after "Hapus data saya" on this tab.
    state.quiz = { sig: d.sig, order, pos: 0, picked: null, answers: [] };
  }
  return state.quiz;
}

function renderQuiz() {
  const { el } = ctx;
  const t = w;
  const body = $('quiz-body');
  body.replaceChildren();
  const d = deck();
  if (d.problem) body.append(el('p', { class: 'notice', role: 'alert', id: 'quiz-problem' }, w(d.problem)));
  if (d.link) body.append(el('p', { class: 'tr-shared muted' }, w('sharedQuiz'), ' ', el('a', { href: '#latihan', class: 'btn btn-link' }, w('defaultQuiz'))));
  if (!d.items.length) {
    body.append(el('p', { class: 'field-hint' }, t('quizEmpty')));
    $('quiz-score').textContent = '';
    renderSummary();
    return;
  }
  const quiz = quizState(d);
  const score = quiz.answers.filter((a) => a.picked === a.expected).length;
  $('quiz-score').textContent = t('quizScore', { s: score, t: quiz.answers.length });
  if (quiz.pos >= quiz.order.length) {
    body.append(el('p', { class: 'quiz-done', id: 'quiz-done', tabindex: '-1' }, t('quizDone', { s: score, t: quiz.answers.length })),
      el('button', { type: 'button', class: 'btn btn-primary', onclick: restartQuiz }, t('quizRestart')));
    renderSummary();
    return;
  }
  const c = d.items[quiz.order[quiz.pos]];
  const facts = Object.entries(c.facts);
  ctx.put(body, el('p', { class: 'tr-present' }, el('button', { type: 'button', class: 'btn btn-secondary', id: 'present-start',
    onclick: () => present(quiz.order.map((i) => d.items[i]), quiz.pos, { el, t, w, verdictOf, describeFacts: ctx.describeFacts }) }, w('presentStart'))), el('p', { class: 'quiz-progress' }, t('quizProgress', { n: quiz.pos + 1, t: quiz.order.length })),
    el('blockquote', { class: 'quiz-case' }, c.text),
    facts.length ? el('p', { class: 'quiz-facts' }, `${t('knownFacts')}: ${ctx.describeFacts(c.facts)}`) : null,
    el('p', { class: 'quiz-ask', id: 'quiz-ask' }, t('quizAsk')));
  body.append(el('div', { class: 'answer-row quiz-choices', role: 'group', 'aria-labelledby': 'quiz-ask' },
    ctx.VERDICTS.map((k) => el('button', {
      type: 'button', class: `btn btn-choice choice-${k}`, 'data-choice': k,
      'aria-pressed': quiz.picked ? String(quiz.picked === k) : null,
      disabled: quiz.picked !== null, onclick: () => pickQuiz(k),
    }, el('span', { class: 'choice-icon', 'aria-hidden': 'true' }, ctx.VERDICT_ICON[k]), t(`vk_${k}`)))));
  if (quiz.picked) {
    const right = quiz.picked === c.expected;
    body.append(el('div', { class: `quiz-reveal ${right ? 'is-right' : 'is-wrong'}`, tabindex: '-1', id: 'quiz-reveal' },
      el('p', { class: 'quiz-verdict' }, right ? t('quizCorrect') : t('quizWrong'), ' ', t('quizAnswerIs', { v: t(`v_${c.expected}`) })),
      explain(c, { full: true }),
      c.source ? el('p', { class: 'tr-source' }, el('a', { href: c.source, rel: 'noopener noreferrer', target: '_blank' }, w('source'))) : null),
    el('p', { class: 'tr-row' },
      el('button', { type: 'button', class: 'btn btn-primary', id: 'quiz-next', onclick: nextQuiz }, t('quizNext')),
      el('button', { type: 'button', class: 'btn btn-secondary', id: 'quiz-whatif', onclick: (e) => openWhatIf(c, e.currentTarget) }, w('whatIfOpen'))));
  }
  renderSummary();
}

function pickQuiz(kind) {
  const d = deck();
  const quiz = quizState(d);
  const c = d.items[quiz.order[quiz.pos]];
  quiz.picked = kind;
  const v = verdictOf(c);
  const held = v && !v.error ? v.matched : [];
  quiz.answers.push({ text: c.text, facts: c.facts, expected: c.expected, picked: kind,
    rule: held.map((m) => m.title).join('; ') || (c.rule ?? ''), basis: held.flatMap((m) => m.basis) });
  ctx.save();
  renderQuiz();
  $('quiz-reveal')?.focus();
}

function nextQuiz() {
  const quiz = quizState(deck());
  quiz.pos += 1;
  quiz.picked = null;
  ctx.save();
  renderQuiz();
  ($('quiz-done') || $('quiz-body').querySelector('.btn-choice') || $('quiz-body').querySelector('button'))?.focus();
}

function restartQuiz() {
  ctx.state.quiz = null;
  ctx.save();
  renderQuiz();
}

/** The printable summary: the score, every answer, and the missed cases to review. */
function renderSummary() {
  const { el } = ctx;
  const t = w;
  const box = $('quiz-summary');
  box.replaceChildren();
  const answers = ctx.state.quiz?.answers ?? [];
  if (!answers.length) {
    box.append(el('p', { class: 'field-hint' }, t('summaryEmpty')));
    return;
  }
  const score = answers.filter((a) => a.picked === a.expected).length;
  const date = new Date().toLocaleDateString(ctx.state.lang === 'en' ? 'en-GB' : 'id-ID', { day: 'numeric', month: 'long', year: 'numeric' });
  const missed = answers.filter((a) => a.picked !== a.expected);
  box.append(el('p', { class: 'summary-score' }, t('summaryScore', { s: score, t: answers.length, d: date })),
    // A table wider than the card scrolls: its region is reachable by keyboard and named
    // (axe's scrollable-region-focusable; whether it scrolls depends on the cases' words).
    el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('summaryTitle') },
      el('table', { class: 'summary-table' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, '#'), el('th', { scope: 'col' }, t('colCase')),
        el('th', { scope: 'col' }, t('colYours')), el('th', { scope: 'col' }, t('colRight')), el('th', { scope: 'col' }, t('colBasis')))),
      el('tbody', {}, answers.map((a, i) => el('tr', { class: a.picked === a.expected ? 'row-right' : 'row-wrong' },
        el('td', {}, String(i + 1)), el('td', {}, a.text),
        el('td', {}, `${a.picked === a.expected ? '✓' : '✗'} ${t(`vk_${a.picked}`)}`),
        el('td', {}, t(`vk_${a.expected}`)),
        el('td', {}, a.rule, a.basis.length ? el('br') : null, el('span', { class: 'muted' }, a.basis.join('; ')))))))),
    missed.length ? el('div', { class: 'tr-review', id: 'quiz-review' },
      el('h3', { class: 'h-small' }, w('reviewTitle', { n: missed.length })),
      el('ol', {}, missed.map((a) => el('li', {}, el('p', {}, a.text),
        el('p', {}, el('strong', {}, `${w('reviewRight')}: `), t(`vk_${a.expected}`)),
        explain({ text: a.text, facts: a.facts ?? {} }, { why: true }))))) : null);
}
