//! Annotated rule-file fixtures: every case in tests/syntax/*.rules and tests/check/*.rules
//! lists, in comments at its top, the diagnostics a legal officer must see:
//!
//! ```text
//! --- unknown-subject ---
//! # error[E-UNKNOWN-NAME] 3:14-3:17 unknown value of `Subject` `ppk`
//! # hint: did you mean `pppk`?
//! rule r "…" { … }
//! ```
//!
//! Positions count from the first line after the annotations. Cases in tests/check/ are
//! checked together with tests/fixtures/prelude.rules (declarations they may use).
//! Run with `NETRAL_BLESS=1` to rewrite the annotations from the current output (then review
//! the diff: that is the point).

use netral::{check::check, Diagnostic, SourceFile, Sources};
use std::fmt::Write;
use std::path::Path;

struct Case {
    name: String,
    annotations: Vec<String>,
    body: String,
}

/// The file's preamble (before the first case) and its cases.
fn split_cases(text: &str) -> (String, Vec<Case>) {
    let mut preamble = String::new();
    let mut cases: Vec<Case> = vec![];
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("--- ").and_then(|l| l.strip_suffix(" ---")) {
            cases.push(Case { name: name.to_string(), annotations: vec![], body: String::new() });
            continue;
        }
        let Some(case) = cases.last_mut() else {
            preamble.push_str(line);
            preamble.push('\n');
            continue;
        };
        let is_annotation = case.body.is_empty()
            && (line.starts_with("# error[") || line.starts_with("# warning[") || line.starts_with("# hint:"));
        if is_annotation {
            case.annotations.push(line.to_string());
        } else {
            case.body.push_str(line);
            case.body.push('\n');
        }
    }
    (preamble, cases)
}

fn render(diags: &[Diagnostic]) -> Vec<String> {
    let mut out = vec![];
    for d in diags {
        let sev = if d.is_error() { "error" } else { "warning" };
        out.push(format!("# {sev}[{}] {}:{}-{}:{} {}", d.code, d.line, d.column, d.end_line, d.end_column, d.message));
        if let Some(h) = &d.hint {
            out.push(format!("# hint: {h}"));
        }
    }
    out
}

fn run_dir(dir: &str, with_prelude: bool) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let prelude = std::fs::read_to_string(root.join("tests/fixtures/prelude.rules")).unwrap();
    let bless = std::env::var_os("NETRAL_BLESS").is_some();
    let mut failures = String::new();
    let mut count = 0;
    let mut entries: Vec<_> = std::fs::read_dir(root.join(dir)).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries.into_iter().filter(|p| p.extension().is_some_and(|e| e == "rules")) {
        let text = std::fs::read_to_string(&path).unwrap();
        let (preamble, cases) = split_cases(&text);
        let mut blessed = preamble;
        for case in cases {
            count += 1;
            let mut files = vec![];
            if with_prelude {
                files.push(SourceFile { name: "prelude.rules".into(), text: prelude.clone() });
            }
            files.push(SourceFile { name: format!("{}.rules", case.name), text: case.body.clone() });
            let (_, diags) = check(&Sources::new(files));
            let own: Vec<Diagnostic> = diags.into_iter().filter(|d| d.file == format!("{}.rules", case.name)).collect();
            let got = render(&own);
            if got != case.annotations {
                writeln!(
                    failures,
                    "{} / {}:\n  expected:\n    {}\n  got:\n    {}",
                    path.display(),
                    case.name,
                    case.annotations.join("\n    "),
                    got.join("\n    ")
                )
                .unwrap();
            }
            writeln!(blessed, "--- {} ---", case.name).unwrap();
            for a in &got {
                writeln!(blessed, "{a}").unwrap();
            }
            blessed.push_str(&case.body);
        }
        if bless {
            std::fs::write(&path, blessed).unwrap();
        }
    }
    assert!(count > 0, "no fixture cases in {dir}");
    assert!(failures.is_empty() || bless, "{failures}");
}

#[test]
fn syntax_fixtures() {
    run_dir("tests/syntax", false);
}

#[test]
fn check_fixtures() {
    run_dir("tests/check", true);
}
