//! Every diagnostic code, in one place: its string, its severity, where a test triggers it and a
//! one-line doc. docs/diagnostics.md has a row per code and a fixture exists for each; both are
//! enforced by `tests/diagnostics.rs`, so a new variant fails the tests until it is documented
//! and triggered.

use serde::{Serialize, Serializer};
use std::fmt;

use crate::diagnostic::Severity;

/// Where a code's fixture lives (what the coverage test looks in).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A rule file: an annotated case in `tests/syntax/` or `tests/check/`.
    RuleFile,
    /// An incident: an annotated case in `tests/inputs/incidents.txt`.
    Incident,
    /// Only the command line can produce it (a file or line too large to keep as a fixture, a
    /// line that is not UTF-8): `tests/cli.rs` triggers it.
    Cli,
    /// Only the JavaScript API can produce it: a test in `tests/browser/` triggers it.
    Page,
}

macro_rules! codes {
    ($($variant:ident $code:literal $severity:ident $place:ident $doc:literal;)*) => {
        /// A diagnostic's stable code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(#[doc = $doc] $variant,)*
        }

        impl Code {
            /// Every code, in the order of docs/diagnostics.md.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as users read it, e.g. `E-UNKNOWN-NAME`.
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// Error or warning.
            pub const fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// Where its fixture lives.
            pub const fn place(self) -> Place {
                match self { $(Code::$variant => Place::$place,)* }
            }

            /// What it means, in one line.
            pub const fn doc(self) -> &'static str {
                match self { $(Code::$variant => $doc,)* }
            }
        }
    };
}

codes! {
    // Rule files: errors.
    Parse "E-PARSE" Error RuleFile "The text does not follow the grammar; the message names what was expected.";
    Nesting "E-NESTING" Error RuleFile "Parentheses, `not` and `negated` nested deeper than 64 (together).";
    TooLarge "E-TOO-LARGE" Error Cli "A rule file over 8 MB.";
    Duplicate "E-DUPLICATE" Error RuleFile "A name declared twice, or a pattern with the name of a concept.";
    UnknownName "E-UNKNOWN-NAME" Error RuleFile "An unknown fact, value, concept, period, sanction or rule.";
    UnknownLaw "E-UNKNOWN-LAW" Error RuleFile "A citation of a law code that no `law` declares.";
    UnknownTopic "E-UNKNOWN-TOPIC" Error RuleFile "A rule's `topic` that no `topic` item declares.";
    Type "E-TYPE" Error RuleFile "A value or operator that does not fit the fact's type.";
    NoKind "E-NO-KIND" Error RuleFile "A rule that is neither `prohibition` nor `permission`.";
    NoCondition "E-NO-CONDITION" Error RuleFile "A rule without `when`.";
    NoBasis "E-NO-BASIS" Error RuleFile "A rule that cites no legal basis.";
    NoSanction "E-NO-SANCTION" Error RuleFile "A prohibition without a sanction.";
    NoSeverity "E-NO-SEVERITY" Error RuleFile "A sanction without `severity N`.";
    NoQuestion "E-NO-QUESTION" Error RuleFile "An open fact without the question users are asked.";
    NoSubject "E-NO-SUBJECT" Error RuleFile "`applies to` without an enum fact named `subject`.";
    Clause "E-CLAUSE" Error RuleFile "A clause written twice in one rule.";
    EmptyNote "E-EMPTY-NOTE" Error RuleFile "A note or `uncertain` clause without text.";
    PeriodOrder "E-PERIOD-ORDER" Error RuleFile "A period that ends before it starts.";
    BadDate "E-BAD-DATE" Error RuleFile "Not a calendar date.";
    Cycle "E-CYCLE" Error RuleFile "A concept that includes itself, or a pattern that uses itself.";
    Arity "E-ARITY" Error RuleFile "A pattern with parameters used with the wrong number of arguments (or none), or arguments given to a name that takes none.";
    Expansion "E-EXPANSION" Error RuleFile "Patterns with parameters whose distinct arguments multiply past the limit.";
    Window "E-WINDOW" Error RuleFile "A `near`, `after` or `notafter` window that is not a whole number of words.";
    EmptyPhrase "E-EMPTY-PHRASE" Error RuleFile "A phrase with no words.";
    TooManyValues "E-TOO-MANY-VALUES" Error RuleFile "An enum with more than 64 values.";
    Example "E-EXAMPLE" Error RuleFile "An example whose verdict (or required rule) does not match.";
    NoRules "E-NO-RULES" Error RuleFile "A rulebook with no rule (it would call every act allowed).";
    // Incidents: errors.
    UnknownFact "E-UNKNOWN-FACT" Error Incident "A fact name the rulebook does not declare.";
    FactValue "E-FACT-VALUE" Error Incident "A value that does not fit the fact.";
    UnknownValue "E-UNKNOWN-VALUE" Error Incident "An answer to the acts question naming an act it does not ask about.";
    Input "E-INPUT" Error Incident "An incident that is not the contract's JSON.";
    TextTooLong "E-TEXT-TOO-LONG" Error Cli "A description over 1 MB, or a `classify --jsonl` line over 2 MB.";
    NotUtf8 "E-NOT-UTF8" Error Cli "A `classify --jsonl` line that is not UTF-8 text.";
    // The JavaScript API: errors.
    Editor "E-EDITOR" Error Page "The editor module could not be loaded.";
    Snapshot "E-SNAPSHOT" Error Page "A compiled rulebook of another format version, or damaged or cut short.";
    Internal "E-INTERNAL" Error Page "The engine trapped; it was rebuilt and the next call works.";
    Timeout "E-TIMEOUT" Error Page "The rule editor did not answer within the time given and was stopped.";
    Cancelled "E-CANCELLED" Error Page "A call to the rule editor was stopped by its signal.";
    // Rule files: warnings.
    UnusedFact "W-UNUSED-FACT" Warning RuleFile "A fact no condition reads.";
    UnusedConcept "W-UNUSED-CONCEPT" Warning RuleFile "A concept no pattern uses.";
    UnusedPattern "W-UNUSED-PATTERN" Warning RuleFile "A named pattern nothing uses.";
    NoExample "W-NO-EXAMPLE" Warning RuleFile "A rule without an example.";
    NeverMatches "W-NEVER-MATCHES" Warning RuleFile "No answers to its facts make the rule's condition true.";
    OverridesNothing "W-OVERRIDES-NOTHING" Warning RuleFile "A permission without `overrides`.";
    MixedAndOr "W-MIXED-AND-OR" Warning RuleFile "`and` and `or` at one level without parentheses.";
    DuplicatePhrase "W-DUPLICATE-PHRASE" Warning RuleFile "Two phrases of one concept or `or` list that read the same after normalising and stemming.";
    DuplicateInclude "W-DUPLICATE-INCLUDE" Warning RuleFile "A concept that includes the same concept twice.";
    NoTopic "W-NO-TOPIC" Warning RuleFile "A rule without `topic` in a rulebook that declares topics.";
    UncertainInNote "W-UNCERTAIN-IN-NOTE" Warning RuleFile "A note that says `UNCERTAIN`: the point belongs in an `uncertain` clause.";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Serialised as its string: the JSON contract says `"code": "E-UNKNOWN-NAME"`.
impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// In the JSON Schema of the contract (schema/diagnostic.json): one of the codes' strings.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Code {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Code".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        schemars::json_schema!({
            "type": "string",
            "enum": codes,
            "description": "A diagnostic's stable code (docs/diagnostics.md)."
        })
    }
}

/// `d.code == "E-PARSE"` reads as it did when codes were strings.
impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_named_by_severity() {
        let mut seen = std::collections::HashSet::new();
        for &c in Code::ALL {
            assert!(seen.insert(c.as_str()), "{c} twice");
            let prefix = if c.severity() == Severity::Error { "E-" } else { "W-" };
            assert!(c.as_str().starts_with(prefix), "{c}");
        }
    }
}
