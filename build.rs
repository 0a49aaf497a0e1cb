//! `NETRAL_SNAPSHOT=path` (set by `make web`) embeds a snapshot of the compiled built-in
//! rulebook in the library, so that the WebAssembly module starts without compiling its rules.
fn main() {
    println!("cargo::rustc-check-cfg=cfg(netral_snapshot)");
    println!("cargo::rerun-if-env-changed=NETRAL_SNAPSHOT");
    if let Ok(path) = std::env::var("NETRAL_SNAPSHOT") {
        println!("cargo::rerun-if-changed={path}");
        println!("cargo::rustc-cfg=netral_snapshot");
    }
}
