//! Native speed of the default rulebook: classify with form facts only, classify a
//! 300-character incident, and compile the whole rulebook. Budgets (medians): ≤ 1 µs,
//! ≤ 20 µs and ≤ 2 ms. Run with `make bench` or `cargo bench --bench classify`.

use criterion::{criterion_group, criterion_main, Criterion};
use netral::{builtin_sources, FactInput, Incident, Rulebook};
use std::hint::black_box;

/// A realistic 300-character incident in everyday Indonesian.
const TEXT_300: &str = "Duh, aku PNS di pemkot, kemarin ga sengaja nge-like postingan IG salah satu paslon walkot pas Pilkada 2024, kepencet waktu scroll. Terus temen kantor juga share video kampanye caleg di grup WA dinas. Aku nggak ikut deklarasi atau pakai atribut apa pun. Itu masuk pelanggaran ga sih? Mohon penjelasannya ya.";

fn benches(c: &mut Criterion) {
    let book = Rulebook::builtin();
    let mut facts_only = Incident::default();
    facts_only.facts.insert("subject".into(), FactInput::Text("pns".into()));
    facts_only.facts.insert("on_leave".into(), FactInput::Bool(false));
    c.bench_function("classify/facts_only", |b| b.iter(|| book.classify(black_box(&facts_only))));
    let text = Incident { text: TEXT_300.into(), ..Default::default() };
    c.bench_function("classify/text_300_chars", |b| b.iter(|| book.classify(black_box(&text))));
    let sources = builtin_sources();
    c.bench_function("compile/default_rulebook", |b| b.iter(|| Rulebook::compile(black_box(&sources))));
}

criterion_group!(name = group; config = Criterion::default().sample_size(50); targets = benches);
criterion_main!(group);
