//! Checking and compiling: rule files → `Rulebook` plus diagnostics. `compile` stops at errors
//! (what classification needs, fast); `check` adds the warnings and runs every example (what a
//! legal officer needs while editing).

mod duplicates;
mod graph;
mod lint;
mod resolve;

use crate::diagnostic::{Code, Diagnostic, Sources};
use crate::rulebook::Rulebook;
use crate::syntax;

/// Parses and resolves every file. The rulebook is returned only when there is no error;
/// diagnostics are located (file, line, column).
pub fn compile(sources: &Sources) -> (Option<Rulebook>, Vec<Diagnostic>) {
    let (book, _, diags) = compile_with_usage(sources);
    (book, diags)
}

fn compile_with_usage(sources: &Sources) -> (Option<Rulebook>, resolve::Usage, Vec<Diagnostic>) {
    let mut items = vec![];
    let mut diags = vec![];
    // The parser's warnings (W-MIXED-AND-OR) are the linter's: `check` reports them, `compile`
    // does not.
    let mut parse_warnings = vec![];
    for (i, f) in sources.files().enumerate() {
        let (it, d) = syntax::parse(i as u32, &f.text);
        items.extend(it);
        for x in d {
            if x.is_error() {
                diags.push(x)
            } else {
                parse_warnings.push(x)
            }
        }
    }
    let (book, mut usage, d) = resolve::resolve(&items);
    diags.extend(d);
    usage.warnings.extend(parse_warnings);
    // A rulebook without a rule would call every act allowed: an emptied editor, `compile("")`
    // from JavaScript, a folder of other files.
    if book.as_ref().is_some_and(|b| b.rules.is_empty()) && !diags.iter().any(Diagnostic::is_error) {
        let msg = "these files declare no rule: a rulebook without rules would call every act allowed";
        diags.push(
            Diagnostic::new(Code::NoRules, crate::diagnostic::Loc::default(), msg.to_string())
                .with_hint("add a `rule`, or use the built-in rules"),
        );
    }
    let book = if diags.iter().any(Diagnostic::is_error) { None } else { book };
    // The evaluation plan (phrase index, gates) is part of compiling: built here, not on the
    // first incident.
    if let Some(b) = &book {
        b.plan();
    }
    (book, usage, locate(sources, diags))
}

/// Every diagnostic: errors, then (when the rulebook compiles) warnings and failing examples.
pub fn check(sources: &Sources) -> (Option<Rulebook>, Vec<Diagnostic>) {
    let (book, diags, _) = edit(sources);
    (book, diags)
}

/// What the rule editor needs after an edit, from one parse of the files: every diagnostic (as
/// `check`) and, when there is no error, the rulebook and the outcome of each of its examples
/// (as `run_examples`; the failing ones are also among the diagnostics). Each example is run
/// once: its outcome serves both.
pub fn edit(sources: &Sources) -> (Option<Rulebook>, Vec<Diagnostic>, Vec<ExampleOutcome>) {
    let (book, usage, mut diags) = compile_with_usage(sources);
    let mut outcomes = vec![];
    if let Some(b) = &book {
        let mut more = lint::lint(b, &usage);
        more.extend(usage.warnings.iter().cloned());
        outcomes = run_examples(b);
        more.extend(lint::failing_examples(&outcomes));
        diags.extend(locate(sources, more));
    }
    (book, diags, outcomes)
}

fn locate(sources: &Sources, diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut out = sources.locate_all(diags);
    out.sort_by_key(|a| (a.loc.file, a.loc.start, a.code.as_str()));
    out.dedup_by(|a, b| a.loc == b.loc && a.code == b.code && a.message == b.message);
    out
}

pub use lint::{run_examples, ExampleOutcome};
