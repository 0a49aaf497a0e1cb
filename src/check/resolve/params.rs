//! Patterns with parameters: `pattern stated_role(role) = role notafter/2 relation_or_object
//! after/2 speaker`, used as `stated_role(pns_role)`. This module finds the instances a rulebook
//! needs and the order in which they and the named patterns are compiled.
//!
//! An instance is a pattern with parameters and one argument for each (`Atom`: a concept, a
//! pattern without parameters or a phrase). Each distinct instance is compiled once, as a named
//! pattern is: `stated_role(pns_role)` written twenty times is one set of nodes. Instances are
//! found before anything is compiled, from a work list rather than by recursion (a call inside a
//! body may need another instance, a chain of 100,000 of them), and compiled together with the
//! named patterns in an order that puts whatever a body reads first (`graph::order`).
//!
//! Distinct instances can still multiply: `p2(a, b) = p1(a, b) or p1(b, a)`, over eight
//! parameters and twenty lines, reaches every order of the arguments, 40,320 of them. So the
//! instances may add at most `EXPANSION_FACTOR` times the pattern parts written in the files (and
//! never less than `EXPANSION_FLOOR`); the call that would go past that is E-EXPANSION.

use super::{graph, Resolver};
use crate::diagnostic::{Code, Diagnostic, Loc};
use crate::rulebook::{Pat, PatId};
use crate::syntax::ast::{self, Item, Pattern};
use std::hash::{Hash, Hasher};

/// Instances may add this many pattern parts per part written in the rule files…
pub(super) const EXPANSION_FACTOR: usize = 16;
/// … and at least this many in all.
pub(super) const EXPANSION_FLOOR: usize = 20_000;

/// An argument: what a parameter stands for in one instance.
#[derive(Debug, Clone, Copy)]
pub(super) enum Atom<'a> {
    /// A concept (its index).
    Concept(usize),
    /// A named pattern without parameters (its index among the patterns).
    Pattern(usize),
    /// A phrase, and where it is first written (the place is not part of the argument).
    Phrase(&'a str, Loc),
    /// No argument: the parameters of a pattern nothing uses, compiled once so that its body is
    /// checked. Matches nothing.
    Nothing,
}

impl PartialEq for Atom<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Atom::Concept(a), Atom::Concept(b)) | (Atom::Pattern(a), Atom::Pattern(b)) => a == b,
            (Atom::Phrase(a, _), Atom::Phrase(b, _)) => a == b,
            (Atom::Nothing, Atom::Nothing) => true,
            _ => false,
        }
    }
}

impl Eq for Atom<'_> {}

impl Hash for Atom<'_> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        match self {
            Atom::Concept(i) => (0u8, *i).hash(h),
            Atom::Pattern(k) => (1u8, *k).hash(h),
            Atom::Phrase(s, _) => (2u8, *s).hash(h),
            Atom::Nothing => 3u8.hash(h),
        }
    }
}

/// One pattern with parameters and its arguments.
#[derive(Debug, Clone)]
pub(super) struct Instance<'a> {
    /// The pattern (its index among the patterns).
    pub decl: usize,
    /// One argument per parameter.
    pub args: Vec<Atom<'a>>,
}

/// The parameters in scope and what they stand for: those of the body being read, if it is
/// one of a pattern with parameters.
pub(super) type Env<'a, 'e> = Option<(&'a [ast::Name<'a>], &'e [Atom<'a>])>;

/// How many parts a pattern has (each operand, operator and link counts one).
fn size(p: &Pattern) -> usize {
    match p {
        Pattern::Or(v) | Pattern::And(v) => 1 + v.iter().map(size).sum::<usize>(),
        Pattern::Chain(head, links) => size(head) + links.iter().map(|l| 1 + size(&l.operand)).sum::<usize>(),
        Pattern::Not(a) | Pattern::Negated(a) => 1 + size(a),
        Pattern::Phrase(..) | Pattern::Concept(_) => 1,
        Pattern::Call(_, args) => 1 + args.len(),
    }
}

impl<'a> Resolver<'a> {
    /// What parameter `name` stands for in `env`, if it is one.
    pub(super) fn param(env: Env<'a, '_>, name: &str) -> Option<Atom<'a>> {
        let (params, args) = env?;
        params.iter().position(|p| p.text == name).and_then(|i| args.get(i).copied())
    }

    /// An argument as written, read in `env`, when it is one (a parameter's, a concept, a
    /// pattern without parameters or a phrase); `None` otherwise, without a diagnostic (the
    /// compiling of the call reports it).
    fn atom_of(&self, arg: &'a Pattern<'a>, env: Env<'a, '_>) -> Option<Atom<'a>> {
        match arg {
            Pattern::Phrase(s, loc) => Some(Atom::Phrase(s.as_ref(), *loc)),
            Pattern::Concept(n) => Self::param(env, n.text).or_else(|| {
                if let Some(&i) = self.d.concepts.get(n.text) {
                    return Some(Atom::Concept(i));
                }
                let k = *self.d.patterns.get(n.text)?;
                self.d.pattern_items[k].params.is_empty().then_some(Atom::Pattern(k))
            }),
            _ => None,
        }
    }

    /// The arguments of a call `f(args)` read in `env`, and the pattern it calls, when the call
    /// is well formed (a pattern with as many parameters as arguments, each argument known).
    pub(super) fn call_target(
        &self,
        f: &ast::Name,
        args: &'a [Pattern<'a>],
        env: Env<'a, '_>,
    ) -> Option<(usize, Vec<Atom<'a>>)> {
        if Self::param(env, f.text).is_some() || self.d.concepts.contains_key(f.text) {
            return None;
        }
        let k = *self.d.patterns.get(f.text)?;
        let params = &self.d.pattern_items[k].params;
        if params.is_empty() || params.len() != args.len() {
            return None;
        }
        let atoms = args.iter().map(|a| self.atom_of(a, env)).collect::<Option<Vec<_>>>()?;
        Some((k, atoms))
    }

    /// The instance `k(atoms)`, made (and queued to be read) on first use; `None` past the
    /// expansion budget, which is reported once, at `at`.
    fn instance(&mut self, k: usize, atoms: Vec<Atom<'a>>, at: Loc) -> Option<usize> {
        if let Some(&i) = self.instance_ids.get(&(k, atoms.clone())) {
            return Some(i);
        }
        let cost = self.pattern_sizes[k] + atoms.len();
        if self.expanded + cost > self.expansion_budget {
            if !self.expansion_reported {
                self.expansion_reported = true;
                let msg = format!(
                    "patterns with parameters expand to more than {} parts here (distinct arguments multiply)",
                    self.expansion_budget
                );
                self.diags.push(Diagnostic::new(Code::Expansion, at, msg).with_hint(
                    "pass fewer distinct arguments along, or write the combinations that are needed as patterns",
                ));
            }
            return None;
        }
        self.expanded += cost;
        let i = self.instances.len();
        self.instance_ids.insert((k, atoms.clone()), i);
        self.instances.push(Instance { decl: k, args: atoms });
        Some(i)
    }

    /// What `p` (read in `env`) needs compiled before it, into `out`: named patterns by their
    /// index, instances by `patterns + their index`. Makes the instances it calls.
    fn needs(&mut self, p: &'a Pattern<'a>, env: Env<'a, '_>, out: &mut Vec<u32>) {
        let patterns = self.d.pattern_items.len();
        match p {
            Pattern::Or(v) | Pattern::And(v) => v.iter().for_each(|x| self.needs(x, env, out)),
            Pattern::Chain(head, links) => {
                self.needs(head, env, out);
                links.iter().for_each(|l| self.needs(&l.operand, env, out));
            }
            Pattern::Not(a) | Pattern::Negated(a) => self.needs(a, env, out),
            Pattern::Phrase(..) => {}
            Pattern::Concept(_) => {
                if let Some(Atom::Pattern(k)) = self.atom_of(p, env) {
                    out.push(k as u32);
                }
            }
            Pattern::Call(f, args) => {
                let Some((k, atoms)) = self.call_target(f, args, env) else { return };
                out.extend(atoms.iter().filter_map(|a| match a {
                    Atom::Pattern(q) => Some(*q as u32),
                    _ => None,
                }));
                if let Some(i) = self.instance(k, atoms, f.loc) {
                    out.push((patterns + i) as u32);
                }
            }
        }
    }

    /// Finds every instance the rulebook needs and returns the named patterns (`0..patterns`)
    /// and the instances (`patterns + i`) in the order to compile them.
    pub(super) fn instances_in_order(&mut self) -> Vec<usize> {
        let items = self.d.pattern_items.clone();
        let patterns = items.len();
        self.pattern_sizes = items.iter().map(|p| size(&p.body)).collect();
        let infers = self.items.iter().filter_map(|i| match i {
            Item::Fact(f) => Some(f.infers.iter().map(|inf| size(&inf.pattern)).sum::<usize>()),
            _ => None,
        });
        let written = self.pattern_sizes.iter().sum::<usize>() + infers.sum::<usize>();
        self.expansion_budget = EXPANSION_FACTOR.saturating_mul(written).max(EXPANSION_FLOOR);

        let mut edges: Vec<Vec<u32>> = vec![vec![]; patterns];
        for (k, p) in items.iter().enumerate().filter(|(_, p)| p.params.is_empty()) {
            let mut out = vec![];
            self.needs(&p.body, None, &mut out);
            edges[k] = out;
        }
        let mut scratch = vec![];
        for item in self.items {
            if let Item::Fact(f) = item {
                for inf in &f.infers {
                    self.needs(&inf.pattern, None, &mut scratch);
                }
            }
        }
        self.read_instances(&mut edges);
        // A pattern with parameters that nothing uses is compiled once without arguments, so
        // that the names in its body are checked (W-UNUSED-PATTERN says it is unused).
        let mut called = vec![false; patterns];
        self.instances.iter().for_each(|i| called[i.decl] = true);
        for (k, p) in items.iter().enumerate() {
            if !p.params.is_empty() && !called[k] {
                self.instance(k, vec![Atom::Nothing; p.params.len()], p.name.loc);
            }
        }
        self.read_instances(&mut edges);
        graph::order(&graph::components(&edges))
    }

    /// Reads the body of each instance not read yet (which may make more), adding its needs
    /// to `edges` (instance `i` at `patterns + i`).
    fn read_instances(&mut self, edges: &mut Vec<Vec<u32>>) {
        let patterns = self.d.pattern_items.len();
        while edges.len() < patterns + self.instances.len() {
            let inst = self.instances[edges.len() - patterns].clone();
            let decl = self.d.pattern_items[inst.decl];
            let mut out = vec![];
            self.needs(&decl.body, Some((decl.params.as_slice(), inst.args.as_slice())), &mut out);
            edges.push(out);
        }
    }

    /// Compiles instance `i`: its pattern's body with the parameters standing for its arguments.
    pub(super) fn compile_instance(&mut self, i: usize) {
        let inst = self.instances[i].clone();
        let decl = self.d.pattern_items[inst.decl];
        let env = Some((decl.params.as_slice(), inst.args.as_slice()));
        let id = self.pattern_in(&decl.body, Some(inst.decl), env);
        self.instance_nodes[i] = Some(id);
    }

    /// The node an argument stands for.
    pub(super) fn atom_node(&mut self, a: Atom<'a>) -> PatId {
        match a {
            Atom::Concept(i) => {
                self.usage.concepts_used[i] = true;
                self.concept_node(i as u32)
            }
            Atom::Pattern(k) => match self.named[k] {
                Some(id) => id,
                None => self.node(Pat::Or(vec![])),
            },
            Atom::Phrase(s, loc) => self.phrase_node(s, loc),
            Atom::Nothing => self.node(Pat::Or(vec![])),
        }
    }

    /// A use of `f(args)` in `env` (inside the body of pattern `within`, if any): the node of its
    /// instance, or an error when the call is not well formed.
    pub(super) fn call(
        &mut self,
        f: &'a ast::Name<'a>,
        args: &'a [Pattern<'a>],
        env: Env<'a, '_>,
        within: Option<usize>,
    ) -> PatId {
        let arity = |n: usize| if n == 1 { "1 argument".to_string() } else { format!("{n} arguments") };
        let known = self.d.patterns.get(f.text).copied().filter(|_| !self.d.concepts.contains_key(f.text));
        let problem = if Self::param(env, f.text).is_some() {
            Some((format!("`{}` is a parameter: it takes no arguments", f.text), format!("write `{}` alone", f.text)))
        } else if self.d.concepts.contains_key(f.text) {
            Some((format!("`{}` is a concept: it takes no arguments", f.text), format!("write `{}` alone", f.text)))
        } else if let Some(k) = known {
            let params = &self.d.pattern_items[k].params;
            let names: Vec<&str> = params.iter().map(|p| p.text).collect();
            if params.is_empty() {
                Some((format!("pattern `{}` has no parameters", f.text), format!("write `{}` alone", f.text)))
            } else if params.len() != args.len() {
                let msg = format!("pattern `{}` takes {}, not {}", f.text, arity(params.len()), args.len());
                Some((msg, format!("write `{}({})`", f.text, names.join(", "))))
            } else {
                None
            }
        } else {
            let names = self.hint_candidates(|r| r.d.patterns.keys().copied().collect());
            self.unknown("pattern", f, names);
            return self.node(Pat::Or(vec![]));
        };
        if let Some((msg, hint)) = problem {
            self.diags.push(Diagnostic::new(Code::Arity, f.loc, msg).with_hint(hint));
            return self.node(Pat::Or(vec![]));
        }
        let k = known.unwrap_or(0);
        // Each argument once more, now with its diagnostics (unknown names, patterns that need
        // arguments of their own).
        for a in args {
            if let Pattern::Concept(n) = a {
                self.argument_name(n, env, within);
            }
        }
        let node = self
            .call_target(f, args, env)
            .and_then(|(_, atoms)| self.instance_ids.get(&(k, atoms)).copied())
            .and_then(|i| self.instance_nodes[i]);
        if within != Some(k) {
            self.usage.patterns_used[k] = true;
        }
        let on_cycle = within.is_some_and(|w| self.pattern_cycles[w] == self.pattern_cycles[k]);
        match node {
            Some(id) if !on_cycle => id,
            // Past the expansion budget (reported where it was reached) or on a cycle.
            _ => {
                if on_cycle {
                    self.diags.push(
                        Diagnostic::new(Code::Cycle, f.loc, format!("pattern `{}` uses itself", f.text))
                            .with_hint("a named pattern may use other patterns, but not itself"),
                    );
                }
                self.node(Pat::Or(vec![]))
            }
        }
    }

    /// Checks a name given as an argument: a parameter, a concept or a pattern without
    /// parameters (marked used), or a diagnostic.
    fn argument_name(&mut self, n: &'a ast::Name<'a>, env: Env<'a, '_>, within: Option<usize>) {
        if Self::param(env, n.text).is_some() {
            return;
        }
        if let Some(&i) = self.d.concepts.get(n.text) {
            self.usage.concepts_used[i] = true;
            return;
        }
        match self.d.patterns.get(n.text).copied() {
            Some(k) if self.d.pattern_items[k].params.is_empty() => {
                self.named_ref(k, n, within);
            }
            Some(k) => {
                let params = &self.d.pattern_items[k].params;
                let msg = format!(
                    "pattern `{}` needs {} of its own and cannot be an argument",
                    n.text,
                    if params.len() == 1 { "an argument".to_string() } else { format!("{} arguments", params.len()) }
                );
                self.diags.push(Diagnostic::new(Code::Arity, n.loc, msg).with_hint(
                    "an argument is a concept, a pattern without parameters or a phrase; name the use first: `pattern x = …(…)`",
                ));
            }
            None => {
                let names = self.hint_candidates(|r| r.d.concepts.keys().chain(r.d.patterns.keys()).copied().collect());
                self.unknown("concept or pattern", n, names);
            }
        }
    }

    /// A parameter of the pattern being declared, or a pattern with parameters used without its
    /// arguments: `None` when `n` is neither (then it is a concept or a pattern, or unknown).
    pub(super) fn bare_name(&mut self, n: &'a ast::Name<'a>, env: Env<'a, '_>) -> Option<PatId> {
        if let Some(a) = Self::param(env, n.text) {
            return Some(self.atom_node(a));
        }
        if self.d.concepts.contains_key(n.text) {
            return None;
        }
        let k = *self.d.patterns.get(n.text)?;
        let params = &self.d.pattern_items[k].params;
        if params.is_empty() {
            return None;
        }
        let names: Vec<&str> = params.iter().map(|p| p.text).collect();
        let msg = format!("pattern `{}` has parameters: give it its arguments", n.text);
        self.diags.push(Diagnostic::new(Code::Arity, n.loc, msg).with_hint(format!(
            "write `{}({})`",
            n.text,
            names.join(", ")
        )));
        self.usage.patterns_used[k] = true;
        Some(self.node(Pat::Or(vec![])))
    }

    /// `n` names a pattern with parameters (and no concept).
    pub(super) fn needs_arguments(&self, n: &ast::Name) -> bool {
        !self.d.concepts.contains_key(n.text)
            && self.d.patterns.get(n.text).is_some_and(|&k| !self.d.pattern_items[k].params.is_empty())
    }

    /// E-DUPLICATE for a parameter written twice in one pattern (`pattern p(x, x) = …`).
    pub(super) fn parameters_once(&mut self) {
        for p in self.d.pattern_items.clone() {
            for (i, a) in p.params.iter().enumerate() {
                if p.params[..i].iter().any(|b| b.text == a.text) {
                    self.diags.push(
                        Diagnostic::new(
                            Code::Duplicate,
                            a.loc,
                            format!("parameter `{}` is written twice in pattern `{}`", a.text, p.name.text),
                        )
                        .with_hint("give each parameter its own name"),
                    );
                }
            }
        }
    }
}
