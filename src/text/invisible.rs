//! Invisible format characters (Unicode general category Cf): zero-width space and joiners, the
//! soft hyphen, the byte-order mark, bidirectional controls… They show nothing, and keyboards,
//! chat apps and copied web text leave them inside words: "nge-li\u{200C}ke" looks like
//! "nge-like" and must be read as it. Reading takes them as absent: the scanner and the date
//! finder read the text with them taken out, and every span found there is mapped back to the
//! text as written (a span keeps the format characters inside it, not those around it).

use std::borrow::Cow;

/// Whether `c` is a format character: general category Cf as of Unicode 15.1, listed here
/// rather than taken from a Unicode-tables crate (it is small, and grows by a few code points a
/// decade). U+00AD soft hyphen; U+0600–0605, U+06DD, U+070F, U+0890–0891, U+08E2 Arabic and
/// Syriac number and pound marks; U+061C Arabic letter mark; U+180E Mongolian vowel separator;
/// U+200B–200F zero-width space, ZWNJ, ZWJ and the left-to-right and right-to-left marks;
/// U+202A–202E and U+2066–2069 bidirectional embeddings and isolates; U+2060–2064 word joiner
/// and invisible operators; U+206A–206F deprecated shaping controls; U+FEFF byte-order mark
/// (zero-width no-break space); U+FFF9–FFFB interlinear annotation; U+110BD, U+110CD Kaithi
/// number signs; U+13430–1343F Egyptian hieroglyph format controls; U+1BCA0–1BCA3 shorthand
/// format controls; U+1D173–1D17A musical beam and phrase controls; U+E0001, U+E0020–E007F tags.
pub(crate) fn is_format(c: char) -> bool {
    c >= '\u{AD}'
        && matches!(
            c,
            '\u{AD}'
                | '\u{600}'..='\u{605}'
                | '\u{61C}'
                | '\u{6DD}'
                | '\u{70F}'
                | '\u{890}'..='\u{891}'
                | '\u{8E2}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{110BD}'
                | '\u{110CD}'
                | '\u{13430}'..='\u{1343F}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0001}'
                | '\u{E0020}'..='\u{E007F}'
        )
}

/// A text with its format characters taken out, and the way back to the text as written.
pub(crate) struct Visible<'t> {
    text: Cow<'t, str>,
    /// One entry per run of format characters taken out: where the run was in the visible
    /// text, and how many bytes were taken out up to the end of this run (both increase).
    cuts: Vec<(usize, usize)>,
}

impl<'t> Visible<'t> {
    /// `text` without its format characters; borrowed, with nothing to map, when it has none.
    pub(crate) fn new(text: &'t str) -> Self {
        if text.is_ascii() || !text.chars().any(is_format) {
            return Visible { text: Cow::Borrowed(text), cuts: Vec::new() };
        }
        let mut visible = String::with_capacity(text.len());
        let mut cuts: Vec<(usize, usize)> = Vec::new();
        let (mut kept_from, mut taken) = (0, 0);
        for (i, c) in text.char_indices().filter(|&(_, c)| is_format(c)) {
            visible.push_str(&text[kept_from..i]);
            kept_from = i + c.len_utf8();
            taken += c.len_utf8();
            match cuts.last_mut() {
                Some((at, n)) if *at == visible.len() => *n = taken,
                _ => cuts.push((visible.len(), taken)),
            }
        }
        visible.push_str(&text[kept_from..]);
        Visible { text: Cow::Owned(visible), cuts }
    }

    /// The text without format characters.
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// Where the span `start..end` of the visible text lies in the text as written.
    pub(crate) fn span(&self, start: u32, end: u32) -> (u32, u32) {
        (self.start(start as usize) as u32, self.end(end as usize) as u32)
    }

    /// Where a span starting at byte `i` of the visible text starts in the text as written:
    /// after the format characters just before it ("\u{200B}like" starts at "l").
    fn start(&self, i: usize) -> usize {
        i + self.taken(self.cuts.partition_point(|&(at, _)| at <= i))
    }

    /// Where a span ending at byte `i` of the visible text ends in the text as written: before
    /// the format characters just after it, after those inside it ("li\u{200C}ke" keeps its ZWNJ).
    fn end(&self, i: usize) -> usize {
        i + self.taken(self.cuts.partition_point(|&(at, _)| at < i))
    }

    /// Bytes taken out by the first `runs` runs of format characters.
    fn taken(&self, runs: usize) -> usize {
        runs.checked_sub(1).map_or(0, |k| self.cuts[k].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_characters_are_taken_out_and_spans_map_back() {
        let text = "\u{FEFF}nge-li\u{200C}ke\u{200B}\u{AD} ok";
        let v = Visible::new(text);
        assert_eq!(v.as_str(), "nge-like ok");
        let like = v.as_str().find("like").unwrap();
        let (s, e) = (v.start(like), v.end(like + 4));
        assert_eq!(&text[s..e], "li\u{200C}ke");
        assert_eq!(&text[v.start(0)..v.end(3)], "nge");
        assert_eq!(&text[v.start(9)..v.end(11)], "ok");
        assert_eq!(v.end(v.as_str().len()), text.len());
    }

    #[test]
    fn a_text_without_format_characters_is_borrowed() {
        for text in ["saya PNS", "café 😅 \u{A0}", ""] {
            let v = Visible::new(text);
            assert!(matches!(v.text, Cow::Borrowed(_)));
            assert_eq!((v.start(0), v.end(text.len())), (0, text.len()));
        }
    }

    #[test]
    fn the_format_set_is_category_cf() {
        let cf = [
            '\u{AD}',
            '\u{600}',
            '\u{605}',
            '\u{61C}',
            '\u{6DD}',
            '\u{70F}',
            '\u{890}',
            '\u{8E2}',
            '\u{180E}',
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{200F}',
            '\u{202A}',
            '\u{202E}',
            '\u{2060}',
            '\u{2064}',
            '\u{2066}',
            '\u{206F}',
            '\u{FEFF}',
            '\u{FFF9}',
            '\u{FFFB}',
            '\u{110BD}',
            '\u{110CD}',
            '\u{13430}',
            '\u{1343F}',
            '\u{1BCA0}',
            '\u{1BCA3}',
            '\u{1D173}',
            '\u{1D17A}',
            '\u{E0001}',
            '\u{E0020}',
            '\u{E007F}',
        ];
        assert!(cf.iter().all(|&c| is_format(c)));
        // Neighbours that are not Cf: letters, spaces, marks, emoji and the variation selector.
        let other = [
            'a',
            ' ',
            '\u{A0}',
            '\u{AC}',
            '\u{AE}',
            '\u{606}',
            '\u{200A}',
            '\u{2010}',
            '\u{2065}',
            '\u{FE0F}',
            '\u{FEFE}',
            '\u{FFFC}',
            '😅',
            '\u{E0000}',
            '\u{E0080}',
        ];
        assert!(other.iter().all(|&c| !is_format(c)));
    }
}
