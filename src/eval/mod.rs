//! Classification: incident → verdict. Reads the text, fills the facts, evaluates every rule in
//! three-valued logic, decides, and explains (matched rules, possible rules, next question).

mod explain;
pub(crate) mod facts;
pub(crate) mod matcher;
pub(crate) mod plan;
pub(crate) mod question;
pub mod tri;

pub use facts::MAX_EVIDENCE;

use crate::diagnostic::Diagnostic;
use crate::rulebook::{FactType, Rulebook};
use crate::text;
use crate::verdict::{Incident, MatchedRule, PossibleRule, RuleKind, Verdict, VerdictKind};
use facts::FactTable;
use tri::{Tri, Val};

/// The status of every rule for one fact table.
#[derive(Default)]
pub(crate) struct Statuses {
    /// Each rule's condition and `unless`; for prohibitions, also after the permissions that
    /// override them.
    pub effective: Vec<Tri>,
}

/// Rule `i`'s own status: its condition, less its `unless` (before any overriding permission).
/// A shut gate (`plan::Plan::gates`) settles it false without walking the condition.
#[inline]
pub(crate) fn own_status(book: &Rulebook, plan: &plan::Plan, i: usize, vals: &[Val], known_false: &plan::Gate) -> Tri {
    if plan.gate_shut(i, known_false) {
        return Tri::False;
    }
    let r = &book.rules[i];
    let c = tri::eval(&r.cond, vals);
    match (&r.unless, c) {
        (_, Tri::False) | (None, _) => c,
        (Some(u), _) => c.and(tri::eval(u, vals).not()),
    }
}

/// Evaluates every rule.
pub(crate) fn statuses(book: &Rulebook, vals: &[Val]) -> Statuses {
    let mut st = Statuses { effective: Vec::new() };
    st.fill(book, vals);
    st
}

impl Statuses {
    /// Evaluates every rule into `self`, keeping its allocation (the lean path reuses one).
    #[cfg_attr(netral_speed, optimize(speed))]
    pub(crate) fn fill(&mut self, book: &Rulebook, vals: &[Val]) {
        let plan = book.plan();
        let known_false = plan::known_false(vals);
        self.effective.clear();
        self.effective.extend((0..book.rules.len()).map(|i| own_status(book, plan, i, vals, &known_false)));
        // Only prohibitions are overridden, and only by permissions, which nothing overrides: a
        // permission's own status is final, so prohibitions can be settled in place.
        let effective = &mut self.effective;
        for &i in &plan.overridden {
            let i = i as usize;
            if effective[i] != Tri::False {
                effective[i] = book.rules[i].excused_by.iter().fold(effective[i], |acc, &p| acc.and(effective[p as usize].not()));
            }
        }
    }
}

/// The verdict a set of statuses gives.
#[cfg_attr(netral_speed, optimize(speed))]
pub(crate) fn decide(book: &Rulebook, st: &Statuses) -> VerdictKind {
    let mut verdict = VerdictKind::Allowed;
    for (r, s) in book.rules.iter().zip(&st.effective) {
        if r.kind == RuleKind::Prohibition {
            match s {
                Tri::True => return VerdictKind::Violation,
                Tri::Unknown => verdict = VerdictKind::NeedsMoreInfo,
                Tri::False => {}
            }
        }
    }
    verdict
}

/// Facts of an incident after reading its text.
pub(crate) fn read_facts(book: &Rulebook, inc: &Incident) -> Result<FactTable, Vec<Diagnostic>> {
    let mut table = facts::given(book, inc)?;
    fill_from_text(book, &mut table, &inc.text);
    Ok(table)
}

/// Fills the facts not given from the text (for an empty text, `FactTable::reset` already
/// put what silence says).
pub(crate) fn fill_from_text(book: &Rulebook, table: &mut FactTable, text_in: &str) {
    // Facts only: the table started from what silence says (`FactTable::reset`).
    if facts::is_silent(text_in) {
        return;
    }
    let analysis = text::analyse(text_in);
    let plan = book.plan();
    let matches = matcher::find(&plan.phrases, &book.lexicon, book.concept_names.len(), &analysis);
    facts::infer(book, plan, table, text_in, &analysis, &matches);
}

/// Classifies an incident.
pub(crate) fn classify<'a>(book: &'a Rulebook, inc: &'a Incident) -> Result<Verdict<'a>, Vec<Diagnostic>> {
    let table = read_facts(book, inc)?;
    let st = statuses(book, &table.vals);
    let mut ex = explain::Explainer::new(book, inc, &table);
    let mut matched: Vec<MatchedRule> = vec![];
    let mut possible: Vec<(u32, PossibleRule)> = vec![];
    // The verdict as `decide` gives it, in the same pass.
    let mut verdict = VerdictKind::Allowed;
    for (i, r) in book.rules.iter().enumerate() {
        match (r.kind, st.effective[i]) {
            (_, Tri::False) | (RuleKind::Permission, Tri::Unknown) => {}
            (RuleKind::Prohibition, Tri::True) => {
                verdict = VerdictKind::Violation;
                matched.push(ex.matched(i));
            }
            (RuleKind::Permission, Tri::True) => matched.push(ex.matched(i)),
            (RuleKind::Prohibition, Tri::Unknown) => {
                if verdict == VerdictKind::Allowed {
                    verdict = VerdictKind::NeedsMoreInfo;
                }
                possible.push((r.weight, ex.possible(i)));
            }
        }
    }
    debug_assert_eq!(verdict, decide(book, &st));
    // Prohibitions first, strongest sanction first; then permissions. Stable: file order otherwise.
    matched.sort_by_key(|m| (m.kind == RuleKind::Permission, std::cmp::Reverse(m.sanction.as_ref().map_or(0, |s| s.severity))));
    possible.sort_by_key(|(w, _)| std::cmp::Reverse(*w));
    let possible = possible.into_iter().map(|(_, p)| p).collect();
    let question = match verdict {
        VerdictKind::NeedsMoreInfo => question::next(book, &table.vals, &st).map(|f| ex.question(f)),
        _ => None,
    };
    let evidence = ex.all_evidence();
    Ok(Verdict { verdict, matched, possible, question, facts: ex.known_facts(), evidence })
}

/// True when a fact is open and not fully known.
#[cfg_attr(netral_speed, optimize(speed))]
pub(crate) fn is_open_unknown(book: &Rulebook, vals: &[Val], f: usize) -> bool {
    let fact = &book.facts[f];
    fact.open
        && match (vals[f], fact.ty) {
            (Val::Unknown, _) => true,
            (Val::Set(m), FactType::Enum(_)) => m.count_ones() > 1,
            _ => false,
        }
}

impl Rulebook {
    /// The evaluation plan, derived on first use.
    pub(crate) fn plan(&self) -> &plan::Plan {
        self.plan.get_or_init(|| plan::Plan::new(self))
    }
}
