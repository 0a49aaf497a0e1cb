//! The default rulebook encodes the whole legal digest (legal/ at the repository's root): every
//! prohibition row is a rule with the row's id, and every permission P01–P14 is a permission rule
//! named by its id or titled with its number; and every `legal/…` file the rule files cite exists.
//! The digest is read from the repository only, so a fresh clone and CI test the same digest.

use netral::{Lang, RuleKind, Rulebook};
use std::path::Path;

fn digest(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("legal").join(file);
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

/// `legal/prohibitions.md`, `legal/README.md`, `legal/` …: every path under legal/ that a rule
/// file (or rules/README.md) names.
fn cited_paths(text: &str) -> Vec<String> {
    let mut out = vec![];
    let mut rest = text;
    while let Some(i) = rest.find("legal/") {
        let before_ok = i == 0 || !rest.as_bytes()[i - 1].is_ascii_alphanumeric();
        let tail = &rest[i..];
        let len = tail.find(|c: char| !(c.is_ascii_alphanumeric() || "/._-".contains(c))).unwrap_or(tail.len());
        // A path ends at a word character: "legal/periods.md." is `legal/periods.md`.
        let path = tail[..len].trim_end_matches('.');
        if before_ok {
            out.push(path.to_string());
        }
        rest = &tail[len.max(1)..];
    }
    out
}

#[test]
fn every_cited_digest_file_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cited = vec![];
    for e in std::fs::read_dir(root.join("rules")).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_some_and(|x| x == "rules" || x == "md") {
            let text = std::fs::read_to_string(&path).unwrap();
            cited.extend(cited_paths(&text).into_iter().map(|c| (path.display().to_string(), c)));
        }
    }
    assert!(cited.iter().any(|(_, c)| c == "legal/prohibitions.md"), "no citation of the digest was read: {cited:?}");
    let missing: Vec<&(String, String)> = cited.iter().filter(|(_, c)| !root.join(c).exists()).collect();
    assert!(missing.is_empty(), "rule files cite digest files that are not in legal/: {missing:?}");
}

#[test]
fn cited_paths_are_read_whole() {
    assert_eq!(cited_paths("see legal/periods.md. And legal/ too; not illegal/x"), ["legal/periods.md", "legal/"]);
}
