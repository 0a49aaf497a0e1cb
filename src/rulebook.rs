//! The compiled rulebook: names resolved to indices, conditions and patterns as small trees,
//! phrases indexed for one pass over the text. Built by `check::compile`, read by `eval`.

use crate::verdict::{Lang, RuleKind, VerdictKind};
use crate::words::{WordHasher, WordIds};
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// Index of a fact in `Rulebook::facts`.
pub type FactId = u16;

/// A rulebook ready to classify incidents.
#[derive(Debug, Clone)]
pub struct Rulebook {
    pub(crate) laws: Vec<LawIr>,
    pub(crate) enums: Vec<EnumIr>,
    pub(crate) facts: Vec<FactIr>,
    /// Fact name → index (looked up for every fact an incident gives).
    pub(crate) fact_index: HashMap<String, FactId, BuildHasherDefault<WordHasher>>,
    pub(crate) periods: Vec<PeriodIr>,
    pub(crate) sanctions: Vec<SanctionIr>,
    pub(crate) rules: Vec<RuleIr>,
    pub(crate) lexicon: Lexicon,
    pub(crate) concept_names: Vec<String>,
    /// The acts question, if the rulebook has one.
    pub(crate) ask: Option<AskIr>,
    /// The pattern graph: every pattern of every act and inference, parts before wholes
    /// (`Pat`); an inference names its pattern's node.
    pub(crate) pats: Vec<Pat>,
    /// What the evaluator derives from the rules (gates, what silence says), on first use.
    pub(crate) plan: std::sync::OnceLock<crate::eval::plan::Plan>,
}

/// Indonesian text with an optional English translation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Label {
    /// Bahasa Indonesia.
    pub id: String,
    /// English, if given.
    pub en: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct LawIr {
    pub code: String,
    pub short: String,
    pub title: String,
    /// The first day in force (days since 1970-01-01), when the rule files say.
    pub from: Option<i32>,
    /// The last day in force: `until`, or the day before the `from` of the law that replaced it.
    pub until: Option<i32>,
}

impl LawIr {
    /// Whether it was in force on `day` (a law without dates always is).
    pub fn in_force(&self, day: i32) -> bool {
        self.from.is_none_or(|f| f <= day) && self.until.is_none_or(|u| day <= u)
    }
}

#[derive(Debug, Clone)]
pub(crate) struct EnumIr {
    pub name: String,
    pub values: Vec<(String, Label)>,
    pub groups: Vec<(String, Label, u64)>,
}

impl EnumIr {
    /// Bit mask of every value.
    pub fn all(&self) -> u64 {
        if self.values.len() >= 64 {
            u64::MAX
        } else {
            (1u64 << self.values.len()) - 1
        }
    }
    /// Mask of a value or group name.
    pub fn mask_of(&self, name: &str) -> Option<u64> {
        if let Some(i) = self.values.iter().position(|(v, _)| v == name) {
            return Some(1 << i);
        }
        self.groups.iter().find(|(g, _, _)| g == name).map(|(_, _, m)| *m)
    }
    /// The name of a mask: a value, a group with exactly these members, or `a|b`.
    pub fn name_of(&self, mask: u64) -> Cow<'_, str> {
        if mask.count_ones() == 1 {
            return Cow::Borrowed(&self.values[mask.trailing_zeros() as usize].0);
        }
        if let Some((g, _, _)) = self.groups.iter().find(|(_, _, m)| *m == mask) {
            return Cow::Borrowed(g);
        }
        Cow::Owned(self.members(mask).map(|i| self.values[i].0.as_str()).collect::<Vec<_>>().join("|"))
    }
    /// Label of a mask in a language.
    pub fn label_of(&self, mask: u64, lang: Lang) -> Cow<'_, str> {
        if mask.count_ones() == 1 {
            return Cow::Borrowed(text(&self.values[mask.trailing_zeros() as usize].1, lang));
        }
        if let Some((_, l, _)) = self.groups.iter().find(|(_, _, m)| *m == mask) {
            return Cow::Borrowed(text(l, lang));
        }
        Cow::Owned(self.members(mask).map(|i| text(&self.values[i].1, lang)).collect::<Vec<_>>().join(" / "))
    }
    /// Indices of the values in a mask.
    pub fn members(&self, mask: u64) -> impl Iterator<Item = usize> + '_ {
        (0..self.values.len()).filter(move |i| mask & (1 << i) != 0)
    }
}

/// The type of a fact after resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FactType {
    Bool,
    Date,
    Number,
    Enum(u16),
}

#[derive(Debug, Clone)]
pub(crate) struct FactIr {
    pub name: String,
    pub ty: FactType,
    pub open: bool,
    pub label: Option<Label>,
    pub infers: Vec<(InferValue, PatId)>,
}

/// The acts question (`ask` in a rule file): when the `when` act holds and neither an act of
/// `acts` nor one of `unless` does, the text spoke of an election without a recognised act, so
/// silence about `acts` is not "no": they are open, and the question lists them.
#[derive(Debug, Clone)]
pub(crate) struct AskIr {
    /// The name the answer goes under in an incident's facts.
    pub name: String,
    pub label: Label,
    pub when: FactId,
    pub unless: Vec<FactId>,
    pub acts: Vec<FactId>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum InferValue {
    Bool(bool),
    Set(u64),
}

#[derive(Debug, Clone)]
pub(crate) struct PeriodIr {
    pub label: Label,
    pub start: i32,
    pub end: i32,
}

#[derive(Debug, Clone)]
pub(crate) struct SanctionIr {
    pub name: String,
    pub label: Label,
    pub severity: u32,
}

#[derive(Debug, Clone)]
pub(crate) struct RuleIr {
    pub id: String,
    pub kind: RuleKind,
    pub title: Label,
    /// `applies to` and `when` together.
    pub cond: Cond,
    pub unless: Option<Cond>,
    /// Permissions that override this prohibition.
    pub excused_by: Vec<u32>,
    /// Sanction indices, strongest first.
    pub sanctions: Vec<u32>,
    /// Canonical citations.
    pub basis: Vec<String>,
    /// The law (index in `Rulebook::laws`) of each citation of `basis`.
    pub basis_laws: Vec<u32>,
    pub advice: Option<Label>,
    pub note: Option<Label>,
    /// Points the legal digest does not settle (`uncertain` clauses), in order.
    pub uncertain: Vec<Label>,
    pub examples: Vec<ExampleIr>,
    /// Highest sanction severity (0 for permissions): the weight of this rule in questions.
    pub weight: u32,
}

/// An example written in a rule, ready to run.
#[derive(Debug, Clone)]
pub struct ExampleIr {
    /// The incident text.
    pub text: String,
    /// Facts given with it, as `(name, value)`.
    pub facts: Vec<(String, crate::verdict::FactInput)>,
    /// Expected verdict.
    pub verdict: VerdictKind,
    /// The rule that must be among the matched ones, if any.
    pub must_match: Option<String>,
    /// Where it is written.
    pub loc: crate::diagnostic::Loc,
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

impl CmpOp {
    /// The operator as written in a rule file (and shown in a verdict's "because").
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "=",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
}

/// A condition over facts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cond {
    And(Vec<Cond>),
    Or(Vec<Cond>),
    Not(Box<Cond>),
    Const(bool),
    /// A bool fact is true.
    IsTrue(FactId),
    /// An enum fact's value lies in the mask.
    InSet(FactId, u64),
    /// A date fact lies in `[start, end]`.
    DateIn(FactId, i32, i32, u16),
    /// A number or date fact compared with a constant.
    Cmp(FactId, CmpOp, f64),
}

/// Index of a node in `Rulebook::pats`.
pub(crate) type PatId = u32;

/// A text pattern: one node of the rulebook's pattern graph, whose parts are earlier nodes. A
/// named pattern is one node however many patterns use it (`pattern p2 = p1 near p1` reads
/// `p1` twice, not a copy of it twice), so the graph grows with the rule files, and evaluating
/// it once per text, in order, needs no recursion.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Pat {
    Or(Vec<PatId>),
    And(Vec<PatId>),
    Near([PatId; 2], u32),
    /// The occurrences of the first that the second precedes within the window (`false`), or
    /// that it does not precede (`true`); the evidence is the first's occurrences only.
    After([PatId; 2], u32, bool),
    Not(PatId),
    Negated(PatId),
    /// The occurrences of a concept's own phrases.
    Concept(u32),
    /// The occurrences of every part, in text order, each once: a concept that includes
    /// others is its own phrases' node and theirs (`concept b = a | "x"` reads `a`'s node),
    /// so a chain of concepts that include one another grows by a node per concept.
    Union(Vec<PatId>),
}

impl Pat {
    /// The nodes this one reads.
    pub fn parts(&self) -> &[PatId] {
        match self {
            Pat::Or(v) | Pat::And(v) | Pat::Union(v) => v,
            Pat::Near(ab, _) | Pat::After(ab, ..) => ab,
            Pat::Not(x) | Pat::Negated(x) => std::slice::from_ref(x),
            Pat::Concept(_) => &[],
        }
    }
}

/// True when every node reads only earlier nodes and every inference names a node: the graph
/// can then be evaluated in order (a snapshot is checked with this before it is used).
pub(crate) fn well_formed(pats: &[Pat], facts: &[FactIr]) -> bool {
    let parts_first = pats.iter().enumerate().all(|(i, p)| p.parts().iter().all(|&x| (x as usize) < i));
    parts_first && facts.iter().flat_map(|f| &f.infers).all(|&(_, p)| (p as usize) < pats.len())
}

/// Every phrase of every concept, its words numbered: compiling interns each word and stem
/// once, and the evaluator's phrase index (`eval::matcher::PhraseIndex`) adds only which
/// phrases start with which word. Flat arrays: a phrase owns no allocation.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lexicon {
    /// Every word and stem of every phrase.
    pub ids: WordIds,
    pub phrases: Vec<Phrase>,
    /// `(word id, stem id)` of every phrase word, phrase after phrase.
    pub words: Vec<(u32, u32)>,
}

/// How a phrase's words match, as written around its quotes: `"repost*"`, `"=camat"`.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PhraseForm {
    pub prefix: bool,
    pub exact: bool,
}

impl PhraseForm {
    /// The form a phrase is written in, and its words without the marks (read by the checker,
    /// which only the editor feature builds).
    #[cfg(feature = "editor")]
    pub fn of(phrase: &str) -> (PhraseForm, &str) {
        let exact = phrase.starts_with('=');
        let prefix = phrase.ends_with('*');
        (PhraseForm { prefix, exact }, phrase.trim_start_matches('=').trim_end_matches('*'))
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Phrase {
    /// Its range in `Lexicon::words`.
    pub words: (u32, u32),
    /// The concept that lists it (a concept that includes that one reads its pattern node:
    /// `Pat::Union`).
    pub concept: u32,
    /// The last word is a prefix (`melapor*`): it matches any word or stem that starts with it.
    pub prefix: bool,
    /// Written with a leading `=` (`"=camat"`): each word matches only the same word, never by
    /// its stem, so "camat" does not match "kecamatan" (whose stem is "camat").
    pub exact: bool,
}

impl Lexicon {
    /// Adds a phrase of one or more `(word, stem)` pairs. An exact phrase keeps each word as
    /// its own stem, so it is indexed and compared by its words alone.
    pub fn add<'w>(&mut self, words: impl Iterator<Item = (&'w str, &'w str)>, form: PhraseForm, concept: u32) {
        let from = self.words.len() as u32;
        for (word, stem) in words {
            let w = self.ids.intern(word);
            // Most words are their own stem.
            let s = if stem == word || form.exact { w } else { self.ids.intern(stem) };
            self.words.push((w, s));
        }
        let (prefix, exact) = (form.prefix, form.exact);
        self.phrases.push(Phrase { words: (from, self.words.len() as u32), concept, prefix, exact });
    }

    /// The `(word id, stem id)` pairs of a phrase.
    pub fn words_of(&self, p: &Phrase) -> &[(u32, u32)] {
        self.words.get(p.words.0 as usize..p.words.1 as usize).unwrap_or(&[])
    }
}

/// "Ya"/"Tidak" or "Yes"/"No": the answers to a yes/no question.
pub(crate) fn yes_no(lang: Lang) -> (&'static str, &'static str) {
    if lang == Lang::En {
        ("Yes", "No")
    } else {
        ("Ya", "Tidak")
    }
}

impl Rulebook {
    /// How a fact reads in an explanation: an act's own label; for an open yes/no fact its
    /// question with "Ya", so "Sedang cuti …? Ya" reads as an answer.
    pub(crate) fn fact_label(&self, f: usize, lang: Lang) -> Cow<'_, str> {
        let fact = &self.facts[f];
        match (&fact.label, fact.open, fact.ty) {
            (Some(l), true, FactType::Bool) => Cow::Owned(format!("{} {}", text(l, lang), yes_no(lang).0)),
            (Some(l), ..) => Cow::Borrowed(text(l, lang)),
            (None, ..) => Cow::Borrowed(&fact.name),
        }
    }
}

/// The text of a label in a language (English falls back to Indonesian).
pub(crate) fn text(l: &Label, lang: Lang) -> &str {
    match (lang, &l.en) {
        (Lang::En, Some(en)) => en,
        _ => &l.id,
    }
}
