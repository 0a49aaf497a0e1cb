//! The Latihan tab's case data (`make web` writes `www/training/cases.json`): the reported
//! incidents of `tests/cases/dev.jsonl` and every example of the built-in rules, each tagged with
//! its subject groups and topics.
//!
//! Tags are computed here, natively, from the engine: a case's topics (the `topic` clauses of the
//! rule files, rules/15_topics.rules) are those of the rules its verdict names (those that hold; else an example's own rule; else those that hold when the same
//! text is read as told by a civil servant, a soldier, …; else the first that may hold or
//! the nearest that does not),
//! and its subject group comes from the `subject` the engine read or was given. The file also
//! carries the printed handouts' content, one per subject group (`handouts`, see `handouts.rs`).
//! The page loads this file only with the Latihan tab, so none of it costs bytes before the first
//! verdict.
//!
//!     cargo run --example training_data -- tests/cases/dev.jsonl www/training/cases.json

use netral::{Incident, Lang, Rulebook};
use serde_json::{json, Value};
use std::collections::{BTreeSet, HashMap};

#[path = "training_data/handouts.rs"]
mod handouts;

/// Version of the file's shape; quiz links name it, so a link made for another shape is refused.
const VERSION: u32 = 1;

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
    let rules = book.rules(Lang::Id);
    // `netral check` warns about a rule without a topic (W-NO-TOPIC); a build must not go on
    // with one, or its cases would be missing from every topic's quiz.
    for rule in &rules {
        assert!(!rule.topics.is_empty(), "rule {} has no `topic` clause (rules/15_topics.rules)", rule.id);
    }
    let topic_order: Vec<String> = book.topics(Lang::Id).into_iter().map(|t| t.id).collect();
    let rule_topics: HashMap<&str, &[String]> = rules.iter().map(|r| (r.id.as_str(), r.topics.as_slice())).collect();
    let tagger = Tagger { book, topic_order: &topic_order, rule_topics: &rule_topics };
    let reports = std::fs::read_to_string(cases_path).unwrap_or_else(|e| panic!("{cases_path}: {e}"));
    let mut cases = Vec::new();
    for line in reports.lines().filter(|l| !l.trim().is_empty()) {
        let c: Value = serde_json::from_str(line).expect("dev.jsonl: one JSON object a line");
        let facts = c.get("facts").cloned().unwrap_or(json!({}));
        let (topics, groups) = tagger.tags(&c["text"], &facts, None);
        let source = c["source"].as_str().filter(|s| s.starts_with("http")).map(str::to_string);
        cases.push(json!({
            "id": c["id"], "kind": "report", "text": c["text"], "facts": facts,
            "expected": c["expected"]["verdict"], "source": source, "outcome": c.get("outcome").cloned().unwrap_or(Value::Null),
            "topics": topics, "groups": groups,
        }));
    }
    for rule in &rules {
        for (i, ex) in rule.examples.iter().enumerate() {
            let facts = serde_json::to_value(&ex.facts).expect("facts as JSON");
            let (topics, groups) = tagger.tags(&json!(ex.text), &facts, Some(&rule.id));
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
    let topics: Vec<Value> = book
        .topics(Lang::Id)
        .into_iter()
        .zip(book.topics(Lang::En))
        .map(|(id, en)| json!({"id": id.id, "label": {"id": id.label, "en": en.label}}))
        .collect();
    let handouts = handouts::build(book, &groups, GROUPS, OTHERS.0);
    let out = json!({"version": VERSION, "topics": topics, "groups": groups, "cases": cases, "handouts": handouts});
    if let Some(dir) = std::path::Path::new(out_path).parent() {
        std::fs::create_dir_all(dir).expect("output folder");
    }
    std::fs::write(out_path, serde_json::to_string(&out).expect("JSON")).unwrap_or_else(|e| panic!("{out_path}: {e}"));
    eprintln!("{out_path}: {} cases", out["cases"].as_array().map_or(0, Vec::len));
}

/// What tagging reads: the engine, the topics in their declared order, each rule's topics.
struct Tagger<'a> {
    book: &'a Rulebook,
    topic_order: &'a [String],
    rule_topics: &'a HashMap<&'a str, &'a [String]>,
}

impl Tagger<'_> {
    /// A case's topics and subject groups, from the engine's verdict on it.
    fn tags(&self, text: &Value, facts: &Value, own_rule: Option<&str>) -> (Vec<String>, Vec<&'static str>) {
        let book = self.book;
        let v = verdict(book, text, facts);
        // The rules that hold; else an example's own rule; else those that would hold for the
        // first kind of public servant they hold for (a private employee's "like" is a
        // social-media case); else the first that may hold, or the nearest that does not.
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
        let topics: BTreeSet<&String> =
            rules.iter().flat_map(|r| self.rule_topics.get(r.as_str()).copied().unwrap_or_default()).collect();
        // The topics in their declared order.
        let topics = self.topic_order.iter().filter(|t| topics.contains(t)).cloned().collect();
        let subject = v["facts"]["subject"].as_str().unwrap_or("");
        let groups = match GROUPS.iter().find(|(_, members)| members.contains(&subject)) {
            Some((g, _)) => vec![*g],
            None if subject == "aparat" => vec!["tni", "polri"],
            None => vec![OTHERS.0],
        };
        (topics, groups)
    }
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
