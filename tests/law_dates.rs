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
