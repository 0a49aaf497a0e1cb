//! The WebAssembly shell: JSON text in, JSON text out, no logic beyond converting it.
//! `www/netral.js` wraps these exports in the documented JS API and parses what they return.
//!
//! One encoding for every call: the JSON of the contract (`verdict.rs`), the same bytes the CLI
//! reads and writes, so an incident is validated once, here as there (`Incident::from_json`), and
//! the wrapper decodes every answer with `JSON.parse` alone.
//!
//! Nothing here throws into JavaScript for bad input: errors come back as diagnostics.
//! The active rulebook (built-in, or the last one `compile` accepted) lives in a thread-local.
//!
//! Two modules are built from this file, each with only the exports `www/netral.js` calls on it.
//! The classify module (no `editor` feature) answers incidents and describes its rulebook
//! (`classify`, `questions`, `rules`, `cases`); it reads a rulebook compiled elsewhere as snapshot
//! bytes, which carry their own strings (`useRulebook`). The editor module (`editor`) parses,
//! checks and compiles rule files, runs their examples, hands a compiled rulebook over as those
//! bytes (`snapshot`), and alone has the built-in rule files' text (`builtinSources`).

use crate::diagnostic::{Code, Diagnostic, Loc};
#[cfg(feature = "editor")]
use crate::diagnostic::{SourceFile, Sources};
#[cfg(not(feature = "editor"))]
use crate::verdict::{Incident, Lang};
use crate::Rulebook;
#[cfg(feature = "editor")]
use serde::Deserialize;
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The rulebook in use: `None` means the built-in one.
    static ACTIVE: RefCell<Option<Rulebook>> = const { RefCell::new(None) };
}

#[cfg(not(panic = "immediate-abort"))]
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

/// Page load: installs a panic hook so an engine bug is at least visible in the console. Not in a
/// module built with panic=immediate-abort (`make web` on nightly), where a panic is a trap that
/// never reaches a hook (www/netral.js logs it and rebuilds the instance).
#[cfg(not(panic = "immediate-abort"))]
#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| console_error(&format!("netral: internal error: {info}"))));
}

/// The verdict on an incident (its JSON), or `{"error": diagnostics}`.
#[cfg(not(feature = "editor"))]
#[wasm_bindgen]
pub fn classify(incident: &str) -> String {
    let incident = match Incident::from_json(incident) {
        Ok(i) => i,
        Err(d) => return error(d),
    };
    with_active(|book| match book.classify(&incident) {
        Ok(verdict) => to_json(&verdict),
        Err(diagnostics) => error(diagnostics),
    })
}

/// Rule editor (a valid rulebook is used at once): switches the active rulebook, or says why not.
/// `source` is the JSON of an array of `{name, text}` (the wrapper makes one string one file).
#[cfg(feature = "editor")]
#[wasm_bindgen]
pub fn compile(source: &str) -> String {
    let sources = match sources(source) {
        Ok(s) => s,
        Err(d) => return to_json(&Compiled { ok: false, diagnostics: d }),
    };
    match Rulebook::compile(&sources) {
        Ok(book) => {
            ACTIVE.with(|a| *a.borrow_mut() = Some(book));
            to_json(&Compiled { ok: true, diagnostics: vec![] })
        }
        Err(diagnostics) => to_json(&Compiled { ok: false, diagnostics }),
    }
}

/// "Use the built-in rules" (editor reset, `<netral-check>` without `rules=`): back to the default.
#[wasm_bindgen]
pub fn reset() {
    ACTIVE.with(|a| *a.borrow_mut() = None);
}

/// Rule editor (every keystroke): errors, warnings and failing examples, with line and column.
#[cfg(feature = "editor")]
#[wasm_bindgen]
pub fn check(source: &str) -> String {
    match sources(source) {
        Ok(s) => to_json(&crate::check::check(&s).1),
        Err(d) => to_json(&d),
    }
}

/// Rule editor (every keystroke): `check`, `compile` and `runExamples` in one pass over the
/// files. Answers `{ok, diagnostics, examples}`: every diagnostic, as `check`; `ok` when none is
/// an error (a failing example is one), and then the examples' outcomes, as `runExamples`, and
/// (when `use_it`) the rulebook is the active one, as after `compile`, so that `snapshot` hands
/// it over.
#[cfg(feature = "editor")]
#[wasm_bindgen]
pub fn edit(source: &str, use_it: bool) -> String {
    let sources = match sources(source) {
        Ok(s) => s,
        Err(d) => return to_json(&Edited { ok: false, diagnostics: d, examples: vec![] }),
    };
    let (book, diagnostics, mut examples) = crate::check::edit(&sources);
    // A failing example is an error too (`E-EXAMPLE`): such a rulebook is not used, as `check`
    // then `compile` would not use it.
    let ok = book.is_some() && !diagnostics.iter().any(Diagnostic::is_error);
    match book {
        Some(book) if ok && use_it => ACTIVE.with(|a| *a.borrow_mut() = Some(book)),
        _ if !ok => examples.clear(),
        _ => {}
    }
    to_json(&Edited { ok, diagnostics, examples })
}

/// Rule editor's example panel: every example of the active rulebook, run, with pass/fail.
#[cfg(feature = "editor")]
#[wasm_bindgen(js_name = runExamples)]
pub fn run_examples() -> String {
    with_active(|book| to_json(&crate::run_examples(book)))
}

/// The active rulebook as snapshot bytes: what the editor module hands to the classify module.
#[cfg(feature = "editor")]
#[wasm_bindgen]
pub fn snapshot() -> Vec<u8> {
    with_active(crate::snapshot::encode)
}

/// Makes the rulebook in `bytes` (a `snapshot` of the editor module) the active one; or says why
/// not, and the old one stays. A snapshot of another format version, or a damaged or truncated
/// one, is refused with `E-SNAPSHOT`.
#[cfg(not(feature = "editor"))]
#[wasm_bindgen(js_name = useRulebook)]
pub fn use_rulebook(bytes: &[u8]) -> String {
    match crate::snapshot::decode(bytes) {
        Ok(book) => {
            ACTIVE.with(|a| *a.borrow_mut() = Some(book));
            to_json(&Compiled { ok: true, diagnostics: vec![] })
        }
        Err(e) => {
            let why = match e {
                crate::snapshot::SnapshotError::NotASnapshot => "not a snapshot of this version of Netral",
                crate::snapshot::SnapshotError::Corrupt => "damaged or cut short",
            };
            let d =
                Diagnostic::new(Code::Snapshot, Loc::default(), format!("the compiled rulebook cannot be used: {why}"))
                    .with_hint("compile the rules again; the rules in use stay as they were");
            to_json(&Compiled { ok: false, diagnostics: vec![d] })
        }
    }
}

/// Self-check form: one question per open fact, in the page's language.
#[cfg(not(feature = "editor"))]
#[wasm_bindgen]
pub fn questions(lang: &str) -> String {
    with_active(|book| to_json(&book.questions(parse_lang(lang))))
}

/// Training tab: the case library (every example of every rule, with its expected verdict).
#[cfg(not(feature = "editor"))]
#[wasm_bindgen]
pub fn cases() -> String {
    with_active(|book| to_json(&book.cases()))
}

/// Rule list view: every rule with its bases, sanction, advice and examples.
#[cfg(not(feature = "editor"))]
#[wasm_bindgen]
pub fn rules(lang: &str) -> String {
    with_active(|book| to_json(&book.rules(parse_lang(lang))))
}

/// Rule editor's "show the built-in rules": the default rulebook's files as `[{name, text}]`.
/// Only the editor module has them (the classify module reads its rulebook from a snapshot).
#[cfg(feature = "editor")]
#[wasm_bindgen(js_name = builtinSources)]
pub fn builtin_sources() -> String {
    let files: Vec<FileIn> =
        crate::BUILTIN_FILES.iter().map(|(n, t)| FileIn { name: n.to_string(), text: t.to_string() }).collect();
    to_json(&files)
}

#[derive(Serialize)]
struct Compiled {
    ok: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    diagnostics: Vec<Diagnostic>,
}

#[cfg(feature = "editor")]
#[derive(Serialize)]
struct Edited {
    ok: bool,
    diagnostics: Vec<Diagnostic>,
    examples: Vec<crate::ExampleOutcome>,
}

#[derive(Serialize)]
struct ErrorOut {
    error: Vec<Diagnostic>,
}

#[cfg(feature = "editor")]
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileIn {
    #[serde(default)]
    name: String,
    text: String,
}

fn with_active<R>(f: impl FnOnce(&Rulebook) -> R) -> R {
    ACTIVE.with(|a| match &*a.borrow() {
        Some(book) => f(book),
        None => f(Rulebook::builtin()),
    })
}

#[cfg(feature = "editor")]
fn sources(json: &str) -> Result<Sources, Vec<Diagnostic>> {
    let files = serde_json::from_str::<Vec<FileIn>>(json)
        .map_err(|e| vec![input_error(format!("expected an array of {{name, text}}: {e}"))])?;
    Ok(Sources::new(files.into_iter().enumerate().map(|(i, f)| SourceFile {
        name: if f.name.is_empty() { format!("file{}.rules", i + 1) } else { f.name },
        text: f.text,
    })))
}

fn input_error(message: String) -> Diagnostic {
    Diagnostic::new(Code::Input, Loc::default(), message)
}

#[cfg(not(feature = "editor"))]
fn parse_lang(lang: &str) -> Lang {
    if lang.eq_ignore_ascii_case("en") {
        Lang::En
    } else {
        Lang::Id
    }
}

#[cfg(not(feature = "editor"))]
fn error(diagnostics: Vec<Diagnostic>) -> String {
    to_json(&ErrorOut { error: diagnostics })
}

/// Everything the shell returns is data it built itself, so serialising cannot fail; a failure
/// would still come back as a diagnostic rather than a trap.
fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| error_text(&e.to_string()))
}

fn error_text(message: &str) -> String {
    let d = input_error(format!("netral: cannot serialise: {message}"));
    serde_json::to_string(&ErrorOut { error: vec![d] }).unwrap_or_default()
}
