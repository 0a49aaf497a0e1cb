//! The default rulebook encodes the whole legal digest: every prohibition row is a rule with
//! the row's id, and every permission P01–P14 is a permission rule named by its id or titled
//! with its number. Reads the shared digest when it sits beside the repository (as in CI), so a
//! new digest row fails this test until it is encoded; otherwise the copy in tests/legal/.

use netral::{Lang, RuleKind, Rulebook};
use std::path::Path;

fn digest(file: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/legal").join(file);
    let path = if shared.exists() { shared } else { root.join("tests/legal").join(file) };
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Ids in the first column of the digest's tables: "| `asn_party_membership` |".
fn prohibition_ids(md: &str) -> Vec<String> {
    md.lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split_once("` |").map(|(id, _)| id.to_string()))
        .collect()
}

/// "| P03 `accompany_candidate_spouse_on_cltn` |" → ("P03", "accompany_candidate_spouse_on_cltn").
fn permission_ids(md: &str) -> Vec<(String, String)> {
    md.lines()
        .filter_map(|l| l.strip_prefix("| P"))
        .filter_map(|l| {
            let (num, rest) = l.split_once(" `")?;
            let (id, _) = rest.split_once('`')?;
            num.chars().all(|c| c.is_ascii_digit()).then(|| (format!("P{num}"), id.to_string()))
        })
        .collect()
}

#[test]
fn every_prohibition_of_the_digest_is_a_rule() {
    let ids = prohibition_ids(&digest("prohibitions.md"));
    assert!(ids.len() >= 40, "the digest's table was not read ({} ids)", ids.len());
    let rules = Rulebook::builtin().rules(Lang::Id);
    let missing: Vec<&String> =
        ids.iter().filter(|id| !rules.iter().any(|r| &r.id == *id && r.kind == RuleKind::Prohibition)).collect();
    assert!(missing.is_empty(), "digest rows without a prohibition rule: {missing:?}");
}

#[test]
fn every_permission_of_the_digest_is_a_permission_rule() {
    let ids = permission_ids(&digest("permissions.md"));
    assert!(ids.len() >= 14, "the digest's permissions were not read ({} ids)", ids.len());
    let rules = Rulebook::builtin().rules(Lang::Id);
    let missing: Vec<&(String, String)> = ids
        .iter()
        .filter(|(num, id)| {
            !rules
                .iter()
                .any(|r| r.kind == RuleKind::Permission && (&r.id == id || r.title.starts_with(&format!("{num}:"))))
        })
        .collect();
    assert!(missing.is_empty(), "digest permissions without a permission rule: {missing:?}");
}

#[test]
fn every_prohibition_cites_and_sanctions() {
    for r in Rulebook::builtin().rules(Lang::Id) {
        assert!(!r.basis.is_empty(), "{} cites nothing", r.id);
        if r.kind == RuleKind::Prohibition {
            assert!(r.sanction.is_some(), "{} has no sanction", r.id);
        }
    }
}
