//! The Latihan tab's case data (`make web` writes `www/training/cases.json`): the reported
//! incidents of `tests/cases/dev.jsonl` and every example of the built-in rules, each tagged with
//! its subject groups and topics.
//!
//! Tags are computed here, natively, from the engine: a case's topics are those of the rules its
//! verdict names (those that hold; else an example's own rule; else those that hold when the same
//! text is read as told by a civil servant, a soldier, …; else the first that may hold or
//! the nearest that does not),
//! and its subject group comes from the `subject` the engine read or was given. The page loads
//! this file only with the Latihan tab, so none of it costs bytes before the first verdict.
//!
//!     cargo run --example training_data -- tests/cases/dev.jsonl www/training/cases.json

use netral::{Incident, Lang, Rulebook};
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// Version of the file's shape; quiz links name it, so a link made for another shape is refused.
const VERSION: u32 = 1;

/// The training topics (issue 20), in the order the page lists them: id, Indonesian, English.
const TOPICS: &[(&str, &str, &str)] = &[
    ("medsos", "Media sosial", "Social media"),
    ("acara", "Acara dan kampanye", "Events and campaigns"),
    ("atribut", "Simbol dan alat peraga", "Symbols and props"),
    ("fasilitas", "Fasilitas dan jam kerja", "Facilities and working hours"),
    ("keputusan", "Keputusan dan program", "Decisions and programmes"),
    ("pencalonan", "Pencalonan dan cuti", "Candidacy and leave"),
    ("keluarga", "Keluarga", "Family"),
    ("pemilihan", "Memilih dan kerja pemilu", "Voting and election work"),
];

/// The topic of every rule of the built-in rulebook (a rule may have two). `make web` fails when a
/// rule has none (or an unknown one), so a new rule cannot go untagged.
const RULE_TOPICS: &[(&str, &[&str])] = &[
    ("asn_social_media_engagement", &["medsos"]),
    ("asn_social_media_campaigning", &["medsos"]),
    ("asn_photo_partisan_symbol", &["medsos", "atribut"]),
    ("asn_attend_declaration_active_support", &["acara"]),
    ("asn_join_campaign_activity", &["acara"]),
    ("asn_state_facility_campaign", &["fasilitas"]),
    ("asn_partisan_decision", &["keputusan"]),
    ("asn_spouse_campaign_without_leave", &["keluarga"]),
    ("asn_spouse_active_campaigning", &["keluarga"]),
    ("asn_party_membership", &["pencalonan"]),
    ("asn_run_without_resigning", &["pencalonan"]),
    ("asn_precandidate_party_approach", &["pencalonan"]),
    ("asn_self_declaration_precandidate", &["pencalonan"]),
    ("asn_install_campaign_props", &["atribut"]),
    ("asn_campaign_with_attributes", &["atribut", "acara"]),
    ("asn_mobilize_staff_campaign", &["acara", "keputusan"]),
    ("asn_partisan_activity_gifts", &["acara"]),
    ("asn_support_letter_ktp", &["pencalonan"]),
    ("asn_campaign_team_member", &["acara"]),
    ("asn_party_event_speaker", &["acara"]),
    ("asn_attend_party_event", &["acara"]),
    ("tni_party_membership", &["pencalonan"]),
    ("tni_practical_politics", &["acara"]),
    ("tni_provide_facilities", &["fasilitas"]),
    ("tni_campaign_team", &["acara"]),
    ("tni_run_without_resigning", &["pencalonan"]),
    ("polri_social_media_support", &["medsos"]),
    ("polri_photo_with_candidate", &["medsos", "atribut"]),
    ("polri_attend_political_event", &["acara"]),
    ("polri_partisan_support_or_team", &["acara"]),
    ("polri_party_membership", &["pencalonan"]),
    ("polri_run_without_resigning", &["pencalonan"]),
    ("tni_polri_voting", &["pemilihan"]),
    ("village_campaign_involvement", &["acara"]),
    ("village_party_officer", &["pencalonan"]),
    ("village_partisan_decision", &["keputusan"]),
    ("village_collective_declaration", &["acara"]),
    ("nonasn_support_letter_ktp", &["pencalonan"]),
    ("official_campaign_without_leave", &["pencalonan", "acara"]),
    ("official_state_facility_campaign", &["fasilitas"]),
    ("official_partisan_decision", &["keputusan"]),
    ("incumbent_replace_officials", &["keputusan"]),
    ("incumbent_program_abuse", &["keputusan"]),
    ("campaign_involves_neutral_officials", &["acara"]),
    ("official_order_asn_support", &["keputusan"]),
    ("accompany_spouse_on_cltn", &["keluarga"]),
    ("vote", &["pemilihan"]),
    ("passive_campaign_attendance", &["acara"]),
    ("cltn_for_party_approach", &["pencalonan"]),
    ("resign_and_run", &["pencalonan"]),
    ("serve_election_ad_hoc_body", &["pemilihan"]),
    ("security_duty_at_political_events", &["acara"]),
    ("official_duty_with_incumbent_present", &["fasilitas"]),
    ("non_political_social_media", &["medsos"]),
    ("report_violation", &["pemilihan"]),
    ("official_campaigning_with_leave", &["pencalonan"]),
    ("family_members_political_rights", &["keluarga"]),
    ("promote_turnout_neutrally", &["pemilihan"]),
    ("registering_without_resigning_before_penetapan", &["pencalonan"]),
];

/// The subject groups (issue 20): id, the values and groups of the `Subject` enum it gathers.
/// The labels come from the rulebook's own words for those groups, except "others".
const GROUPS: &[(&str, &[&str])] = &[
    ("asn", &["asn", "pns", "pppk"]),
    ("tni", &["tni"]),
    ("polri", &["polri"]),
    ("desa", &["desa", "kepala_desa", "perangkat_desa", "bpd"]),
    ("pejabat", &["pejabat", "kepala_daerah", "pejabat_negara"]),
];
const OTHERS: (&str, &str, &str) = ("lainnya", "Lainnya", "Others");

/// The subjects a case that no rule holds for is read as, in turn, to find its topic.
const AS_IF: &[&str] = &["pns", "tni", "polri", "kepala_desa", "kepala_daerah"];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (cases_path, out_path) = match args.as_slice() {
        [a, b] => (a.as_str(), b.as_str()),
        _ => {
            eprintln!("usage: training_data CASES.jsonl OUT.json");
            std::process::exit(2);
        }
    };
    let book = Rulebook::builtin();
    for rule in book.rules(Lang::Id) {
        let topics = RULE_TOPICS.iter().find(|(id, _)| *id == rule.id).map(|(_, t)| *t);
        let known = topics.is_some_and(|t| t.iter().all(|t| TOPICS.iter().any(|(id, _, _)| id == t)));
        assert!(known, "rule {} has no training topic (or an unknown one): add it to RULE_TOPICS", rule.id);
    }
    let reports = std::fs::read_to_string(cases_path).unwrap_or_else(|e| panic!("{cases_path}: {e}"));
    let mut cases = Vec::new();
    for line in reports.lines().filter(|l| !l.trim().is_empty()) {
        let c: Value = serde_json::from_str(line).expect("dev.jsonl: one JSON object a line");
        let facts = c.get("facts").cloned().unwrap_or(json!({}));
        let (topics, groups) = tags(book, &c["text"], &facts, None);
        let source = c["source"].as_str().filter(|s| s.starts_with("http")).map(str::to_string);
        cases.push(json!({
            "id": c["id"], "kind": "report", "text": c["text"], "facts": facts,
            "expected": c["expected"]["verdict"], "source": source, "outcome": c.get("outcome").cloned().unwrap_or(Value::Null),
            "topics": topics, "groups": groups,
        }));
    }
    for rule in book.rules(Lang::Id) {
        for (i, ex) in rule.examples.iter().enumerate() {
            let facts = serde_json::to_value(&ex.facts).expect("facts as JSON");
            let (topics, groups) = tags(book, &json!(ex.text), &facts, Some(&rule.id));
            cases.push(json!({
                "id": format!("{}.{}", rule.id, i + 1), "kind": "example", "rule": rule.id, "text": ex.text,
                "facts": facts, "expected": ex.expected, "topics": topics, "groups": groups,
            }));
        }
    }
    let labels = book.questions(Lang::Id).into_iter().zip(book.questions(Lang::En)).find(|(q, _)| q.id == "subject");
    let label = |value: &str| -> (String, String) {
        let (id, en) = labels.as_ref().expect("the rulebook asks for the subject");
        let find = |q: &netral::FactQuestion| {
            let hit = q.answers.iter().find(|a| serde_json::to_value(&a.value).ok() == Some(json!(value)));
            hit.map(|a| a.label.to_string()).unwrap_or_else(|| value.to_string())
        };
        (find(id), find(en))
    };
    let mut groups: Vec<Value> = GROUPS
        .iter()
        .map(|(g, _)| {
            let (id, en) = label(g);
            json!({"id": g, "label": {"id": id, "en": en}})
        })
        .collect();
    groups.push(json!({"id": OTHERS.0, "label": {"id": OTHERS.1, "en": OTHERS.2}}));
    let topics: Vec<Value> = TOPICS.iter().map(|(t, id, en)| json!({"id": t, "label": {"id": id, "en": en}})).collect();
    let out = json!({"version": VERSION, "topics": topics, "groups": groups, "cases": cases});
    if let Some(dir) = std::path::Path::new(out_path).parent() {
        std::fs::create_dir_all(dir).expect("output folder");
    }
    std::fs::write(out_path, serde_json::to_string(&out).expect("JSON")).unwrap_or_else(|e| panic!("{out_path}: {e}"));
    eprintln!("{out_path}: {} cases", out["cases"].as_array().map_or(0, Vec::len));
}

/// A case's topics and subject groups, from the engine's verdict on it.
fn tags(
    book: &Rulebook,
    text: &Value,
    facts: &Value,
    own_rule: Option<&str>,
) -> (Vec<&'static str>, Vec<&'static str>) {
    let v = verdict(book, text, facts);
    // The rules that hold; else an example's own rule; else those that would hold for the first
    // kind of public servant they hold for (a private employee's "like" is a social-media case);
    // else the first that may hold, or the nearest that does not.
    let mut rules = named(&v, "matched");
    if rules.is_empty() {
        rules = own_rule.map(|r| vec![r.to_string()]).unwrap_or_default();
    }
    for subject in AS_IF {
        if !rules.is_empty() {
            break;
        }
        let mut facts = facts.clone();
        facts["subject"] = json!(subject);
        rules = named(&verdict(book, text, &facts), "matched");
    }
    if rules.is_empty() {
        rules = named(&v, "possible").into_iter().chain(named(&v, "nearly")).take(1).collect();
    }
    let mut topics = BTreeSet::new();
    for r in &rules {
        for t in RULE_TOPICS.iter().find(|(id, _)| id == r).map_or(&[][..], |(_, t)| t) {
            topics.insert(*t);
        }
    }
    // The topics in their listed order.
    let topics = TOPICS.iter().map(|t| t.0).filter(|t| topics.contains(t)).collect();
    let subject = v["facts"]["subject"].as_str().unwrap_or("");
    let groups = match GROUPS.iter().find(|(_, members)| members.contains(&subject)) {
        Some((g, _)) => vec![*g],
        None if subject == "aparat" => vec!["tni", "polri"],
        None => vec![OTHERS.0],
    };
    (topics, groups)
}

/// The engine's verdict on a text with facts, as JSON.
fn verdict(book: &Rulebook, text: &Value, facts: &Value) -> Value {
    let incident = Incident::from_json(&json!({"text": text, "facts": facts}).to_string()).expect("a valid incident");
    serde_json::to_value(book.classify(&incident).expect("classifies")).expect("verdict as JSON")
}

/// The ids of the rules a verdict lists in `field`.
fn named(v: &Value, field: &str) -> Vec<String> {
    v[field].as_array().into_iter().flatten().filter_map(|m| m["rule"].as_str().map(str::to_string)).collect()
}
