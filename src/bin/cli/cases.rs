//! `netral test` and `netral diff`: examples and JSONL case files run against a rulebook.

use super::read::{Line, Lines, MAX_LINE_BYTES};
use super::{load_rulebook, stdout, Stop};
use netral::{run_examples, FactInput, Incident, RuleKind, Rulebook, VerdictKind};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// One line of a case file.
#[derive(Deserialize)]
pub struct Case {
    #[serde(default)]
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub facts: BTreeMap<String, FactInput>,
    pub expected: Expected,
}

#[derive(Deserialize)]
pub struct Expected {
    pub verdict: VerdictKind,
}

/// The cases of a JSONL file, blank lines skipped; each line read within `MAX_LINE_BYTES`.
pub fn read_cases(path: &Path) -> Result<Vec<Case>, String> {
    let cannot = |e: std::io::Error| format!("cannot read {}: {e}", path.display());
    let mut lines = Lines::new(std::io::BufReader::new(std::fs::File::open(path).map_err(cannot)?), MAX_LINE_BYTES);
    let mut cases = vec![];
    while let Some((n, line)) = lines.next_line().map_err(cannot)? {
        match line {
            Line::TooLong => {
                return Err(format!("{}:{n}: the line is longer than {MAX_LINE_BYTES} bytes", path.display()))
            }
            Line::Read(bytes) if bytes.trim_ascii().is_empty() => {}
            Line::Read(bytes) => cases
                .push(serde_json::from_slice(bytes).map_err(|e| format!("{}:{n}: not a case: {e}", path.display()))?),
        }
    }
    Ok(cases)
}

fn incident(c: &Case, text_only: bool) -> Incident {
    Incident {
        text: c.text.clone(),
        facts: if text_only { BTreeMap::new() } else { c.facts.clone() },
        ..Default::default()
    }
}

pub fn test(files: &[PathBuf], cases: Option<&Path>, text_only: bool, coverage: bool) -> Result<ExitCode, Stop> {
    let book = load_rulebook(files)?;
    let out = &mut stdout();
    let (mut passed, mut failed) = (0usize, 0usize);
    let outcomes = run_examples(&book);
    for o in &outcomes {
        if o.ok {
            passed += 1;
        } else {
            failed += 1;
            say!(out, "FAIL example in {}: \"{}\"", o.rule, o.text)?;
            say!(out, "     {}", o.message)?;
        }
    }
    if let Some(path) = cases {
        let mut unsafe_allowed = 0;
        for c in read_cases(path)? {
            match book.classify(&incident(&c, text_only)) {
                Ok(v) if v.verdict == c.expected.verdict => passed += 1,
                Ok(v) => {
                    failed += 1;
                    if c.expected.verdict == VerdictKind::Violation && v.verdict == VerdictKind::Allowed {
                        unsafe_allowed += 1;
                    }
                    say!(
                        out,
                        "FAIL case {}: expected {}, got {}",
                        c.id,
                        c.expected.verdict.as_str(),
                        v.verdict.as_str()
                    )?;
                }
                Err(d) => {
                    failed += 1;
                    say!(
                        out,
                        "FAIL case {}: {}",
                        c.id,
                        d.iter().map(|d| d.message.clone()).collect::<Vec<_>>().join("; ")
                    )?;
                }
            }
        }
        if unsafe_allowed > 0 {
            say!(out, "{unsafe_allowed} violation(s) answered `allowed`")?;
        }
    }
    if coverage {
        print_coverage(out, &book, &outcomes)?;
    }
    say!(out, "{passed} passed, {failed} failed")?;
    out.flush()?;
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// Rules that no passing example shows matching.
fn print_coverage(out: &mut impl Write, book: &Rulebook, outcomes: &[netral::ExampleOutcome]) -> io::Result<()> {
    let covered: Vec<&str> = outcomes.iter().filter(|o| o.ok).filter_map(|o| o.must_match.as_deref()).collect();
    let rules = book.rules(netral::Lang::Id);
    let missing: Vec<&str> = rules.iter().map(|r| r.id.as_str()).filter(|id| !covered.contains(id)).collect();
    let prohibitions = rules.iter().filter(|r| r.kind == RuleKind::Prohibition).count();
    say!(
        out,
        "coverage: {} of {} rules ({} prohibitions) are met by a passing example",
        rules.len() - missing.len(),
        rules.len(),
        prohibitions
    )?;
    for m in missing {
        say!(out, "  not covered: {m}")?;
    }
    Ok(())
}

pub fn diff(old: &Path, new: &Path, cases: &Path) -> Result<ExitCode, Stop> {
    let a = load_rulebook(&[old.to_path_buf()])?;
    let b = load_rulebook(&[new.to_path_buf()])?;
    let out = &mut stdout();
    let mut changed = 0;
    let cases = read_cases(cases)?;
    for c in &cases {
        let inc = incident(c, false);
        let (va, vb) = match (a.classify(&inc), b.classify(&inc)) {
            (Ok(x), Ok(y)) => (x, y),
            _ => {
                say!(out, "{}: cannot be classified by one of the rulebooks (unknown fact or value)", c.id)?;
                changed += 1;
                continue;
            }
        };
        let ids = |v: &netral::Verdict| v.matched.iter().map(|m| m.rule.to_string()).collect::<Vec<String>>();
        let (ra, rb) = (ids(&va), ids(&vb));
        if va.verdict != vb.verdict || ra != rb {
            changed += 1;
            say!(out, "{}: {} → {}", c.id, va.verdict.as_str(), vb.verdict.as_str())?;
            let gone: Vec<&str> = ra.iter().filter(|r| !rb.contains(r)).map(String::as_str).collect();
            let came: Vec<&str> = rb.iter().filter(|r| !ra.contains(r)).map(String::as_str).collect();
            if !gone.is_empty() {
                say!(out, "    no longer matched: {}", gone.join(", "))?;
            }
            if !came.is_empty() {
                say!(out, "    newly matched: {}", came.join(", "))?;
            }
            if let Some(q) = vb.question.as_ref().filter(|_| vb.verdict == VerdictKind::NeedsMoreInfo) {
                say!(out, "    now waits on: {}", q.fact)?;
            }
        }
    }
    say!(out, "{changed} of {} cases changed", cases.len())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
