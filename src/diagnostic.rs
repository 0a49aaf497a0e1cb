//! Diagnostics: one plain-data type for every problem found in a rule file, from syntax to
//! failing examples. Rendering happens at the edges (CLI text, page JSON).

pub use crate::code::Code;
use serde::Serialize;

/// Byte range in one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Loc {
    /// Index of the file in the `Sources`.
    pub file: u32,
    /// Start byte.
    pub start: u32,
    /// End byte (exclusive).
    pub end: u32,
}

/// Error or warning.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The rulebook cannot be used.
    Error,
    /// The rulebook works but something is probably wrong.
    Warning,
}

/// One problem, located in a file.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    /// Stable code, e.g. `E-UNKNOWN-NAME` (`code.rs` lists them; docs/diagnostics.md explains each).
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// One sentence in plain words.
    pub message: String,
    /// A suggestion, e.g. "did you mean `pppk`?".
    pub hint: Option<String>,
    /// File name.
    pub file: String,
    /// 1-based line of the start.
    pub line: u32,
    /// 1-based column (in characters) of the start.
    pub column: u32,
    /// 1-based line of the end.
    pub end_line: u32,
    /// 1-based column (in characters) of the end (exclusive).
    pub end_column: u32,
    /// Byte offsets in the file.
    pub start: u32,
    /// Byte offset of the end (exclusive).
    pub end: u32,
    #[serde(skip)]
    /// Where it is, before line and column are known.
    pub loc: Loc,
}

impl Diagnostic {
    /// A diagnostic of `code` at `loc`; its severity is the code's.
    pub fn new(code: Code, loc: Loc, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            hint: None,
            file: String::new(),
            line: 0,
            column: 0,
            end_line: 0,
            end_column: 0,
            start: loc.start,
            end: loc.end,
            loc,
        }
    }
    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// One rule file.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Name shown in diagnostics (a path or `rules/30_asn.rules`).
    pub name: String,
    /// The text.
    pub text: String,
}

/// The files of one rulebook, with line tables to turn byte offsets into line and column.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: Vec<(SourceFile, Vec<u32>)>,
}

impl Sources {
    /// Reads files from memory.
    pub fn new(files: impl IntoIterator<Item = SourceFile>) -> Self {
        let files = files
            .into_iter()
            .map(|f| {
                let mut starts = vec![0u32];
                starts.extend(f.text.match_indices('\n').map(|(i, _)| i as u32 + 1));
                (f, starts)
            })
            .collect();
        Sources { files }
    }
    /// One file from a string.
    pub fn single(name: &str, text: &str) -> Self {
        Self::new([SourceFile { name: name.into(), text: text.into() }])
    }
    /// The files.
    pub fn files(&self) -> impl Iterator<Item = &SourceFile> {
        self.files.iter().map(|(f, _)| f)
    }
    /// File by index.
    pub fn file(&self, i: u32) -> &SourceFile {
        &self.files[i as usize].0
    }
    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }
    /// True when there are no files.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
    /// 1-based line and character column of a byte offset.
    pub fn line_col(&self, file: u32, offset: u32) -> (u32, u32) {
        self.line_col_from(file, offset, None)
    }

    /// `line_col`, counting characters on from a place already known (`(offset, (line,
    /// column))` in the same file) when it lies on the same line, not after `offset`.
    fn line_col_from(&self, file: u32, offset: u32, known: Option<(u32, (u32, u32))>) -> (u32, u32) {
        let (f, starts) = &self.files[file as usize];
        let floor = |mut at: usize| {
            at = at.min(f.text.len());
            while !f.text.is_char_boundary(at) {
                at -= 1;
            }
            at
        };
        let offset = offset.min(f.text.len() as u32);
        let line = starts.partition_point(|&s| s <= offset) - 1;
        let (mut from, mut col) = (starts[line] as usize, 1);
        if let Some((at, (_, known_col))) = known.filter(|&(at, (l, _))| l as usize == line + 1 && at <= offset) {
            (from, col) = (floor(at as usize), known_col);
        }
        let end = floor(offset as usize);
        col += f.text.get(from..end).map_or(0, |t| t.chars().count()) as u32;
        (line as u32 + 1, col)
    }

    /// `locate` for many diagnostics, returned in order of place (file, then start; the same
    /// order as given for equal places). Each column is counted on from the one before on the
    /// same line, so 100,000 diagnostics on one long line read it once, not once each.
    pub fn locate_all(&self, mut diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
        diags.sort_by_key(|d| (d.loc.file, d.loc.start));
        let mut known: Option<(u32, u32, (u32, u32))> = None;
        for d in &mut diags {
            let file = d.loc.file;
            if file as usize >= self.files.len() {
                continue;
            }
            d.file = self.file(file).name.clone();
            let before = known.filter(|k| k.0 == file).map(|(_, at, lc)| (at, lc));
            let start = self.line_col_from(file, d.loc.start, before);
            let end = self.line_col_from(file, d.loc.end, Some((d.loc.start, start)));
            (d.line, d.column, d.end_line, d.end_column) = (start.0, start.1, end.0, end.1);
            known = Some((file, d.loc.start, start));
        }
        diags
    }
    /// Fills file name, line and column of a diagnostic from its location.
    pub fn locate(&self, mut d: Diagnostic) -> Diagnostic {
        if (d.loc.file as usize) < self.files.len() {
            d.file = self.file(d.loc.file).name.clone();
            (d.line, d.column) = self.line_col(d.loc.file, d.loc.start);
            (d.end_line, d.end_column) = self.line_col(d.loc.file, d.loc.end);
        }
        d
    }
}

/// Closest candidate by edit distance, for "did you mean" hints.
pub fn suggest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    suggest_counting(name, candidates, &mut 0)
}

/// Longest name, in characters, that gets a "did you mean" hint (comparing two names costs
/// the product of their lengths).
const MAX_HINTED: usize = 64;

/// `suggest`, adding to `work` what it cost (a candidate looked at, a character pair compared),
/// for a caller that bounds the total. Only candidates whose length is within reach are
/// compared (the distance is at least the difference in length).
pub(crate) fn suggest_counting<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    work: &mut usize,
) -> Option<&'a str> {
    let limit = (name.len() / 3).max(1);
    let chars = name.chars().count();
    if chars > MAX_HINTED {
        return None;
    }
    candidates
        .into_iter()
        .filter_map(|c| {
            *work += 1;
            let c_chars = c.chars().take(chars + limit + 1).count();
            if c_chars.abs_diff(chars) > limit {
                return None;
            }
            *work += chars * c_chars;
            Some((edit_distance(name, c), c))
        })
        .filter(|&(d, _)| d <= limit)
        // Ties go to the name first in alphabetical order: the same hint on every run, whatever
        // order the candidates come in (some come from hash tables).
        .min()
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Columns counted on from the diagnostic before are those counted from the line start.
    #[test]
    fn locating_many_at_once_agrees_with_one_at_a_time() {
        let text = "ab é x\n\nrule 😅 r \"é\" near y\nz";
        let s = Sources::single("a.rules", text);
        let mut diags = vec![];
        for start in 0..=text.len() as u32 + 2 {
            for len in [0, 1, 3, 9] {
                diags.push(Diagnostic::new(
                    Code::Parse,
                    Loc { file: 0, start, end: start + len },
                    format!("{start}+{len}"),
                ));
            }
        }
        diags.reverse();
        let one_by_one: Vec<Diagnostic> = diags.iter().cloned().map(|d| s.locate(d)).collect();
        for d in s.locate_all(diags) {
            let same = one_by_one.iter().find(|o| o.message == d.message).unwrap();
            assert_eq!(
                (d.line, d.column, d.end_line, d.end_column),
                (same.line, same.column, same.end_line, same.end_column),
                "{}",
                d.message
            );
        }
    }

    #[test]
    fn line_and_column_count_characters() {
        let s = Sources::single("a.rules", "ab\né x\n");
        assert_eq!(s.line_col(0, 0), (1, 1));
        assert_eq!(s.line_col(0, 3), (2, 1));
        assert_eq!(s.line_col(0, 6), (2, 3));
    }

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(suggest("ppk", ["pns", "pppk", "tni"]), Some("pppk"));
        assert_eq!(suggest("zzzzzz", ["pns", "pppk"]), None);
        // Two names one edit away: the same one, whichever comes first.
        assert_eq!(suggest("tnx", ["tni", "tna"]), Some("tna"));
        assert_eq!(suggest("tnx", ["tna", "tni"]), Some("tna"));
    }
}
