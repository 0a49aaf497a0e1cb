//! Scanning: raw text → word pieces with byte spans, and the punctuation breaks between them.
//!
//! A piece is a run of letters (with combining marks and inner apostrophes) or a run of digits
//! (with inner `.`/`,` between digits: "12.000.000"). Letters and digits are separate pieces
//! ("Rp12" → "Rp", "12"), except the reduplication mark "ibu2". Inside a hashtag or mention the
//! camel-case humps are pieces of their own ("#PemiluDamai" → "Pemilu", "Damai"). Everything
//! else (spaces, punctuation, emoji, symbols) separates pieces; only sentence and clause
//! punctuation, blank lines and hyphens are remembered. A single line break is a space: people
//! typing on phones break lines inside a sentence ("saya like postingan\nkampanye caleg").

/// The strongest punctuation seen between two pieces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Break {
    None,
    /// `,` or `:`
    Clause,
    /// `.` `!` `?` `;` or a blank line (two line breaks with only spaces between).
    Sentence,
}

/// One piece of a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Piece {
    pub start: usize,
    pub end: usize,
    /// End of the letters; before `end` only for a reduplication such as "ibu2".
    pub letters_end: usize,
    pub digits: bool,
    /// Punctuation between the previous piece and this one.
    pub brk: Break,
    /// Joined to the previous piece by a hyphen with no space ("ibu-ibu", "nge-like").
    pub hyphen: bool,
}

/// Iterator over the pieces of a text.
pub(crate) struct Scanner<'a> {
    text: &'a str,
    pos: usize,
    /// Span of the previous piece.
    prev: (usize, usize),
    brk: Break,
    hyphen: bool,
    hashtag: bool,
    /// Where an open double quotation mark is: inside a quotation, `.` `!` `?` only end a
    /// clause ("ia menulis \"Pilih nomor 2! Pasti menang!\" di status").
    quote: Option<usize>,
    /// Where an open single quotation mark is ("commented 'mantap, lanjutkan!' under a
    /// video"): the same, for `'` and `‘` `’` that stand outside a word (an apostrophe inside
    /// one, "cagub's", is part of the word).
    single_quote: Option<usize>,
}

/// Suffixes after a reduplication mark that stay part of the word ("ikut2an" → "ikut").
const REDUPLICATION_SUFFIXES: &[&str] = &["nya", "kan", "an", "in", "lah", "ku", "mu"];

/// A quotation longer than this (in bytes) is taken as unclosed: its `.` `!` `?` end sentences again.
const MAX_QUOTE: usize = 280;

/// Words that end with a dot which does not end the sentence ("No. 2", "Jl. Merdeka").
const ABBREVIATIONS: &[&str] = &[
    "no", "nmr", "dr", "drs", "ir", "prof", "bpk", "jl", "jln", "tgl", "kab", "kec", "kel", "prov", "mr", "mrs", "ms",
    "st", "vs", "sdr", "hj", "pt", "cv", "kh",
];

pub(crate) fn is_mark(c: char) -> bool {
    c as u32 >= 0x300
        && matches!(
            c as u32,
            0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
        )
}

/// A space between words: the ASCII space and tab, and Unicode's other spaces (category Zs),
/// which phones and copied web text put where a space is meant ("saya\u{A0}PNS", "no.\u{202F}2"):
/// no-break U+00A0, Ogham U+1680, en to hair U+2000–200A, narrow no-break U+202F, medium
/// mathematical U+205F and ideographic U+3000.
pub(crate) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}')
}

/// A line break: LF, CR (CR LF counts once), vertical tab, form feed, next line U+0085 and the
/// line and paragraph separators U+2028, U+2029 (Unicode's mandatory breaks, UAX #14).
pub(crate) fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{B}' | '\u{C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// A space or a line break.
pub(crate) fn is_blank(c: char) -> bool {
    is_space(c) || is_line_break(c)
}

pub(crate) fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_letter(c: char) -> bool {
    c.is_alphanumeric() && !c.is_ascii_digit()
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Scanner {
            text,
            pos: 0,
            prev: (0, 0),
            brk: Break::None,
            hyphen: false,
            hashtag: false,
            quote: None,
            single_quote: None,
        }
    }

    fn char_at(&self, i: usize) -> Option<char> {
        match self.text.as_bytes().get(i) {
            Some(&b) if b < 0x80 => Some(b as char),
            Some(_) => self.text.get(i..).and_then(|s| s.chars().next()),
            None => None,
        }
    }

    /// End of the letter run starting at `start`.
    fn letters(&self, start: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut i = start;
        let mut prev: Option<char> = None;
        loop {
            // Fast path: plain ASCII letters outside a hashtag.
            if !self.hashtag {
                let run_start = i;
                while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                    i += 1;
                }
                if i > run_start {
                    prev = Some(bytes[i - 1] as char);
                }
            }
            let Some(&b) = bytes.get(i) else { break };
            if b < 0x80 && b != b'\'' && !(self.hashtag && b.is_ascii_alphabetic()) {
                break;
            }
            let Some(c) = self.char_at(i) else { break };
            let next = || self.char_at(i + c.len_utf8());
            let take = if is_letter(c) {
                // In a hashtag, a capital after a small letter (or before one) starts a new hump
                // (ASCII only: it keeps the Unicode case tables out of the wasm).
                !(self.hashtag
                    && c.is_ascii_uppercase()
                    && prev.is_some_and(|p| {
                        p.is_ascii_lowercase()
                            || (p.is_ascii_uppercase() && next().is_some_and(|n| n.is_ascii_lowercase()))
                    }))
            } else if is_mark(c) {
                true
            } else {
                is_apostrophe(c) && prev.is_some_and(is_letter) && next().is_some_and(is_letter)
            };
            if !take {
                break;
            }
            prev = Some(c);
            i += c.len_utf8();
        }
        i
    }

    /// End of the digit run starting at `start`.
    fn digits(&self, start: usize) -> usize {
        let b = self.text.as_bytes();
        let mut i = start;
        while i < b.len() {
            let sep = matches!(b[i], b'.' | b',') && i > start && b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !b[i].is_ascii_digit() && !sep {
                break;
            }
            i += 1;
        }
        i
    }

    /// The piece starting at `at` (a letter or digit).
    fn piece(&mut self, at: usize, digits: bool) -> Piece {
        let mut end = if digits { self.digits(at) } else { self.letters(at) };
        let mut letters_end = end;
        // "ibu2", "teriak2": the 2 marks reduplication; "ikut2an", "teman2nya": with a suffix.
        if !digits
            && self.text.as_bytes().get(end) == Some(&b'2')
            && self.text[at..end].chars().filter(|&c| is_letter(c)).count() >= 3
        {
            let rest = &self.text.as_bytes()[end + 1..];
            let suffix = REDUPLICATION_SUFFIXES
                .iter()
                .find(|s| {
                    rest.get(..s.len()).is_some_and(|r| r.eq_ignore_ascii_case(s.as_bytes()))
                        && !self.char_at(end + 1 + s.len()).is_some_and(char::is_alphanumeric)
                })
                .map(|s| s.len());
            match suffix {
                _ if !self.char_at(end + 1).is_some_and(char::is_alphanumeric) => {
                    letters_end = end;
                    end += 1;
                }
                Some(n) => {
                    letters_end = end;
                    end += 1 + n;
                }
                None => {}
            }
        }
        let piece = Piece { start: at, end, letters_end, digits, brk: self.brk, hyphen: self.hyphen };
        self.prev = (at, end);
        self.pos = end;
        self.brk = Break::None;
        self.hyphen = false;
        piece
    }

    /// Whether the `.` at `at` closes an abbreviation rather than a sentence.
    fn abbreviation_dot(&self, at: usize) -> bool {
        let (s, e) = self.prev;
        if e != at || e == 0 {
            return false;
        }
        let word = &self.text[s..e];
        let next = self.text[at + 1..].trim_start_matches(is_blank).chars().next();
        let single = word.chars().count() == 1 && word.chars().all(is_letter);
        let abbr = ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
        match next {
            Some(n) if word.eq_ignore_ascii_case("no") => n.is_ascii_digit(),
            Some(n) => n.is_alphanumeric() && (abbr || (single && self.char_at(at + 1) == Some(n))),
            None => false,
        }
    }

    /// Skips the spaces and line breaks from `at` and returns where they end. A single line
    /// break reads as a space; two or more ("c\n\nd", "c\r\n \r\nd"), or a paragraph
    /// separator, make a blank line, which ends the sentence and any open quotation.
    fn blank(&mut self, at: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut i = at;
        let mut breaks = 0;
        while let Some(c) = self.char_at(i).filter(|&c| is_blank(c)) {
            match c {
                '\r' if bytes.get(i + 1) == Some(&b'\n') => {} // counted at its \n
                '\u{2029}' => breaks += 2,
                c if is_line_break(c) => breaks += 1,
                _ => {}
            }
            i += c.len_utf8();
        }
        if breaks >= 2 {
            self.quote = None;
            self.single_quote = None;
            self.brk = Break::Sentence;
        }
        i
    }
}

impl Iterator for Scanner<'_> {
    type Item = Piece;

    fn next(&mut self) -> Option<Piece> {
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(self.pos) {
            let at = self.pos;
            if b == b' ' {
                self.hashtag = false;
                self.pos += 1;
                continue;
            }
            let Some(c) = self.char_at(at) else {
                self.pos += 1; // not reached: `pos` always sits on a char boundary
                continue;
            };
            if is_blank(c) {
                self.hashtag = false;
                self.pos = self.blank(at);
                continue;
            }
            let alnum = if b < 0x80 { b.is_ascii_alphanumeric() } else { c.is_alphanumeric() };
            if alnum {
                return Some(self.piece(at, b.is_ascii_digit()));
            }
            let next_alnum = || self.char_at(at + c.len_utf8()).is_some_and(char::is_alphanumeric);
            match c {
                ',' | ':' | '\u{FF0C}' | '\u{3001}' => self.brk = self.brk.max(Break::Clause),
                '.' if self.abbreviation_dot(at) => {}
                '"' | '\u{201C}' | '\u{201D}' => {
                    let opens = c == '\u{201C}' || c == '"' && self.quote.is_none();
                    self.quote = opens.then_some(at);
                }
                '\'' | '\u{2018}' | '\u{2019}' => {
                    // Opens before a word, closes after one (not followed by a letter).
                    if self.single_quote.is_none() && next_alnum() && c != '\u{2019}' {
                        self.single_quote = Some(at);
                    } else if self.single_quote.is_some() && !next_alnum() {
                        self.single_quote = None;
                    }
                }
                '.' | '!' | '?' | '\u{2026}' | '\u{FF01}' | '\u{FF1F}'
                    if self.quote.or(self.single_quote).is_some_and(|q| at - q <= MAX_QUOTE) =>
                {
                    self.brk = self.brk.max(Break::Clause)
                }
                '.' | '!' | '?' | ';' | '\u{2026}' | '\u{3002}' | '\u{FF01}' | '\u{FF1F}' | '\u{FF1B}' => {
                    self.brk = Break::Sentence
                }
                '-' | '\u{2010}' | '\u{2011}' => {
                    self.hyphen = self.prev.1 == at && at > 0 && next_alnum();
                }
                '#' | '@' if next_alnum() => self.hashtag = true,
                _ => {}
            }
            if !matches!(c, '#' | '@' | '-' | '\u{2010}' | '\u{2011}') {
                self.hashtag = false;
            }
            self.pos = at + c.len_utf8();
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<(&str, Break, bool)> {
        Scanner::new(text).map(|p| (&text[p.start..p.end], p.brk, p.hyphen)).collect()
    }

    fn words(text: &str) -> Vec<&str> {
        pieces(text).into_iter().map(|p| p.0).collect()
    }

    #[test]
    fn splits_words_numbers_and_punctuation() {
        assert_eq!(
            words("kampanye,saya Rp12.000.000 14/2/2024"),
            ["kampanye", "saya", "Rp", "12.000.000", "14", "2", "2024"]
        );
        assert_eq!(words("don't regency's 'quoted'"), ["don't", "regency's", "quoted"]);
        assert_eq!(words("ibu2 teriak2 ke2 02"), ["ibu2", "teriak2", "ke", "2", "02"]);
        assert_eq!(words("ikut2an teman2nya rame2x"), ["ikut2an", "teman2nya", "rame", "2", "x"]);
        assert_eq!(words("😅👍🏽 ok👨\u{200D}👩ya"), ["ok", "ya"]);
        assert_eq!(words("cafe\u{301} \u{301}x"), ["cafe\u{301}", "x"]);
    }

    #[test]
    fn hashtags_split_on_humps() {
        assert_eq!(
            words("#PemiluDamai2024 @KPU_RI #ASNNetral"),
            ["Pemilu", "Damai", "2024", "KPU", "RI", "ASN", "Netral"]
        );
        assert_eq!(words("PemiluDamai"), ["PemiluDamai"]);
    }

    #[test]
    fn breaks_and_hyphens() {
        let p = pieces("a, b. c\n\nd nge-like x - y no. 2 Jl. Merdeka. S.H. ok U.S. ok");
        let brk: Vec<Break> = p.iter().map(|p| p.1).collect();
        use Break::*;
        assert_eq!(
            brk,
            [
                None, Clause, Sentence, Sentence, None, None, None, None, None, None, None, None, Sentence, None,
                Sentence, None, None, Sentence
            ]
        );
        let hy: Vec<&str> = p.iter().filter(|p| p.2).map(|p| p.0).collect();
        assert_eq!(hy, ["like"]);
    }

    /// A single line break (LF, CR LF, CR, U+2028…) is a space, also after an abbreviation; two
    /// with only spaces between, or a paragraph separator, end the sentence.
    #[test]
    fn a_blank_line_ends_a_sentence_and_a_single_line_break_does_not() {
        let brk = |t: &str| pieces(t).into_iter().map(|p| p.1).collect::<Vec<_>>();
        use Break::*;
        for single in ["\n", "\r\n", "\r", " \n\t", "\u{B}", "\u{C}", "\u{85}", "\u{2028}"] {
            assert_eq!(brk(&format!("like postingan{single}kampanye")), [None, None, None], "{single:?}");
            assert_eq!(brk(&format!("Jl.{single}Merdeka")), [None, None], "{single:?}");
        }
        for blank in ["\n\n", "\r\n\r\n", "\r\r", "\n \t\n", "\n\u{A0}\r\n", "\u{2029}", "\n\n\n"] {
            assert_eq!(brk(&format!("like postingan{blank}kampanye")), [None, None, Sentence], "{blank:?}");
        }
        assert_eq!(brk("a,\nb.\nc"), [None, Clause, Sentence]);
    }

    #[test]
    fn quotation_marks_hold_a_sentence_together() {
        let brk = |t: &str| pieces(t).into_iter().map(|p| p.1).collect::<Vec<_>>();
        use Break::*;
        // Inside a quotation `!` ends a clause; after it, sentences end again.
        assert_eq!(brk("tulis \"Pilih 2! Menang!\" kemarin. Lalu"), [None, None, None, Clause, Clause, Sentence]);
        assert_eq!(brk("tulis \u{201C}Pilih 2! Menang!\u{201D} kemarin"), [None, None, None, Clause, Clause]);
        // An unclosed quotation ends at a blank line; a single line break is a space in it.
        assert_eq!(brk("a \"b! c\n\nd! e"), [None, None, Clause, Sentence, Sentence]);
        assert_eq!(brk("a \"b! c\nd! e"), [None, None, Clause, None, Clause]);
        // Single quotation marks too; an apostrophe inside a word is no quotation.
        assert_eq!(brk("commented 'mantap, lanjutkan!' under it. Then"), [None, None, Clause, Clause, None, Sentence]);
        assert_eq!(brk("the cagub's video! Then"), [None, None, None, Sentence]);
    }
}
