//! Any bytes as a rule file: parse, resolve, lint and run examples must never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = netral::check::check(&netral::Sources::single("fuzz.rules", text));
    }
});
