//! Reading input with its limits enforced while reading: rule files (and their text made what
//! the parser expects), and JSONL files line by line.

use netral::diagnostic::Loc;
use netral::syntax::MAX_FILE_BYTES;
use netral::{Diagnostic, SourceFile, Sources};
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

/// The longest JSONL line read (`classify --jsonl`, case files): twice the longest description
/// (E-TEXT-TOO-LONG beyond), which leaves room for JSON escapes (a quote or a line break takes
/// two bytes) and the facts. A longer line is skipped without being kept.
pub const MAX_LINE_BYTES: usize = 2 * netral::MAX_INCIDENT_BYTES;

/// The rule files named on the command line (a folder means every `.rules` file in it, sorted
/// by name; none means the built-in rulebook), and an E-TOO-LARGE error for each file refused
/// unread.
pub fn rule_files(paths: &[PathBuf]) -> Result<(Sources, Vec<Diagnostic>), String> {
    if paths.is_empty() {
        return Ok((netral::builtin_sources(), vec![]));
    }
    let (mut files, mut refused) = (vec![], vec![]);
    for p in paths {
        for path in rule_paths(p)? {
            match rule_file(&path)? {
                RuleFile::Read(f) => files.push(f),
                RuleFile::TooLarge(d) => refused.push(d),
            }
        }
    }
    Ok((Sources::new(files), refused))
}

/// `p` itself, or the `.rules` files of the folder `p`.
fn rule_paths(p: &Path) -> Result<Vec<PathBuf>, String> {
    if !p.is_dir() {
        return Ok(vec![p.to_path_buf()]);
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
        .map_err(|e| format!("cannot read folder {}: {e}", p.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rules"))
        .collect();
    entries.sort();
    Ok(entries)
}

enum RuleFile {
    Read(SourceFile),
    TooLarge(Diagnostic),
}

/// One rule file. At most `MAX_FILE_BYTES` and one more byte are read: `netral check /dev/zero`
/// read until memory ran out, and an 8 GB file would be read whole only to be refused.
fn rule_file(p: &Path) -> Result<RuleFile, String> {
    let file = std::fs::File::open(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
    let mut bytes = vec![];
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {}: {e}", p.display()))?;
    if bytes.len() > MAX_FILE_BYTES {
        let msg = format!("{} is larger than {MAX_FILE_BYTES} bytes, the limit for one rule file", p.display());
        return Ok(RuleFile::TooLarge(
            Diagnostic::new(netral::Code::TooLarge, Loc::default(), msg)
                .with_hint("split the rulebook into several files"),
        ));
    }
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("{} is not UTF-8 text (byte {})", p.display(), e.utf8_error().valid_up_to()))?;
    Ok(RuleFile::Read(SourceFile { name: p.display().to_string(), text: as_rule_text(text) }))
}

/// The text as the parser reads it: without a leading byte-order mark (some Windows editors
/// write one; it was read as part of the first keyword: "expected an item, found `\u{feff}law`"),
/// and with a carriage return alone (old Mac line ends) turned into a line feed. A file with CR
/// line ends was one line to the parser: its first comment ran to the end of the file, hiding
/// every error after it, and every diagnostic was on line 1. The swap keeps every byte offset (a
/// byte for a byte); CRLF stays as it is.
fn as_rule_text(mut text: String) -> String {
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(if c == '\r' && chars.peek() != Some(&'\n') { '\n' } else { c });
    }
    out
}

/// A description read from `input`, or `None` when it is longer than an incident's text may be:
/// reading stops one byte past the limit (`netral classify < /dev/zero` read until memory ran
/// out).
pub fn description(input: impl Read) -> Result<Option<String>, String> {
    let mut bytes = vec![];
    input
        .take(netral::MAX_INCIDENT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    if bytes.len() > netral::MAX_INCIDENT_BYTES {
        return Ok(None);
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|e| format!("standard input is not UTF-8 text (byte {})", e.utf8_error().valid_up_to()))
}

/// The lines of a stream, each read with a bound on its length: a 200 MB line (or /dev/zero,
/// one endless line) is skipped a buffer at a time, never held in memory whole.
pub struct Lines<R> {
    input: R,
    line: Vec<u8>,
    number: usize,
    max: usize,
}

/// One line as read.
pub enum Line<'a> {
    /// Its bytes, without the line feed (a CR before it stays).
    Read(&'a [u8]),
    /// Longer than the bound: skipped to its end.
    TooLong,
}

impl<R: BufRead> Lines<R> {
    /// Lines of at most `max` bytes (without the line feed).
    pub fn new(input: R, max: usize) -> Self {
        Lines { input, line: vec![], number: 0, max }
    }

    /// The next line and its 1-based number, or `None` at the end of the input.
    pub fn next_line(&mut self) -> io::Result<Option<(usize, Line<'_>)>> {
        self.line.clear();
        let read = (&mut self.input).take(self.max as u64 + 1).read_until(b'\n', &mut self.line)?;
        if read == 0 {
            return Ok(None);
        }
        self.number += 1;
        if self.line.last() == Some(&b'\n') {
            self.line.pop();
        } else if self.line.len() > self.max {
            skip_line(&mut self.input)?;
            return Ok(Some((self.number, Line::TooLong)));
        }
        Ok(Some((self.number, Line::Read(&self.line))))
    }
}

/// Reads and drops the rest of a line, its line feed included.
fn skip_line(input: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buf = match input.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(());
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(end) => {
                input.consume(end + 1);
                return Ok(());
            }
            None => {
                let all = buf.len();
                input.consume(all);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line of `input` read with lines of at most `max` bytes.
    fn lines(input: &str, max: usize) -> Vec<(usize, Option<String>)> {
        let mut lines = Lines::new(input.as_bytes(), max);
        let mut out = vec![];
        while let Some((n, line)) = lines.next_line().unwrap() {
            out.push((
                n,
                match line {
                    Line::Read(b) => Some(String::from_utf8(b.to_vec()).unwrap()),
                    Line::TooLong => None,
                },
            ));
        }
        out
    }

    #[test]
    fn a_line_over_the_bound_is_skipped_and_the_next_one_read() {
        let got = lines("abc\nabcdefgh\n\nab", 4);
        assert_eq!(got, [(1, Some("abc".into())), (2, None), (3, Some(String::new())), (4, Some("ab".into()))]);
    }

    #[test]
    fn a_line_of_exactly_the_bound_is_read() {
        assert_eq!(lines("abcd\nabcde", 4), [(1, Some("abcd".into())), (2, None)]);
        assert_eq!(lines("abcd", 4), [(1, Some("abcd".into()))]);
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        assert_eq!(as_rule_text("\u{feff}law L".into()), "law L");
        assert_eq!(as_rule_text("law \u{feff}L".into()), "law \u{feff}L", "only at the start");
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line_and_crlf_stays() {
        assert_eq!(as_rule_text("a\rb\r\nc\r".into()), "a\nb\r\nc\n");
    }
}
