//! W-MIXED-AND-OR: `and` and `or` written at one level without parentheses. `and` binds
//! tighter, so `a or b and c` is `a or (b and c)`, and `x and not a or b` guards only `a` with
//! the `not`: easy to misread, so the warning shows how the line reads and asks for parentheses.

use super::Rule;
use crate::diagnostic::{Code, Diagnostic, Loc};
use pest::iterators::Pair;

/// The longest operand shown in the reading, in characters.
const SHOWN: usize = 40;

/// The warning for a flat `expr` or `pattern` pair that mixes `and` and `or`, if it does.
pub(super) fn check(file: u32, text: &str, p: &Pair<Rule>) -> Option<Diagnostic> {
    let ops = || p.clone().into_inner().filter(|c| matches!(c.as_rule(), Rule::and_op | Rule::or_op));
    let first = ops().next()?;
    let other = ops().find(|o| o.as_rule() != first.as_rule())?;
    let span = other.as_span();
    let loc = Loc { file, start: span.start() as u32, end: span.end() as u32 };
    let msg = format!(
        "`and` and `or` are mixed without parentheses; `and` binds tighter, so this reads as {}",
        reading(text, p)
    );
    Some(Diagnostic::new(Code::MixedAndOr, loc, msg).with_hint("add parentheses around the part that belongs together"))
}

/// `(a and b) or c`: the operands as written (a `near` chain stays one operand), each `and`
/// group of two or more in parentheses.
fn reading(text: &str, p: &Pair<Rule>) -> String {
    // Groups of operand spans: a new group after each `or`, a new operand after each `and`.
    let mut groups: Vec<Vec<(usize, usize)>> = vec![vec![]];
    let mut joined = false;
    for c in p.clone().into_inner() {
        let span = (c.as_span().start(), c.as_span().end());
        match c.as_rule() {
            Rule::or_op => groups.push(vec![]),
            Rule::and_op => {}
            Rule::near_op => joined = true,
            _ => {
                let group = groups.last_mut().expect("a group is open");
                match group.last_mut() {
                    Some(last) if joined => last.1 = span.1,
                    _ => group.push(span),
                }
                joined = false;
            }
        }
    }
    let shown = |(a, b): (usize, usize)| {
        let words: Vec<&str> = text.get(a..b).unwrap_or("").split_whitespace().collect();
        let s = words.join(" ");
        if s.chars().count() > SHOWN {
            format!("{}…", s.chars().take(SHOWN - 1).collect::<String>())
        } else {
            s
        }
    };
    let parts: Vec<String> = groups
        .into_iter()
        .map(|g| {
            let inner: Vec<String> = g.iter().map(|&s| shown(s)).collect();
            if inner.len() > 1 {
                format!("({})", inner.join(" and "))
            } else {
                inner.join("")
            }
        })
        .collect();
    format!("`{}`", parts.join(" or "))
}
