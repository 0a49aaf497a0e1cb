//! English inflections: -s, -es, -ies, -ed, -ied and -ing, taken off a lowercase ASCII word.
//!
//! A light Porter step 1: "liked", "likes", "liking" → "like"; "shared" → "share"; "attended" →
//! "attend"; "posted" → "post"; "campaigning" → "campaign"; "rallies" → "rally"; "planned" →
//! "plan". Indonesian words that end like an inflection ("penting", "proses", "kaos") are kept
//! by the known-roots list before this runs; "-s" is only taken after a consonant or "e", which
//! Indonesian words almost never end in ("dinas", "tugas" keep their "s"), never from a stem
//! without a vowel ("cpns") nor from "-pres" ("capres", "wapres").

/// The stem of `w` as `w[..end]` followed by `tail`, or `None` when `w` has no inflection.
pub(crate) fn strip(w: &str) -> Option<(usize, &'static str)> {
    let b = w.as_bytes();
    let n = b.len();
    if n < 4 || !b.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    if n >= 5 && (w.ends_with("ied") || w.ends_with("ies")) {
        return Some((n - 3, "y"));
    }
    if w.ends_with("eed") {
        return None;
    }
    if n >= 5 && w.ends_with("ed") {
        return restore(b, n - 2);
    }
    if n >= 6 && w.ends_with("ing") {
        return restore(b, n - 3);
    }
    if b[n - 1] == b's' && !w.ends_with("pres") && (0..n - 2).any(|i| is_vowel(b, i)) {
        let prev = b[n - 2];
        if ["sses", "shes", "ches", "xes", "zes"].iter().any(|s| w.ends_with(s)) {
            return Some((n - 2, ""));
        }
        if prev == b'e' || (prev != b's' && !is_vowel(b, n - 2)) {
            return Some((n - 1, ""));
        }
    }
    None
}

/// After "-ed"/"-ing" is cut at `end`: undouble "planned" → "plan", restore the "e" of "liked" →
/// "like" (Porter's rules); `None` if too little is left.
fn restore(b: &[u8], end: usize) -> Option<(usize, &'static str)> {
    let s = &b[..end];
    if end < 3 || !(0..end).any(|i| is_vowel(s, i)) {
        return None;
    }
    let last = s[end - 1];
    if last == s[end - 2] && !is_vowel(s, end - 1) && !matches!(last, b'l' | b's' | b'z') {
        return Some((end - 1, ""));
    }
    let m = measure(s);
    if m >= 2 && (s.ends_with(b"at") || s.ends_with(b"bl") || s.ends_with(b"iz")) {
        return Some((end, "e"));
    }
    if m == 1 && ends_cvc(s) {
        return Some((end, "e"));
    }
    Some((end, ""))
}

/// Porter's vowel test: a, e, i, o, u, and y after a consonant.
fn is_vowel(s: &[u8], i: usize) -> bool {
    match s[i] {
        b'a' | b'e' | b'i' | b'o' | b'u' => true,
        b'y' => i > 0 && !is_vowel(s, i - 1),
        _ => false,
    }
}

/// Porter's m: the number of vowel-consonant sequences.
fn measure(s: &[u8]) -> usize {
    let mut m = 0;
    let mut prev_vowel = false;
    for i in 0..s.len() {
        let v = is_vowel(s, i);
        if prev_vowel && !v {
            m += 1;
        }
        prev_vowel = v;
    }
    m
}

/// Consonant-vowel-consonant at the end, the last not w, x or y ("lik", "shar", "vot").
fn ends_cvc(s: &[u8]) -> bool {
    let n = s.len();
    n >= 3
        && !is_vowel(s, n - 3)
        && is_vowel(s, n - 2)
        && !is_vowel(s, n - 1)
        && !matches!(s[n - 1], b'w' | b'x' | b'y')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(w: &str) -> String {
        match strip(w) {
            Some((end, tail)) => format!("{}{}", &w[..end], tail),
            None => w.to_string(),
        }
    }

    #[test]
    fn inflections() {
        for (w, s) in [
            ("liked", "like"),
            ("likes", "like"),
            ("liking", "like"),
            ("shared", "share"),
            ("sharing", "share"),
            ("attended", "attend"),
            ("posted", "post"),
            ("posting", "post"),
            ("campaigning", "campaign"),
            ("campaigns", "campaign"),
            ("rallies", "rally"),
            ("planned", "plan"),
            ("running", "run"),
            ("voted", "vote"),
            ("joined", "join"),
            ("speeches", "speech"),
            ("candidates", "candidate"),
            ("events", "event"),
            ("related", "relate"),
            ("seated", "seat"),
            ("rated", "rate"),
            ("needed", "need"),
        ] {
            assert_eq!(stem(w), s, "{w}");
        }
    }

    #[test]
    fn leaves_other_words() {
        for w in ["like", "dinas", "tugas", "kaos", "agree", "bless", "sing", "going", "bus", "cpns", "wapres"] {
            assert_eq!(stem(w), w, "{w}");
        }
    }
}
