//! The structured part of a compiled rulebook as json-logic, for the side-by-side benchmark with
//! other rules engines (bench/peers/). Translated from the `Cond` trees, not written by hand.
//!
//! Netral's logic has three values; json-logic has two. Every condition `c` therefore becomes two
//! expressions: `t(c)` "definitely true" and `f(c)` "definitely false" (Kleene: `t(a and b) =
//! t(a) and t(b)`, `f(a and b) = f(a) or f(b)`, `t(not a) = f(a)`). A fact left out of the data is
//! what an empty description gives it (closed acts: false; open facts: unknown). Each rule gets
//! `T` (it holds) and `U` (it may hold: not definitely false) after its `unless` and, for a
//! prohibition, after the permissions that override it. The verdict: a prohibition with `T` →
//! violation; else one with `U` → needs_more_info; else allowed. Input: enum facts as one value
//! name, dates as days since 1970-01-01, yes/no facts as booleans.

use crate::eval::tri::Val;
use crate::rulebook::{CmpOp, Cond, FactType, Rulebook};
use crate::verdict::RuleKind;
use std::fmt::Write;

impl Rulebook {
    /// The rulebook as json-logic (module docs): `{"facts": {...}, "rules": [{id, kind, sanction,
    /// severity, T, U}]}`, as JSON text.
    pub fn export_json_logic(&self) -> String {
        // What an empty description gives every fact (facts left out of the data).
        let silent: Vec<Val> = self.plan().silent_vals.clone();
        let x = Exporter { book: self, silent };
        let mut out = String::from("{\n\"facts\": {");
        for (i, f) in self.facts.iter().enumerate() {
            let ty = match f.ty {
                FactType::Bool => "\"bool\"".to_string(),
                FactType::Date => "\"date\"".to_string(),
                FactType::Number => "\"number\"".to_string(),
                FactType::Enum(e) => format!(
                    "[{}]",
                    self.enums[e as usize].values.iter().map(|(v, _)| json_str(v)).collect::<Vec<_>>().join(",")
                ),
            };
            let _ = write!(
                out,
                "{}\n  {}: {{\"type\": {ty}, \"open\": {}}}",
                if i > 0 { "," } else { "" },
                json_str(&f.name),
                f.open
            );
        }
        out.push_str("\n},\n\"rules\": [");
        for (i, r) in self.rules.iter().enumerate() {
            let (t, f) = x.effective(i);
            let sanction = r.sanctions.first().map(|&s| &self.sanctions[s as usize]);
            let _ = write!(
                out,
                "{}\n  {{\"id\": {}, \"kind\": \"{}\", \"sanction\": {}, \"severity\": {},\n   \"T\": {t},\n   \"U\": {{\"!\": {f}}}}}",
                if i > 0 { "," } else { "" },
                json_str(&r.id),
                if r.kind == RuleKind::Prohibition { "prohibition" } else { "permission" },
                sanction.map_or("null".to_string(), |s| json_str(&s.name)),
                sanction.map_or(0, |s| s.severity),
            );
        }
        out.push_str("\n]\n}\n");
        out
    }
}

struct Exporter<'a> {
    book: &'a Rulebook,
    silent: Vec<Val>,
}

const TRUE: &str = "true";
const FALSE: &str = "false";

impl Exporter<'_> {
    /// (T, F) of rule `i` after `unless` and the permissions that override it.
    fn effective(&self, i: usize) -> (String, String) {
        let r = &self.book.rules[i];
        let (mut t, mut f) = self.own(i);
        // As `eval::statuses`: every rule's status after the permissions that override it.
        for &p in &r.excused_by {
            let (pt, pf) = self.own(p as usize);
            t = and(&[t, pf]);
            f = or(&[f, pt]);
        }
        (t, f)
    }

    fn own(&self, i: usize) -> (String, String) {
        let r = &self.book.rules[i];
        let (t, f) = self.cond(&r.cond);
        match &r.unless {
            None => (t, f),
            Some(u) => {
                let (ut, uf) = self.cond(u);
                (and(&[t, uf]), or(&[f, ut]))
            }
        }
    }

    /// (definitely true, definitely false) of a condition.
    fn cond(&self, c: &Cond) -> (String, String) {
        match c {
            Cond::And(v) => {
                let (t, f): (Vec<String>, Vec<String>) = v.iter().map(|x| self.cond(x)).unzip();
                (and(&t), or(&f))
            }
            Cond::Or(v) => {
                let (t, f): (Vec<String>, Vec<String>) = v.iter().map(|x| self.cond(x)).unzip();
                (or(&t), and(&f))
            }
            Cond::Not(x) => {
                let (t, f) = self.cond(x);
                (f, t)
            }
            Cond::Const(b) => (b.to_string(), (!b).to_string()),
            Cond::IsTrue(id) => {
                let v = var(self.name(*id));
                match self.silent[*id as usize] {
                    // Left out: true.
                    Val::Bool(true) => (format!("{{\"!==\": [{v}, false]}}"), format!("{{\"===\": [{v}, false]}}")),
                    // Left out: false.
                    Val::Bool(false) => (format!("{{\"===\": [{v}, true]}}"), format!("{{\"!==\": [{v}, true]}}")),
                    _ => (format!("{{\"===\": [{v}, true]}}"), format!("{{\"===\": [{v}, false]}}")),
                }
            }
            Cond::InSet(id, mask) => {
                let FactType::Enum(e) = self.book.facts[*id as usize].ty else { return (FALSE.into(), FALSE.into()) };
                let en = &self.book.enums[e as usize];
                let list = |m: u64| {
                    format!("[{}]", en.members(m).map(|i| json_str(&en.values[i].0)).collect::<Vec<_>>().join(", "))
                };
                let v = var(self.name(*id));
                let (inside, outside) = (
                    format!("{{\"in\": [{v}, {}]}}", list(*mask)),
                    format!("{{\"in\": [{v}, {}]}}", list(en.all() & !mask)),
                );
                match self.silent[*id as usize] {
                    Val::Set(s) if s & !mask == 0 => (or(&[inside, missing(&v)]), outside),
                    Val::Set(s) if s & mask == 0 => (inside, or(&[outside, missing(&v)])),
                    _ => (inside, outside),
                }
            }
            Cond::DateIn(id, s, e, _) => {
                let v = var(self.name(*id));
                let within = format!("{{\"<=\": [{s}, {v}, {e}]}}");
                (and(&[known(&v), within.clone()]), and(&[known(&v), format!("{{\"!\": {within}}}")]))
            }
            Cond::Cmp(id, op, x) => {
                let v = var(self.name(*id));
                let op = match op {
                    CmpOp::Eq => "==",
                    CmpOp::Ne => "!=",
                    CmpOp::Lt => "<",
                    CmpOp::Le => "<=",
                    CmpOp::Gt => ">",
                    CmpOp::Ge => ">=",
                };
                let holds = format!("{{\"{op}\": [{v}, {x}]}}");
                (and(&[known(&v), holds.clone()]), and(&[known(&v), format!("{{\"!\": {holds}}}")]))
            }
        }
    }

    fn name(&self, id: u16) -> &str {
        &self.book.facts[id as usize].name
    }
}

fn var(name: &str) -> String {
    format!("{{\"var\": {}}}", json_str(name))
}

fn known(v: &str) -> String {
    format!("{{\"!=\": [{v}, null]}}")
}

fn missing(v: &str) -> String {
    format!("{{\"==\": [{v}, null]}}")
}

fn and(xs: &[String]) -> String {
    junction("and", xs, FALSE, TRUE)
}

fn or(xs: &[String]) -> String {
    junction("or", xs, TRUE, FALSE)
}

/// `xs` joined by `op`, simplified: `absorbing` anywhere gives it, `identity` parts drop out.
fn junction(op: &str, xs: &[String], absorbing: &str, identity: &str) -> String {
    if xs.iter().any(|x| x == absorbing) {
        return absorbing.into();
    }
    let xs: Vec<&str> = xs.iter().map(String::as_str).filter(|x| *x != identity).collect();
    match xs.as_slice() {
        [] => identity.into(),
        [x] => x.to_string(),
        _ => format!("{{\"{op}\": [{}]}}", xs.join(", ")),
    }
}

fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
