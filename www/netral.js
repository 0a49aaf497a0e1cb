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
  // A fresh copy of the wasm-bindgen glue (its own instance and memory) for each separate engine;
  // fetched while the module compiles.
  const url = instances++ === 0 && !opts.separate ? GLUE.href : `${GLUE.href}?engine=${instances}`;
  const [module, glue] = await Promise.all([moduleOf(opts), import(url)]);
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
    this._mem = null; // the wasm memory, and views of it
    this._u8 = null;
    this._u32 = null;
    this._f64 = null;
    this._head = 0; // where [offset, count] of the last lean answer are, in u32 words
    this._text = 0; // where the text of a lean call goes (bytes), and how many fit
    this._textRoom = 0;
  }

  /** The verdict on an incident (a string is taken as its text), or `{error: diagnostics}`. */
  classify(incident) {
    try {
      return this._classify(incident);
    } catch (e) {
      return { error: [this._failed(e)] };
    }
  }

  // The lean path: the text (UTF-8) and the facts (numbers) written straight into buffers in wasm
  // memory, the answer read as words from wasm memory and expanded here with the tables of the
  // active rulebook (src/lean.rs). Input it does not take (an unknown fact or value, a text too
  // long) goes the full path, which says what is wrong.
  _classify(x) {
    let text = '', facts = null, lang = 'id';
    if (typeof x === 'string') text = x;
    else if (x && typeof x === 'object') {
      text = typeof x.text === 'string' ? x.text : x.text == null ? '' : String(x.text);
      if (x.facts && typeof x.facts === 'object') facts = x.facts;
      if (x.lang === 'en') lang = 'en';
    }
    const t = this._lean[lang] || this._tables(lang);
    let n = 0;
    if (facts !== null) {
      let f64 = this._f64;
      if (f64 === null || f64.length === 0) f64 = this._views()._f64;
      n = encodeFacts(facts, t, f64, t.input >>> 3);
      if (n < 0) return this._glue.classifyFull(fullInput(x, text));
    }
    let bytes = 0;
    if (text.length > 0) {
      // A text of more UTF-16 units than the engine reads bytes is too long for certain: the full
      // path says so. Otherwise it fits in three bytes a unit.
      if (text.length > MAX_TEXT_BYTES) return this._glue.classifyFull(fullInput(x, text));
      if (3 * text.length > this._textRoom) {
        this._textRoom = Math.max(3 * text.length, 4096);
        this._text = this._glue.leanText(this._textRoom);
      }
      let u8 = this._u8;
      if (u8 === null || u8.length === 0) u8 = this._views()._u8;
      bytes = ENCODER.encodeInto(text, u8.subarray(this._text, this._text + this._textRoom)).written;
    }
    const len = this._glue.classify(bytes, n);
    let u32 = this._u32;
    if (u32.length === 0) u32 = this._views()._u32;
    const at = u32[this._head] >>> 2;
    if (u32[at] === LEAN_ERROR) return this._glue.classifyFull(fullInput(x, text));
    if (u32[at + len - 1] !== t.generation) {
      // The active rulebook changed under the wrapper (glue called directly): fresh tables, and
      // the facts encoded again with them.
      this._lean = {};
      return this._classify(x);
    }
    return expand(u32, at, t, text);
  }

  _tables(lang) {
    if (this._lean[lang]) return this._lean[lang];
    const t = prepare(this._glue.leanTables(lang));
    // Room in wasm memory for every fact once (an object has each key once): three numbers each.
    t.input = this._glue.leanInput(3 * t.fact_names.length);
    if (this._head === 0) this._head = this._glue.leanHead() >>> 2;
    this._views();
    return (this._lean[lang] = t);
  }

  // Views of wasm memory, made again when it grows (the old buffer is then detached: length 0).
  _views() {
    const mem = this._mem || (this._mem = this._glue.leanMemory());
    if (this._u32 === null || this._u32.buffer !== mem.buffer) {
      this._u8 = new Uint8Array(mem.buffer);
      this._u32 = new Uint32Array(mem.buffer);
      this._f64 = new Float64Array(mem.buffer);
    }
    return this;
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
      return fallback(this._failed(e));
    }
  }

  // Bad input never throws in Rust, so an exception means the instance is broken (a trap, a stack
  // overflow): rebuild it, restore the rulebook, and answer with a diagnostic.
  _failed(e) {
    console.error('netral: the engine failed and was restarted:', e);
    this._revive();
    return internalError(e);
  }

  _revive() {
    this.restarts++;
    this._lean = {};
    this._mem = null;
    this._u8 = null;
    this._u32 = null;
    this._f64 = null;
    this._head = 0;
    this._text = 0;
    this._textRoom = 0;
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

/** The incident as the full path takes it (given text; facts without undefined or empty answers). */
function fullInput(x, text) {
  const out = { text };
  if (x && typeof x === 'object') {
    if (x.facts && typeof x.facts === 'object') {
      out.facts = {};
      for (const [k, v] of Object.entries(x.facts)) {
        if (v !== undefined && v !== '') out.facts[k] = v;
      }
    }
    if (x.lang === 'en' || x.lang === 'id') out.lang = x.lang;
  }
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
const MAX_TEXT_BYTES = 1 << 20; // src/eval/facts.rs
const ENCODER = new TextEncoder();
const VERDICTS = ['allowed', 'needs_more_info', 'violation'];
const KINDS = ['prohibition', 'permission'];
const TYPES = ['bool', 'enum', 'date', 'number'];
const OPS = ['=', '!=', '<', '<=', '>', '>='];
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Tables from the engine, with what the wrapper derives from them once per rulebook and language:
 * name → index, value → mask, and per rule the parts of a matched rule that do not depend on the
 * incident.
 */
function prepare(t) {
  t.factIndex = new Map(t.fact_names.map((n, i) => [n, i]));
  // Per enum: value or group name → [low, high] mask bits (values first, as Rust's mask_of).
  t.enumMasks = t.enum_values.map((vals, e) => {
    const m = new Map();
    for (const [g, , lo, hi] of t.enum_groups[e]) m.set(g, [lo, hi]);
    vals.forEach(([v], i) => m.set(v, i < 32 ? [(1 << i) >>> 0, 0] : [0, (1 << (i - 32)) >>> 0]));
    return m;
  });
  t.rules = t.rule_ids.map((id, r) => ({
    id, kind: KINDS[t.rule_kinds[r]], title: t.rule_titles[r], basis: t.rule_basis[r],
    sanctions: t.rule_sanctions[r].map((s) => t.sanctions[s]), advice: t.rule_advice[r], note: t.rule_notes[r],
  }));
  t.dates = new Map(); // date text → day number, or null (a form sends the same few dates)
  t.dayTexts = new Map(); // day number → date text
  return t;
}

/**
 * Writes facts as (index, a, b) triples into `f64` from `at` (room for three per fact); returns
 * how many numbers, or -1 when one needs the full path's diagnostics. Unset answers (undefined,
 * '') are left out, as the full path leaves them out.
 */
function encodeFacts(facts, t, f64, at) {
  let n = at;
  for (const k in facts) {
    if (!hasOwn.call(facts, k)) continue;
    const v = facts[k];
    if (v === undefined || v === '') continue;
    const f = t.factIndex.get(k);
    if (f === undefined) return -1;
    if (v === null || v === 'unknown') continue;
    let a = 0, b = 0;
    switch (t.fact_types[f]) {
      case 0:
        if (v === true || v === 'true' || v === 'ya' || v === 'yes') a = 1;
        else if (!(v === false || v === 'false' || v === 'tidak' || v === 'no')) return -1;
        break;
      case 1: {
        const m = typeof v === 'string' && t.enumMasks[t.fact_enums[f]].get(v);
        if (!m) return -1;
        a = m[0];
        b = m[1];
        break;
      }
      case 2: {
        if (typeof v !== 'string') return -1;
        let d = t.dates.get(v);
        if (d === undefined) {
          d = parseIsoDate(v);
          if (t.dates.size > 256) t.dates.clear();
          t.dates.set(v, d);
        }
        if (d === null) return -1;
        a = d;
        break;
      }
      default:
        if (typeof v !== 'number') return -1;
        a = v;
    }
    f64[n] = f;
    f64[n + 1] = a;
    f64[n + 2] = b;
    n += 3;
  }
  return n - at;
}

// Scratch for one expansion (the wrapper is synchronous and expand does not re-enter).
const SPANS = []; // evidence spans as fact, start, end…

/** The Verdict object of the lean answer at `w[i]`: the same shape and values as the full path's. */
function expand(w, i, t, text) {
  const verdict = VERDICTS[w[i++]];
  // Known facts, in name order already.
  const facts = {};
  for (let n = w[i++]; n > 0; n--, i += 4) {
    const f = w[i];
    facts[t.fact_names[f]] = factValue(t, f, w[i + 1], w[i + 2], w[i + 3]);
  }
  // Evidence spans, per fact.
  let ns = 0;
  for (let n = w[i++]; n > 0; n--, i += 3) {
    SPANS[ns++] = w[i];
    SPANS[ns++] = w[i + 1];
    SPANS[ns++] = w[i + 2];
  }
  const matched = [];
  for (let n = w[i++]; n > 0; n--) {
    const rule = t.rules[w[i]], nb = w[i + 1], ne = w[i + 2];
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
      for (let k = 0; k < ns; k += 3) if (SPANS[k] === f) evidence.push(evidenceOf(t, k, text));
    }
    const rs = rule.sanctions;
    const sanctions = [];
    for (let k = 0; k < rs.length; k++) sanctions.push({ id: rs[k][0], label: rs[k][1], severity: rs[k][2] });
    matched.push({
      rule: rule.id, kind: rule.kind, title: rule.title, basis: rule.basis.slice(),
      sanction: rs.length ? { id: rs[0][0], label: rs[0][1], severity: rs[0][2] } : null, sanctions, because,
      advice: rule.advice, note: rule.note, evidence,
    });
  }
  const possible = [];
  for (let n = w[i++]; n > 0; n--) {
    const rule = t.rules[w[i++]];
    const missing = [];
    for (let k = w[i++]; k > 0; k--) missing.push(t.fact_names[w[i++]]);
    possible.push({ rule: rule.id, title: rule.title, missing });
  }
  let question = null;
  const qf = w[i++];
  const na = w[i++];
  if (qf > 0) {
    const f = qf - 1, type = TYPES[t.fact_types[f]];
    const answers = [];
    if (type === 'bool') answers.push({ value: true, label: t.words[0] }, { value: false, label: t.words[1] });
    else if (type === 'enum') {
      const vals = t.enum_values[t.fact_enums[f]];
      for (let k = 0; k < na; k++) { const v = vals[w[i + k]]; answers.push({ value: v[0], label: v[1] }); }
    }
    question = { fact: t.fact_names[f], text: t.fact_questions[f], type, answers };
  }
  const evidence = [];
  for (let k = 0; k < ns; k += 3) evidence.push(evidenceOf(t, k, text));
  if (evidence.length > 1) evidence.sort((a, b) => a.start - b.start || a.end - b.end);
  return { verdict, matched, possible, question, facts, evidence };
}

function evidenceOf(t, k, text) {
  const start = SPANS[k + 1], end = SPANS[k + 2];
  return { fact: t.fact_names[SPANS[k]], text: text.slice(start, end), start, end };
}

function factValue(t, f, tag, p, q) {
  switch (tag) {
    case 1: return p !== 0;
    case 2: return maskName(t, t.fact_enums[f], p, q);
    case 3: return dateText(t, p | 0);
    default: U32[0] = p; U32[1] = q; return F64[0];
  }
}

/** isoDate, remembered per tables (answers repeat the same few dates). */
function dateText(t, day) {
  let s = t.dayTexts.get(day);
  if (s === undefined) {
    if (t.dayTexts.size > 256) t.dayTexts.clear();
    t.dayTexts.set(day, (s = isoDate(day)));
  }
  return s;
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

/** The index of the one bit set in lo | hi << 32, or -1. */
function single(lo, hi) {
  if (hi === 0) return lo !== 0 && (lo & (lo - 1)) === 0 ? 31 - Math.clz32(lo) : -1;
  return lo === 0 && (hi & (hi - 1)) === 0 ? 63 - Math.clz32(hi) : -1;
}

/** EnumIr::name_of: a value, a group with exactly these members, or `a|b`. */
function maskName(t, e, lo, hi) {
  const one = single(lo, hi);
  if (one >= 0 && one < t.enum_values[e].length) return t.enum_values[e][one][0];
  const m = members(t, e, lo, hi);
  if (m.length === 1) return t.enum_values[e][m[0]][0];
  for (const [g, , glo, ghi] of t.enum_groups[e]) if (glo === lo && ghi === hi) return g;
  return m.map((i) => t.enum_values[e][i][0]).join('|');
}

/** EnumIr::label_of. */
function maskLabel(t, e, lo, hi) {
  const one = single(lo, hi);
  if (one >= 0 && one < t.enum_values[e].length) return t.enum_values[e][one][1];
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
