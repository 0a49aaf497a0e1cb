//! What the evaluator derives once per rulebook, as the last step of compiling (or on first use
//! of a rulebook built otherwise): the phrase index, each rule's gate (a cheap test that proves
//! its condition false), the concepts each inference needs, and what an empty description says.

use super::tri::Val;
use super::{facts, matcher};
use crate::rulebook::{Cond, FactId, Pat, PatId, Rulebook};
use crate::text;

/// Derived evaluation data of one rulebook.
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    /// The lexicon as word ids.
    pub phrases: matcher::PhraseIndex,
    /// Each fact's value for an empty description, and whether an inference set it.
    pub silent_vals: Vec<Val>,
    pub silent_inferred: Vec<bool>,
    /// Per rule: yes/no facts at least one of which must be true for the rule's own condition
    /// to hold, as a bit set over the first `GATE_FACTS` facts (all zero: no gate). When every
    /// one is known false, the condition is false without walking it: most rules name an act,
    /// and most acts are false in any one incident.
    pub gates: Vec<Gate>,
    /// How many words of a gate can be set (the rulebook's facts, 64 a word): the rest are
    /// never looked at (the built-in rulebook needs one).
    pub gate_words: usize,
    /// The rules some permission overrides.
    pub overridden: Vec<u32>,
    /// Per fact, per inference: concepts one of which must occur in the text for the pattern
    /// to match (`None` when it can match on absence, as `not x` does). Most concepts occur in
    /// no one incident, so most patterns are settled by a look at a few counts.
    pub infer_needs: Vec<Vec<Option<Vec<u32>>>>,
    /// Fact indices in name order (the order of `Verdict.facts`).
    pub fact_order: Vec<FactId>,
    /// Per fact, the subjects (a mask of the `subject` enum; all bits when a rule that names
    /// it applies to everyone) of the rules that name it in their condition or `unless`: the
    /// people whose verdict the fact can change. An act of another kind of person ("melibatkan
    /// ASN", a candidate's act, told of a PNS) does not account for a text about this one
    /// (`facts::open_unexplained_acts`).
    pub fact_subjects: Vec<u64>,
    /// The `subject` fact, if the rulebook has one (what `fact_subjects` masks).
    pub subject: Option<FactId>,
    /// Per fact, whether words the speaker says they do not know leave it unknown
    /// (`text::doubt`): an open fact, or an act the `ask` item lists or excuses by. What the
    /// text mentions (an election, a candidate) is mentioned all the same.
    pub doubtable: Vec<bool>,
}

/// A set of facts, one bit each.
pub(crate) type Gate = [u64; GATE_FACTS / 64];

/// Gates are kept for rulebooks of up to this many facts (the built-in one has about 40).
const GATE_FACTS: usize = 256;

impl Plan {
    pub fn new(book: &Rulebook) -> Plan {
        let gates = book
            .rules
            .iter()
            .map(|r| {
                let mut bits: Gate = [0; GATE_FACTS / 64];
                if let Some(facts) = gate(&r.cond).filter(|fs| fs.iter().all(|&f| (f as usize) < GATE_FACTS)) {
                    for f in facts {
                        bits[f as usize / 64] |= 1 << (f % 64);
                    }
                }
                bits
            })
            .collect();
        let overridden =
            (0..book.rules.len() as u32).filter(|&i| !book.rules[i as usize].excused_by.is_empty()).collect();
        let needs = needs(&book.pats);
        let infer_needs = book
            .facts
            .iter()
            .map(|f| f.infers.iter().map(|&(_, p)| needs.get(p as usize).cloned().flatten()).collect())
            .collect();
        let mut fact_order: Vec<FactId> = (0..book.facts.len() as FactId).collect();
        fact_order.sort_by(|&a, &b| book.facts[a as usize].name.cmp(&book.facts[b as usize].name));
        let fact_subjects = fact_subjects(book);
        let asked = |f: FactId| book.ask.as_ref().is_some_and(|a| a.acts.contains(&f) || a.unless.contains(&f));
        let doubtable = book.facts.iter().enumerate().map(|(f, fact)| fact.open || asked(f as FactId)).collect();
        let mut plan = Plan {
            phrases: matcher::PhraseIndex::new(&book.lexicon),
            silent_vals: vec![],
            silent_inferred: vec![],
            gates,
            gate_words: book.facts.len().min(GATE_FACTS).div_ceil(64),
            overridden,
            infer_needs,
            fact_order,
            fact_subjects,
            subject: book.fact_index.get("subject").copied(),
            doubtable,
        };
        (plan.silent_vals, plan.silent_inferred) = silent(book, &plan);
        plan
    }

    /// True when rule `i`'s gate proves its condition false, given the facts known false.
    /// (Word by word, not `!= [0; 4]`, which is a `memcmp` call in the size-optimised module.)
    #[inline]
    pub fn gate_shut(&self, i: usize, known_false: &Gate) -> bool {
        let n = self.gate_words;
        let (mut any, mut open) = (0, 0);
        for (g, f) in self.gates[i][..n].iter().zip(&known_false[..n]) {
            any |= g;
            open |= g & !f;
        }
        any != 0 && open == 0
    }
}

/// The yes/no facts known false (of the first `GATE_FACTS`).
#[cfg_attr(netral_speed, optimize(speed))]
pub(crate) fn known_false(vals: &[Val]) -> Gate {
    let mut bits: Gate = [0; GATE_FACTS / 64];
    for (f, v) in vals.iter().enumerate().take(GATE_FACTS) {
        bits[f / 64] |= (matches!(v, Val::Bool(false)) as u64) << (f % 64);
    }
    bits
}

/// `known_false` after fact `f` takes value `v`.
pub(crate) fn with_fact(mut known_false: Gate, f: usize, v: Val) -> Gate {
    if f < GATE_FACTS {
        let bit = 1 << (f % 64);
        if v == Val::Bool(false) {
            known_false[f / 64] |= bit
        } else {
            known_false[f / 64] &= !bit
        }
    }
    known_false
}

/// `Plan::fact_subjects`: a rule's subjects are the mask of the `InSet(subject, …)` its
/// `applies to` put first in its condition (`check::resolve`).
fn fact_subjects(book: &Rulebook) -> Vec<u64> {
    let subject = book.fact_index.get("subject").copied();
    let mut out = vec![0u64; book.facts.len()];
    for r in &book.rules {
        let mask = match &r.cond {
            Cond::And(parts) => match parts.first() {
                Some(Cond::InSet(s, m)) if Some(*s) == subject => *m,
                _ => u64::MAX,
            },
            _ => u64::MAX,
        };
        let mut mark = |f: FactId| {
            if let Some(slot) = out.get_mut(f as usize) {
                *slot |= mask;
            }
        };
        each_fact_asserted(&r.cond, false, &mut mark);
        if let Some(u) = &r.unless {
            each_fact_asserted(u, false, &mut mark);
        }
    }
    out
}

/// Calls `f` on every fact a condition needs to hold, not on those it needs not to: the
/// permission for relatives (`… and not appeal_to_others`) is no rule about appeals, so "the
/// whole family should vote 02", told by a civil servant, is not accounted for by it.
fn each_fact_asserted(c: &Cond, negated: bool, f: &mut impl FnMut(FactId)) {
    match c {
        Cond::And(v) | Cond::Or(v) => v.iter().for_each(|x| each_fact_asserted(x, negated, f)),
        Cond::Not(x) => each_fact_asserted(x, !negated, f),
        Cond::Const(_) => {}
        Cond::IsTrue(id) | Cond::InSet(id, _) | Cond::DateIn(id, ..) | Cond::Cmp(id, ..) if !negated => f(*id),
        Cond::IsTrue(_) | Cond::InSet(..) | Cond::DateIn(..) | Cond::Cmp(..) => {}
    }
}

/// What silence says, fact by fact: the inferences run on an empty description.
fn silent(book: &Rulebook, plan: &Plan) -> (Vec<Val>, Vec<bool>) {
    let n = book.facts.len();
    let mut t = facts::FactTable {
        vals: vec![Val::Unknown; n],
        given: vec![false; n],
        inferred: vec![false; n],
        spans: vec![],
        acts_answered: false,
    };
    let a = text::analyse("");
    facts::infer(
        book,
        plan,
        &mut t,
        "",
        &a,
        &matcher::find(&plan.phrases, &book.lexicon, book.concept_names.len(), &a),
    );
    (t.vals, t.inferred)
}

/// Yes/no facts one of which must be true for `c` to be true, if `c` has such a set: a fact
/// itself; for `and`, the smallest set of any part; for `or`, the union of every part's set.
/// In three-valued logic a condition whose set is all false evaluates to false (each `and`
/// has a false part; each `or` has only false parts), so the shortcut never changes a status.
fn gate(c: &Cond) -> Option<Vec<FactId>> {
    match c {
        Cond::IsTrue(f) => Some(vec![*f]),
        Cond::And(parts) => parts.iter().filter_map(gate).min_by_key(Vec::len),
        Cond::Or(parts) => union(parts, GATE_FACTS, gate),
        _ => None,
    }
}

/// Per node of the pattern graph, concepts one of which must occur for it to match, if it has
/// such a set (the same reasoning as `gate`, over concept occurrences; `not` can match on
/// absence). Parts come before wholes, so one pass in order suffices. A set is only a shortcut,
/// so one larger than `MAX_NEEDS` is dropped (the pattern is then always evaluated): sets copied
/// from node to node stay small whatever the rule files.
fn needs(pats: &[Pat]) -> Vec<Option<Vec<u32>>> {
    let mut all: Vec<Option<Vec<u32>>> = Vec::with_capacity(pats.len());
    for p in pats {
        let of = |x: &PatId| all.get(*x as usize).and_then(Option::as_ref);
        let smallest = |parts: &[PatId]| parts.iter().filter_map(of).min_by_key(|s| s.len()).cloned();
        let set = match p {
            Pat::Concept(c) => Some(vec![*c]),
            Pat::Negated(x) => of(x).cloned(),
            Pat::Not(_) => None,
            Pat::And(parts) => smallest(parts),
            Pat::Near(ab, _) | Pat::After(ab, _, false) => smallest(ab),
            Pat::After([a, _], _, true) => of(a).cloned(),
            Pat::Or(parts) | Pat::Union(parts) => union(parts, MAX_NEEDS, |x| of(x).cloned()),
        };
        all.push(set);
    }
    all
}

/// The largest set of concepts `needs` keeps for one node.
const MAX_NEEDS: usize = 64;

/// The union of every part's set, if every part has one and it has at most `max` members (a
/// larger set is of no use, and building it would cost the square of its size).
fn union<T, X: PartialEq>(parts: &[T], max: usize, set: impl Fn(&T) -> Option<Vec<X>>) -> Option<Vec<X>> {
    let mut all = vec![];
    for p in parts {
        for x in set(p)? {
            if !all.contains(&x) {
                all.push(x);
            }
        }
        if all.len() > max {
            return None;
        }
    }
    Some(all)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::tri::{eval, Tri};

    /// Every gate of the default rulebook is sound: a shut gate means a false condition, on
    /// random fact values.
    #[test]
    fn a_shut_gate_means_a_false_condition() {
        let book = Rulebook::builtin();
        let plan = Plan::new(book);
        assert!(
            plan.gates.iter().filter(|g| g.iter().any(|&w| w != 0)).count() * 2 > book.rules.len(),
            "most rules have a gate"
        );
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut shut = 0;
        for _ in 0..20_000 {
            let vals: Vec<Val> = book
                .facts
                .iter()
                .map(|f| match (f.ty, next() % 4) {
                    (_, 0) => Val::Unknown,
                    (crate::rulebook::FactType::Bool, k) => Val::Bool(k == 1),
                    (crate::rulebook::FactType::Enum(e), _) => match next() & book.enums[e as usize].all() {
                        0 => Val::Unknown,
                        m => Val::Set(m),
                    },
                    (crate::rulebook::FactType::Date, _) => Val::Date(19_000 + (next() % 2_000) as i32),
                    (crate::rulebook::FactType::Number, _) => Val::Num((next() % 100) as f64),
                })
                .collect();
            let known_false = known_false(&vals);
            for (i, r) in book.rules.iter().enumerate() {
                if plan.gate_shut(i, &known_false) {
                    shut += 1;
                    assert_eq!(
                        eval(&r.cond, &vals),
                        Tri::False,
                        "gate of {} shut on a condition that is not false",
                        r.id
                    );
                }
            }
        }
        assert!(shut > 1000, "the gates were exercised ({shut})");
    }
}
