//! The slang and abbreviation table: informal spellings → the standard word.
//!
//! Looked up after lowercasing and collapsing repeated letters, so "Gaaak" finds "gak". Each
//! entry replaces one word by one word (spans stay exact). Colloquial verbs map to the formal
//! affixed verb ("nyoblos" → "mencoblos") so that the stemmer and the rule lexicons meet at the
//! same root. Deliberately absent:
//! - "buat": it means both "for" (= untuk) and "make" (membuat → stem "buat"); it stays "buat", so
//!   a lexicon that means "for" lists both "untuk" and "buat";
//! - "pas" (= "when"), fillers such as "nih", "sih", "dong", "deh", "kok", "lho": kept as they are;
//! - "nyaleg", "nyalon", "nyapres" (to run as a candidate): they stay words of their own (and
//!   roots), so that they never meet the nouns "caleg", "calon", "capres" at one stem;
//! - "no": it means "nomor" only before a number, which the normaliser decides from context;
//! - abbreviations that are also election acronyms: "dpt" (DPT, the voter list, not "dapat"),
//!   "pd" (a party, not "pada").

use super::lexicon::{lexicon, words};

lexicon!(
    /// Informal word → standard word, as `informal=standard`.
    pub(crate) static SLANG: 512 = words!(
    // Negation.
    "gak=tidak ga=tidak nggak=tidak ngga=tidak ngak=tidak enggak=tidak engga=tidak gk=tidak",
    "tdk=tidak tak=tidak ndak=tidak nda=tidak kagak=tidak gag=tidak blm=belum blum=belum",
    "belom=belum blom=belum bkn=bukan jgn=jangan tnp=tanpa",
    // Pronouns.
    "sy=saya aku=saya gue=saya gua=saya gw=saya ane=saya sya=saya lu=kamu lo=kamu elo=kamu",
    "dy=dia",
    // Function words.
    "yg=yang dgn=dengan dg=dengan utk=untuk untk=untuk tuk=untuk sdh=sudah udah=sudah",
    "udh=sudah dah=sudah sudh=sudah krn=karena karna=karena krna=karena tp=tapi tpi=tapi",
    "dr=dari dri=dari kl=kalau klo=kalau kalo=kalau jg=juga jga=juga bgt=banget bngt=banget",
    "bgd=banget kmrn=kemarin kmarin=kemarin kemaren=kemarin td=tadi tdi=tadi skrg=sekarang",
    "skr=sekarang skrang=sekarang thn=tahun bs=bisa gmn=bagaimana gimana=bagaimana knp=kenapa",
    "aja=saja aj=saja sj=saja emg=memang emang=memang lg=lagi sm=sama ama=sama bbrp=beberapa",
    "spt=seperti kyk=kayak sbg=sebagai tsb=tersebut ttg=tentang kpd=kepada dlm=dalam jd=jadi",
    "jdi=jadi hrs=harus blh=boleh msh=masih sblm=sebelum stlh=setelah trus=terus trs=terus",
    "abis=habis gini=begini gitu=begitu gt=begitu bnyk=banyak org=orang tau=tahu tw=tahu",
    "pengen=ingin pingin=ingin pgn=ingin mo=mau nmr=nomor nomer=nomor kmn=kemana dmn=dimana",
    // Spelling variants.
    "pake=pakai pakek=pakai bener=benar bnr=benar temen=teman poto=foto kaos=kaus dtg=datang",
    "deket=dekat rame=ramai bareng=bersama liat=lihat ijin=izin bikin=buat kepencet=terpencet",
    "kefoto=terfoto ketauan=ketahuan ketemu=bertemu",
    // Colloquial verbs → the formal verb.
    "nyoblos=mencoblos milih=memilih",
    "makai=memakai masang=memasang nonton=menonton nulis=menulis ngajuin=mengajukan",
    "ngumpulin=mengumpulkan bantuin=membantu dengerin=mendengarkan denger=dengar",
    "ngasih=memberi ngasi=memberi kasi=beri nyebar=menyebar nyebarin=menyebarkan",
    "nyuruh=menyuruh nyari=mencari ngeliat=melihat ngerti=mengerti ngomong=berbicara",
    "ikutan=ikut ngikut=ikut ngikutin=mengikuti nemenin=menemani nganterin=mengantar",
    "nganter=mengantar ngundang=mengundang ngajak=mengajak ngumpul=berkumpul",
    "nyumbang=menyumbang nyampein=menyampaikan ngedukung=mendukung nempel=menempel nempelin=menempelkan",
    "bagiin=membagikan ngebagiin=membagikan ngomen=komen ngomenin=mengomentari nyoblosin=mencoblos",
    "masangin=memasang pasangin=memasang naruh=menaruh majang=memajang",
    // Regional words people mix into Indonesian, each mapped to the Indonesian word it means.
    // Javanese:
    "melu=ikut nganggo=pakai wingi=kemarin sesuk=besok opo=apa ora=tidak orak=tidak arep=mau",
    "wis=sudah wes=sudah durung=belum ojo=jangan lali=lupa mung=cuma numpak=naik",
    "kon=suruh dikon=disuruh kongkon=suruh dikongkon=disuruh ngongkon=menyuruh karo=dengan",
    "lan=dan iki=ini iku=itu piye=bagaimana gelem=mau mulih=pulang dadi=jadi siji=satu loro=dua",
    "telu=tiga papat=empat limo=lima bojo=istri bojoku=istriku ngancani=menemani ngeterke=mengantar",
    "teko=datang teka=datang nyoblosi=mencoblos milihi=memilih kanca=teman konco=teman",
    "driji=jari ngoordinir=mengkoordinir ditawani=ditawari emoh=ogah garwo=istri",
    "ngumpulke=mengumpulkan ngumpulake=mengumpulkan ngenalke=mengenalkan ngenalake=mengenalkan kanggo=untuk",
    "dudu=bukan mboten=tidak boten=tidak sanes=bukan kula=saya kulo=saya ngarahke=mengarahkan",
    "ngarahake=mengarahkan supados=supaya",
    // Betawi:
    "aje=saja udeh=sudah ape=apa kite=kita bini=istri",
    // Sundanese:
    "abdi=saya teu=tidak henteu=tidak hoyong=ingin milu=ikut sareng=dengan ayeuna=sekarang",
    "pamajikan=istri salaki=suami aing=saya dijak=diajak nolak=menolak moal=tidak kamari=kemarin ngiring=ikut",
    // Banjar:
    "ulun=saya kada=tidak handak=mau umpat=ikut inya=dia",
    // Minangkabau:
    "indak=tidak ikuik=ikut pai=pergi ambo=saya",
    // Platforms.
    "ig=instagram insta=instagram fb=facebook wa=whatsapp wag=whatsapp yt=youtube",
    // English contractions written without an apostrophe.
    "dont=don't didnt=didn't doesnt=doesn't isnt=isn't wasnt=wasn't arent=aren't",
    "werent=weren't havent=haven't hasnt=hasn't hadnt=hadn't cant=can't wouldnt=wouldn't",
    "shouldnt=shouldn't couldnt=couldn't",
););

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_lowercase_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for (from, to) in SLANG.entries() {
            assert!(from.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()), "{from}");
            assert!(!to.is_empty() && !to.contains(' '), "{to}");
            assert!(seen.insert(from), "duplicate slang entry {from}");
        }
    }

    #[test]
    fn brief_examples() {
        for (from, to) in [
            ("gak", "tidak"),
            ("enggak", "tidak"),
            ("tak", "tidak"),
            ("blm", "belum"),
            ("gw", "saya"),
            ("kmarin", "kemarin"),
            ("udh", "sudah"),
            ("kalo", "kalau"),
            ("pake", "pakai"),
            ("poto", "foto"),
        ] {
            assert_eq!(SLANG.get(from), Some(to), "{from}");
        }
        assert_eq!(SLANG.get("buat"), None);
        assert_eq!(SLANG.get("pas"), None);
    }
}
