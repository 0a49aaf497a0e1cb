//! Tests of the text stage as a whole: spans, sentences, stems of real incident text, and
//! robustness on hostile input.

use super::*;

/// Every token's span lies on char boundaries, slices the text, and follows the previous one.
fn check_spans(text: &str, a: &Analysis) {
    let mut prev_end = 0;
    let mut prev_sentence = 0;
    for (i, t) in a.tokens().iter().enumerate() {
        let (s, e) = (t.start as usize, t.end as usize);
        assert!(prev_end <= s && s < e && e <= text.len(), "token {i} {s}..{e} after {prev_end}");
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "token {i} off char boundary");
        assert!(text.get(s..e).is_some());
        assert!(t.sentence >= prev_sentence && t.clause() >= t.sentence);
        assert!(!a.word(i).is_empty() && !a.stem(i).is_empty(), "token {i} empty");
        prev_end = e;
        prev_sentence = t.sentence;
    }
}

fn words(text: &str) -> Vec<(String, String)> {
    phrase_words(text)
}

#[test]
fn spans_slice_the_original_text() {
    let text = "Duh, AKU PNS 😅 nge-like postingan IG paslon no. 02 (Pilkada 2024)!! Ibu2 dtg.";
    let a = analyse(text);
    check_spans(text, &a);
    let spans: Vec<&str> = a.tokens().iter().map(|t| &text[t.start as usize..t.end as usize]).collect();
    assert_eq!(
        spans,
        ["Duh", "AKU", "PNS", "nge-like", "postingan", "IG", "paslon", "no", "02", "Pilkada", "2024", "Ibu2", "dtg"]
    );
    let w: Vec<&str> = (0..spans.len()).map(|i| a.word(i)).collect();
    assert_eq!(
        w,
        [
            "duh",
            "saya",
            "pns",
            "like",
            "postingan",
            "instagram",
            "paslon",
            "nomor",
            "02",
            "pilkada",
            "2024",
            "ibu",
            "datang"
        ]
    );
    assert_eq!((a.stem(4), a.stem(8)), ("postingan", "2"));
    let sentences: Vec<u32> = a.tokens().iter().map(|t| t.sentence).collect();
    assert_eq!(sentences, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
    assert_eq!((a.word(99), a.stem(99)), ("", ""));
}

#[test]
fn sentences_and_clauses() {
    let a = analyse("satu, dua. tiga! empat? lima; enam\n\ntujuh\r\ndelapan\r\n\r\nsembilan... sepuluh");
    let s: Vec<(u32, u32)> = a.tokens().iter().map(|t| (t.sentence, t.clause())).collect();
    assert_eq!(s, [(0, 0), (0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (5, 6), (6, 7), (7, 8)]);
}

/// Invisible format characters (Unicode Cf) are read as absent, wherever they are: inside a
/// word, a hyphenated form or a number, or before and after a word. A token's span keeps the
/// ones inside it and leaves out those around it.
#[test]
fn invisible_format_characters_are_absent() {
    let text = "\u{FEFF}Saya PNS nge-li\u{200C}ke\u{200B} kam\u{AD}panye nge\u{2060}-like \
        ca\u{200D}leg no\u{200E}. 2\u{200F}0\u{202A}2\u{202C}4 ok\u{200D}ya";
    let a = analyse(text);
    check_spans(text, &a);
    let got: Vec<(&str, &str)> =
        a.tokens().iter().enumerate().map(|(i, t)| (&text[t.start as usize..t.end as usize], a.word(i))).collect();
    assert_eq!(
        got,
        [
            ("Saya", "saya"),
            ("PNS", "pns"),
            ("nge-li\u{200C}ke", "like"),
            ("kam\u{AD}panye", "kampanye"),
            ("nge\u{2060}-like", "like"),
            ("ca\u{200D}leg", "caleg"),
            ("no", "nomor"),
            ("2\u{200F}0\u{202A}2\u{202C}4", "2024"),
            ("ok\u{200D}ya", "okya"),
        ]
    );
    assert!(analyse("\u{200B}\u{FEFF}\u{AD}").tokens().is_empty());
}

#[test]
fn phrases_meet_text_at_the_same_stem() {
    let stems = |t: &str| words(t).into_iter().map(|(_, s)| s).collect::<Vec<_>>();
    assert_eq!(stems("menghadiri"), stems("dihadiri"));
    assert_eq!(stems("hadir"), stems("kehadiran"));
    assert_eq!(stems("nge-like"), stems("liked"));
    assert_eq!(stems("like-in"), stems("likes"));
    assert_eq!(stems("nomor 02"), stems("no. 2"));
    assert_eq!(stems("repost*"), ["repost"]);
    assert_eq!(words("Calon Bupati"), [("calon".into(), "calon".into()), ("bupati".into(), "bupati".into())]);
    assert_eq!(stem("Menghadiri"), "hadir");
    assert_eq!(stem("kampanye"), "kampanye");
}

#[test]
fn incident_text() {
    let text = "Sy PNS, kmrn ga sengaja nge-like postingan kampanye caleg. Aku nggak ikut deklarasi \
        atau pakai atribut apa pun, cuma menghadiri undangan.";
    let a = analyse(text);
    check_spans(text, &a);
    let pick = |w: &str| (0..a.tokens().len()).find(|&i| a.word(i) == w).unwrap();
    let like = pick("like");
    assert!(!a.tokens()[like].negated, "an accidental like is still a like");
    assert!(a.tokens()[pick("deklarasi")].negated && a.tokens()[pick("atribut")].negated);
    let hadir = pick("menghadiri");
    assert_eq!(a.stem(hadir), "hadir");
    assert!(!a.tokens()[hadir].negated, "cuma closes the negation");
}

/// Hostile strings: never a panic, tokens ordered and non-overlapping, spans on char boundaries.
#[test]
fn never_panics_on_odd_input() {
    let mut cases: Vec<String> = [
        "",
        " ",
        "\u{0}",
        "\u{301}",
        "\u{301}\u{301}a\u{301}",
        "a\u{0}b",
        "'",
        "''a''",
        "-",
        "--a--b--",
        "a-",
        "-a",
        "a--b",
        "nge-",
        "-in",
        "di-",
        "2-",
        "ibu2-ibu2",
        "#",
        "@",
        "#@#a",
        "#A",
        "#aB",
        "#ABC",
        "no.",
        "no. ",
        "no.2",
        ".2",
        "2.",
        "1.2.3.4",
        "1,,2",
        "🙂",
        "👍🏽",
        "👨‍👩‍👧",
        "🇮🇩",
        "\u{FE0F}",
        "\u{200D}",
        "\u{2028}\u{2029}",
        "İstanbul",
        "ẞ",
        "ǅ",
        "ﬁ",
        "Ａｂｃ",
        "١٢٣",
        "日本語テキスト",
        "ꦗꦮ",
        "\u{10FFFF}",
        "tidak",
        "tidak tidak tidak",
        "n't",
        "bukan,",
        "tanpa.",
        "2",
        "02",
        "x2",
        "ab2",
        "abc2",
        "abc22",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    cases.push("a".repeat(100_000));
    cases.push("🙂".repeat(30_000));
    cases.push("\u{301}".repeat(50_000));
    cases.push("a\u{301}".repeat(50_000));
    cases.push("ab2-".repeat(30_000));
    cases.push("nge-".repeat(30_000));
    cases.push("tidak ".repeat(20_000));
    cases.push("1.".repeat(50_000));
    cases.push("#Ab".repeat(30_000));
    cases.push("meng".repeat(20_000));
    cases.push("x-x-".repeat(30_000));
    // Every char of a mixed alphabet, in many orders.
    let alphabet: Vec<char> = "aZ2-'.,;!?#@ \n\u{301}é😅İ0ng\u{200C}\u{AD}".chars().collect();
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    for _ in 0..3000 {
        let len = (seed % 24) as usize;
        let s: String = (0..len)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                alphabet[(seed % alphabet.len() as u64) as usize]
            })
            .collect();
        cases.push(s);
    }
    for text in &cases {
        let a = analyse(text);
        check_spans(text, &a);
        let _ = find_dates(text);
        let _ = phrase_words(text);
        let _ = stem(text);
    }
}

#[test]
fn ten_megabytes_in_linear_time() {
    let unit = "Saya PNS, kemarin ga sengaja nge-like postingan kampanye capres-cawapres no. 2 😅. ";
    let text = unit.repeat(10_000_000 / unit.len());
    let a = analyse(&text);
    assert_eq!(a.tokens().len(), 12 * (10_000_000 / unit.len()));
    check_spans(&text, &a);
}

/// Rough native timing of `analyse` and `find_dates` on a 300-character incident (the best and
/// the median of 30 batches, since a shared machine is noisy):
/// `cargo test --release --lib text::tests::timing -- --ignored --nocapture`.
#[test]
#[ignore]
fn timing() {
    // The 300-character incident of benches/classify.rs.
    const TEXT: &str = "Duh, aku PNS di pemkot, kemarin ga sengaja nge-like postingan IG salah satu \
        paslon walkot pas Pilkada 2024, kepencet waktu scroll. Terus temen kantor juga share video \
        kampanye caleg di grup WA dinas. Aku nggak ikut deklarasi atau pakai atribut apa pun. Itu \
        masuk pelanggaran ga sih? Mohon penjelasannya ya.";
    fn batches(f: impl Fn()) -> (std::time::Duration, std::time::Duration) {
        let mut runs: Vec<std::time::Duration> = (0..30)
            .map(|_| {
                let t = std::time::Instant::now();
                for _ in 0..5_000 {
                    f();
                }
                t.elapsed() / 5_000
            })
            .collect();
        runs.sort();
        (runs[0], runs[runs.len() / 2])
    }
    let a = batches(|| {
        std::hint::black_box(analyse(std::hint::black_box(TEXT)));
    });
    let d = batches(|| {
        std::hint::black_box(find_dates(std::hint::black_box(TEXT)));
    });
    let n = analyse(TEXT).tokens().len();
    println!("{}-char text, {n} tokens", TEXT.chars().count());
    println!("analyse: best {:?}, median {:?}", a.0, a.1);
    println!("find_dates: best {:?}, median {:?}", d.0, d.1);
}

/// English articles take the place of the word after them, so that
/// windows count the same words in English as in Indonesian, which has no articles.
#[test]
fn english_articles_share_the_next_words_place() {
    let a = analyse("I liked a post of the candidate's team. Saya like postingan tim calon");
    let places: Vec<(&str, u32, bool)> =
        (0..a.tokens().len()).map(|i| (a.word(i), a.tokens()[i].place, a.tokens()[i].counts())).collect();
    let first = &places[..places.iter().position(|p| p.0 == "saya").unwrap()];
    let of = |w: &str| first.iter().find(|p| p.0.starts_with(w)).unwrap();
    assert_eq!(of("a").1, of("post").1);
    assert_eq!(of("the").1, of("candidate").1);
    assert!(!of("a").2 && !of("the").2 && of("post").2 && of("candidate").2);
    // "liked" to "team": four words between, as "like" to "calon" has two in Indonesian.
    assert_eq!(of("team").1 - of("liked").1, 4);
    // Every word of an Indonesian text counts.
    let rest = &places[first.len()..];
    assert!(rest.iter().all(|p| p.2));
    assert!(rest.windows(2).all(|w| w[1].1 == w[0].1 + 1));
}
