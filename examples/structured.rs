//! Netral natively on the structured incidents of the side-by-side benchmark (bench/peers.mjs
//! writes them): `Rulebook::classify` with the full `Verdict` out, timed per incident in batches,
//! interleaved over rounds. Prints one JSON line: median and p99 in µs.
//! `structured_lean` times the lean path (`netral::lean::classify`, what `classify` from JS runs).
//!   cargo run --release --example structured -- CASES.json [TEXTS.json]
use netral::{FactInput, Incident, Rulebook};
use std::time::Instant;

fn incidents(path: &str) -> Vec<Incident> {
    let v: Vec<serde_json::Map<String, serde_json::Value>> = serde_json::from_str(&std::fs::read_to_string(path).expect("read cases")).expect("parse cases");
    v.into_iter()
        .map(|o| {
            let text = o.get("text").and_then(|t| t.as_str()).unwrap_or("").to_string();
            let facts = o.get("facts").and_then(|f| f.as_object()).cloned().unwrap_or_default();
            let facts = facts
                .into_iter()
                .map(|(k, v)| {
                    let x = match v {
                        serde_json::Value::Bool(b) => FactInput::Bool(b),
                        serde_json::Value::Number(n) => FactInput::Number(n.as_f64().unwrap_or(0.0)),
                        serde_json::Value::String(s) => FactInput::Text(s),
                        _ => FactInput::Null(()),
                    };
                    (k, x)
                })
                .collect();
            Incident { text, facts, ..Default::default() }
        })
        .collect()
}

fn time(book: &Rulebook, set: &[Incident], batch: usize) -> (f64, f64) {
    let mut xs = vec![];
    for inc in set.iter().cycle().take(set.len() * 2) {
        std::hint::black_box(book.classify(inc).ok());
    }
    for _ in 0..10 {
        for inc in set {
            let t0 = Instant::now();
            for _ in 0..batch {
                std::hint::black_box(book.classify(std::hint::black_box(inc)).ok());
            }
            xs.push(t0.elapsed().as_secs_f64() * 1e6 / batch as f64);
        }
    }
    xs.sort_by(|a, b| a.partial_cmp(b).unwrap());
    (xs[xs.len() / 2], xs[(xs.len() * 99 / 100).min(xs.len() - 1)])
}

/// An incident as the lean boundary takes it: text and `(fact, a, b)` triples (see `netral::lean`).
fn lean_input(t: &netral::lean::LeanTables, inc: &Incident) -> (String, Vec<f64>) {
    let mut triples = vec![];
    for (name, v) in &inc.facts {
        let Some(f) = t.fact_names.iter().position(|n| n == name) else { continue };
        let (a, b) = match (t.fact_types[f], v) {
            (0, FactInput::Bool(b)) => (*b as u8 as f64, 0.0),
            (1, FactInput::Text(s)) => {
                let e = t.fact_enums[f] as usize;
                let mask: u64 = match t.enum_values[e].iter().position(|(n, _)| n == s) {
                    Some(i) => 1 << i,
                    None => t.enum_groups[e].iter().find(|g| &g.0 == s).map_or(0, |g| g.2 as u64 | (g.3 as u64) << 32),
                };
                ((mask & 0xffff_ffff) as f64, (mask >> 32) as f64)
            }
            (2, FactInput::Text(s)) => match netral::text::parse_iso_date(s) {
                Some(d) => (d as f64, 0.0),
                None => continue,
            },
            (3, FactInput::Number(x)) => (*x, 0.0),
            _ => continue,
        };
        triples.extend([f as f64, a, b]);
    }
    (inc.text.clone(), triples)
}

/// The lean path (what the wasm module runs for `classify` from JS), per incident.
fn time_lean(book: &Rulebook, set: &[(String, Vec<f64>)], batch: usize) -> (f64, f64) {
    let mut out = vec![];
    let mut xs = vec![];
    for _ in 0..10 {
        for (text, facts) in set {
            let t0 = Instant::now();
            for _ in 0..batch {
                netral::lean::classify(book, std::hint::black_box(text), std::hint::black_box(facts), 0, &mut out);
                std::hint::black_box(&out);
            }
            xs.push(t0.elapsed().as_secs_f64() * 1e6 / batch as f64);
        }
    }
    xs.sort_by(|a, b| a.partial_cmp(b).unwrap());
    (xs[xs.len() / 2], xs[(xs.len() * 99 / 100).min(xs.len() - 1)])
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let book = Rulebook::builtin();
    let structured = incidents(&args[1]);
    let (m, p) = time(book, &structured, 20);
    let mut out = format!("{{\"structured\": {{\"median\": {m:.3}, \"p99\": {p:.3}, \"n\": {}}}", structured.len());
    let tables = netral::lean::tables(book, netral::Lang::Id, 0);
    let lean: Vec<_> = structured.iter().map(|i| lean_input(&tables, i)).collect();
    let (m, p) = time_lean(book, &lean, 20);
    out += &format!(", \"structured_lean\": {{\"median\": {m:.3}, \"p99\": {p:.3}, \"n\": {}}}", lean.len());
    if let Some(t) = args.get(2) {
        let texts = incidents(t);
        let (m, p) = time(book, &texts, 5);
        out += &format!(", \"text\": {{\"median\": {m:.3}, \"p99\": {p:.3}, \"n\": {}}}", texts.len());
    }
    println!("{out}}}");
}
