// The Netral page: self-check (Periksa), training (Latihan), rule editor and rule list (Aturan).
// Everything runs here, on the device: the only requests are for the page's own static files.
// Every piece of rule or user text is rendered with textContent (see el()), never as HTML.

import { load } from './netral.js';

// ---------------------------------------------------------------------------------------------
// Words. Every string of the interface, Indonesian first.

const DICT = {
  id: {
    skip: 'Langsung ke isi', home: 'Netral — beranda', sections: 'Bagian',
    tagline: 'Cek netralitas ASN, TNI, Polri dan kepala desa dalam pemilu',
    privacy: 'Semua pemeriksaan berjalan di perangkat Anda. Tidak ada yang Anda ketik dikirim ke mana pun.',
    tabCheck: 'Periksa', tabTrain: 'Latihan', tabRules: 'Aturan',
    loading: 'Memuat mesin aturan…', loadFailed: 'Mesin aturan gagal dimuat. Muat ulang halaman ini.',
    trainingFailed: 'Bagian latihan gagal dimuat. Periksa koneksi, lalu buka tab ini lagi.',
    checkTitle: 'Apakah tindakan ini melanggar netralitas?',
    incidentLabel: 'Ceritakan apa yang Anda lakukan atau rencanakan',
    incidentHint: 'Sebutkan siapa Anda (misalnya PNS, PPPK, anggota TNI/Polri, kepala desa) dan apa tindakannya. Hasil diperbarui saat Anda mengetik.',
    incidentPlaceholder: 'Contoh: Saya PNS, saya like postingan kampanye caleg di Facebook',
    examplesTitle: 'Coba contoh:', printIncident: 'Uraian kejadian', resultTitle: 'Hasil pemeriksaan',
    printResult: 'Cetak hasil', factsTitle: 'Lengkapi fakta (opsional)',
    factsHint: 'Isian ini mengalahkan apa yang terbaca dari teks.', factsClear: 'Kosongkan isian',
    unknown: '— tidak diketahui —', fromText: 'Terbaca dari teks: {v}', noQuestions: 'Aturan ini tidak meminta fakta tambahan.',
    evidenceTitle: 'Kata yang menentukan:',
    v_violation: 'Melanggar aturan netralitas', v_allowed: 'Diperbolehkan', v_needs_more_info: 'Perlu informasi tambahan',
    vs_violation: 'Tindakan ini dilarang. Dasar hukum dan sanksinya ada di bawah.',
    vs_allowed: 'Tidak ada larangan yang terpenuhi menurut aturan yang berlaku.',
    vs_needs_more_info: 'Jawabannya bergantung pada hal yang belum Anda sebutkan.',
    vk_violation: 'Melanggar', vk_allowed: 'Boleh', vk_needs_more_info: 'Perlu info',
    emptyTitle: 'Belum ada uraian', emptyText: 'Tulis uraian di kotak teks atau pilih salah satu contoh. Hasilnya muncul di sini seketika.',
    prohibition: 'Larangan', permission: 'Izin', basis: 'Dasar hukum', sanction: 'Sanksi', because: 'Alasan',
    advice: 'Saran', note: 'Catatan hukum', uncertain: 'Belum pasti', possibleTitle: 'Aturan yang mungkin berlaku', waitsOn: 'Bergantung pada: {f}',
    nearlyTitle: 'Mengapa bukan pelanggaran', nearlyIf: 'berlaku bila: {l}',
    followUp: 'Satu pertanyaan lagi', answer: 'Jawab', answerActs: 'Kirim pilihan', knownFacts: 'Yang diketahui', yes: 'Ya', no: 'Tidak',
    activeCustom: 'Periksa memakai aturan yang Anda ubah di tab Aturan.', useBuiltin: 'Pakai aturan bawaan',
    incidentError: 'Uraian ini tidak dapat diperiksa:',
    quizTitle: 'Kuis netralitas', quizProgress: 'Soal {n} dari {t}', quizAsk: 'Menurut Anda, apa putusannya?',
    quizCorrect: 'Benar!', quizWrong: 'Kurang tepat.', quizAnswerIs: 'Jawaban yang benar: {v}', quizRule: 'Aturan',
    quizNext: 'Soal berikutnya', quizDone: 'Kuis selesai. Skor akhir: {s} dari {t}.', quizScore: 'Skor: {s} / {t}',
    quizEmpty: 'Belum ada kasus di dalam aturan.', quizRestart: 'Mulai ulang kuis',
    summaryTitle: 'Ringkasan latihan', summaryPrint: 'Cetak ringkasan',
    summaryEmpty: 'Jawab soal kuis; ringkasannya muncul di sini dan dapat dicetak untuk kelas.',
    colCase: 'Kasus', colYours: 'Jawaban', colRight: 'Putusan', colBasis: 'Aturan dan dasar hukum',
    summaryScore: 'Skor {s} dari {t} · {d}',
    libraryTitle: 'Perpustakaan kasus', libraryHint: 'Setiap kasus berasal dari contoh di dalam aturan, dengan putusan yang diharapkan.',
    libraryFilter: 'Saring kasus', tryCase: 'Periksa kasus ini', noMatch: 'Tidak ada yang cocok.',
    editorTitle: 'Penyunting aturan', editorBuiltin: 'Kembalikan aturan bawaan', editorLabel: 'Teks aturan',
    editorHint: 'Ubah aturan di sini. Kesalahan muncul saat Anda mengetik; aturan yang valid langsung dipakai oleh tab Periksa.',
    edValid: 'Aturan valid: {r} aturan, dipakai oleh tab Periksa.', edBuiltin: 'Aturan bawaan: {r} aturan.',
    edErrors: '{n} kesalahan. Tab Periksa tetap memakai aturan valid terakhir.', edWarnings: '{n} peringatan.',
    diagTitle: 'Pesan pemeriksaan', diagNone: 'Tidak ada kesalahan atau peringatan.', lineCol: 'baris {l}:{c}',
    error: 'Kesalahan', warning: 'Peringatan', hint: 'Saran: {h}',
    edTimeout: 'Pemeriksaan dihentikan karena lebih dari {s} detik. Tab Periksa tetap memakai aturan valid terakhir; teks Anda tetap tersimpan.',
    savedSlow: 'Aturan yang Anda simpan tidak selesai diperiksa dalam {s} detik, jadi pemeriksaannya dihentikan dan tab Periksa memakai aturan bawaan. Teks aturan Anda tidak hilang: teks itu tetap tersimpan di tab Aturan.',
    openSaved: 'Buka aturan tersimpan',
    examplesRunTitle: 'Contoh dalam aturan', exPass: 'lulus', exFail: 'gagal', exSummary: '{p} dari {t} contoh lulus.',
    exNone: 'Belum ada contoh.', exBlocked: 'Perbaiki kesalahan dulu untuk menjalankan contoh.', exGot: 'hasil: {v}',
    ruleListTitle: 'Daftar aturan', ruleFilter: 'Cari aturan', rulesEmpty: 'Belum ada aturan.', ruleExamples: 'Contoh',
    disclaimer: 'Netral adalah alat bantu pemahaman, bukan nasihat hukum resmi. Putusan akhir ada pada Bawaslu, BKN dan pejabat yang berwenang.',
    clearData: 'Hapus data saya', cleared: 'Data Anda di perangkat ini telah dihapus.', undo: 'Batalkan',
    storageFull: 'Penyimpanan di perangkat ini penuh: teks terakhir Anda belum tersimpan dan akan hilang bila halaman dimuat ulang. Salin teks itu bila Anda masih memerlukannya.',
    langSwitch: 'English', langSwitchLabel: 'Switch to English', langSwitchLang: 'en',
    prompts: [
      'Saya PNS, saya like postingan kampanye caleg di Facebook',
      'Saya like postingan kampanye caleg di Instagram',
      'Saya kepala desa, saya ikut deklarasi dukungan untuk calon bupati',
      'Saya anggota Polri, saya memakai kaos bergambar paslon saat apel',
      'Saya PNS dan datang ke TPS untuk mencoblos',
    ],
  },
  en: {
    skip: 'Skip to content', home: 'Netral — home', sections: 'Sections',
    tagline: 'Election-neutrality check for civil servants, TNI, Polri and village heads',
    privacy: 'Every check runs on your device. Nothing you type is sent anywhere.',
    tabCheck: 'Check', tabTrain: 'Training', tabRules: 'Rules',
    loading: 'Loading the rules engine…', loadFailed: 'The rules engine failed to load. Please reload the page.',
    trainingFailed: 'The training part could not be loaded. Check the connection, then open this tab again.',
    checkTitle: 'Does this act break the neutrality rules?',
    incidentLabel: 'Describe what you did or plan to do',
    incidentHint: 'Say who you are (e.g. PNS, PPPK, TNI/Polri member, village head) and what the act is. The result updates as you type.',
    incidentPlaceholder: 'Example: Saya PNS, saya like postingan kampanye caleg di Facebook',
    examplesTitle: 'Try an example:', printIncident: 'Description of the incident', resultTitle: 'Result',
    printResult: 'Print result', factsTitle: 'Add facts (optional)',
    factsHint: 'What you choose here overrides what is read from the text.', factsClear: 'Clear the answers',
    unknown: '— not known —', fromText: 'Read from the text: {v}', noQuestions: 'These rules ask for no further facts.',
    evidenceTitle: 'Words that decided:',
    v_violation: 'Breaks the neutrality rules', v_allowed: 'Allowed', v_needs_more_info: 'More information needed',
    vs_violation: 'This act is prohibited. The legal basis and sanction are below.',
    vs_allowed: 'No prohibition is met under the rules in force.',
    vs_needs_more_info: 'The answer depends on something you have not said yet.',
    vk_violation: 'Violation', vk_allowed: 'Allowed', vk_needs_more_info: 'Needs info',
    emptyTitle: 'Nothing described yet', emptyText: 'Write a description in the text box or pick an example. The result appears here at once.',
    prohibition: 'Prohibition', permission: 'Permission', basis: 'Legal basis', sanction: 'Sanction', because: 'Because',
    advice: 'Advice', note: 'Legal note', uncertain: 'Belum pasti / Uncertain', possibleTitle: 'Rules that may apply', waitsOn: 'Depends on: {f}',
    nearlyTitle: 'Why this is not a violation', nearlyIf: 'would apply with: {l}',
    followUp: 'One more question', answer: 'Answer', answerActs: 'Send the choice', knownFacts: 'Known facts', yes: 'Yes', no: 'No',
    activeCustom: 'Check is using the rules you edited in the Rules tab.', useBuiltin: 'Use the built-in rules',
    incidentError: 'This description cannot be checked:',
    quizTitle: 'Neutrality quiz', quizProgress: 'Question {n} of {t}', quizAsk: 'What is the verdict, in your view?',
    quizCorrect: 'Correct!', quizWrong: 'Not quite.', quizAnswerIs: 'The right answer: {v}', quizRule: 'Rule',
    quizNext: 'Next question', quizDone: 'Quiz finished. Final score: {s} of {t}.', quizScore: 'Score: {s} / {t}',
    quizEmpty: 'The rules contain no cases yet.', quizRestart: 'Restart the quiz',
    summaryTitle: 'Training summary', summaryPrint: 'Print summary',
    summaryEmpty: 'Answer quiz questions; the summary appears here and can be printed for the class.',
    colCase: 'Case', colYours: 'Answer', colRight: 'Verdict', colBasis: 'Rule and legal basis',
    summaryScore: 'Score {s} of {t} · {d}',
    libraryTitle: 'Case library', libraryHint: 'Every case comes from an example written in the rules, with its expected verdict.',
    libraryFilter: 'Filter cases', tryCase: 'Check this case', noMatch: 'Nothing matches.',
    editorTitle: 'Rule editor', editorBuiltin: 'Restore the built-in rules', editorLabel: 'Rule text',
    editorHint: 'Edit the rules here. Problems appear as you type; valid rules are used by the Check tab at once.',
    edValid: 'Valid: {r} rules, used by the Check tab.', edBuiltin: 'Built-in rules: {r} rules.',
    edErrors: '{n} errors. The Check tab keeps the last valid rules.', edWarnings: '{n} warnings.',
    diagTitle: 'Problems', diagNone: 'No errors or warnings.', lineCol: 'line {l}:{c}',
    error: 'Error', warning: 'Warning', hint: 'Hint: {h}',
    edTimeout: 'Check stopped: it took more than {s} seconds. The Check tab keeps the last valid rules; your text stays saved.',
    savedSlow: 'Your saved rules were not checked within {s} seconds, so the check was stopped and the Check tab uses the built-in rules. Your rule text is not lost: it is still saved in the Rules tab.',
    openSaved: 'Open the saved rules',
    examplesRunTitle: 'Examples in the rules', exPass: 'pass', exFail: 'fail', exSummary: '{p} of {t} examples pass.',
    exNone: 'No examples yet.', exBlocked: 'Fix the errors to run the examples.', exGot: 'got: {v}',
    ruleListTitle: 'Rule list', ruleFilter: 'Search the rules', rulesEmpty: 'No rules yet.', ruleExamples: 'Examples',
    disclaimer: 'Netral helps people understand the rules; it is not official legal advice. The final decision rests with Bawaslu, BKN and the competent officials.',
    clearData: 'Delete my data', cleared: 'Your data on this device has been deleted.', undo: 'Undo',
    storageFull: 'The storage on this device is full: your latest text has not been saved and will be lost if the page is reloaded. Please copy it if you still need it.',
    langSwitch: 'Bahasa Indonesia', langSwitchLabel: 'Ganti ke Bahasa Indonesia', langSwitchLang: 'id',
    prompts: [
      'Saya PNS, saya like postingan kampanye caleg di Facebook',
      'Saya like postingan kampanye caleg di Instagram',
      'Saya kepala desa, saya ikut deklarasi dukungan untuk calon bupati',
      'Saya anggota Polri, saya memakai kaos bergambar paslon saat apel',
      'Saya PNS dan datang ke TPS untuk mencoblos',
    ],
  },
};

const VERDICT_ICON = { violation: '!', allowed: '✓', needs_more_info: '?' };

const TABS = ['periksa', 'latihan', 'aturan'];
const VERDICTS = ['violation', 'allowed', 'needs_more_info'];
// Past this many characters the text box stops growing and the in-place highlights are
// skipped: laying out megabytes of text twice would freeze the page (the engine itself refuses
// text over 1 MB with a message, and the box keeps everything that was typed).
const LARGE_TEXT = 100_000;
// Time budgets of the rule editor (its worker is stopped past them, and the rules in use stay):
// rules saved on this device are checked when the page opens, before anyone asked to edit, so a
// rule file that takes too long must not keep the page's own rules waiting; while editing, a
// longer wait is worth it for a large rulebook.
const SAVED_BUDGET_MS = 2000;
const EDIT_BUDGET_MS = 10_000;
// A check that has run this long is stopped when the text changes again (its result is moot):
// shorter checks finish, as restarting the editor's worker costs more than they do.
const MOOT_AFTER_MS = 1000;

// ---------------------------------------------------------------------------------------------
// The page's state, all of it here. `state` is kept in localStorage so nothing typed is lost on
// reload; the rest is derived from the engine and the DOM while the page runs.

const STORE = 'netral.v1';
const blank = () => ({ lang: 'id', tab: 'periksa', text: '', facts: {}, editor: null, quiz: null });
let state = blank(); // restored from storage when the page starts (start())
let netral; // the engine
let questions = []; // the form schema of the active rulebook
let ruleInfo = new Map(); // id -> RuleInfo
let cases = []; // the case library of the active rulebook
let builtinText = ''; // the built-in rule files as the editor shows them, once loaded (builtinRules)
let builtinLoading = null; // Promise of builtinText, once asked for
let customActive = false; // Periksa uses the editor's rules
let firstVerdict = true;
let lastVerdict = null; // the verdict on screen
let lastVerdictKind = null; // the verdict last announced to screen readers
let built = false; // every part of the page is built (the first verdict comes before)
// The Periksa tab is rendered at once; the training and rule tabs when they are first shown.
let stale = { latihan: true, aturan: true };
let editorChecked = false; // the editor's text was checked since the page started
let editorBusy = false; // an editor check is running
let editorAgain = false; // the editor's text changed (or must be checked again) while it ran
let editorCall = null; // the running check: {control: AbortController, started: ms}
let editorShown = 0; // checks whose result is on screen (#diagnostics data-version)
let shownExamples = null; // the JSON of the example outcomes on screen
const gutterRows = []; // the editor's line-number elements, in order (renderGutter)
let gutterEnd; // the gutter's last, blank row (after the text's last line)
let lastGood = null; // the editor text last compiled
let savedRefused = false; // the saved rules took longer than SAVED_BUDGET_MS: the built-in ones are in use
// Rules saved on the device are being checked and compiled as the page opens: until that is
// settled the quiz, case library and rule list wait (they would show the built-in rules, then
// change under the reader's hand).
let savedPending = false;
let book = { questions: null, rules: null, cases: null }; // the JSON of what the views show, per part
let bookVersion = 0; // counts the changes of `book.rules` and `book.cases` (the training tab's verdicts are kept per version)
let undoTimer;

const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const t = (key, vars) => {
  let s = DICT[state.lang][key] ?? DICT.id[key] ?? key;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
};
const $ = (id) => document.getElementById(id);

/**
 * The state saved on this device, field by field: a field that is not what this page writes (a
 * damaged or hand-edited entry, another version) is dropped alone and the others are kept.
 * Taken whole, `{"lang": "fr"}`, `{"text": 5}` or a quiz with `order: null` threw while the page
 * started, and it stayed on "Memuat…" for good.
 */
function restore() {
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

/** A quiz as quizState() and pickQuiz() write it: `order` a permutation of the case indices, as many as `sig` says. */
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
function save() {
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

function forget() {
  try { localStorage.removeItem(STORE); } catch { /* storage denied: nothing stored */ }
}

/** The storage-full notice at the top of the page (#storage-status is a polite live region). */
function showStorageFull(full) {
  const box = $('storage-status');
  if (!box || Boolean(box.firstChild) === full) return;
  box.replaceChildren(...(full ? [el('p', { class: 'notice', 'data-i18n': 'storageFull' }, t('storageFull'))] : []));
}

// ---------------------------------------------------------------------------------------------
// DOM helpers: text only goes in as text.

/** Appends children, skipping null (Element.append would write "null"). */
function put(node, ...children) {
  node.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

/** Creates an element; string children become text nodes; attrs are set as attributes. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

function translateStatic() {
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of node.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      node.setAttribute(attr, t(key));
    }
  }
  const sw = $('lang-switch');
  sw.textContent = t('langSwitch');
  sw.setAttribute('lang', t('langSwitchLang'));
  sw.setAttribute('aria-label', t('langSwitchLabel'));
  $('library-filter').placeholder = '';
  document.title = `Netral — ${t('tagline')}`;
}

// ---------------------------------------------------------------------------------------------
// Tabs (WAI-ARIA tabs pattern: arrows move, Home/End jump).

/** The tab a fragment names (`#latihan`, or `#latihan?kuis=…` for a shared quiz). */
function tabOf(hash) {
  return hash.slice(1).split('?')[0];
}

function showTab(name, focus = false) {
  if (!TABS.includes(name)) name = 'periksa';
  const moved = name !== state.tab;
  state.tab = name;
  // Saved when the reader moves, not when the page opens on a tab: a page opened after
  // "Hapus data saya" stores nothing until something is typed or chosen.
  if (moved && built) save();
  for (const tab of TABS) {
    const button = $(`tab-${tab}`);
    const on = tab === name;
    button.setAttribute('aria-selected', String(on));
    button.tabIndex = on ? 0 : -1;
    $(`panel-${tab}`).hidden = !on;
    if (on && focus) button.focus();
  }
  if (name === 'aturan' && built) { if (!editorChecked) runEditorCheck(); layoutEditor(); }
  if (built) renderVisible();
  if (name === 'periksa') growIncident();
}

function initTabs() {
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
// Periksa: the self-check.

function knownFacts() {
  const ids = new Set(questions.map((q) => q.id));
  const out = {};
  // A list is the answer to the acts checklist, whose name the rulebook gives with the question.
  for (const [k, v] of Object.entries(state.facts)) if ((ids.has(k) || Array.isArray(v)) && v !== '' && v !== null) out[k] = v;
  return out;
}

function classifyNow() {
  const text = state.text;
  const facts = knownFacts();
  const empty = !text.trim() && Object.keys(facts).length === 0;
  const verdict = empty ? null : netral.classify({ text, facts, lang: state.lang });
  renderResult(verdict);
  renderHighlights(verdict);
  renderFactHints(verdict);
  $('print-incident-text').textContent = text.length > LARGE_TEXT ? `${text.slice(0, LARGE_TEXT)}…` : text;
  $('print-facts').textContent = Object.keys(facts).length ? `${t('knownFacts')}: ${describeFacts(facts)}` : '';
  lastVerdict = verdict;
  if (firstVerdict) {
    firstVerdict = false;
    performance.mark('netral-first-verdict');
  }
  return verdict;
}

function answerLabel(fact, value) {
  if (Array.isArray(value)) return value.length ? value.map((x) => x.replaceAll('_', ' ')).join(', ') : '—';
  const q = questions.find((x) => x.id === fact);
  const a = q && q.answers.find((x) => String(x.value) === String(value));
  if (a) return a.label;
  if (value === true) return t('yes');
  if (value === false) return t('no');
  return String(value);
}

function describeFacts(facts) {
  return Object.entries(facts).map(([k, v]) => {
    const q = questions.find((x) => x.id === k);
    return `${q ? q.question.replace(/\?$/, '') : k}: ${answerLabel(k, v)}`;
  }).join('; ');
}

function renderResult(v) {
  const body = $('result-body');
  const card = $('result');
  body.replaceChildren();
  card.dataset.verdict = v && !v.error ? v.verdict : 'none';
  if (customActive) {
    body.append(el('p', { class: 'notice' }, t('activeCustom'), ' ',
      el('button', { type: 'button', class: 'btn btn-link', onclick: () => restoreBuiltin() }, t('useBuiltin'))));
  } else if (savedRefused && state.editor !== null) {
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
  const q = questions.find((x) => x.id === id);
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
function renderNote(note) {
  return el('div', { class: 'rule-row note' }, el('span', { class: 'rule-label' }, t('note')), el('p', {}, note));
}

/** The points the legal digest does not settle (a rule's `uncertain` clauses), each labelled. */
function renderUncertain(points) {
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

function growIncident() {
  const ta = $('incident');
  if (ta.value.length > LARGE_TEXT) {
    ta.style.height = '60vh';
    return;
  }
  ta.style.height = 'auto';
  ta.style.height = `${Math.min(Math.max(ta.scrollHeight + 2, 132), window.innerHeight * 0.6)}px`;
}

function renderForm() {
  const box = $('facts-fields');
  box.replaceChildren();
  if (!questions.length) box.append(el('p', { class: 'field-hint' }, t('noQuestions')));
  for (const q of questions) {
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

function renderFactHints(v) {
  for (const q of questions) {
    const hint = document.getElementById(`fact-${q.id}-hint`);
    if (!hint) continue;
    const inferred = v && !v.error && state.facts[q.id] === undefined ? v.facts[q.id] : undefined;
    hint.textContent = inferred !== undefined ? t('fromText', { v: answerLabel(q.id, inferred) }) : '';
  }
}

function renderPrompts() {
  $('example-prompts').replaceChildren(...t('prompts').map((p) => el('li', {},
    el('button', { type: 'button', class: 'chip chip-prompt', onclick: () => usePrompt(p) }, p))));
}

/** The acts checklist answers about the text as it was (a list); a new text is asked again. */
function dropActsAnswer() {
  for (const [k, v] of Object.entries(state.facts)) if (Array.isArray(v)) delete state.facts[k];
}

function usePrompt(text, facts) {
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

function initCheck() {
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

// ---------------------------------------------------------------------------------------------
// Latihan: the training module (www/training.js: case library, quiz builder, quizzes, summary),
// loaded the first time the tab is shown, never before the first verdict.

// Through a variable, so that esbuild leaves the import alone: `make web` builds training.min.js
// on its own, and the page's bundle does not carry it.
const TRAINING = './training.min.js';
let training; // Promise of the module

/** What the training module borrows from the page: the engine, the state, helpers and words. */
const trainingContext = {
  get netral() { return netral; },
  get state() { return state; },
  cases: () => cases,
  rule: (id) => ruleInfo.get(id),
  bookKey: () => bookVersion,
  save, t, el, put, describeFacts, usePrompt, printAs, VERDICT_ICON, VERDICTS,
};

function renderTraining() {
  if (!training) training = import(new URL(TRAINING, import.meta.url).href);
  training.then((m) => m.render(trainingContext)).catch((e) => {
    training = undefined;
    stale.latihan = true;
    console.error('netral: the training tab could not be loaded', e);
    $('quiz-body').replaceChildren(el('p', { class: 'notice' }, t('trainingFailed')));
  });
}

// ---------------------------------------------------------------------------------------------
// Aturan: the rule editor (live diagnostics, examples) and the rule list.

/**
 * Checks the editor's text once the current task ends, or, while a check runs, once it ends:
 * keystrokes during a check are coalesced into one check of the latest text. Waiting for the task
 * to end coalesces the input events of one insertion too (a paste or an input method's text with
 * a line break fires two), which would otherwise start a check that the second makes moot.
 */
let checkTimer = 0;
function scheduleCheck() {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(() => runEditorCheck(), 0);
}

/** Runs checkEditor until the text it checked is the latest (one check at a time). */
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
    if (savedPending) {
      savedPending = false;
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
  const result = await netral.edit(text, { timeout: budget, signal: editorCall.control.signal, use: switching && !builtin });
  if (editorAgain) return;
  if (timedOut(result.diagnostics, budget)) return;
  renderDiagnostics(text, result.diagnostics);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning');
  if (result.ok && switching) {
    if (builtin) netral.reset();
    lastGood = text;
    customActive = !builtin;
    savedRefused = false;
    // The engine uses the new rulebook now, so the views follow even when a newer text waits;
    // the status, which counts its rules, with them. Rules saved on the device, checked as the
    // page opens, are followed at once: the views wait for them (savedPending).
    const follow = () => { refreshBook(); showEditorStatus(errors, warnings); };
    if (savedPending) follow(); else setTimeout(follow, 0);
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
  if (budget === SAVED_BUDGET_MS && !customActive) {
    savedRefused = true;
    classifyNow();
  }
  return true;
}

function showEditorStatus(errors, warnings) {
  const status = $('editor-status');
  status.className = `editor-status ${errors.length ? 'is-error' : 'is-ok'}`;
  status.textContent = errors.length ? t('edErrors', { n: errors.length })
    : `${t(state.editor === null ? 'edBuiltin' : 'edValid', { r: ruleInfo.size })}${warnings.length ? ` ${t('edWarnings', { n: warnings.length })}` : ''}`;
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

function layoutEditor() { syncEditorScroll(); }

async function restoreBuiltin() {
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
  builtinLoading = netral.builtinSources().then((files) => {
    if (!files.length) {
      builtinLoading = null;
      done();
      return builtinText;
    }
    builtinText = files.map((f) => `# ── ${f.name} ──\n${f.text.replace(/\n*$/, '')}\n`).join('\n');
    if (state.editor === null) ta.value = builtinText;
    done();
    // The built-in rules are in use unless edited ones are: their text needs no compiling.
    if (!customActive) lastGood = builtinText;
    return builtinText;
  });
  return builtinLoading;
}

function initEditor(budget = EDIT_BUDGET_MS) {
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

function renderRuleList() {
  const filter = $('rule-filter').value.trim().toLowerCase();
  const box = $('rule-list');
  const rules = [...ruleInfo.values()].filter((r) => !filter || `${r.id} ${r.title} ${r.basis.join(' ')}`.toLowerCase().includes(filter));
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
  if (!rules.length) box.append(el('p', { class: 'field-hint' }, ruleInfo.size ? t('noMatch') : t('rulesEmpty')));
}

// ---------------------------------------------------------------------------------------------
// The rulebook changed (start, language, editor): rebuild what depends on it.

function refreshBook(force = false) {
  questions = netral.questions(state.lang);
  classifyNow();
  buildBookViews(force);
}

/**
 * What depends on the rulebook beside the verdict: the form, rule info, the case library. Each is
 * rebuilt only when what the engine returns for it changed (an edit to a comment, an example's
 * wording or a pattern leaves them as they are), or when `force`d (the page's state changed).
 */
function buildBookViews(force = false) {
  const rules = netral.rules(state.lang);
  const caseList = netral.cases();
  const now = { questions: JSON.stringify(questions), rules: JSON.stringify(rules), cases: JSON.stringify(caseList) };
  if (force || now.questions !== book.questions) {
    renderForm();
    renderFactHints(lastVerdict);
  }
  if (force || now.rules !== book.rules) {
    ruleInfo = new Map(rules.map((r) => [r.id, r]));
    stale = { latihan: true, aturan: true };
  }
  if (force || now.cases !== book.cases) {
    cases = caseList;
    stale.latihan = true;
  }
  if (now.rules !== book.rules || now.cases !== book.cases) bookVersion += 1;
  book = now;
  renderVisible();
}

function renderVisible() {
  if (savedPending) return;
  if (state.tab === 'latihan' && stale.latihan) { stale.latihan = false; renderTraining(); }
  if (state.tab === 'aturan' && stale.aturan) { stale.aturan = false; renderRuleList(); }
}

function switchLanguage() {
  state.lang = state.lang === 'id' ? 'en' : 'id';
  save();
  translateStatic();
  renderPrompts();
  refreshBook(true);
  // The editor module is loaded only once the rules are edited or the Aturan tab is open.
  if (editorChecked) runEditorCheck();
}

// ---------------------------------------------------------------------------------------------
// Print, clear, start.

function printAs(what) {
  document.body.dataset.print = what;
  window.print();
}
window.addEventListener('afterprint', () => { delete document.body.dataset.print; });

/** "Hapus data saya": removes the stored entry; works before the engine is loaded, and if it never is. */
function clearData() {
  const before = JSON.stringify(state);
  forget();
  state = { ...blank(), lang: state.lang, tab: state.tab };
  showStorageFull(false);
  if (built) applyState();
  else $('incident').value = '';
  const toast = $('clear-toast');
  toast.replaceChildren(t('cleared'), ' ', el('button', { type: 'button', class: 'btn btn-link', id: 'undo-clear', onclick: () => {
    state = JSON.parse(before);
    save();
    if (built) applyState();
    toast.replaceChildren();
  } }, t('undo')));
  clearTimeout(undoTimer);
  undoTimer = setTimeout(() => toast.replaceChildren(), 15000);
}

function applyState() {
  $('incident').value = state.text;
  $('editor').value = state.editor ?? builtinText;
  translateStatic();
  renderPrompts();
  if (editorChecked || state.editor !== null) runEditorCheck();
  else if (customActive) { netral.reset(); customActive = false; lastGood = null; }
  refreshBook(true);
  growIncident();
}

async function start() {
  // The engine first: fetching and compiling it is the longest wait. This module is loaded
  // `async` (index.html), so it may run before the document is parsed: the page waits for that
  // while the engine compiles.
  const engine = load();
  if (document.readyState === 'loading') {
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  }
  // "Hapus data saya" before anything that can fail: it must work on a page that never loads.
  $('clear-data').addEventListener('click', clearData);
  state = restore();
  translateStatic();
  initTabs();
  showTab(tabOf(location.hash) || state.tab);
  try {
    netral = await engine;
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
    savedPending = true;
    initEditor(SAVED_BUDGET_MS);
  }
  // The verdict on the restored text is shown (and painted) before the rest is built: the form,
  // the examples, the training library, the rule editor.
  questions = netral.questions(state.lang); // the first call: the built-in rulebook is compiled here
  performance.mark('netral-rulebook-ready');
  classifyNow();
  await painted();
  renderPrompts();
  if (!edited) initEditor();
  buildBookViews();
  $('lang-switch').addEventListener('click', switchLanguage);
  window.addEventListener('hashchange', () => showTab(tabOf(location.hash)));
  growIncident();
  built = true;
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
