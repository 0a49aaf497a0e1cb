//! What the CLI prints: diagnostics with the source line underlined (colour on a terminal),
//! verdicts in plain words with the evidence marked, and the rule list.

use super::excerpt::Excerpt;
use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as ReportSeverity};
use codespan_reporting::term::{
    self,
    termcolor::{ColorChoice, StandardStream},
    Config,
};
use netral::{Diagnostic, Incident, Lang, RuleInfo, Severity, Sources, Verdict, VerdictKind};
use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};

/// One line of output (what `say!` writes), made safe for a terminal.
pub fn line(out: &mut impl Write, text: std::fmt::Arguments) -> io::Result<()> {
    match text.as_str() {
        Some(s) => out.write_all(safe(s).as_bytes())?,
        None => out.write_all(safe(&text.to_string()).as_bytes())?,
    }
    out.write_all(b"\n")
}

/// `s` as it may be shown on a terminal: control characters and bidirectional overrides are
/// written as Rust escapes (ESC as `\u{1b}`). Rule files and incidents are not trusted: ESC
/// starts the sequences that clear the screen or recolour text, a carriage return or line break
/// lets a rule title print a line of its own that looks like a verdict
/// (`"Judul\rDIPERBOLEHKAN — …"`), and U+202E shows text in another order than it is read.
/// Tabs stay.
pub fn safe(s: &str) -> Cow<'_, str> {
    if !s.chars().any(unsafe_on_terminal) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_safe(&mut out, c);
    }
    Cow::Owned(out)
}

/// Appends `c`, or its escape when it is one `safe` escapes.
pub fn push_safe(out: &mut String, c: char) {
    if unsafe_on_terminal(c) {
        let _ = write!(out, "{}", c.escape_unicode());
    } else {
        out.push(c);
    }
}

fn unsafe_on_terminal(c: char) -> bool {
    (c.is_control() && c != '\t') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Prints diagnostics to standard error, each with the line it is on (`excerpt.rs`).
pub fn diagnostics(sources: &Sources, diags: &[Diagnostic]) -> io::Result<()> {
    let choice = if std::io::stderr().is_terminal() { ColorChoice::Auto } else { ColorChoice::Never };
    let writer = StandardStream::stderr(choice);
    let config = Config::default();
    for d in diags {
        let severity = match d.severity {
            Severity::Error => ReportSeverity::Error,
            Severity::Warning => ReportSeverity::Warning,
        };
        let mut report = Report::new(severity).with_code(d.code).with_message(safe(&d.message));
        let excerpt = Excerpt::of(sources, d);
        if let Some(x) = &excerpt {
            report = report.with_labels(vec![Label::primary((), x.label.clone())]);
        }
        if let Some(h) = &d.hint {
            report = report.with_notes(vec![format!("hint: {}", safe(h))]);
        }
        // Without a label codespan reads no file: an empty one serves.
        let files = excerpt.unwrap_or_default();
        match term::emit_to_write_style(&mut writer.lock(), &config, &files, &report) {
            Ok(()) => {}
            Err(codespan_reporting::files::Error::Io(e)) => return Err(e),
            Err(_) => say!(
                &mut writer.lock(),
                "{}:{}:{}: {} [{}] {}",
                d.file,
                d.line,
                d.column,
                if d.is_error() { "error" } else { "warning" },
                d.code,
                d.message
            )?,
        }
    }
    Ok(())
}

/// Prints the errors that keep an incident from being classified (an unknown fact, a value
/// that does not fit), with their hints.
pub fn incident_errors(out: &mut impl Write, diags: &[Diagnostic]) -> io::Result<()> {
    for d in diags {
        say!(out, "error[{}]: {}", d.code, d.message)?;
        if let Some(h) = &d.hint {
            say!(out, "  hint: {h}")?;
        }
    }
    Ok(())
}

fn verdict_words(v: VerdictKind, lang: Lang) -> &'static str {
    match (v, lang) {
        (VerdictKind::Violation, Lang::Id) => "PELANGGARAN — tindakan ini melanggar aturan netralitas",
        (VerdictKind::Violation, Lang::En) => "VIOLATION — this act breaks the neutrality rules",
        (VerdictKind::NeedsMoreInfo, Lang::Id) => "PERLU INFORMASI — jawabannya bergantung pada satu hal lagi",
        (VerdictKind::NeedsMoreInfo, Lang::En) => "NEEDS MORE INFORMATION — the answer depends on one more fact",
        (VerdictKind::Allowed, Lang::Id) => "DIPERBOLEHKAN — tidak ada larangan yang terpenuhi",
        (VerdictKind::Allowed, Lang::En) => "ALLOWED — no prohibition is met",
    }
}

/// Prints a readable verdict: decision, rules with bases and sanctions, evidence in the text.
pub fn verdict(out: &mut impl Write, inc: &Incident, v: &Verdict) -> io::Result<()> {
    let en = inc.lang == Lang::En;
    let t = |id: &'static str, e: &'static str| if en { e } else { id };
    say!(out, "{}", verdict_words(v.verdict, inc.lang))?;
    for m in &v.matched {
        say!(out)?;
        say!(out, "  [{}] {}", m.rule, m.title)?;
        if !m.basis.is_empty() {
            say!(out, "    {}: {}", t("Dasar hukum", "Legal basis"), m.basis.join("; "))?;
        }
        if let Some(s) = &m.sanction {
            say!(out, "    {}: {}", t("Sanksi", "Sanction"), s.label)?;
            for other in m.sanctions.iter().skip(1) {
                say!(out, "             {}", other.label)?;
            }
        }
        if !m.because.is_empty() {
            say!(out, "    {}: {}", t("Karena", "Because"), m.because.join("; "))?;
        }
        if let Some(a) = &m.advice {
            say!(out, "    {}: {a}", t("Saran", "Advice"))?;
        }
        if let Some(n) = &m.note {
            say!(out, "    {}: {n}", t("Catatan", "Note"))?;
        }
        for u in &m.uncertain {
            say!(out, "    {}: {u}", t("Belum pasti", "Belum pasti / Uncertain"))?;
        }
    }
    if !v.possible.is_empty() && v.verdict != VerdictKind::Violation {
        say!(out)?;
        say!(out, "  {}:", t("Mungkin berlaku", "May apply"))?;
        for p in v.possible.iter().take(5) {
            say!(out, "    [{}] {} ({}: {})", p.rule, p.title, t("menunggu", "waiting on"), p.missing.join(", "))?;
        }
    }
    if !v.nearly.is_empty() {
        println!();
        println!("  {}:", t("Mengapa bukan pelanggaran", "Why not a violation"));
        for n in &v.nearly {
            println!(
                "    [{}] {} ({}: {})",
                n.rule,
                n.title,
                t("berlaku bila", "would apply with"),
                n.lacking.join("; ")
            );
        }
    }
    let marked = mark_evidence(&inc.text, v);
    if marked != inc.text {
        say!(out)?;
        evidence(out, t("Bukti", "Evidence"), &marked)?;
    }
    if let Some(q) = &v.question {
        say!(out)?;
        say!(out, "  {}: {}", t("Pertanyaan", "Question"), q.text)?;
        let answers: Vec<String> =
            q.answers.iter().map(|a| format!("{} ({})", a.label, value_text(&a.value))).collect();
        if !answers.is_empty() {
            say!(out, "    {}", answers.join(" · "))?;
        }
        let how =
            if q.kind == "acts" { format!("{}=act,act | {}=none", q.fact, q.fact) } else { format!("{}=…", q.fact) };
        say!(out, "    ({} --fact {how})", t("jawab dengan", "answer with"))?;
    }
    Ok(())
}

/// The marked text under its label. A text of several lines keeps them, each indented under the
/// first: no line of an incident starts at the left edge, where verdicts are printed.
fn evidence(out: &mut impl Write, label: &str, marked: &str) -> io::Result<()> {
    let indent = " ".repeat(label.chars().count() + 4);
    for (i, text) in marked.trim_end().lines().enumerate() {
        if i == 0 {
            say!(out, "  {label}: {text}")?;
        } else {
            say!(out, "{indent}{text}")?;
        }
    }
    Ok(())
}

fn value_text(v: &netral::verdict::Value) -> String {
    match v {
        netral::verdict::Value::Bool(b) => b.to_string(),
        netral::verdict::Value::Number(x) => x.to_string(),
        netral::verdict::Value::Text(s) => s.to_string(),
    }
}

/// The text with every evidence span wrapped in [brackets].
fn mark_evidence(text: &str, v: &Verdict) -> String {
    let mut spans: Vec<(usize, usize)> = v
        .matched
        .iter()
        .flat_map(|m| &m.evidence)
        .filter_map(|e| Some((byte_at(text, e.start)?, byte_at(text, e.end)?)))
        .collect();
    spans.sort_unstable();
    let mut out = String::with_capacity(text.len() + spans.len() * 2);
    let mut at = 0;
    for (s, e) in spans {
        if s < at {
            continue;
        }
        out.push_str(&text[at..s]);
        out.push('[');
        out.push_str(&text[s..e]);
        out.push(']');
        at = e;
    }
    out.push_str(&text[at..]);
    out
}

/// Byte offset of a UTF-16 index.
fn byte_at(text: &str, utf16: u32) -> Option<usize> {
    let mut units = 0u32;
    for (i, c) in text.char_indices() {
        if units >= utf16 {
            return Some(i);
        }
        units += c.len_utf16() as u32;
    }
    (units >= utf16).then_some(text.len())
}

/// Prints the rule list as a table.
pub fn rule_list(out: &mut impl Write, rules: &[RuleInfo]) -> io::Result<()> {
    for r in rules {
        let kind = match r.kind {
            netral::verdict::RuleKind::Prohibition => "larangan",
            netral::verdict::RuleKind::Permission => "izin",
        };
        say!(out, "{} ({kind}, {} contoh) — {}", r.id, r.examples.len(), r.title)?;
        if !r.basis.is_empty() {
            say!(out, "    dasar: {}", r.basis.join("; "))?;
        }
        if let Some(s) = &r.sanction {
            say!(out, "    sanksi: {} [{}]", s.label, s.severity)?;
        }
    }
    say!(out, "{} rules", rules.len())
}
