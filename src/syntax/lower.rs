//! Lowering: pest pairs → syntax tree. The only place that walks pest's parse tree.

use super::ast::*;
use super::{Rule, MAX_NESTING};
use crate::diagnostic::{Code, Diagnostic, Loc};
use crate::verdict::{RuleKind, VerdictKind};
use pest::iterators::{Pair, Pairs};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};

/// The file being lowered. pest parsed it with its comments blanked out (`syntax::blank`): the
/// offsets are the same, and what the tree keeps is taken from the text as written.
struct Ctx<'a> {
    file: u32,
    text: &'a str,
    /// How deep the condition or pattern being lowered is nested (`nest`).
    depth: Cell<usize>,
    /// Where the item first nests deeper than `MAX_NESTING`, if it does.
    too_deep: Cell<Option<Loc>>,
    /// Warnings found while lowering (`and` and `or` mixed without parentheses).
    warnings: RefCell<Vec<Diagnostic>>,
}

impl<'a> Ctx<'a> {
    /// The text of a pair as written.
    fn str(&self, p: &Pair<Rule>) -> &'a str {
        let s = p.as_span();
        self.text.get(s.start()..s.end()).unwrap_or("")
    }
    fn loc(&self, p: &Pair<Rule>) -> Loc {
        // A pair's span can end after trailing blanks that an optional part tried to consume.
        let start = p.as_span().start();
        let len = self.str(p).trim_end().len();
        Loc { file: self.file, start: start as u32, end: (start + len) as u32 }
    }
    /// The place of a token (a name, string, number, date or `true`/`false`: atomic, so no
    /// trailing blanks to trim).
    fn token_loc(&self, p: &Pair<Rule>) -> Loc {
        let s = p.as_span();
        Loc { file: self.file, start: s.start() as u32, end: s.end() as u32 }
    }
    /// Notes W-MIXED-AND-OR for a flat condition or pattern that mixes `and` and `or`.
    fn mixed_and_or(&self, p: &Pair<Rule>) {
        if let Some(w) = super::mixed::check(self.file, self.text, p) {
            self.warnings.borrow_mut().push(w);
        }
    }
    fn name(&self, p: Pair<Rule>) -> Name<'a> {
        Name { text: self.str(&p), loc: self.token_loc(&p) }
    }

    /// Enters the operand of a run of prefix operators (`not`, `negated`) and, when `parens`
    /// is set, parentheses around it: a level of nesting each. pest reads such a run as a list,
    /// but the tree nests one operator inside the next, and every later pass walks it by
    /// recursion, so `negated ` written 14,000 times would exhaust the stack there. Returns
    /// the depth to restore once the operand is lowered, or `None` past `MAX_NESTING`, having
    /// noted the first operator (or parenthesis) beyond it.
    fn nest(&self, ops: &[Pair<Rule>], operand: &Pair<Rule>, parens: bool) -> Option<usize> {
        let outer = self.depth.get();
        let inner = outer + ops.len() + parens as usize;
        if inner <= MAX_NESTING {
            self.depth.set(inner);
            return Some(outer);
        }
        let first_beyond = MAX_NESTING.saturating_sub(outer);
        let loc = match ops.get(first_beyond) {
            Some(op) => self.token_loc(op),
            None => {
                let start = operand.as_span().start();
                let at = self.text.get(..start).and_then(|t| t.rfind('(')).unwrap_or(start);
                Loc { file: self.file, start: at as u32, end: at as u32 + 1 }
            }
        };
        if self.too_deep.get().is_none() {
            self.too_deep.set(Some(loc));
        }
        None
    }
}

/// Lowers one item pair (`None` for a pair that is not an item, or for an item nested too
/// deep, which adds its diagnostic to `diags`).
pub(super) fn item<'a>(file: u32, text: &'a str, p: Pair<'_, Rule>, diags: &mut Vec<Diagnostic>) -> Option<Item<'a>> {
    let cx = &Ctx { file, text, depth: Cell::new(0), too_deep: Cell::new(None), warnings: RefCell::default() };
    let item = lower_item(cx, p)?;
    diags.append(&mut cx.warnings.borrow_mut());
    match cx.too_deep.get() {
        None => Some(item),
        Some(loc) => {
            let msg = format!("`not`, `negated` and parentheses are nested more than {MAX_NESTING} deep");
            diags.push(
                Diagnostic::new(Code::Nesting, loc, msg)
                    .with_hint("give a part a name (a `pattern` or an `act`) and use the name"),
            );
            None
        }
    }
}

fn lower_item<'a>(cx: &Ctx<'a>, p: Pair<'_, Rule>) -> Option<Item<'a>> {
    Some(match p.as_rule() {
        Rule::law => {
            let mut it = p.into_inner();
            let mut law = Law {
                name: cx.name(next(&mut it)),
                short: string(cx, &next(&mut it)),
                title: string(cx, &next(&mut it)),
                from: None,
                until: None,
                replaced_by: None,
            };
            for c in it {
                let clause = c.as_rule();
                let inner = first(c);
                match clause {
                    Rule::law_from => law.from = Some((cx.str(&inner), cx.token_loc(&inner))),
                    Rule::law_until => law.until = Some((cx.str(&inner), cx.token_loc(&inner))),
                    _ => law.replaced_by = Some(cx.name(inner)),
                }
            }
            Item::Law(law)
        }
        Rule::enum_decl => enum_decl(cx, p),
        Rule::fact => fact(cx, p),
        Rule::act => {
            let mut it = p.into_inner();
            let name = cx.name(next(&mut it));
            let label = label(cx, &mut it);
            let pattern = pattern(cx, next(&mut it));
            let value = Name { text: "true", loc: name.loc };
            Item::Fact(FactDecl {
                name,
                ty: TypeRef::Bool,
                open: false,
                label: Some(label),
                infers: vec![Infer { value, pattern }],
                is_act: true,
            })
        }
        Rule::period => {
            let mut it = p.into_inner();
            let name = cx.name(next(&mut it));
            let label = label(cx, &mut it);
            let s = next(&mut it);
            let e = next(&mut it);
            let basis = it.next().map(|b| citations(cx, b)).unwrap_or_default();
            Item::Period(Period {
                name,
                label,
                start: (cx.str(&s), cx.token_loc(&s)),
                end: (cx.str(&e), cx.token_loc(&e)),
                basis,
            })
        }
        Rule::concept => {
            let mut it = p.into_inner();
            let name = cx.name(next(&mut it));
            // The tokens inside the `concept_item` pairs, without a `Pairs` for each.
            let items = it
                .flatten()
                .filter(|p| p.as_rule() != Rule::concept_item)
                .map(|inner| match inner.as_rule() {
                    Rule::string => ConceptItem::Phrase(string(cx, &inner), cx.token_loc(&inner)),
                    _ => ConceptItem::Ref(cx.name(inner)),
                })
                .collect();
            Item::Concept(Concept { name, items })
        }
        Rule::pattern_decl => {
            let mut it = p.into_inner();
            let name = cx.name(next(&mut it));
            let mut body = next(&mut it);
            let mut params = vec![];
            if body.as_rule() == Rule::pattern_params {
                params = body.into_inner().map(|n| cx.name(n)).collect();
                body = next(&mut it);
            }
            Item::Pattern(PatternDecl { name, params, body: pattern(cx, body) })
        }
        Rule::sanction => sanction(cx, p),
        Rule::rule => rule(cx, p),
        Rule::ask => {
            let mut it = p.into_inner();
            let name = cx.name(next(&mut it));
            let label = label(cx, &mut it);
            let when = cx.name(next(&mut it));
            let (mut unless, mut acts) = (vec![], vec![]);
            for x in it {
                match x.as_rule() {
                    Rule::ask_unless => unless = x.into_inner().map(|n| cx.name(n)).collect(),
                    _ => acts.push(cx.name(x)),
                }
            }
            Item::Ask(Ask { name, label, when, unless, acts })
        }
        Rule::topic_decl => {
            let mut it = p.into_inner();
            let name = cx.name(next(&mut it));
            Item::Topic(Topic { name, label: label(cx, &mut it) })
        }
        _ => return None,
    })
}

fn next<'a>(it: &mut Pairs<'a, Rule>) -> Pair<'a, Rule> {
    // The grammar guarantees the shape; an empty pair keeps this total without panicking.
    it.next().unwrap_or_else(|| empty_pair())
}

fn first(p: Pair<Rule>) -> Pair<Rule> {
    let mut it = p.into_inner();
    next(&mut it)
}

fn empty_pair() -> Pair<'static, Rule> {
    use pest::Parser;
    super::RuleParser::parse(Rule::ident, "x")
        .ok()
        .and_then(|mut p| p.next())
        .expect("the grammar parses a one-letter name")
}

/// The content of a `string` pair (or a `string_one`), borrowed from the file when it is one
/// quoted text without escapes. Adjacent quoted texts are joined as written; what separates them
/// is blanks, line breaks and comments (`"a " # why\n "b"` is `a b`).
fn string<'a>(cx: &Ctx<'a>, p: &Pair<Rule>) -> Cow<'a, str> {
    let raw = cx.str(p);
    let inner = raw.strip_prefix('"').and_then(|s| s.strip_suffix('"')).unwrap_or(raw);
    if !inner.contains(['\\', '"']) {
        return Cow::Borrowed(inner);
    }
    let mut out = String::with_capacity(inner.len());
    let mut chars = raw.chars();
    // Between quoted texts: blanks, and comments up to the end of their line (a comment may
    // hold a quote).
    while let Some(c) = chars.next() {
        match c {
            '"' => {}
            '#' => {
                chars.by_ref().find(|&c| c == '\n');
                continue;
            }
            _ => continue,
        }
        // Inside one quoted text, up to its closing quote.
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => {}
                },
                c => out.push(c),
            }
        }
    }
    Cow::Owned(out)
}

/// A label's string, and the English one when a string follows (`label` makes no pair of its own).
fn label<'a>(cx: &Ctx<'a>, it: &mut Pairs<Rule>) -> LabelText<'a> {
    let id = string(cx, &next(it));
    let en = it.peek().filter(|p| p.as_rule() == Rule::string).map(|p| {
        it.next();
        string(cx, &p)
    });
    LabelText { id, en }
}

/// The citations of a `basis` pair: law code and article, pair after pair (`citation` is silent).
fn citations<'a>(cx: &Ctx<'a>, p: Pair<'_, Rule>) -> Vec<Citation<'a>> {
    let mut it = p.into_inner();
    let mut out = Vec::with_capacity(it.len() / 2);
    while let Some(law) = it.next() {
        out.push(Citation { law: cx.name(law), article: string(cx, &next(&mut it)) });
    }
    out
}

fn number(p: &Pair<Rule>) -> f64 {
    p.as_str().parse().unwrap_or(0.0)
}

fn enum_decl<'a>(cx: &Ctx<'a>, p: Pair<'_, Rule>) -> Item<'a> {
    let mut it = p.into_inner();
    let name = cx.name(next(&mut it));
    let (mut variants, mut groups) = (vec![], vec![]);
    for member in it {
        match member.as_rule() {
            Rule::variant => {
                let mut m = member.into_inner();
                variants.push((cx.name(next(&mut m)), label(cx, &mut m)));
            }
            _ => {
                let mut m = member.into_inner();
                let name = cx.name(next(&mut m));
                let label = label(cx, &mut m);
                groups.push(Group { name, label, members: m.map(|n| cx.name(n)).collect() });
            }
        }
    }
    Item::Enum(EnumDecl { name, variants, groups })
}

fn fact<'a>(cx: &Ctx<'a>, p: Pair<'_, Rule>) -> Item<'a> {
    let mut it = p.into_inner();
    let name = cx.name(next(&mut it));
    let ty_pair = next(&mut it);
    let ty = match ty_pair.as_str() {
        "bool" => TypeRef::Bool,
        "date" => TypeRef::Date,
        "number" => TypeRef::Number,
        _ => TypeRef::Enum(cx.name(first(ty_pair))),
    };
    let open = next(&mut it).as_str() == "open";
    let lab = it.peek().is_some_and(|p| p.as_rule() == Rule::string).then(|| label(cx, &mut it));
    let mut infers = vec![];
    for inf in it.next().map(|block| block.into_inner()).into_iter().flatten() {
        let mut i = inf.into_inner();
        let value = cx.name(first(next(&mut i)));
        let pattern = pattern(cx, next(&mut i));
        infers.push(Infer { value, pattern });
    }
    Item::Fact(FactDecl { name, ty, open, label: lab, infers, is_act: false })
}

fn sanction<'a>(cx: &Ctx<'a>, p: Pair<'_, Rule>) -> Item<'a> {
    let mut it = p.into_inner();
    let name = cx.name(next(&mut it));
    let lab = label(cx, &mut it);
    let mut s = Sanction {
        name,
        label: lab,
        severity: None,
        prison_months: None,
        fine: None,
        basis: vec![],
        note: None,
        uncertain: vec![],
    };
    for c in it {
        match c.as_rule() {
            Rule::severity => {
                let n = first(c);
                s.severity = Some((number(&n), cx.token_loc(&n)));
            }
            Rule::prison => s.prison_months = Some(number(&first(c))),
            Rule::fine => s.fine = Some(number(&first(c))),
            Rule::basis => s.basis.extend(citations(cx, c)),
            Rule::uncertain => {
                let cloc = cx.loc(&c);
                s.uncertain.push((label(cx, &mut c.into_inner()), cloc))
            }
            _ => s.note = Some(label(cx, &mut c.into_inner())),
        }
    }
    Item::Sanction(s)
}

fn rule<'a>(cx: &Ctx<'a>, p: Pair<'_, Rule>) -> Item<'a> {
    let loc = cx.loc(&p);
    let mut it = p.into_inner();
    let name = cx.name(next(&mut it));
    let title = label(cx, &mut it);
    let mut r = super::ast::Rule {
        name,
        label: title,
        loc,
        kind: vec![],
        applies: vec![],
        topics: vec![],
        when: vec![],
        unless: vec![],
        overrides: vec![],
        sanctions: vec![],
        basis: vec![],
        advice: vec![],
        note: vec![],
        uncertain: vec![],
        examples: vec![],
    };
    for c in it {
        let cloc = cx.loc(&c);
        match c.as_rule() {
            Rule::kind => {
                let k = if c.as_str() == "permission" { RuleKind::Permission } else { RuleKind::Prohibition };
                r.kind.push((k, cloc));
            }
            Rule::applies => r.applies.extend(c.into_inner().map(|n| cx.name(n))),
            Rule::rule_topic => r.topics.extend(c.into_inner().map(|n| cx.name(n))),
            Rule::when => r.when.push(expr(cx, first(c))),
            Rule::unless => r.unless.push(expr(cx, first(c))),
            Rule::overrides => r.overrides.extend(c.into_inner().map(|n| cx.name(n))),
            Rule::rule_sanction => r.sanctions.extend(c.into_inner().map(|n| cx.name(n))),
            Rule::basis => r.basis.extend(citations(cx, c)),
            Rule::advice => r.advice.push((label(cx, &mut c.into_inner()), cloc)),
            Rule::note => r.note.push((label(cx, &mut c.into_inner()), cloc)),
            Rule::uncertain => r.uncertain.push((label(cx, &mut c.into_inner()), cloc)),
            Rule::example => r.examples.push(example(cx, c)),
            _ => {}
        }
    }
    Item::Rule(r)
}

fn example<'a>(cx: &Ctx<'a>, p: Pair<'_, Rule>) -> Example<'a> {
    let loc = cx.loc(&p);
    let mut ex = Example { text: Cow::Borrowed(""), loc, facts: vec![], verdict: VerdictKind::Allowed, by: None };
    for part in p.into_inner() {
        match part.as_rule() {
            Rule::string => ex.text = string(cx, &part),
            Rule::assignment => {
                let mut a = part.into_inner();
                let name = cx.name(next(&mut a));
                ex.facts.push((name, value(cx, next(&mut a))));
            }
            Rule::verdict => ex.verdict = VerdictKind::parse(part.as_str()).unwrap_or(VerdictKind::Allowed),
            Rule::ident => ex.by = Some(cx.name(part)),
            _ => {}
        }
    }
    ex
}

fn value<'a>(cx: &Ctx<'a>, p: Pair<'_, Rule>) -> Value<'a> {
    let v = first(p);
    let loc = cx.token_loc(&v);
    match v.as_rule() {
        Rule::date_lit => Value::Date(cx.str(&v), loc),
        Rule::number => Value::Number(number(&v), loc),
        Rule::bool_lit => Value::Bool(v.as_str() == "true", loc),
        _ => Value::Name(cx.name(v)),
    }
}

fn expr<'a>(cx: &Ctx<'a>, p: Pair<'_, Rule>) -> Expr<'a> {
    match p.as_rule() {
        // Conditions have no `near`: a chain is its head.
        Rule::expr => {
            cx.mixed_and_or(&p);
            by_precedence(p, |c| expr(cx, c), |head, _| head, Expr::And, Expr::Or)
        }
        Rule::negation => {
            let (nots, operand) = prefixed(p, Rule::not_op);
            let Some(operand) = operand else { return Expr::Const(false, Loc::default()) };
            let Some(outer) = cx.nest(&nots, &operand, operand.as_rule() == Rule::expr) else {
                return Expr::Const(false, Loc::default());
            };
            let mut e = expr(cx, operand);
            cx.depth.set(outer);
            for _ in 0..nots.len() {
                e = Expr::Not(Box::new(e));
            }
            e
        }
        Rule::fact_test => fact_test(cx, p),
        // The only other primary the grammar allows is `bool_lit`.
        _ => Expr::Const(p.as_str() == "true", cx.token_loc(&p)),
    }
}

/// The prefix operators of a `negation` or `pat_unary` pair (those of rule `op`, in order) and
/// the operand after them.
fn prefixed(p: Pair<'_, Rule>, op: Rule) -> (Vec<Pair<'_, Rule>>, Option<Pair<'_, Rule>>) {
    let (mut ops, mut operand) = (vec![], None);
    for c in p.into_inner() {
        if c.as_rule() == op {
            ops.push(c)
        } else {
            operand = Some(c)
        }
    }
    (ops, operand)
}

/// Folds the flat `a op b op c …` of an `expr` or `pattern` pair by precedence: `near` binds
/// tightest (a run of them is one `chain`, read left to right), then `and`, then `or`; a level
/// with one operand is that operand.
fn by_precedence<'a, T>(
    p: Pair<'a, Rule>,
    mut operand: impl FnMut(Pair<'a, Rule>) -> T,
    chain: impl Fn(T, Vec<(Pair<'a, Rule>, T)>) -> T,
    and: fn(Vec<T>) -> T,
    or: fn(Vec<T>) -> T,
) -> T {
    let joined = |mut v: Vec<T>, wrap: fn(Vec<T>) -> T| {
        if v.len() == 1 {
            v.pop().unwrap_or_else(|| wrap(vec![]))
        } else {
            wrap(v)
        }
    };
    let mut it = p.into_inner();
    let mut head = operand(next(&mut it));
    let mut links = vec![];
    let (mut ands, mut ors) = (vec![], vec![]);
    while let Some(op) = it.next() {
        let rhs = operand(next(&mut it));
        if op.as_rule() == Rule::near_op {
            links.push((op, rhs));
            continue;
        }
        ands.push(chain(std::mem::replace(&mut head, rhs), std::mem::take(&mut links)));
        if op.as_rule() == Rule::or_op {
            ors.push(joined(std::mem::take(&mut ands), and));
        }
    }
    ands.push(chain(head, links));
    ors.push(joined(ands, and));
    joined(ors, or)
}

/// `x`, `x in [a, b]`, `x in name` or `x <op> value`, told apart by the pairs after the name.
fn fact_test<'a>(cx: &Ctx<'a>, p: Pair<'_, Rule>) -> Expr<'a> {
    let mut it = p.into_inner();
    let fact = cx.name(next(&mut it));
    let Some(second) = it.next() else { return Expr::Fact(fact) };
    match second.as_rule() {
        Rule::value_list => Expr::InList(fact, second.into_inner().map(|n| cx.name(n)).collect()),
        Rule::cmp_op => {
            let op = match second.as_str() {
                "!=" => CmpOp::Ne,
                "<=" => CmpOp::Le,
                ">=" => CmpOp::Ge,
                "<" => CmpOp::Lt,
                ">" => CmpOp::Gt,
                _ => CmpOp::Eq,
            };
            Expr::Cmp(fact, op, value(cx, next(&mut it)))
        }
        _ => Expr::InNamed(fact, cx.name(second)),
    }
}

fn pattern<'a>(cx: &Ctx<'a>, p: Pair<'_, Rule>) -> Pattern<'a> {
    match p.as_rule() {
        Rule::pattern => {
            cx.mixed_and_or(&p);
            by_precedence(p, |c| pattern(cx, c), |head, links| chain(cx, head, links), Pattern::And, Pattern::Or)
        }
        Rule::pat_unary => {
            let Unary { mods, operand, args } = prefixed_operand(p);
            let Some(operand) = operand else { return Pattern::Or(vec![]) };
            let Some(outer) = cx.nest(&mods, &operand, operand.as_rule() == Rule::pattern) else {
                return Pattern::Or(vec![]);
            };
            if let Some(args) = args {
                // `name(arguments)`: names and phrases only, so nothing nests inside.
                let call = Pattern::Call(cx.name(operand), args.into_inner().map(|a| pattern(cx, a)).collect());
                cx.depth.set(outer);
                return modified(call, &mods);
            }
            let e = pattern(cx, operand);
            cx.depth.set(outer);
            modified(e, &mods)
        }
        Rule::string => Pattern::Phrase(string(cx, &p), cx.token_loc(&p)),
        _ => Pattern::Concept(cx.name(p)),
    }
}

/// A `pat_unary` pair taken apart: its modifiers (`not`, `negated`), its operand, and the
/// arguments after the operand when it is a use of a pattern with parameters
/// (`stated_role(pns_role)`).
struct Unary<'i> {
    mods: Vec<Pair<'i, Rule>>,
    operand: Option<Pair<'i, Rule>>,
    args: Option<Pair<'i, Rule>>,
}

fn prefixed_operand(p: Pair<'_, Rule>) -> Unary<'_> {
    let mut u = Unary { mods: vec![], operand: None, args: None };
    for c in p.into_inner() {
        match c.as_rule() {
            Rule::pat_modifier => u.mods.push(c),
            Rule::pat_args => u.args = Some(c),
            _ => u.operand = Some(c),
        }
    }
    u
}

/// `e` inside its modifiers, the last written innermost (`not negated x` is `not (negated x)`).
fn modified<'a>(mut e: Pattern<'a>, mods: &[Pair<Rule>]) -> Pattern<'a> {
    for m in mods.iter().rev() {
        e = if m.as_str() == "not" { Pattern::Not(Box::new(e)) } else { Pattern::Negated(Box::new(e)) };
    }
    e
}

/// `a near b after/2 c …` as one chain (an operand without links is itself).
fn chain<'a>(cx: &Ctx<'a>, head: Pattern<'a>, links: Vec<(Pair<Rule>, Pattern<'a>)>) -> Pattern<'a> {
    if links.is_empty() {
        return head;
    }
    let links = links
        .into_iter()
        .map(|(op, operand)| {
            let window = op.clone().into_inner().next().map(|n| (number(&n), cx.token_loc(&n)));
            let word = op.as_str();
            let op = if word.starts_with("notafter") {
                LinkOp::NotAfter
            } else if word.starts_with("after") {
                LinkOp::After
            } else {
                LinkOp::Near
            };
            Link { op, window, operand }
        })
        .collect();
    Pattern::Chain(Box::new(head), links)
}
