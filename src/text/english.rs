//! English inflections: -s, -es, -ies, -ed, -ied and -ing, taken off a lowercase ASCII word.
//!
//! A light Porter step 1: "liked", "likes", "liking" → "like"; "shared" → "share"; "attended" →
//! "attend"; "posted" → "post"; "campaigning" → "campaign"; "rallies" → "rally"; "planned" →
//! "plan". Indonesian words that end like an inflection ("penting", "proses", "kaos") are kept
//! by the known-roots list before this runs; "-s" is only taken after a consonant or "e", which
//! Indonesian words almost never end in ("dinas", "tugas" keep their "s"), never from a stem
//! without a vowel ("cpns") nor from "-pres" ("capres", "wapres").

/// English words that carry nothing a rule reads and that Indonesian has no word for: the
/// articles "a", "an" and "the". They do not count in the windows of `near` and `after`
/// (`Token::place`); phrases may still name them ("the regent" is the serving head, not
/// "candidate for regent").
pub(crate) fn is_filler(w: &str) -> bool {
    matches!(w, "a" | "an" | "the")
}

/// The base form of an irregular English past tense or participle: "spoke" → "speak", "went" →
/// "go", "brought" → "bring", "held" → "hold", "told" → "tell". A rule that lists "speak" then
/// reads "the regent spoke at a rally" as it reads "berbicara di kampanye".
///
/// Left out on purpose: "left" (its base "leave" is the word for a leave of absence), "made" (a
/// Balinese given name), "went" (the rules list it beside "go to": "went" is there, "go" may
/// be a family's plan), "met" and "sat" (Indonesian slang for "selamat" and the police unit
/// "sat"), and forms whose base is already their own spelling ("put", "read", "hit").
pub(crate) fn irregular(w: &str) -> Option<&'static str> {
    Some(match w {
        "spoke" | "spoken" => "speak",
        "came" => "come",
        "became" => "become",
        "brought" => "bring",
        "bought" => "buy",
        "thought" => "think",
        "sought" => "seek",
        "taught" => "teach",
        "caught" => "catch",
        "fought" => "fight",
        "held" => "hold",
        "told" => "tell",
        "sold" => "sell",
        "gave" | "given" => "give",
        "took" | "taken" => "take",
        "wore" | "worn" => "wear",
        "tore" | "torn" => "tear",
        "swore" | "sworn" => "swear",
        "sent" => "send",
        "spent" => "spend",
        "lent" => "lend",
        "built" => "build",
        "rode" | "ridden" => "ride",
        "drove" | "driven" => "drive",
        "wrote" | "written" => "write",
        "chose" | "chosen" => "choose",
        "stood" => "stand",
        "understood" => "understand",
        "paid" => "pay",
        "said" => "say",
        "kept" => "keep",
        "slept" => "sleep",
        "felt" => "feel",
        "meant" => "mean",
        "heard" => "hear",
        "knew" | "known" => "know",
        "grew" | "grown" => "grow",
        "drew" | "drawn" => "draw",
        "threw" | "thrown" => "throw",
        "withdrew" | "withdrawn" => "withdraw",
        "shown" => "show",
        "began" | "begun" => "begin",
        "sang" | "sung" => "sing",
        "rang" | "rung" => "ring",
        "hung" => "hang",
        "stuck" => "stick",
        "struck" => "strike",
        "shook" | "shaken" => "shake",
        "forbade" | "forbidden" => "forbid",
        "forgave" | "forgiven" => "forgive",
        "found" => "find",
        "lost" => "lose",
        "ran" => "run",
        "won" => "win",
        "got" | "gotten" => "get",
        "led" => "lead",
        "saw" | "seen" => "see",
        _ => return None,
    })
}

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
    fn irregular_pasts() {
        for (w, base) in
            [("spoke", "speak"), ("gave", "give"), ("brought", "bring"), ("held", "hold"), ("told", "tell")]
        {
            assert_eq!(irregular(w), Some(base), "{w}");
        }
        // Not a past tense, or one whose base would read as another word.
        for w in ["left", "made", "went", "met", "sat", "speak", "kampanye", "liked"] {
            assert_eq!(irregular(w), None, "{w}");
        }
    }

    #[test]
    fn fillers_are_the_articles() {
        for w in ["a", "an", "the"] {
            assert!(is_filler(w), "{w}");
        }
        for w in ["and", "of", "at", "saya", "yang", "di", "as", "i"] {
            assert!(!is_filler(w), "{w}");
        }
    }

    #[test]
    fn leaves_other_words() {
        for w in ["like", "dinas", "tugas", "kaos", "agree", "bless", "sing", "going", "bus", "cpns", "wapres"] {
            assert_eq!(stem(w), w, "{w}");
        }
    }
}
