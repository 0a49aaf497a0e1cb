//! Prefix removal: strips Indonesian (and colloquial) prefixes with their sound changes.
//!
//! meN- and peN- hide the root's first letter: "memasang" (p), "menulis" (t), "menyukai" (s),
//! "mengumpulkan" (k). The default letter is restored unless the other reading is a known root
//! ("meminta" → "minta", "mengajak" → "ajak", "menyatakan" → "nyata"). ber-/ter-/per- before r
//! work the same way ("berupa" → "rupa").

use super::roots::{known, Known};
use super::stem::Suf;

/// A candidate root: replacement first letter(s) `head` + `body`, a slice of the word at `off`.
#[derive(Clone, Copy, Debug)]
pub(super) struct View<'a> {
    pub(super) head: &'static str,
    pub(super) body: &'a str,
    pub(super) off: usize,
}

impl<'a> View<'a> {
    pub(super) fn len(&self) -> usize {
        self.head.len() + self.body.len()
    }

    /// Byte `i`, or 0 past the end.
    fn byte(&self, i: usize) -> u8 {
        let h = self.head.as_bytes();
        match h.get(i) {
            Some(&c) => c,
            None => self.body.as_bytes().get(i - h.len()).copied().unwrap_or(0),
        }
    }

    fn starts_with(&self, p: &str) -> bool {
        p.bytes().enumerate().all(|(i, c)| self.byte(i) == c)
    }

    fn vowel(&self, i: usize) -> bool {
        is_vowel(self.byte(i))
    }

    /// Without its first `n` bytes.
    fn drop(&self, n: usize) -> View<'a> {
        match n.checked_sub(self.head.len()) {
            None => View { head: &self.head[n..], ..*self },
            Some(k) => {
                let k = k.min(self.body.len());
                View { head: "", body: &self.body[k..], off: self.off + k }
            }
        }
    }

    fn with_head(self, head: &'static str) -> View<'a> {
        View { head, ..self }
    }

    pub(super) fn known(&self) -> bool {
        known(self.head, self.body) == Some(Known::Root)
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether `v` can begin an Indonesian (or loan) root: a vowel, a consonant + vowel, or a
/// common cluster ("pr", "sh", "ny"…). Keeps "disdik" or "diskusi" from losing "di".
fn onset(v: View) -> bool {
    let (a, b) = (v.byte(0), v.byte(1));
    a != 0
        && (is_vowel(a)
            || is_vowel(b)
            || matches!(
                [a, b],
                [b'b' | b'c' | b'f' | b'g' | b'k' | b'p', b'l' | b'r']
                    | [b'd' | b't', b'r']
                    | [b's' | b'c' | b't' | b'w' | b'p' | b'k', b'h']
                    | [b's', b'y' | b'w']
                    | [b'n', b'y' | b'g']
            ))
}

/// The kind of a removed prefix, for the prefix–suffix (confix) rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pfx {
    None,
    Me,
    Di,
    Ter,
    Ber,
    Pe,
    Per,
    Ke,
    Se,
    Coll,
}

/// The root behind a nasal prefix: `alt` + rest if that is a known root, else `default` + rest.
fn choose<'a>(v: View<'a>, n: usize, alt: &'static str, default: &'static str) -> View<'a> {
    let rest = v.drop(n);
    if !rest.head.is_empty() {
        return rest;
    }
    let a = rest.with_head(alt);
    if a.known() {
        a
    } else {
        rest.with_head(default)
    }
}

/// The root after ber-/ter-/per- and a vowel: "r" + rest if that is known ("berupa" → "rupa"),
/// else the rest if it has 4+ letters ("beredar" → "edar"; "period" keeps its "per").
fn vowel_root(v: View) -> Option<View> {
    let r = choose(v, 3, "r", "");
    (!r.head.is_empty() || r.len() >= 4).then_some(r)
}

/// Removes one prefix.
fn strip_one(v: View) -> Option<(View, Pfx)> {
    let c = |i: usize| v.byte(i);
    let s = |p: &str| v.starts_with(p);
    let cer = || !v.vowel(2) && c(2) != b'r' && c(3) == b'e' && c(4) == b'r'; // be-kerja, pe-kerja
    let r = match (c(0), c(1)) {
        (b'm', b'e') => {
            let r = if s("meny") && v.vowel(4) {
                choose(v, 4, "ny", "s")
            } else if s("meng") && v.vowel(4) {
                choose(v, 4, "k", "")
            } else if s("meng") && matches!(c(4), b'g' | b'h' | b'k' | b'q') {
                v.drop(4)
            } else if s("mem") && v.vowel(3) {
                choose(v, 3, "m", "p")
            } else if s("mem") && matches!(c(3), b'b' | b'f' | b'p' | b'v') {
                v.drop(3)
            } else if s("men") && v.vowel(3) {
                choose(v, 3, "n", "t")
            } else if s("men") && matches!(c(3), b'c' | b'd' | b'j' | b't' | b'z' | b's') {
                v.drop(3)
            } else if matches!(c(2), b'l' | b'r' | b'w' | b'y') && onset(v.drop(2)) {
                v.drop(2)
            } else {
                return None;
            };
            (r, Pfx::Me)
        }
        (b'p', b'e') => {
            if s("peny") && v.vowel(4) {
                (choose(v, 4, "ny", "s"), Pfx::Pe)
            } else if s("peng") && v.vowel(4) {
                (choose(v, 4, "k", ""), Pfx::Pe)
            } else if s("peng") && matches!(c(4), b'g' | b'h' | b'k') {
                (v.drop(4), Pfx::Pe)
            } else if s("pem") && v.vowel(3) {
                (choose(v, 3, "m", "p"), Pfx::Pe)
            } else if s("pem") && matches!(c(3), b'b' | b'f' | b'p' | b'v') {
                (v.drop(3), Pfx::Pe)
            } else if s("pen") && v.vowel(3) {
                (choose(v, 3, "n", "t"), Pfx::Pe)
            } else if s("pen") && matches!(c(3), b'c' | b'd' | b'j' | b't' | b'z') {
                (v.drop(3), Pfx::Pe)
            } else if s("per") && v.vowel(3) {
                (vowel_root(v)?, Pfx::Per)
            } else if s("per") && onset(v.drop(3)) {
                (v.drop(3), Pfx::Per)
            } else if (matches!(c(2), b'l' | b'w' | b'y') && onset(v.drop(2))) || cer() {
                (v.drop(2), Pfx::Pe)
            } else {
                return None;
            }
        }
        (b'b' | b't', b'e') if c(2) == b'r' => {
            let kind = if c(0) == b'b' { Pfx::Ber } else { Pfx::Ter };
            if v.vowel(3) {
                (vowel_root(v)?, kind)
            } else if onset(v.drop(3)) {
                (v.drop(3), kind)
            } else {
                return None;
            }
        }
        (b'b', b'e') if cer() => (v.drop(2), Pfx::Ber),
        (b'd', b'i') if onset(v.drop(2)) => (v.drop(2), Pfx::Di),
        (b'k', b'e') if onset(v.drop(2)) => (v.drop(2), Pfx::Ke),
        (b's', b'e') if v.len() >= 6 && v.drop(2).known() => (v.drop(2), Pfx::Se),
        (b'n', b'g') if c(2) == b'e' && !v.vowel(3) && onset(v.drop(3)) => (v.drop(3), Pfx::Coll),
        (b'n', b'g') if v.vowel(2) => (choose(v, 2, "k", ""), Pfx::Coll),
        (b'n', b'y') if v.vowel(2) => (choose(v, 2, "c", "s"), Pfx::Coll),
        _ => return None,
    };
    Some(r)
}

/// Removes up to three prefixes from `v`, given the suffix already removed. Returns the root,
/// whether it is a known root, the first prefix removed and how many were removed. `checked`:
/// `v` itself is already known not to be a root.
pub(super) fn strip_prefixes(mut v: View, suf: Suf, mut checked: bool) -> (View, bool, Pfx, usize) {
    let (mut first, mut last, mut count) = (Pfx::None, Pfx::None, 0);
    loop {
        if !checked && v.known() {
            return (v, true, first, count);
        }
        checked = false;
        // A letter restored by a nasal prefix ("memergoki" → "p" + "ergok") is the root's own.
        if !v.head.is_empty() {
            break;
        }
        let Some((next, kind)) = strip_one(v).filter(|_| count < 3) else {
            break;
        };
        let too_short = next.len() < 3 || !(0..next.len()).any(|i| next.vowel(i));
        let misplaced = (kind == Pfx::Ke && suf != Suf::An)
            || (kind == Pfx::Se && suf != Suf::None)
            || (count > 0 && matches!(kind, Pfx::Me | Pfx::Di | Pfx::Coll))
            || kind == last;
        if too_short || misplaced {
            break;
        }
        if count == 0 {
            first = kind;
        }
        (v, last, count) = (next, kind, count + 1);
    }
    (v, false, first, count)
}
