//! Turns a pest error into a diagnostic that names what was expected in words, never in
//! grammar-rule names. The table below must describe every grammar rule (a test checks it).

use super::Rule;
use crate::diagnostic::{Code, Diagnostic, Loc};
use pest::error::{Error, ErrorVariant, InputLocation};
use std::collections::BTreeSet;

/// Words for each grammar rule, as they appear in "expected …".
pub(super) fn describe(r: Rule) -> &'static str {
    match r {
        Rule::EOI => "the end of the file",
        Rule::WHITESPACE => "a space or comment",
        Rule::file | Rule::item | Rule::item_strict | Rule::item_kw | Rule::broken => {
            "an item (`law`, `enum`, `fact`, `act`, `period`, `concept`, `pattern`, `sanction` or `rule`)"
        }
        Rule::keyword => "a keyword",
        Rule::ident | Rule::fact_value => "a name",
        Rule::string | Rule::string_one => "a quoted text \"…\"",
        Rule::number => "a number",
        Rule::date_lit => "a date (YYYY-MM-DD)",
        Rule::bool_lit => "`true` or `false`",
        Rule::label => "a label \"…\" (optionally followed by en \"…\")",
        Rule::law => "a law: law CODE \"short citation\" \"full title\"",
        Rule::enum_decl => "an enum: enum Name { value \"label\" … }",
        Rule::variant => "an enum value: name \"label\"",
        Rule::group_decl => "a group: group name \"label\" = a | b",
        Rule::fact => "a fact: fact name: type open|closed \"question\"",
        Rule::fact_type => "a type (`bool`, `date`, `number` or an enum name)",
        Rule::openness => "`open` or `closed`",
        Rule::infer_block => "a block of inferences { value <- pattern }",
        Rule::infer => "an inference: value <- pattern",
        Rule::act => "an act: act name \"label\" = pattern",
        Rule::ask => "an acts question: ask name \"question\" when act unless act, … = act, …",
        Rule::ask_unless => "`unless` and the acts that account for an election-related text",
        Rule::period => "a period: period name \"label\" = YYYY-MM-DD .. YYYY-MM-DD",
        Rule::concept => "a concept: concept name = \"phrase\" | \"phrase\"",
        Rule::concept_item => "a phrase \"…\" or a concept name",
        Rule::pattern_decl => "a named pattern: pattern name = pattern",
        Rule::pattern_params => "parameters (name, …)",
        Rule::pat_args | Rule::pat_arg => "arguments (a concept, pattern or phrase each)",
        Rule::sanction => "a sanction: sanction name \"label\" { severity N }",
        Rule::sanction_clause => "a sanction clause (`severity`, `prison`, `fine`, `basis`, `note` or `uncertain`)",
        Rule::severity => "`severity N`",
        Rule::prison => "`prison N months`",
        Rule::fine => "`fine N`",
        Rule::rule => "a rule: rule id \"title\" { … }",
        Rule::rule_clause => "a rule clause (`prohibition`, `permission`, `applies to`, `topic`, `when`, `unless`, `overrides`, `sanction`, `basis`, `advice`, `note`, `uncertain` or `example`)",
        Rule::kind => "`prohibition` or `permission`",
        Rule::applies => "`applies to` followed by subjects",
        Rule::rule_topic => "`topic` followed by topic names",
        Rule::topic_decl => "a topic: topic name \"label\"",
        Rule::when => "`when` followed by a condition",
        Rule::unless => "`unless` followed by a condition",
        Rule::overrides => "`overrides` followed by rule ids",
        Rule::rule_sanction => "`sanction` followed by sanction names",
        Rule::basis => "`basis LAW \"article\"`",
        Rule::citation => "a citation: LAW \"article\"",
        Rule::advice => "`advice \"…\"`",
        Rule::note => "`note \"…\"`",
        Rule::law_from => "`from YYYY-MM-DD`",
        Rule::law_until => "`until YYYY-MM-DD`",
        Rule::law_replaced => "`replaced by` followed by a law code",
        Rule::uncertain => "`uncertain \"…\"`",
        Rule::example => "an example: example \"text\" => verdict",
        Rule::assignment => "a fact assignment: name = value",
        Rule::verdict => "a verdict (`violation`, `allowed` or `needs_more_info`)",
        Rule::expr | Rule::primary | Rule::negation | Rule::fact_test => "a condition",
        Rule::bool_op => "`and` or `or`",
        Rule::or_op => "`or`",
        Rule::and_op => "`and`",
        Rule::not_op => "`not`",
        Rule::value_list => "a list [a, b]",
        Rule::cmp_op => "a comparison (=, !=, <, <=, >, >=)",
        Rule::value => "a value (a name, number, date or true/false)",
        Rule::pattern | Rule::pat_primary | Rule::pat_unary => "a text pattern",
        Rule::near_op => "`near`",
        Rule::pat_modifier => "`not` or `negated`",
    }
}

/// The diagnostic for a pest error in text that starts at `offset` in file `file`.
pub(super) fn to_diagnostic(file: u32, offset: usize, e: &Error<Rule>) -> Diagnostic {
    let (start, end) = match e.location {
        InputLocation::Pos(p) => (p, p),
        InputLocation::Span((s, e)) => (s, e),
    };
    let mut words: BTreeSet<String> = BTreeSet::new();
    if let ErrorVariant::ParsingError { positives, .. } = &e.variant {
        // Rules that wrap a whole item say little at the failing spot; prefer the detail.
        let is_item = |r: &Rule| {
            matches!(
                r,
                Rule::law
                    | Rule::enum_decl
                    | Rule::fact
                    | Rule::act
                    | Rule::period
                    | Rule::concept
                    | Rule::pattern_decl
                    | Rule::sanction
                    | Rule::rule
                    | Rule::ask
                    | Rule::topic_decl
            )
        };
        // "expected any item" reads better than eight item templates.
        let items = positives.iter().filter(|r| is_item(r)).count();
        words.extend(
            positives
                .iter()
                .filter(|r| !matches!(r, Rule::WHITESPACE | Rule::broken | Rule::item_kw))
                .filter(|r| items < 3 || !is_item(r))
                .map(|r| describe(*r).to_string()),
        );
        if items >= 3 {
            words.insert(describe(Rule::file).to_string());
        }
    }
    // Literal tokens only when no grammar rule says it better ("expected `open` or `closed`").
    if words.is_empty() {
        if let Some(attempts) = e.parse_attempts() {
            for t in attempts.expected_tokens() {
                // Character ranges (`a..z`) and punctuation say nothing useful to a legal officer.
                let token = t.to_string();
                let is_range = token.chars().count() == 4 && token.get(1..3) == Some("..");
                if token.chars().count() > 1 && !is_range && token != "BUILTIN_RULE" {
                    words.insert(format!("`{token}`"));
                }
            }
        }
    }
    let col = match e.line_col {
        pest::error::LineColLocation::Pos((_, c)) | pest::error::LineColLocation::Span((_, c), _) => c,
    };
    let found = found_at(e.line(), col);
    let message = match words.len() {
        0 => format!("unexpected {found}"),
        _ => format!("expected {}, found {found}", join_or(&words)),
    };
    // Underline the whole offending word, not just its first byte.
    let word_len =
        e.line().get(col.saturating_sub(1)..).and_then(|r| r.split_whitespace().next()).map_or(1, |w| w.len().max(1));
    let end = end.max(start + word_len);
    let loc = Loc { file, start: (offset + start) as u32, end: (offset + end) as u32 };
    let mut d = Diagnostic::new(Code::Parse, loc, message);
    if let Some(h) = hint_for(e.line(), &words) {
        d = d.with_hint(h);
    }
    d
}

fn found_at(line: &str, col: usize) -> String {
    let rest: String = line.chars().skip(col.saturating_sub(1)).take(20).collect();
    let word: String = rest.split_whitespace().next().unwrap_or("").chars().take(20).collect();
    if word.is_empty() {
        "the end of the line".into()
    } else {
        format!("`{word}`")
    }
}

fn join_or(words: &BTreeSet<String>) -> String {
    let v: Vec<&str> = words.iter().map(String::as_str).take(8).collect();
    match v.as_slice() {
        [one] => one.to_string(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
        [] => String::new(),
    }
}

fn hint_for(line: &str, words: &BTreeSet<String>) -> Option<&'static str> {
    if line.matches('"').count() % 2 == 1 {
        return Some("a text \"…\" must be closed on the same line; to go on, open another on the next: \"…\" \"…\"");
    }
    if words.iter().any(|w| w.contains("verdict")) {
        return Some("write one of: violation, allowed, needs_more_info");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_grammar_rule_has_words() {
        for r in Rule::all_rules() {
            let d = describe(*r);
            assert!(!d.is_empty() && !d.contains('_') || d.contains('`'), "{r:?}: {d}");
        }
    }
}
