//! Snapshots of what users read: the CLI's rendering of diagnostics, the readable verdict and
//! the Verdict JSON. Uses tests/fixtures/mini.rules so the snapshots do not move with the
//! default rulebook's wording. Review changes with `cargo insta review` (or INSTA_UPDATE=always).

use std::process::Command;

fn netral(args: &[&str]) -> (String, String, i32) {
    let out =
        Command::new(env!("CARGO_BIN_EXE_netral")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap();
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap(), out.status.code().unwrap_or(-1))
}

#[test]
fn check_renders_each_problem_with_its_line() {
    let (_, stderr, code) = netral(&["check", "tests/fixtures/broken.rules"]);
    assert_eq!(code, 1, "errors make `netral check` fail");
    insta::assert_snapshot!("check_broken", stderr);
}

#[test]
fn readable_verdict_marks_the_evidence() {
    let (stdout, _, code) =
        netral(&["classify", "--rules", "tests/fixtures/mini.rules", "--text", "Saya PNS, saya like postingan caleg"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("classify_violation_id", stdout);
}

#[test]
fn readable_question_in_english() {
    let (stdout, _, _) =
        netral(&["classify", "--rules", "tests/fixtures/mini.rules", "--lang", "en", "--text", "I like a caleg post"]);
    insta::assert_snapshot!("classify_question_en", stdout);
}

#[test]
fn verdict_json_contract() {
    let (stdout, _, _) = netral(&[
        "classify",
        "--rules",
        "tests/fixtures/mini.rules",
        "--json",
        "--text",
        "Saya PNS, istri saya caleg, saya sudah cuti dan ikut kampanye",
    ]);
    insta::assert_snapshot!("classify_permission_json", stdout);
}

#[test]
fn unknown_fact_is_a_clear_error() {
    let (_, stderr, code) = netral(&[
        "classify",
        "--rules",
        "tests/fixtures/mini.rules",
        "--text",
        "x",
        "--fact",
        "subjek=pns",
        "--fact",
        "subject=ppk",
    ]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("classify_bad_facts", stderr);
}

#[test]
fn test_command_ends_with_the_count_line() {
    let (stdout, _, code) = netral(&["test", "tests/fixtures/mini.rules"]);
    assert_eq!(code, 0);
    assert_eq!(stdout.lines().last(), Some("6 passed, 0 failed"));
}
