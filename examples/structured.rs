//! Netral natively on the structured incidents of the side-by-side benchmark (bench/peers.mjs
//! writes them): `Rulebook::classify` with the full `Verdict` out, timed per incident in batches,
//! interleaved over rounds. Prints one JSON line: median and p99 in µs.
//!   cargo run --release --example structured -- CASES.json [TEXTS.json]
use netral::{FactInput, Incident, Rulebook};
use std::time::Instant;

fn incidents(path: &str) -> Vec<Incident> {
    let v: Vec<serde_json::Map<String, serde_json::Value>> =
        serde_json::from_str(&std::fs::read_to_string(path).expect("read cases")).expect("parse cases");
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

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let book = Rulebook::builtin();
    let structured = incidents(&args[1]);
    let (m, p) = time(book, &structured, 20);
    let mut out = format!("{{\"structured\": {{\"median\": {m:.3}, \"p99\": {p:.3}, \"n\": {}}}", structured.len());
    if let Some(t) = args.get(2) {
        let texts = incidents(t);
        let (m, p) = time(book, &texts, 5);
        out += &format!(", \"text\": {{\"median\": {m:.3}, \"p99\": {p:.3}, \"n\": {}}}", texts.len());
    }
    println!("{out}}}");
}
