//! Read-only views of a rulebook for the surfaces: the rule list, the form schema generated
//! from the open facts, and the case library built from the examples.

use crate::rulebook::{text, yes_no, Cond, FactType, Rulebook};
use crate::verdict::{Answer, FactInput, Lang, RuleKind, SanctionRef, Value, VerdictKind};
use serde::Serialize;

/// A rule as listed (`netral list`, the page's rule view).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Serialize)]
pub struct RuleInfo {
    /// Id.
    pub id: String,
    /// Prohibition or permission.
    pub kind: RuleKind,
    /// Title.
    pub title: String,
    /// Canonical citations.
    pub basis: Vec<String>,
    /// Strongest sanction.
    pub sanction: Option<SanctionRef<'static>>,
    /// Advice.
    pub advice: Option<String>,
    /// Note.
    pub note: Option<String>,
    /// Points the legal digest does not settle.
    pub uncertain: Vec<String>,
    /// Its training topics (names of `topic` items), as written; empty in the rule list of a
    /// rulebook read from a snapshot (the page's classify module), which leaves them out.
    pub topics: Vec<String>,
    /// The examples: text, given facts and expected verdict.
    pub examples: Vec<CaseInfo>,
}

/// A training topic (`topic` item), for the Latihan tab's data.
#[derive(Debug, Clone, Serialize)]
pub struct TopicInfo {
    /// Name, as rules write it.
    pub id: String,
    /// Label.
    pub label: String,
}

/// An election period (`period` item), for the handouts' key dates.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodInfo {
    /// Label.
    pub label: String,
    /// First day, `YYYY-MM-DD`.
    pub start: String,
    /// Last day (the same as `start` for a single day).
    pub end: String,
    /// Canonical citations of where the dates come from; empty from a snapshot.
    pub basis: Vec<String>,
}

/// One example, as a case for training.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Serialize)]
pub struct CaseInfo {
    /// The rule that holds it.
    pub rule: String,
    /// The incident text.
    pub text: String,
    /// Facts given with it.
    pub facts: std::collections::BTreeMap<String, FactInput>,
    /// The verdict the law gives.
    pub expected: VerdictKind,
}

/// One field of the generated form.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Serialize)]
pub struct FactQuestion {
    /// Fact name (the key in `Incident.facts`).
    pub id: String,
    /// `bool`, `enum`, `date` or `number`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The question.
    pub question: String,
    /// Possible answers (values first, then groups).
    pub answers: Vec<Answer<'static>>,
}

impl Rulebook {
    /// Every rule with its bases and examples.
    pub fn rules(&self, lang: Lang) -> Vec<RuleInfo> {
        self.rules
            .iter()
            .map(|r| RuleInfo {
                id: r.id.clone(),
                kind: r.kind,
                title: text(&r.title, lang).to_string(),
                basis: r.basis.clone(),
                sanction: r.sanctions.first().map(|&s| {
                    let s = &self.sanctions[s as usize];
                    SanctionRef {
                        id: s.name.clone().into(),
                        label: text(&s.label, lang).to_string().into(),
                        severity: s.severity,
                    }
                }),
                advice: r.advice.as_ref().map(|l| text(l, lang).to_string()),
                note: r.note.as_ref().map(|l| text(l, lang).to_string()),
                uncertain: r.uncertain.iter().map(|l| text(l, lang).to_string()).collect(),
                topics: self.topic_names(&r.topics),
                examples: r
                    .examples
                    .iter()
                    .map(|e| CaseInfo {
                        rule: r.id.clone(),
                        text: e.text.clone(),
                        facts: e.facts.iter().cloned().collect(),
                        expected: e.verdict,
                    })
                    .collect(),
            })
            .collect()
    }

    /// The subjects (values of the `subject` fact) rule `id` is limited to by `applies to` (or a
    /// condition that starts with `subject in …`), in declaration order; empty when it is not, or
    /// when no rule has that id. Compiling puts `applies to` first in the condition as `subject in
    /// mask` (`check::resolve`), so that test is read back from there. (Not in the rule list: the
    /// handouts read it natively, and the classify module does without its code.)
    pub fn applies_to(&self, id: &str) -> Vec<String> {
        let Some(r) = self.rules.iter().find(|r| r.id == id) else { return vec![] };
        let Some(&subject) = self.fact_index.get("subject") else { return vec![] };
        let Some(FactType::Enum(e)) = self.facts.get(subject as usize).map(|f| f.ty) else { return vec![] };
        let (Cond::And(parts), Some(en)) = (&r.cond, self.enums.get(e as usize)) else { return vec![] };
        match parts.first() {
            Some(&Cond::InSet(f, mask)) if f == subject => en.members(mask).map(|i| en.values[i].0.clone()).collect(),
            _ => vec![],
        }
    }

    /// The names of a rule's topics. The classify module's rulebooks all come from snapshots,
    /// which carry no topics, so it goes without this code (some 300 bytes of gzipped wasm).
    fn topic_names(&self, topics: &[u32]) -> Vec<String> {
        if cfg!(all(netral_snapshot, not(feature = "editor"))) {
            return vec![];
        }
        topics.iter().filter_map(|&t| self.topics.get(t as usize)).map(|t| t.name.clone()).collect()
    }

    /// The training topics, in declaration order.
    pub fn topics(&self, lang: Lang) -> Vec<TopicInfo> {
        self.topics.iter().map(|t| TopicInfo { id: t.name.clone(), label: text(&t.label, lang).to_string() }).collect()
    }

    /// The election periods, in declaration order.
    pub fn periods(&self, lang: Lang) -> Vec<PeriodInfo> {
        use crate::text::format_iso_date;
        self.periods
            .iter()
            .map(|p| PeriodInfo {
                label: text(&p.label, lang).to_string(),
                start: format_iso_date(p.start),
                end: format_iso_date(p.end),
                basis: p.basis.clone(),
            })
            .collect()
    }

    /// The training library: every example of every rule.
    pub fn cases(&self) -> Vec<CaseInfo> {
        self.rules(Lang::Id).into_iter().flat_map(|r| r.examples).collect()
    }

    /// The form schema: one question per open fact, in declaration order.
    pub fn questions(&self, lang: Lang) -> Vec<FactQuestion> {
        self.facts
            .iter()
            .filter(|f| f.open)
            .map(|f| {
                let (kind, answers) = match f.ty {
                    FactType::Bool => {
                        let (y, n) = yes_no(lang);
                        (
                            "bool",
                            vec![
                                Answer { value: Value::Bool(true), label: y.into() },
                                Answer { value: Value::Bool(false), label: n.into() },
                            ],
                        )
                    }
                    FactType::Enum(e) => {
                        let en = &self.enums[e as usize];
                        let values = en.values.iter().map(|(v, l)| Answer {
                            value: Value::Text(v.clone().into()),
                            label: text(l, lang).to_string().into(),
                        });
                        let groups = en.groups.iter().map(|(g, l, _)| Answer {
                            value: Value::Text(g.clone().into()),
                            label: text(l, lang).to_string().into(),
                        });
                        ("enum", values.chain(groups).collect())
                    }
                    FactType::Date => ("date", vec![]),
                    FactType::Number => ("number", vec![]),
                };
                FactQuestion {
                    id: f.name.clone(),
                    kind,
                    question: f.label.as_ref().map_or_else(|| f.name.clone(), |l| text(l, lang).to_string()),
                    answers,
                }
            })
            .collect()
    }

    /// Number of rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// True when the rulebook has no rules.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Every law as (code, short citation, full title).
    pub fn laws(&self) -> impl Iterator<Item = (&str, &str, &str)> {
        self.laws.iter().map(|l| (l.code.as_str(), l.short.as_str(), l.title.as_str()))
    }
}
