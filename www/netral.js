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

/**
 * The engine: synchronous calls, plain objects in and out. Every call crosses into the module as
 * JSON text and comes back as JSON text (src/wasm.rs), so the module validates and decides
 * everything and this wrapper only encodes and parses.
 */
export class Netral {
  constructor(glue, module) {
    /** @internal the wasm-bindgen glue (exposed for tests) */
    this._glue = glue;
    /** The compiled WebAssembly.Module (reuse it for `load({module, separate: true})`). */
    this.module = module;
    /** How many times the instance was rebuilt after a trap. */
    this.restarts = 0;
    this._source = null; // the JSON of the last source compile() accepted, re-applied after a rebuild
  }

  /** The verdict on an incident (a string is taken as its text), or `{error: diagnostics}`. */
  classify(incident) {
    const json = encode(typeof incident === 'string' ? { text: incident } : incident);
    if (typeof json !== 'string') return { error: [json] };
    return this._call(() => this._glue.classify(json), (d) => ({ error: [d] }));
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
    this._call(() => { this._glue.reset(); return 'null'; }, () => undefined);
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

  // Runs one export and parses its JSON answer.
  _call(fn, fallback) {
    let json;
    try {
      json = fn();
    } catch (e) {
      return fallback(this._failed(e));
    }
    return JSON.parse(json);
  }

  // Bad input never throws in Rust, so an exception means the instance is broken (a trap, a stack
  // overflow): rebuild it, restore the rulebook, and answer with a diagnostic.
  _failed(e) {
    console.error('netral: the engine failed and was restarted:', e);
    this.restarts++;
    try {
      this._glue.__wbg_reset_state();
      if (this._source !== null) this._glue.compile(this._source);
    } catch (err) {
      console.error('netral: restart failed:', err);
    }
    return internalError(e);
  }
}

/**
 * The JSON of an incident, or an `E-INPUT` diagnostic when the caller's object cannot be written
 * as JSON (a cycle, a BigInt, a getter that throws). Numbers JSON cannot carry (NaN, ±Infinity)
 * are sent as their names, so the module refuses them (`E-FACT-VALUE`) instead of reading null.
 */
function encode(incident) {
  try {
    const facts = incident && incident.facts;
    if (facts && typeof facts === 'object' && hasNonFinite(facts)) {
      incident = { ...incident, facts: Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, typeof v === 'number' && !Number.isFinite(v) ? String(v) : v])) };
    }
    return JSON.stringify(incident ?? {});
  } catch (e) {
    return inputError(`the incident cannot be read: ${e && e.message ? e.message : e}`);
  }
}

function hasNonFinite(facts) {
  for (const k in facts) {
    const v = facts[k];
    if (typeof v === 'number' && !Number.isFinite(v)) return true;
  }
  return false;
}

function inputError(message) {
  return {
    code: 'E-INPUT', severity: 'error', message,
    hint: 'an Incident is {text, facts, lang} made of strings, numbers, booleans and null',
    file: '', line: 0, column: 0, endLine: 0, endColumn: 0, start: 0, end: 0,
  };
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

/** Rule files as the module takes them: the JSON of `[{name, text}]` (one string is one file). */
function sourceOf(source) {
  if (typeof source === 'string') return JSON.stringify([{ name: 'rules.rules', text: source }]);
  if (Array.isArray(source)) {
    return JSON.stringify(source.map((f, i) => ({
      name: f && typeof f.name === 'string' ? f.name : `file${i + 1}.rules`,
      text: f && typeof f.text === 'string' ? f.text : String(f && f.text != null ? f.text : ''),
    })));
  }
  return JSON.stringify([{ name: 'rules.rules', text: source == null ? '' : String(source) }]);
}
