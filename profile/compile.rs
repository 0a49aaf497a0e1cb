//! A loop for profilers: compile the default rulebook repeatedly.
fn main() {
    let sources = netral::builtin_sources();
    for _ in 0..20 {
        std::hint::black_box(netral::Rulebook::compile(&sources).ok());
    }
}
