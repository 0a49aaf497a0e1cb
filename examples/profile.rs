//! A loop for profilers: `cargo build --release --example profile` then run it under valgrind.
use netral::{Incident, Rulebook, FactInput};
fn main() {
    let book = Rulebook::builtin();
    let text = std::env::args().nth(1).unwrap_or_else(|| "Duh, aku PNS di pemkot, kemarin ga sengaja nge-like postingan IG salah satu paslon walkot pas Pilkada 2024, kepencet waktu scroll. Terus temen kantor juga share video kampanye caleg di grup WA dinas.".into());
    let mut facts = Incident::default();
    facts.facts.insert("subject".into(), FactInput::Text("pns".into()));
    for _ in 0..2000 {
        std::hint::black_box(book.classify(&Incident { text: text.clone(), ..Default::default() }).ok());
        std::hint::black_box(book.classify(&facts).ok());
    }
}
