//! Text understanding: incident text → normalised, stemmed tokens with byte spans and negation.
//!
//! `analyse` runs four steps in one pass over the text, read without its invisible format
//! characters (`invisible.rs`: "li\u{200C}ke" is "like"; spans are mapped back to the text as
//! written):
//! 1. scanning (`scan.rs`): word pieces with byte spans, and the punctuation between them;
//! 2. normalising (`normalize.rs`, `slang.rs`): lowercase, accents and repeated letters folded,
//!    slang expanded, hyphenated forms joined or split ("nge-like" → "like", "ibu-ibu" → "ibu");
//! 3. stemming (`stem.rs`, `prefix.rs`, `english.rs`, `roots.rs`): "dihadiri" → "hadir",
//!    "liked" → "like";
//! 4. negation scope (`negation.rs`): "tidak ikut kampanye" marks "ikut" and "kampanye".
//!
//! Dates are found separately, on the raw text (`dates.rs`). Words and stems live in one string
//! arena inside the `Analysis`; a plain word costs no allocation of its own. All word lists are
//! hashed at compile time (`lexicon.rs`), so there is no start-up work.

mod dates;
mod dialect;
mod doubt;
mod english;
mod invisible;
mod lexicon;
mod negation;
mod normalize;
mod prefix;
mod roots;
mod scan;
mod slang;
mod stem;

pub use dates::{find_dates, format_iso_date, parse_iso_date, FoundDate};

/// The longest text analysed, in bytes (64 MiB); the rest is ignored, which bounds memory and
/// keeps every offset in a `u32`.
pub const MAX_TEXT_BYTES: usize = 1 << 26;

/// One word of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the token's first byte in the original text.
    pub start: u32,
    /// Byte offset just past the token in the original text (`&text[start..end]` is the token).
    pub end: u32,
    /// Inside the scope of a negation ("tidak", "bukan", "tanpa", "not"…).
    pub negated: bool,
    /// Inside what the speaker says they do not know ("nggak tahu dia lagi tugas atau tidak").
    pub doubted: bool,
    /// Sentence index, from 0; it increases at `.`, `!`, `?`, `;` and blank lines (a single
    /// line break is a space).
    pub sentence: u32,
    clause: u32,
    /// Where the token stands for the windows of `near` and `after`: the number of words
    /// before it that count. English articles do not count (`english::is_filler`) and share
    /// the place of the word after them, so that "liked a few posts on the official account of
    /// a candidate's team" is as near as the Indonesian "like beberapa postingan di akun resmi
    /// tim calon", which has no articles.
    pub place: u32,
    /// False for a word that does not count (it shares the place of the word after it).
    counts: bool,
    word: (u32, u32),
    stem: (u32, u32),
}

impl Token {
    /// Clause index, from 0; it increases where `sentence` does and also at `,` and `:`.
    pub fn clause(&self) -> u32 {
        self.clause
    }

    /// True unless the word is one that windows do not count (`place`).
    pub fn counts(&self) -> bool {
        self.counts
    }
}

/// The tokens of one text, with their normalised words and stems.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    tokens: Vec<Token>,
    arena: String,
}

impl Analysis {
    /// The tokens, in text order; their spans never overlap.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The normalised form of token `i`: lowercase, slang expanded, repeated letters collapsed
    /// ("Gaaak" → "tidak"). Empty if `i` is out of range.
    pub fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| self.slice(t.word))
    }

    /// The stem of `word(i)` ("dihadiri" → "hadir"). Empty if `i` is out of range.
    pub fn stem(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| self.slice(t.stem))
    }

    /// Token `i`'s word and, when it differs from the word, its stem, as bytes: what the
    /// phrase matcher looks up (byte slices need no check of character boundaries).
    pub(crate) fn word_and_stem_bytes(&self, i: usize) -> (&[u8], Option<&[u8]>) {
        let Some(t) = self.tokens.get(i) else { return (b"", None) };
        let bytes = |(a, b): (u32, u32)| self.arena.as_bytes().get(a as usize..b as usize).unwrap_or(b"");
        // The normaliser writes a stem that is the word itself as the word's own range.
        (bytes(t.word), (t.stem != t.word).then(|| bytes(t.stem)))
    }

    fn slice(&self, (a, b): (u32, u32)) -> &str {
        self.arena.get(a as usize..b as usize).unwrap_or("")
    }
}

/// Analyses an incident text. Never panics; linear in the length of the text.
pub fn analyse(text: &str) -> Analysis {
    let mut analyser = Analyser::default();
    analyser.analyse(text);
    analyser.analysis
}

/// Analyses texts one after another, reusing the buffers of the previous one: compiling reads
/// every phrase of the lexicon (about 1,400), and four allocations per phrase add up.
#[derive(Default)]
pub struct Analyser {
    analysis: Analysis,
    scratch: normalize::Buffers,
}

impl Analyser {
    /// Analyses `text` exactly as [`analyse`] does; the result lives until the next call.
    pub fn analyse(&mut self, text: &str) -> &Analysis {
        let mut end = text.len().min(MAX_TEXT_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let visible = invisible::Visible::new(&text[..end]);
        let text = visible.as_str();
        let mut buffers = std::mem::take(&mut self.scratch);
        buffers.tokens = std::mem::take(&mut self.analysis.tokens);
        buffers.arena = std::mem::take(&mut self.analysis.arena);
        let mut b = normalize::Builder::new(text, buffers);
        for piece in scan::Scanner::new(text) {
            b.push(piece);
        }
        let mut buffers = b.finish();
        let (mut tokens, mut arena) = (std::mem::take(&mut buffers.tokens), std::mem::take(&mut buffers.arena));
        dialect::first_person_tak(&mut tokens, text, &mut arena);
        let mut counted = 0;
        for t in &mut tokens {
            t.place = counted;
            t.counts = !english::is_filler(arena.get(t.word.0 as usize..t.word.1 as usize).unwrap_or(""));
            counted += u32::from(t.counts);
        }
        for t in &mut tokens {
            (t.start, t.end) = visible.span(t.start, t.end);
        }
        negation::mark(&mut tokens, |t| arena.get(t.word.0 as usize..t.word.1 as usize).unwrap_or(""));
        doubt::mark(&mut tokens, |t| arena.get(t.word.0 as usize..t.word.1 as usize).unwrap_or(""));
        self.scratch = buffers;
        self.analysis = Analysis { tokens, arena };
        &self.analysis
    }
}

/// Normalise a lexicon phrase exactly as incident text is normalised: returns (word, stem) per
/// word. Used at rule-compile time so that "menghadiri" in a rule file and "dihadiri" in text
/// meet at stem "hadir". Punctuation (including a trailing `*`) is dropped.
pub fn phrase_words(phrase: &str) -> Vec<(String, String)> {
    let a = analyse(phrase);
    (0..a.tokens.len()).map(|i| (a.word(i).to_string(), a.stem(i).to_string())).collect()
}

/// The stem of one normalised word: "menghadiri" → "hadir", "liked" → "like", "02" → "2".
/// ASCII capitals are lowered first; slang is not expanded (use `phrase_words` for raw text).
pub fn stem(word: &str) -> String {
    let lowered;
    let w = if word.bytes().any(|c| c.is_ascii_uppercase()) {
        lowered = word.to_ascii_lowercase();
        &lowered
    } else {
        word
    };
    let mut out = String::new();
    stem::stem_parts(w).write(w, &mut out);
    out
}

#[cfg(test)]
mod tests;

/// The normalised words of `text`, for the text stage's unit tests.
#[cfg(test)]
pub(crate) fn words_of(text: &str) -> Vec<String> {
    let a = analyse(text);
    (0..a.tokens().len()).map(|i| a.word(i).to_string()).collect()
}
