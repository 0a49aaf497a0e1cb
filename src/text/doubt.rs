//! Doubt scope: marks the tokens of what the speaker says they do not know ("saya nggak tahu
//! dia lagi tugas pengamanan atau datang sendiri", "I'm not sure whether he had taken leave").
//!
//! What is doubted is neither said nor denied: a fact read only from doubted words stays
//! unknown and is asked (`eval::facts::infer`), where the negation alone would have read it as
//! "no" ("tidak tahu … tugas pengamanan" is not "not on duty").
//!
//! A doubt is a word of knowing after a negator ("tidak tahu", "belum jelas", "not sure", "no
//! idea", "don't know"), or one that says it alone ("entah", "unsure", "unclear"), or a word of
//! saying after a negator and before a question word: what someone did not say is not known
//! ("Bagian Umum belum menjawab apakah bupati telah mengambil cuti", "beliau belum pernah
//! menyebut apakah sudah mengurus cuti", "he didn't say whether he had taken leave"), or a word
//! of asking before a question word: what is being asked is not known ("wrote to
//! ask whether he was on unpaid leave", "menanyakan apakah ia sudah cuti"). It covers the
//! words after it to the end of the sentence, at most `SCOPE` words, and clears their negation.
//! Asking about the rule is not a doubt about the fact: when a word of permission follows
//! ("nggak tahu boleh atau tidak", "not sure if I'm allowed to attend"), nothing is marked, and
//! "tidak tahu aturannya" doubts nothing that happened.

use super::lexicon::{lexicon, words};
use super::Token;

/// How many words a doubt covers at most.
const SCOPE: usize = 12;
/// How many words after the doubt a word of permission turns it into a question about the rule.
const RULE_QUESTION: usize = 4;

lexicon!(
    /// The role of each word that matters to doubt, as `word=letter`: `k` a word of knowing
    /// (a doubt after a negator), `d` a doubt alone, `a` a word of asking (a doubt when a
    /// question word `q` follows), `n` a negator, `r` a word about the rule,
    /// `s` a word of saying (a doubt after a negator when a question word `q` follows), `e`
    /// "pernah" between a negator and the word ("belum pernah menyebut").
    static ROLES: 256 = words!(
        "tahu=k tau=k yakin=k jelas=k pasti=k paham=k mengerti=k ngerti=k ingat=k inget=k",
        "sure=k certain=k know=k knew=k idea=k clear=k aware=k",
        "entah=d entahlah=d unsure=d unclear=d uncertain=d",
        "tidak=n belum=n kurang=n not=n no=n never=n",
        "boleh=r bisa=r dibolehkan=r diperbolehkan=r diizinkan=r melanggar=r pelanggaran=r aman=r aturan=r",
        "aturannya=r netral=r netralitas=r larangan=r dilarang=r sanksi=r",
        "allowed=r may=r can=r permitted=r ok=r okay=r legal=r violate=r violation=r breach=r rule=r",
        "rules=r problem=r issue=r fine=r ban=r banned=r prohibited=r forbidden=r illegal=r",
        "menyebut=s sebut=s bilang=s mengatakan=s menjawab=s jawab=s menjelaskan=s mengonfirmasi=s",
        "menyampaikan=s memberi=s say=s said=s mention=s mentioned=s answer=s answered=s confirm=s",
        "confirmed=s tell=s told=s explain=s",
        "apakah=q whether=q if=q kapan=q pernah=e ever=e",
        "ask=a asked=a asks=a asking=a wonder=a wondered=a wondering=a",
        "menanyakan=a ditanyakan=a bertanya=a mempertanyakan=a",
    );
);

/// Sets `doubted` on every token inside a doubt's scope, and clears `negated` there.
/// `word` gives a token's normalised word. Linear: each token is looked at a bounded number
/// of times.
pub(crate) fn mark<'a>(tokens: &mut [Token], word: impl Fn(&Token) -> &'a str) {
    let role = |t: &Token| ROLES.get(word(t)).and_then(|r| r.bytes().next()).unwrap_or(0);
    let mut i = 0;
    while i < tokens.len() {
        // One lookup per token; its neighbours are looked at only after a word of knowing, saying
        // or asking.
        let sentence = tokens[i].sentence;
        let negator = |j: usize| {
            tokens[j].sentence == sentence && (role(&tokens[j]) == b'n' || word(&tokens[j]).ends_with("n't"))
        };
        // "tidak tahu", "belum pernah menyebut"
        let negated_before = || i > 0 && (negator(i - 1) || (i > 1 && role(&tokens[i - 1]) == b'e' && negator(i - 2)));
        let question_after =
            || (i + 1..tokens.len().min(i + 3)).any(|j| tokens[j].sentence == sentence && role(&tokens[j]) == b'q');
        let doubt = match role(&tokens[i]) {
            b'd' => true,
            b'k' => negated_before(),
            b's' => negated_before() && question_after(),
            b'a' => question_after(),
            _ => false,
        };
        if !doubt {
            i += 1;
            continue;
        }
        let end = (i + 1..tokens.len().min(i + 1 + SCOPE))
            .find(|&j| tokens[j].sentence != sentence)
            .unwrap_or(tokens.len().min(i + 1 + SCOPE));
        let about_rule = (i + 1..end.min(i + 1 + RULE_QUESTION)).any(|j| role(&tokens[j]) == b'r');
        if !about_rule {
            for t in &mut tokens[i + 1..end] {
                t.doubted = true;
                t.negated = false;
            }
        }
        i = end.max(i + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::super::analyse;

    /// The words of `text` that are doubted.
    fn doubted(text: &str) -> Vec<String> {
        let a = analyse(text);
        (0..a.tokens().len()).filter(|&i| a.tokens()[i].doubted).map(|i| a.word(i).to_string()).collect()
    }

    #[test]
    fn what_the_speaker_does_not_know() {
        assert_eq!(
            doubted("Saya nggak tahu dia lagi tugas pengamanan. Dia berdiri"),
            ["dia", "lagi", "tugas", "pengamanan"]
        );
        assert_eq!(doubted("I'm not sure whether he had taken leave"), ["whether", "he", "had", "taken", "leave"]);
        assert_eq!(doubted("No idea if he's PNS"), ["if", "he", "is", "pns"]);
        assert_eq!(doubted("entah sudah cuti atau belum"), ["sudah", "cuti", "atau", "belum"]);
        assert_eq!(
            doubted("Beliau belum pernah menyebut apakah sudah mengurus cuti."),
            ["apakah", "sudah", "mengurus", "cuti"]
        );
        assert_eq!(doubted("He didn't say whether he had taken leave"), ["whether", "he", "had", "taken", "leave"]);
        assert_eq!(doubted("Bawaslu wrote to ask whether he was on leave."), ["whether", "he", "was", "on", "leave"]);
        assert_eq!(doubted("BKD menanyakan apakah ia sudah cuti"), ["apakah", "ia", "sudah", "cuti"]);
        // Not a doubt: knowing, saying what happened, or asking about the rule.
        assert!(doubted("saya tahu dia ikut kampanye").is_empty());
        assert!(doubted("dia tidak bilang ke atasan, lalu ikut kampanye").is_empty());
        assert!(doubted("saya tidak tahu boleh atau tidak ikut kampanye").is_empty());
        assert!(doubted("I'm not sure if I'm allowed to attend the rally").is_empty());
        assert!(doubted("I want to ask whether I may attend the rally").is_empty());
        assert!(doubted("Bawaslu asked him to take leave").is_empty());
        assert!(doubted("saya tidak tahu aturannya, kemarin saya like postingan capres").is_empty());
    }

    #[test]
    fn doubted_words_are_not_negated() {
        let a = analyse("Saya tidak tahu apakah dia sudah cuti");
        assert!(a.tokens().iter().all(|t| !t.negated || !t.doubted));
        assert!(a.tokens().iter().any(|t| t.doubted));
    }
}
