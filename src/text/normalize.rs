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
//! "like"); "no" before a number becomes "nomor" (and is then no negator); an English contraction
//! becomes two tokens, each over its own part of the span ("I'm" → "i" + "am", "didn't" → "did" +
//! "not"; "regency's" stays one token whose stem is "regency").

use super::scan::{is_apostrophe, is_blank, is_mark, Break, Piece};
use super::slang::SLANG;
use super::stem::stem_parts;
use super::Token;

/// Hyphenated prefixes that join the next piece ("di-share" → "dishare").
const JOIN_PREFIXES: &[&str] = &["di", "me", "mem", "men", "meng", "meny", "ber", "ter", "se", "pe", "per"];
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

/// A builder's allocations, handed from one text to the next (`text::Analyser`).
#[derive(Default)]
pub(crate) struct Buffers {
    pub tokens: Vec<Token>,
    pub arena: String,
    word: String,
    piece: String,
}

impl<'t> Builder<'t> {
    pub(crate) fn new(text: &'t str, mut buffers: Buffers) -> Self {
        buffers.tokens.clear();
        buffers.tokens.reserve(text.len() / 6 + 1);
        buffers.arena.clear();
        buffers.arena.reserve(text.len() + text.len() / 2);
        Builder {
            text,
            tokens: buffers.tokens,
            arena: buffers.arena,
            group: None,
            word: buffers.word,
            piece: buffers.piece,
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
        self.group = Some(Group { start: p.start, end: p.end, digits: p.digits, brk: p.brk, pieces: 1 });
        std::mem::swap(&mut self.word, &mut self.piece);
    }

    /// The tokens and the arena, with the scratch strings for the next text.
    pub(crate) fn finish(mut self) -> Buffers {
        self.flush();
        Buffers { tokens: self.tokens, arena: self.arena, word: self.word, piece: self.piece }
    }

    /// Turns the open group into a token (two for an English contraction).
    fn flush(&mut self) {
        let Some(g) = self.group.take() else { return };
        if !self.tokens.is_empty() {
            match g.brk {
                Break::Sentence => (self.sentence, self.clause) = (self.sentence + 1, self.clause + 1),
                Break::Clause => self.clause += 1,
                Break::None => {}
            }
        }
        let word = std::mem::take(&mut self.word);
        if g.digits {
            self.relabel_no(g.start);
            self.emit(g.start, g.end, &word);
        } else {
            let w = normalize_word(&word);
            match contraction(w, self.text.get(g.start..g.end).unwrap_or("")) {
                Some((base, split, rest)) => {
                    self.emit(g.start, g.start + split, base);
                    self.emit(g.start + split, g.end, rest);
                }
                None => self.emit(g.start, g.end, w),
            }
        }
        self.word = word; // keeps its capacity
    }

    /// "no. 2", "No 2", "no.\u{A0}2": before a number, "no" is its label ("nomor"), not the
    /// English "no"; any space or line break may come between them.
    fn relabel_no(&mut self, number_start: usize) {
        let Some(last) = self.tokens.last_mut() else {
            return;
        };
        let gap = self.text.get(last.end as usize..number_start).unwrap_or("x");
        let is_no = self.arena.get(last.word.0 as usize..last.word.1 as usize) == Some("no");
        if is_no && gap.chars().all(|c| matches!(c, '.' | ':') || is_blank(c)) {
            let a = self.arena.len() as u32;
            self.arena.push_str("nomor");
            last.word = (a, a + 5);
            last.stem = last.word;
        }
    }

    /// Appends the token `text[start..end]` with normalised word `w` and its stem.
    fn emit(&mut self, start: usize, end: usize, w: &str) {
        let arena = &mut self.arena;
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
        self.tokens.push(Token {
            start: start as u32,
            end: end as u32,
            negated: false,
            doubted: false,
            sentence: self.sentence,
            clause: self.clause,
            place: 0,
            counts: true,
            word: (ws as u32, we as u32),
            stem: (ss as u32, se as u32),
        });
    }
}

/// Words before which "'s" means "is" ("it's"); elsewhere it is a possessive and stays on.
const IS_BEFORE: &[&str] = &["it", "that", "he", "she", "there", "what", "who", "where", "here", "how"];

/// An English contraction: the base word, where its span ends in `raw`, and the expanded second
/// word. "I'm" → "i" + "am", "didn't" → "did" + "not", "won't" → "will" + "not".
fn contraction<'w>(w: &'w str, raw: &str) -> Option<(&'w str, usize, &'static str)> {
    // The apostrophe of a contraction is the second or third byte from the end ('m 's 'd, 're 've
    // 'll n't); most words are out after two comparisons, without decoding `raw`.
    let b = w.as_bytes();
    let n = b.len();
    if !(n >= 2 && b[n - 2] == b'\'' || n >= 3 && b[n - 3] == b'\'') {
        return None;
    }
    let apostrophe = raw.rfind(is_apostrophe)?;
    if let Some(base) = w.strip_suffix("n't").filter(|b| !b.is_empty()) {
        let split = apostrophe.checked_sub(1).filter(|&i| raw.as_bytes()[i] | 0x20 == b'n')?;
        let base = match base {
            "wo" => "will",
            "ca" => "can",
            "sha" => "shall",
            b => b,
        };
        return Some((base, split, "not"));
    }
    let (base, suffix) = w.rsplit_once('\'')?;
    let expanded = match suffix {
        "m" => "am",
        "re" => "are",
        "ve" => "have",
        "ll" => "will",
        "d" => "would",
        "s" if IS_BEFORE.contains(&base) => "is",
        _ => return None,
    };
    (!base.is_empty()).then_some((base, apostrophe, expanded))
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
        let keep = if n >= 3 && (matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') || (end && i > 0)) { 1 } else { n };
        s.extend(std::iter::repeat_n(c, keep));
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
        Some(rest) if rest.len() >= 4 && rest.is_ascii() && plausible_start(rest.as_bytes()) => rest,
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

    use super::super::words_of as words;

    #[test]
    fn slang_case_and_repeated_letters() {
        assert_eq!(
            words("Gaaak BANGEEET likeee yg sy kmrn udh gw tdk blm jg utk"),
            ["tidak", "banget", "like", "yang", "saya", "kemarin", "sudah", "saya", "tidak", "belum", "juga", "untuk"]
        );
        assert_eq!(
            words("pake bener temen poto krn tp dr klo org dgn"),
            ["pakai", "benar", "teman", "foto", "karena", "tapi", "dari", "kalau", "orang", "dengan"]
        );
        assert_eq!(
            words("buat pas nih sih dong deh kok lho"),
            ["buat", "pas", "nih", "sih", "dong", "deh", "kok", "lho"]
        );
        assert_eq!(words("Café naïve e\u{301}"), ["cafe", "naive", "e"]);
        assert_eq!(words("saat maaf dimasukkan attend"), ["saat", "maaf", "dimasukkan", "attend"]);
        assert_eq!(words("PPPK PPP gakkk yesss sooo hmmm"), ["pppk", "ppp", "tidak", "yes", "so", "hm"]);
    }

    #[test]
    fn hyphens_and_reduplication() {
        assert_eq!(words("nge-like ngelike like-in ngeshare ngerti"), ["like", "like", "like", "share", "mengerti"]);
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
        assert_eq!((a.word(0), a.stem(1), a.tokens()[1].sentence), ("nomor", "2", 0));
    }

    #[test]
    fn english_contractions_split_within_the_span() {
        let text = "I'm sure I didn't, won't or can’t; it's the regency's car";
        let a = analyse(text);
        let got: Vec<(&str, &str)> =
            a.tokens().iter().enumerate().map(|(i, t)| (&text[t.start as usize..t.end as usize], a.word(i))).collect();
        assert_eq!(
            got,
            [
                ("I", "i"),
                ("'m", "am"),
                ("sure", "sure"),
                ("I", "i"),
                ("did", "did"),
                ("n't", "not"),
                ("wo", "will"),
                ("n't", "not"),
                ("or", "or"),
                ("ca", "can"),
                ("n’t", "not"),
                ("it", "it"),
                ("'s", "is"),
                ("the", "the"),
                ("regency's", "regency's"),
                ("car", "car"),
            ]
        );
        assert_eq!(a.stem(14), "regency");
    }

    #[test]
    fn hashtags_mentions_and_missing_spaces() {
        assert_eq!(
            words("#PemiluDamai @bawaslu_RI kampanye,saya.Dia"),
            ["pemilu", "damai", "bawaslu", "ri", "kampanye", "saya", "dia"]
        );
    }
}
