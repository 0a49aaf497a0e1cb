//! Laws with their periods of force: a verdict on an incident dated outside a law's period does
//! not cite it (`law … from DATE until DATE replaced by CODE`, docs/language.md).

use netral::{check::check, Incident, SourceFile, Sources};

const RULES: &str = r#"
law OLD "UU 1/2000" "Undang-undang lama" replaced by NEW
law NEW "UU 2/2020" "Undang-undang baru" from 2020-06-01
law BRIEF "PP 3/2010" "Peraturan sementara" from 2010-01-01 until 2015-12-31
law SKB "SKB" "Keputusan bersama"
enum Subject {
  pns "PNS" en "Civil servant"
}
fact subject: Subject open "Apa status pelaku?" en "What is the person's status?" { pns <- "pns" }
fact date: date open "Kapan?" en "When?"
act like_post "Menyukai unggahan calon" en "Liked a candidate's post" = "like" near "caleg"
sanction berat "Hukuman disiplin berat" en "Severe punishment" { severity 50 }
rule r "Judul" en "Title" {
  prohibition
  applies to pns
  when like_post
  sanction berat
  basis OLD "Pasal 1", NEW "Pasal 2", BRIEF "Pasal 3", SKB "Lampiran"
  example "Saya PNS like postingan caleg" => violation
}
"#;

fn basis(date: Option<&str>) -> Vec<String> {
    let (book, diags) = check(&Sources::new([SourceFile { name: "dates.rules".into(), text: RULES.into() }]));
    assert!(diags.is_empty(), "{diags:?}");
    let book = book.unwrap();
    let mut facts = serde_json::Map::new();
    facts.insert("subject".into(), "pns".into());
    if let Some(d) = date {
        facts.insert("date".into(), d.into());
    }
    let json = serde_json::json!({ "text": "Saya PNS like postingan caleg", "facts": facts }).to_string();
    let incident = Incident::from_json(&json).unwrap();
    let v = book.classify(&incident).unwrap();
    v.matched[0].basis.to_vec()
}

#[test]
fn an_incident_is_judged_by_the_laws_then_in_force() {
    // Before the new law: the old one (replaced the day before the new one's `from`).
    assert_eq!(basis(Some("2019-03-01")), ["UU 1/2000 Pasal 1", "SKB Lampiran"]);
    assert_eq!(basis(Some("2020-05-31")), ["UU 1/2000 Pasal 1", "SKB Lampiran"]);
    assert_eq!(basis(Some("2020-06-01")), ["UU 2/2020 Pasal 2", "SKB Lampiran"]);
    // Inside an explicit `from … until …`.
    assert_eq!(basis(Some("2012-07-01")), ["UU 1/2000 Pasal 1", "PP 3/2010 Pasal 3", "SKB Lampiran"]);
}

#[test]
fn without_a_date_every_citation_stays() {
    assert_eq!(basis(None), ["UU 1/2000 Pasal 1", "UU 2/2020 Pasal 2", "PP 3/2010 Pasal 3", "SKB Lampiran"]);
}

/// The built-in rules: an incident dated before PP 94/2021 took effect (31 Aug 2021, the digest's
/// [S24]) is not judged by it; one dated on that day or after is. The other citations stay.
#[test]
fn a_built_in_verdict_before_pp_94_2021_does_not_cite_it() {
    let book = netral::Rulebook::builtin();
    let text = "Saya PNS, kemarin saya nge-like postingan kampanye caleg di Facebook";
    let basis = |date: &str| {
        let json = serde_json::json!({ "text": text, "facts": { "date": date } }).to_string();
        let incident = Incident::from_json(&json).unwrap();
        let v = book.classify(&incident).unwrap();
        let rule = v.matched.iter().find(|m| m.rule == "asn_social_media_engagement").expect("the rule matches");
        rule.basis.iter().map(|b| b.to_string()).collect::<Vec<_>>()
    };
    let cites_pp94 = |date: &str| basis(date).iter().any(|b| b.starts_with("PP 94/2021"));
    assert!(!cites_pp94("2019-04-01"));
    assert!(!cites_pp94("2021-08-30"));
    assert!(cites_pp94("2021-08-31"));
    assert!(cites_pp94("2024-01-10"));
    // What has no date of force in the digest is cited whatever the date.
    assert_eq!(basis("2019-04-01").len() + 1, basis("2024-01-10").len());
}

/// A date of force in the built-in rules is one the digest states: each `from` or `until` of a
/// `law` item is written in legal/ on a line that says "in force" with that day ("31 Aug 2021").
/// Signing or passing dates are not dates of force: the digest gives SKB 2022 "signed 22 Sep
/// 2022" and UU 20/2023 "passed by DPR 3 Oct 2023", so those laws have no `from`.
#[test]
fn every_date_of_force_is_one_the_digest_states() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let read_dir = |dir: &str, ext: &str| -> Vec<String> {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == ext))
            .collect();
        paths.sort();
        paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
    };
    let digest: Vec<String> = read_dir("legal", "md").iter().flat_map(|t| t.lines().map(str::to_lowercase)).collect();
    let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let mut dates = vec![];
    for text in read_dir("rules", "rules") {
        // A `law` item: its line and the indented lines that go on with it.
        let mut item = String::new();
        for line in text.lines().chain(["end"]) {
            if line.starts_with(|c: char| c.is_whitespace()) && !item.is_empty() {
                item.push_str(line);
                continue;
            }
            let after_title = item.rfind('"').map_or("", |q| &item[q + 1..]);
            for word in ["from ", "until "] {
                if let Some(at) = after_title.find(word) {
                    dates.push((item.clone(), after_title[at + word.len()..].chars().take(10).collect::<String>()));
                }
            }
            item = if line.starts_with("law ") { line.to_string() } else { String::new() };
        }
    }
    assert!(!dates.is_empty(), "no law has a date of force");
    for (law, date) in dates {
        let [y, m, d]: [usize; 3] = date.split('-').map(|p| p.parse().unwrap()).collect::<Vec<_>>().try_into().unwrap();
        let written = format!("{d} {} {y}", months[m - 1]);
        assert!(
            digest.iter().any(|l| l.contains("in force") && l.contains(&written)),
            "{law}: the digest does not say it is in force from or until {written}"
        );
    }
}
