//! Read-only views of a rulebook for the surfaces: the rule list, the form schema generated
//! from the open facts, and the case library built from the examples.

use crate::rulebook::{text, yes_no, FactType, Rulebook};
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
    /// The examples: text, given facts and expected verdict.
    pub examples: Vec<CaseInfo>,
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
