//! Negation scope: marks the tokens that a negator ("tidak", "bukan", "tanpa", "not"…) covers.
//!
//! A negator covers the words after it up to the end of its clause (`,` `:` `.` `;` `!` `?` or
//! a blank line), a contrastive word ("tapi", "namun", "but"…) or 6 words, whichever comes first.
//! The negator itself is not marked. Refinements, each a letter in the `ROLES` table below:
//! - "tidak pernah", "belum pernah": "pernah" belongs to the negator;
//! - "tidak sengaja" (accidentally), "tidak lama" (soon after)…: a fixed phrase, so only that one
//!   word is negated and the act that follows is not ("ga sengaja nge-like" still liked);
//! - after "boleh", "bisa", "atau", "apakah"…, "ga"/"tidak" asks a question ("boleh ga saya
//!   datang?", "hadir atau tidak") and negates nothing;
//! - "no" before a number was already turned into "nomor" by the normaliser.
//!
//! - a list goes on after a comma when the next clause starts with "atau", "maupun"… or is one
//!   word before such a clause: "tanpa like, komen, atau share" negates all three;
//! - "jangan lupa" (do not forget = remember to) negates only "lupa";
//! - a request that is turned down: "diajak ikut kampanye, tapi saya tolak" or "diminta jadi
//!   timses, saya tidak mau" — the words of the request ("ikut kampanye", "jadi timses") are
//!   negated when a refusal follows in the same or the next sentence. A request made to the
//!   speaker in the active voice counts too when the speaker is its object: "temen ngajak saya
//!   masuk tim sukses. Saya tolak", "he asked me to join his team, but I declined".
//!
//! - "dan saya", "and I": a new subject ends the scope ("tidak ambil cuti dan saya ikut
//!   mendampingi" negates only "ambil cuti"); so do "lalu", "kemudian", "then".
//!
//! "melarang", "mencegah", "menegur" (forbid, prevent, reprimand) negate what follows: "melarang
//! guru ikut kampanye", "menegur tetangga yang bagi-bagi amplop caleg".
//!
//! Double negation is not resolved; "boleh" (may) and plans ("mau ikut") are not negations.

use super::lexicon::{lexicon, words};
use super::Token;

/// How many words a negation covers at most.
const SCOPE: u8 = 6;

/// Starts a negation scope (after slang: "gak", "tdk" are already "tidak"). Letter `n` below.
const NEGATOR: u16 = 1;
/// Closes a negation scope: contrast, and "hanya"/"only" ("tidak hanya … tetapi juga"). `c`.
const CLOSER: u16 = 2;
/// Right after a negator, makes a fixed phrase: only this word is negated ("tidak sengaja"). `f`.
const FIXED: u16 = 4;
/// Before a negator, turns it into a question or an alternative ("boleh ga", "atau tidak"). `a`.
const ASKING: u16 = 8;
/// Belongs to the negator before it ("tidak pernah"). `e`.
const EXTENSION: u16 = 16;
/// Continues a negated list after a comma ("tanpa like, komen, atau share"). `l`.
const LIST: u16 = 32;
/// A request made of the speaker ("diajak", "diminta", "ditawari"). `r`.
const REQUEST: u16 = 64;
/// Turns a request down ("menolak", "enggan"), or does so after a negator ("tidak mau"). `d`.
const REFUSAL: u16 = 128;
/// Words after a refusal that overturn it ("… tapi akhirnya saya datang").
const TURNAROUND: &[&str] = &["akhirnya", "tetap", "ternyata", "eventually", "finally", "still"];
/// Words that may follow "tidak mau", "tidak datang"… in a refusal.
const REFUSAL_TAIL: &[&str] =
    &["dan", "and", "ke", "kesana", "datang", "hadir", "ikut", "pergi", "itu", "sama", "juga", "lagi", "saja"];
/// A subject pronoun: after "dan"/"and" it starts a new clause ("tidak ambil cuti dan saya ikut"). `p`.
const PRONOUN: u16 = 256;
/// Joins clauses: "dan", "and". `j`.
const AND: u16 = 512;
/// Makes a request when the speaker is its object right after it ("ngajak saya", "asked me"). `o`.
const REQUEST_OF: u16 = 1024;
/// The speaker as the object of a request (after slang: "sy", "gue", "aku" are "saya").
const SPEAKER_OBJECT: &[&str] = &["saya", "me", "kami", "us"];
/// How many words a turned-down request covers at most.
const REQUEST_SCOPE: usize = 8;

lexicon!(
    /// The role of each word that matters to negation, as `word=letters` (one lookup per token).
    static ROLES: 256 = words!(
        "tidak=n bukan=n belum=n tanpa=n jangan=n tak=n never=n melarang=n larang=n dilarang=n",
        "mencegah=n cegah=n forbid=n forbade=n prohibited=n menegur=n tegur=n memperingatkan=n",
        "menasihati=n",
        "not=n no=n without=n cannot=n neither=n",
        "tapi=c tetapi=c namun=c melainkan=c padahal=c cuma=c hanya=c sedangkan=c but=c",
        "however=c although=c though=c only=c whereas=c",
        "sengaja=f sadar=f lama=f jauh=f lain=f sedikit=f kurang=f pelak=f heran=f apa=fa lupa=f",
        "boleh=a bisa=a apakah=a atau=al mau=ad perlu=a or=al whether=a ataupun=l maupun=l nor=nl",
        "pernah=e ever=e",
        "diajak=r diajakin=r diminta=r dimintai=r diundang=r ditawari=r ditawarin=r ditawarkan=r",
        "disuruh=r dirayu=r dibujuk=r dipaksa=r diperintah=r diperintahkan=r diarahkan=r",
        "ajakan=r undangan=r tawaran=r permintaan=r invited=r asked=r offered=r urged=r",
        "tolak=nd menolak=nd ditolak=d kutolak=d enggan=nd ogah=d declined=nd refused=nd decline=nd",
        "refuse=nd bersedia=d datang=d hadir=d ikut=d terima=d menerima=d pergi=d menghadiri=d",
        "setuju=d jadi=d accept=d go=d lalu=c kemudian=c then=c",
        "mengajak=o ajak=o menyuruh=o suruh=o meminta=o minta=o menawari=o tawari=o mengundang=o undang=o",
        "nawarin=o ask=o invite=o offer=o want=o wants=o tell=o urge=o",
        "saya=p kami=p dia=p ia=p mereka=p beliau=p we=p he=p she=p they=p dan=j and=j",
    );
);

fn role(word: &str) -> u16 {
    match ROLES.get(word) {
        Some(letters) => letters.bytes().fold(0, |r, l| {
            r | match l {
                b'n' => NEGATOR,
                b'c' => CLOSER,
                b'f' => FIXED,
                b'a' => ASKING,
                b'l' => LIST,
                b'r' => REQUEST,
                b'd' => REFUSAL,
                b'p' => PRONOUN,
                b'j' => AND,
                b'o' => REQUEST_OF,
                _ => EXTENSION,
            }
        }),
        None if word.ends_with("n't") => NEGATOR,
        None => 0,
    }
}

/// Sets `negated` on every token inside a negation scope. `word` gives a token's normalised word.
pub(crate) fn mark<'a>(tokens: &mut [Token], word: impl Fn(&Token) -> &'a str) {
    // Each token's role, looked up once (the passes below ask for neighbours' roles too).
    let roles: Vec<u16> = tokens.iter().map(|t| role(word(t))).collect();
    let (mut left, mut clause, mut prev) = (0u8, u32::MAX, (u32::MAX, 0u16));
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let r = roles[i];
        if t.clause != clause && left > 0 && continues_list(tokens, &roles, i) {
            clause = t.clause;
        } else if t.clause != clause {
            left = 0;
        }
        let asking = prev.0 == t.clause && prev.1 & ASKING != 0;
        prev = (t.clause, r);
        // "dan saya …", "and I …": a new clause with its own subject.
        let new_subject = r & PRONOUN != 0 && i > 0 && roles[i - 1] & AND != 0;
        if r & CLOSER != 0 || new_subject {
            left = 0;
        } else if r & NEGATOR != 0 && !asking {
            let next = |j: usize| tokens.get(j).filter(|u| u.clause == t.clause).map_or(0, |_| roles[j]);
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
    // Most texts ask nothing of the speaker: no request, nothing to turn down.
    if roles.iter().any(|r| r & (REQUEST | REQUEST_OF) != 0) {
        turned_down_requests(tokens, &roles, &word);
    }
}

/// Whether the clause starting at token `i` goes on a negated list: it starts with "atau",
/// "maupun"…, or it is one word and the clause after it starts so ("like, komen, atau share").
fn continues_list(tokens: &[Token], roles: &[u16], i: usize) -> bool {
    let starts_list =
        |j: usize| tokens.get(j).is_some_and(|u| u.sentence == tokens[i].sentence && roles[j] & LIST != 0);
    let one_word = tokens.get(i + 1).is_some_and(|u| u.clause != tokens[i].clause);
    starts_list(i) || one_word && starts_list(i + 1)
}

/// Negates the words of a request ("diajak ikut kampanye") when a refusal follows it in the
/// same or the next sentence ("tapi saya tolak", "saya tidak mau"). Linear: one pass finds the
/// refusals, a second marks each request from the next refusal after it.
fn turned_down_requests<'a>(tokens: &mut [Token], roles: &[u16], word: &impl Fn(&Token) -> &'a str) {
    // The sentence of the nearest refusal at or after each token, from the right.
    let mut refusal_after = vec![u32::MAX; tokens.len()];
    let mut next = u32::MAX;
    // A sentence in which a contrast follows ("awalnya saya menolak, tapi akhirnya datang"):
    // its refusal was overturned.
    let mut overturned = u32::MAX;
    for k in (0..tokens.len()).rev() {
        let r = roles[k];
        if r & CLOSER != 0 || TURNAROUND.contains(&word(&tokens[k])) {
            overturned = tokens[k].sentence;
        }
        let prev = k.checked_sub(1).map_or(0, |j| roles[j]);
        // After a negator the word must end the refusal ("tidak mau", "tidak datang."), not
        // begin another act ("tidak ikut yel-yel" refuses the chant, not the invitation).
        let ends = tokens.get(k + 1).is_none_or(|u| u.clause != tokens[k].clause || REFUSAL_TAIL.contains(&word(u)));
        let after_negator = prev & NEGATOR != 0 && r & REFUSAL != 0 && ends;
        // "menolak" starts its own scope; "mau", "datang"… refuse only after a negator, and a
        // refusal that is itself negated ("tidak menolak") is none.
        // Javanese "tak tolak" is "I refuse" ("tak" is read as "tidak"); Indonesian negates the
        // verb's full form ("tidak menolak").
        let javanese_refusal = word(&tokens[k]) == "tolak";
        let refusal = if r & NEGATOR != 0 { prev & NEGATOR == 0 || javanese_refusal } else { after_negator };
        if refusal && r & REFUSAL != 0 && overturned != tokens[k].sentence {
            next = tokens[k].sentence;
        }
        refusal_after[k] = next;
    }
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let turned_down = refusal_after[i] != u32::MAX && refusal_after[i] <= t.sentence + 1;
        // "ngajak saya masuk tim": the request's words start after the speaker.
        let of_speaker = roles[i] & REQUEST_OF != 0
            && tokens.get(i + 1).is_some_and(|u| u.clause == t.clause && SPEAKER_OBJECT.contains(&word(u)));
        if roles[i] & REQUEST == 0 && !of_speaker || !turned_down {
            i += 1;
            continue;
        }
        let mut j = i + 1 + usize::from(of_speaker);
        while j < tokens.len() && j - i <= REQUEST_SCOPE && tokens[j].clause == t.clause {
            let r = roles[j];
            if r & (CLOSER | NEGATOR) != 0 || r & REFUSAL != 0 && roles[j - 1] & NEGATOR != 0 {
                break;
            }
            tokens[j].negated = true;
            j += 1;
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::super::analyse;

    /// The words of `text` that are negated.
    fn negated(text: &str) -> Vec<String> {
        let a = analyse(text);
        (0..a.tokens().len()).filter(|&i| a.tokens()[i].negated).map(|i| a.word(i).to_string()).collect()
    }

    #[test]
    fn brief_examples() {
        assert_eq!(negated("tidak ikut kampanye"), ["ikut", "kampanye"]);
        assert_eq!(negated("ikut kampanye, tidak pakai atribut"), ["pakai", "atribut"]);
        assert_eq!(negated("bukan PNS"), ["pns"]);
        assert_eq!(negated("I did not attend the rally"), ["attend", "the", "rally"]);
        assert_eq!(negated("I didn't attend. I went home"), ["attend"]);
        assert_eq!(negated("I don't have any attributes"), ["have", "any", "attributes"]);
    }

    #[test]
    fn scope_ends_at_clause_contrast_or_six_words() {
        assert_eq!(negated("gak pake kaos paslon tapi ikut kampanye"), ["pakai", "kaus", "paslon"]);
        assert_eq!(negated("tanpa a b c d e f g h"), ["a", "b", "c", "d", "e", "f"]);
        assert_eq!(negated("nggak foto; ikut"), ["foto"]);
        assert_eq!(negated("tidak hanya hadir tetapi juga berorasi"), Vec::<String>::new());
        assert_eq!(negated("tidak ikut dan tidak pakai atribut"), ["ikut", "dan", "pakai", "atribut"]);
    }

    #[test]
    fn refinements() {
        assert_eq!(negated("saya tidak pernah berfoto dengan caleg"), ["berfoto", "dengan", "caleg"]);
        assert_eq!(negated("kemarin ga sengaja nge-like postingan paslon"), ["sengaja"]);
        assert_eq!(negated("boleh ga sy dtg cuma duduk, ga pake kaos"), ["pakai", "kaus"]);
        assert_eq!(negated("hadir atau tidak, belum jelas"), ["jelas"]);
        assert_eq!(negated("pilih no. 2 ya, no campaign attributes"), ["campaign", "attributes"]);
        assert_eq!(negated("bolehkah saya like, rencananya saya mau ikut"), Vec::<String>::new());
        assert_eq!(negated("saya menolak dan acaranya batal"), ["dan", "acaranya", "batal"]);
        assert_eq!(
            negated("without any attributes, neither speech nor cheering"),
            ["any", "attributes", "speech", "cheering"]
        );
        assert_eq!(negated("jangan lupa coblos 01"), ["lupa"]);
        assert_eq!(negated("saya melarang guru ikut kampanye"), ["guru", "ikut", "kampanye"]);
        assert_eq!(negated("saya tidak ambil cuti dan saya ikut mendampingi dia"), ["ambil", "cuti", "dan"]);
    }

    #[test]
    fn lists_go_on_after_commas() {
        assert_eq!(negated("tanpa like, komen, atau share"), ["like", "komen", "atau", "share"]);
        // A clause that is not part of the list ends the scope as before.
        assert_eq!(negated("tanpa atribut, ikut joget"), ["atribut"]);
        assert_eq!(negated("tanpa atribut, dan ikut joget"), ["atribut"]);
    }

    #[test]
    fn turned_down_requests() {
        assert_eq!(negated("diajak ikut kampanye caleg tapi saya tolak"), ["ikut", "kampanye", "caleg"]);
        assert_eq!(negated("diminta jadi timses, saya tidak mau"), ["jadi", "timses", "mau"]);
        assert_eq!(negated("Saya diundang ke deklarasi paslon. Saya menolak."), ["ke", "deklarasi", "paslon"]);
        // Accepted, or refusing something else: the request stands.
        assert_eq!(negated("diajak ikut kampanye dan saya datang"), Vec::<String>::new());
        assert_eq!(negated("diajak ke kampanye, tidak ikut yel-yel"), ["ikut", "yel"]);
        assert_eq!(negated("diajak ikut kampanye, saya tidak menolak"), Vec::<String>::new());
        // Javanese "tak tolak": the speaker refuses.
        assert_eq!(negated("ditawani dadi ketua tim pemenangan. tak tolak"), ["jadi", "ketua", "tim", "pemenangan"]);
        // Active requests of the speaker.
        assert_eq!(negated("temen ngajak sy masuk tim sukses. sy tolak"), ["masuk", "tim", "sukses"]);
        assert_eq!(negated("He wants me to join his team, but I declined"), ["to", "join", "his", "team"]);
        // Of someone else: the request stands ("saya mengajak warga …, mereka menolak").
        assert_eq!(negated("saya mengajak warga pilih caleg itu, mereka menolak"), Vec::<String>::new());
        // A refusal that a contrast overturns.
        assert_eq!(
            negated("diajak ikut kampanye, awalnya saya menolak tapi akhirnya saya datang"),
            Vec::<String>::new()
        );
    }
}
