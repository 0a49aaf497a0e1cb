//! Dates: finds calendar dates written in incident text, and converts ISO dates to day numbers.
//!
//! Recognised forms (Indonesian and English month names, full or abbreviated, any case):
//! "14 Februari 2024", "14 Feb. 2024", "14-Feb-2024", "14th February 2024", "February 14, 2024",
//! "Feb 14 2024", "14/2/2024", "14-02-2024", "14.02.2024" (day first; month first only when the
//! day-first reading is impossible, as in "2/14/2024"), "2024-02-14" and "2024/02/14".
//! A date without a year ("14 Februari") is not a date here, nor are "kemarin"/"yesterday".
//!
//! A month or part of a year is a range of days: "Juli 2024", "bulan Juli 2024", "July 2024"
//! (the whole month); "awal Juli 2024" (days 1–10), "pertengahan Juli 2024" (11–20), "akhir
//! Juli 2024" (21 to the end), and in English "early", "mid", "late"/"end of"; "awal 2024"
//! (January–April), "pertengahan 2024" (May–August), "akhir 2024" (September–December). A
//! period is then known to hold only when the whole range lies in it (`eval::tri`).
//! Years 1900–2199 are accepted in text; days are counted from 1970-01-01.

use super::invisible::Visible;
use super::scan::is_blank;

/// A date found in text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FoundDate {
    /// Days since 1970-01-01 (negative before): the day, or the first day of a range.
    pub day: i32,
    /// The last day of a range ("Juli 2024": 31 July); `day` for a single day.
    pub last: i32,
    /// Byte offset of the date's first byte in the text.
    pub start: u32,
    /// Byte offset just past the date.
    pub end: u32,
}

/// A lexical item of the date scanner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lex {
    /// Digits: value (saturated), digit count, with an ordinal suffix ("14th").
    Num(u32, usize, bool),
    /// A month name (1–12).
    Month(u8),
    /// One of `/ - . ,`.
    Sep(u8),
    /// A part of a month or year: 0 early ("awal"), 1 middle ("pertengahan"), 2 late ("akhir").
    Part(u8),
    /// A word that may stand between the parts of a range: "bulan", "tahun", "of", "the".
    Filler,
    /// Anything else that matters: a word that is not a month, or another symbol.
    Other,
}

/// The month (1–12) named by `w`: Indonesian or English, full or abbreviated, any case.
fn month(w: &str) -> Option<u8> {
    let mut buf = [0u8; 9];
    let low = buf.get_mut(..w.len())?;
    low.copy_from_slice(w.as_bytes());
    low.make_ascii_lowercase();
    Some(match &*low {
        b"januari" | b"january" | b"jan" => 1,
        b"februari" | b"pebruari" | b"february" | b"feb" | b"peb" => 2,
        b"maret" | b"march" | b"mar" => 3,
        b"april" | b"apr" => 4,
        b"mei" | b"may" => 5,
        b"juni" | b"june" | b"jun" => 6,
        b"juli" | b"july" | b"jul" => 7,
        b"agustus" | b"august" | b"agu" | b"agt" | b"ags" | b"aug" => 8,
        b"september" | b"sept" | b"sep" => 9,
        b"oktober" | b"october" | b"okt" | b"oct" => 10,
        b"november" | b"nopember" | b"nov" | b"nop" => 11,
        b"desember" | b"december" | b"des" | b"dec" => 12,
        _ => return None,
    })
}

/// A word naming a part of a month or year, or one that may stand between a range's words.
fn part(w: &str) -> Option<Lex> {
    let mut buf = [0u8; 11];
    let low = buf.get_mut(..w.len())?;
    low.copy_from_slice(w.as_bytes());
    low.make_ascii_lowercase();
    Some(match &*low {
        b"awal" | b"early" | b"beginning" => Lex::Part(0),
        b"pertengahan" | b"tengah" | b"mid" | b"middle" => Lex::Part(1),
        b"akhir" | b"late" | b"end" => Lex::Part(2),
        b"bulan" | b"tahun" | b"of" | b"the" => Lex::Filler,
        _ => return None,
    })
}

/// Splits `text` into date lexemes with their spans and whether whitespace came before
/// (`space` says whether whitespace comes before `text` itself). Whitespace is any space or
/// line break (`scan::is_blank`): "14\u{A0}Februari\u{A0}2024" is a date.
fn lex(text: &str, mut space: bool) -> Vec<(Lex, usize, usize, bool)> {
    let b = text.as_bytes();
    let mut out: Vec<(Lex, usize, usize, bool)> = Vec::with_capacity(16);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let start = i;
        let item = if c.is_ascii_digit() {
            let mut v: u32 = 0;
            while i < b.len() && b[i].is_ascii_digit() {
                v = v.saturating_mul(10).saturating_add(u32::from(b[i] - b'0'));
                i += 1;
            }
            let n = i - start;
            let low = |k: usize| b.get(k).map_or(0, u8::to_ascii_lowercase);
            let ordinal = matches!((low(i), low(i + 1)), (b's', b't') | (b'n' | b'r', b'd') | (b't', b'h'))
                && !b.get(i + 2).is_some_and(u8::is_ascii_alphanumeric);
            if ordinal {
                i += 2;
            }
            Lex::Num(v, n, ordinal)
        } else if c.is_ascii_alphabetic() {
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            let w = &text[start..i];
            month(w).map(Lex::Month).or_else(|| part(w)).unwrap_or(Lex::Other)
        } else {
            let Some(ch) = text[i..].chars().next() else { break };
            i += ch.len_utf8();
            if is_blank(ch) {
                space = true;
                continue;
            }
            match c {
                b'/' | b'-' | b'.' | b',' => Lex::Sep(c),
                _ => Lex::Other,
            }
        };
        // A run of other words only separates dates: one item stands for the run.
        if item != Lex::Other || !matches!(out.last(), Some((Lex::Other, ..))) {
            out.push((item, start, i, space));
        }
        space = false;
    }
    out
}

/// Finds the dates written in `text`, in order, without overlaps. Invisible format characters
/// are read as absent ("14 Feb\u{AD}ruari 2024" is a date; its span keeps the soft hyphen).
pub fn find_dates(text: &str) -> Vec<FoundDate> {
    let visible = Visible::new(text);
    let mut found = find_visible(visible.as_str());
    for d in &mut found {
        (d.start, d.end) = visible.span(d.start, d.end);
    }
    found
}

/// The dates in a text without format characters.
fn find_visible(text: &str) -> Vec<FoundDate> {
    // Every date has a year: four digits. Only the words around each such number are read
    // (most descriptions have one year or none, and reading every word costs more than the
    // rest of the date stage together).
    let mut found = Vec::new();
    let mut window: Option<(usize, usize)> = None;
    for (start, end) in four_digit_runs(text) {
        let w = (around_start(text, start), chunk_end(text, end));
        window = match window {
            Some((s, e)) if w.0 <= e => Some((s, e.max(w.1))),
            Some(prev) => {
                dates_in(text, prev, &mut found);
                Some(w)
            }
            None => Some(w),
        };
    }
    if let Some(w) = window {
        dates_in(text, w, &mut found);
    }
    found
}

/// The dates in `text[s..e]` (which starts at the text's start or after whitespace).
fn dates_in(text: &str, (s, e): (usize, usize), found: &mut Vec<FoundDate>) {
    let lx = lex(&text[s..e], s > 0);
    let mut i = 0;
    while i < lx.len() {
        match match_at(&lx, i) {
            Some(((day, last_day), last)) => {
                let (start, end) = ((s + lx[i].1) as u32, (s + lx[last].2) as u32);
                found.push(FoundDate { day, last: last_day, start, end });
                i = last + 1;
            }
            None => i += 1,
        }
    }
}

/// Byte spans of the runs of exactly four digits.
fn four_digit_runs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            if !b[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 4 {
                return Some((start, i));
            }
        }
        None
    })
}

/// Where to start reading for a date whose year starts at `year`: seven whitespace-separated
/// chunks back (whitespace as `lex` reads it). A date has at most six lexemes before its year
/// and each chunk holds at least one; the seventh is the context `match_at` looks at. The
/// start is a chunk's first byte.
fn around_start(text: &str, year: usize) -> usize {
    // The length of the character before byte `i`, and whether it is whitespace.
    let before = |i: usize| text[..i].chars().next_back().map(|c| (c.len_utf8(), is_blank(c)));
    let mut i = year;
    for _ in 0..7 {
        while let Some((n, false)) = before(i) {
            i -= n;
        }
        while let Some((n, true)) = before(i) {
            i -= n;
        }
    }
    // Back to the first byte of that chunk (or the start of the text).
    while let Some((n, false)) = before(i).filter(|_| i < year) {
        i -= n;
    }
    i
}

/// The end of the whitespace-separated chunk that contains byte `i - 1` (a date whose year
/// comes first, "2024-02-14", is glued together).
fn chunk_end(text: &str, i: usize) -> usize {
    text[i..].find(is_blank).map_or(text.len(), |k| i + k)
}

/// A date or range starting at lexeme `i`: its first and last day numbers and the index of its
/// last lexeme.
fn match_at(lx: &[(Lex, usize, usize, bool)], i: usize) -> Option<((i32, i32), usize)> {
    match_day(lx, i).map(|(d, last)| ((d, d), last)).or_else(|| match_range(lx, i))
}

/// A month or part of a year starting at lexeme `i` ("Juli 2024", "akhir Juli 2024", "awal
/// 2024", "mid-2024", "the end of July 2024"): its first and last days and its last lexeme.
fn match_range(lx: &[(Lex, usize, usize, bool)], i: usize) -> Option<((i32, i32), usize)> {
    // A number right before ("14 Juli 2024" read from "Juli") belongs to a day form.
    if i > 0 && matches!(lx[i - 1].0, Lex::Num(..)) {
        return None;
    }
    let mut k = i;
    let skip_fillers = |mut k: usize| {
        while matches!(lx.get(k).map(|l| l.0), Some(Lex::Filler)) {
            k += 1;
        }
        k
    };
    let part = match lx.get(k).map(|l| l.0) {
        Some(Lex::Part(p)) => {
            k = skip_fillers(k + 1);
            if matches!(lx.get(k).map(|l| l.0), Some(Lex::Sep(b'-'))) {
                k += 1;
            }
            Some(p)
        }
        _ => None,
    };
    let month = match lx.get(k).map(|l| l.0) {
        Some(Lex::Month(m)) => {
            k = skip_fillers(k + 1);
            if matches!(lx.get(k).map(|l| l.0), Some(Lex::Sep(b','))) {
                k += 1;
            }
            Some(u32::from(m))
        }
        _ => None,
    };
    let year = match lx.get(k).map(|l| l.0) {
        Some(Lex::Num(v, 4, false)) if (1900..=2199).contains(&v) => v as i32,
        _ => return None,
    };
    // A number glued after the year ("Juli 2024/25") is something else.
    if lx.get(k + 1).is_some_and(|l| !l.3 && matches!(l.0, Lex::Num(..) | Lex::Sep(b'/'))) {
        return None;
    }
    let (first, last) = match (month, part) {
        (Some(m), None) => ((m, 1), (m, 31)),
        (Some(m), Some(0)) => ((m, 1), (m, 10)),
        (Some(m), Some(1)) => ((m, 11), (m, 20)),
        (Some(m), Some(_)) => ((m, 21), (m, 31)),
        (None, Some(0)) => ((1, 1), (4, 30)),
        (None, Some(1)) => ((5, 1), (8, 31)),
        (None, Some(_)) => ((9, 1), (12, 31)),
        // A bare year ("Pemilu 2024") names an election more often than a time.
        (None, None) => return None,
    };
    let last_day = month_len(i64::from(year), last.0).min(last.1);
    Some(((days_from_civil(year, first.0, first.1)?, days_from_civil(year, last.0, last_day)?), k))
}

/// A single day starting at lexeme `i`: its day number and the index of its last lexeme.
fn match_day(lx: &[(Lex, usize, usize, bool)], i: usize) -> Option<(i32, usize)> {
    let at = |k: usize| lx.get(i + k).map(|l| l.0);
    let glued = |k: usize| lx.get(i + k).is_some_and(|l| !l.3);
    let is_sep = |k: usize, set: &[u8]| matches!(at(k), Some(Lex::Sep(c)) if set.contains(&c));
    let day = |k: usize| match at(k) {
        Some(Lex::Num(v, 1 | 2, _)) => Some(v),
        _ => None,
    };
    let year = |k: usize| match at(k) {
        Some(Lex::Num(v, 4, false)) if (1900..=2199).contains(&v) => Some(v as i32),
        _ => None,
    };
    let month = |k: usize| match at(k) {
        Some(Lex::Month(m)) => Some(u32::from(m)),
        _ => None,
    };
    let done = |y: i32, m: u32, d: u32, last: usize| days_from_civil(y, m, d).map(|n| (n, i + last));
    // A number glued to a number before it ("v1.14/2/2024") is part of something else.
    let glued_num = |j: usize| !lx[j].3 && j > 0 && matches!(lx[j - 1].0, Lex::Num(..));
    if i > 0
        && !lx[i].3
        && (matches!(lx[i - 1].0, Lex::Num(..)) || (matches!(lx[i - 1].0, Lex::Sep(_)) && glued_num(i - 1)))
    {
        return None;
    }
    // 14 Februari 2024, 14-Feb-2024, 14 Feb. 2024, 14 Februari, 2024
    if let Some(d) = day(0) {
        let k = if is_sep(1, b"-./") { 2 } else { 1 };
        if let Some(m) = month(k) {
            let k = if is_sep(k + 1, b".-,") { k + 2 } else { k + 1 };
            if let Some(y) = year(k) {
                return done(y, m, d, k);
            }
        }
    }
    // February 14, 2024; Feb 14th 2024
    if let (Some(m), Some(d)) = (month(0), day(1)) {
        let k = if is_sep(2, b",") { 3 } else { 2 };
        if let Some(y) = year(k) {
            return done(y, m, d, k);
        }
    }
    // 14/2/2024, 14-02-2024, 14.02.2024 (day first unless impossible); 2024-02-14, 2024/02/14
    if (1..5).all(glued) && is_sep(1, b"/-.") && at(3) == at(1) {
        if let (Some(a), Some(b), Some(y)) = (day(0), day(2), year(4)) {
            return days_from_civil(y, b, a).or_else(|| days_from_civil(y, a, b)).map(|n| (n, i + 4));
        }
        if let (Some(y), Some(m), Some(d)) = (year(0), day(2), day(4)) {
            if !is_sep(1, b".") {
                return done(y, m, d, 4);
            }
        }
    }
    None
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn month_len(y: i64, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a valid date (H. Hinnant's algorithm), or `None`.
fn days_from_civil(y: i32, m: u32, d: u32) -> Option<i32> {
    let y = i64::from(y);
    if !(1..=12).contains(&m) || d == 0 || d > month_len(y, m) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    i32::try_from(era * 146_097 + doe - 719_468).ok()
}

/// The date of a day number: (year, month, day).
fn civil_from_days(z: i32) -> (i64, u32, u32) {
    let z = i64::from(z) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Parses exactly "YYYY-MM-DD" into days since 1970-01-01; `None` unless the date exists
/// ("2023-02-29" does not).
pub fn parse_iso_date(s: &str) -> Option<i32> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |v, &c| c.is_ascii_digit().then(|| v * 10 + u32::from(c - b'0')))
    };
    days_from_civil(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

/// Formats days since 1970-01-01 as "YYYY-MM-DD" (years before 1 or after 9999 get a sign or
/// more digits).
pub fn format_iso_date(day: i32) -> String {
    let (y, m, d) = civil_from_days(day);
    if y < 0 {
        format!("-{:04}-{m:02}-{d:02}", -y)
    } else {
        format!("{y:04}-{m:02}-{d:02}")
    }
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;
