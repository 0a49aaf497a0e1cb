//! Normalising: word pieces → tokens whose normalised words and stems live in one string arena.
//!
//! Per piece: lowercase, Latin accents and combining marks folded away, three or more repeated
//! letters collapsed to one ("bangeeet" → "banget", "likeee" → "like"). Pieces joined by a hyphen
//! become one token when the hyphen is morphology, and stay apart otherwise:
//! - reduplication: "ibu-ibu", "yel-yel", "beramai-ramai" → "ibu", "yel", "beramai";
//! - a prefix: "nge-like" → "like", "di-share" → "dishare";
//! - a suffix: "like-in" → "like", "PPPK-nya" → "pppknya";
//! - anything else splits: "capres-cawapres" → "capres", "cawapres"; "2024-02-14" → three numbers.
//!
//! Per token: the slang table ("gak" → "tidak"), then the colloquial prefix "nge-" ("ngelike" →
//! "like"); "no" before a number becomes "nomor" (and is then no negator).

use super::scan::{is_apostrophe, is_mark, Break, Piece};
use super::slang::SLANG;
use super::stem::stem_parts;
use super::Token;

/// Hyphenated prefixes that join the next piece ("di-share" → "dishare").
const JOIN_PREFIXES: &[&str] = &[
    "di", "me", "mem", "men", "meng", "meny", "ber", "ter", "se", "pe", "per",
];
/// Hyphenated colloquial prefixes that are dropped ("nge-like" → "like").
const DROP_PREFIXES: &[&str] = &["nge", "ng"];
/// Hyphenated suffixes that join the previous piece ("PPPK-nya").
const JOIN_SUFFIXES: &[&str] = &["nya", "kan", "an", "lah", "kah", "pun", "ku", "mu"];
/// Hyphenated colloquial suffix that is dropped ("like-in" → "like").
const DROP_SUFFIX: &str = "in";

/// The pieces joined so far into the next token.
struct Group {
    start: usize,
    end: usize,
    digits: bool,
    /// Punctuation before the first piece.
    brk: Break,
    pieces: usize,
}

/// Builds the tokens of one text, piece by piece.
pub(crate) struct Builder<'t> {
    text: &'t str,
    tokens: Vec<Token>,
    arena: String,
    /// Pieces joined so far into the next token.
    group: Option<Group>,
    /// Normalised word of the open group.
    word: String,
    /// Scratch for one piece.
    piece: String,
    sentence: u32,
    clause: u32,
}

impl<'t> Builder<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        Builder {
            text,
            tokens: Vec::with_capacity(text.len() / 6 + 1),
            arena: String::with_capacity(text.len() + text.len() / 2),
            group: None,
            word: String::new(),
            piece: String::new(),
            sentence: 0,
            clause: 0,
        }
    }

    pub(crate) fn push(&mut self, p: Piece) {
        let raw = self.text.get(p.start..p.letters_end).unwrap_or("");
        self.piece.clear();
        normalize_piece(raw, p.digits, &mut self.piece);
        if self.piece.is_empty() {
            return;
        }
        if let Some(g) = &mut self.group {
            if p.hyphen && !p.digits && !g.digits && join(&mut self.word, &self.piece, g.pieces) {
                g.end = p.end;
                g.pieces += 1;
                return;
            }
        }
        self.flush();
        self.group = Some(Group {
            start: p.start,
            end: p.end,
            digits: p.digits,
            brk: p.brk,
            pieces: 1,
        });
        std::mem::swap(&mut self.word, &mut self.piece);
    }

    pub(crate) fn finish(mut self) -> (Vec<Token>, String) {
        self.flush();
        (self.tokens, self.arena)
    }

    /// Turns the open group into a token.
    fn flush(&mut self) {
        let Some(Group {
            start,
            end,
            digits,
            brk,
            ..
        }) = self.group.take()
        else {
            return;
        };
        let Builder {
            text,
            tokens,
            arena,
            word,
            ..
        } = self;
        let w = if digits {
            word.as_str()
        } else {
            normalize_word(word)
        };
        if digits {
            // "no. 2", "No 2": the number's label, not the English "no".
            if let Some(last) = tokens.last_mut() {
                let gap = text.get(last.end as usize..start).unwrap_or("x");
                let is_no = arena.get(last.word.0 as usize..last.word.1 as usize) == Some("no");
                if is_no && gap.bytes().all(|b| matches!(b, b' ' | b'.' | b':' | b'\t')) {
                    let a = arena.len() as u32;
                    arena.push_str("nomor");
                    last.word = (a, a + 5);
                    last.stem = last.word;
                }
            }
        }
        if !tokens.is_empty() {
            match brk {
                Break::Sentence => {
                    (self.sentence, self.clause) = (self.sentence + 1, self.clause + 1)
                }
                Break::Clause => self.clause += 1,
                Break::None => {}
            }
        }
        let ws = arena.len();
        arena.push_str(w);
        let we = arena.len();
        let st = stem_parts(w);
        let (ss, se) = if st.head.is_empty() && st.tail.is_empty() {
            (ws + st.start, ws + st.end) // a slice of the word just written: no copy
        } else {
            st.write(w, arena);
            (we, arena.len())
        };
        tokens.push(Token {
            start: start as u32,
            end: end as u32,
            negated: false,
            sentence: self.sentence,
            clause: self.clause,
            word: (ws as u32, we as u32),
            stem: (ss as u32, se as u32),
        });
    }
}

/// Joins a hyphenated `piece` onto `word` (made of `n` pieces); false if it must stand alone.
fn join(word: &mut String, piece: &str, n: usize) -> bool {
    if n == 1 && DROP_PREFIXES.contains(&word.as_str()) {
        word.clear();
        word.push_str(piece);
    } else if n == 1 && JOIN_PREFIXES.contains(&word.as_str()) || JOIN_SUFFIXES.contains(&piece) {
        word.push_str(piece);
    } else if piece != DROP_SUFFIX
        && piece != word
        && !(piece.len() >= 3 && word.len() > piece.len() && word.ends_with(piece))
    {
        return false;
    }
    true
}

/// Lowercases one piece into `out`, folding accents and dropping combining marks, then collapses
/// letters repeated for emphasis.
fn normalize_piece(raw: &str, digits: bool, out: &mut String) {
    out.push_str(raw);
    if digits {
        return;
    }
    if raw.is_ascii() {
        out.make_ascii_lowercase();
    } else {
        out.clear();
        for c in raw.chars().filter(|&c| !is_mark(c)) {
            if is_apostrophe(c) {
                out.push('\'');
            } else {
                out.extend(c.to_lowercase().filter(|&l| !is_mark(l)).map(fold));
            }
        }
    }
    let b = out.as_bytes();
    if (2..b.len()).any(|i| b[i] == b[i - 1] && b[i] == b[i - 2]) {
        collapse_runs(out);
    }
}

/// Three or more of the same letter become one when they are a vowel ("bangeeet" → "banget") or
/// end the word ("gakkk" → "gak"); a consonant run inside a word ("pppk") or a word of one
/// repeated letter ("ppp") is an acronym and stays.
fn collapse_runs(s: &mut String) {
    let chars: Vec<char> = s.chars().collect();
    s.clear();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let n = chars[i..].iter().take_while(|&&d| d == c).count();
        let end = i + n == chars.len();
        let keep = if n >= 3 && (matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') || (end && i > 0)) {
            1
        } else {
            n
        };
        s.extend(std::iter::repeat(c).take(keep));
        i += n;
    }
}

/// Latin letters with accents (and full-width letters) → ASCII.
fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        '\u{FF41}'..='\u{FF5A}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Slang and the colloquial "nge-" prefix, on a whole lowercase word.
fn normalize_word(word: &str) -> &str {
    if let Some(s) = SLANG.get(word) {
        return s;
    }
    match word.strip_prefix("nge") {
        Some(rest) if rest.len() >= 4 && rest.is_ascii() && plausible_start(rest.as_bytes()) => {
            rest
        }
        _ => word,
    }
}

/// Whether a word can start with these letters after "nge": a consonant then a vowel, or a
/// common cluster ("ngeshare", "ngepost", but not "ngerti" → "rti").
fn plausible_start(b: &[u8]) -> bool {
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    match b {
        [a, ..] if vowel(*a) => false,
        [_, v, ..] if vowel(*v) => true,
        [a, b, ..] => matches!(
            [*a, *b],
            [b's' | b'c' | b't' | b'w', b'h']
                | [b'p' | b't' | b'k' | b'g' | b'b' | b'd' | b'f' | b'c', b'r']
                | [b'p' | b'b' | b'k' | b'g' | b'f' | b'c', b'l']
                | [b's', b't' | b'p' | b'k' | b'w']
                | [b't', b'w']
        ),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::analyse;

    fn words(text: &str) -> Vec<String> {
        let a = analyse(text);
        (0..a.tokens().len())
            .map(|i| a.word(i).to_string())
            .collect()
    }

    #[test]
    fn slang_case_and_repeated_letters() {
        assert_eq!(
            words("Gaaak BANGEEET likeee yg sy kmrn udh gw tdk blm jg utk"),
            [
                "tidak", "banget", "like", "yang", "saya", "kemarin", "sudah", "saya", "tidak",
                "belum", "juga", "untuk"
            ]
        );
        assert_eq!(
            words("pake bener temen poto krn tp dr klo org dgn"),
            [
                "pakai", "benar", "teman", "foto", "karena", "tapi", "dari", "kalau", "orang",
                "dengan"
            ]
        );
        assert_eq!(
            words("buat pas nih sih dong deh kok lho"),
            ["buat", "pas", "nih", "sih", "dong", "deh", "kok", "lho"]
        );
        assert_eq!(words("Café naïve e\u{301}"), ["cafe", "naive", "e"]);
        assert_eq!(
            words("saat maaf dimasukkan attend"),
            ["saat", "maaf", "dimasukkan", "attend"]
        );
        assert_eq!(
            words("PPPK PPP gakkk yesss sooo hmmm"),
            ["pppk", "ppp", "tidak", "yes", "so", "hm"]
        );
    }

    #[test]
    fn hyphens_and_reduplication() {
        assert_eq!(
            words("nge-like ngelike like-in ngeshare ngerti"),
            ["like", "like", "like", "share", "mengerti"]
        );
        assert_eq!(
            words("ibu2 ibu-ibu yel-yel teriak2 beramai-ramai rame2"),
            ["ibu", "ibu", "yel", "teriak", "beramai", "ramai"]
        );
        assert_eq!(
            words("di-share PPPK-nya capres-cawapres ke-12"),
            ["dishare", "pppknya", "capres", "cawapres", "ke", "12"]
        );
        assert_eq!(words("2024-02-14"), ["2024", "02", "14"]);
    }

    #[test]
    fn numbers_and_nomor() {
        assert_eq!(
            words("no. 2, No 02, nomor 1, no urut. say no"),
            ["nomor", "2", "nomor", "02", "nomor", "1", "no", "urut", "say", "no"]
        );
        let a = analyse("No.2");
        assert_eq!(
            (a.word(0), a.stem(1), a.tokens()[1].sentence),
            ("nomor", "2", 0)
        );
    }

    #[test]
    fn hashtags_mentions_and_missing_spaces() {
        assert_eq!(
            words("#PemiluDamai @bawaslu_RI kampanye,saya.Dia"),
            ["pemilu", "damai", "bawaslu", "ri", "kampanye", "saya", "dia"]
        );
    }
}
