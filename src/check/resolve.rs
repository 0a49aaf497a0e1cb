//! Name resolution and type checking: syntax tree → `Rulebook`, with an error for every unknown
//! name, type mismatch, duplicate, missing basis or sanction, and impossible period.

mod params;

use super::{duplicates, graph};
use crate::diagnostic::{suggest_counting, Code, Diagnostic, Loc};
use crate::rulebook::*;
use crate::syntax::ast::{self, ConceptItem, Expr, Item, LinkOp, Pattern, TypeRef, Value};
use crate::text;
use crate::verdict::{FactInput, RuleKind, VerdictKind};
use crate::words::WordHasher;
use params::{Atom, Env, Instance};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// Names to indices, hashed with the lexicon's word hasher: compiling looks up some six thousand
/// names, and SipHash cost more than the rest of each lookup.
type Names<'a, V> = HashMap<&'a str, V, BuildHasherDefault<WordHasher>>;

/// What "did you mean" hints may cost in all, in characters compared: past it, unknown names
/// are reported without one. (Without a bound, a file of 20,000 unknown names among 20,000
/// declared ones compares every pair.)
const HINT_BUDGET: usize = 4_000_000;

/// The window of `near`, `after` and `notafter` when none is written, in words.
const DEFAULT_WINDOW: u32 = 8;
/// The widest window that can be written: no description has that many words (descriptions
/// are at most 1 MB).
const MAX_WINDOW: u32 = 1_000_000;

/// What the linter needs to know besides the rulebook.
#[derive(Debug, Default)]
pub(crate) struct Usage {
    /// Facts read by some condition.
    pub facts_used: Vec<bool>,
    /// Concepts read by some pattern.
    pub concepts_used: Vec<bool>,
    /// Named patterns used by some pattern, with where each was declared.
    pub patterns_used: Vec<bool>,
    pub pattern_locs: Vec<(Loc, String)>,
    /// Where each fact, concept and rule was declared.
    pub fact_locs: Vec<Loc>,
    pub concept_locs: Vec<Loc>,
    pub rule_locs: Vec<Loc>,
    /// Permissions: the `overrides` clause location (or the rule's) when it names nothing.
    pub overrides_nothing: Vec<(usize, Loc)>,
    /// Warnings found on the way (mixed `and`/`or`, duplicate phrases and includes), reported
    /// by `check` only.
    pub warnings: Vec<Diagnostic>,
}

struct Decls<'a> {
    laws: Names<'a, usize>,
    /// The law items in declaration order (the values of `laws` index it).
    law_items: Vec<&'a ast::Law<'a>>,
    enums: Names<'a, usize>,
    facts: Names<'a, usize>,
    periods: Names<'a, usize>,
    concepts: Names<'a, usize>,
    /// Named patterns (the values index `pattern_items`).
    patterns: Names<'a, usize>,
    pattern_items: Vec<&'a ast::PatternDecl<'a>>,
    sanctions: Names<'a, usize>,
    rules: Names<'a, usize>,
    topics: Names<'a, usize>,
}

pub(crate) struct Resolver<'a> {
    items: &'a [Item<'a>],
    d: Decls<'a>,
    pub diags: Vec<Diagnostic>,
    book: Rulebook,
    usage: Usage,
    /// Anonymous concepts made from phrases written inside patterns.
    inline: Names<'a, u32>,
    /// What the phrase of each anonymous concept matches (`duplicates::key`).
    inline_keys: HashMap<u32, duplicates::Key>,
    /// The pattern-graph node of each concept (one per concept).
    concept_nodes: Vec<Option<PatId>>,
    /// The node of each named pattern, once compiled (`named_patterns`).
    named: Vec<Option<PatId>>,
    /// Per named pattern, its cycle (`graph::components`): a use inside its own cycle is an error.
    pattern_cycles: Vec<u32>,
    /// The instances of patterns with parameters (`params`), each distinct one once.
    instances: Vec<Instance<'a>>,
    instance_ids: HashMap<(usize, Vec<Atom<'a>>), usize, BuildHasherDefault<WordHasher>>,
    /// The node of each instance, once compiled.
    instance_nodes: Vec<Option<PatId>>,
    /// Per named pattern, how many parts its body has.
    pattern_sizes: Vec<usize>,
    /// Parts the instances add so far, the most they may add, and whether E-EXPANSION was said.
    expanded: usize,
    expansion_budget: usize,
    expansion_reported: bool,
    /// Per enum, its values and groups by name (looked up for every `applies to`, `in` and
    /// inferred value; a list would be searched once per use and per group declared).
    enum_values: Vec<Names<'a, u64>>,
    /// What "did you mean" hints have cost so far (`HINT_BUDGET`).
    hint_work: usize,
    /// Reads the lexicon's phrases, reusing its buffers from one phrase to the next.
    analyser: text::Analyser,
}

/// Resolves a whole rulebook. Returns it only when there is no error.
pub(crate) fn resolve<'a>(items: &'a [Item<'a>]) -> (Option<Rulebook>, Usage, Vec<Diagnostic>) {
    let mut r = Resolver {
        items,
        d: Decls {
            laws: Names::default(),
            law_items: vec![],
            enums: Names::default(),
            facts: Names::default(),
            periods: Names::default(),
            concepts: Names::default(),
            patterns: Names::default(),
            pattern_items: vec![],
            sanctions: Names::default(),
            rules: Names::default(),
            topics: Names::default(),
        },
        diags: vec![],
        book: Rulebook {
            laws: vec![],
            enums: vec![],
            facts: vec![],
            fact_index: HashMap::default(),
            periods: vec![],
            sanctions: vec![],
            topics: vec![],
            rules: vec![],
            lexicon: Lexicon::default(),
            concept_names: vec![],
            ask: None,
            pats: vec![],
            plan: Default::default(),
        },
        usage: Usage::default(),
        inline: Names::default(),
        inline_keys: HashMap::new(),
        concept_nodes: vec![],
        named: vec![],
        pattern_cycles: vec![],
        instances: vec![],
        instance_ids: HashMap::default(),
        instance_nodes: vec![],
        pattern_sizes: vec![],
        expanded: 0,
        expansion_budget: 0,
        expansion_reported: false,
        enum_values: vec![],
        hint_work: 0,
        analyser: text::Analyser::default(),
    };
    r.declare();
    r.enums();
    r.concepts();
    r.named_patterns();
    r.laws_periods_sanctions();
    r.replacements();
    r.facts();
    r.rules();
    r.ask();
    r.pattern_names();
    // Laws with a period of force read the fact `date` (which citations a verdict keeps).
    if r.book.laws.iter().any(|l| l.from.is_some() || l.until.is_some()) {
        if let Some(used) = r.book.fact_index.get("date").and_then(|&f| r.usage.facts_used.get_mut(f as usize)) {
            *used = true;
        }
    }
    let ok = !r.diags.iter().any(|d| d.is_error());
    (ok.then_some(r.book), r.usage, r.diags)
}

/// "UU 7/2017 Pasal 280": the law's short citation and the article, trimmed (one allocation;
/// compiling renders some five hundred of them).
fn citation_text(short: &str, article: &str) -> String {
    let mut s = String::with_capacity(short.len() + 1 + article.len());
    s.push_str(short);
    s.push(' ');
    s.push_str(article);
    match s.trim() {
        t if t.len() == s.len() => s,
        t => t.to_string(),
    }
}

fn declare_in<'a>(
    table: &mut Names<'a, usize>,
    name: &ast::Name<'a>,
    index: usize,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) {
    if table.insert(name.text, index).is_some() {
        diags.push(
            Diagnostic::new(Code::Duplicate, name.loc, format!("{what} `{}` is declared twice", name.text))
                .with_hint("rename one of them; names are shared by all files of a rulebook"),
        );
    }
}

impl<'a> Resolver<'a> {
    fn declare(&mut self) {
        let (mut n_law, mut n_enum, mut n_fact, mut n_period, mut n_concept, mut n_sanction, mut n_rule) =
            (0, 0, 0, 0, 0, 0, 0);
        for item in self.items {
            let diags = &mut self.diags;
            match item {
                Item::Law(l) => {
                    declare_in(&mut self.d.laws, &l.name, n_law, "law", diags);
                    self.d.law_items.push(l);
                    n_law += 1
                }
                Item::Enum(e) => {
                    declare_in(&mut self.d.enums, &e.name, n_enum, "enum", diags);
                    n_enum += 1
                }
                Item::Fact(f) => {
                    declare_in(&mut self.d.facts, &f.name, n_fact, "fact", diags);
                    n_fact += 1
                }
                Item::Period(p) => {
                    declare_in(&mut self.d.periods, &p.name, n_period, "period", diags);
                    n_period += 1
                }
                Item::Concept(c) => {
                    declare_in(&mut self.d.concepts, &c.name, n_concept, "concept", diags);
                    n_concept += 1
                }
                Item::Pattern(p) => {
                    declare_in(&mut self.d.patterns, &p.name, self.d.pattern_items.len(), "pattern", diags);
                    self.d.pattern_items.push(p);
                }
                Item::Sanction(s) => {
                    declare_in(&mut self.d.sanctions, &s.name, n_sanction, "sanction", diags);
                    n_sanction += 1
                }
                Item::Rule(r) => {
                    declare_in(&mut self.d.rules, &r.name, n_rule, "rule", diags);
                    n_rule += 1
                }
                Item::Topic(t) => {
                    declare_in(&mut self.d.topics, &t.name, self.book.topics.len(), "topic", diags);
                    self.book.topics.push(TopicIr { name: t.name.text.to_string(), label: t.label.to_label() });
                }
                Item::Ask(_) => {}
            }
        }
        self.usage.patterns_used = vec![false; self.d.pattern_items.len()];
    }

    fn unknown(&mut self, what: &str, name: &ast::Name, candidates: Vec<&str>) {
        let d = Diagnostic::new(Code::UnknownName, name.loc, format!("unknown {what} `{}`", name.text));
        let d = self.with_suggestion(d, name.text, candidates);
        self.diags.push(d);
    }

    /// `d` with "did you mean" the closest of `candidates`, if one is close and hints have not
    /// spent `HINT_BUDGET`.
    fn with_suggestion(&mut self, d: Diagnostic, name: &str, candidates: Vec<&str>) -> Diagnostic {
        match suggest_counting(name, candidates, &mut self.hint_work) {
            Some(s) => d.with_hint(format!("did you mean `{s}`?")),
            None => d,
        }
    }

    /// The names a "did you mean" hint may offer (`names` lists them), or none once hints
    /// have spent `HINT_BUDGET`: listing them costs as much as the rulebook has names.
    fn hint_candidates(&self, names: impl FnOnce(&Self) -> Vec<&'a str>) -> Vec<&'a str> {
        if self.hint_work > HINT_BUDGET {
            vec![]
        } else {
            names(self)
        }
    }

    fn enums(&mut self) {
        for item in self.items {
            let Item::Enum(e) = item else { continue };
            if e.variants.len() > 64 {
                self.diags.push(Diagnostic::new(
                    Code::TooManyValues,
                    e.name.loc,
                    format!("enum `{}` has {} values; at most 64 are allowed", e.name.text, e.variants.len()),
                ));
            }
            let mut ir = EnumIr { name: e.name.text.to_string(), values: vec![], groups: vec![] };
            let mut by_name: Names<'a, u64> = Names::default();
            for (i, (v, label)) in e.variants.iter().take(64).enumerate() {
                if by_name.contains_key(v.text) {
                    self.diags.push(Diagnostic::new(
                        Code::Duplicate,
                        v.loc,
                        format!("value `{}` is declared twice in enum `{}`", v.text, e.name.text),
                    ));
                }
                by_name.entry(v.text).or_insert(1 << i);
                ir.values.push((v.text.to_string(), label.to_label()));
            }
            let values: Vec<&'a str> = e.variants.iter().take(64).map(|(v, _)| v.text).collect();
            for g in &e.groups {
                let mut mask = 0u64;
                for m in &g.members {
                    match by_name.get(m.text) {
                        Some(bits) => mask |= bits,
                        None => {
                            let d = Diagnostic::new(
                                Code::UnknownName,
                                m.loc,
                                format!("`{}` is not a value of enum `{}`", m.text, e.name.text),
                            );
                            let cands = self.hint_candidates(|_| values.clone());
                            let d = self.with_suggestion(d, m.text, cands);
                            self.diags.push(d);
                        }
                    }
                }
                if by_name.contains_key(g.name.text) {
                    self.diags.push(Diagnostic::new(
                        Code::Duplicate,
                        g.name.loc,
                        format!("`{}` is already a value or group of enum `{}`", g.name.text, e.name.text),
                    ));
                }
                by_name.entry(g.name.text).or_insert(mask);
                ir.groups.push((g.name.text.to_string(), g.label.to_label(), mask));
            }
            self.book.enums.push(ir);
            self.enum_values.push(by_name);
        }
    }

    fn concepts(&mut self) {
        let concepts: Vec<&ast::Concept> =
            self.items.iter().filter_map(|i| if let Item::Concept(c) = i { Some(c) } else { None }).collect();
        self.book.concept_names = concepts.iter().map(|c| c.name.text.to_string()).collect();
        self.usage.concept_locs = concepts.iter().map(|c| c.name.loc).collect();
        self.usage.concepts_used = vec![false; concepts.len()];
        let mut includes: Vec<Vec<u32>> = vec![vec![]; concepts.len()];
        for (i, c) in concepts.iter().enumerate() {
            for item in &c.items {
                if let ConceptItem::Ref(n) = item {
                    match self.d.concepts.get(n.text) {
                        Some(&j) => {
                            if includes[i].contains(&(j as u32)) {
                                self.usage.warnings.push(duplicates::include_twice(c.name.text, n.text, n.loc));
                            }
                            includes[i].push(j as u32);
                            self.usage.concepts_used[j] = true;
                        }
                        None => {
                            let names = self.hint_candidates(|r| r.d.concepts.keys().copied().collect());
                            self.unknown("concept", n, names)
                        }
                    }
                }
            }
        }
        let cycles = graph::components(&includes);
        let on_cycle = graph::on_cycle(&includes, &cycles);
        for (c, _) in concepts.iter().zip(&on_cycle).filter(|(_, &on)| on) {
            self.diags.push(Diagnostic::new(
                Code::Cycle,
                c.name.loc,
                format!("concept `{}` includes itself", c.name.text),
            ));
        }
        // A phrase counts for the concept that lists it; a concept that includes others
        // unites their nodes with its own (`Pat::Union`), included ones first.
        for (i, c) in concepts.iter().enumerate() {
            let mut seen = duplicates::Seen::default();
            let within = format!("concept `{}`", c.name.text);
            for item in &c.items {
                if let ConceptItem::Phrase(p, loc) = item {
                    if let Some(key) = self.add_phrase(p, *loc, i as u32) {
                        let w = seen.phrase(&self.book.lexicon, key, p, *loc, &within);
                        self.usage.warnings.extend(w);
                    }
                }
            }
        }
        self.concept_nodes = vec![None; concepts.len()];
        for i in graph::order(&cycles) {
            let own = self.node(Pat::Concept(i as u32));
            let others = includes[i].iter().filter(|&&j| cycles[j as usize] != cycles[i]);
            let mut parts: Vec<PatId> = others.filter_map(|&j| self.concept_nodes[j as usize]).collect();
            let node = if parts.is_empty() {
                own
            } else {
                parts.insert(0, own);
                self.node(Pat::Union(parts))
            };
            self.concept_nodes[i] = Some(node);
        }
    }

    /// Adds a phrase to the lexicon; returns what it matches (`duplicates::key`), or `None` for
    /// a phrase without words (E-EMPTY-PHRASE).
    fn add_phrase(&mut self, phrase: &str, loc: Loc, concept: u32) -> Option<duplicates::Key> {
        let (form, words) = phrase_form(phrase);
        let a = self.analyser.analyse(words);
        if a.tokens().is_empty() {
            self.diags.push(Diagnostic::new(Code::EmptyPhrase, loc, "this phrase has no words"));
            return None;
        }
        let words = (0..a.tokens().len()).map(|i| (a.word(i), a.stem(i)));
        self.book.lexicon.add(words, form, concept);
        let lex = &self.book.lexicon;
        lex.phrases.last().map(|p| duplicates::key(lex, p))
    }

    fn laws_periods_sanctions(&mut self) {
        for item in self.items {
            match item {
                Item::Law(l) => {
                    let from = l.from.and_then(|(s, loc)| self.date(s, loc));
                    let until = l.until.and_then(|(s, loc)| self.date(s, loc));
                    if let (Some(f), Some(u), Some((to, loc))) = (from, until, l.until) {
                        if u < f {
                            let msg = format!("law `{}` is in force until {to}, before it takes effect", l.name.text);
                            self.diags
                                .push(Diagnostic::new(Code::PeriodOrder, loc, msg).with_hint("swap the two dates"));
                        }
                    }
                    let (code, short, title) = (l.name.text.to_string(), l.short.to_string(), l.title.to_string());
                    self.book.laws.push(LawIr { code, short, title, from, until });
                }
                Item::Period(p) => {
                    let start = self.date(p.start.0, p.start.1);
                    let end = self.date(p.end.0, p.end.1);
                    if let (Some(s), Some(e)) = (start, end) {
                        if e < s {
                            self.diags.push(
                                Diagnostic::new(
                                    Code::PeriodOrder,
                                    p.end.1,
                                    format!(
                                        "period `{}` ends ({}) before it starts ({})",
                                        p.name.text, p.end.0, p.start.0
                                    ),
                                )
                                .with_hint("swap the two dates"),
                            );
                        }
                    }
                    let basis = self.citations(&p.basis);
                    self.book.periods.push(PeriodIr {
                        label: p.label.to_label(),
                        start: start.unwrap_or(0),
                        end: end.unwrap_or(0),
                        basis,
                    });
                }
                Item::Sanction(s) => {
                    self.notes_say_something(&[], &s.uncertain);
                    let severity = match s.severity {
                        Some((v, loc)) if !(0.0..=1000.0).contains(&v) || v.fract() != 0.0 => {
                            self.diags.push(Diagnostic::new(
                                Code::Type,
                                loc,
                                "severity must be a whole number from 0 to 1000",
                            ));
                            0
                        }
                        Some((v, _)) => v as u32,
                        None => {
                            self.diags.push(
                                Diagnostic::new(
                                    Code::NoSeverity,
                                    s.name.loc,
                                    format!("sanction `{}` has no severity", s.name.text),
                                )
                                .with_hint("add `severity N` (higher is stronger)"),
                            );
                            0
                        }
                    };
                    self.citations(&s.basis);
                    self.book.sanctions.push(SanctionIr {
                        name: s.name.text.to_string(),
                        label: s.label.to_label(),
                        severity,
                    });
                }
                _ => {}
            }
        }
    }

    fn date(&mut self, s: &str, loc: Loc) -> Option<i32> {
        let d = text::parse_iso_date(s);
        if d.is_none() {
            self.diags.push(Diagnostic::new(Code::BadDate, loc, format!("`{s}` is not a calendar date")));
        }
        d
    }

    fn citations(&mut self, cs: &[ast::Citation]) -> Vec<String> {
        let mut out = vec![];
        for c in cs {
            match self.d.laws.get(c.law.text) {
                Some(&i) => {
                    let Some(l) = self.d.law_items.get(i) else { continue };
                    out.push(citation_text(&l.short, &c.article));
                }
                None => {
                    let d = Diagnostic::new(Code::UnknownLaw, c.law.loc, format!("unknown law code `{}`", c.law.text));
                    let cands = self.hint_candidates(|r| r.d.laws.keys().copied().collect());
                    let mut d = self.with_suggestion(d, c.law.text, cands);
                    if d.hint.is_none() {
                        d = d.with_hint("declare it with `law CODE \"short citation\" \"full title\"`");
                    }
                    self.diags.push(d);
                }
            }
        }
        out
    }

    /// The law of each citation `citations` keeps (the same ones, in the same order).
    fn citation_laws(&self, cs: &[ast::Citation]) -> Vec<u32> {
        let known = |c: &ast::Citation| self.d.laws.get(c.law.text).filter(|&&i| self.d.law_items.get(i).is_some());
        cs.iter().filter_map(known).map(|&i| i as u32).collect()
    }

    /// `replaced by CODE`: the replaced law is in force until the day before the other's `from`
    /// (unless its own `until` ends it earlier). After every law is read.
    fn replacements(&mut self) {
        for (i, l) in self.d.law_items.clone().into_iter().enumerate() {
            let Some(by) = &l.replaced_by else { continue };
            match self.d.laws.get(by.text) {
                Some(&j) => {
                    let next_from = self.book.laws.get(j).and_then(|n| n.from);
                    if let (Some(law), Some(f)) = (self.book.laws.get_mut(i), next_from) {
                        law.until = Some(law.until.map_or(f - 1, |u| u.min(f - 1)));
                    }
                }
                None => {
                    let d = Diagnostic::new(Code::UnknownLaw, by.loc, format!("unknown law code `{}`", by.text));
                    let cands = self.hint_candidates(|r| r.d.laws.keys().copied().collect());
                    let d = self.with_suggestion(d, by.text, cands);
                    self.diags.push(d);
                }
            }
        }
    }

    fn facts(&mut self) {
        for item in self.items {
            let Item::Fact(f) = item else { continue };
            let ty = match &f.ty {
                TypeRef::Bool => FactType::Bool,
                TypeRef::Date => FactType::Date,
                TypeRef::Number => FactType::Number,
                TypeRef::Enum(n) => match self.d.enums.get(n.text) {
                    Some(&i) => FactType::Enum(i as u16),
                    None => {
                        let names = self.hint_candidates(|r| r.d.enums.keys().copied().collect());
                        self.unknown("type", n, names);
                        FactType::Bool
                    }
                },
            };
            let id = self.book.facts.len() as FactId;
            self.book.fact_index.insert(f.name.text.to_string(), id);
            self.book.facts.push(FactIr {
                name: f.name.text.to_string(),
                ty,
                open: f.open,
                label: f.label.as_ref().map(ast::LabelText::to_label),
                infers: vec![],
            });
            self.usage.fact_locs.push(f.name.loc);
            if f.open && f.label.is_none() {
                self.diags.push(
                    Diagnostic::new(
                        Code::NoQuestion,
                        f.name.loc,
                        format!("open fact `{}` has no question", f.name.text),
                    )
                    .with_hint("add the question users are asked, e.g. \"Apakah …?\" en \"Are you …?\""),
                );
            }
            for inf in &f.infers {
                let value = match ty {
                    FactType::Bool => match inf.value.text {
                        "true" => Some(InferValue::Bool(true)),
                        "false" => Some(InferValue::Bool(false)),
                        _ => {
                            self.type_error(
                                inf.value.loc,
                                &format!("fact `{}` is yes/no; infer `true` or `false`", f.name.text),
                            );
                            None
                        }
                    },
                    FactType::Enum(e) => self.enum_mask(e, &inf.value).map(InferValue::Set),
                    _ => {
                        self.type_error(inf.value.loc, "only yes/no and enum facts can be read from text with `<-`");
                        None
                    }
                };
                let pat = self.pattern(&inf.pattern, None);
                if let Some(v) = value {
                    self.book.facts[id as usize].infers.push((v, pat));
                }
            }
        }
        self.usage.facts_used = vec![false; self.book.facts.len()];
    }

    /// The `ask` item: at most one; its names are acts; its answer's name is no fact's.
    fn ask(&mut self) {
        let mut seen = false;
        for item in self.items {
            let Item::Ask(a) = item else { continue };
            if std::mem::replace(&mut seen, true) {
                self.diags.push(
                    Diagnostic::new(Code::Duplicate, a.name.loc, "a rulebook has one `ask` item".to_string())
                        .with_hint("list every act the question may ask about in one `ask`"),
                );
                continue;
            }
            if self.book.fact_index.contains_key(a.name.text) {
                self.diags.push(
                    Diagnostic::new(Code::Duplicate, a.name.loc, format!("`{}` is already a fact", a.name.text))
                        .with_hint("the answer to `ask` is given under its own name; choose another"),
                );
            }
            let when = self.act(&a.when, false);
            let unless = a.unless.iter().filter_map(|n| self.act(n, true)).collect();
            let acts = a.acts.iter().filter_map(|n| self.act(n, false)).collect();
            if let Some(when) = when {
                self.book.ask =
                    Some(AskIr { name: a.name.text.to_string(), label: a.label.to_label(), when, unless, acts });
            }
        }
    }

    /// An act named in `ask`: a closed yes/no fact; in `unless`, any yes/no fact (official duty
    /// read from the text accounts for "ditugaskan mengamankan kampanye").
    fn act(&mut self, n: &ast::Name, open_too: bool) -> Option<FactId> {
        match self.book.fact_index.get(n.text).copied() {
            Some(f)
                if self.book.facts[f as usize].ty == FactType::Bool
                    && (open_too || !self.book.facts[f as usize].open) =>
            {
                self.usage.facts_used[f as usize] = true;
                Some(f)
            }
            Some(_) => {
                let what = if open_too { "a yes/no fact" } else { "an act (a closed yes/no fact)" };
                self.type_error(n.loc, &format!("`{}` is not {what}", n.text));
                None
            }
            None => {
                let names = self.hint_candidates(|r| {
                    r.items
                        .iter()
                        .filter_map(|i| match i {
                            Item::Fact(f) if !f.open => Some(f.name.text),
                            _ => None,
                        })
                        .collect()
                });
                self.unknown("act", n, names);
                None
            }
        }
    }

    /// W-DUPLICATE-PHRASE for the phrases of one `or` list (`"a" or "b" or c`) that match the
    /// same words.
    fn duplicate_alternatives(&mut self, alternatives: &'a [Pattern<'a>]) {
        let mut seen = duplicates::Seen::default();
        for x in alternatives {
            let Pattern::Phrase(s, loc) = x else { continue };
            let Some(key) = self.inline.get(s.as_ref()).and_then(|c| self.inline_keys.get(c)) else { continue };
            let w = seen.phrase(&self.book.lexicon, key.clone(), s, *loc, "this `or` list");
            self.usage.warnings.extend(w);
        }
    }

    fn type_error(&mut self, loc: Loc, msg: &str) {
        self.diags.push(Diagnostic::new(Code::Type, loc, msg.to_string()));
    }

    /// Compiles a pattern into the pattern graph and returns its node; `within` is the named
    /// pattern whose body it is, if any.
    fn pattern(&mut self, p: &'a Pattern<'a>, within: Option<usize>) -> PatId {
        self.pattern_in(p, within, None)
    }

    /// `pattern`, with the parameters of `env` standing for its arguments.
    fn pattern_in(&mut self, p: &'a Pattern<'a>, within: Option<usize>, env: Env<'a, '_>) -> PatId {
        let node = match p {
            Pattern::Or(v) => {
                let parts = v.iter().map(|x| self.pattern_in(x, within, env)).collect();
                self.duplicate_alternatives(v);
                Pat::Or(parts)
            }
            Pattern::And(v) => Pat::And(v.iter().map(|x| self.pattern_in(x, within, env)).collect()),
            Pattern::Chain(head, links) => return self.chain(head, links, within, env),
            Pattern::Not(a) => Pat::Not(self.pattern_in(a, within, env)),
            Pattern::Negated(a) => Pat::Negated(self.pattern_in(a, within, env)),
            Pattern::Call(f, args) => return self.call(f, args, env, within),
            Pattern::Concept(n) => match (self.d.concepts.get(n.text), self.d.patterns.get(n.text)) {
                _ if Self::param(env, n.text).is_some() || self.needs_arguments(n) => {
                    return self.bare_name(n, env).unwrap_or_else(|| self.node(Pat::Or(vec![])));
                }
                (Some(&i), _) => {
                    self.usage.concepts_used[i] = true;
                    return self.concept_node(i as u32);
                }
                (None, Some(&k)) => return self.named_ref(k, n, within),
                (None, None) => {
                    let names =
                        self.hint_candidates(|r| r.d.concepts.keys().chain(r.d.patterns.keys()).copied().collect());
                    self.unknown("concept or pattern", n, names);
                    Pat::Or(vec![])
                }
            },
            Pattern::Phrase(s, loc) => return self.phrase_node(s, *loc),
        };
        self.node(node)
    }

    /// The node of a phrase written in a pattern: an anonymous concept, one per phrase.
    fn phrase_node(&mut self, s: &'a str, loc: Loc) -> PatId {
        if let Some(&c) = self.inline.get(s) {
            return self.concept_node(c);
        }
        let c = self.book.concept_names.len() as u32;
        self.book.concept_names.push(format!("\"{s}\""));
        self.usage.concepts_used.push(true);
        self.usage.concept_locs.push(loc);
        self.inline.insert(s, c);
        if let Some(key) = self.add_phrase(s, loc, c) {
            self.inline_keys.insert(c, key);
        }
        self.concept_node(c)
    }

    /// `a near b after/2 c …`: a node per link, each reading the one before, built in a loop
    /// (a chain of 100,000 links is 100,000 nodes, not 100,000 nested calls).
    fn chain(
        &mut self,
        head: &'a Pattern<'a>,
        links: &'a [ast::Link<'a>],
        within: Option<usize>,
        env: Env<'a, '_>,
    ) -> PatId {
        let mut left = self.pattern_in(head, within, env);
        for link in links {
            let right = self.pattern_in(&link.operand, within, env);
            let window = match link.window {
                None => DEFAULT_WINDOW,
                Some((w, loc)) => self.window(link.op, w, loc),
            };
            let node = match link.op {
                LinkOp::Near => Pat::Near([left, right], window),
                LinkOp::After => Pat::After([left, right], window, false),
                LinkOp::NotAfter => Pat::After([left, right], window, true),
            };
            left = self.node(node);
        }
        left
    }

    /// A window as written, in words: a whole number from 0 to `MAX_WINDOW` (the grammar's
    /// numbers also read `near/-5` and `near/2.5`, which once passed silently as 0 and 2).
    fn window(&mut self, op: LinkOp, w: f64, loc: Loc) -> u32 {
        if (0.0..=MAX_WINDOW as f64).contains(&w) && w.fract() == 0.0 {
            return w as u32;
        }
        let word = match op {
            LinkOp::Near => "near",
            LinkOp::After => "after",
            LinkOp::NotAfter => "notafter",
        };
        let msg = format!("the window of `{word}` must be a whole number of words from 0 to {MAX_WINDOW}, not {w}");
        self.diags.push(
            Diagnostic::new(Code::Window, loc, msg)
                .with_hint(format!("`{word}/3` means within 3 words; `{word}` alone means within {DEFAULT_WINDOW}")),
        );
        DEFAULT_WINDOW
    }

    /// Adds a node to the pattern graph.
    fn node(&mut self, p: Pat) -> PatId {
        self.book.pats.push(p);
        (self.book.pats.len() - 1) as PatId
    }

    /// The node of concept `c`, made on its first use.
    fn concept_node(&mut self, c: u32) -> PatId {
        if let Some(&Some(id)) = self.concept_nodes.get(c as usize) {
            return id;
        }
        let id = self.node(Pat::Concept(c));
        if self.concept_nodes.len() <= c as usize {
            self.concept_nodes.resize(c as usize + 1, None);
        }
        self.concept_nodes[c as usize] = Some(id);
        id
    }

    /// Compiles every named pattern once, after the patterns it uses, so that a use of one is
    /// its node: `pattern p2 = p1 near p1` reads one node twice. (Expanding each use in place
    /// instead doubled the work with every such line.)
    ///
    /// A pattern with parameters is compiled once per distinct list of arguments (`params`),
    /// in the same order: its instances come after what their bodies and arguments read.
    fn named_patterns(&mut self) {
        let items = self.d.pattern_items.clone();
        self.parameters_once();
        let uses: Vec<Vec<u32>> = items
            .iter()
            .map(|p| {
                let mut out = vec![];
                self.uses(&p.body, &p.params, &mut out);
                out
            })
            .collect();
        self.pattern_cycles = graph::components(&uses);
        self.named = vec![None; items.len()];
        let order = self.instances_in_order();
        self.instance_nodes = vec![None; self.instances.len()];
        for node in order {
            match items.get(node) {
                Some(p) if p.params.is_empty() => {
                    let id = self.pattern(&p.body, Some(node));
                    self.named[node] = Some(id);
                }
                Some(_) => {}
                None => self.compile_instance(node - items.len()),
            }
        }
    }

    /// The named patterns that `p` uses, calls, or gives as an argument (a concept hides a
    /// pattern of the same name, and a parameter both).
    fn uses(&self, p: &Pattern, params: &[ast::Name], out: &mut Vec<u32>) {
        let named = |n: &ast::Name| {
            let hidden = params.iter().any(|q| q.text == n.text) || self.d.concepts.contains_key(n.text);
            if hidden {
                None
            } else {
                self.d.patterns.get(n.text).map(|&k| k as u32)
            }
        };
        match p {
            Pattern::Or(v) | Pattern::And(v) => v.iter().for_each(|x| self.uses(x, params, out)),
            Pattern::Chain(head, links) => {
                self.uses(head, params, out);
                links.iter().for_each(|l| self.uses(&l.operand, params, out));
            }
            Pattern::Not(a) | Pattern::Negated(a) => self.uses(a, params, out),
            Pattern::Concept(n) => out.extend(named(n)),
            Pattern::Call(f, args) => {
                out.extend(named(f));
                args.iter().for_each(|a| self.uses(a, params, out));
            }
            Pattern::Phrase(..) => {}
        }
    }

    /// A use of named pattern `k` (inside the body of named pattern `within`, if any): its
    /// node, or an error when `k` is on a cycle with `within` (`pattern loop = "x" near loop`).
    fn named_ref(&mut self, k: usize, used_as: &ast::Name, within: Option<usize>) -> PatId {
        if within != Some(k) {
            self.usage.patterns_used[k] = true;
        }
        let on_cycle = within.is_some_and(|w| self.pattern_cycles[w] == self.pattern_cycles[k]);
        match self.named[k] {
            Some(id) if !on_cycle => id,
            _ => {
                let msg = format!("pattern `{}` uses itself", used_as.text);
                self.diags.push(
                    Diagnostic::new(Code::Cycle, used_as.loc, msg)
                        .with_hint("a named pattern may use other patterns, but not itself"),
                );
                self.node(Pat::Or(vec![]))
            }
        }
    }

    /// A pattern may not share its name with a concept; and where each pattern is declared,
    /// for the linter.
    fn pattern_names(&mut self) {
        for p in &self.d.pattern_items {
            if self.d.concepts.contains_key(p.name.text) {
                let msg = format!("pattern `{}` has the name of a concept", p.name.text);
                self.diags.push(
                    Diagnostic::new(Code::Duplicate, p.name.loc, msg)
                        .with_hint("rename the pattern; patterns and concepts share one set of names"),
                );
            }
            self.usage.pattern_locs.push((p.name.loc, p.name.text.to_string()));
        }
    }

    fn fact_id(&mut self, n: &ast::Name) -> Option<(FactId, FactType)> {
        match self.book.fact_index.get(n.text) {
            Some(&id) => {
                self.usage.facts_used[id as usize] = true;
                Some((id, self.book.facts[id as usize].ty))
            }
            None => {
                let names = self.hint_candidates(|r| r.d.facts.keys().copied().collect());
                self.unknown("fact", n, names);
                None
            }
        }
    }

    fn enum_mask(&mut self, e: u16, n: &ast::Name) -> Option<u64> {
        let m = self.enum_values.get(e as usize).and_then(|by_name| by_name.get(n.text)).copied();
        if m.is_none() {
            let cands = self.hint_candidates(|r| {
                r.enum_values.get(e as usize).map_or(vec![], |by_name| by_name.keys().copied().collect())
            });
            let what = format!("value of `{}`", self.book.enums[e as usize].name);
            self.unknown(&what, n, cands);
        }
        m
    }

    fn cond(&mut self, e: &Expr) -> Cond {
        match e {
            Expr::And(v) => Cond::And(v.iter().map(|x| self.cond(x)).collect()),
            Expr::Or(v) => Cond::Or(v.iter().map(|x| self.cond(x)).collect()),
            Expr::Not(x) => Cond::Not(Box::new(self.cond(x))),
            Expr::Const(b, _) => Cond::Const(*b),
            Expr::Fact(n) => match self.fact_id(n) {
                Some((id, FactType::Bool)) => Cond::IsTrue(id),
                Some(_) => {
                    self.type_error(
                        n.loc,
                        &format!(
                            "fact `{}` is not yes/no; compare it, e.g. `{} = …` or `{} in …`",
                            n.text, n.text, n.text
                        ),
                    );
                    Cond::Const(false)
                }
                None => Cond::Const(false),
            },
            Expr::InList(f, vals) => match self.fact_id(f) {
                Some((id, FactType::Enum(en))) => {
                    let mask = vals.iter().filter_map(|v| self.enum_mask(en, v)).fold(0, |a, b| a | b);
                    Cond::InSet(id, mask)
                }
                Some(_) => {
                    self.type_error(f.loc, &format!("`in [..]` needs an enum fact; `{}` is not one", f.text));
                    Cond::Const(false)
                }
                None => Cond::Const(false),
            },
            Expr::InNamed(f, target) => match self.fact_id(f) {
                Some((id, FactType::Enum(en))) => {
                    self.enum_mask(en, target).map(|m| Cond::InSet(id, m)).unwrap_or(Cond::Const(false))
                }
                Some((id, FactType::Date)) => match self.d.periods.get(target.text) {
                    Some(&p) => {
                        let pr = &self.book.periods[p];
                        Cond::DateIn(id, pr.start, pr.end, p as u16)
                    }
                    None => {
                        let names = self.hint_candidates(|r| r.d.periods.keys().copied().collect());
                        self.unknown("period", target, names);
                        Cond::Const(false)
                    }
                },
                Some(_) => {
                    self.type_error(f.loc, &format!("`in` needs an enum or date fact; `{}` is neither", f.text));
                    Cond::Const(false)
                }
                None => Cond::Const(false),
            },
            Expr::Cmp(f, op, v) => self.comparison(f, *op, v),
        }
    }

    fn comparison(&mut self, f: &ast::Name, op: ast::CmpOp, v: &Value) -> Cond {
        use ast::CmpOp::*;
        let Some((id, ty)) = self.fact_id(f) else { return Cond::Const(false) };
        let eq_only = matches!(op, Eq | Ne);
        let wrap = |c: Cond| if op == Ne { Cond::Not(Box::new(c)) } else { c };
        match (ty, v) {
            (FactType::Enum(en), Value::Name(n)) if eq_only => {
                self.enum_mask(en, n).map(|m| wrap(Cond::InSet(id, m))).unwrap_or(Cond::Const(false))
            }
            (FactType::Bool, Value::Bool(b, _)) if eq_only => {
                let c = if *b { Cond::IsTrue(id) } else { Cond::Not(Box::new(Cond::IsTrue(id))) };
                wrap(c)
            }
            (FactType::Number, Value::Number(x, _)) => Cond::Cmp(id, op, *x),
            (FactType::Date, Value::Date(s, loc)) => match self.date(s, *loc) {
                Some(d) => Cond::Cmp(id, op, d as f64),
                None => Cond::Const(false),
            },
            _ => {
                let want = match ty {
                    FactType::Bool => "`true` or `false` (with = or !=)",
                    FactType::Date => "a date YYYY-MM-DD",
                    FactType::Number => "a number",
                    FactType::Enum(_) => "one of its values (with = or !=)",
                };
                self.type_error(v.loc(), &format!("fact `{}` must be compared with {want}", f.text));
                Cond::Const(false)
            }
        }
    }

    fn rules(&mut self) {
        let subject = self.book.fact_index.get("subject").copied();
        let rules: Vec<&ast::Rule> =
            self.items.iter().filter_map(|i| if let Item::Rule(r) = i { Some(r) } else { None }).collect();
        for r in &rules {
            let ir = self.rule(r, subject);
            self.usage.rule_locs.push(r.name.loc);
            self.book.rules.push(ir);
        }
        // Overrides: permission → prohibitions it excuses.
        for (pi, r) in rules.iter().enumerate() {
            if r.overrides.is_empty() && self.book.rules[pi].kind == RuleKind::Permission {
                self.usage.overrides_nothing.push((pi, r.name.loc));
            }
            for o in &r.overrides {
                match self.d.rules.get(o.text) {
                    Some(&target) if self.book.rules[target].kind == RuleKind::Prohibition => {
                        self.book.rules[target].excused_by.push(pi as u32)
                    }
                    Some(_) => self.type_error(
                        o.loc,
                        &format!("`{}` is not a prohibition; a permission can only override prohibitions", o.text),
                    ),
                    None => {
                        let names = self.hint_candidates(|r| r.d.rules.keys().copied().collect());
                        self.unknown("rule", o, names)
                    }
                }
            }
        }
    }

    fn rule(&mut self, r: &ast::Rule, subject: Option<FactId>) -> RuleIr {
        let kind = match r.kind.as_slice() {
            [(k, _)] => *k,
            [] => {
                self.diags.push(
                    Diagnostic::new(
                        Code::NoKind,
                        r.name.loc,
                        format!("rule `{}` does not say whether it is a prohibition or a permission", r.name.text),
                    )
                    .with_hint("add `prohibition` or `permission` in its body"),
                );
                RuleKind::Prohibition
            }
            [(k, _), (_, loc), ..] => {
                self.clause_twice(*loc, "kind");
                *k
            }
        };
        for (what, n) in
            [("when", r.when.len()), ("unless", r.unless.len()), ("advice", r.advice.len()), ("note", r.note.len())]
        {
            if n > 1 {
                self.clause_twice(r.name.loc, what);
            }
        }
        let mut cond = match r.when.first() {
            Some(e) => self.cond(e),
            None => {
                self.diags.push(Diagnostic::new(
                    Code::NoCondition,
                    r.name.loc,
                    format!("rule `{}` has no `when` condition", r.name.text),
                ));
                Cond::Const(false)
            }
        };
        if !r.applies.is_empty() {
            match subject.map(|s| (s, self.book.facts[s as usize].ty)) {
                Some((s, FactType::Enum(en))) => {
                    self.usage.facts_used[s as usize] = true;
                    let mask = r.applies.iter().filter_map(|a| self.enum_mask(en, a)).fold(0, |a, b| a | b);
                    cond = Cond::And(vec![Cond::InSet(s, mask), cond]);
                }
                _ => self.diags.push(
                    Diagnostic::new(
                        Code::NoSubject,
                        r.applies[0].loc,
                        "`applies to` needs an enum fact named `subject`",
                    )
                    .with_hint("declare `fact subject: Subject open \"…\"`"),
                ),
            }
        }
        let unless = r.unless.first().map(|e| self.cond(e));
        let basis = self.citations(&r.basis);
        let basis_laws = self.citation_laws(&r.basis);
        let mut sanctions: Vec<u32> = vec![];
        for s in &r.sanctions {
            match self.d.sanctions.get(s.text) {
                Some(&i) => sanctions.push(i as u32),
                None => {
                    let names = self.hint_candidates(|r| r.d.sanctions.keys().copied().collect());
                    self.unknown("sanction", s, names)
                }
            }
        }
        sanctions.sort_by_key(|&i| std::cmp::Reverse(self.book.sanctions.get(i as usize).map_or(0, |s| s.severity)));
        if r.basis.is_empty() {
            self.diags.push(
                Diagnostic::new(Code::NoBasis, r.name.loc, format!("rule `{}` cites no legal basis", r.name.text))
                    .with_hint(
                        "add `basis LAW \"Pasal …\"`; never invent an article — mark doubt with `uncertain \"…\"`",
                    ),
            );
        }
        if kind == RuleKind::Prohibition && r.sanctions.is_empty() {
            self.diags.push(
                Diagnostic::new(Code::NoSanction, r.name.loc, format!("prohibition `{}` has no sanction", r.name.text))
                    .with_hint("add `sanction NAME` from the sanction ladder"),
            );
        }
        if kind == RuleKind::Prohibition && !r.overrides.is_empty() {
            self.type_error(
                r.overrides[0].loc,
                "only a permission can override other rules; use `unless` in a prohibition",
            );
        }
        self.notes_say_something(&r.note, &r.uncertain);
        let topics = self.topics(r);
        let examples = r.examples.iter().map(|ex| self.example(ex, kind, r.name.text)).collect();
        let weight = sanctions.first().map_or(0, |&i| self.book.sanctions[i as usize].severity.max(1));
        RuleIr {
            id: r.name.text.to_string(),
            kind,
            title: r.label.to_label(),
            cond,
            unless,
            excused_by: vec![],
            sanctions,
            basis,
            basis_laws,
            advice: r.advice.first().map(|(l, _)| l.to_label()),
            note: r.note.first().map(|(l, _)| l.to_label()),
            uncertain: r.uncertain.iter().map(|(l, _)| l.to_label()).collect(),
            topics,
            examples,
            weight,
        }
    }

    /// A rule's training topics: E-UNKNOWN-TOPIC for a name no `topic` declares; W-NO-TOPIC for a
    /// rule without any in a rulebook that declares topics (a rulebook without them is not
    /// filed for training, and need not say so rule by rule).
    fn topics(&mut self, r: &ast::Rule) -> Vec<u32> {
        if r.topics.is_empty() && !self.book.topics.is_empty() {
            self.usage.warnings.push(
                Diagnostic::new(Code::NoTopic, r.name.loc, format!("rule `{}` has no training topic", r.name.text))
                    .with_hint("add `topic NAME` with one of the declared topics"),
            );
        }
        let mut topics = vec![];
        for t in &r.topics {
            match self.d.topics.get(t.text) {
                Some(&i) => topics.push(i as u32),
                None => {
                    let names = self.hint_candidates(|r| r.d.topics.keys().copied().collect());
                    let d = Diagnostic::new(Code::UnknownTopic, t.loc, format!("unknown topic `{}`", t.text));
                    let d = self.with_suggestion(d, t.text, names);
                    let d = if self.book.topics.is_empty() {
                        d.with_hint(format!("declare it: `topic {} \"Label\" en \"Label\"`", t.text))
                    } else {
                        d
                    };
                    self.diags.push(d);
                }
            }
        }
        topics
    }

    /// E-EMPTY-NOTE for a `note` or `uncertain` clause (of a rule or a sanction) without text.
    fn notes_say_something(&mut self, notes: &[(ast::LabelText, Loc)], uncertain: &[(ast::LabelText, Loc)]) {
        let empty = |l: &ast::LabelText| l.id.trim().is_empty() || l.en.as_ref().is_some_and(|e| e.trim().is_empty());
        for (_, loc) in notes.iter().filter(|(l, _)| empty(l)) {
            self.diags.push(
                Diagnostic::new(Code::EmptyNote, *loc, "this note says nothing")
                    .with_hint("say what the reader should know, or remove the note"),
            );
        }
        // The old convention (`note "UNCERTAIN: …"`) would show as a plain note.
        let marked =
            |l: &ast::LabelText| l.id.contains("UNCERTAIN") || l.en.as_ref().is_some_and(|e| e.contains("UNCERTAIN"));
        for (_, loc) in notes.iter().filter(|(l, _)| marked(l)) {
            self.usage.warnings.push(
                Diagnostic::new(Code::UncertainInNote, *loc, "this note marks a point as UNCERTAIN in its text")
                    .with_hint(
                        "write the point as `uncertain \"…\" en \"…\"`: the page and the verdict show it as uncertain",
                    ),
            );
        }
        for (_, loc) in uncertain.iter().filter(|(l, _)| empty(l)) {
            self.diags.push(
                Diagnostic::new(Code::EmptyNote, *loc, "this `uncertain` clause says nothing")
                    .with_hint("say what is uncertain, e.g. `uncertain \"sources disagree on the level (U04)\"`"),
            );
        }
    }

    fn clause_twice(&mut self, loc: Loc, what: &str) {
        self.diags.push(
            Diagnostic::new(Code::Clause, loc, format!("`{what}` is written more than once in this rule"))
                .with_hint("combine them into one clause"),
        );
    }

    fn example(&mut self, ex: &ast::Example, kind: RuleKind, rule: &str) -> ExampleIr {
        let mut facts = vec![];
        for (n, v) in &ex.facts {
            let Some((_, ty)) = self.fact_id(n) else { continue };
            let input = match (ty, v) {
                (FactType::Bool, Value::Bool(b, _)) => FactInput::Bool(*b),
                (FactType::Number, Value::Number(x, _)) => FactInput::Number(*x),
                (FactType::Date, Value::Date(s, loc)) => {
                    self.date(s, *loc);
                    FactInput::Text(s.to_string())
                }
                (FactType::Enum(en), Value::Name(name)) => {
                    self.enum_mask(en, name);
                    FactInput::Text(name.text.to_string())
                }
                _ => {
                    self.type_error(v.loc(), &format!("this value does not fit fact `{}`", n.text));
                    continue;
                }
            };
            facts.push((n.text.to_string(), input));
        }
        let must_match = match &ex.by {
            Some(by) => {
                if !self.d.rules.contains_key(by.text) {
                    let names = self.hint_candidates(|r| r.d.rules.keys().copied().collect());
                    self.unknown("rule", by, names);
                }
                Some(by.text.to_string())
            }
            None => match (kind, ex.verdict) {
                (RuleKind::Prohibition, VerdictKind::Violation) | (RuleKind::Permission, VerdictKind::Allowed) => {
                    Some(rule.to_string())
                }
                _ => None,
            },
        };
        ExampleIr { text: ex.text.to_string(), facts, verdict: ex.verdict, must_match, loc: ex.loc }
    }
}

/// The form a phrase is written in (`"repost*"`, `"=camat"`), and its words without the marks.
fn phrase_form(phrase: &str) -> (PhraseForm, &str) {
    let exact = phrase.starts_with('=');
    let prefix = phrase.ends_with('*');
    (PhraseForm { prefix, exact }, phrase.trim_start_matches('=').trim_end_matches('*'))
}

#[cfg(test)]
mod tests {
    use crate::{Rulebook, Sources};

    fn compile(name: &str, text: &str) -> Rulebook {
        Rulebook::compile(&Sources::single(name, text)).unwrap_or_else(|d| panic!("{name}: {d:?}"))
    }

    /// `pattern p2 = p1 near p1` and so on: a named pattern is one node wherever it is used, so
    /// the graph grows by a node per line (expanded in place, it doubled with each line).
    #[test]
    fn a_named_pattern_is_one_node_wherever_it_is_used() {
        for (name, text) in [
            ("named_near_tree.rules", include_str!("../../tests/hostile/named_near_tree.rules")),
            ("named_and_tree.rules", include_str!("../../tests/hostile/named_and_tree.rules")),
        ] {
            let book = compile(name, text);
            let lines = text.lines().count();
            assert!(book.pats.len() <= lines, "{name}: {} nodes for {lines} lines", book.pats.len());
        }
    }

    /// `pattern q2(x, y) = q1(x, y) near q1(y, x)` and so on: each distinct list of arguments is
    /// compiled once, so the graph grows by a few nodes per line (written out in place, or
    /// compiled once per use, it doubled with each line).
    #[test]
    fn a_pattern_with_parameters_is_compiled_once_per_distinct_argument() {
        let text = include_str!("../../tests/hostile/param_near_tree.rules");
        let book = compile("param_near_tree.rules", text);
        let lines = text.lines().count();
        // Two instances (two orders of the arguments) of a body of three nodes per line.
        assert!(book.pats.len() <= 6 * lines, "{} nodes for {lines} lines", book.pats.len());
        assert!(crate::check::run_examples(&book).iter().all(|e| e.ok));
    }

    /// A use of a pattern with parameters means its body with the arguments written in: the
    /// same verdicts and evidence as the body written out.
    #[test]
    fn a_call_matches_as_its_body_written_out() {
        let head = "law L \"L\" \"L\"\nsanction s \"S\" { severity 1 }\nconcept role = \"pns\" | \"guru\"\nconcept me = \"saya\"\n";
        let rule = "rule r \"R\" { prohibition when x sanction s basis L \"1\" example \"saya pns\" => violation }\n";
        let called = compile(
            "called.rules",
            &format!("{head}pattern stated(r, who) = r notafter/1 \"bukan\" after/2 who\nact x \"X\" = stated(role, me) or stated(\"camat\", me)\n{rule}"),
        );
        let written = compile(
            "written.rules",
            &format!("{head}act x \"X\" = role notafter/1 \"bukan\" after/2 me or \"camat\" notafter/1 \"bukan\" after/2 me\n{rule}"),
        );
        for text in ["saya pns", "saya bukan pns", "pns saya", "kata saya camat dan saya guru", "camat"] {
            let verdict = |book: &Rulebook| {
                let inc = crate::Incident { text: text.into(), ..Default::default() };
                serde_json::to_string(&book.classify(&inc).unwrap()).unwrap()
            };
            assert_eq!(verdict(&called), verdict(&written), "{text}");
        }
    }

    /// `concept c1 = c0 | "w1"`, `concept c2 = c1 | "w2"` …: a phrase counts for the concept
    /// that lists it, and a concept reads the nodes of those it includes, so the rulebook grows
    /// by a node or two per concept (listing each phrase under every concept that includes it
    /// grew with the square of the chain).
    #[test]
    fn a_chain_of_included_concepts_grows_linearly() {
        let n = 10_000;
        let mut text = String::from("law L \"L\" \"L\"\nsanction s \"S\" { severity 1 }\nconcept c0 = \"a\"\n");
        for i in 1..=n {
            text.push_str(&format!("concept c{i} = c{} | \"w{i}\"\n", i - 1));
        }
        text.push_str(&format!("act x \"X\" = c{n}\nrule r \"R\" {{ prohibition when x sanction s basis L \"1\" example \"a\" => violation }}\n"));
        let book = compile("chain.rules", &text);
        assert!(book.pats.len() <= 2 * n + 2, "{} nodes", book.pats.len());
        assert_eq!(book.lexicon.phrases.len(), n + 1);
        assert!(crate::check::run_examples(&book).iter().all(|e| e.ok));
    }
}
