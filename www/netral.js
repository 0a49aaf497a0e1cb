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
  }

  /** The verdict on an incident (a string is taken as its text), or `{error: diagnostics}`. */
  classify(incident) {
    const input = incidentOf(incident);
    return this._call(() => this._glue.classify(input), (d) => ({ error: [d] }));
  }

  /** Compiles rule files and makes them the active rulebook; or says why not (the old one stays). */
  compile(source) {
    const input = sourceOf(source);
    const out = this._call(() => this._glue.compile(input), (d) => ({ ok: false, diagnostics: [d] }));
    if (out.ok) this._source = input;
    return out;
  }

  /** Goes back to the built-in rulebook. */
  reset() {
    this._source = null;
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
