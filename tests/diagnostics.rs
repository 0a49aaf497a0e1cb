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
//! checked together with tests/fixtures/prelude.rules (declarations they may use), unless their
//! file's preamble says `(read without the prelude)`.
//! Run with `NETRAL_BLESS=1` to rewrite the annotations from the current output (then review
//! the diff: that is the point).

use netral::code::{Code, Place};
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
        // A file may say that its cases need a rulebook of their own.
        let with_prelude = with_prelude && !preamble.contains("(read without the prelude)");
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

/// The codes annotated in each case of the rule-file fixtures, by case.
fn annotated_cases() -> Vec<(String, Vec<String>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![];
    for dir in ["tests/syntax", "tests/check"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = e.unwrap().path();
            if path.extension().is_some_and(|e| e == "rules") {
                let (_, cases) = split_cases(&std::fs::read_to_string(&path).unwrap());
                for c in cases {
                    let codes = c.annotations.iter().filter_map(|a| annotated_code(a)).collect();
                    out.push((format!("{} / {}", path.display(), c.name), codes));
                }
            }
        }
    }
    out
}

/// `# error[E-PARSE] …` → `E-PARSE`.
fn annotated_code(line: &str) -> Option<String> {
    let rest = line.strip_prefix("# error[").or_else(|| line.strip_prefix("# warning["))?;
    Some(rest.split_once(']')?.0.to_string())
}

/// Every code has a fixture: a rule-file code a case that triggers exactly it (and nothing
/// else), an incident code an annotated incident, a command-line or page code a test that
/// names it.
#[test]
fn every_code_has_a_fixture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cases = annotated_cases();
    let (_, incidents) = split_cases(&std::fs::read_to_string(root.join(INCIDENTS)).unwrap());
    let incident_codes: Vec<String> =
        incidents.iter().flat_map(|c| c.annotations.iter().filter_map(|a| annotated_code(a))).collect();
    let cli = std::fs::read_to_string(root.join("tests/cli.rs")).unwrap();
    // The JavaScript API's codes: triggered by the node and browser tests of tests/browser/.
    let page: String = std::fs::read_dir(root.join("tests/browser"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut missing = vec![];
    for &code in Code::ALL {
        let c = code.as_str();
        let found = match code.place() {
            Place::RuleFile => cases.iter().any(|(_, codes)| !codes.is_empty() && codes.iter().all(|x| x == c)),
            Place::Incident => incident_codes.iter().any(|x| x == c),
            Place::Cli => cli.contains(c),
            Place::Page => page.contains(&format!("'{c}'")) || page.contains(&format!("/{c}/")),
        };
        if !found {
            missing.push(format!("{c} ({:?})", code.place()));
        }
    }
    assert!(missing.is_empty(), "codes without a fixture: {missing:?}");
}

/// docs/diagnostics.md has a row for every code, and for no code that does not exist.
#[test]
fn every_code_is_documented() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("docs/diagnostics.md")).unwrap();
    let rows: Vec<&str> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split_once('`').map(|(c, _)| c))
        .filter(|c| c.starts_with("E-") || c.starts_with("W-"))
        .collect();
    let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    let undocumented: Vec<&&str> = codes.iter().filter(|c| !rows.contains(c)).collect();
    let unknown: Vec<&&str> = rows.iter().filter(|r| !codes.contains(r)).collect();
    assert!(undocumented.is_empty(), "codes without a row in docs/diagnostics.md: {undocumented:?}");
    assert!(unknown.is_empty(), "docs/diagnostics.md documents codes that do not exist: {unknown:?}");
}

/// The annotated incidents: each case's body is an Incident's JSON, classified by the rulebook
/// of tests/fixtures/prelude.rules and tests/inputs/ask.rules; its annotations are the errors
/// (`# error[CODE] message`, then the hint).
const INCIDENTS: &str = "tests/inputs/incidents.txt";

#[test]
fn incident_fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join(INCIDENTS);
    let (preamble, cases) = split_cases(&std::fs::read_to_string(&path).unwrap());
    let bless = std::env::var_os("NETRAL_BLESS").is_some();
    let (mut blessed, mut failures) = (preamble, String::new());
    let read = |p: &str| SourceFile { name: p.into(), text: std::fs::read_to_string(root.join(p)).unwrap() };
    let sources = Sources::new([read("tests/fixtures/prelude.rules"), read("tests/inputs/ask.rules")]);
    let book = netral::check::compile(&sources).0.expect("the incident fixtures' rulebook compiles");
    for case in &cases {
        let diags = match netral::Incident::from_json(case.body.trim()) {
            Ok(inc) => book.classify(&inc).err().unwrap_or_default(),
            Err(e) => e,
        };
        let mut got = vec![];
        for d in &diags {
            got.push(format!("# error[{}] {}", d.code, d.message));
            if let Some(h) = &d.hint {
                got.push(format!("# hint: {h}"));
            }
        }
        if got != case.annotations {
            writeln!(
                failures,
                "{}:\n  expected:\n    {}\n  got:\n    {}",
                case.name,
                case.annotations.join("\n    "),
                got.join("\n    ")
            )
            .unwrap();
        }
        writeln!(blessed, "--- {} ---", case.name).unwrap();
        got.iter().for_each(|a| writeln!(blessed, "{a}").unwrap());
        blessed.push_str(&case.body);
    }
    if bless {
        std::fs::write(&path, blessed).unwrap();
    }
    assert!(!cases.is_empty(), "no incident fixtures");
    assert!(failures.is_empty() || bless, "{failures}");
}
