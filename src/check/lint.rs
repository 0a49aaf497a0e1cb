//! Warnings on a compiled rulebook (unused facts and concepts, rules without examples, rules
//! that can never match, permissions that override nothing) and the examples run as tests.

use super::resolve::Usage;
use crate::diagnostic::{Code, Diagnostic, Loc};
use crate::eval::tri::{self, Tri, Val};
use crate::eval::Detail;
use crate::rulebook::{Cond, FactType, Rulebook};
use crate::verdict::{Incident, VerdictKind};
use serde::Serialize;

pub(super) fn lint(book: &Rulebook, usage: &Usage) -> Vec<Diagnostic> {
    let mut out = vec![];
    for (i, f) in book.facts.iter().enumerate() {
        if !usage.facts_used.get(i).copied().unwrap_or(true) {
            out.push(
                Diagnostic::new(
                    Code::UnusedFact,
                    usage.fact_locs[i],
                    format!("fact `{}` is never used by a rule", f.name),
                )
                .with_hint("use it in a `when`/`unless` condition or remove it"),
            );
        }
    }
    for (i, name) in book.concept_names.iter().enumerate() {
        if !usage.concepts_used.get(i).copied().unwrap_or(true) {
            out.push(
                Diagnostic::new(Code::UnusedConcept, usage.concept_locs[i], format!("concept `{name}` is never used"))
                    .with_hint("use it in an act or inference pattern, or remove it"),
            );
        }
    }
    for (k, (loc, name)) in usage.pattern_locs.iter().enumerate() {
        if !usage.patterns_used.get(k).copied().unwrap_or(true) {
            out.push(
                Diagnostic::new(Code::UnusedPattern, *loc, format!("pattern `{name}` is never used"))
                    .with_hint("use it in an act or inference pattern, or remove it"),
            );
        }
    }
    for (i, r) in book.rules.iter().enumerate() {
        let loc = usage.rule_locs[i];
        if r.examples.is_empty() {
            out.push(
                Diagnostic::new(Code::NoExample, loc, format!("rule `{}` has no example", r.id))
                    .with_hint("add `example \"…\" => violation` — examples are the rule's tests"),
            );
        }
        if never_matches(book, &r.cond, r.unless.as_ref()) {
            out.push(Diagnostic::new(
                Code::NeverMatches,
                loc,
                format!("rule `{}` can never match: no answers to its facts make its condition true", r.id),
            ));
        }
    }
    for &(i, loc) in &usage.overrides_nothing {
        out.push(
            Diagnostic::new(
                Code::OverridesNothing,
                loc,
                format!("permission `{}` overrides nothing", book.rules[i].id),
            )
            .with_hint("add `overrides RULE, …` naming the prohibitions it excuses"),
        );
    }
    out
}

/// Searches every combination of the values that matter to the condition (bounded).
fn never_matches(book: &Rulebook, cond: &Cond, unless: Option<&Cond>) -> bool {
    let mut domains: Vec<(u16, Vec<Val>)> = vec![];
    collect_domains(book, cond, &mut domains);
    if let Some(u) = unless {
        collect_domains(book, u, &mut domains);
    }
    let total: usize =
        domains.iter().map(|(_, d)| d.len().max(1)).try_fold(1usize, |a, b| a.checked_mul(b)).unwrap_or(usize::MAX);
    if total > 20_000 {
        return false;
    }
    let mut vals = vec![Val::Unknown; book.facts.len()];
    for mut k in 0..total {
        for (f, dom) in &domains {
            vals[*f as usize] = dom[k % dom.len()];
            k /= dom.len();
        }
        let holds = tri::eval(cond, &vals) == Tri::True && unless.is_none_or(|u| tri::eval(u, &vals) != Tri::True);
        if holds {
            return false;
        }
    }
    true
}

fn collect_domains(book: &Rulebook, c: &Cond, out: &mut Vec<(u16, Vec<Val>)>) {
    let mut add = |f: u16, vals: Vec<Val>| match out.iter_mut().find(|(g, _)| *g == f) {
        Some((_, d)) => {
            for v in vals {
                if !d.contains(&v) {
                    d.push(v)
                }
            }
        }
        None => out.push((f, vals)),
    };
    match c {
        Cond::And(v) | Cond::Or(v) => v.iter().for_each(|x| collect_domains(book, x, out)),
        Cond::Not(x) => collect_domains(book, x, out),
        Cond::Const(_) => {}
        Cond::IsTrue(f) => add(*f, vec![Val::Bool(true), Val::Bool(false)]),
        Cond::InSet(f, _) => {
            if let FactType::Enum(e) = book.facts[*f as usize].ty {
                let en = &book.enums[e as usize];
                add(*f, en.members(en.all()).map(|i| Val::Set(1 << i)).collect());
            }
        }
        Cond::DateIn(f, s, e, _) => add(*f, vec![Val::Date(s - 1), Val::Date(*s), Val::Date(*e), Val::Date(e + 1)]),
        Cond::Cmp(f, _, x) => {
            let v =
                |d: f64| if book.facts[*f as usize].ty == FactType::Date { Val::Date(d as i32) } else { Val::Num(d) };
            add(*f, vec![v(x - 1.0), v(*x), v(x + 1.0)])
        }
    }
}

/// One example, run.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExampleOutcome {
    /// The rule it is written in.
    pub rule: String,
    /// The text.
    pub text: String,
    /// Expected verdict.
    pub expected: VerdictKind,
    /// Verdict given (None when the example's facts were rejected).
    pub got: Option<VerdictKind>,
    /// Rule that had to match.
    pub must_match: Option<String>,
    /// Passed.
    pub ok: bool,
    /// Why it failed, in words.
    pub message: String,
    #[serde(skip)]
    pub(crate) loc: Loc,
}

/// Runs every example of every rule.
pub fn run_examples(book: &Rulebook) -> Vec<ExampleOutcome> {
    let mut out = vec![];
    for r in &book.rules {
        for ex in &r.examples {
            let inc =
                Incident { text: ex.text.clone(), facts: ex.facts.iter().cloned().collect(), ..Default::default() };
            let (got, ok, message) = match brief(book, &inc) {
                Err(e) => (None, false, e.first().map_or_else(String::new, |d| d.message.clone())),
                Ok(Brief { verdict, matched }) => {
                    let rule_ok = ex.must_match.as_ref().is_none_or(|m| matched.contains(&m.as_str()));
                    let ok = verdict == ex.verdict && rule_ok;
                    let message = if ok {
                        String::new()
                    } else if verdict != ex.verdict {
                        let why = match verdict {
                            VerdictKind::Violation => format!(" (matched: {})", matched.join(", ")),
                            VerdictKind::NeedsMoreInfo => format!(" (waiting on: {})", waiting_on(book, &inc)),
                            VerdictKind::Allowed => String::new(),
                        };
                        format!(
                            "example expects {} but the rulebook answers {}{why}",
                            ex.verdict.as_str(),
                            verdict.as_str()
                        )
                    } else {
                        format!(
                            "example expects rule `{}` to match; matched: {}",
                            ex.must_match.as_deref().unwrap_or(""),
                            if matched.is_empty() { "none".into() } else { matched.join(", ") }
                        )
                    };
                    (Some(verdict), ok, message)
                }
            };
            out.push(ExampleOutcome {
                rule: r.id.clone(),
                text: ex.text.clone(),
                expected: ex.verdict,
                got,
                must_match: ex.must_match.clone(),
                ok,
                message,
                loc: ex.loc,
            });
        }
    }
    out
}

/// What an example needs of its outcome: the verdict and the ids of the rules that hold.
/// Examples run on every keystroke in the editor, so no question is searched and no word built.
struct Brief<'b> {
    verdict: VerdictKind,
    matched: Vec<&'b str>,
}

fn brief<'b>(book: &'b Rulebook, inc: &Incident) -> Result<Brief<'b>, Vec<Diagnostic>> {
    let table = crate::eval::read_facts(book, inc)?;
    let o = crate::eval::decide(book, &table, Detail::Verdict);
    Ok(Brief { verdict: o.verdict, matched: o.matched.iter().map(|&i| book.rules[i].id.as_str()).collect() })
}

/// The fact a failing example's verdict waits on (only a failing example pays for the search).
fn waiting_on<'b>(book: &'b Rulebook, inc: &Incident) -> &'b str {
    crate::eval::read_facts(book, inc)
        .ok()
        .and_then(|table| crate::eval::decide(book, &table, Detail::Explained).question)
        .map_or("?", |f| book.facts[f].name.as_str())
}

/// The failing examples among `outcomes`, as diagnostics at the example.
pub(super) fn failing_examples(outcomes: &[ExampleOutcome]) -> impl Iterator<Item = Diagnostic> + '_ {
    outcomes.iter().filter(|o| !o.ok).map(|o| {
        Diagnostic::new(Code::Example, o.loc, o.message.clone())
            .with_hint("fix the rule, its concepts, or the expected verdict")
    })
}
