// <netral-check>: a compact neutrality self-check for other sites' forms.
//
//   <script type="module" src="/netral/netral-check.js"></script>
//   <netral-check lang="id"></netral-check>
//   el.facts = { subject: 'pns' };                       // facts the host form already knows
//   el.addEventListener('netral-verdict', (e) => e.detail.verdict);
//
// Attributes: lang ("id" | "en"), rules (URL of a rule file to use instead of the built-in rules),
// label (the text box's label). Renders in a shadow root: no style leaks in either direction.
// Text is rendered with textContent only.

import { load } from './netral.js';

const WORDS = {
  id: {
    label: 'Periksa netralitas tindakan Anda', hint: 'Hasil diperbarui saat Anda mengetik.',
    placeholder: 'Contoh: Saya PNS, saya like postingan kampanye caleg',
    violation: 'Melanggar aturan netralitas', allowed: 'Diperbolehkan', needs_more_info: 'Perlu informasi tambahan',
    empty: 'Ceritakan tindakannya untuk melihat hasil.', basis: 'Dasar hukum', sanction: 'Sanksi', advice: 'Saran',
    loading: 'Memuat…', failed: 'Pemeriksa tidak dapat dimuat.', rulesFailed: 'Aturan tidak dapat dimuat:',
    privacy: 'Diperiksa di perangkat Anda; tidak ada yang dikirim.', invalid: 'Uraian tidak dapat diperiksa:',
    send: 'Kirim pilihan', nearly: 'Berlaku bila', note: 'Catatan', uncertain: 'Belum pasti',
  },
  en: {
    label: 'Check the neutrality of your act', hint: 'The result updates as you type.',
    placeholder: 'Example: Saya PNS, saya like postingan kampanye caleg',
    violation: 'Breaks the neutrality rules', allowed: 'Allowed', needs_more_info: 'More information needed',
    empty: 'Describe the act to see the result.', basis: 'Legal basis', sanction: 'Sanction', advice: 'Advice',
    loading: 'Loading…', failed: 'The checker could not be loaded.', rulesFailed: 'The rules could not be loaded:',
    privacy: 'Checked on your device; nothing is sent.', invalid: 'This description cannot be checked:',
    send: 'Send the choice', nearly: 'Would apply with', note: 'Note', uncertain: 'Belum pasti / Uncertain',
  },
};
const ICON = { violation: '!', allowed: '✓', needs_more_info: '?' };

const CSS = `
:host { all: initial; display: block; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  color: #18202e; contain: content; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.box { border: 1px solid #c9d1dd; border-radius: 10px; background: #fff; padding: 14px; color: #18202e; text-align: left;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; letter-spacing: normal;
  text-transform: none; word-spacing: normal; }
label { display: block; font-weight: 700; margin-bottom: 2px; }
.hint, .privacy { color: #4b5567; font-size: 13px; margin: 0 0 6px; }
.privacy { margin: 8px 0 0; }
textarea { display: block; width: 100%; min-height: 76px; font: inherit; color: inherit; padding: 8px 10px;
  border: 2px solid #6b7688; border-radius: 6px; resize: vertical; background: #fff; }
textarea:focus-visible, button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 0; box-shadow: 0 0 0 6px #0b0c0c; }
.result { margin-top: 10px; }
.verdict { display: flex; gap: 10px; align-items: center; padding: 10px 12px; border-radius: 8px; background: #f4f6f9;
  border-left: 6px solid #4b5567; font-weight: 700; }
.icon { flex: none; width: 28px; height: 28px; border-radius: 50%; display: grid; place-items: center; color: #fff;
  background: #4b5567; font-weight: 800; }
.violation { background: #fdeceb; border-color: #a8201a; color: #a8201a; } .violation .icon { background: #a8201a; }
.allowed { background: #e8f5ed; border-color: #1b6b3d; color: #1b6b3d; } .allowed .icon { background: #1b6b3d; }
.needs_more_info { background: #fff4df; border-color: #8a4a00; color: #8a4a00; } .needs_more_info .icon { background: #8a4a00; }
.empty { font-weight: 400; color: #4b5567; }
.rule { margin: 8px 0 0; padding: 0; list-style: none; font-size: 14px; }
.rule li { margin: 2px 0; }
.rule b { color: #4b5567; font-weight: 700; }
.title { font-weight: 700; }
.q { margin-top: 10px; padding: 10px 12px; border: 2px solid #8a4a00; border-radius: 8px; }
.q p { margin: 0 0 8px; font-weight: 700; }
.answers { display: flex; flex-wrap: wrap; gap: 6px; }
fieldset.q { border: 0; padding: 0; margin: 8px 0 0; }
fieldset.q legend { padding: 0; margin-bottom: 4px; }
label.act { font-weight: 400; display: flex; gap: 6px; align-items: flex-start; margin: 0 0 4px; }
button { font: inherit; font-weight: 600; cursor: pointer; background: #fff; color: #0f3b6e; border: 2px solid #0f3b6e;
  border-radius: 6px; padding: 5px 12px; }
button:hover { background: #e7eef8; }
`;

let sheet;
function styles(root) {
  try {
    sheet ??= new CSSStyleSheet();
    if (!sheet.cssRules.length) sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // No constructable stylesheets: a <style> element (needs style-src to allow it).
    const style = document.createElement('style');
    style.textContent = CSS;
    root.append(style);
  }
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

let ids = 0;

export class NetralCheck extends HTMLElement {
  static observedAttributes = ['lang', 'rules', 'label'];

  #engine = null;
  /** This element's own engine for a `rules=` rulebook, kept and recompiled when `rules` changes
   *  (a new engine per change would keep every old one's memory alive). */
  #own = null;
  #facts = {};
  #answers = {};
  #verdict = null;
  #loading = null;
  /** Counts loads: only the latest may compile into or set the engine. */
  #generation = 0;
  #ui;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    styles(root);
    const id = `nc${++ids}`;
    this.#ui = {
      label: el('label', { for: `${id}-text` }),
      hint: el('p', { class: 'hint', id: `${id}-hint` }),
      text: el('textarea', { id: `${id}-text`, 'aria-describedby': `${id}-hint`, spellcheck: 'false' }),
      result: el('div', { class: 'result', 'aria-live': 'polite' }),
      privacy: el('p', { class: 'privacy' }),
    };
    root.append(el('div', { class: 'box', part: 'box' }, this.#ui.label, this.#ui.hint, this.#ui.text, this.#ui.result, this.#ui.privacy));
    this.#ui.text.addEventListener('input', () => { this.#answers = {}; this.#classify(); });
  }

  connectedCallback() {
    this.#words();
    this.#ensureEngine();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.isConnected) return;
    if (name === 'rules') { this.#engine = null; this.#loading = null; this.#ensureEngine(); return; }
    this.#words();
    this.#classify();
  }

  /** Facts the host form already knows, e.g. `{ subject: 'pns' }`; they win over the text. */
  get facts() { return { ...this.#facts }; }
  set facts(value) {
    this.#facts = value && typeof value === 'object' ? { ...value } : {};
    this.#classify();
  }

  /** The text typed in the box. */
  get value() { return this.#ui.text.value; }
  set value(text) { this.#ui.text.value = String(text ?? ''); this.#answers = {}; this.#classify(); }

  /** The last verdict (or null). */
  get verdict() { return this.#verdict; }

  get #lang() { return this.getAttribute('lang') === 'en' ? 'en' : 'id'; }
  #t(key) { return WORDS[this.#lang][key]; }

  #words() {
    this.#ui.label.textContent = this.getAttribute('label') || this.#t('label');
    this.#ui.hint.textContent = this.#t('hint');
    this.#ui.text.placeholder = this.#t('placeholder');
    this.#ui.privacy.textContent = this.#t('privacy');
  }

  #ensureEngine() {
    if (this.#engine || this.#loading) return;
    this.#status(this.#t('loading'));
    const rules = this.getAttribute('rules');
    const generation = ++this.#generation;
    const current = () => generation === this.#generation;
    const loading = (async () => {
      if (!rules) return load();
      const res = await fetch(new URL(rules, document.baseURI));
      if (!res.ok) throw new Error(`${rules}: HTTP ${res.status}`);
      const source = await res.text();
      if (!this.#own) {
        const shared = await load();
        this.#own = load({ module: shared.module, separate: true });
      }
      const engine = await this.#own;
      // A slow old `rules=` must not compile over a newer one in the shared engine.
      if (!current()) return null;
      const out = await engine.compile(source);
      if (!out.ok) throw new Error(out.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('; '));
      return engine;
    })();
    this.#loading = loading;
    loading.then((engine) => {
      if (!current()) return;
      this.#engine = engine;
      this.#classify();
    }, (e) => {
      if (!current()) return;
      this.#loading = null;
      this.#status(rules ? `${this.#t('rulesFailed')} ${e.message}` : this.#t('failed'));
    });
  }

  #status(message) {
    this.#ui.result.replaceChildren(el('div', { class: 'verdict empty' }, message));
  }

  #classify() {
    if (!this.#engine) return;
    const text = this.#ui.text.value;
    const facts = { ...this.#answers, ...this.#facts };
    if (!text.trim()) {
      this.#verdict = null;
      this.#status(this.#t('empty'));
      return;
    }
    const v = this.#engine.classify({ text, facts, lang: this.#lang });
    if (v.error) {
      this.#verdict = null;
      this.#ui.result.replaceChildren(el('div', { class: 'verdict empty' }, `${this.#t('invalid')} ${v.error.map((d) => d.message).join('; ')}`));
      return;
    }
    this.#verdict = v;
    this.#render(v);
    this.dispatchEvent(new CustomEvent('netral-verdict', { detail: v, bubbles: true, composed: true }));
  }

  #render(v) {
    const parts = [el('div', { class: `verdict ${v.verdict}`, part: 'verdict', 'data-verdict': v.verdict },
      el('span', { class: 'icon', 'aria-hidden': 'true' }, ICON[v.verdict]), el('span', {}, this.#t(v.verdict)))];
    const m = v.matched[0];
    if (m) {
      parts.push(el('ul', { class: 'rule' },
        el('li', { class: 'title' }, m.title),
        m.basis.length ? el('li', {}, el('b', {}, `${this.#t('basis')}: `), m.basis.join('; ')) : null,
        m.sanction ? el('li', {}, el('b', {}, `${this.#t('sanction')}: `), m.sanction.label) : null,
        m.advice ? el('li', {}, el('b', {}, `${this.#t('advice')}: `), m.advice) : null,
        ...(m.uncertain || []).map((u) => el('li', { class: 'uncertain', part: 'uncertain' }, el('b', {}, `${this.#t('uncertain')}: `), u)),
        m.note ? el('li', { class: 'note', part: 'note' }, el('b', {}, `${this.#t('note')}: `), m.note) : null));
    }
    const n = v.nearly && v.nearly[0];
    if (n) {
      parts.push(el('p', { class: 'nearly', part: 'nearly' }, el('b', {}, `${n.title}. ${this.#t('nearly')}: `), n.lacking.join('; ')));
    }
    const q = v.question;
    if (q && q.type === 'acts') {
      // A checklist of acts: the ticked ones are sent as a list; "none" sends [].
      const acts = q.answers.filter((a) => a.value !== 'none');
      const none = q.answers.find((a) => a.value === 'none');
      const boxes = acts.map((a) => el('input', { type: 'checkbox', value: a.value }));
      const send = (list) => { this.#answers[q.fact] = list; this.#classify(); this.#focusAfterAnswer(); };
      parts.push(el('fieldset', { class: 'q', part: 'question' }, el('legend', {}, q.text),
        acts.map((a, i) => el('label', { class: 'act' }, boxes[i], ` ${a.label}`)),
        el('div', { class: 'answers' },
          el('button', { type: 'button', onclick: () => send(boxes.filter((b) => b.checked).map((b) => b.value)) }, this.#t('send')),
          none ? el('button', { type: 'button', onclick: () => send([]) }, none.label) : null)));
    } else if (q && q.answers.length) {
      parts.push(el('div', { class: 'q', role: 'group', 'aria-label': q.text }, el('p', {}, q.text),
        el('div', { class: 'answers' }, q.answers.map((a) => el('button', {
          type: 'button', onclick: () => { this.#answers[q.fact] = a.value; this.#classify(); this.#focusAfterAnswer(); },
        }, a.label)))));
    }
    this.#ui.result.replaceChildren(...parts);
  }

  #focusAfterAnswer() {
    const next = this.shadowRoot.querySelector('.q button');
    (next || this.#ui.text).focus();
  }
}

if (!customElements.get('netral-check')) customElements.define('netral-check', NetralCheck);
