//! The syntax tree of a rule file: what was written, with locations, before names are resolved.
//! Names and phrases borrow the rule file's text (`'a`): compiling reads thousands of them,
//! and only those the rulebook keeps are copied, once, when resolving.

use crate::diagnostic::Loc;
use crate::verdict::{RuleKind, VerdictKind};
use std::borrow::Cow;

/// A name as written, with its place.
#[derive(Debug, Clone, PartialEq)]
pub struct Name<'a> {
    /// The identifier.
    pub text: &'a str,
    /// Where it was written.
    pub loc: Loc,
}

pub use crate::rulebook::{CmpOp, Label};

/// A label as written: borrowed from the file unless it has escapes (resolving copies it into
/// the rulebook's `Label`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LabelText<'a> {
    /// Bahasa Indonesia.
    pub id: Cow<'a, str>,
    /// English, if given.
    pub en: Option<Cow<'a, str>>,
}

impl LabelText<'_> {
    /// The owned label the rulebook keeps.
    pub fn to_label(&self) -> Label {
        Label { id: self.id.to_string(), en: self.en.as_ref().map(|e| e.to_string()) }
    }
}

/// One top-level item.
#[derive(Debug, Clone, PartialEq)]
pub enum Item<'a> {
    /// `law CODE "short" "title"`.
    Law(Law<'a>),
    /// `enum Name { ... }`.
    Enum(EnumDecl<'a>),
    /// `fact` or `act`.
    Fact(FactDecl<'a>),
    /// `period`.
    Period(Period<'a>),
    /// `concept`.
    Concept(Concept<'a>),
    /// `pattern name = …`: a pattern with a name, used wherever a concept name may stand.
    Pattern(PatternDecl<'a>),
    /// `sanction`.
    Sanction(Sanction<'a>),
    /// `rule`.
    Rule(Rule<'a>),
    /// `ask name "question" when act unless … = act, …`.
    Ask(Ask<'a>),
    /// `topic name "label"`: a training topic that rules name.
    Topic(Topic<'a>),
}

/// A training topic (`topic medsos "Media sosial" en "Social media"`): what the Latihan tab files
/// a rule's cases under; it changes no verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct Topic<'a> {
    /// Name, as rules write it in their `topic` clause.
    pub name: Name<'a>,
    /// Label.
    pub label: LabelText<'a>,
}

/// The acts question: which acts stay open when an election-related text was not understood.
#[derive(Debug, Clone, PartialEq)]
pub struct Ask<'a> {
    /// The name its answer is given under in an incident's facts (`acts`).
    pub name: Name<'a>,
    /// The question.
    pub label: LabelText<'a>,
    /// The act that says the text speaks of an election.
    pub when: Name<'a>,
    /// Acts that account for such a text without being asked about (a refusal, someone else's act).
    pub unless: Vec<Name<'a>>,
    /// The acts asked about, in the order shown.
    pub acts: Vec<Name<'a>>,
}

/// A citable regulation.
#[derive(Debug, Clone, PartialEq)]
pub struct Law<'a> {
    /// Code, e.g. `UU7_2017`.
    pub name: Name<'a>,
    /// Short citation, e.g. `UU 7/2017`.
    pub short: Cow<'a, str>,
    /// Full title.
    pub title: Cow<'a, str>,
    /// `from DATE`: the day it took effect.
    pub from: Option<(&'a str, Loc)>,
    /// `until DATE`: the last day it was in force.
    pub until: Option<(&'a str, Loc)>,
    /// `replaced by CODE`: the law that replaced it (in force the day before that one's `from`).
    pub replaced_by: Option<Name<'a>>,
}

/// An enumeration of answers.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumDecl<'a> {
    /// Its name.
    pub name: Name<'a>,
    /// Values with their labels.
    pub variants: Vec<(Name<'a>, LabelText<'a>)>,
    /// Groups of values.
    pub groups: Vec<Group<'a>>,
}

/// `group asn "ASN" = pns | pppk`.
#[derive(Debug, Clone, PartialEq)]
pub struct Group<'a> {
    /// Group name.
    pub name: Name<'a>,
    /// Label.
    pub label: LabelText<'a>,
    /// Member values.
    pub members: Vec<Name<'a>>,
}

/// The type of a fact.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeRef<'a> {
    /// Yes or no.
    Bool,
    /// A calendar day.
    Date,
    /// A number.
    Number,
    /// A named enum.
    Enum(Name<'a>),
}

/// A fact (or an `act`, which is a closed bool fact).
#[derive(Debug, Clone, PartialEq)]
pub struct FactDecl<'a> {
    /// Name.
    pub name: Name<'a>,
    /// Type.
    pub ty: TypeRef<'a>,
    /// Open: silence means unknown. Closed: silence means no.
    pub open: bool,
    /// Question (open facts) or description (acts).
    pub label: Option<LabelText<'a>>,
    /// `VALUE <- PATTERN` lines.
    pub infers: Vec<Infer<'a>>,
    /// Written as `act`.
    pub is_act: bool,
}

/// `VALUE <- PATTERN`.
#[derive(Debug, Clone, PartialEq)]
pub struct Infer<'a> {
    /// The value the fact takes (a bool literal or an enum value / group name).
    pub value: Name<'a>,
    /// When this matches the text.
    pub pattern: Pattern<'a>,
}

/// An election phase.
#[derive(Debug, Clone, PartialEq)]
pub struct Period<'a> {
    /// Name.
    pub name: Name<'a>,
    /// Label.
    pub label: LabelText<'a>,
    /// First day, `YYYY-MM-DD`.
    pub start: (&'a str, Loc),
    /// Last day.
    pub end: (&'a str, Loc),
    /// Legal basis.
    pub basis: Vec<Citation<'a>>,
}

/// A phrase lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct Concept<'a> {
    /// Name.
    pub name: Name<'a>,
    /// Phrases and included concepts.
    pub items: Vec<ConceptItem<'a>>,
}

/// A named pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternDecl<'a> {
    /// Name.
    pub name: Name<'a>,
    /// Its parameters (`pattern stated_role(role) = …`), none for a plain named pattern.
    pub params: Vec<Name<'a>>,
    /// What it stands for.
    pub body: Pattern<'a>,
}

/// One alternative of a concept.
#[derive(Debug, Clone, PartialEq)]
pub enum ConceptItem<'a> {
    /// A phrase (escapes resolved).
    Phrase(Cow<'a, str>, Loc),
    /// Another concept.
    Ref(Name<'a>),
}

/// A rung of the sanction ladder.
#[derive(Debug, Clone, PartialEq)]
pub struct Sanction<'a> {
    /// Name.
    pub name: Name<'a>,
    /// Label.
    pub label: LabelText<'a>,
    /// Higher is stronger.
    pub severity: Option<(f64, Loc)>,
    /// Maximum prison or custody, in months.
    pub prison_months: Option<f64>,
    /// Maximum fine in rupiah.
    pub fine: Option<f64>,
    /// Legal basis.
    pub basis: Vec<Citation<'a>>,
    /// Note.
    pub note: Option<LabelText<'a>>,
    /// `uncertain` clauses: points the digest does not settle (kept in the file for legal
    /// officers, like the note; the rules that use the sanction say what a verdict shows).
    pub uncertain: Vec<(LabelText<'a>, Loc)>,
}

/// `LAW "article"`.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation<'a> {
    /// The law code.
    pub law: Name<'a>,
    /// Article text, e.g. `Pasal 280 ayat (3)`.
    pub article: Cow<'a, str>,
}

/// A prohibition or permission.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule<'a> {
    /// Id.
    pub name: Name<'a>,
    /// Title.
    pub label: LabelText<'a>,
    /// The whole item.
    pub loc: Loc,
    /// Prohibition or permission, where written.
    pub kind: Vec<(RuleKind, Loc)>,
    /// `applies to` names.
    pub applies: Vec<Name<'a>>,
    /// `topic` names: the training topics it belongs to.
    pub topics: Vec<Name<'a>>,
    /// Conditions (`when`); more than one is an error.
    pub when: Vec<Expr<'a>>,
    /// Exceptions (`unless`).
    pub unless: Vec<Expr<'a>>,
    /// Prohibitions this permission overrides.
    pub overrides: Vec<Name<'a>>,
    /// Sanctions.
    pub sanctions: Vec<Name<'a>>,
    /// Legal bases.
    pub basis: Vec<Citation<'a>>,
    /// Advice.
    pub advice: Vec<(LabelText<'a>, Loc)>,
    /// Note.
    pub note: Vec<(LabelText<'a>, Loc)>,
    /// `uncertain` clauses, in order: points the legal digest does not settle.
    pub uncertain: Vec<(LabelText<'a>, Loc)>,
    /// Examples.
    pub examples: Vec<Example<'a>>,
}

/// `example "text" with f = v => verdict by rule`.
#[derive(Debug, Clone, PartialEq)]
pub struct Example<'a> {
    /// The incident text.
    pub text: Cow<'a, str>,
    /// Where the example is.
    pub loc: Loc,
    /// Facts given with it.
    pub facts: Vec<(Name<'a>, Value<'a>)>,
    /// Expected verdict.
    pub verdict: VerdictKind,
    /// Rule that must match, if not the enclosing one.
    pub by: Option<Name<'a>>,
}

/// A literal value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// `2024-02-14`.
    Date(&'a str, Loc),
    /// `12`.
    Number(f64, Loc),
    /// `true`.
    Bool(bool, Loc),
    /// An enum value or group.
    Name(Name<'a>),
}

impl Value<'_> {
    /// Where it was written.
    pub fn loc(&self) -> Loc {
        match self {
            Value::Date(_, l) | Value::Number(_, l) | Value::Bool(_, l) => *l,
            Value::Name(n) => n.loc,
        }
    }
}

/// A condition over facts.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr<'a> {
    /// All of.
    And(Vec<Expr<'a>>),
    /// Any of.
    Or(Vec<Expr<'a>>),
    /// Not.
    Not(Box<Expr<'a>>),
    /// A bool fact.
    Fact(Name<'a>),
    /// `fact in [a, b]`.
    InList(Name<'a>, Vec<Name<'a>>),
    /// `fact in group` or `date in period`.
    InNamed(Name<'a>, Name<'a>),
    /// `fact OP value`.
    Cmp(Name<'a>, CmpOp, Value<'a>),
    /// `true` / `false`.
    Const(bool, Loc),
}

/// A text pattern.
#[derive(Debug, Clone, PartialEq)]
pub enum Pattern<'a> {
    /// Any of.
    Or(Vec<Pattern<'a>>),
    /// All of.
    And(Vec<Pattern<'a>>),
    /// `a near b after/2 c …`: operands joined left to right by `near`, `after` and
    /// `notafter`, read as `(a near b) after/2 c`. Kept as a list: a chain of 100,000 links is
    /// one list, not 100,000 nested boxes to walk (and drop) one inside the other.
    Chain(Box<Pattern<'a>>, Vec<Link<'a>>),
    /// Does not occur.
    Not(Box<Pattern<'a>>),
    /// Occurs inside a negation.
    Negated(Box<Pattern<'a>>),
    /// An inline phrase (escapes resolved).
    Phrase(Cow<'a, str>, Loc),
    /// A concept by name (or a named pattern, or a parameter of the pattern being declared).
    Concept(Name<'a>),
    /// `stated_role(pns_role)`: a pattern with parameters and its arguments, each a
    /// `Concept` (a name) or a `Phrase`.
    Call(Name<'a>, Vec<Pattern<'a>>),
}

/// One link of a chain: its operator, its window as written, and the operand on its right.
#[derive(Debug, Clone, PartialEq)]
pub struct Link<'a> {
    /// `near`, `after` or `notafter`.
    pub op: LinkOp,
    /// The window as written (`near/5`) and where, if one is.
    pub window: Option<(f64, Loc)>,
    /// The pattern on the right.
    pub operand: Pattern<'a>,
}

/// The operator of a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkOp {
    /// Both occur within the window, in one sentence.
    Near,
    /// `a after/N b`: the occurrences of `a` that an occurrence of `b` precedes within `N`
    /// words, in the same sentence.
    After,
    /// `a notafter/N b`: the occurrences of `a` that no occurrence of `b` so precedes.
    NotAfter,
}
