//! Writes the default rulebook as json-logic for the side-by-side benchmark (bench/peers.mjs
//! derives the json-rules-engine rules and the ZEN decision from it):
//!   cargo run --release --features peers --example export_peers [-- OUT]   (default bench/peers/netral.jsonlogic.json)
fn main() {
    let out = std::env::args().nth(1).unwrap_or_else(|| "bench/peers/netral.jsonlogic.json".into());
    if let Some(dir) = std::path::Path::new(&out).parent() {
        std::fs::create_dir_all(dir).expect("cannot create the output directory");
    }
    let json = netral::Rulebook::builtin().export_json_logic();
    std::fs::write(&out, &json).expect("cannot write the export");
    eprintln!("wrote {out} ({} bytes, {} rules)", json.len(), netral::Rulebook::builtin().len());
}
