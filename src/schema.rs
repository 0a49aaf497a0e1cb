//! The contract as JSON Schema (draft 2020-12), generated from the Rust types with schemars:
//! what `schema/*.json` holds, what `netral schema` (`make schema`) writes, and what
//! `tests/schema.rs` compares the committed files with. Native only (the `schema` feature, part
//! of `cli`): the wasm modules carry no schema code.

use crate::diagnostic::Diagnostic;
use crate::info::{FactQuestion, RuleInfo};
use crate::verdict::{Incident, Question, Verdict};

use serde_json::Value;

/// Every schema file as (file name, JSON text ending in a newline), in a fixed order.
pub fn files() -> Vec<(&'static str, String)> {
    vec![
        ("incident.json", text(schemars::schema_for!(Incident), false)),
        ("verdict.json", text(schemars::schema_for!(Verdict<'static>), true)),
        ("question.json", text(schemars::schema_for!(Question<'static>), true)),
        ("diagnostic.json", text(schemars::schema_for!(Diagnostic), true)),
        ("rules.json", text(schemars::schema_for!(Vec<RuleInfo>), true)),
        ("questions.json", text(schemars::schema_for!(Vec<FactQuestion>), true)),
    ]
}

/// Pretty JSON, one trailing newline (as an editor saves it). In what Netral writes (`output`),
/// every field is always present, `null` when empty (no field is skipped when serialised), so
/// every property is required; an Incident's fields stay optional.
fn text(schema: schemars::Schema, output: bool) -> String {
    let mut value = schema.to_value();
    if output {
        require_all(&mut value);
    }
    let mut s = serde_json::to_string_pretty(&value).unwrap_or_default();
    s.push('\n');
    s
}

/// Lists every property of every object schema, at any depth, as required.
fn require_all(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                let names: Vec<Value> = props.keys().map(|k| Value::String(k.clone())).collect();
                let mut required = match map.remove("required") {
                    Some(Value::Array(r)) => r,
                    _ => vec![],
                };
                for name in names {
                    if !required.contains(&name) {
                        required.push(name);
                    }
                }
                map.insert("required".into(), Value::Array(required));
            }
            map.values_mut().for_each(require_all);
        }
        Value::Array(items) => items.iter_mut().for_each(require_all),
        _ => {}
    }
}
