//! A loop for profilers: `cargo build --release --example profile` then run it under valgrind
//! (`--tool=callgrind`). `profile facts` classifies form facts only; `profile [TEXT]` a text (by default the
//! 300-character incident of `benches/classify.rs`).
use netral::{FactInput, Incident, Rulebook};
fn main() {
    let book = Rulebook::builtin();
    let arg = std::env::args().nth(1);
    let mut inc = Incident::default();
    if arg.as_deref() == Some("facts") {
        inc.facts.insert("subject".into(), FactInput::Text("pns".into()));
        inc.facts.insert("on_leave".into(), FactInput::Bool(false));
    } else {
        inc.text = arg.unwrap_or_else(|| "Duh, aku PNS di pemkot, kemarin ga sengaja nge-like postingan IG salah satu paslon walkot pas Pilkada 2024, kepencet waktu scroll. Terus temen kantor juga share video kampanye caleg di grup WA dinas. Aku nggak ikut deklarasi atau pakai atribut apa pun. Itu masuk pelanggaran ga sih? Mohon penjelasannya ya.".into());
    }
    let rounds = if inc.text.is_empty() { 200_000 } else { 10_000 };
    for _ in 0..rounds {
        std::hint::black_box(book.classify(std::hint::black_box(&inc)).ok());
    }
}
