//! Negation scope: marks the tokens that a negator ("tidak", "bukan", "tanpa", "not"…) covers.
//!
//! A negator covers the words after it up to the end of its clause (`,` `:` `.` `;` `!` `?` or
//! a line break), a contrastive word ("tapi", "namun", "but"…) or 6 words, whichever comes first.
//! The negator itself is not marked. Refinements, each a letter in the `ROLES` table below:
//! - "tidak pernah", "belum pernah": "pernah" belongs to the negator;
//! - "tidak sengaja" (accidentally), "tidak lama" (soon after)…: a fixed phrase, so only that one
//!   word is negated and the act that follows is not ("ga sengaja nge-like" still liked);
//! - after "boleh", "bisa", "atau", "apakah"…, "ga"/"tidak" asks a question ("boleh ga saya
//!   datang?", "hadir atau tidak") and negates nothing;
//! - "no" before a number was already turned into "nomor" by the normaliser.
//!
//! Double negation is not resolved; "boleh" (may) and plans ("mau ikut") are not negations.

use super::lexicon::{lexicon, words};
use super::Token;

/// How many words a negation covers at most.
const SCOPE: u8 = 6;

/// Starts a negation scope (after slang: "gak", "tdk" are already "tidak"). Letter `n` below.
const NEGATOR: u8 = 1;
/// Closes a negation scope: contrast, and "hanya"/"only" ("tidak hanya … tetapi juga"). `c`.
const CLOSER: u8 = 2;
/// Right after a negator, makes a fixed phrase: only this word is negated ("tidak sengaja"). `f`.
const FIXED: u8 = 4;
/// Before a negator, turns it into a question or an alternative ("boleh ga", "atau tidak"). `a`.
const ASKING: u8 = 8;
/// Belongs to the negator before it ("tidak pernah"). `e`.
const EXTENSION: u8 = 16;

lexicon!(
    /// The role of each word that matters to negation, as `word=letters` (one lookup per token).
    static ROLES: 128 = words!(
        "tidak=n bukan=n belum=n tanpa=n jangan=n tak=n enggan=n menolak=n tolak=n never=n",
        "not=n no=n without=n cannot=n neither=n nor=n",
        "tapi=c tetapi=c namun=c melainkan=c padahal=c cuma=c hanya=c sedangkan=c but=c",
        "however=c although=c though=c only=c whereas=c",
        "sengaja=f sadar=f lama=f jauh=f lain=f sedikit=f kurang=f pelak=f heran=f apa=fa",
        "boleh=a bisa=a apakah=a atau=a mau=a perlu=a or=a whether=a",
        "pernah=e ever=e",
    );
);

fn role(word: &str) -> u8 {
    match ROLES.get(word) {
        Some(letters) => letters.bytes().fold(0, |r, l| {
            r | match l {
                b'n' => NEGATOR,
                b'c' => CLOSER,
                b'f' => FIXED,
                b'a' => ASKING,
                _ => EXTENSION,
            }
        }),
        None if word.ends_with("n't") => NEGATOR,
        None => 0,
    }
}

/// Sets `negated` on every token inside a negation scope. `word` gives a token's normalised word.
pub(crate) fn mark<'a>(tokens: &mut [Token], word: impl Fn(&Token) -> &'a str) {
    let (mut left, mut clause, mut prev) = (0u8, u32::MAX, (u32::MAX, 0u8));
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let r = role(word(&t));
        if t.clause != clause {
            left = 0;
        }
        let asking = prev.0 == t.clause && prev.1 & ASKING != 0;
        prev = (t.clause, r);
        if r & CLOSER != 0 {
            left = 0;
        } else if r & NEGATOR != 0 && !asking {
            let next = |j: usize| {
                tokens
                    .get(j)
                    .filter(|u| u.clause == t.clause)
                    .map_or(0, |u| role(word(u)))
            };
            let mut j = i + 1;
            if next(j) & EXTENSION != 0 {
                j += 1;
            }
            if next(j) & FIXED != 0 {
                tokens[j].negated = true;
                (left, i) = (0, j + 1);
            } else {
                (left, clause, i) = (SCOPE, t.clause, j);
            }
            prev = (u32::MAX, 0);
            continue;
        } else if left > 0 {
            tokens[i].negated = true;
            left -= 1;
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::super::analyse;

    /// The words of `text` that are negated.
    fn negated(text: &str) -> Vec<String> {
        let a = analyse(text);
        (0..a.tokens().len())
            .filter(|&i| a.tokens()[i].negated)
            .map(|i| a.word(i).to_string())
            .collect()
    }

    #[test]
    fn brief_examples() {
        assert_eq!(negated("tidak ikut kampanye"), ["ikut", "kampanye"]);
        assert_eq!(
            negated("ikut kampanye, tidak pakai atribut"),
            ["pakai", "atribut"]
        );
        assert_eq!(negated("bukan PNS"), ["pns"]);
        assert_eq!(
            negated("I did not attend the rally"),
            ["attend", "the", "rally"]
        );
        assert_eq!(negated("I didn't attend. I went home"), ["attend"]);
        assert_eq!(
            negated("I don't have any attributes"),
            ["have", "any", "attributes"]
        );
    }

    #[test]
    fn scope_ends_at_clause_contrast_or_six_words() {
        assert_eq!(
            negated("gak pake kaos paslon tapi ikut kampanye"),
            ["pakai", "kaus", "paslon"]
        );
        assert_eq!(
            negated("tanpa a b c d e f g h"),
            ["a", "b", "c", "d", "e", "f"]
        );
        assert_eq!(negated("nggak foto; ikut"), ["foto"]);
        assert_eq!(
            negated("tidak hanya hadir tetapi juga berorasi"),
            Vec::<String>::new()
        );
        assert_eq!(
            negated("tidak ikut dan tidak pakai atribut"),
            ["ikut", "dan", "pakai", "atribut"]
        );
    }

    #[test]
    fn refinements() {
        assert_eq!(
            negated("saya tidak pernah berfoto dengan caleg"),
            ["berfoto", "dengan", "caleg"]
        );
        assert_eq!(
            negated("kemarin ga sengaja nge-like postingan paslon"),
            ["sengaja"]
        );
        assert_eq!(
            negated("boleh ga sy dtg cuma duduk, ga pake kaos"),
            ["pakai", "kaus"]
        );
        assert_eq!(negated("hadir atau tidak, belum jelas"), ["jelas"]);
        assert_eq!(
            negated("pilih no. 2 ya, no campaign attributes"),
            ["campaign", "attributes"]
        );
        assert_eq!(
            negated("bolehkah saya like, rencananya saya mau ikut"),
            Vec::<String>::new()
        );
        assert_eq!(
            negated("saya menolak dan acaranya batal"),
            ["dan", "acaranya", "batal"]
        );
        assert_eq!(
            negated("without any attributes, neither speech nor cheering"),
            ["any", "attributes", "speech", "cheering"]
        );
    }
}
