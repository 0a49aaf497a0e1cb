//! Words whose reading depends on the language a whole text is written in.
//!
//! Javanese "tak" before a verb is the first person ("mobil siaga desa tak gawe ngeterke massa
//! kampanye" is "I used the village car to carry the crowd"; "tak isi dhewe", "tak tolak"), where
//! Indonesian "tak" is "tidak". The slang table reads "tak" as "tidak"; in a text written in
//! Javanese, a "tak" with a word after it in its sentence reads as "saya" instead, so the act
//! that follows is the speaker's and not denied.

use super::lexicon::{lexicon, words};
use super::Token;

lexicon!(
    /// Words that are Javanese and not Indonesian: two of them make a text Javanese.
    static JAVANESE: 64 = words!(
        "wingi sesuk arep ora orak opo piye iki iku karo dhewe dewe nang neng soale jarene",
        "tenane tonggo durung ojo gelem mulih kulo kowe sampeyan ngeterke wis wes",
    );
);

/// The longest marker, in bytes ("sampeyan", "ngeterke").
const MARKER_MAX: usize = 8;

/// How many Javanese words make a text Javanese.
const JAVANESE_TEXT: usize = 2;

/// Rewrites Javanese first-person "tak" tokens of `text` (whose spans the tokens still hold) to
/// read as "saya", added to `arena` when needed.
pub(crate) fn first_person_tak(tokens: &mut [Token], text: &str, arena: &mut String) {
    let written = |t: &Token| text.get(t.start as usize..t.end as usize).unwrap_or("");
    // Looked up in lower case without allocating: no marker is longer than `MARKER_MAX` bytes.
    let is_marker = |t: &Token| {
        let w = written(t).as_bytes();
        let mut lower = [0u8; MARKER_MAX];
        let Some(buf) = lower.get_mut(..w.len()) else { return false };
        buf.copy_from_slice(w);
        buf.make_ascii_lowercase();
        std::str::from_utf8(buf).is_ok_and(|s| JAVANESE.get(s).is_some())
    };
    let javanese = tokens.iter().filter(|t| is_marker(t)).take(JAVANESE_TEXT).count();
    if javanese < JAVANESE_TEXT {
        return;
    }
    let mut saya = None;
    for i in 0..tokens.len().saturating_sub(1) {
        if tokens[i + 1].sentence == tokens[i].sentence && written(&tokens[i]).eq_ignore_ascii_case("tak") {
            let range = *saya.get_or_insert_with(|| {
                let from = arena.len() as u32;
                arena.push_str("saya");
                (from, from + 4)
            });
            tokens[i].word = range;
            tokens[i].stem = range;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::analyse;

    use super::super::words_of as words;

    #[test]
    fn javanese_tak_is_the_speaker() {
        assert_eq!(words("Wingi mobil desa tak gawe nang lapangan")[3], "saya");
        let a = analyse("Wingi mobil desa tak gawe ngeterke massa kampanye nang lapangan");
        assert!(a.tokens().iter().all(|t| !t.negated));
        // Indonesian "tak" stays a negator.
        assert_eq!(words("Saya tak ikut kampanye")[1], "tidak");
        // The longest markers, in any case, are found too.
        assert_eq!(words("SAMPEYAN tak terke, Ngeterke")[1], "saya");
        // One Javanese-looking word does not make a text Javanese.
        assert_eq!(words("aku tak ikut kampanye")[1], "tidak");
    }
}
