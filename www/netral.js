// Netral in JavaScript: load the WebAssembly engine once, then call it synchronously.
//
//   import { load } from './netral.js';
//   const netral = await load();
//   const verdict = netral.classify({ text: 'Saya PNS, saya like postingan kampanye caleg' });
//
// Every call returns plain objects (the same Incident / Verdict JSON as the CLI) and never throws
// for bad input: problems come back as diagnostics. If the engine ever traps, the instance is
// rebuilt (with the last rulebook compiled) and the next call works. Types: netral.d.ts.

const GLUE = new URL('./pkg/netral.js', import.meta.url);
const WASM = new URL('./pkg/netral_bg.wasm', import.meta.url);

let shared; // Promise<Netral> of the engine shared by the page and every default <netral-check>
let defaultModule; // Promise<WebAssembly.Module> of the default wasm URL, compiled once
let instances = 0;

/**
 * Loads the engine. Calling it again returns the same engine, unless `separate` is set (an engine
 * of its own, with its own active rulebook, sharing the compiled module).
 * @param {import('./netral').LoadOptions} [opts]
 * @returns {Promise<Netral>}
 */
export function load(opts = {}) {
  if (opts.separate) return create(opts);
  if (!shared) shared = create(opts).catch((e) => { shared = undefined; throw e; });
  return shared;
}

async function create(opts) {
  const module = await moduleOf(opts);
  // A fresh copy of the wasm-bindgen glue (its own instance and memory) for each separate engine.
  const url = instances++ === 0 && !opts.separate ? GLUE.href : `${GLUE.href}?engine=${instances}`;
  const glue = await import(url);
  glue.initSync({ module });
  return new Netral(glue, module);
}

async function moduleOf(opts) {
  if (opts.module instanceof WebAssembly.Module) return opts.module;
  if (opts.bytes) return WebAssembly.compile(opts.bytes);
  if (opts.url) return compileUrl(opts.url);
  if (!defaultModule) defaultModule = compileUrl(WASM).catch((e) => { defaultModule = undefined; throw e; });
  return defaultModule;
}

async function compileUrl(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`netral: cannot load ${url}: HTTP ${res.status}`);
  if ((res.headers.get('content-type') || '').startsWith('application/wasm') && WebAssembly.compileStreaming) {
    return WebAssembly.compileStreaming(res);
  }
  return WebAssembly.compile(await res.arrayBuffer());
}

/** The engine: synchronous calls, plain objects in and out. */
export class Netral {
  constructor(glue, module) {
    /** @internal the wasm-bindgen glue (exposed for tests) */
    this._glue = glue;
    /** The compiled WebAssembly.Module (reuse it for `load({module, separate: true})`). */
    this.module = module;
    /** How many times the instance was rebuilt after a trap. */
    this.restarts = 0;
    this._source = null; // the last source compile() accepted, re-applied after a rebuild
    this._lean = {}; // expansion tables of the active rulebook, per language
    this._mem = null;
    this._view = null;
  }

  /** The verdict on an incident (a string is taken as its text), or `{error: diagnostics}`. */
  classify(incident) {
    const input = incidentOf(incident);
    return this._call(() => this._classify(input), (d) => ({ error: [d] }));
  }

  // The lean path: text as a string, facts as numbers, the answer as words in wasm memory,
  // expanded here with the tables of the active rulebook (src/lean.rs). Input it does not take
  // (an unknown fact or value, a text too long) goes the full path, which says what is wrong.
  _classify(input) {
    const lang = input.lang === 'en' ? 'en' : 'id';
    let t = this._tables(lang);
    const facts = input.facts ? encodeFacts(input.facts, t) : [];
    if (facts === null) return this._glue.classifyFull(input);
    const n = this._glue.classify(input.text, facts);
    const w = this._words(n);
    if (w[0] === LEAN_ERROR) return this._glue.classifyFull(input);
    if (w[n - 1] !== t.generation) {
      // The active rulebook changed under the wrapper (glue called directly): fresh tables.
      this._lean = {};
      t = this._tables(lang);
    }
    return expand(w, t, input.text);
  }

  _tables(lang) {
    return this._lean[lang] || (this._lean[lang] = prepare(this._glue.leanTables(lang)));
  }

  _words(n) {
    const mem = this._mem || (this._mem = this._glue.leanMemory());
    const ptr = this._glue.leanBuffer();
    let v = this._view;
    if (!v || v.buffer !== mem.buffer) v = this._view = new Uint32Array(mem.buffer);
    return v.subarray(ptr >>> 2, (ptr >>> 2) + n);
  }

  /** Compiles rule files and makes them the active rulebook; or says why not (the old one stays). */
  compile(source) {
    const input = sourceOf(source);
    const out = this._call(() => this._glue.compile(input), (d) => ({ ok: false, diagnostics: [d] }));
    if (out.ok) { this._source = input; this._lean = {}; }
    return out;
  }

  /** Goes back to the built-in rulebook. */
  reset() {
    this._source = null;
    this._lean = {};
    this._call(() => this._glue.reset(), () => undefined);
  }

  /** Every diagnostic of rule files (errors, warnings, failing examples); does not switch rulebooks. */
  check(source) {
    const input = sourceOf(source);
    return this._call(() => this._glue.check(input), (d) => [d]);
  }

  /** The examples of the active rulebook, run: one outcome each, with `ok`. */
  runExamples() {
    return this._call(() => this._glue.runExamples(), () => []);
  }

  /** The form schema: one question per open fact, in `lang` ('id' or 'en'). */
  questions(lang = 'id') {
    return this._call(() => this._glue.questions(langOf(lang)), () => []);
  }

  /** The case library: every example of every rule with its expected verdict. */
  cases() {
    return this._call(() => this._glue.cases(), () => []);
  }

  /** Every rule with its bases, strongest sanction, advice, note and examples, in `lang`. */
  rules(lang = 'id') {
    return this._call(() => this._glue.rules(langOf(lang)), () => []);
  }

  /** The files of the built-in rulebook, as `[{name, text}]`. */
  builtinSources() {
    return this._call(() => this._glue.builtinSources(), () => []);
  }

  _call(fn, fallback) {
    try {
      return fn();
    } catch (e) {
      // Bad input never throws in Rust, so an exception means the instance is broken (a trap,
      // a stack overflow): rebuild it, restore the rulebook, and answer with a diagnostic.
      console.error('netral: the engine failed and was restarted:', e);
      this._revive();
      return fallback(internalError(e));
    }
  }

  _revive() {
    this.restarts++;
    this._lean = {};
    this._mem = null;
    this._view = null;
    try {
      this._glue.__wbg_reset_state();
      if (this._source !== null) this._glue.compile(this._source);
    } catch (e) {
      console.error('netral: restart failed:', e);
    }
  }
}

function internalError(e) {
  return {
    code: 'E-INTERNAL', severity: 'error',
    message: `internal error in the engine (${e && e.message ? e.message : e}); it was restarted`,
    hint: 'please report this input', file: '', line: 0, column: 0, endLine: 0, endColumn: 0, start: 0, end: 0,
  };
}

function langOf(lang) {
  return lang === 'en' ? 'en' : 'id';
}

function incidentOf(x) {
  if (typeof x === 'string') return { text: x };
  if (!x || typeof x !== 'object') return { text: '' };
  const out = { text: typeof x.text === 'string' ? x.text : x.text == null ? '' : String(x.text) };
  if (x.facts && typeof x.facts === 'object') {
    out.facts = {};
    for (const [k, v] of Object.entries(x.facts)) {
      if (v !== undefined && v !== '') out.facts[k] = v;
    }
  }
  if (x.lang === 'en' || x.lang === 'id') out.lang = x.lang;
  return out;
}

function sourceOf(source) {
  if (typeof source === 'string') return source;
  if (Array.isArray(source)) {
    return source.map((f, i) => ({
      name: f && typeof f.name === 'string' ? f.name : `file${i + 1}.rules`,
      text: f && typeof f.text === 'string' ? f.text : String(f && f.text != null ? f.text : ''),
    }));
  }
  return source == null ? '' : String(source);
}

// ---- the lean answer (src/lean.rs) ------------------------------------------------------------

const LEAN_ERROR = 0xffffffff;
const VERDICTS = ['allowed', 'needs_more_info', 'violation'];
const KINDS = ['prohibition', 'permission'];
const TYPES = ['bool', 'enum', 'date', 'number'];
const OPS = ['Eq', 'Ne', 'Lt', 'Le', 'Gt', 'Ge'];
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** Tables from the engine, with the lookups the wrapper needs (name → index, value → mask). */
function prepare(t) {
  t.factIndex = new Map(t.fact_names.map((n, i) => [n, i]));
  // Per enum: value or group name → [low, high] mask bits (values first, as Rust's mask_of).
  t.enumMasks = t.enum_values.map((vals, e) => {
    const m = new Map();
    for (const [g, , lo, hi] of t.enum_groups[e]) m.set(g, [lo, hi]);
    vals.forEach(([v], i) => m.set(v, i < 32 ? [(1 << i) >>> 0, 0] : [0, (1 << (i - 32)) >>> 0]));
    return m;
  });
  return t;
}

/** Facts as (index, a, b) triples, or null when one needs the full path's diagnostics. */
function encodeFacts(facts, t) {
  const out = [];
  for (const k in facts) {
    if (!Object.prototype.hasOwnProperty.call(facts, k)) continue;
    const v = facts[k];
    const f = t.factIndex.get(k);
    if (f === undefined) return null;
    if (v === null || v === 'unknown') continue;
    switch (t.fact_types[f]) {
      case 0:
        if (v === true || v === 'true' || v === 'ya' || v === 'yes') out.push(f, 1, 0);
        else if (v === false || v === 'false' || v === 'tidak' || v === 'no') out.push(f, 0, 0);
        else return null;
        break;
      case 1: {
        const m = typeof v === 'string' && t.enumMasks[t.fact_enums[f]].get(v);
        if (!m) return null;
        out.push(f, m[0], m[1]);
        break;
      }
      case 2: {
        const d = typeof v === 'string' ? parseIsoDate(v) : null;
        if (d === null) return null;
        out.push(f, d, 0);
        break;
      }
      default:
        if (typeof v !== 'number') return null;
        out.push(f, v, 0);
    }
  }
  return out;
}

/** The Verdict object of a lean answer: the same shape and values as the full path's. */
function expand(w, t, text) {
  let i = 0;
  const verdict = VERDICTS[w[i++]];
  // Known facts, by index; then in name order.
  const known = [];
  for (let n = w[i++]; n > 0; n--, i += 4) known[w[i]] = factValue(t, w[i], w[i + 1], w[i + 2], w[i + 3]);
  const facts = {};
  for (const f of t.fact_order) if (known[f] !== undefined) facts[t.fact_names[f]] = known[f];
  // Evidence spans, per fact.
  const spans = [];
  for (let n = w[i++]; n > 0; n--, i += 3) spans.push(w[i], w[i + 1], w[i + 2]);
  const matched = [];
  for (let n = w[i++]; n > 0; n--) {
    const r = w[i], nb = w[i + 1], ne = w[i + 2];
    i += 3;
    const because = [];
    for (let b = 0; b < nb; b++) {
      let s = '';
      for (let k = w[i++]; k > 0; k--, i += 4) s += token(t, w[i], w[i + 1], w[i + 2], w[i + 3]);
      because.push(s);
    }
    const evidence = [];
    for (let e = 0; e < ne; e++) {
      const f = w[i++];
      for (let k = 0; k < spans.length; k += 3) if (spans[k] === f) evidence.push(evidenceOf(t, spans, k, text));
    }
    const sanctions = t.rule_sanctions[r].map((s) => sanctionRef(t, s));
    matched.push({
      rule: t.rule_ids[r], kind: KINDS[t.rule_kinds[r]], title: t.rule_titles[r], basis: t.rule_basis[r].slice(),
      sanction: sanctions.length ? sanctionRef(t, t.rule_sanctions[r][0]) : null, sanctions, because,
      advice: t.rule_advice[r], note: t.rule_notes[r], evidence,
    });
  }
  const possible = [];
  for (let n = w[i++]; n > 0; n--) {
    const r = w[i++];
    const missing = [];
    for (let k = w[i++]; k > 0; k--) missing.push(t.fact_names[w[i++]]);
    possible.push({ rule: t.rule_ids[r], title: t.rule_titles[r], missing });
  }
  let question = null;
  const qf = w[i++];
  const na = w[i++];
  if (qf > 0) {
    const f = qf - 1, type = TYPES[t.fact_types[f]];
    let answers = [];
    if (type === 'bool') answers = [{ value: true, label: t.words[0] }, { value: false, label: t.words[1] }];
    else if (type === 'enum') {
      const vals = t.enum_values[t.fact_enums[f]];
      for (let k = 0; k < na; k++) { const [value, label] = vals[w[i + k]]; answers.push({ value, label }); }
    }
    i += na;
    question = { fact: t.fact_names[f], text: t.fact_questions[f], type, answers };
  }
  const evidence = [];
  for (let k = 0; k < spans.length; k += 3) evidence.push(evidenceOf(t, spans, k, text));
  if (evidence.length > 1) evidence.sort((a, b) => a.start - b.start || a.end - b.end);
  return { verdict, matched, possible, question, facts, evidence };
}

function evidenceOf(t, spans, k, text) {
  const start = spans[k + 1], end = spans[k + 2];
  return { fact: t.fact_names[spans[k]], text: text.slice(start, end), start, end };
}

function sanctionRef(t, s) {
  const [id, label, severity] = t.sanctions[s];
  return { id, label, severity };
}

function factValue(t, f, tag, p, q) {
  switch (tag) {
    case 1: return p !== 0;
    case 2: return maskName(t, t.fact_enums[f], p, q);
    case 3: return isoDate(p | 0);
    default: U32[0] = p; U32[1] = q; return F64[0];
  }
}

/** One token of a "because" string (Explainer::leaf_words). */
function token(t, op, f, p, q) {
  switch (op & 0xff) {
    case 0: return t.fact_labels[f];
    case 1: return `${t.fact_labels[f]} ${t.words[1]}`;
    case 2: return `${t.words[2]} `;
    case 3: return maskLabel(t, t.fact_enums[f], p, q);
    case 4: return `${op >> 8 ? '' : isoDate(p | 0)} ${t.words[3]} ${t.periods[q]}`;
    case 5: U32[0] = p; U32[1] = q; return `${t.fact_labels[f]} ${OPS[op >> 8]} ${rustF64(F64[0])}`;
    default: return '';
  }
}

function members(t, e, lo, hi) {
  const out = [];
  const n = t.enum_values[e].length;
  for (let i = 0; i < n; i++) if (i < 32 ? (lo >>> i) & 1 : (hi >>> (i - 32)) & 1) out.push(i);
  return out;
}

/** EnumIr::name_of: a value, a group with exactly these members, or `a|b`. */
function maskName(t, e, lo, hi) {
  const m = members(t, e, lo, hi);
  if (m.length === 1) return t.enum_values[e][m[0]][0];
  for (const [g, , glo, ghi] of t.enum_groups[e]) if (glo === lo && ghi === hi) return g;
  return m.map((i) => t.enum_values[e][i][0]).join('|');
}

/** EnumIr::label_of. */
function maskLabel(t, e, lo, hi) {
  const m = members(t, e, lo, hi);
  if (m.length === 1) return t.enum_values[e][m[0]][1];
  for (const [, l, glo, ghi] of t.enum_groups[e]) if (glo === lo && ghi === hi) return l;
  return m.map((i) => t.enum_values[e][i][1]).join(' / ');
}

/** text::parse_iso_date: exactly YYYY-MM-DD of a date that exists, as days since 1970-01-01. */
function parseIsoDate(s) {
  if (!/^\d{4}-\d\d-\d\d$/.test(s)) return null;
  const y = +s.slice(0, 4), m = +s.slice(5, 7), d = +s.slice(8, 10);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const len = m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  if (m < 1 || m > 12 || d < 1 || d > len) return null;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400), yoe = yy - era * 400, mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** text::format_iso_date. */
function isoDate(day) {
  const z = day + 719468, era = Math.floor(z / 146097), doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153), d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9, y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const p2 = (x) => String(x).padStart(2, '0');
  return `${y < 0 ? '-' : ''}${String(Math.abs(y)).padStart(4, '0')}-${p2(m)}-${p2(d)}`;
}

/** Rust's `{}` of an f64 (no exponent; `inf`, `-0`). */
function rustF64(x) {
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Object.is(x, -0)) return '-0';
  const s = String(x);
  const e = s.indexOf('e');
  if (e < 0) return s;
  const neg = s[0] === '-';
  const [int, frac = ''] = s.slice(neg ? 1 : 0, e).split('.');
  const exp = +s.slice(e + 1);
  const digits = int + frac;
  const point = int.length + exp;
  const body = point <= 0 ? `0.${'0'.repeat(-point)}${digits}` : point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (neg ? '-' : '') + body;
}
