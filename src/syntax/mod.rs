//! Parsing: rule-file text → syntax tree with locations, plus syntax diagnostics.
//! Parsing never gives up on a whole file: an item that does not parse is reported and skipped,
//! so one typo does not hide the other errors.

pub mod ast;
mod expected;
mod lower;
mod mixed;

use crate::diagnostic::{Code, Diagnostic, Loc};
use ast::Item;
pub(crate) use grammar::{Rule, RuleParser};
use pest::Parser;
use std::borrow::Cow;

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
        let msg = format!("the rule file is {} bytes; the limit is {} bytes", text.len(), MAX_FILE_BYTES);
        return (
            vec![],
            vec![Diagnostic::new(Code::TooLarge, loc, msg).with_hint("split the rulebook into several files")],
        );
    }
    let comments = match scan(text) {
        Ok(comments) => comments,
        Err(at) => {
            let loc = Loc { file, start: at as u32, end: at as u32 + 1 };
            let msg = format!("parentheses are nested more than {MAX_NESTING} deep");
            return (
                vec![],
                vec![Diagnostic::new(Code::Nesting, loc, msg)
                    .with_hint("split the condition into named acts or simpler parts")],
            );
        }
    };
    // pest reads the text with its comments blanked out (same bytes elsewhere, same offsets);
    // names, strings and messages are taken from `text` itself.
    let blanked = blank(text, &comments);
    let pairs = match RuleParser::parse(Rule::file, &blanked) {
        Ok(mut pairs) => pairs.next().map(|p| p.into_inner()),
        Err(e) => return (vec![], vec![expected::to_diagnostic(file, 0, &in_text(e, text))]),
    };
    let mut items = Vec::new();
    let mut diags = Vec::new();
    for pair in pairs.into_iter().flatten() {
        match pair.as_rule() {
            Rule::broken => {
                let span = pair.as_span();
                diags.push(explain_broken(
                    file,
                    span.start(),
                    span.as_str(),
                    text.get(span.start()..span.end()).unwrap_or(""),
                ));
            }
            Rule::EOI => {}
            _ => items.extend(lower::item(file, text, pair, &mut diags)),
        }
    }
    (items, diags)
}

/// Re-parses a skipped item alone to say what was expected where (`blanked` is the item with
/// its comments blanked out, `text` as written).
fn explain_broken(file: u32, offset: usize, blanked: &str, text: &str) -> Diagnostic {
    match RuleParser::parse(Rule::item_strict, blanked) {
        Err(e) => expected::to_diagnostic(file, offset, &in_text(e, text)),
        // Cannot happen (the item would not have been skipped), but never panic on it.
        Ok(_) => Diagnostic::new(
            Code::Parse,
            Loc { file, start: offset as u32, end: (offset + text.len()) as u32 },
            "this item could not be read",
        ),
    }
}

/// The error pest gives on the blanked text, placed in the text as written: the same offset, but
/// the line shown and the column (in characters) are those of `text`.
fn in_text(e: pest::error::Error<Rule>, text: &str) -> pest::error::Error<Rule> {
    let at = match e.location {
        pest::error::InputLocation::Pos(p) | pest::error::InputLocation::Span((p, _)) => p,
    };
    match pest::Position::new(text, at) {
        Some(pos) => pest::error::Error::new_from_pos(e.variant, pos),
        None => e,
    }
}

/// `text` with each comment (`ranges`) replaced by as many spaces as it has bytes. The grammar
/// has no comments: trying one after every token, a sequence pest has to undo each time, cost an
/// eighth of the parse; a blank costs one character test.
fn blank<'t>(text: &'t str, ranges: &[(usize, usize)]) -> Cow<'t, str> {
    if ranges.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for &(start, end) in ranges {
        // A comment runs from `#` to the end of its line: both ends are character boundaries.
        out.push_str(text.get(from..start).unwrap_or(""));
        out.extend(std::iter::repeat_n(' ', end - start));
        from = end;
    }
    out.push_str(text.get(from..).unwrap_or(""));
    Cow::Owned(out)
}

/// The comments of a file (`#` to the end of the line, outside strings), or the position of the
/// first parenthesis nested deeper than `MAX_NESTING` (ignoring strings and comments).
/// Runs before pest on every file, so it jumps over comments and strings instead of stepping
/// through a state machine byte by byte, and looks for the bytes that matter a word at a time.
///
/// A comment must be blanked out exactly where pest would read one: outside the strings pest
/// reads, so strings are read here as pest reads them (`string_end`).
fn scan(text: &str) -> Result<Vec<(usize, usize)>, usize> {
    let b = text.as_bytes();
    let mut comments = vec![];
    let (mut depth, mut i) = (0usize, 0usize);
    while let Some(at) = find(b, i, b"#\"([)]") {
        i = at + 1;
        match b[at] {
            b'#' => {
                let end = find(b, i, b"\n").unwrap_or(b.len());
                comments.push((at, end));
                if end == b.len() {
                    break;
                }
                i = end;
            }
            b'"' => match string_end(b, i) {
                Some(end) => i = end,
                None => break,
            },
            b'(' | b'[' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(at);
                }
            }
            _ => depth = depth.saturating_sub(1),
        }
    }
    Ok(comments)
}

/// Index of the first byte at or after `from` that is one of `needles`, eight bytes at a time
/// (a byte by byte loop was a twentieth of a compile): a byte equal to a needle is a zero byte of
/// `word ^ needle`, and the carry trick flags the lowest zero byte of a word exactly (a false
/// flag can only sit above a true one).
fn find(b: &[u8], from: usize, needles: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while let Some(word) = b.get(i..i.saturating_add(8)).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
        let w = u64::from_le_bytes(word);
        let hits = needles.iter().fold(0, |acc, &n| {
            let x = w ^ (ONES * u64::from(n));
            acc | (x.wrapping_sub(ONES) & !x & HIGH)
        });
        if hits != 0 {
            return Some(i + (hits.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    b.get(i..)?.iter().position(|c| needles.contains(c)).map(|p| i + p)
}

/// Index just after the string whose content starts at `from`, read as pest reads it: it ends at
/// a quote or a line end, and an escape skips the next character unless that is the line end.
fn string_end(b: &[u8], mut from: usize) -> Option<usize> {
    loop {
        let at = find(b, from, b"\"\\\n")?;
        if b[at] != b'\\' || b.get(at + 1) == Some(&b'\n') {
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
        let too_deep = |t: &str| scan(t).err();
        assert_eq!(too_deep(&deep), Some(MAX_NESTING));
        assert_eq!(too_deep(&format!("#{deep}\nx")), None);
        assert_eq!(too_deep(&format!("\"{deep}\" x")), None);
        assert_eq!(too_deep(&format!("\"a\\\"{deep}\"")), None, "an escaped quote does not end the string");
        assert_eq!(too_deep(&format!("\"a\n{deep}")), Some(3 + MAX_NESTING), "a line end ends the string");
        assert_eq!(too_deep("\"a\\"), None, "an escape at the end of the text");
        assert_eq!(
            too_deep(&format!("{}){deep}", "(".repeat(MAX_NESTING))),
            Some(MAX_NESTING + 2),
            "a closing parenthesis lowers the depth"
        );
    }

    #[test]
    fn comments_are_blanked_where_pest_reads_them_as_comments() {
        let comments = |t: &str| scan(t).unwrap_or_default();
        assert_eq!(comments("a # b\nc \"#\" # d"), vec![(2, 5), (12, 15)]);
        assert_eq!(comments("\"a\\\"#\" #x\n"), vec![(7, 9)], "an escaped quote does not end the string");
        assert_eq!(comments("\"a #\nb # c"), vec![(7, 10)], "a line end ends the string");
        assert_eq!(
            comments("#a\n\"x\\\n# b\n#c"),
            vec![(0, 2), (7, 10), (11, 13)],
            "a backslash before a line end ends the string"
        );
        assert_eq!(comments("\"x\\\n\"# b\n#c"), vec![(9, 11)], "a quote after it starts a string");
        let text = "law A \"é\" # é ü\n# x\nrule";
        let blanked = blank(text, &comments(text));
        assert_eq!(blanked.len(), text.len());
        assert_eq!(blanked, "law A \"é\"".to_string() + &" ".repeat(8) + "\n" + "   " + "\nrule");
    }

    #[test]
    fn find_is_a_plain_search() {
        let text = b"ab#cd\"e(f)g[h]i\\j\nk\xff\x80#\x00\x7f\"((((((((((((]";
        for needles in [&b"#\"([)]"[..], b"\n", b"\"\\\n", b"\x00", b"\xff"] {
            for from in 0..=text.len() + 1 {
                let plain = text.get(from..).and_then(|t| t.iter().position(|c| needles.contains(c))).map(|p| from + p);
                assert_eq!(find(text, from, needles), plain, "{needles:?} from {from}");
            }
        }
    }

    /// Adjacent quoted texts are one text, joined as written, across lines and comments (a
    /// comment may hold a quote); a law's short citation stays one quoted text, its title may
    /// go on.
    #[test]
    fn adjacent_strings_are_one_text() {
        let src = concat!(
            "law L \"L 1/2020\" \"Undang-Undang \"\n  \"tentang Pemilu\"\n",
            "rule r \"Judul \" \"panjang\" en \"Long \" # a \"quoted\" comment\n   \"title\" {\n",
            "  note \"Baris \\\"satu\\\", \"\n    \"baris dua.\"\n",
            "  example \"saya \" \"PNS\" => violation\n}\n",
        );
        let (items, diags) = parse(0, src);
        assert!(diags.is_empty(), "{diags:?}");
        let [Item::Law(law), Item::Rule(rule)] = items.as_slice() else { panic!("{items:?}") };
        assert_eq!((law.short.as_ref(), law.title.as_ref()), ("L 1/2020", "Undang-Undang tentang Pemilu"));
        assert_eq!(rule.label.id, "Judul panjang");
        assert_eq!(rule.label.en.as_deref(), Some("Long title"));
        assert_eq!(rule.note[0].0.id, "Baris \"satu\", baris dua.");
        assert_eq!(rule.examples[0].text, "saya PNS");
    }

    #[test]
    fn unterminated_string_is_a_syntax_error() {
        let (_, diags) = parse(0, "law A \"A 7/2017 \"Undang-Undang\n");
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, "E-PARSE");
    }
}
