//! Hostile input: what once hung, crashed or fooled Netral, each with its repro (files in
//! tests/hostile/, or generated here when large).

use netral::eval::MAX_EVIDENCE;
use netral::{Incident, Rulebook, VerdictKind};
use std::collections::HashMap;

/// An act is never lost to the evidence cap: 64 lines "Ada kampanye." before the act pushed its
/// "kampanye" past the 256 occurrences a concept kept (counted once per phrase that matched
/// it, before repeats were removed), and the verdict turned `allowed`. Only the evidence shown
/// is cut, to `MAX_EVIDENCE` spans per fact.
#[test]
fn an_act_is_never_lost_to_the_occurrence_cap() {
    let book = Rulebook::builtin();
    let act = "Saya PNS, saya like postingan kampanye caleg di Facebook";
    for lines in [63, 64, 300, 5_000] {
        let incident = Incident { text: format!("{}{act}", "Ada kampanye. ".repeat(lines)), ..Default::default() };
        assert_eq!(book.classify(&incident).unwrap().verdict, VerdictKind::Violation, "after {lines} lines");
    }
    let incident = Incident { text: format!("{act}. ").repeat(1_000), ..Default::default() };
    let v = book.classify(&incident).unwrap();
    assert_eq!(v.verdict, VerdictKind::Violation);
    let mut per_fact: HashMap<&str, usize> = HashMap::new();
    for e in &v.evidence {
        *per_fact.entry(&e.fact).or_default() += 1;
    }
    assert!(per_fact.values().any(|&n| n == MAX_EVIDENCE), "{per_fact:?}");
    assert!(per_fact.values().all(|&n| n <= MAX_EVIDENCE), "{per_fact:?}");
}
