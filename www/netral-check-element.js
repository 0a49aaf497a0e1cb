// <netral-check>: a compact neutrality self-check, and a form control, for other sites' forms.
// This module only declares the class (no side effect); `netral-check.js` (the package's
// `./define`) registers the tag. docs/embedding.md documents the attributes, events, parts and
// custom properties.
//
//   <form><netral-check name="netralitas" require="not-violation"></netral-check></form>
//   el.facts = { subject: 'pns' };                       // facts the host form already knows
//   el.addEventListener('netral-verdict', (e) => e.detail.verdict);
//
// Attributes: lang ("id" | "en"; else the nearest `lang` of the page), rules (URL of a rule file
// to use instead of the built-in rules), label (the text box's label), name (the form field),
// value-format ("kind": the verdict's name, the default; "json": the Verdict JSON), required (a
// verdict must be given), require ("allowed" | "not-violation": which verdicts let the form be
// submitted), disabled (with the form's fieldset). Renders in a shadow root: no style leaks in
// either direction. Text is rendered with textContent only. The verdict comes from the engine;
// this element only shows it and passes it on.

import { el } from './dom.js';
import { load } from './netral.js';
import { VERDICT_ICON, VERDICT_WORDS } from './verdict-words.js';

const WORDS = {
  id: {
    ...VERDICT_WORDS.id,
    label: 'Periksa netralitas tindakan Anda', hint: 'Hasil diperbarui saat Anda mengetik.',
    placeholder: 'Contoh: Saya PNS, saya like postingan kampanye caleg',
    empty: 'Ceritakan tindakannya untuk melihat hasil.',
    loading: 'Memuat…', failed: 'Pemeriksa tidak dapat dimuat.', rulesFailed: 'Aturan tidak dapat dimuat:',
    privacy: 'Diperiksa di perangkat Anda; tidak ada yang dikirim.', invalid: 'Uraian tidak dapat diperiksa:',
    send: 'Kirim pilihan', nearly: 'Berlaku bila',
    missing: 'Uraikan tindakan Anda dan tunggu hasil pemeriksaan sebelum mengirim formulir.',
    mustAllow: 'Formulir hanya dapat dikirim bila hasilnya Diperbolehkan. Jawab pertanyaan lanjutan bila ada.',
    isViolation: 'Tindakan ini melanggar aturan netralitas; formulir tidak dapat dikirim.',
  },
  en: {
    ...VERDICT_WORDS.en,
    label: 'Check the neutrality of your act', hint: 'The result updates as you type.',
    placeholder: 'Example: Saya PNS, saya like postingan kampanye caleg',
    empty: 'Describe the act to see the result.',
    loading: 'Loading…', failed: 'The checker could not be loaded.', rulesFailed: 'The rules could not be loaded:',
    privacy: 'Checked on your device; nothing is sent.', invalid: 'This description cannot be checked:',
    send: 'Send the choice', nearly: 'Would apply with',
    missing: 'Describe the act and wait for the result of the check before sending the form.',
    mustAllow: 'The form can be sent only when the result is Allowed. Answer the follow-up question if there is one.',
    isViolation: 'This act breaks the neutrality rules; the form cannot be sent.',
  },
};

// Theming: every colour, the font and the radius read a --netral-* custom property (custom
// properties inherit into the shadow root; `all: initial` does not reset them), and the main
// parts are exposed to ::part(). The defaults keep WCAG AA contrast. docs/embedding.md lists them.
const CSS = `
:host { all: initial; display: block; contain: content; color: var(--netral-text, #18202e);
  --font: var(--netral-font-size, 15px)/1.5 var(--netral-font, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif);
  font: var(--font); --fg: var(--netral-text, #18202e); --muted: var(--netral-muted, #4b5567); --bg: var(--netral-background, #fff);
  --accent: var(--netral-accent, #0f3b6e); --radius: var(--netral-radius, 10px); --v: var(--netral-violation, #a8201a);
  --a: var(--netral-allowed, #1b6b3d); --n: var(--netral-needs-more-info, #8a4a00); }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.box { border: 1px solid var(--netral-border, #c9d1dd); border-radius: var(--radius); background: var(--bg); padding: 14px; color: var(--fg);
  text-align: left; font: var(--font); letter-spacing: normal; text-transform: none; word-spacing: normal; }
label { display: block; font-weight: 700; margin-bottom: 2px; }
.hint, .privacy { color: var(--muted); font-size: 13px; margin: 0 0 6px; }
.privacy { margin: 8px 0 0; }
textarea { display: block; width: 100%; min-height: 76px; font: inherit; color: inherit; padding: 8px 10px;
  border: 2px solid var(--netral-input-border, #6b7688); border-radius: calc(var(--radius) * .6); resize: vertical; background: var(--bg); }
textarea:focus-visible, button:focus-visible { outline: 3px solid var(--netral-focus, #ffbf47); outline-offset: 0; box-shadow: 0 0 0 6px #0b0c0c; }
.result { margin-top: 10px; }
.verdict { display: flex; gap: 10px; align-items: center; padding: 10px 12px; border-radius: calc(var(--radius) * .8);
  background: color-mix(in srgb, var(--muted) 7%, var(--bg)); border-left: 6px solid var(--muted); font-weight: 700; --k: var(--muted); }
.icon { flex: none; width: 28px; height: 28px; border-radius: 50%; display: grid; place-items: center; color: #fff;
  background: var(--k); font-weight: 800; }
.violation { --k: var(--v); } .allowed { --k: var(--a); } .needs_more_info { --k: var(--n); }
.violation, .allowed, .needs_more_info { background: color-mix(in srgb, var(--k) 9%, var(--bg)); border-color: var(--k); color: var(--k); }
.empty { font-weight: 400; color: var(--muted); }
.rule { margin: 8px 0 0; padding: 0; list-style: none; font-size: 14px; }
.rule li { margin: 2px 0; }
.rule b { color: var(--muted); font-weight: 700; }
.title { font-weight: 700; }
.q { margin-top: 10px; padding: 10px 12px; border: 2px solid var(--n); border-radius: calc(var(--radius) * .8); }
.q p { margin: 0 0 8px; font-weight: 700; }
.answers { display: flex; flex-wrap: wrap; gap: 6px; }
fieldset.q { border: 0; padding: 0; margin: 8px 0 0; }
fieldset.q legend { padding: 0; margin-bottom: 4px; }
label.act { font-weight: 400; display: flex; gap: 6px; align-items: flex-start; margin: 0 0 4px; }
button { font: inherit; font-weight: 600; cursor: pointer; background: var(--bg); color: var(--accent); border: 2px solid var(--accent);
  border-radius: calc(var(--radius) * .6); padding: 5px 12px; }
button:hover { background: color-mix(in srgb, var(--accent) 10%, var(--bg)); }
button:disabled, textarea:disabled { opacity: .6; cursor: not-allowed; }
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

let ids = 0;

/** The language of an element: its own `lang`, else the nearest ancestor's, across shadow roots. */
function langOf(node) {
  for (let n = node; n;) {
    if (n.nodeType === 1 && n.hasAttribute('lang')) return n.getAttribute('lang').toLowerCase().startsWith('en') ? 'en' : 'id';
    n = n.parentNode || (n instanceof ShadowRoot ? n.host : null);
  }
  return 'id';
}

export class NetralCheck extends HTMLElement {
  static observedAttributes = ['lang', 'rules', 'label', 'value-format', 'required', 'require'];
  /** A form control: `name`, FormData, validity, reset and restore (ElementInternals). */
  static formAssociated = true;

  #internals;
  #engine = null;
  /** Promise of this element's own engine for a `rules=` rulebook: one for the element's life,
   *  recompiled when `rules` changes, its editor stopped when `rules` is removed. A separate
   *  engine's instance is never given back to the page (its glue, imported under a URL of its
   *  own, stays in the module map), so a new engine per change would keep every old one alive. */
  #own = null;
  #facts = {};
  #answers = {};
  #verdict = null;
  #loading = null;
  /** Counts loads: only the latest may compile into or set the engine. */
  #generation = 0;
  #ui;
  /** Watches `lang` on the page: the element's language follows the nearest one (a language switch). */
  #langWatch = new MutationObserver(() => { this.#words(); this.#classify(); });

  constructor() {
    super();
    this.#internals = this.attachInternals();
    const root = this.attachShadow({ mode: 'open', delegatesFocus: true });
    styles(root);
    const id = `nc${++ids}`;
    this.#ui = {
      label: el('label', { for: `${id}-text`, part: 'label' }),
      hint: el('p', { class: 'hint', id: `${id}-hint` }),
      text: el('textarea', { id: `${id}-text`, 'aria-describedby': `${id}-hint`, spellcheck: 'false', part: 'textarea' }),
      result: el('div', { class: 'result', 'aria-live': 'polite', part: 'result' }),
      privacy: el('p', { class: 'privacy' }),
    };
    root.append(el('div', { class: 'box', part: 'box' }, this.#ui.label, this.#ui.hint, this.#ui.text, this.#ui.result, this.#ui.privacy));
    this.#ui.text.addEventListener('input', () => { this.#answers = {}; this.#classify(); });
  }

  connectedCallback() {
    this.#langWatch.observe(this.ownerDocument.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    this.#words();
    this.#settle();
    this.#ensureEngine();
  }

  disconnectedCallback() {
    this.#langWatch.disconnect();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.isConnected) return;
    if (name === 'rules') {
      this.#engine = null;
      this.#loading = null;
      // Back to the shared engine: the own one's editor (a worker with the rule language's module)
      // is released; a compile still running there is moot and answers E-CANCELLED.
      if (!after) this.#own?.then((own) => own.stopEditor(), () => {});
      this.#ensureEngine();
      return;
    }
    if (name === 'value-format' || name === 'required' || name === 'require') { this.#settle(); return; }
    this.#words();
    this.#classify();
  }

  /** Facts the host form already knows, e.g. `{ subject: 'pns' }`; they win over the text. */
  get facts() { return { ...this.#facts }; }
  set facts(value) {
    this.#facts = value && typeof value === 'object' ? { ...value } : {};
    this.#classify();
  }

  /** The text typed in the box (what the form submits is the verdict: see `value-format`). */
  get value() { return this.#ui.text.value; }
  set value(text) { this.#ui.text.value = String(text ?? ''); this.#answers = {}; this.#classify(); }

  /** The last verdict (or null). */
  get verdict() { return this.#verdict; }

  // The form control's standard surface, from ElementInternals.
  get form() { return this.#internals.form; }
  get name() { return this.getAttribute('name'); }
  get type() { return this.localName; }
  get validity() { return this.#internals.validity; }
  get validationMessage() { return this.#internals.validationMessage; }
  get willValidate() { return this.#internals.willValidate; }
  checkValidity() { return this.#internals.checkValidity(); }
  reportValidity() { return this.#internals.reportValidity(); }

  /** The form was reset: an empty box, no answers, no verdict. */
  formResetCallback() {
    this.#ui.text.value = '';
    this.#answers = {};
    this.#classify();
  }

  /** The browser restores the form (back/forward, autofill): the text and the answers given. */
  formStateRestoreCallback(state) {
    try {
      const { text, answers } = JSON.parse(state);
      this.#ui.text.value = typeof text === 'string' ? text : '';
      this.#answers = answers && typeof answers === 'object' ? answers : {};
    } catch {
      return;
    }
    this.#classify();
  }

  /** A disabled fieldset or `disabled` attribute: nothing can be typed or answered. */
  formDisabledCallback(disabled) {
    this.#ui.text.disabled = disabled;
    for (const b of this.shadowRoot.querySelectorAll('button, input')) b.disabled = disabled;
  }

  get #lang() { return langOf(this); }
  #t(key) { return WORDS[this.#lang][key]; }

  #words() {
    this.#ui.label.textContent = this.getAttribute('label') || this.#t('label');
    this.#ui.hint.textContent = this.#t('hint');
    this.#ui.text.placeholder = this.#t('placeholder');
    this.#ui.privacy.textContent = this.#t('privacy');
  }

  /**
   * The form value and validity from the verdict shown. The value is the verdict's name (or its
   * JSON with `value-format="json"`), absent while there is none. With `required` or `require`, a
   * missing verdict is `valueMissing`; `require="not-violation"` refuses `violation`, and
   * `require="allowed"` refuses anything but `allowed` (`customError`), in the element's language.
   */
  #settle() {
    const v = this.#verdict;
    const value = !v ? null : this.getAttribute('value-format') === 'json' ? JSON.stringify(v) : v.verdict;
    this.#internals.setFormValue(value, JSON.stringify({ text: this.#ui.text.value, answers: this.#answers }));
    const require = this.getAttribute('require');
    let flags = {};
    let message = '';
    if (!v && (this.hasAttribute('required') || require)) {
      flags = { valueMissing: true };
      message = this.#t('missing');
    } else if (v && v.verdict === 'violation' && (require === 'not-violation' || require === 'allowed')) {
      flags = { customError: true };
      message = this.#t('isViolation');
    } else if (v && v.verdict !== 'allowed' && require === 'allowed') {
      flags = { customError: true };
      message = this.#t('mustAllow');
    }
    this.#internals.setValidity(flags, message, this.#ui.text);
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
      // Not loaded yet, or its load failed (then the next `rules=` tries again).
      this.#own ??= load().then((shared) => load({ module: shared.module, separate: true })).catch((e) => {
        this.#own = null;
        throw e;
      });
      const engine = await this.#own;
      // A file that arrives after a newer `rules=` was set (or removed) is dropped: compiled, it
      // would replace the newer rulebook in the own engine.
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
    if (!this.#engine) { this.#settle(); return; }
    const text = this.#ui.text.value;
    const facts = { ...this.#answers, ...this.#facts };
    if (!text.trim()) {
      this.#verdict = null;
      this.#settle();
      this.#status(this.#t('empty'));
      return;
    }
    const v = this.#engine.classify({ text, facts, lang: this.#lang });
    if (v.error) {
      this.#verdict = null;
      this.#settle();
      this.#ui.result.replaceChildren(el('div', { class: 'verdict empty' }, `${this.#t('invalid')} ${v.error.map((d) => d.message).join('; ')}`));
      return;
    }
    this.#verdict = v;
    this.#settle();
    this.#render(v);
    this.dispatchEvent(new CustomEvent('netral-verdict', { detail: v, bubbles: true, composed: true }));
  }

  #render(v) {
    const parts = [el('div', { class: `verdict ${v.verdict}`, part: 'verdict', 'data-verdict': v.verdict },
      el('span', { class: 'icon', 'aria-hidden': 'true' }, VERDICT_ICON[v.verdict]), el('span', {}, this.#t(`v_${v.verdict}`)))];
    const m = v.matched[0];
    if (m) {
      parts.push(el('ul', { class: 'rule', part: 'rule' },
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
          el('button', { type: 'button', part: 'answer', onclick: () => send(boxes.filter((b) => b.checked).map((b) => b.value)) }, this.#t('send')),
          none ? el('button', { type: 'button', part: 'answer', onclick: () => send([]) }, none.label) : null)));
    } else if (q && q.answers.length) {
      parts.push(el('div', { class: 'q', role: 'group', 'aria-label': q.text, part: 'question' }, el('p', {}, q.text),
        el('div', { class: 'answers' }, q.answers.map((a) => el('button', {
          type: 'button', part: 'answer', onclick: () => { this.#answers[q.fact] = a.value; this.#classify(); this.#focusAfterAnswer(); },
        }, a.label)))));
    }
    this.#ui.result.replaceChildren(...parts);
    if (this.matches(':disabled')) this.formDisabledCallback(true);
  }

  #focusAfterAnswer() {
    const next = this.shadowRoot.querySelector('.q button');
    (next || this.#ui.text).focus();
  }
}

