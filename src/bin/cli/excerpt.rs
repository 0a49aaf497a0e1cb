//! What a diagnostic shows of its rule file: the line it starts on, cut around its column when
//! the line is long, with control characters escaped. codespan renders it as a file of one line
//! numbered as in the real file.
//!
//! Why not the whole file: a 15 KB line with 2,000 diagnostics on it was printed whole under
//! each of them (30 MB of output, 18 s), and a string holding ESC [2J cleared the screen when
//! its line was shown.

use super::render::{push_safe, safe};
use codespan_reporting::files::{Error, Files};
use netral::{Diagnostic, Sources};
use std::ops::Range;

/// Characters of a long line shown around a diagnostic.
const WINDOW: usize = 120;
/// Of those, how many come before the start of the diagnostic.
const BEFORE: usize = 40;

/// One line of a rule file as a diagnostic shows it.
#[derive(Default)]
pub struct Excerpt {
    /// The file's name, escaped.
    name: String,
    /// The shown part of the line, with a line end (as codespan's own files have).
    text: String,
    /// 1-based line and character column of the diagnostic in the real file.
    line: usize,
    column: usize,
    /// Where the diagnostic is in `text`.
    pub label: Range<usize>,
}

impl Excerpt {
    /// The line `d` starts on; `None` when it has no place in a file (an incident's error, a
    /// rulebook without rules).
    pub fn of(sources: &Sources, d: &Diagnostic) -> Option<Excerpt> {
        if d.file.is_empty() || d.file == "incident" || d.line == 0 || d.loc.file as usize >= sources.len() {
            return None;
        }
        let text = sources.file(d.loc.file).text.as_str();
        let start = floor_boundary(text, d.start as usize);
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = &text[line_start..line_end];
        let line = line.strip_suffix('\r').unwrap_or(line);
        let from = (start - line_start).min(line.len());
        let to = floor_boundary(line, (d.end as usize).saturating_sub(line_start)).max(from);
        let (shown, label) = window(line, from..to);
        Some(Excerpt {
            name: safe(&d.file).into_owned(),
            text: shown,
            line: d.line as usize,
            column: d.column as usize,
            label,
        })
    }
}

/// The largest char boundary of `s` at or before `at`.
fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `line` cut to at most `WINDOW` characters around `label` (an ellipsis marks each cut), its
/// control characters escaped, with a line end; and where `label` is in it. A label that runs
/// past the cut (or past the line) ends at the cut.
fn window(line: &str, label: Range<usize>) -> (String, Range<usize>) {
    let (first, last) = bounds(line, label.start);
    let mut text = String::with_capacity(last - first + 8);
    if first > 0 {
        text.push('…');
    }
    let (mut from, mut to) = (None, None);
    for (i, c) in line[first..last].char_indices() {
        if first + i == label.start {
            from = Some(text.len());
        }
        if first + i == label.end {
            to = Some(text.len());
        }
        push_safe(&mut text, c);
    }
    let shown_end = text.len();
    if last < line.len() {
        text.push('…');
    }
    text.push('\n');
    let from = from.unwrap_or(shown_end);
    (text, from..to.unwrap_or(shown_end).max(from))
}

/// Byte range of the window of `line` that holds byte `at`: the whole line when it is
/// `WINDOW` characters or fewer, else `WINDOW` characters starting `BEFORE` before `at` (or
/// fewer when `at` is near the start, more when near the end).
fn bounds(line: &str, at: usize) -> (usize, usize) {
    if line.len() <= WINDOW {
        return (0, line.len());
    }
    let chars = line.chars().count();
    if chars <= WINDOW {
        return (0, line.len());
    }
    let first = line[..at].chars().count().saturating_sub(BEFORE).min(chars - WINDOW);
    let byte = |n: usize| line.char_indices().nth(n).map_or(line.len(), |(i, _)| i);
    (byte(first), byte(first + WINDOW))
}

impl<'a> Files<'a> for Excerpt {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.name)
    }
    fn source(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.text)
    }
    fn line_index(&'a self, (): (), _: usize) -> Result<usize, Error> {
        Ok(0)
    }
    fn line_number(&'a self, (): (), _: usize) -> Result<usize, Error> {
        Ok(self.line)
    }
    /// The column in the real line, where an editor puts the cursor (codespan asks only for
    /// the label's start).
    fn column_number(&'a self, (): (), _: usize, _: usize) -> Result<usize, Error> {
        Ok(self.column)
    }
    fn line_range(&'a self, (): (), line: usize) -> Result<Range<usize>, Error> {
        if line == 0 {
            Ok(0..self.text.len())
        } else {
            Err(Error::LineTooLarge { given: line, max: 0 })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_line_is_shown_whole() {
        assert_eq!(window("when like or share", 10..14), ("when like or share\n".to_string(), 10..14));
    }

    #[test]
    fn a_long_line_is_cut_around_the_label() {
        let line = format!("{}target{}", "a ".repeat(500), " b".repeat(500));
        let (text, label) = window(&line, 1000..1006);
        assert_eq!(&text[label.clone()], "target");
        assert!(text.starts_with('…') && text.ends_with("…\n"), "{text}");
        assert_eq!(text.chars().count(), WINDOW + 3, "the window, two ellipses and the line end");
        assert_eq!(text[..label.start].chars().count(), BEFORE + 1, "{BEFORE} characters and the ellipsis before it");
    }

    #[test]
    fn a_label_near_either_end_keeps_a_full_window() {
        let line = "x".repeat(1000);
        let (text, label) = window(&line, 2..3);
        assert_eq!((text.chars().count(), label), (WINDOW + 2, 2..3));
        let (text, label) = window(&line, 999..1000);
        assert_eq!(text.chars().count(), WINDOW + 2);
        assert_eq!(&text[label], "x");
    }

    #[test]
    fn a_label_past_the_window_ends_at_the_cut() {
        let line = "y".repeat(1000);
        let (text, label) = window(&line, 500..900);
        assert_eq!(label.end, text.len() - "…\n".len());
    }

    #[test]
    fn control_characters_are_escaped_and_the_label_follows() {
        let (text, label) = window("\"\u{1b}[2J\" | nosuch", 9..15);
        assert_eq!(text, "\"\\u{1b}[2J\" | nosuch\n");
        assert_eq!(&text[label], "nosuch");
    }

    #[test]
    fn a_label_at_the_line_end_points_after_the_last_character() {
        let (text, label) = window("rule r {", 8..8);
        assert_eq!((text.as_str(), label), ("rule r {\n", 8..8));
    }
}
