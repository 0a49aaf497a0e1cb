//! `netral classify --jsonl`: one Incident per input line; for each line that is not blank, one
//! output line that starts with the input line's number: the Verdict's fields, or the errors
//! that kept the line from being classified. A bad line does not end the stream.

use super::read::{Line, Lines, MAX_LINE_BYTES};
use super::Stop;
use netral::diagnostic::Loc;
use netral::{Diagnostic, Incident, Rulebook};
use serde::Serialize;
use std::io::{self, BufRead, Write};

/// A verdict as written: `{"line": 3, "verdict": "violation", …}`.
#[derive(Serialize)]
struct Numbered<'a, T: Serialize> {
    line: usize,
    #[serde(flatten)]
    verdict: &'a T,
}

/// A line that could not be classified: `{"line": 4, "error": [diagnostics]}`.
#[derive(Serialize)]
struct Failed<'a> {
    line: usize,
    error: &'a [Diagnostic],
}

/// Classifies every line of `input` onto `out`; true when every line was classified.
pub fn classify_lines(book: &Rulebook, input: impl BufRead, out: &mut impl Write) -> Result<bool, Stop> {
    let mut lines = Lines::new(input, MAX_LINE_BYTES);
    let mut all_classified = true;
    loop {
        let next = lines.next_line().map_err(|e| Stop::Failed(format!("cannot read the input: {e}")))?;
        let classified = match next {
            None => return Ok(all_classified),
            Some((number, Line::TooLong)) => write_failed(out, number, &[too_long(number)])?,
            Some((_, Line::Read(bytes))) if bytes.trim_ascii().is_empty() => continue,
            Some((number, Line::Read(bytes))) => classify_line(book, number, bytes, out)?,
        };
        all_classified &= classified;
    }
}

/// Writes one line's verdict, or its errors; true when it was classified.
fn classify_line(book: &Rulebook, number: usize, bytes: &[u8], out: &mut impl Write) -> io::Result<bool> {
    let incident = match read_incident(number, bytes) {
        Ok(incident) => incident,
        Err(d) => return write_failed(out, number, &d),
    };
    match book.classify(&incident) {
        // Written straight out (no JSON value tree in between: that doubled the time per report).
        Ok(v) => write_line(out, &Numbered { line: number, verdict: &v }).map(|()| true),
        Err(diags) => write_failed(out, number, &diags),
    }
}

/// The Incident on one line, validated as the module validates one (`Incident::from_json`).
fn read_incident(number: usize, bytes: &[u8]) -> Result<Incident, Vec<Diagnostic>> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let msg = format!("line {number} is not UTF-8 text (from byte {})", e.valid_up_to() + 1);
        vec![line_error(netral::Code::NotUtf8, msg, "save the file as UTF-8")]
    })?;
    Incident::from_json(text).map_err(|mut diags| {
        for d in &mut diags {
            d.message = format!("line {number}: {}", d.message);
            d.file = "incident".into();
        }
        diags
    })
}

fn too_long(number: usize) -> Diagnostic {
    let msg = format!(
        "line {number} is longer than {MAX_LINE_BYTES} bytes; a description is at most {} bytes",
        netral::MAX_INCIDENT_BYTES
    );
    line_error(netral::Code::TextTooLong, msg, "shorten the description (the line was skipped unread)")
}

/// An error in one input line, made as the library makes an incident's errors.
fn line_error(code: netral::Code, msg: String, hint: &str) -> Diagnostic {
    let mut d = Diagnostic::new(code, Loc::default(), msg).with_hint(hint);
    d.file = "incident".into();
    d
}

/// Writes the errors of one line; false (it was not classified).
fn write_failed(out: &mut impl Write, line: usize, error: &[Diagnostic]) -> io::Result<bool> {
    write_line(out, &Failed { line, error }).map(|()| false)
}

fn write_line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}
