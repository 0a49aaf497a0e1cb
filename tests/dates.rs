//! A month or part of a year written in an incident is a range of days: periods are tested
//! against the whole range, and a range that straddles a period's end leaves the date asked.

use netral::{Incident, Rulebook};
use serde_json::Value;

/// The verdict's JSON for a text and the facts given (JSON), or the error's codes.
fn verdict(text: &str, facts: &str) -> Result<Value, String> {
    let json = format!(r#"{{"text": {}, "facts": {facts}}}"#, serde_json::to_string(text).unwrap());
    let codes = |e: Vec<netral::Diagnostic>| e.iter().map(|d| d.code.to_string()).collect::<Vec<_>>().join(" ");
    let incident = Incident::from_json(&json).map_err(codes)?;
    let book = Rulebook::builtin();
    let v = book.classify(&incident).map_err(codes)?;
    Ok(serde_json::to_value(&v).unwrap())
}

fn date_of(v: &Value) -> &str {
    v["facts"]["date"].as_str().unwrap_or_default()
}

/// The incumbent window (UU 10/2016 Pasal 71) starts 22 March 2024: July lies inside it, March
/// straddles its start, January lies before it.
#[test]
fn a_month_is_tested_as_a_whole() {
    let text = |month: &str| {
        format!("Bupati petahana yang maju lagi melantik pejabat eselon II pada {month} tanpa persetujuan Mendagri.")
    };
    let july = verdict(&text("Juli 2024"), "{}").unwrap();
    assert_eq!(july["verdict"], "violation");
    assert_eq!(date_of(&july), "2024-07-01/2024-07-31");
    let march = verdict(&text("Maret 2024"), "{}").unwrap();
    assert_eq!(march["verdict"], "needs_more_info");
    assert_eq!(march["question"]["fact"], "date");
    let answered = verdict(&text("Maret 2024"), r#"{"date": "2024-03-25"}"#).unwrap();
    assert_eq!(answered["verdict"], "violation");
    let january = verdict(&text("akhir Januari 2024"), "{}").unwrap();
    assert_ne!(january["verdict"], "violation");
}

/// A verdict's range is accepted back as an answer; a range that ends before it starts is not.
#[test]
fn a_range_is_an_answer() {
    let text = "Bupati petahana yang maju lagi melantik pejabat eselon II tanpa persetujuan Mendagri.";
    let v = verdict(text, r#"{"date": "2024-07-01/2024-07-31"}"#).unwrap();
    assert_eq!(v["verdict"], "violation");
    assert_eq!(date_of(&v), "2024-07-01/2024-07-31");
    let err = verdict(text, r#"{"date": "2024-07-31/2024-07-01"}"#).unwrap_err();
    assert!(err.contains("E-FACT-VALUE"), "{err}");
}
