//! The JSON contract: `Incident` in, `Verdict` out. The CLI, the wasm module and the page all
//! exchange exactly these shapes (serde, camelCase where a name has two words).

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Text in a verdict: borrowed from the rulebook or the incident where it can be (a verdict
/// is built in microseconds; copying every title and citation would cost most of them),
/// owned where it is composed ("PNS / PPPK", "tidak: …").
pub type Text<'a> = Cow<'a, str>;

/// What a user describes: free text, facts they already know, and the language of the answer.
/// A key it does not have (`"fatcs"`) is an error, not a silently empty field.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Incident {
    /// The description, as typed.
    pub text: String,
    /// Known facts by name: `"subject": "pns"`, `"on_leave": false`, `"date": "2024-02-14"`.
    /// `"unknown"` (or null) means not known. A name given twice is an error (which one was
    /// meant cannot be known).
    #[serde(deserialize_with = "facts_without_duplicates")]
    pub facts: BTreeMap<String, FactInput>,
    /// `"id"` (default) or `"en"`.
    pub lang: Lang,
}

impl Incident {
    /// Reads an incident from its JSON: the one validation of the contract, for the CLI's
    /// `--jsonl` and the wasm module alike. Errors are `E-INPUT` with serde's line and column.
    /// (A list, as `Rulebook::classify` gives its errors.)
    pub fn from_json(json: &str) -> Result<Incident, Vec<crate::Diagnostic>> {
        serde_json::from_str(json).map_err(|e| {
            vec![crate::Diagnostic::new(
                crate::Code::Input,
                crate::diagnostic::Loc::default(),
                format!("not an Incident: {e}"),
            )
            .with_hint("an Incident is {\"text\": \"…\", \"facts\": {\"name\": value}, \"lang\": \"id\" | \"en\"}")]
        })
    }
}

fn facts_without_duplicates<'de, D: serde::Deserializer<'de>>(d: D) -> Result<BTreeMap<String, FactInput>, D::Error> {
    struct Facts;
    impl<'de> serde::de::Visitor<'de> for Facts {
        type Value = BTreeMap<String, FactInput>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object of facts by name")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut facts = BTreeMap::new();
            while let Some((name, value)) = map.next_entry::<String, FactInput>()? {
                if facts.contains_key(&name) {
                    return Err(serde::de::Error::custom(format_args!("the fact `{name}` is given twice")));
                }
                facts.insert(name, value);
            }
            Ok(facts)
        }
    }
    d.deserialize_map(Facts)
}

/// A fact value as written in JSON or on the command line.
// Read by its JSON type (a visitor, not `#[serde(untagged)]`, which buffers every value to try
// each variant in turn).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(untagged)]
pub enum FactInput {
    /// `true` / `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// An enum value or group, a date (`YYYY-MM-DD`), `"true"`/`"false"`, or `"unknown"`.
    Text(String),
    /// The answer to the acts question: the acts done (or planned); `[]` for none of them.
    List(Vec<String>),
    /// `null`: unknown.
    Null(()),
}

impl<'de> Deserialize<'de> for FactInput {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Input;
        impl<'de> serde::de::Visitor<'de> for Input {
            type Value = FactInput;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a fact value: true/false, a number, a string, a list of act names, or null")
            }
            fn visit_bool<E>(self, b: bool) -> Result<FactInput, E> {
                Ok(FactInput::Bool(b))
            }
            fn visit_f64<E>(self, x: f64) -> Result<FactInput, E> {
                Ok(FactInput::Number(x))
            }
            fn visit_i64<E>(self, x: i64) -> Result<FactInput, E> {
                Ok(FactInput::Number(x as f64))
            }
            fn visit_u64<E>(self, x: u64) -> Result<FactInput, E> {
                Ok(FactInput::Number(x as f64))
            }
            fn visit_str<E>(self, s: &str) -> Result<FactInput, E> {
                Ok(FactInput::Text(s.to_owned()))
            }
            fn visit_string<E>(self, s: String) -> Result<FactInput, E> {
                Ok(FactInput::Text(s))
            }
            fn visit_unit<E>(self) -> Result<FactInput, E> {
                Ok(FactInput::Null(()))
            }
            fn visit_none<E>(self) -> Result<FactInput, E> {
                Ok(FactInput::Null(()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<FactInput, A::Error> {
                let mut names = vec![];
                while let Some(name) = seq.next_element::<String>()? {
                    names.push(name);
                }
                Ok(FactInput::List(names))
            }
        }
        d.deserialize_any(Input)
    }
}

/// The language of labels in a verdict.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum RuleKind {
    /// An act that is forbidden.
    Prohibition,
    /// An act that is explicitly allowed, overriding prohibitions.
    Permission,
}

/// The version of the JSON contract a `Verdict` carries (`"version": 1`), and of `schema/*.json`.
/// Bumped when a field is removed or renamed or changes its meaning (docs/embedding.md).
pub const CONTRACT_VERSION: u32 = 1;

/// The answer to an incident, with its explanation.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Verdict<'a> {
    /// The version of this contract (1). It changes only when a field is removed, renamed or
    /// changes its meaning; new fields may appear without a new version.
    #[cfg_attr(feature = "schema", schemars(extend("const" = CONTRACT_VERSION)))]
    pub version: u32,
    /// The decision.
    pub verdict: VerdictKind,
    /// Rules definitely met: prohibitions first (strongest sanction first), then permissions.
    pub matched: Vec<MatchedRule<'a>>,
    /// Prohibitions that would be met depending on open facts not known.
    pub possible: Vec<PossibleRule<'a>>,
    /// The one question that decides the most, when the verdict is `needs_more_info`.
    pub question: Option<Question<'a>>,
    /// "Why not", when the verdict is `allowed`: the prohibitions nearest to holding, each with
    /// what it lacks. Empty otherwise.
    pub nearly: Vec<NearlyRule<'a>>,
    /// Every fact known after reading the text (given or inferred), by name.
    pub facts: KnownFacts<'a>,
    /// The words that gave every fact read from the text, in text order (for highlighting even
    /// when no rule matched yet).
    pub evidence: Vec<Evidence<'a>>,
}

/// A rule that held.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct MatchedRule<'a> {
    /// Rule id.
    pub rule: Text<'a>,
    /// Prohibition or permission.
    pub kind: RuleKind,
    /// Title in the requested language.
    pub title: Text<'a>,
    /// Canonical citations, e.g. `UU 7/2017 Pasal 280 ayat (3)`.
    pub basis: Cow<'a, [String]>,
    /// The strongest sanction of the rule (prohibitions only).
    pub sanction: Option<SanctionRef<'a>>,
    /// Every sanction of the rule, strongest first (several tracks may apply together).
    pub sanctions: Vec<SanctionRef<'a>>,
    /// The conditions that held, in words.
    pub because: Vec<Text<'a>>,
    /// What to do instead.
    pub advice: Option<Text<'a>>,
    /// A note about this rule (context, exceptions).
    pub note: Option<Text<'a>>,
    /// The points about this rule that the legal digest does not settle (`uncertain` clauses).
    pub uncertain: Vec<Text<'a>>,
    /// The words of the text that gave the facts this rule used.
    pub evidence: Vec<Evidence<'a>>,
}

/// A sanction as shown with a verdict.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SanctionRef<'a> {
    /// Sanction id from the rule file.
    pub id: Text<'a>,
    /// Label in the requested language.
    pub label: Text<'a>,
    /// Higher is stronger.
    pub severity: u32,
}

/// Words of the text that gave a fact.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Evidence<'a> {
    /// The fact they gave.
    pub fact: Text<'a>,
    /// The exact substring of the incident text.
    pub text: Text<'a>,
    /// Start, in UTF-16 code units (JavaScript string index).
    pub start: u32,
    /// End (exclusive), in UTF-16 code units.
    pub end: u32,
}

/// A prohibition that would hold if a few more conditions did ("why not").
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct NearlyRule<'a> {
    /// Rule id.
    pub rule: Text<'a>,
    /// Title in the requested language.
    pub title: Text<'a>,
    /// What it lacks, in words: "PNS / PPPK", "Menyukai … konten calon", "tidak: …".
    pub lacking: Vec<Text<'a>>,
}

/// A prohibition waiting on open facts.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PossibleRule<'a> {
    /// Rule id.
    pub rule: Text<'a>,
    /// Title in the requested language.
    pub title: Text<'a>,
    /// The open facts it waits on.
    pub missing: Vec<Text<'a>>,
}

/// A follow-up question generated from a fact declaration.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Question<'a> {
    /// The fact it asks for.
    pub fact: Text<'a>,
    /// The question in the requested language.
    pub text: Text<'a>,
    /// `bool`, `enum`, `date` or `number`.
    #[serde(rename = "type")]
    pub kind: Text<'a>,
    /// The possible answers (empty for dates and numbers).
    pub answers: Vec<Answer<'a>>,
}

/// One answer to a question.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Answer<'a> {
    /// The value to send back in `facts`.
    pub value: Value<'a>,
    /// Its label in the requested language.
    pub label: Text<'a>,
}

/// A fact value in a verdict or an answer: a string (enum value, group, date), a bool or a number.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum Value<'a> {
    /// `true` / `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// An enum value or group id, or a date `YYYY-MM-DD`.
    Text(Text<'a>),
}

/// Facts by name, in name order; a JSON object on the wire. A sorted list rather than a map:
/// a verdict holds a handful and is built millions of times.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KnownFacts<'a>(Vec<(Text<'a>, Value<'a>)>);

impl<'a> KnownFacts<'a> {
    /// From pairs already in name order (the evaluator walks the facts in that order).
    pub(crate) fn from_sorted(pairs: Vec<(Text<'a>, Value<'a>)>) -> Self {
        debug_assert!(pairs.windows(2).all(|w| w[0].0 < w[1].0));
        KnownFacts(pairs)
    }
    /// The value of a fact, if known.
    pub fn get(&self, name: &str) -> Option<&Value<'a>> {
        self.0.binary_search_by(|(k, _)| k.as_ref().cmp(name)).ok().map(|i| &self.0[i].1)
    }
    /// The names, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_ref())
    }
    /// Name and value pairs, in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value<'a>)> {
        self.0.iter().map(|(k, v)| (k.as_ref(), v))
    }
    /// How many facts are known.
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// True when no fact is known.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for KnownFacts<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// On the wire an object of fact values by name (`"subject": "pns"`).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for KnownFacts<'_> {
    fn schema_name() -> Cow<'static, str> {
        "KnownFacts".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <BTreeMap<String, Value<'static>>>::json_schema(generator)
    }
}

impl<'de, 'a> Deserialize<'de> for KnownFacts<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = BTreeMap::<String, Value<'a>>::deserialize(d)?;
        Ok(KnownFacts(map.into_iter().map(|(k, v)| (Cow::Owned(k), v)).collect()))
    }
}
