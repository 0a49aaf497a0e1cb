//! The next question: the open fact whose answer settles the most possible prohibitions,
//! weighted by their severity. Only facts that can settle something are asked, so answering
//! and classifying again converges (each answer removes one unknown fact).

use super::plan::{Gate, Plan};
use super::tri::{self, Tri, Val};
use super::{is_open_unknown, Statuses};
use crate::rulebook::{FactType, Rulebook};
use crate::verdict::RuleKind;

/// The fact to ask about, if any open fact can settle a possible prohibition.
pub(crate) fn next(book: &Rulebook, vals: &[Val], st: &Statuses) -> Option<usize> {
    let possible: Vec<usize> = (0..book.rules.len())
        .filter(|&i| book.rules[i].kind == RuleKind::Prohibition && st.effective[i] == Tri::Unknown)
        .collect();
    let mut candidates: Vec<usize> = vec![];
    for &i in &possible {
        each_unknown_fact(book, i, vals, &mut |f| {
            if is_open_unknown(book, vals, f) && !candidates.contains(&f) {
                candidates.push(f);
            }
        });
    }
    candidates.sort_unstable();
    let plan = book.plan();
    let known_false = super::plan::known_false(vals);
    let mut best: Option<(f64, usize)> = None;
    let mut trial = vals.to_vec();
    for &f in &candidates {
        let answers = answers(book, vals, f);
        let score = if answers.is_empty() {
            // Dates and numbers: no finite answer list; count the rules waiting on them, at half weight.
            possible.iter().filter(|&&i| waits_on(book, i, vals, f)).map(|&i| book.rules[i].weight as f64 * 0.5).sum()
        } else {
            let mut total = 0.0;
            for v in &answers {
                trial[f] = *v;
                let trial_false = super::plan::with_fact(known_false, f, *v);
                let settled = |i: usize| effective(book, plan, i, &trial, &trial_false) != Tri::Unknown;
                total += possible.iter().filter(|&&i| settled(i)).map(|&i| book.rules[i].weight as f64).sum::<f64>();
            }
            trial[f] = vals[f];
            total / answers.len() as f64
        };
        if score > 0.0 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, f));
        }
    }
    best.map(|(_, f)| f)
}

/// Every value an open fact could still take.
pub(crate) fn answers(book: &Rulebook, vals: &[Val], f: usize) -> Vec<Val> {
    match book.facts[f].ty {
        FactType::Bool => vec![Val::Bool(true), Val::Bool(false)],
        FactType::Enum(e) => {
            let en = &book.enums[e as usize];
            let mask = match vals[f] {
                Val::Set(m) => m,
                _ => en.all(),
            };
            en.members(mask).map(|i| Val::Set(1 << i)).collect()
        }
        FactType::Date | FactType::Number => vec![],
    }
}

fn waits_on(book: &Rulebook, i: usize, vals: &[Val], f: usize) -> bool {
    let mut found = false;
    each_unknown_fact(book, i, vals, &mut |g| found |= g == f);
    found
}

/// A prohibition's status after the permissions that override it.
fn effective(book: &Rulebook, plan: &Plan, i: usize, vals: &[Val], known_false: &Gate) -> Tri {
    let own = |i: usize| super::own_status(book, plan, i, vals, known_false);
    let s = own(i);
    if s == Tri::False {
        return s;
    }
    book.rules[i].excused_by.iter().fold(s, |acc, &p| acc.and(own(p as usize).not()))
}

/// Calls `f` for each fact that keeps rule `i` (with its exceptions) undecided.
pub(crate) fn each_unknown_fact(book: &Rulebook, i: usize, vals: &[Val], f: &mut impl FnMut(usize)) {
    let r = &book.rules[i];
    let mut g = |id: u16| f(id as usize);
    tri::unknown_facts(&r.cond, vals, &mut g);
    if let Some(u) = &r.unless {
        tri::unknown_facts(u, vals, &mut g);
    }
    for &p in &r.excused_by {
        let pr = &book.rules[p as usize];
        tri::unknown_facts(&pr.cond, vals, &mut g);
        if let Some(u) = &pr.unless {
            tri::unknown_facts(u, vals, &mut g);
        }
    }
}
