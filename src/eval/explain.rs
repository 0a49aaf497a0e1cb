//! Explanations: turns rule statuses into what a user reads — titles, citations, sanctions,
//! the conditions that held, the words that gave each fact (UTF-16 offsets), and the question.

use super::facts::{FactTable, Utf16};
use super::question;
use super::tri::{self, Val};
use crate::rulebook::{text, yes_no, AskIr, Cond, FactId, FactType, Rulebook};
use crate::verdict::*;
use std::borrow::Cow;

pub(crate) struct Explainer<'a, 't> {
    book: &'a Rulebook,
    t: &'t FactTable,
    lang: Lang,
    /// The words of every span, with its fact, in fact order (as `FactTable::spans`).
    evidence: Vec<(FactId, Evidence<'a>)>,
}

impl<'a, 't> Explainer<'a, 't> {
    pub fn new(book: &'a Rulebook, inc: &'a Incident, t: &'t FactTable) -> Self {
        let text_in = inc.text.as_str();
        let utf16 = Utf16::new(text_in, &t.spans);
        let evidence = t
            .spans
            .iter()
            .filter_map(|&(f, s, e)| {
                let text = text_in.get(s as usize..e as usize)?;
                let fact = Cow::Borrowed(book.facts[f as usize].name.as_str());
                Some((f, Evidence { fact, text: Cow::Borrowed(text), start: utf16.get(s), end: utf16.get(e) }))
            })
            .collect();
        Explainer { book, t, lang: inc.lang, evidence }
    }

    /// The outcome in words: the `Verdict` every surface shows.
    pub fn verdict(&mut self, o: &super::Outcome) -> Verdict<'a> {
        Verdict {
            version: crate::verdict::CONTRACT_VERSION,
            verdict: o.verdict,
            matched: o.matched.iter().map(|&i| self.matched(i)).collect(),
            possible: o.possible.iter().map(|&i| self.possible(i)).collect(),
            question: o.question.map(|f| self.question(f, &o.possible)),
            nearly: o.nearly.iter().map(|(i, lacking)| self.nearly(*i, lacking)).collect(),
            facts: self.known_facts(),
            evidence: self.all_evidence(),
        }
    }

    fn matched(&mut self, i: usize) -> MatchedRule<'a> {
        let r = &self.book.rules[i];
        let mut because = vec![];
        let mut facts_used: Vec<u16> = vec![];
        tri::true_leaves(&r.cond, &self.t.vals, &mut |leaf| {
            because.push(self.leaf_words(leaf));
            if let Some(f) = leaf_fact(leaf) {
                if !facts_used.contains(&f) {
                    facts_used.push(f);
                }
            }
        });
        let mut evidence = vec![];
        for &f in &facts_used {
            evidence.extend(self.evidence(f).iter().map(|(_, e)| e.clone()));
        }

        let (book, lang) = (self.book, self.lang);
        let sanctions: Vec<SanctionRef<'a>> = r
            .sanctions
            .iter()
            .map(|&s| {
                let s = &book.sanctions[s as usize];
                SanctionRef {
                    id: Cow::Borrowed(&s.name),
                    label: Cow::Borrowed(text(&s.label, lang)),
                    severity: s.severity,
                }
            })
            .collect();
        MatchedRule {
            rule: Cow::Borrowed(&r.id),
            kind: r.kind,
            title: Cow::Borrowed(text(&r.title, lang)),
            basis: self.basis_in_force(r),
            sanction: sanctions.first().cloned(),
            sanctions,
            because,
            advice: r.advice.as_ref().map(|l| Cow::Borrowed(text(l, lang))),
            note: r.note.as_ref().map(|l| Cow::Borrowed(text(l, lang))),
            uncertain: r.uncertain.iter().map(|l| Cow::Borrowed(text(l, lang))).collect(),
            evidence,
        }
    }

    /// A rule's citations, without those of laws not in force on the incident's date (the fact
    /// named `date`, when known): an act of 2019 is not judged by a law of 2021. When the date is
    /// unknown, or no citation would be left, every citation stays.
    fn basis_in_force(&self, r: &'a crate::rulebook::RuleIr) -> Cow<'a, [String]> {
        let day = self.book.fact_index.get("date").and_then(|&f| match self.t.vals.get(f as usize) {
            Some(&Val::Date(d)) => Some(d),
            _ => None,
        });
        let laws = &self.book.laws;
        let in_force = |k: usize| {
            let law = r.basis_laws.get(k).and_then(|&l| laws.get(l as usize));
            day.zip(law).is_none_or(|(d, l)| l.in_force(d))
        };
        if (0..r.basis.len()).all(in_force) || !(0..r.basis.len()).any(in_force) {
            return Cow::Borrowed(&r.basis);
        }
        Cow::Owned((0..r.basis.len()).filter(|&k| in_force(k)).map(|k| r.basis[k].clone()).collect())
    }

    fn nearly(&self, i: usize, lacking: &[(&Cond, bool)]) -> NearlyRule<'a> {
        let r = &self.book.rules[i];
        NearlyRule {
            rule: Cow::Borrowed(&r.id),
            title: Cow::Borrowed(text(&r.title, self.lang)),
            lacking: lacking.iter().map(|&(leaf, want)| self.lacking_words(leaf, want)).collect(),
        }
    }

    /// A leaf as the state it would need: "PNS / PPPK" for a subject in that set, the act's label
    /// for an act, "tidak: …" for one that must not hold, the period for a date.
    fn lacking_words(&self, leaf: &Cond, want: bool) -> Text<'a> {
        let book = self.book;
        let en = self.lang == Lang::En;
        let words: Text<'a> = match leaf {
            Cond::IsTrue(f) => self.fact_label(*f),
            Cond::InSet(f, mask) => match book.facts[*f as usize].ty {
                FactType::Enum(e) => book.enums[e as usize].label_of(*mask, self.lang),
                _ => Cow::Borrowed(""),
            },
            Cond::DateIn(f, _, _, p) => Cow::Owned(format!(
                "{} {} {}",
                self.fact_label(*f),
                if en { "within" } else { "dalam" },
                text(&book.periods[*p as usize].label, self.lang)
            )),
            Cond::Cmp(f, op, x) => Cow::Owned(format!("{} {} {x}", self.fact_label(*f), op.symbol())),
            _ => Cow::Borrowed(""),
        };
        if want {
            words
        } else {
            Cow::Owned(format!("{} {words}", if en { "not:" } else { "tidak:" }))
        }
    }

    fn possible(&mut self, i: usize) -> PossibleRule<'a> {
        let book = self.book;
        let r = &book.rules[i];
        let mut missing: Vec<Text<'a>> = vec![];
        question::each_unknown_fact(book, i, &self.t.vals, &mut |f| {
            let name = book.facts[f].name.as_str();
            if super::is_open_unknown(book, &self.t.vals, f) && !missing.iter().any(|m| m == name) {
                missing.push(Cow::Borrowed(name));
            }
        });
        PossibleRule { rule: Cow::Borrowed(&r.id), title: Cow::Borrowed(text(&r.title, self.lang)), missing }
    }

    fn question(&mut self, f: usize, possible: &[usize]) -> Question<'a> {
        let book = self.book;
        if let Some(ask) = book.ask.as_ref().filter(|a| a.acts.contains(&(f as FactId))) {
            return self.acts_question(ask, possible);
        }
        let fact = &book.facts[f];
        let (kind, answers) = match fact.ty {
            FactType::Bool => {
                let (yes, no) = yes_no(self.lang);
                (
                    "bool",
                    vec![
                        Answer { value: Value::Bool(true), label: yes.into() },
                        Answer { value: Value::Bool(false), label: no.into() },
                    ],
                )
            }
            FactType::Enum(e) => {
                let en = &book.enums[e as usize];
                let answers = question::answers(book, &self.t.vals, f)
                    .into_iter()
                    .filter_map(|v| match v {
                        Val::Set(m) => {
                            Some(Answer { value: Value::Text(en.name_of(m)), label: en.label_of(m, self.lang) })
                        }
                        _ => None,
                    })
                    .collect();
                ("enum", answers)
            }
            FactType::Date => ("date", vec![]),
            FactType::Number => ("number", vec![]),
        };
        Question {
            fact: Cow::Borrowed(&fact.name),
            text: Cow::Borrowed(fact.label.as_ref().map_or(fact.name.as_str(), |l| text(l, self.lang))),
            kind: Cow::Borrowed(kind),
            answers,
        }
    }

    /// The checklist of the acts the text left open that a possible prohibition waits on, in the
    /// order the rulebook lists them, then "none of these".
    fn acts_question(&self, ask: &'a AskIr, possible: &[usize]) -> Question<'a> {
        let (book, vals) = (self.book, &self.t.vals);
        let mut waited = vec![false; book.facts.len()];
        for &i in possible {
            question::each_unknown_fact(book, i, vals, &mut |f| waited[f] = true);
        }
        let mut answers: Vec<Answer<'a>> = ask
            .acts
            .iter()
            .map(|&f| f as usize)
            .filter(|&f| waited[f] && vals[f] == Val::Unknown)
            .map(|f| Answer {
                value: Value::Text(Cow::Borrowed(&book.facts[f].name)),
                label: self.fact_label(f as u16),
            })
            .collect();
        let none = if self.lang == Lang::En { "None of these" } else { "Tidak satu pun" };
        answers.push(Answer { value: Value::Text(Cow::Borrowed("none")), label: Cow::Borrowed(none) });
        Question {
            fact: Cow::Borrowed(&ask.name),
            text: Cow::Borrowed(text(&ask.label, self.lang)),
            kind: Cow::Borrowed("acts"),
            answers,
        }
    }

    /// Evidence of every fact read from the text, in text order.
    fn all_evidence(&self) -> Vec<Evidence<'a>> {
        let mut all: Vec<Evidence<'a>> = self.evidence.iter().map(|(_, e)| e.clone()).collect();
        all.sort_by_key(|e| (e.start, e.end));
        all
    }

    /// Facts known after reading: given ones, and those the text gave (with words to show).
    fn known_facts(&self) -> KnownFacts<'a> {
        let book = self.book;
        let mut out = Vec::with_capacity(8);
        for &f in &book.plan().fact_order {
            let f = f as usize;
            if !self.t.given[f] && !self.t.inferred[f] {
                continue;
            }
            if let Some(v) = self.value(f) {
                out.push((Cow::Borrowed(book.facts[f].name.as_str()), v));
            }
        }
        KnownFacts::from_sorted(out)
    }

    fn value(&self, f: usize) -> Option<Value<'a>> {
        let book = self.book;
        Some(match (self.t.vals[f], book.facts[f].ty) {
            (Val::Bool(b), _) => Value::Bool(b),
            (Val::Num(x), _) => Value::Number(x),
            (Val::Date(d), _) => Value::Text(Cow::Owned(crate::text::format_iso_date(d))),
            // An ISO 8601 interval: "2024-07-01/2024-07-31".
            (Val::DateRange(a, b), _) => Value::Text(Cow::Owned(format!(
                "{}/{}",
                crate::text::format_iso_date(a),
                crate::text::format_iso_date(b)
            ))),
            (Val::Set(m), FactType::Enum(e)) => Value::Text(book.enums[e as usize].name_of(m)),
            _ => return None,
        })
    }

    /// The evidence of fact `f`.
    fn evidence(&self, f: FactId) -> &[(FactId, Evidence<'a>)] {
        let start = self.evidence.partition_point(|(g, _)| *g < f);
        let end = start + self.evidence[start..].partition_point(|(g, _)| *g == f);
        &self.evidence[start..end]
    }

    fn fact_label(&self, f: u16) -> Text<'a> {
        self.book.fact_label(f as usize, self.lang)
    }

    fn leaf_words(&self, leaf: &Cond) -> Text<'a> {
        let en = self.lang == Lang::En;
        match leaf {
            Cond::IsTrue(f) => self.fact_label(*f),
            Cond::Not(inner) if self.book.facts[leaf_fact(inner).unwrap_or(0) as usize].open => Cow::Owned(format!(
                "{} {}",
                self.fact_label(leaf_fact(inner).unwrap_or(0)),
                if en { "No" } else { "Tidak" }
            )),
            Cond::Not(inner) => {
                let w = match &**inner {
                    Cond::IsTrue(f) => self.fact_label(*f),
                    other => self.leaf_words(other),
                };
                Cow::Owned(format!("{} {w}", if en { "not:" } else { "tidak:" }))
            }
            Cond::InSet(f, _) => {
                // The answer alone reads best ("PNS", "Pemilu 2024"); the question is long.
                match (self.t.vals[*f as usize], self.book.facts[*f as usize].ty) {
                    (Val::Set(m), FactType::Enum(e)) => self.book.enums[e as usize].label_of(m, self.lang),
                    _ => Cow::Borrowed(""),
                }
            }
            Cond::DateIn(f, _, _, p) => {
                let period = &self.book.periods[*p as usize];
                let d = self
                    .value(*f as usize)
                    .map(|v| if let Value::Text(s) = v { s } else { Cow::Borrowed("") })
                    .unwrap_or_default();
                Cow::Owned(format!("{d} {} {}", if en { "within" } else { "dalam" }, text(&period.label, self.lang)))
            }
            Cond::Cmp(f, op, x) => Cow::Owned(format!("{} {} {x}", self.fact_label(*f), op.symbol())),
            Cond::And(_) | Cond::Or(_) | Cond::Const(_) => Cow::Borrowed(""),
        }
    }
}

fn leaf_fact(c: &Cond) -> Option<u16> {
    match c {
        Cond::IsTrue(f) | Cond::InSet(f, _) | Cond::DateIn(f, ..) | Cond::Cmp(f, ..) => Some(*f),
        Cond::Not(x) => leaf_fact(x),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::{FactInput, Incident, Rulebook, Sources};

    #[test]
    fn a_comparison_is_explained_with_its_operator() {
        let src = r#"
law L "L 1/2020" "Law"
sanction s "Sanksi" { severity 10 }
fact age: number open "Umur?" en "Age?"
rule old "Tua" { prohibition when age >= 18 sanction s basis L "Pasal 1" example "x" with age = 20 => violation }
"#;
        let book = Rulebook::compile(&Sources::single("t.rules", src)).unwrap();
        let mut incident = Incident::default();
        incident.facts.insert("age".into(), FactInput::Number(20.0));
        let verdict = book.classify(&incident).unwrap();
        assert_eq!(verdict.matched[0].because.iter().map(|b| b.to_string()).collect::<Vec<_>>(), ["Umur? >= 18"]);
    }
}
