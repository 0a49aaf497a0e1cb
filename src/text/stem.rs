//! Stemming: one normalised word → its root, by Indonesian affix rules, then English inflections.
//!
//! A dictionary-free variant of the Nazief–Adriani / ECS stemmer. A word is taken apart as
//! `prefix* + root + suffix + possessive + particle`:
//! - particles -lah, -kah, -tah, -pun; possessives -ku, -mu, -nya;
//! - derivational suffixes -kan, -an, -i (without a prefix only onto a known root: "temani" →
//!   "teman" but "dari" stays) and colloquial -in (only after a prefix: "ngumpulin");
//! - up to three prefixes: me-/mem-/men-/meng-/meny-, di-, ber-/be-, ter-, pe-/pem-/pen-/peng-/
//!   peny-, per-, ke- (only with -an), se- (only onto a known root, without a suffix: "sekantor"),
//!   colloquial nge-/ng-/ny-, with the sound changes of the nasal prefixes (memasang → pasang,
//!   menulis → tulis, menyukai → suka, mengunggah → unggah); a letter restored by a nasal prefix
//!   is never taken for another prefix ("memergoki" → "pergok").
//!
//! Prefixes are removed by `prefix.rs`. Every way of taking the word apart that respects the
//! allowed prefix–suffix pairs is tried; one that ends on a known root (see `roots.rs`) wins,
//! otherwise the one that strips the most. A root is never shorter than 3 letters. The result is
//! a pure function of the word, so a rule's phrase and the incident text always meet at the same
//! stem.

use super::english;
use super::prefix::{strip_prefixes, Pfx, View};
use super::roots::{known, Known};

/// A stem, written as `head`, then `word[start..end]`, then `tail` (no allocation needed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Stemmed {
    pub head: &'static str,
    pub start: usize,
    pub end: usize,
    pub tail: &'static str,
}

impl Stemmed {
    fn slice(start: usize, end: usize) -> Self {
        Stemmed { head: "", start, end, tail: "" }
    }

    /// Appends the stem of `word` to `out`.
    pub(crate) fn write(&self, word: &str, out: &mut String) {
        out.push_str(self.head);
        out.push_str(word.get(self.start..self.end).unwrap_or(""));
        out.push_str(self.tail);
    }
}

/// Longer "words" (glued text, hashes) are left alone.
const MAX_WORD: usize = 40;

/// The stem of a normalised (lowercase) word.
pub(crate) fn stem_parts(word: &str) -> Stemmed {
    let b = word.as_bytes();
    if b.first().is_some_and(u8::is_ascii_digit) {
        if !b.iter().all(u8::is_ascii_digit) {
            return Stemmed::slice(0, b.len());
        }
        // "02" and "2" are the same number.
        let zeros = b.iter().take_while(|&&c| c == b'0').count().min(b.len() - 1);
        return Stemmed::slice(zeros, b.len());
    }
    // English possessive: "regency's" → "regency".
    let w = word.strip_suffix("'s").unwrap_or(word);
    if let Some(base) = english::irregular(w) {
        return Stemmed { head: base, start: 0, end: 0, tail: "" };
    }
    if w.len() < 4 || w.len() > MAX_WORD || !w.bytes().all(|c| c.is_ascii_lowercase()) {
        return Stemmed::slice(0, w.len());
    }
    match known("", w) {
        Some(Known::Stem(s)) => return Stemmed { head: s, start: 0, end: 0, tail: "" },
        Some(Known::Root) => return Stemmed::slice(0, w.len()),
        None => {}
    }
    let (root, known) = indonesian(w).unwrap_or((View { head: "", body: w, off: 0 }, false));
    let end = root.off + root.body.len();
    if root.head.is_empty() && !known {
        if let Some((e, tail)) = english::strip(root.body) {
            return Stemmed { head: "", start: root.off, end: root.off + e, tail };
        }
    }
    Stemmed { head: root.head, start: root.off, end, tail: "" }
}

/// A derivational suffix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Suf {
    None,
    Kan,
    An,
    I,
    In,
}

impl Suf {
    fn len(self) -> usize {
        match self {
            Suf::None => 0,
            Suf::I => 1,
            Suf::An | Suf::In => 2,
            Suf::Kan => 3,
        }
    }
}

/// Whether a word may carry first prefix `p` together with suffix `s` (the ECS confix rules).
fn confix_ok(p: Pfx, s: Suf) -> bool {
    use {Pfx as P, Suf as S};
    matches!(
        (p, s),
        (_, S::None)
            | (P::None, S::Kan | S::An | S::I)
            | (P::Me | P::Di | P::Coll, S::Kan | S::I | S::In)
            | (P::Ter, S::Kan | S::I)
            | (P::Per, S::An | S::I)
            | (P::Ber, S::Kan | S::An)
            | (P::Pe | P::Ke, S::An)
    )
}

/// Suffix readings of `w`, most likely first.
fn suffixes(w: &str) -> &'static [Suf] {
    if w.ends_with("kan") {
        &[Suf::Kan, Suf::An, Suf::None]
    } else if w.ends_with("an") {
        &[Suf::An, Suf::None]
    } else if w.ends_with("in") {
        &[Suf::In, Suf::None]
    } else if w.ends_with('i') {
        &[Suf::I, Suf::None]
    } else {
        &[Suf::None]
    }
}

/// Length of a trailing particle or possessive of `w` (from `list`) that leaves 3 letters.
fn ending(w: &str, list: &[&str]) -> usize {
    let last = w.as_bytes().last();
    list.iter()
        .find(|e| e.as_bytes().last() == last && w.ends_with(*e) && w.len() >= e.len() + 3)
        .map_or(0, |e| e.len())
}

/// The Indonesian root of `w` (lowercase ASCII, 4+ letters, not itself a known word) and whether
/// it is a known root, or `None` if nothing comes off.
fn indonesian(w: &str) -> Option<(View<'_>, bool)> {
    const PARTICLES: &[&str] = &["lah", "kah", "tah", "pun"];
    const POSSESSIVES: &[&str] = &["nya", "ku", "mu"];
    let p = ending(w, PARTICLES);
    let q2 = ending(w, POSSESSIVES);
    let prefixed = matches!(&w.as_bytes()[..2], b"me" | b"pe" | b"be" | b"te" | b"di" | b"ke" | b"se" | b"ng" | b"ny");
    if p == 0 && q2 == 0 && !prefixed && suffixes(w) == [Suf::None] {
        return None; // nothing can come off: the common case, decided without lookups
    }
    let pw = &w[..w.len() - p];
    let q1 = if p > 0 { ending(pw, POSSESSIVES) } else { 0 };
    // Readings: without particle and possessive, without the particle, without the possessive,
    // as is.
    let bases = [
        (&pw[..pw.len() - q1], usize::from(p > 0) + usize::from(q1 > 0)),
        (pw, usize::from(p > 0)),
        (&w[..w.len() - q2], usize::from(q2 > 0)),
        (w, 0),
    ];
    let mut best: Option<(View, usize)> = None;
    for (i, &(base, score0)) in bases.iter().enumerate() {
        if bases[..i].iter().any(|(b, _)| b.len() == base.len()) {
            continue;
        }
        let whole = View { head: "", body: base, off: 0 };
        if score0 > 0 && whole.known() {
            return Some((whole, true));
        }
        for &suf in suffixes(base) {
            let Some(stem_base) = base.get(..base.len() - suf.len()).filter(|b| b.len() >= 3) else {
                continue;
            };
            let v = View { head: "", body: stem_base, off: 0 };
            // `w` itself was looked up by the caller; a shorter base was not.
            let checked = stem_base.len() == w.len() || (suf == Suf::None && score0 > 0);
            let (root, known, first, count) = strip_prefixes(v, suf, checked);
            // Without a prefix, "-i" comes off only onto a known root ("temani" → "teman", but
            // "dari", "tapi", "provinsi" keep their "i").
            if !confix_ok(first, suf) || (suf == Suf::I && first == Pfx::None && !known) {
                continue;
            }
            let score = score0 + 2 * usize::from(suf != Suf::None) + 2 * count;
            if score == 0 {
                continue;
            }
            if known {
                return Some((root, true));
            }
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((root, score));
            }
        }
    }
    best.map(|(v, _)| (v, false))
}

#[cfg(test)]
#[path = "stem_tests.rs"]
mod tests;
