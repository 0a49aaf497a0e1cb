//! The lean boundary for the WebAssembly shell: facts in as numbers, the verdict out as a flat
//! array of `u32` words that `www/netral.js` expands into the same `Verdict` object as
//! `Rulebook::classify` gives, with titles, citations and labels from `LeanTables` (fetched once
//! per rulebook and language). Nothing is decided here that `eval` does not decide: this module
//! runs the same stages (`eval::fill_from_text`, `statuses`, `decide`, `question::next`) and only
//! encodes what `eval::explain` would have rendered.
//!
//! Facts in: triples `(fact index, a, b)` of `f64` — bool `a` = 0/1; enum `a`/`b` = low/high 32 bits
//! of the value mask; date `a` = days since 1970-01-01; number `a` = the number.
//!
//! Words out (`LEAN_ERROR` alone when the input must go through the full path for its diagnostics):
//! ```text
//! verdict (0 allowed, 1 needs_more_info, 2 violation)
//! n_facts, n_facts × [fact, tag, p, q]   in name order; tag 1 bool p; 2 enum mask p|q<<32; 3 date p (i32); 4 number bits p|q<<32
//! n_spans, n_spans × [fact, start, end]  evidence per fact, fact order, UTF-16 offsets
//! n_matched, n_matched × [rule, n_because, n_ev_facts, because…, ev_facts…]
//!     because = n_tokens, n_tokens × [op, fact, p, q]  (see `Tok`)
//! n_possible, n_possible × [rule, n_missing, missing facts…]
//! question fact + 1 (0: none), n_answers, answer value indices…
//! generation (changes when the active rulebook changes)
//! ```

use crate::eval::facts::{FactTable, Utf16, MAX_TEXT_BYTES};
use crate::eval::tri::{self, Tri, Val};
use crate::eval::{self, question};
use crate::rulebook::{text, yes_no, CmpOp, Cond, FactType, Rulebook};
use crate::verdict::{Lang, RuleKind, VerdictKind};
use serde::Serialize;

/// The whole answer when the input needs the full path (unknown fact, bad value, text too long).
pub const LEAN_ERROR: u32 = u32::MAX;

/// Tokens of a "because" string; the string is their renderings concatenated.
#[repr(u32)]
enum Tok {
    /// `fact_label(f)`
    Label = 0,
    /// `fact_label(f) + " " + no`
    LabelNo = 1,
    /// `not_prefix + " "`, then the next tokens
    NotPrefix = 2,
    /// the enum label of mask `p | q << 32`
    Set = 3,
    /// `iso(p) + " " + within + " " + period_label(q)`
    DateIn = 4,
    /// `fact_label(f) + " " + op_name(op >> 8) + " " + f64(p | q << 32)`
    Cmp = 5,
    /// the empty string
    Empty = 6,
}

/// Everything the JS wrapper needs to expand lean answers, in one language.
#[derive(Debug, Clone, Serialize)]
pub struct LeanTables {
    /// Fact names, by index.
    pub fact_names: Vec<String>,
    /// 0 bool, 1 enum, 2 date, 3 number.
    pub fact_types: Vec<u8>,
    /// Enum index of enum facts (else 0).
    pub fact_enums: Vec<u16>,
    /// The label used in "because" (an open yes/no fact's label ends with "Ya").
    pub fact_labels: Vec<String>,
    /// The question text (label or name).
    pub fact_questions: Vec<String>,
    /// Per enum: value names and labels.
    pub enum_values: Vec<Vec<(String, String)>>,
    /// Per enum: groups as (name, label, mask low, mask high).
    pub enum_groups: Vec<Vec<(String, String, u32, u32)>>,
    /// Rule ids.
    pub rule_ids: Vec<String>,
    /// 0 prohibition, 1 permission.
    pub rule_kinds: Vec<u8>,
    /// Rule titles.
    pub rule_titles: Vec<String>,
    /// Canonical citations.
    pub rule_basis: Vec<Vec<String>>,
    /// Sanction indices, strongest first.
    pub rule_sanctions: Vec<Vec<u32>>,
    /// Advice (or null).
    pub rule_advice: Vec<Option<String>>,
    /// Note (or null).
    pub rule_notes: Vec<Option<String>>,
    /// Sanctions as (id, label, severity).
    pub sanctions: Vec<(String, String, u32)>,
    /// Period labels.
    pub periods: Vec<String>,
    /// "Ya"/"Yes", "Tidak"/"No", "tidak:"/"not:", "dalam"/"within".
    pub words: [&'static str; 4],
    /// The rulebook generation these tables describe.
    pub generation: u32,
}

/// The tables of a rulebook in a language.
pub fn tables(book: &Rulebook, lang: Lang, generation: u32) -> LeanTables {
    let en = lang == Lang::En;
    LeanTables {
        fact_names: book.facts.iter().map(|f| f.name.clone()).collect(),
        fact_types: book.facts.iter().map(|f| match f.ty { FactType::Bool => 0, FactType::Enum(_) => 1, FactType::Date => 2, FactType::Number => 3 }).collect(),
        fact_enums: book.facts.iter().map(|f| if let FactType::Enum(e) = f.ty { e } else { 0 }).collect(),
        fact_labels: (0..book.facts.len()).map(|f| book.fact_label(f, lang).into_owned()).collect(),
        fact_questions: book.facts.iter().map(|f| f.label.as_ref().map_or_else(|| f.name.clone(), |l| text(l, lang).to_string())).collect(),
        enum_values: book.enums.iter().map(|e| e.values.iter().map(|(n, l)| (n.clone(), text(l, lang).to_string())).collect()).collect(),
        enum_groups: book
            .enums
            .iter()
            .map(|e| e.groups.iter().map(|(n, l, m)| (n.clone(), text(l, lang).to_string(), *m as u32, (*m >> 32) as u32)).collect())
            .collect(),
        rule_ids: book.rules.iter().map(|r| r.id.clone()).collect(),
        rule_kinds: book.rules.iter().map(|r| (r.kind == RuleKind::Permission) as u8).collect(),
        rule_titles: book.rules.iter().map(|r| text(&r.title, lang).to_string()).collect(),
        rule_basis: book.rules.iter().map(|r| r.basis.clone()).collect(),
        rule_sanctions: book.rules.iter().map(|r| r.sanctions.clone()).collect(),
        rule_advice: book.rules.iter().map(|r| r.advice.as_ref().map(|l| text(l, lang).to_string())).collect(),
        rule_notes: book.rules.iter().map(|r| r.note.as_ref().map(|l| text(l, lang).to_string())).collect(),
        sanctions: book.sanctions.iter().map(|s| (s.name.clone(), text(&s.label, lang).to_string(), s.severity)).collect(),
        periods: book.periods.iter().map(|p| text(&p.label, lang).to_string()).collect(),
        words: {
            let (yes, no) = yes_no(lang);
            if en { [yes, no, "not:", "within"] } else { [yes, no, "tidak:", "dalam"] }
        },
        generation,
    }
}

/// The given facts from triples into `t` (reused between calls), or `None` when one is out of
/// range or of the wrong type.
#[cfg_attr(netral_speed, optimize(speed))]
fn given(book: &Rulebook, text_in: &str, facts: &[f64], t: &mut FactTable) -> Option<()> {
    let n = book.facts.len();
    t.reset(book, text_in);
    if !facts.len().is_multiple_of(3) {
        return None;
    }
    for x in facts.chunks_exact(3) {
        let (id, a, b) = (x[0], x[1], x[2]);
        if !(id >= 0.0 && (id as usize) < n && id.fract() == 0.0) {
            return None;
        }
        let id = id as usize;
        let u32_of = |v: f64| (v >= 0.0 && v <= u32::MAX as f64 && v.fract() == 0.0).then_some(v as u64);
        let v = match book.facts[id].ty {
            FactType::Bool => Val::Bool(a != 0.0),
            FactType::Enum(e) => {
                let m = u32_of(a)? | (u32_of(b)? << 32);
                if m == 0 || m & !book.enums[e as usize].all() != 0 {
                    return None;
                }
                Val::Set(m)
            }
            FactType::Date => {
                if a.fract() != 0.0 || a < i32::MIN as f64 || a > i32::MAX as f64 {
                    return None;
                }
                Val::Date(a as i32)
            }
            FactType::Number => Val::Num(a),
        };
        t.give(id, v);
    }
    Some(())
}

/// What the lean path keeps between calls: the fact table and the buffers of every stage, so
/// that a call allocates nothing once they have grown.
#[derive(Default)]
struct Scratch {
    table: FactTable,
    st: eval::Statuses,
    /// Rule indices (matched, then possible).
    rules: Vec<usize>,
    /// Fact indices (a matched rule's facts, a possible rule's missing facts).
    facts: Vec<usize>,
    search: question::Search,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Classifies an incident given as text and fact triples; the answer as words (module docs).
pub fn classify(book: &Rulebook, text_in: &str, facts: &[f64], generation: u32, out: &mut Vec<u32>) {
    out.clear();
    if text_in.len() > MAX_TEXT_BYTES {
        out.push(LEAN_ERROR);
        return;
    }
    SCRATCH.with(|s| classify_into(book, text_in, facts, generation, &mut s.borrow_mut(), out))
}

#[cfg_attr(netral_speed, optimize(speed))]
fn classify_into(book: &Rulebook, text_in: &str, facts: &[f64], generation: u32, s: &mut Scratch, out: &mut Vec<u32>) {
    if given(book, text_in, facts, &mut s.table).is_none() {
        out.push(LEAN_ERROR);
        return;
    }
    eval::fill_from_text(book, &mut s.table, text_in);
    s.st.fill(book, &s.table.vals);
    let verdict = eval::decide(book, &s.st);
    out.push(match verdict {
        VerdictKind::Allowed => 0,
        VerdictKind::NeedsMoreInfo => 1,
        VerdictKind::Violation => 2,
    });
    known_facts(book, &s.table, out);
    evidence_spans(text_in, &s.table, out);
    matched_rules(book, s, out);
    possible_rules(book, s, out);
    let q = match verdict {
        VerdictKind::NeedsMoreInfo => question::next_in(book, &s.table.vals, &s.st, &mut s.search),
        _ => None,
    };
    question_words(book, &s.table.vals, q, out);
    out.push(generation);
}

/// Known facts (given, or read from the text with or without words), in name order (the key
/// order of `Verdict.facts`).
#[cfg_attr(netral_speed, optimize(speed))]
fn known_facts(book: &Rulebook, t: &FactTable, out: &mut Vec<u32>) {
    let at = out.len();
    out.push(0);
    for &f in &book.plan().fact_order {
        let f = f as usize;
        if !t.given[f] && !t.inferred[f] {
            continue;
        }
        let w = match (t.vals[f], book.facts[f].ty) {
            (Val::Bool(b), _) => [1, b as u32, 0],
            (Val::Num(x), _) => [4, x.to_bits() as u32, (x.to_bits() >> 32) as u32],
            (Val::Date(d), _) => [3, d as u32, 0],
            (Val::Set(m), FactType::Enum(_)) => [2, m as u32, (m >> 32) as u32],
            _ => continue,
        };
        out.extend_from_slice(&[f as u32, w[0], w[1], w[2]]);
        out[at] += 1;
    }
}

/// Evidence spans, per fact, in UTF-16 offsets.
fn evidence_spans(text_in: &str, t: &FactTable, out: &mut Vec<u32>) {
    let at = out.len();
    out.push(0);
    if t.spans.is_empty() {
        return;
    }
    let utf16 = Utf16::new(text_in, &t.spans);
    for &(f, s, e) in &t.spans {
        if text_in.get(s as usize..e as usize).is_none() {
            continue;
        }
        out.extend_from_slice(&[f as u32, utf16.get(s), utf16.get(e)]);
        out[at] += 1;
    }
}

/// Matched rules: prohibitions first, strongest sanction first; then permissions (stable).
#[cfg_attr(netral_speed, optimize(speed))]
fn matched_rules(book: &Rulebook, s: &mut Scratch, out: &mut Vec<u32>) {
    s.rules.clear();
    for (i, st) in s.st.effective.iter().enumerate() {
        if *st == Tri::True {
            s.rules.push(i);
        }
    }
    let severity = |i: usize| book.rules[i].sanctions.first().map_or(0, |&s| book.sanctions[s as usize].severity);
    s.rules.sort_by_key(|&i| (book.rules[i].kind == RuleKind::Permission, std::cmp::Reverse(severity(i))));
    out.push(s.rules.len() as u32);
    for &i in &s.rules {
        matched_rule(book, &s.table, i, &mut s.facts, out);
    }
}

/// One matched rule: its "because" tokens and the facts with evidence among those it names.
fn matched_rule(book: &Rulebook, t: &FactTable, i: usize, facts_used: &mut Vec<usize>, out: &mut Vec<u32>) {
    out.push(i as u32);
    let counts = out.len();
    out.extend_from_slice(&[0, 0]);
    facts_used.clear();
    tri::true_leaves(&book.rules[i].cond, &t.vals, &mut |leaf| {
        let n_at = out.len();
        out.push(0);
        leaf_tokens(book, &t.vals, leaf, out);
        out[n_at] = ((out.len() - n_at - 1) / 4) as u32;
        out[counts] += 1;
        if let Some(f) = leaf_fact(leaf) {
            if !facts_used.contains(&(f as usize)) {
                facts_used.push(f as usize);
            }
        }
    });
    for &f in facts_used.iter() {
        if !t.spans_of(f).is_empty() {
            out.push(f as u32);
            out[counts + 1] += 1;
        }
    }
}

/// Possible prohibitions, heaviest first (stable), with the open facts they wait on.
#[cfg_attr(netral_speed, optimize(speed))]
fn possible_rules(book: &Rulebook, s: &mut Scratch, out: &mut Vec<u32>) {
    s.rules.clear();
    for (i, st) in s.st.effective.iter().enumerate() {
        if *st == Tri::Unknown && book.rules[i].kind == RuleKind::Prohibition {
            s.rules.push(i);
        }
    }
    s.rules.sort_by_key(|&i| std::cmp::Reverse(book.rules[i].weight));
    out.push(s.rules.len() as u32);
    let vals = &s.table.vals;
    for &i in &s.rules {
        let missing = &mut s.facts;
        missing.clear();
        question::each_unknown_fact(book, i, vals, &mut |f| {
            if eval::is_open_unknown(book, vals, f) && !missing.contains(&f) {
                missing.push(f);
            }
        });
        out.push(i as u32);
        out.push(missing.len() as u32);
        out.extend(missing.iter().map(|&f| f as u32));
    }
}

/// The question: fact + 1 (0: none), then the indices of an enum's answers.
fn question_words(book: &Rulebook, vals: &[Val], q: Option<usize>, out: &mut Vec<u32>) {
    let Some(f) = q else {
        out.extend_from_slice(&[0, 0]);
        return;
    };
    out.push(f as u32 + 1);
    let at = out.len();
    out.push(0);
    if let FactType::Enum(_) = book.facts[f].ty {
        for v in question::answers(book, vals, f) {
            if let Val::Set(m) = v {
                out.push(m.trailing_zeros());
                out[at] += 1;
            }
        }
    }
}

/// The tokens of `Explainer::leaf_words`.
fn leaf_tokens(book: &Rulebook, vals: &[Val], leaf: &Cond, out: &mut Vec<u32>) {
    let tok = |out: &mut Vec<u32>, op: u32, f: u32, p: u32, q: u32| out.extend_from_slice(&[op, f, p, q]);
    match leaf {
        Cond::IsTrue(f) => tok(out, Tok::Label as u32, *f as u32, 0, 0),
        Cond::Not(inner) if book.facts[leaf_fact(inner).unwrap_or(0) as usize].open => {
            tok(out, Tok::LabelNo as u32, leaf_fact(inner).unwrap_or(0) as u32, 0, 0)
        }
        Cond::Not(inner) => {
            tok(out, Tok::NotPrefix as u32, 0, 0, 0);
            match &**inner {
                Cond::IsTrue(f) => tok(out, Tok::Label as u32, *f as u32, 0, 0),
                other => leaf_tokens(book, vals, other, out),
            }
        }
        Cond::InSet(f, _) => match (vals.get(*f as usize), book.facts[*f as usize].ty) {
            (Some(Val::Set(m)), FactType::Enum(_)) => tok(out, Tok::Set as u32, *f as u32, *m as u32, (*m >> 32) as u32),
            _ => tok(out, Tok::Empty as u32, 0, 0, 0),
        },
        Cond::DateIn(f, _, _, p) => match vals.get(*f as usize) {
            Some(Val::Date(d)) => tok(out, Tok::DateIn as u32, *f as u32, *d as u32, *p as u32),
            // `value` gives no date: the string starts with a space.
            _ => tok(out, Tok::DateIn as u32 | 1 << 8, *f as u32, 0, *p as u32),
        },
        Cond::Cmp(f, op, x) => {
            let op = match op {
                CmpOp::Eq => 0,
                CmpOp::Ne => 1,
                CmpOp::Lt => 2,
                CmpOp::Le => 3,
                CmpOp::Gt => 4,
                CmpOp::Ge => 5,
            };
            tok(out, Tok::Cmp as u32 | op << 8, *f as u32, x.to_bits() as u32, (x.to_bits() >> 32) as u32)
        }
        Cond::And(_) | Cond::Or(_) | Cond::Const(_) => tok(out, Tok::Empty as u32, 0, 0, 0),
    }
}

fn leaf_fact(c: &Cond) -> Option<u16> {
    match c {
        Cond::IsTrue(f) | Cond::InSet(f, _) | Cond::DateIn(f, ..) | Cond::Cmp(f, ..) => Some(*f),
        Cond::Not(x) => leaf_fact(x),
        _ => None,
    }
}
