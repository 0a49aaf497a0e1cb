//! The committed JSON Schemas (`schema/*.json`) are the ones the Rust types generate: a change
//! to the contract's types that is not regenerated with `make schema` fails here.
//! (Real verdicts of the CLI and of the module are validated against these files with ajv in
//! `tests/browser/schema.test.mjs`.)

use std::path::Path;

#[test]
fn committed_schemas_equal_the_generated_ones() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema");
    let generated = netral::schema::files();
    for (name, text) in &generated {
        let committed = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        assert!(committed == *text, "schema/{name} is not what the types generate: run `make schema` and commit it");
    }
    // No stale file: every committed schema is still generated.
    let mut committed: Vec<String> = std::fs::read_dir(&dir)
        .expect("schema/ exists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".json"))
        .collect();
    committed.sort();
    let mut names: Vec<String> = generated.iter().map(|(n, _)| n.to_string()).collect();
    names.sort();
    assert_eq!(committed, names, "schema/ holds a file the types no longer generate: run `make schema`");
}

#[test]
fn a_verdict_carries_the_contract_version() {
    let book = netral::Rulebook::builtin();
    let incident =
        netral::Incident { text: "Saya PNS, saya like postingan kampanye caleg".into(), ..Default::default() };
    let json = serde_json::to_value(book.classify(&incident).unwrap()).unwrap();
    assert_eq!(json["version"], netral::CONTRACT_VERSION);
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/verdict.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(schema["properties"]["version"]["const"], netral::CONTRACT_VERSION);
}
