//! Parsing: rule-file text → syntax tree with locations, plus syntax diagnostics.
//! Parsing never gives up on a whole file: an item that does not parse is reported and skipped,
//! so one typo does not hide the other errors.

pub mod ast;
mod expected;
mod lower;

use crate::diagnostic::{Diagnostic, Loc};
use ast::Item;
use pest::Parser;
pub(crate) use grammar::{Rule, RuleParser};

mod grammar {
    #![allow(missing_docs)]
    /// The parser generated from `grammar.pest`.
    #[derive(pest_derive::Parser)]
    #[grammar = "syntax/grammar.pest"]
    pub struct RuleParser;
}

/// Deepest nesting of parentheses accepted in one rule file (deeper input is refused before
/// parsing, so a hostile file cannot exhaust the stack).
pub const MAX_NESTING: usize = 64;
/// Largest rule file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// Parses one file. Returns the items that parsed and a diagnostic for each one that did not.
pub fn parse(file: u32, text: &str) -> (Vec<Item<'_>>, Vec<Diagnostic>) {
    pest::set_error_detail(false);
    if text.len() > MAX_FILE_BYTES {
        let loc = Loc { file, start: 0, end: 0 };
        let msg = format!(
            "the rule file is {} bytes; the limit is {} bytes",
            text.len(),
            MAX_FILE_BYTES
        );
        return (vec![], vec![Diagnostic::error("E-TOO-LARGE", loc, msg).with_hint("split the rulebook into several files")]);
    }
    if let Some(at) = too_deep(text) {
        let loc = Loc { file, start: at as u32, end: at as u32 + 1 };
        let msg = format!("parentheses are nested more than {MAX_NESTING} deep");
        return (vec![], vec![Diagnostic::error("E-NESTING", loc, msg).with_hint("split the condition into named acts or simpler parts")]);
    }
    let pairs = match RuleParser::parse(Rule::file, text) {
        Ok(mut pairs) => pairs.next().map(|p| p.into_inner()),
        Err(e) => return (vec![], vec![expected::to_diagnostic(file, 0, &e)]),
    };
    let mut items = Vec::new();
    let mut diags = Vec::new();
    for pair in pairs.into_iter().flatten() {
        match pair.as_rule() {
            Rule::broken => {
                let start = pair.as_span().start();
                diags.push(explain_broken(file, start, pair.as_str()));
            }
            Rule::EOI => {}
            _ => items.extend(lower::item(file, pair)),
        }
    }
    (items, diags)
}

/// Re-parses a skipped item alone to say what was expected where.
fn explain_broken(file: u32, offset: usize, text: &str) -> Diagnostic {
    match RuleParser::parse(Rule::item_strict, text) {
        Err(e) => expected::to_diagnostic(file, offset, &e),
        // Cannot happen (the item would not have been skipped), but never panic on it.
        Ok(_) => Diagnostic::error(
            "E-PARSE",
            Loc { file, start: offset as u32, end: (offset + text.len()) as u32 },
            "this item could not be read",
        ),
    }
}

/// Position of the first parenthesis nested deeper than `MAX_NESTING`, ignoring strings and comments.
/// Runs before pest on every file, so it jumps over comments and strings instead of stepping
/// through a state machine byte by byte.
fn too_deep(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let (mut depth, mut i) = (0usize, 0usize);
    while let Some(at) = find(b, i, |c| matches!(c, b'#' | b'"' | b'(' | b'[' | b')' | b']')) {
        i = at + 1;
        match b[at] {
            b'#' => i = find(b, i, |c| c == b'\n')?,
            b'"' => i = string_end(b, i)?,
            b'(' | b'[' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(at);
                }
            }
            _ => depth = depth.saturating_sub(1),
        }
    }
    None
}

/// Index of the first byte at or after `from` that `hit` accepts.
fn find(b: &[u8], from: usize, hit: impl Fn(u8) -> bool) -> Option<usize> {
    b.get(from..)?.iter().position(|&c| hit(c)).map(|p| from + p)
}

/// Index just after the string whose content starts at `from` (it ends at a quote or a line end).
fn string_end(b: &[u8], mut from: usize) -> Option<usize> {
    loop {
        let at = find(b, from, |c| matches!(c, b'"' | b'\\' | b'\n'))?;
        if b[at] != b'\\' {
            return Some(at + 1);
        }
        from = at + 2; // an escaped character, whatever it is
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovers_after_a_broken_item() {
        let src = "law A \"A\" \"A law\"\nfact x: bool opn\nlaw B \"B\" \"B law\"\nrule r \"r\" { when }\nlaw C \"C\" \"C\"\n";
        let (items, diags) = parse(0, src);
        assert_eq!(items.len(), 3, "{diags:?}");
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(diags.iter().all(|d| d.code == "E-PARSE"));
    }

    #[test]
    fn refuses_deep_nesting_without_overflowing() {
        let src = format!("rule r \"r\" {{ when {}x{} }}", "(".repeat(10_000), ")".repeat(10_000));
        let (_, diags) = parse(0, &src);
        assert_eq!(diags[0].code, "E-NESTING");
    }

    #[test]
    fn nesting_ignores_strings_comments_and_escapes() {
        let deep = "(".repeat(MAX_NESTING + 1);
        assert_eq!(too_deep(&deep), Some(MAX_NESTING));
        assert_eq!(too_deep(&format!("#{deep}\nx")), None);
        assert_eq!(too_deep(&format!("\"{deep}\" x")), None);
        assert_eq!(too_deep(&format!("\"a\\\"{deep}\"")), None, "an escaped quote does not end the string");
        assert_eq!(too_deep(&format!("\"a\n{deep}")), Some(3 + MAX_NESTING), "a line end ends the string");
        assert_eq!(too_deep("\"a\\"), None, "an escape at the end of the text");
        assert_eq!(too_deep(&format!("{}){deep}", "(".repeat(MAX_NESTING))), Some(MAX_NESTING + 2), "a closing parenthesis lowers the depth");
    }

    #[test]
    fn unterminated_string_is_a_syntax_error() {
        let (_, diags) = parse(0, "law A \"A 7/2017 \"Undang-Undang\n");
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, "E-PARSE");
    }
}
