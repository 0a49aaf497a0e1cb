//! Reading rule files, with their size limit enforced while reading and their text made what
//! the parser expects.

use netral::diagnostic::Loc;
use netral::syntax::MAX_FILE_BYTES;
use netral::{Diagnostic, SourceFile, Sources};
use std::io::Read;
use std::path::{Path, PathBuf};

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
    file.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
    if bytes.len() > MAX_FILE_BYTES {
        let msg = format!("{} is larger than {MAX_FILE_BYTES} bytes, the limit for one rule file", p.display());
        return Ok(RuleFile::TooLarge(Diagnostic::error("E-TOO-LARGE", Loc::default(), msg).with_hint("split the rulebook into several files")));
    }
    let text = String::from_utf8(bytes).map_err(|e| format!("{} is not UTF-8 text (byte {})", p.display(), e.utf8_error().valid_up_to()))?;
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

#[cfg(test)]
mod tests {
    use super::*;

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
