// Netral in JavaScript: load the WebAssembly engine once, then call it.
//
//   import { load } from './netral.js';
//   const netral = await load();
//   const verdict = netral.classify({ text: 'Saya PNS, saya like postingan kampanye caleg' });
//
// Every call returns plain objects (the same Incident / Verdict JSON as the CLI) and never throws
// for bad input: problems come back as diagnostics. If the engine ever traps, the instance is
// rebuilt (with the last rulebook compiled) and the next call works. Types: netral.d.ts.
//
// Two modules: the classify module (pkg/) answers incidents and is all a page needs for a
// verdict; the editor module (pkg-editor/: the rule language's parser and checker) is loaded on
// the first compile(), check() or runExamples(), which are therefore async. A rulebook it
// compiles reaches the classify module as snapshot bytes.

const GLUE = new URL('./pkg/netral.js', import.meta.url);
const WASM = new URL('./pkg/netral_bg.wasm', import.meta.url);
const EDITOR_GLUE = new URL('./pkg-editor/netral.js', import.meta.url);
const EDITOR_WASM = new URL('./pkg-editor/netral_bg.wasm', import.meta.url);

let shared; // Promise<Netral> of the engine shared by the page and every default <netral-check>
let defaultModule; // Promise<WebAssembly.Module> of the default wasm URL, compiled once
let editorModule; // Promise<WebAssembly.Module> of the editor module, compiled once
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
  return new Netral(glue, module, opts);
}

/** An instance of the editor module of its own (its own active rulebook), for one engine. */
async function createEditor(opts) {
  const [module, glue] = await Promise.all([editorModuleOf(opts), import(`${EDITOR_GLUE.href}?engine=${++instances}`)]);
  glue.initSync({ module });
  return glue;
}

/** The editor module as `moduleOf` finds the classify module: given, or the default one compiled once. */
async function editorModuleOf(opts) {
  if (opts.editorBytes) return WebAssembly.compile(opts.editorBytes);
  if (opts.editorUrl) return compileUrl(opts.editorUrl);
  if (!editorModule) editorModule = compileUrl(EDITOR_WASM).catch((e) => { editorModule = undefined; throw e; });
  return editorModule;
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
  constructor(glue, module, opts = {}) {
    /** @internal the wasm-bindgen glue (exposed for tests) */
    this._glue = glue;
    /** The compiled WebAssembly.Module (reuse it for `load({module, separate: true})`). */
    this.module = module;
    /** How many times the instance was rebuilt after a trap. */
    this.restarts = 0;
    this._opts = opts;
    this._editor = null; // Promise of this engine's editor glue, once one is needed
    this._source = null; // the JSON of the last source compile() accepted, and its snapshot,
    this._snapshot = null; // both given to the classify module again after a rebuild
  }

  /** The verdict on an incident (a string is taken as its text), or `{error: diagnostics}`. */
  classify(incident) {
    const json = encode(typeof incident === 'string' ? { text: incident } : incident);
    if (typeof json !== 'string') return { error: [json] };
    return this._call(() => this._glue.classify(json), (d) => ({ error: [d] }));
  }

  /**
   * Compiles rule files and makes them the active rulebook; or says why not (the old one stays).
   * Async: the editor module compiles, and hands the rulebook to the classify module.
   */
  async compile(source) {
    const input = sourceOf(source);
    const ed = await this._editorGlue();
    if (!ed.compile) return { ok: false, diagnostics: [ed] };
    const out = this._callIn(ed, () => ed.compile(input), (d) => ({ ok: false, diagnostics: [d] }));
    if (!out.ok) return out;
    let bytes;
    try {
      bytes = ed.snapshot(input);
    } catch (e) {
      return { ok: false, diagnostics: [internalError(e)] };
    }
    const used = this._call(() => this._glue.useRulebook(bytes, input), (d) => ({ ok: false, diagnostics: [d] }));
    if (used.ok) {
      this._source = input;
      this._snapshot = bytes;
    }
    return used;
  }

  /** Goes back to the built-in rulebook. */
  reset() {
    this._source = null;
    this._snapshot = null;
    this._call(() => { this._glue.reset(); return 'null'; }, () => undefined);
    if (this._editor) this._editor.then((ed) => { if (ed.reset) ed.reset(); });
  }

  /** Every diagnostic of rule files (errors, warnings, failing examples); does not switch rulebooks. */
  async check(source) {
    const input = sourceOf(source);
    const ed = await this._editorGlue();
    if (!ed.check) return [ed];
    return this._callIn(ed, () => ed.check(input), (d) => [d]);
  }

  /** The examples of the active rulebook, run: one outcome each, with `ok`. */
  async runExamples() {
    const ed = await this._editorGlue();
    if (!ed.runExamples) return [];
    return this._callIn(ed, () => ed.runExamples(), () => []);
  }

  // The editor module's glue for this engine, loaded on first use; or, when it cannot be loaded
  // (offline before the editor was ever opened), a diagnostic that says so (and the next call
  // tries again).
  async _editorGlue() {
    if (!this._editor) {
      this._editor = createEditor(this._opts).then(async (ed) => {
        if (this._source !== null) ed.compile(this._source);
        return ed;
      });
    }
    try {
      return await this._editor;
    } catch (e) {
      this._editor = null;
      return {
        code: 'E-EDITOR', severity: 'error', message: `the rule editor could not be loaded (${e && e.message ? e.message : e})`,
        hint: 'check the connection and try again; checking incidents keeps working', file: '', line: 0, column: 0, endLine: 0, endColumn: 0, start: 0, end: 0,
      };
    }
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

  // The same in the editor module: a trap there drops its instance (the next call loads a fresh
  // one) and the classify module is untouched.
  _callIn(ed, fn, fallback) {
    let json;
    try {
      json = fn();
    } catch (e) {
      console.error('netral: the rule editor failed and was restarted:', e);
      this._editor = null;
      return fallback(internalError(e));
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
      if (this._snapshot !== null) this._glue.useRulebook(this._snapshot, this._source);
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
