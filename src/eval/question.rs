//! The next question: the open fact whose answer settles the most possible prohibitions,
//! weighted by their severity. Only facts that can settle something are asked, so answering
//! and classifying again converges (each answer removes one unknown fact).

use super::plan::{Gate, Plan};
use super::tri::{self, Tri, Val};
use super::{is_open_unknown, Statuses};
use crate::rulebook::{FactType, Rulebook};
use crate::verdict::RuleKind;

/// Buffers of the search (reused from one trial answer to the next).
#[derive(Default)]
pub(crate) struct Search {
    /// The possible prohibitions.
    possible: Vec<usize>,
    /// Per possible prohibition, the open facts it waits on: `words` bits each, fact `f` at bit
    /// `f % 64` of word `f / 64`.
    waits: Vec<u64>,
    /// The facts with one trial answer.
    trial: Vec<Val>,
}

/// The fact to ask about, if any open fact can settle a possible prohibition.
pub(crate) fn next(book: &Rulebook, vals: &[Val], st: &Statuses) -> Option<usize> {
    next_in(book, vals, st, &mut Search::default())
}

/// `next` with the buffers in `s`. An answer to `f` can only settle a prohibition that waits on
/// `f` (its other leaves keep their values), so each trial answer re-evaluates only those.
#[cfg_attr(netral_speed, optimize(speed))]
pub(crate) fn next_in(book: &Rulebook, vals: &[Val], st: &Statuses, s: &mut Search) -> Option<usize> {
    let words = book.facts.len().div_ceil(64);
    s.possible.clear();
    s.waits.clear();
    for (i, r) in book.rules.iter().enumerate() {
        if r.kind == RuleKind::Prohibition && st.effective[i] == Tri::Unknown {
            s.possible.push(i);
            let at = s.waits.len();
            s.waits.resize(at + words, 0);
            let row = &mut s.waits[at..];
            each_unknown_fact(book, i, vals, &mut |f| {
                if is_open_unknown(book, vals, f) {
                    row[f / 64] |= 1 << (f % 64);
                }
            });
        }
    }
    let plan = book.plan();
    let known_false = super::plan::known_false(vals);
    s.trial.clear();
    s.trial.extend_from_slice(vals);
    let mut best: Option<(f64, usize)> = None;
    // Candidates in fact order: every open fact some possible prohibition waits on.
    for f in 0..book.facts.len() {
        let (word, bit) = (f / 64, 1u64 << (f % 64));
        if !s.waits.chunks_exact(words).any(|row| row[word] & bit != 0) {
            continue;
        }
        let waiting = || {
            s.possible
                .iter()
                .zip(s.waits.chunks_exact(words))
                .filter(move |(_, row)| row[word] & bit != 0)
                .map(|(&i, _)| i)
        };
        let mut n_answers = 0;
        let mut total = 0.0;
        each_answer(book, vals, f, |v| {
            n_answers += 1;
            s.trial[f] = v;
            let trial_false = super::plan::with_fact(known_false, f, v);
            let settled = |i: usize| effective(book, plan, i, &s.trial, &trial_false) != Tri::Unknown;
            total += waiting().filter(|&i| settled(i)).map(|i| book.rules[i].weight as f64).sum::<f64>();
        });
        s.trial[f] = vals[f];
        let score = if n_answers == 0 {
            // Dates and numbers: no finite answer list; count the rules waiting on them, at half weight.
            waiting().map(|i| book.rules[i].weight as f64 * 0.5).sum()
        } else {
            total / n_answers as f64
        };
        if score > 0.0 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, f));
        }
    }
    best.map(|(_, f)| f)
}

/// Every value an open fact could still take.
pub(crate) fn answers(book: &Rulebook, vals: &[Val], f: usize) -> Vec<Val> {
    let mut out = vec![];
    each_answer(book, vals, f, |v| out.push(v));
    out
}

/// Calls `each` on every value an open fact could still take (none for dates and numbers).
fn each_answer(book: &Rulebook, vals: &[Val], f: usize, mut each: impl FnMut(Val)) {
    match book.facts[f].ty {
        FactType::Bool => {
            each(Val::Bool(true));
            each(Val::Bool(false));
        }
        FactType::Enum(e) => {
            let en = &book.enums[e as usize];
            let mask = match vals[f] {
                Val::Set(m) => m,
                _ => en.all(),
            };
            en.members(mask).for_each(|i| each(Val::Set(1 << i)));
        }
        FactType::Date | FactType::Number => {}
    }
}

/// A prohibition's status after the permissions that override it.
#[cfg_attr(netral_speed, optimize(speed))]
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
