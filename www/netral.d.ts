// Types of www/netral.js: the same Incident / Verdict JSON as the CLI (src/verdict.rs).

/** A fact value as given: an enum value or group id, a date `YYYY-MM-DD` (or some day of a
 *  range, `YYYY-MM-DD/YYYY-MM-DD`, as a verdict reports "Juli 2024"), a bool, a number;
 *  `null` or `"unknown"` means not known. The answer to an `acts` question is the list of the
 *  acts done (or planned), `[]` for none of them. */
export type FactInput = string | number | boolean | null | string[];

/** What a user describes. A plain string is accepted wherever an Incident is (its text). */
export interface Incident {
  /** The description, as typed. */
  text?: string;
  /** Known facts by name, e.g. `{ subject: "pns", on_leave: false, date: "2024-02-14" }`. */
  facts?: Record<string, FactInput>;
  /** Language of the labels in the verdict (default `"id"`). */
  lang?: Lang;
}

export type Lang = 'id' | 'en';
export type VerdictKind = 'violation' | 'needs_more_info' | 'allowed';
export type RuleKind = 'prohibition' | 'permission';
/** A fact value in a verdict or an answer. */
export type Value = string | number | boolean;

/** The answer to an incident, with its explanation. */
export interface Verdict {
  /** The version of this contract (schema/verdict.json): 1. It changes only when a field is
   *  removed or renamed or changes its meaning; new fields may appear within a version. */
  version: 1;
  verdict: VerdictKind;
  /** Rules definitely met: prohibitions first (strongest sanction first), then permissions. */
  matched: MatchedRule[];
  /** Prohibitions that would be met depending on open facts not known. */
  possible: PossibleRule[];
  /** The one question that decides the most, when the verdict is `needs_more_info`. */
  question: Question | null;
  /** "Why not", when the verdict is `allowed`: the prohibitions nearest to holding, each with
   *  what it lacks in words; empty otherwise. */
  nearly: NearlyRule[];
  /** Every fact known after reading the text (given or inferred), by name. */
  facts: Record<string, Value>;
  /** The words that gave every fact read from the text, in text order (for highlighting). */
  evidence: Evidence[];
}

/** A prohibition that would hold with a few more conditions ("why not"). */
export interface NearlyRule {
  rule: string;
  title: string;
  /** What it lacks: "ASN (PNS atau PPPK)", an act's label, "tidak: …". */
  lacking: string[];
}

/** What `classify` returns when the incident is malformed (an unknown fact or value, too long). */
export interface ClassifyError {
  error: Diagnostic[];
}

export interface MatchedRule {
  rule: string;
  kind: RuleKind;
  /** Title in the requested language. */
  title: string;
  /** Canonical citations, e.g. `UU 7/2017 Pasal 280 ayat (3)`. */
  basis: string[];
  /** The strongest sanction (prohibitions only). */
  sanction: SanctionRef | null;
  /** Every sanction of the rule, strongest first. */
  sanctions: SanctionRef[];
  /** The conditions that held, in words. */
  because: string[];
  /** What to do instead. */
  advice: string | null;
  /** A note about this rule (context, exceptions). */
  note: string | null;
  /** The points about this rule the legal digest does not settle (its `uncertain` clauses). */
  uncertain: string[];
  /** The words of the text that gave the facts this rule used. */
  evidence: Evidence[];
}

export interface SanctionRef {
  id: string;
  label: string;
  /** Higher is stronger. */
  severity: number;
}

/** Words of the text that gave a fact; offsets in UTF-16 code units (JS string indices). */
export interface Evidence {
  fact: string;
  text: string;
  start: number;
  /** Exclusive. */
  end: number;
}

export interface PossibleRule {
  rule: string;
  title: string;
  /** The open facts it waits on. */
  missing: string[];
}

/** A follow-up question in a verdict. */
export interface Question {
  /** The fact it asks for: send the answer back as `facts[fact] = answer.value`. For `acts`,
   *  send the list of the values ticked (`facts[fact] = ["voting"]`), or `[]` for `"none"`. */
  fact: string;
  text: string;
  /** `acts`: the text spoke of an election without an act Netral recognised; a checklist of the
   *  acts that would decide, ending with the answer `"none"` (none of these). */
  type: FactType | 'acts';
  /** Empty for dates and numbers. */
  answers: Answer[];
}

export type FactType = 'bool' | 'enum' | 'date' | 'number';

export interface Answer {
  value: Value;
  label: string;
}

/** One field of the form generated from the rulebook's open facts. */
export interface FactQuestion {
  /** Fact name: the key in `Incident.facts`. */
  id: string;
  type: FactType;
  question: string;
  /** Values first, then groups. Empty for dates and numbers. */
  answers: Answer[];
}

/** One problem in rule files (or in an incident). Lines and columns are 1-based; columns count
 *  characters; ends are exclusive. `start`/`end` are byte offsets in the file. */
export interface Diagnostic {
  /** Stable code, e.g. `E-UNKNOWN-NAME`, `E-EXAMPLE`, `E-INPUT`, `E-INTERNAL`. */
  code: string;
  severity: 'error' | 'warning';
  message: string;
  hint: string | null;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  start: number;
  end: number;
}

/** Rule files: one text (named `rules.rules`) or several named files read together. */
export type RuleSource = string | RuleFile[];

export interface RuleFile {
  name: string;
  text: string;
}

export type CompileResult = { ok: true } | { ok: false; diagnostics: Diagnostic[] };

/** What `edit` answers: the diagnostics, and the examples' outcomes when there is no error. */
export interface EditResult {
  /** No error: the examples ran (and, unless `use: false`, the rulebook is the active one). */
  ok: boolean;
  /** As `check` gives them (with the classify module's `E-SNAPSHOT` if it refused the rulebook). */
  diagnostics: Diagnostic[];
  /** As `runExamples` gives them; `[]` when there is an error. */
  examples: ExampleOutcome[];
}

/** Options of `edit`. */
export interface EditOptions extends EditorCallOptions {
  /** Make a rulebook without error the active one (default `true`); `false` only checks it. */
  use?: boolean;
}

/** An example of the training library. */
export interface Case {
  /** The rule it is written in. */
  rule: string;
  text: string;
  facts: Record<string, FactInput>;
  /** The verdict the law gives. */
  expected: VerdictKind;
}

export interface RuleInfo {
  id: string;
  kind: RuleKind;
  title: string;
  basis: string[];
  sanction: SanctionRef | null;
  advice: string | null;
  note: string | null;
  /** The points the legal digest does not settle. */
  uncertain: string[];
  examples: Case[];
}

/** One example of the active rulebook, run. */
export interface ExampleOutcome {
  rule: string;
  text: string;
  expected: VerdictKind;
  /** `null` when the example's facts were rejected. */
  got: VerdictKind | null;
  /** The rule that had to match, if any. */
  mustMatch: string | null;
  ok: boolean;
  /** Why it failed, in words (empty when it passed). */
  message: string;
}

export interface LoadOptions {
  /** Where netral_bg.wasm is (default: `pkg/netral_bg.wasm` beside netral.js). */
  url?: string | URL;
  /** The wasm bytes (Node: `readFileSync(...)`). */
  bytes?: BufferSource;
  /** An already compiled module. */
  module?: WebAssembly.Module;
  /** An engine of its own (own active rulebook) instead of the shared one. */
  separate?: boolean;
  /** Where the editor module is (default: `pkg-editor/netral_bg.wasm` beside netral.js); it is
   *  loaded on the first `edit`, `compile`, `check`, `runExamples` or `builtinSources`. */
  editorUrl?: string | URL;
  /** The editor module's bytes (Node). */
  editorBytes?: BufferSource;
  /** Run the editor module in a Web Worker (editor-worker.js beside netral.js) where the platform
   *  has workers (default `true`); `false` runs it on the calling thread, where `timeout` cannot
   *  apply. */
  worker?: boolean;
}

/** Options of a call to the editor module. */
export interface EditorCallOptions {
  /** Milliseconds to wait for the editor (in its worker). Past them the worker is terminated,
   *  the call answers with an `E-TIMEOUT` diagnostic, the rulebook in use stays, and the next call
   *  starts a fresh editor. Default: no limit. */
  timeout?: number;
  /** Aborting it stops the editor the same way (`E-CANCELLED`): a call made moot by a newer one
   *  need not be waited for. */
  signal?: AbortSignal;
}

/** Loads the engine once (the same engine on later calls unless `separate`). */
export function load(opts?: LoadOptions): Promise<Netral>;

export class Netral {
  private constructor();
  /** The compiled module, reusable with `load({ module, separate: true })`. */
  readonly module: WebAssembly.Module;
  /** How many times the instance was rebuilt after a trap. */
  readonly restarts: number;
  /** The verdict on an incident, or the diagnostics of a malformed one. Never throws. */
  classify(incident: Incident | string): Verdict | ClassifyError;
  /** Makes these rule files the active rulebook, or returns why not (the previous one stays).
   *  Async: the editor module (parser and checker) is loaded on first use. `E-EDITOR` when it
   *  cannot be loaded; classifying keeps working with the rulebook in use. */
  compile(source: RuleSource, opts?: EditorCallOptions): Promise<CompileResult>;
  /** What the rule editor needs after an edit, from one pass over the files (where `check`,
   *  `compile` and `runExamples` parse them once each): the diagnostics and, when there is no
   *  error, the examples' outcomes, and the rulebook made the active one (unless `use: false`).
   *  Async (the editor module). */
  edit(source: RuleSource, opts?: EditOptions): Promise<EditResult>;
  /** Back to the built-in rulebook. */
  reset(): void;
  /** Stops the editor (its worker) until a later editor call starts a fresh one; the rulebook in
   *  use stays. A call still waiting for the editor answers `E-CANCELLED`. */
  stopEditor(): void;
  /** Errors, warnings and failing examples; does not change the active rulebook. Async (the
   *  editor module). */
  check(source: RuleSource, opts?: EditorCallOptions): Promise<Diagnostic[]>;
  /** Every example of the active rulebook, run. Async (the editor module). */
  runExamples(opts?: EditorCallOptions): Promise<ExampleOutcome[]>;
  /** The form schema of the active rulebook. */
  questions(lang?: Lang): FactQuestion[];
  /** The case library of the active rulebook. */
  cases(): Case[];
  /** The rule list of the active rulebook. */
  rules(lang?: Lang): RuleInfo[];
  /**
   * The files of the built-in rulebook. Async: only the editor module carries their text (the
   * classify module reads its rulebook from a snapshot), so the first call loads it; `[]` when it
   * cannot be loaded (offline before the rule editor was ever opened).
   */
  builtinSources(opts?: EditorCallOptions): Promise<RuleFile[]>;
}
