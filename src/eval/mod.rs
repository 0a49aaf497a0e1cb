//! Classification: incident → verdict. Reads the text, fills the facts, evaluates every rule in
//! three-valued logic, decides, and explains (matched rules, possible rules, next question).

mod explain;
pub(crate) mod facts;
pub(crate) mod matcher;
mod nearly;
pub(crate) mod plan;
pub(crate) mod question;
pub mod tri;

pub use facts::MAX_EVIDENCE;

use crate::diagnostic::Diagnostic;
use crate::rulebook::{FactType, Rulebook};
use crate::text;
use crate::verdict::{Incident, RuleKind, Verdict, VerdictKind};
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
    /// Evaluates every rule into `self`, keeping its allocation.
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
                effective[i] =
                    book.rules[i].excused_by.iter().fold(effective[i], |acc, &p| acc.and(effective[p as usize].not()));
            }
        }
    }
}

/// What one classification decides, before any words: the verdict, the rules that hold in the
/// order they are shown, the prohibitions waiting on open facts, the question, and "why not".
/// Decided here once; the explanation (`explain`) and the example runner only read it.
pub(crate) struct Outcome<'b> {
    /// Any prohibition `True` → violation; else any `Unknown` → needs_more_info; else allowed.
    pub verdict: VerdictKind,
    /// Rules that hold: prohibitions first, strongest sanction first; then permissions (file
    /// order otherwise).
    pub matched: Vec<usize>,
    /// Prohibitions that some answer to an open fact would meet, heaviest first.
    pub possible: Vec<usize>,
    /// The open fact to ask about next (needs_more_info only).
    pub question: Option<usize>,
    /// "Why not" (allowed only): the prohibitions nearest to holding, with what each lacks.
    pub nearly: Vec<(usize, Vec<nearly::Lack<'b>>)>,
}

/// How much of an outcome is wanted: the example runner needs only the verdict and the rules that
/// hold (it runs every example on every keystroke in the editor); a verdict shown to a person also
/// needs the question and "why not", which cost a search each.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Detail {
    /// Only the example runner asks for it, and the classify module has none.
    #[cfg(feature = "editor")]
    Verdict,
    Explained,
}

/// Decides an incident whose facts are in `table`.
pub(crate) fn decide<'b>(book: &'b Rulebook, table: &FactTable, detail: Detail) -> Outcome<'b> {
    let st = statuses(book, &table.vals);
    let mut matched = vec![];
    let mut possible = vec![];
    for (i, r) in book.rules.iter().enumerate() {
        match (r.kind, st.effective[i]) {
            (_, Tri::False) | (RuleKind::Permission, Tri::Unknown) => {}
            (_, Tri::True) => matched.push(i),
            (RuleKind::Prohibition, Tri::Unknown) => possible.push(i),
        }
    }
    let prohibition_holds = matched.iter().any(|&i| book.rules[i].kind == RuleKind::Prohibition);
    let verdict = match (prohibition_holds, possible.is_empty()) {
        (true, _) => VerdictKind::Violation,
        (false, false) => VerdictKind::NeedsMoreInfo,
        (false, true) => VerdictKind::Allowed,
    };
    // A prohibition's weight is its strongest sanction's severity.
    matched.sort_by_key(|&i| (book.rules[i].kind == RuleKind::Permission, std::cmp::Reverse(book.rules[i].weight)));
    possible.sort_by_key(|&i| std::cmp::Reverse(book.rules[i].weight));
    let question = match (verdict, detail) {
        (VerdictKind::NeedsMoreInfo, Detail::Explained) => question::next(book, &table.vals, &st),
        _ => None,
    };
    let nearly = match (verdict, detail) {
        (VerdictKind::Allowed, Detail::Explained) => nearly::nearest(book, &table.vals, &st.effective),
        _ => vec![],
    };
    Outcome { verdict, matched, possible, question, nearly }
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
    facts::open_unexplained_acts(book, table, analysis.tokens());
}

/// Classifies an incident: its facts, the outcome, then the outcome in words.
pub(crate) fn classify<'a>(book: &'a Rulebook, inc: &'a Incident) -> Result<Verdict<'a>, Vec<Diagnostic>> {
    let table = read_facts(book, inc)?;
    let outcome = decide(book, &table, Detail::Explained);
    Ok(explain::Explainer::new(book, inc, &table).verdict(&outcome))
}

/// True when a fact is open and not fully known. A closed act is unknown only when the text
/// left it open (`facts::open_unexplained_acts`), and is then asked about like an open fact.
#[cfg_attr(netral_speed, optimize(speed))]
pub(crate) fn is_open_unknown(book: &Rulebook, vals: &[Val], f: usize) -> bool {
    match (vals[f], book.facts[f].ty) {
        (Val::Unknown, _) => true,
        // A range read from the text ("Juli 2024"): the day is asked when a rule waits on it.
        (Val::DateRange(..), _) => true,
        (Val::Set(m), FactType::Enum(_)) => book.facts[f].open && m.count_ones() > 1,
        _ => false,
    }
}

impl Rulebook {
    /// The evaluation plan, derived on first use.
    pub(crate) fn plan(&self) -> &plan::Plan {
        self.plan.get_or_init(|| plan::Plan::new(self))
    }
}
