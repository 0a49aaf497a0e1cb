//! The JSON contract: `Incident` in, `Verdict` out. The CLI, the wasm module and the page all
//! exchange exactly these shapes (serde, camelCase where a name has two words).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a user describes: free text, facts they already know, and the language of the answer.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Incident {
    /// The description, as typed.
    pub text: String,
    /// Known facts by name: `"subject": "pns"`, `"on_leave": false`, `"date": "2024-02-14"`.
    /// `"unknown"` (or null) means not known.
    pub facts: BTreeMap<String, FactInput>,
    /// `"id"` (default) or `"en"`.
    pub lang: Lang,
}

/// A fact value as written in JSON or on the command line.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum FactInput {
    /// `true` / `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// An enum value or group, a date (`YYYY-MM-DD`), `"true"`/`"false"`, or `"unknown"`.
    Text(String),
    /// `null`: unknown.
    Null(()),
}

/// The language of labels in a verdict.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Bahasa Indonesia.
    #[default]
    Id,
    /// English.
    En,
}

/// The three possible answers.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum VerdictKind {
    /// No prohibition can be met whatever the open facts are.
    Allowed,
    /// Some prohibition would be met for some answer to an open fact.
    NeedsMoreInfo,
    /// Some prohibition is definitely met.
    Violation,
}

impl VerdictKind {
    /// The word used in rule files, JSON and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            VerdictKind::Allowed => "allowed",
            VerdictKind::NeedsMoreInfo => "needs_more_info",
            VerdictKind::Violation => "violation",
        }
    }
    /// Parses the word used in rule files and JSON.
    pub fn parse(s: &str) -> Option<VerdictKind> {
        match s {
            "allowed" => Some(VerdictKind::Allowed),
            "needs_more_info" => Some(VerdictKind::NeedsMoreInfo),
            "violation" => Some(VerdictKind::Violation),
            _ => None,
        }
    }
}

/// Prohibition or permission.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum RuleKind {
    /// An act that is forbidden.
    Prohibition,
    /// An act that is explicitly allowed, overriding prohibitions.
    Permission,
}

/// The answer to an incident, with its explanation.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Verdict {
    /// The decision.
    pub verdict: VerdictKind,
    /// Rules definitely met: prohibitions first (strongest sanction first), then permissions.
    pub matched: Vec<MatchedRule>,
    /// Prohibitions that would be met depending on open facts not known.
    pub possible: Vec<PossibleRule>,
    /// The one question that decides the most, when the verdict is `needs_more_info`.
    pub question: Option<Question>,
    /// Every fact known after reading the text (given or inferred), by name.
    pub facts: BTreeMap<String, Value>,
    /// The words that gave every fact read from the text, in text order (for highlighting even
    /// when no rule matched yet).
    pub evidence: Vec<Evidence>,
}

/// A rule that held.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct MatchedRule {
    /// Rule id.
    pub rule: String,
    /// Prohibition or permission.
    pub kind: RuleKind,
    /// Title in the requested language.
    pub title: String,
    /// Canonical citations, e.g. `UU 7/2017 Pasal 280 ayat (3)`.
    pub basis: Vec<String>,
    /// The strongest sanction of the rule (prohibitions only).
    pub sanction: Option<SanctionRef>,
    /// Every sanction of the rule, strongest first (several tracks may apply together).
    pub sanctions: Vec<SanctionRef>,
    /// The conditions that held, in words.
    pub because: Vec<String>,
    /// What to do instead.
    pub advice: Option<String>,
    /// A legally uncertain point about this rule.
    pub note: Option<String>,
    /// The words of the text that gave the facts this rule used.
    pub evidence: Vec<Evidence>,
}

/// A sanction as shown with a verdict.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SanctionRef {
    /// Sanction id from the rule file.
    pub id: String,
    /// Label in the requested language.
    pub label: String,
    /// Higher is stronger.
    pub severity: u32,
}

/// Words of the text that gave a fact.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Evidence {
    /// The fact they gave.
    pub fact: String,
    /// The exact substring of the incident text.
    pub text: String,
    /// Start, in UTF-16 code units (JavaScript string index).
    pub start: u32,
    /// End (exclusive), in UTF-16 code units.
    pub end: u32,
}

/// A prohibition waiting on open facts.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PossibleRule {
    /// Rule id.
    pub rule: String,
    /// Title in the requested language.
    pub title: String,
    /// The open facts it waits on.
    pub missing: Vec<String>,
}

/// A follow-up question generated from a fact declaration.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Question {
    /// The fact it asks for.
    pub fact: String,
    /// The question in the requested language.
    pub text: String,
    /// `bool`, `enum`, `date` or `number`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The possible answers (empty for dates and numbers).
    pub answers: Vec<Answer>,
}

/// One answer to a question.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Answer {
    /// The value to send back in `facts`.
    pub value: Value,
    /// Its label in the requested language.
    pub label: String,
}

/// A fact value in a verdict or an answer: a string (enum value, group, date), a bool or a number.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum Value {
    /// `true` / `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// An enum value or group id, or a date `YYYY-MM-DD`.
    Text(String),
}
