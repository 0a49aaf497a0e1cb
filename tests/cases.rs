//! Real reported incidents (tests/cases/dev.jsonl, copied from the shared case file), read from
//! their text alone. Prints accuracy and every miss; fails below the floor, and on any
//! violation answered `allowed` (a false "allowed" harms the person who trusted it).
//!
//! Also the red-team incidents (tests/cases/redteam.jsonl): invented paraphrases, slang, typos,
//! other subjects, acts and platforms, with verdicts derived from the legal digest. They have a
//! floor of their own, and none of their violations may be answered `allowed` either.

use netral::{Incident, Rulebook, VerdictKind};
use serde::Deserialize;

/// Raise this as the rulebook and the text stage improve; never lower it.
const ACCURACY_FLOOR: f64 = 0.99;
/// The same for the red-team incidents (set just below what the rulebook reaches).
const REDTEAM_ACCURACY_FLOOR: f64 = 0.99;

#[derive(Deserialize)]
struct Case {
    id: String,
    text: String,
    expected: Expected,
}

#[derive(Deserialize)]
struct Expected {
    verdict: VerdictKind,
    #[serde(default)]
    basis: Vec<String>,
}

#[test]
fn dev_cases_from_text_alone() {
    let (accuracy, unsafe_allowed) = measure("dev", "/tests/cases/dev.jsonl");
    assert!(unsafe_allowed.is_empty(), "violations answered `allowed`: {unsafe_allowed:?}");
    assert!(
        accuracy >= ACCURACY_FLOOR,
        "accuracy {:.1} % is below the floor {:.1} %",
        accuracy * 100.0,
        ACCURACY_FLOOR * 100.0
    );
}

#[test]
fn redteam_cases_from_text_alone() {
    let (accuracy, unsafe_allowed) = measure("red-team", "/tests/cases/redteam.jsonl");
    assert!(unsafe_allowed.is_empty(), "violations answered `allowed`: {unsafe_allowed:?}");
    assert!(
        accuracy >= REDTEAM_ACCURACY_FLOOR,
        "accuracy {:.1} % is below the floor {:.1} %",
        accuracy * 100.0,
        REDTEAM_ACCURACY_FLOOR * 100.0
    );
}

/// The blind batches (tests/cases/blind/): written from the legal digest alone and scored
/// before anything was changed for them (docs/understanding.md has each first pass). Once fixed
/// for, they are a ratchet: the accuracy may not fall below, nor the violations answered
/// `allowed` rise above, what the rulebook reaches now. Tighten these as the rulebook improves.
const BLIND: &[(&str, f64, usize)] = &[
    ("/tests/cases/blind/2026-12-07-a.jsonl", 0.843, 0),
    ("/tests/cases/blind/2026-12-07-b.jsonl", 0.545, 1),
    ("/tests/cases/blind/2026-12-07-c.jsonl", 0.794, 0),
    ("/tests/cases/blind/2026-12-07-d.jsonl", 0.835, 0),
    ("/tests/cases/blind/2026-12-07-e.jsonl", 0.762, 0),
    ("/tests/cases/blind/2026-12-07-f.jsonl", 0.750, 0),
    ("/tests/cases/blind/2026-12-07-g.jsonl", 0.563, 1),
    ("/tests/cases/blind/2026-12-07-h.jsonl", 0.654, 0),
    ("/tests/cases/blind/2026-12-07-i.jsonl", 0.645, 2),
    ("/tests/cases/blind/2026-12-08-j.jsonl", 0.618, 0),
    ("/tests/cases/blind/2026-12-08-k.jsonl", 0.527, 2),
];

#[test]
fn blind_batches_do_not_regress() {
    for &(file, floor, max_unsafe) in BLIND {
        let (accuracy, unsafe_allowed) = measure("blind", file);
        assert!(unsafe_allowed.len() <= max_unsafe, "{file}: violations answered `allowed`: {unsafe_allowed:?}");
        assert!(
            accuracy >= floor,
            "{file}: accuracy {:.1} % is below the floor {:.1} %",
            accuracy * 100.0,
            floor * 100.0
        );
    }
}

/// Classifies every case of `file` from its text alone, prints the accuracy and every miss, and
/// returns the accuracy and the ids of violations answered `allowed`.
fn measure(name: &str, file: &str) -> (f64, Vec<String>) {
    let book = Rulebook::builtin();
    let text = std::fs::read_to_string(format!("{}{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let cases: Vec<Case> =
        text.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect();
    let (mut right, mut unsafe_allowed, mut basis_ok, mut violations, mut with_basis) = (0, vec![], 0, 0, 0);
    let mut misses = vec![];
    for c in &cases {
        let inc = Incident { text: c.text.clone(), ..Default::default() };
        let v = book.classify(&inc).expect("text-only incidents are valid");
        // Every fact read from the text shows the words that gave it.
        for m in &v.matched {
            for e in &m.evidence {
                let utf16: Vec<u16> = c.text.encode_utf16().collect();
                let slice = String::from_utf16_lossy(&utf16[e.start as usize..e.end as usize]);
                assert_eq!(slice, e.text, "{}: evidence offsets must slice the text", c.id);
            }
        }
        if v.verdict == c.expected.verdict {
            right += 1;
        } else {
            misses.push(format!("{}: expected {}, got {}", c.id, c.expected.verdict.as_str(), v.verdict.as_str()));
        }
        if c.expected.verdict == VerdictKind::Violation {
            violations += 1;
            if v.verdict == VerdictKind::Allowed {
                unsafe_allowed.push(c.id.clone());
            }
            let cited: Vec<&String> = v.matched.iter().flat_map(|m| m.basis.iter()).collect();
            if !c.expected.basis.is_empty() {
                with_basis += 1;
            }
            if v.verdict == VerdictKind::Violation
                && c.expected.basis.iter().any(|b| cited.iter().any(|x| x.starts_with(b.as_str())))
            {
                basis_ok += 1;
            }
        }
    }
    let accuracy = right as f64 / cases.len() as f64;
    print!("{name} cases: {right}/{} verdicts right ({:.1} %)", cases.len(), accuracy * 100.0);
    if with_basis > 0 {
        print!("; expected basis cited in {basis_ok}/{violations} violations");
    }
    println!();
    for m in &misses {
        println!("  miss {m}");
    }
    (accuracy, unsafe_allowed)
}
