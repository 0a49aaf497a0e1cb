//! The WebAssembly shell: plain JS objects in and out (serde-wasm-bindgen), no logic beyond
//! converting types. `www/netral.js` wraps these exports in the documented JS API.
//!
//! Nothing here throws into JavaScript for bad input: errors come back as diagnostics.
//! The active rulebook (built-in, or the last one `compile` accepted) lives in a thread-local.

use crate::diagnostic::{Diagnostic, Loc, SourceFile, Sources};
use crate::verdict::{Incident, Lang};
use crate::{check, Rulebook};
use serde::{Deserialize, Serialize};
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;

thread_local! {
    /// The rulebook in use: `None` means the built-in one.
    static ACTIVE: RefCell<Option<Rulebook>> = const { RefCell::new(None) };
    /// Changes whenever the active rulebook does (lean answers carry it; the wrapper's tables too).
    static GENERATION: Cell<u32> = const { Cell::new(0) };
    /// The buffer lean answers are written to (reused; the wrapper reads it through `leanHead`).
    static LEAN_OUT: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
    /// The facts of the next lean call, written in place by the wrapper (`leanInput`).
    static LEAN_IN: RefCell<Vec<f64>> = const { RefCell::new(Vec::new()) };
    /// The text of the next lean call as UTF-8, written in place by the wrapper (`leanText`).
    static LEAN_TEXT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// Where the last lean answer is: `[byte offset, word count]` (read by the wrapper in memory).
    static LEAN_HEAD: [Cell<u32>; 2] = const { [Cell::new(0), Cell::new(0)] };
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

/// Page load: installs a panic hook so an engine bug is at least visible in the console.
#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| console_error(&format!("netral: internal error: {info}"))));
}

/// The verdict on an incident object, or `{error: diagnostics}`: the full path, used by the wrapper
/// for the diagnostics of input the lean path (`classify`) does not take.
#[wasm_bindgen(js_name = classifyFull)]
pub fn classify_full(incident: JsValue) -> JsValue {
    let incident: Incident = match serde_wasm_bindgen::from_value(incident) {
        Ok(i) => i,
        Err(e) => return error(vec![input_error(format!("invalid incident: {e}"))]),
    };
    with_active(|book| match book.classify(&incident) {
        Ok(verdict) => to_js(&verdict),
        Err(diagnostics) => error(diagnostics),
    })
}

/// Rule editor (a valid rulebook is used at once): switches the active rulebook, or returns why not.
#[wasm_bindgen]
pub fn compile(source: JsValue) -> JsValue {
    let sources = match sources(source) {
        Ok(s) => s,
        Err(d) => return to_js(&Compiled { ok: false, diagnostics: d }),
    };
    match Rulebook::compile(&sources) {
        Ok(book) => {
            ACTIVE.with(|a| *a.borrow_mut() = Some(book));
            bump_generation();
            to_js(&Compiled { ok: true, diagnostics: vec![] })
        }
        Err(diagnostics) => to_js(&Compiled { ok: false, diagnostics }),
    }
}

/// "Use the built-in rules" (editor reset, `<netral-check>` without `rules=`): back to the default.
#[wasm_bindgen]
pub fn reset() {
    ACTIVE.with(|a| *a.borrow_mut() = None);
    bump_generation();
}

fn bump_generation() {
    GENERATION.with(|g| g.set(g.get().wrapping_add(1)));
}

/// Self-check (every keystroke, every answer), the lean path (see src/lean.rs), with no
/// allocation across the boundary: the first `text_len` bytes of the text buffer (`leanText`) as
/// the text, the first `n_facts` numbers of the input buffer (`leanInput`) as `(index, a, b)` fact
/// triples. Writes the answer words to a reused buffer and returns their count; where the words
/// are (valid until the next call) is at `leanHead()`: `[byte offset, count]`. `[LEAN_ERROR]`
/// means: call `classifyFull` for the diagnostics.
#[wasm_bindgen(js_name = classify)]
pub fn classify_lean(text_len: u32, n_facts: u32) -> u32 {
    let generation = GENERATION.with(Cell::get);
    LEAN_TEXT.with(|tb| {
        let bytes = tb.borrow();
        let text = bytes.get(..text_len as usize).and_then(|b| std::str::from_utf8(b).ok());
        LEAN_IN.with(|i| {
            let input = i.borrow();
            let facts = &input[..(n_facts as usize).min(input.len())];
            LEAN_OUT.with(|o| {
                let mut out = o.borrow_mut();
                match text {
                    Some(text) => with_active(|book| crate::lean::classify(book, text, facts, generation, &mut out)),
                    None => {
                        out.clear();
                        out.push(crate::lean::LEAN_ERROR);
                    }
                }
                LEAN_HEAD.with(|h| {
                    h[0].set(out.as_ptr() as u32);
                    h[1].set(out.len() as u32);
                });
                out.len() as u32
            })
        })
    })
}

/// Room for `len` fact numbers for the next `classify`, as a byte offset in wasm memory (valid
/// until the next `leanInput`; the wrapper asks once per rulebook, for three per fact).
#[wasm_bindgen(js_name = leanInput)]
pub fn lean_input(len: u32) -> u32 {
    LEAN_IN.with(|i| {
        let mut input = i.borrow_mut();
        input.resize(len as usize, 0.0);
        input.as_ptr() as u32
    })
}

/// Room for `len` bytes of text for the next `classify`, as a byte offset in wasm memory (valid
/// until the next `leanText`; the wrapper asks when a text may not fit).
#[wasm_bindgen(js_name = leanText)]
pub fn lean_text(len: u32) -> u32 {
    LEAN_TEXT.with(|t| {
        let mut text = t.borrow_mut();
        text.resize(len as usize, 0);
        text.as_ptr() as u32
    })
}

/// Where `[byte offset, word count]` of the last lean answer are, as a byte offset (fixed).
#[wasm_bindgen(js_name = leanHead)]
pub fn lean_head() -> u32 {
    LEAN_HEAD.with(|h| h.as_ptr() as u32)
}

/// The tables that expand lean answers of the active rulebook into `Verdict` objects, in `lang`.
#[wasm_bindgen(js_name = leanTables)]
pub fn lean_tables(lang: &str) -> JsValue {
    let generation = GENERATION.with(Cell::get);
    with_active(|book| to_js(&crate::lean::tables(book, parse_lang(lang), generation)))
}

/// The memory lean answers are read from.
#[wasm_bindgen(js_name = leanMemory)]
pub fn lean_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// Rule editor (every keystroke): errors, warnings and failing examples, with line and column.
#[wasm_bindgen]
pub fn check(source: JsValue) -> JsValue {
    match sources(source) {
        Ok(s) => to_js(&check::check(&s).1),
        Err(d) => to_js(&d),
    }
}

/// Rule editor's example panel: every example of the active rulebook, run, with pass/fail.
#[wasm_bindgen(js_name = runExamples)]
pub fn run_examples() -> JsValue {
    with_active(|book| to_js(&crate::run_examples(book)))
}

/// Self-check form: one question per open fact, in the page's language.
#[wasm_bindgen]
pub fn questions(lang: &str) -> JsValue {
    with_active(|book| to_js(&book.questions(parse_lang(lang))))
}

/// Training tab: the case library (every example of every rule, with its expected verdict).
#[wasm_bindgen]
pub fn cases() -> JsValue {
    with_active(|book| to_js(&book.cases()))
}

/// Rule list view: every rule with its bases, sanction, advice and examples.
#[wasm_bindgen]
pub fn rules(lang: &str) -> JsValue {
    with_active(|book| to_js(&book.rules(parse_lang(lang))))
}

/// Rule editor's "show the built-in rules": the default rulebook's files as `[{name, text}]`.
#[wasm_bindgen(js_name = builtinSources)]
pub fn builtin_sources() -> JsValue {
    let files: Vec<FileIn> = crate::BUILTIN_FILES.iter().map(|(n, t)| FileIn { name: n.to_string(), text: t.to_string() }).collect();
    to_js(&files)
}

#[derive(Serialize)]
struct Compiled {
    ok: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    diagnostics: Vec<Diagnostic>,
}

#[derive(Serialize)]
struct ErrorOut {
    error: Vec<Diagnostic>,
}

#[derive(Serialize, Deserialize)]
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

/// A rule source: one string (one file named `rules.rules`) or an array of `{name, text}`.
fn sources(source: JsValue) -> Result<Sources, Vec<Diagnostic>> {
    if let Some(text) = source.as_string() {
        return Ok(Sources::single("rules.rules", &text));
    }
    let files: Vec<FileIn> = serde_wasm_bindgen::from_value(source)
        .map_err(|e| vec![input_error(format!("expected a string or an array of {{name, text}}: {e}"))])?;
    Ok(Sources::new(files.into_iter().enumerate().map(|(i, f)| SourceFile {
        name: if f.name.is_empty() { format!("file{}.rules", i + 1) } else { f.name },
        text: f.text,
    })))
}

fn input_error(message: String) -> Diagnostic {
    Diagnostic::error("E-INPUT", Loc::default(), message)
}

fn parse_lang(lang: &str) -> Lang {
    if lang.eq_ignore_ascii_case("en") { Lang::En } else { Lang::Id }
}

fn error(diagnostics: Vec<Diagnostic>) -> JsValue {
    to_js(&ErrorOut { error: diagnostics })
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).unwrap_or_else(|e| JsValue::from_str(&format!("netral: cannot serialise: {e}")))
}
