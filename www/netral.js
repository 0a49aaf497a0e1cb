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
// verdict, and carries its built-in rulebook as a snapshot (no rule sources); the editor module
// (pkg-editor/: the rule language's parser and checker, and the built-in rule files' text) is
// loaded on the first edit(), compile(), check(), runExamples() or builtinSources(), which are
// therefore async. A rulebook it compiles reaches the classify module as snapshot bytes, which carry their
// own strings. In a browser the editor module runs in
// a Web Worker (editor-worker.js), so checking a large or hostile rule file never freezes the page,
// and a call given a `timeout` stops the worker when it does not answer in time.

const GLUE = new URL('./pkg/netral.js', import.meta.url);
const WASM = new URL('./pkg/netral_bg.wasm', import.meta.url);
const EDITOR_GLUE = new URL('./pkg-editor/netral.js', import.meta.url);
const EDITOR_WASM = new URL('./pkg-editor/netral_bg.wasm', import.meta.url);
const EDITOR_WORKER = new URL('./editor-worker.js', import.meta.url);

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

/**
 * An instance of the editor module of its own (its own active rulebook), for one engine: in a
 * worker where the platform has them (unless `worker: false`), else on this thread (Node).
 */
async function createEditor(opts) {
  if (typeof Worker === 'function' && opts.worker !== false) {
    const editor = new WorkerEditor(await editorModuleOf(opts));
    try {
      await editor.ready;
    } catch (e) {
      editor.stop(e);
      throw e;
    }
    return editor;
  }
  const [module, glue] = await Promise.all([editorModuleOf(opts), import(`${EDITOR_GLUE.href}?engine=${++instances}`)]);
  glue.initSync({ module });
  return new LocalEditor(glue);
}

/** Thrown for a call whose `signal` was aborted before the editor answered. */
class EditorCancelled extends Error {
  constructor() { super('the call was cancelled and the rule editor stopped'); }
}

/** Thrown for a call the editor did not answer within its `timeout`. */
class EditorTimeout extends Error {
  constructor(ms) {
    super(`the rule editor did not answer within ${ms} ms and was stopped`);
    this.ms = ms;
  }
}

/**
 * The editor module on this thread: the same calls as WorkerEditor (a promise of the export's
 * answer; a trap rejects). A call cannot be interrupted here, so `timeout` and `signal` are not
 * applied.
 */
class LocalEditor {
  constructor(glue) { this._glue = glue; }

  async call(op, input) {
    const ed = this._glue;
    if (op === 'compile') {
      const out = ed.compile(input);
      return { out, bytes: JSON.parse(out).ok ? ed.snapshot() : null };
    }
    if (op === 'edit') {
      const out = ed.edit(input.source, input.use);
      return { out, bytes: input.use && JSON.parse(out).ok ? ed.snapshot() : null };
    }
    if (op === 'builtinSources') return ed.builtinSources();
    return op === 'check' ? ed.check(input) : op === 'runExamples' ? ed.runExamples() : ed.reset();
  }

  stop() {}
}

/**
 * The editor module in a Web Worker (editor-worker.js), one call at a time in the order sent. A
 * call with `timeout` (ms) that is not answered in time, or whose `signal` aborts, terminates the
 * worker: that call and any waiting one reject (EditorTimeout, EditorCancelled), and the engine
 * starts a fresh worker on its next call.
 */
class WorkerEditor {
  constructor(module) {
    this._worker = new Worker(EDITOR_WORKER, { type: 'module' });
    this._pending = new Map(); // id -> {resolve, reject, timer}
    this._next = 0;
    this._stopped = null; // the reason, once stopped
    this._worker.onmessage = ({ data }) => {
      const call = this._pending.get(data.id);
      if (!call) return;
      this._pending.delete(data.id);
      clearTimeout(call.timer);
      if (data.ok) call.resolve(data.value);
      else call.reject(new Error(data.error));
    };
    this._worker.onerror = (e) => {
      e.preventDefault();
      this.stop(new Error(`the rule editor's worker failed (${e.message || 'it could not be loaded'})`));
    };
    this.ready = this._post({ op: 'init', glue: EDITOR_GLUE.href, module });
  }

  async call(op, input, { timeout, signal } = {}) {
    await this.ready;
    if (signal && signal.aborted) throw new EditorCancelled();
    const cancel = () => this.stop(new EditorCancelled());
    if (signal) signal.addEventListener('abort', cancel, { once: true });
    try {
      return await this._post({ op, input }, timeout);
    } finally {
      if (signal) signal.removeEventListener('abort', cancel);
    }
  }

  _post(message, timeout) {
    return new Promise((resolve, reject) => {
      if (this._stopped) { reject(this._stopped); return; }
      const id = ++this._next;
      const timer = timeout > 0 ? setTimeout(() => this.stop(new EditorTimeout(timeout)), timeout) : 0;
      this._pending.set(id, { resolve, reject, timer });
      this._worker.postMessage({ id, ...message });
    });
  }

  /** Terminates the worker; every call not yet answered rejects with `reason`. */
  stop(reason = new Error('the rule editor was stopped')) {
    if (this._stopped) return;
    this._stopped = reason;
    this._worker.terminate();
    for (const call of this._pending.values()) {
      clearTimeout(call.timer);
      call.reject(reason);
    }
    this._pending.clear();
  }
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
    this._editor = null; // Promise of this engine's editor (LocalEditor or WorkerEditor), once one is needed
    this._editorObj = null; // that editor, once loaded
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
   * `opts.timeout` (ms): past it the editor is stopped and the answer is an `E-TIMEOUT` diagnostic;
   * `opts.signal` (an AbortSignal) stops it when aborted (`E-CANCELLED`).
   */
  async compile(source, opts = {}) {
    const input = sourceOf(source);
    const answer = await this._editorCall('compile', input, opts, (d) => ({ ok: false, diagnostics: [d] }));
    if (answer.ok === false) return answer;
    const out = JSON.parse(answer.out);
    if (!out.ok) return out;
    const bytes = answer.bytes;
    const used = this._call(() => this._glue.useRulebook(bytes), (d) => ({ ok: false, diagnostics: [d] }));
    if (used.ok) {
      this._source = input;
      this._snapshot = bytes;
    }
    return used;
  }

  /**
   * What the rule editor needs after an edit, from one pass of the editor module over the files
   * (instead of check(), compile() and runExamples(), which parse them once each):
   * `{ok, diagnostics, examples}`, the diagnostics as check() gives them and, when there is no
   * error (`ok`), the examples' outcomes as runExamples() gives them. Unless `opts.use` is false,
   * a rulebook without error is also made the active one, as compile() does; if the classify
   * module refuses it, `ok` is false and its `E-SNAPSHOT` diagnostic is among the diagnostics.
   * `opts.timeout` and `opts.signal` as for compile().
   */
  async edit(source, opts = {}) {
    const input = sourceOf(source);
    const use = opts.use !== false;
    const answer = await this._editorCall('edit', { source: input, use }, opts, (d) => ({ ok: false, diagnostics: [d], examples: [] }));
    if (answer.out === undefined) return answer;
    const out = JSON.parse(answer.out);
    if (!out.ok || !use) return out;
    // An edit that leaves the compiled rulebook as it was (a comment, a blank line) gives the same
    // bytes: the classify module keeps the one it has rather than reading them again.
    if (!sameBytes(answer.bytes, this._snapshot)) {
      const used = this._call(() => this._glue.useRulebook(answer.bytes), (d) => ({ ok: false, diagnostics: [d] }));
      if (!used.ok) return { ok: false, diagnostics: out.diagnostics.concat(used.diagnostics), examples: [] };
      this._snapshot = answer.bytes;
    }
    this._source = input;
    return out;
  }

  /** Goes back to the built-in rulebook. */
  reset() {
    this._source = null;
    this._snapshot = null;
    this._call(() => { this._glue.reset(); return 'null'; }, () => undefined);
    if (this._editor) this._editor.then((ed) => ed.call('reset').catch(() => {}), () => {});
  }

  /**
   * Stops this engine's editor (in a browser its worker, which holds the editor module) until a
   * later compile(), check(), runExamples() or builtinSources() starts a fresh one; the rulebook in
   * use stays. For an engine whose rules are no longer edited: <netral-check> when its `rules=` is
   * removed. A call still waiting for the editor answers `E-CANCELLED`.
   */
  stopEditor() {
    const editor = this._editor;
    this._editor = null;
    this._editorObj = null;
    if (editor) editor.then((ed) => ed.stop(new EditorCancelled()), () => {});
  }

  /**
   * Every diagnostic of rule files (errors, warnings, failing examples); does not switch rulebooks.
   * `opts.timeout` and `opts.signal` as for compile().
   */
  async check(source, opts = {}) {
    const input = sourceOf(source);
    const answer = await this._editorCall('check', input, opts, (d) => [d]);
    return typeof answer === 'string' ? JSON.parse(answer) : answer;
  }

  /** The examples of the active rulebook, run: one outcome each, with `ok`. */
  async runExamples(opts = {}) {
    const answer = await this._editorCall('runExamples', undefined, opts, () => []);
    return typeof answer === 'string' ? JSON.parse(answer) : answer;
  }

  // One call to the editor module: its answer, or `fallback(diagnostic)` when the editor cannot be
  // loaded, traps (its instance or worker is dropped and the next call starts a fresh one; the
  // classify module is untouched), or is stopped after `opts.timeout` ms or by `opts.signal`.
  async _editorCall(op, input, opts, fallback) {
    let ed;
    try {
      ed = await this._editorNow();
    } catch (e) {
      return fallback(editorError(e));
    }
    try {
      return await ed.call(op, input, opts);
    } catch (e) {
      ed.stop(e);
      if (this._editorObj === ed) {
        this._editor = null;
        this._editorObj = null;
      }
      if (e instanceof EditorTimeout) return fallback(timeoutError(e.ms));
      if (e instanceof EditorCancelled) return fallback(cancelledError());
      console.error('netral: the rule editor failed and was restarted:', e);
      return fallback(internalError(e));
    }
  }

  // This engine's editor, loaded on first use; a fresh one compiles the rulebook in use first, so
  // runExamples() runs its examples. Rejects when it cannot be loaded (offline before the editor
  // was ever opened), and the next call tries again.
  async _editorNow() {
    if (!this._editor) {
      const source = this._source;
      const loading = createEditor(this._opts).then((ed) => {
        if (source !== null) ed.call('compile', source).catch(() => {});
        this._editorObj = ed;
        return ed;
      });
      loading.catch(() => { if (this._editor === loading) this._editor = null; });
      this._editor = loading;
    }
    return this._editor;
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

  /**
   * The files of the built-in rulebook, as `[{name, text}]`. Async: only the editor module carries
   * them (the classify module reads its rulebook from a snapshot), so the first call loads it; `[]`
   * when it cannot be loaded. `opts.timeout` and `opts.signal` as for compile().
   */
  async builtinSources(opts = {}) {
    const answer = await this._editorCall('builtinSources', undefined, opts, () => []);
    return typeof answer === 'string' ? JSON.parse(answer) : answer;
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
      if (this._snapshot !== null) this._glue.useRulebook(this._snapshot);
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
    return inputError(`the incident cannot be read: ${reason(e)}`);
  }
}

function hasNonFinite(facts) {
  for (const k in facts) {
    const v = facts[k];
    if (typeof v === 'number' && !Number.isFinite(v)) return true;
  }
  return false;
}

/**
 * A diagnostic this wrapper makes itself (the module makes every other one), with no place in a
 * rule file: the same fields as the module's (schema/diagnostic.json).
 */
function diagnostic(code, message, hint) {
  return { code, severity: 'error', message, hint, file: '', line: 0, column: 0, endLine: 0, endColumn: 0, start: 0, end: 0 };
}

/** What went wrong, from an exception or any other value thrown. */
function reason(e) {
  return e && e.message ? e.message : e;
}

function inputError(message) {
  return diagnostic('E-INPUT', message, 'an Incident is {text, facts, lang} made of strings, numbers, booleans and null');
}

function internalError(e) {
  return diagnostic('E-INTERNAL', `internal error in the engine (${reason(e)}); it was restarted`, 'please report this input');
}

function editorError(e) {
  return diagnostic('E-EDITOR', `the rule editor could not be loaded (${reason(e)})`,
    'check the connection and try again; checking incidents keeps working');
}

function timeoutError(ms) {
  return diagnostic('E-TIMEOUT', `the rule editor did not answer within ${ms} ms and was stopped`,
    'the rules in use stay as they were; a smaller rule file (fewer rules or examples) is checked faster');
}

function cancelledError() {
  return diagnostic('E-CANCELLED', 'the call was cancelled (its signal was aborted) and the rule editor stopped',
    'the rules in use stay as they were; the next call starts the editor again');
}

/** Whether two snapshots (Uint8Array, or null) are the same bytes. */
function sameBytes(a, b) {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
