//! The printed handouts' content (`handouts` in www/training/cases.json): for each subject group,
//! from the compiled rulebook, what is forbidden (grouped under its strongest sanction), what is
//! allowed (the permissions), the key dates (the periods) and where to report (the permission to
//! report a violation, whose note names the channels), each with its basis and the points the
//! legal digest leaves uncertain; Indonesian and English side by side. www/training-handout.js
//! lays it out on A4; nothing there selects or words a rule.

use netral::{Lang, PeriodInfo, RuleInfo, RuleKind, Rulebook};
use serde_json::{json, Value};

/// The permission whose note names where to report a violation (rules/80_permissions.rules, P10).
const REPORT_RULE: &str = "report_violation";

/// Both languages of one text.
fn both(id: &str, en: &str) -> Value {
    json!({"id": id, "en": en})
}

/// A rule as a handout lists it: title, basis, uncertain points.
fn entry(id: &RuleInfo, en: &RuleInfo) -> Value {
    let uncertain: Vec<Value> = id.uncertain.iter().zip(&en.uncertain).map(|(i, e)| both(i, e)).collect();
    json!({"rule": id.id, "title": both(&id.title, &en.title), "basis": id.basis, "uncertain": uncertain})
}

/// The handouts: `groups` are the subject groups of the case data (id and label), `members` the
/// subject values and groups each gathers, `others` the group of every subject no other names.
pub fn build(book: &Rulebook, groups: &[Value], members: &[(&str, &[&str])], others: &str) -> Value {
    let rules: Vec<(RuleInfo, RuleInfo)> = book.rules(Lang::Id).into_iter().zip(book.rules(Lang::En)).collect();
    // The groups a rule concerns: those whose members its `applies to` names (every group when it
    // names none).
    let concerns = |r: &RuleInfo, group: &str| -> bool {
        let subjects = book.applies_to(&r.id);
        let of = |v: &String| members.iter().find(|(_, m)| m.contains(&v.as_str())).map_or(others, |(g, _)| *g);
        subjects.is_empty() || subjects.iter().any(|v| of(v) == group)
    };
    let sheets: Vec<Value> = groups
        .iter()
        .map(|g| {
            let gid = g["id"].as_str().expect("a group has an id");
            let mine: Vec<&(RuleInfo, RuleInfo)> =
                rules.iter().filter(|(r, _)| r.id != REPORT_RULE && concerns(r, gid)).collect();
            // Forbidden acts under their strongest sanction, strongest first (then as written).
            let mut forbidden: Vec<(u32, String, Value, Vec<Value>)> = vec![];
            for (id, en) in mine.iter().filter(|(r, _)| r.kind == RuleKind::Prohibition) {
                let (Some(s_id), Some(s_en)) = (&id.sanction, &en.sanction) else {
                    panic!("prohibition {} has no sanction", id.id)
                };
                match forbidden.iter_mut().find(|f| f.1 == s_id.id) {
                    Some(f) => f.3.push(entry(id, en)),
                    None => forbidden.push((
                        s_id.severity,
                        s_id.id.to_string(),
                        both(&s_id.label, &s_en.label),
                        vec![entry(id, en)],
                    )),
                }
            }
            forbidden.sort_by_key(|f| std::cmp::Reverse(f.0));
            let forbidden: Vec<Value> = forbidden
                .into_iter()
                .map(|(_, id, label, rules)| json!({"sanction": id, "label": label, "rules": rules}))
                .collect();
            let allowed: Vec<Value> =
                mine.iter().filter(|(r, _)| r.kind == RuleKind::Permission).map(|(id, en)| entry(id, en)).collect();
            json!({"group": gid, "label": g["label"], "forbidden": forbidden, "allowed": allowed})
        })
        .collect();
    let dates: Vec<Value> = book
        .periods(Lang::Id)
        .into_iter()
        .zip(book.periods(Lang::En))
        .map(|(id, en): (PeriodInfo, PeriodInfo)| {
            json!({"label": both(&id.label, &en.label), "start": id.start, "end": id.end, "basis": id.basis})
        })
        .collect();
    let (id, en) = rules.iter().find(|(r, _)| r.id == REPORT_RULE).expect("the rulebook has report_violation");
    let (Some(note_id), Some(note_en)) = (&id.note, &en.note) else {
        panic!("{REPORT_RULE} names the channels in its note")
    };
    let mut report = entry(id, en);
    report["note"] = both(note_id, note_en);
    json!({"groups": sheets, "dates": dates, "report": report})
}
