//! The default rulebook checks clean, and every `example` written in it holds.

use netral::{builtin_sources, check::check, run_examples, Rulebook};

#[test]
fn default_rulebook_has_no_errors_and_no_warnings() {
    let (book, diags) = check(&builtin_sources());
    let shown: Vec<String> =
        diags.iter().map(|d| format!("{}:{}:{} {} {}", d.file, d.line, d.column, d.code, d.message)).collect();
    assert!(book.is_some(), "the default rulebook does not compile:\n{}", shown.join("\n"));
    assert!(diags.is_empty(), "diagnostics in the default rulebook:\n{}", shown.join("\n"));
}

#[test]
fn every_example_in_the_default_rulebook_holds() {
    let outcomes = run_examples(Rulebook::builtin());
    let failed: Vec<String> =
        outcomes.iter().filter(|o| !o.ok).map(|o| format!("{}: \"{}\": {}", o.rule, o.text, o.message)).collect();
    assert!(outcomes.len() >= 2 * Rulebook::builtin().len(), "every rule needs an example and a near miss");
    assert!(failed.is_empty(), "{} of {} examples fail:\n{}", failed.len(), outcomes.len(), failed.join("\n"));
}

#[test]
fn every_rule_is_met_by_one_of_its_examples() {
    let book = Rulebook::builtin();
    let outcomes = run_examples(book);
    for rule in book.rules(netral::Lang::Id) {
        let covered = outcomes.iter().any(|o| o.ok && o.must_match.as_deref() == Some(rule.id.as_str()));
        assert!(covered, "rule `{}` is not met by any example", rule.id);
    }
}
