//! The syntax tree of a rule file: what was written, with locations, before names are resolved.

use crate::diagnostic::Loc;
use crate::verdict::{RuleKind, VerdictKind};

/// A name as written, with its place.
#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    /// The identifier.
    pub text: String,
    /// Where it was written.
    pub loc: Loc,
}

/// Indonesian text with an optional English translation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Label {
    /// Bahasa Indonesia.
    pub id: String,
    /// English, if given.
    pub en: Option<String>,
}

/// One top-level item.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// `law CODE "short" "title"`.
    Law(Law),
    /// `enum Name { ... }`.
    Enum(EnumDecl),
    /// `fact` or `act`.
    Fact(FactDecl),
    /// `period`.
    Period(Period),
    /// `concept`.
    Concept(Concept),
    /// `sanction`.
    Sanction(Sanction),
    /// `rule`.
    Rule(Rule),
}

/// A citable regulation.
#[derive(Debug, Clone, PartialEq)]
pub struct Law {
    /// Code, e.g. `UU7_2017`.
    pub name: Name,
    /// Short citation, e.g. `UU 7/2017`.
    pub short: String,
    /// Full title.
    pub title: String,
}

/// An enumeration of answers.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumDecl {
    /// Its name.
    pub name: Name,
    /// Values with their labels.
    pub variants: Vec<(Name, Label)>,
    /// Groups of values.
    pub groups: Vec<Group>,
}

/// `group asn "ASN" = pns | pppk`.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Group name.
    pub name: Name,
    /// Label.
    pub label: Label,
    /// Member values.
    pub members: Vec<Name>,
}

/// The type of a fact.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeRef {
    /// Yes or no.
    Bool,
    /// A calendar day.
    Date,
    /// A number.
    Number,
    /// A named enum.
    Enum(Name),
}

/// A fact (or an `act`, which is a closed bool fact).
#[derive(Debug, Clone, PartialEq)]
pub struct FactDecl {
    /// Name.
    pub name: Name,
    /// Type.
    pub ty: TypeRef,
    /// Open: silence means unknown. Closed: silence means no.
    pub open: bool,
    /// Question (open facts) or description (acts).
    pub label: Option<Label>,
    /// `VALUE <- PATTERN` lines.
    pub infers: Vec<Infer>,
    /// Written as `act`.
    pub is_act: bool,
}

/// `VALUE <- PATTERN`.
#[derive(Debug, Clone, PartialEq)]
pub struct Infer {
    /// The value the fact takes (a bool literal or an enum value / group name).
    pub value: Name,
    /// When this matches the text.
    pub pattern: Pattern,
}

/// An election phase.
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    /// Name.
    pub name: Name,
    /// Label.
    pub label: Label,
    /// First day, `YYYY-MM-DD`.
    pub start: (String, Loc),
    /// Last day.
    pub end: (String, Loc),
    /// Legal basis.
    pub basis: Vec<Citation>,
}

/// A phrase lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct Concept {
    /// Name.
    pub name: Name,
    /// Phrases and included concepts.
    pub items: Vec<ConceptItem>,
}

/// One alternative of a concept.
#[derive(Debug, Clone, PartialEq)]
pub enum ConceptItem {
    /// A phrase.
    Phrase(String, Loc),
    /// Another concept.
    Ref(Name),
}

/// A rung of the sanction ladder.
#[derive(Debug, Clone, PartialEq)]
pub struct Sanction {
    /// Name.
    pub name: Name,
    /// Label.
    pub label: Label,
    /// Higher is stronger.
    pub severity: Option<(f64, Loc)>,
    /// Maximum prison or custody, in months.
    pub prison_months: Option<f64>,
    /// Maximum fine in rupiah.
    pub fine: Option<f64>,
    /// Legal basis.
    pub basis: Vec<Citation>,
    /// Note.
    pub note: Option<Label>,
}

/// `LAW "article"`.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    /// The law code.
    pub law: Name,
    /// Article text, e.g. `Pasal 280 ayat (3)`.
    pub article: String,
}

/// A prohibition or permission.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Id.
    pub name: Name,
    /// Title.
    pub label: Label,
    /// The whole item.
    pub loc: Loc,
    /// Prohibition or permission, where written.
    pub kind: Vec<(RuleKind, Loc)>,
    /// `applies to` names.
    pub applies: Vec<Name>,
    /// Conditions (`when`); more than one is an error.
    pub when: Vec<Expr>,
    /// Exceptions (`unless`).
    pub unless: Vec<Expr>,
    /// Prohibitions this permission overrides.
    pub overrides: Vec<Name>,
    /// Sanctions.
    pub sanctions: Vec<Name>,
    /// Legal bases.
    pub basis: Vec<Citation>,
    /// Advice.
    pub advice: Vec<(Label, Loc)>,
    /// Uncertainty note.
    pub note: Vec<(Label, Loc)>,
    /// Examples.
    pub examples: Vec<Example>,
}

/// `example "text" with f = v => verdict by rule`.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// The incident text.
    pub text: String,
    /// Where the example is.
    pub loc: Loc,
    /// Facts given with it.
    pub facts: Vec<(Name, Value)>,
    /// Expected verdict.
    pub verdict: VerdictKind,
    /// Rule that must match, if not the enclosing one.
    pub by: Option<Name>,
}

/// A literal value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `2024-02-14`.
    Date(String, Loc),
    /// `12`.
    Number(f64, Loc),
    /// `true`.
    Bool(bool, Loc),
    /// An enum value or group.
    Name(Name),
}

impl Value {
    /// Where it was written.
    pub fn loc(&self) -> Loc {
        match self {
            Value::Date(_, l) | Value::Number(_, l) | Value::Bool(_, l) => *l,
            Value::Name(n) => n.loc,
        }
    }
}

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    /// `=`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

/// A condition over facts.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// All of.
    And(Vec<Expr>),
    /// Any of.
    Or(Vec<Expr>),
    /// Not.
    Not(Box<Expr>),
    /// A bool fact.
    Fact(Name),
    /// `fact in [a, b]`.
    InList(Name, Vec<Name>),
    /// `fact in group` or `date in period`.
    InNamed(Name, Name),
    /// `fact OP value`.
    Cmp(Name, CmpOp, Value),
    /// `true` / `false`.
    Const(bool, Loc),
}

/// A text pattern.
#[derive(Debug, Clone, PartialEq)]
pub enum Pattern {
    /// Any of.
    Or(Vec<Pattern>),
    /// All of.
    And(Vec<Pattern>),
    /// Both within `window` words.
    Near(Box<Pattern>, Box<Pattern>, u32),
    /// Does not occur.
    Not(Box<Pattern>),
    /// Occurs inside a negation.
    Negated(Box<Pattern>),
    /// An inline phrase.
    Phrase(String, Loc),
    /// A concept by name.
    Concept(Name),
}
