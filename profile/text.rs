//! A loop for profilers over the text stage alone (`netral::text::analyse`).
fn main() {
    let text = std::env::args().nth(1).unwrap_or_else(|| "Duh, aku PNS di pemkot, kemarin ga sengaja nge-like postingan IG salah satu paslon walkot pas Pilkada 2024, kepencet waktu scroll. Terus temen kantor juga share video kampanye caleg di grup WA dinas. Aku nggak ikut deklarasi atau pakai atribut apa pun. Itu masuk pelanggaran ga sih? Mohon penjelasannya ya.".into());
    for _ in 0..10_000 {
        std::hint::black_box(netral::text::analyse(std::hint::black_box(&text)));
    }
}
