//! Any text as an incident for the default rulebook: classification must never panic, and its
//! evidence offsets must slice the text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let incident = netral::Incident { text: text.clone(), ..Default::default() };
    if let Ok(v) = netral::Rulebook::builtin().classify(&incident) {
        let utf16: Vec<u16> = text.encode_utf16().collect();
        for e in &v.evidence {
            assert!(e.start <= e.end && (e.end as usize) <= utf16.len());
        }
    }
});
