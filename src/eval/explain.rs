//! Explanations: turns rule statuses into what a user reads — titles, citations, sanctions,
//! the conditions that held, the words that gave each fact (UTF-16 offsets), and the question.

use super::facts::FactTable;
use super::question;
use super::tri::{self, Val};
use crate::rulebook::{text, yes_no, Cond, FactType, Rulebook};
use crate::verdict::*;
use std::collections::BTreeMap;

pub(crate) struct Explainer<'a> {
    book: &'a Rulebook,
    inc: &'a Incident,
    t: &'a FactTable,
    lang: Lang,
    /// UTF-16 index at every `MARK`th byte, to convert offsets without rescanning long text
    /// (empty for ASCII text, where byte and UTF-16 offsets are equal).
    utf16_marks: Vec<u32>,
    ascii: bool,
    /// Evidence per fact, built once however many rules use the fact.
    evidence_cache: Vec<Option<Vec<Evidence>>>,
}

const MARK: usize = 64;

impl<'a> Explainer<'a> {
    pub fn new(book: &'a Rulebook, inc: &'a Incident, t: &'a FactTable) -> Self {
        let ascii = inc.text.is_ascii();
        let evidence_cache = vec![None; book.facts.len()];
        if ascii {
            return Explainer { book, inc, t, lang: inc.lang, utf16_marks: vec![], ascii, evidence_cache };
        }
        let mut marks = Vec::with_capacity(inc.text.len() / MARK + 1);
        let mut units = 0u32;
        let mut next_mark = 0usize;
        for (i, c) in inc.text.char_indices() {
            while next_mark <= i {
                marks.push(units);
                next_mark += MARK;
            }
            units += c.len_utf16() as u32;
        }
        Explainer { book, inc, t, lang: inc.lang, utf16_marks: marks, ascii, evidence_cache }
    }

    fn utf16(&self, byte: u32) -> u32 {
        if self.ascii {
            return byte;
        }
        let byte = (byte as usize).min(self.inc.text.len());
        let k = (byte / MARK).min(self.utf16_marks.len().saturating_sub(1));
        let base = self.utf16_marks.get(k).copied().unwrap_or(0);
        let from = k * MARK;
        // `from` may fall inside a character; count from the next boundary (the mark was taken there).
        let mut start = from;
        while start < byte && !self.inc.text.is_char_boundary(start) {
            start += 1;
        }
        base + self.inc.text.get(start..byte).map_or(0, |s| s.encode_utf16().count() as u32)
    }

    pub fn matched(&mut self, i: usize) -> MatchedRule {
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
        let evidence = facts_used.iter().flat_map(|&f| self.evidence(f as usize)).collect();

        let sanctions: Vec<SanctionRef> = r
            .sanctions
            .iter()
            .map(|&s| {
                let s = &self.book.sanctions[s as usize];
                SanctionRef { id: s.name.clone(), label: text(&s.label, self.lang).to_string(), severity: s.severity }
            })
            .collect();
        MatchedRule {
            rule: r.id.clone(),
            kind: r.kind,
            title: text(&r.title, self.lang).to_string(),
            basis: r.basis.clone(),
            sanction: sanctions.first().cloned(),
            sanctions,
            because,
            advice: r.advice.as_ref().map(|l| text(l, self.lang).to_string()),
            note: r.note.as_ref().map(|l| text(l, self.lang).to_string()),
            evidence,
        }
    }

    pub fn possible(&mut self, i: usize) -> PossibleRule {
        let r = &self.book.rules[i];
        let mut missing: Vec<String> = vec![];
        question::each_unknown_fact(self.book, i, &self.t.vals, &mut |f| {
            let name = &self.book.facts[f].name;
            if super::is_open_unknown(self.book, &self.t.vals, f) && !missing.contains(name) {
                missing.push(name.clone());
            }
        });
        PossibleRule { rule: r.id.clone(), title: text(&r.title, self.lang).to_string(), missing }
    }

    pub fn question(&mut self, f: usize) -> Question {
        let fact = &self.book.facts[f];
        let (kind, answers) = match fact.ty {
            FactType::Bool => {
                let (yes, no) = yes_no(self.lang);
                ("bool", vec![Answer { value: Value::Bool(true), label: yes.into() }, Answer { value: Value::Bool(false), label: no.into() }])
            }
            FactType::Enum(e) => {
                let en = &self.book.enums[e as usize];
                let answers = question::answers(self.book, &self.t.vals, f)
                    .into_iter()
                    .filter_map(|v| match v {
                        Val::Set(m) => Some(Answer { value: Value::Text(en.name_of(m)), label: en.label_of(m, self.lang) }),
                        _ => None,
                    })
                    .collect();
                ("enum", answers)
            }
            FactType::Date => ("date", vec![]),
            FactType::Number => ("number", vec![]),
        };
        Question {
            fact: fact.name.clone(),
            text: fact.label.as_ref().map_or_else(|| fact.name.clone(), |l| text(l, self.lang).to_string()),
            kind: kind.into(),
            answers,
        }
    }

    /// Evidence of every fact read from the text, in text order.
    pub fn all_evidence(&mut self) -> Vec<Evidence> {
        let mut all: Vec<Evidence> = (0..self.book.facts.len())
            .filter(|&f| !self.t.given[f] && !self.t.evidence[f].is_empty())
            .flat_map(|f| self.evidence(f))
            .collect();
        all.sort_by_key(|e| (e.start, e.end));
        all
    }

    /// Facts known after reading: given ones, and those the text gave (with words to show).
    pub fn known_facts(&self) -> BTreeMap<String, Value> {
        let mut out = BTreeMap::new();
        for (i, fact) in self.book.facts.iter().enumerate() {
            if !self.t.given[i] && !self.t.inferred[i] {
                continue;
            }
            if let Some(v) = self.value(i) {
                out.insert(fact.name.clone(), v);
            }
        }
        out
    }

    fn value(&self, f: usize) -> Option<Value> {
        Some(match (self.t.vals[f], self.book.facts[f].ty) {
            (Val::Bool(b), _) => Value::Bool(b),
            (Val::Num(x), _) => Value::Number(x),
            (Val::Date(d), _) => Value::Text(crate::text::format_iso_date(d)),
            (Val::Set(m), FactType::Enum(e)) => Value::Text(self.book.enums[e as usize].name_of(m)),
            _ => return None,
        })
    }

    fn evidence(&mut self, f: usize) -> Vec<Evidence> {
        if self.t.evidence[f].is_empty() {
            return Vec::new();
        }
        if let Some(cached) = &self.evidence_cache[f] {
            return cached.clone();
        }
        let ev: Vec<Evidence> = self.t.evidence[f]
            .iter()
            .filter_map(|&(s, e)| {
                let text = self.inc.text.get(s as usize..e as usize)?.to_string();
                Some(Evidence { fact: self.book.facts[f].name.clone(), text, start: self.utf16(s), end: self.utf16(e) })
            })
            .collect();
        self.evidence_cache[f] = Some(ev.clone());
        ev
    }

    fn fact_label(&self, f: u16) -> String {
        self.book.fact_label(f as usize, self.lang)
    }

    fn leaf_words(&self, leaf: &Cond) -> String {
        let en = self.lang == Lang::En;
        match leaf {
            Cond::IsTrue(f) => self.fact_label(*f),
            Cond::Not(inner) if self.book.facts[leaf_fact(inner).unwrap_or(0) as usize].open => {
                format!("{} {}", self.fact_label(leaf_fact(inner).unwrap_or(0)), if en { "No" } else { "Tidak" })
            }
            Cond::Not(inner) => {
                let w = match &**inner {
                    Cond::IsTrue(f) => self.fact_label(*f),
                    other => self.leaf_words(other),
                };
                format!("{} {w}", if en { "not:" } else { "tidak:" })
            }
            Cond::InSet(f, _) => {
                let v = match (self.t.vals[*f as usize], self.book.facts[*f as usize].ty) {
                    (Val::Set(m), FactType::Enum(e)) => self.book.enums[e as usize].label_of(m, self.lang),
                    _ => String::new(),
                };
                // The answer alone reads best ("PNS", "Pemilu 2024"); the question is long.
                v
            }
            Cond::DateIn(f, _, _, p) => {
                let period = &self.book.periods[*p as usize];
                let d = self.value(*f as usize).map(|v| if let Value::Text(s) = v { s } else { String::new() }).unwrap_or_default();
                format!("{d} {} {}", if en { "within" } else { "dalam" }, text(&period.label, self.lang))
            }
            Cond::Cmp(f, op, x) => format!("{} {:?} {x}", self.fact_label(*f), op),
            Cond::And(_) | Cond::Or(_) | Cond::Const(_) => String::new(),
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
