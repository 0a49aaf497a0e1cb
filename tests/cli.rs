//! Hostile input to the command line (the built binary): closed pipes, control characters,
//! huge lines and files, odd line ends, empty rulebooks. Each test names the input that once
//! hung, crashed or fooled `netral`.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn netral() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_netral"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// Runs `netral ARGS` with `stdin` as its standard input.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child =
        netral().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    // Written from a thread: a large input would otherwise fill the pipe while nobody reads
    // the output.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A scratch folder of its own for one test, emptied first.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("netral-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// tests/fixtures/mini.rules with `from` replaced by `to`, written to `dir`; returns its path.
fn mini_with(dir: &std::path::Path, from: &str, to: &str) -> String {
    let mini = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini.rules")).unwrap();
    assert!(mini.contains(from), "mini.rules has no `{from}`");
    let path = dir.join("hostile.rules");
    std::fs::write(&path, mini.replacen(from, to, 1)).unwrap();
    path.to_str().unwrap().to_string()
}

// ---------------------------------------------------------------------------------------------
// A reader that goes away: `netral list | head -1` panicked with "failed printing to stdout"
// (exit 101).

/// Runs `netral ARGS` with its standard output closed before it writes anything.
fn with_output_closed(args: &[&str]) -> Output {
    let mut child =
        netral().args(args).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    // `list --json` prints some 90 KB, more than a pipe holds: it meets the closed pipe even if
    // it started writing before the pipe was closed.
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["test"],
        &["classify", "--text", "Saya PNS, saya like postingan caleg"],
        &["classify", "--json", "--text", "x"],
    ] {
        let out = with_output_closed(args);
        let stderr = text(&out.stderr);
        assert!(!stderr.contains("panicked"), "netral {args:?} panicked: {stderr}");
        assert_eq!(out.status.code(), Some(0), "netral {args:?}: {stderr}");
    }
}

#[test]
fn a_closed_pipe_ends_a_jsonl_stream_quietly() {
    let lines = "{\"text\": \"Saya PNS, saya like postingan kampanye caleg\"}\n".repeat(2000);
    let mut child = netral()
        .args(["classify", "--jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let _ = child.stdin.take().unwrap().write_all(lines.as_bytes());
    let out = child.wait_with_output().unwrap();
    assert!(!text(&out.stderr).contains("panicked"), "{}", text(&out.stderr));
    assert_eq!(out.status.code(), Some(0));
}

// ---------------------------------------------------------------------------------------------
// Control characters from rule files and incidents reached the terminal as they were: a rule
// title could clear the screen (ESC [2J) or print a line of its own that reads as a verdict.

/// The title of `asn_like` in mini.rules, and a hostile one: clear the screen, go back to the
/// start of the line and print "allowed" as if it were the verdict. (A carriage return cannot
/// be in a title: a lone CR ends a line of a rule file.)
const TITLE: &str = "\"ASN menyukai unggahan calon\"";
const FAKE_TITLE: &str = "\"ASN\u{1b}[2J\u{1b}[1GDIPERBOLEHKAN — tidak ada larangan yang terpenuhi\u{202e}\"";

/// No byte of `out` is a control character but a line end or a tab, or a bidirectional override.
fn assert_terminal_safe(out: &str) {
    for c in out.chars() {
        assert!(
            !(c.is_control() && c != '\n' && c != '\t') && c != '\u{202e}',
            "{:?} reached the terminal in:\n{out}",
            c
        );
    }
}

#[test]
fn control_characters_in_a_rule_title_are_escaped_in_a_verdict() {
    let dir = scratch("title");
    let rules = mini_with(&dir, TITLE, FAKE_TITLE);
    let out = run(&["classify", "--rules", &rules, "--text", "Saya PNS, saya like postingan caleg"], b"");
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_terminal_safe(&stdout);
    assert!(stdout.contains("ASN\\u{1b}[2J\\u{1b}[1GDIPERBOLEHKAN"), "ESC written as an escape:\n{stdout}");
    let verdict_lines: Vec<&str> =
        stdout.lines().filter(|l| l.starts_with("PELANGGARAN") || l.starts_with("DIPERBOLEHKAN")).collect();
    assert_eq!(verdict_lines, ["PELANGGARAN — tindakan ini melanggar aturan netralitas"]);
    // The JSON keeps the title as written (serde escapes it).
    let json = run(&["classify", "--json", "--rules", &rules, "--text", "Saya PNS, saya like postingan caleg"], b"");
    assert!(text(&json.stdout).contains("ASN\\u001b[2J\\u001b[1GDIPERBOLEHKAN"), "{}", text(&json.stdout));
}

#[test]
fn control_characters_in_a_rule_title_are_escaped_in_the_rule_list() {
    let dir = scratch("list");
    let rules = mini_with(&dir, TITLE, FAKE_TITLE);
    let out = run(&["list", &rules], b"");
    assert_eq!(out.status.code(), Some(0));
    assert_terminal_safe(&text(&out.stdout));
    assert!(text(&out.stdout).contains("asn_like (larangan, 3 contoh) — ASN\\u{1b}[2J"), "{}", text(&out.stdout));
}

#[test]
fn the_rule_list_names_each_rules_topics_as_written() {
    let out = run(&["list", "--json"], b"");
    assert_eq!(out.status.code(), Some(0));
    let rules: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let topics = |id: &str| {
        let rule = rules.as_array().and_then(|r| r.iter().find(|r| r["id"] == id)).expect(id);
        rule["topics"].clone()
    };
    assert_eq!(topics("asn_photo_partisan_symbol"), serde_json::json!(["medsos", "atribut"]));
    assert_eq!(topics("vote"), serde_json::json!(["pemilihan"]));
    assert!(rules.as_array().is_some_and(|r| r.iter().all(|r| r["topics"].as_array().is_some_and(|t| !t.is_empty()))));
}

#[test]
fn control_characters_in_a_failing_example_are_escaped() {
    let dir = scratch("example");
    let rules = mini_with(
        &dir,
        "example \"Saya like postingan caleg\" => needs_more_info",
        "example \"Saya PNS like postingan caleg\u{1b}[2J\" => allowed",
    );
    let out = run(&["test", &rules], b"");
    assert_eq!(out.status.code(), Some(1), "the example fails");
    let stdout = text(&out.stdout);
    assert_terminal_safe(&stdout);
    assert!(stdout.contains("FAIL example in asn_like: \"Saya PNS like postingan caleg\\u{1b}[2J\""), "{stdout}");
}

#[test]
fn control_characters_in_an_incident_are_escaped_and_its_lines_indented() {
    let out = run(
        &["classify", "--rules", "tests/fixtures/mini.rules"],
        "Saya PNS, saya like postingan caleg \u{1b}]0;owned\u{7}\rbebas\nDIPERBOLEHKAN — tidak ada larangan\n"
            .as_bytes(),
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_terminal_safe(&stdout);
    assert!(
        stdout.contains("  Bukti: Saya [PNS], saya [like] postingan [caleg] \\u{1b}]0;owned\\u{7}\\u{d}bebas\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\n         DIPERBOLEHKAN — tidak ada larangan\n"),
        "the second line of the text is indented:\n{stdout}"
    );
    assert!(!stdout.lines().any(|l| l.starts_with("DIPERBOLEHKAN")), "{stdout}");
}
#[test]
fn control_characters_in_a_diagnostic_are_escaped() {
    let dir = scratch("diagnostic");
    let rules = mini_with(
        &dir,
        "concept endorse = \"like\" | \"share\"",
        "concept endorse = \"like\" | \"\u{1b}[2J\" | nosuch",
    );
    let out = run(&["check", &rules], b"");
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_terminal_safe(&stderr);
    assert!(
        stderr.contains("concept endorse = \"like\" | \"\\u{1b}[2J\" | nosuch"),
        "the source line, escaped:\n{stderr}"
    );
}

// ---------------------------------------------------------------------------------------------
// 2,000 diagnostics on one 15 KB line: the line was printed whole under each (30 MB, 18 s).

#[test]
fn a_long_line_is_shown_cut_around_each_diagnostic() {
    let dir = scratch("long-line");
    let names: Vec<String> = (0..2000).map(|i| format!("zz{i}")).collect();
    let line = format!("concept endorse = \"like\" | {}", names.join(" | "));
    let rules = mini_with(&dir, "concept endorse = \"like\" | \"share\"", &line);
    let out = run(&["check", &rules], b"");
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr.matches("E-UNKNOWN-NAME").count(), 2000);
    assert!(stderr.len() < 2000 * 1000, "{} bytes of diagnostics", stderr.len());
    // The last name, near the end of the line: its place and the end of the line are shown.
    let last = stderr.rsplit("error[E-UNKNOWN-NAME]").next().unwrap();
    let column = line.rfind("zz1999").unwrap() + 1;
    assert!(
        last.contains("unknown concept `zz1999`") && last.contains(&format!("hostile.rules:24:{column}\n")),
        "{last}"
    );
    assert!(last.contains("24 │ …") && last.contains("zz1998 | zz1999\n"), "{last}");
}

// ---------------------------------------------------------------------------------------------
// "Did you mean" compared every unknown name with every declared one: 8,000 unknown names
// among 8,000 concepts took 4.4 s. Hints now stop once their comparisons reach a budget of
// work (tests/budget.rs checks the hostile sizes); a file of ordinary size gets every hint.

#[test]
fn unknown_names_in_an_ordinary_file_all_get_a_hint() {
    let dir = scratch("hints");
    let concepts: String = (0..150).map(|i| format!("concept kata{i:03} = \"kata{i}\"\n")).collect();
    // Each act names a concept with one letter changed: every one of them has a close name.
    let acts: String = (0..150).map(|i| format!("act a{i} \"A\" = kate{i:03}\n")).collect();
    let rules = mini_with(&dir, "concept candidate", &format!("{concepts}{acts}concept candidate"));
    let out = run(&["check", &rules], b"");
    let stderr = text(&out.stderr);
    assert_eq!(stderr.matches("E-UNKNOWN-NAME").count(), 150, "{stderr}");
    assert_eq!(stderr.matches("did you mean `kata").count(), 150);
    assert!(stderr.contains("unknown concept or pattern `kate000`") && stderr.contains("did you mean `kata000`?"));
}

// ---------------------------------------------------------------------------------------------
// Rule files as they come: `netral check /dev/zero` read until memory ran out; a byte-order mark
// was a parse error; with CR line ends the first comment hid the rest of the file.

#[cfg(target_os = "linux")]
#[test]
fn an_endless_rule_file_is_refused_while_reading() {
    // Under a 512 MB address-space limit, reading /dev/zero whole fails at once instead of
    // taking the machine's memory.
    let out = Command::new("sh")
        .args(["-c", "ulimit -v 524288 && exec \"$0\" check /dev/zero", env!("CARGO_BIN_EXE_netral")])
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("error[E-TOO-LARGE]: /dev/zero is larger than 8388608 bytes"), "{stderr}");
    assert!(stderr.ends_with("1 file(s): 1 error(s), 0 warning(s)\n"), "{stderr}");
}

#[test]
fn a_rule_file_over_the_limit_is_refused_by_every_command() {
    let dir = scratch("too-large");
    let path = dir.join("big.rules");
    std::fs::write(&path, "#".repeat(8 * 1024 * 1024 + 1)).unwrap();
    let path = path.to_str().unwrap();
    for args in [&["check", path][..], &["list", path], &["classify", "--rules", path, "--text", "x"]] {
        let out = run(args, b"");
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains("E-TOO-LARGE") && stderr.contains("is larger than 8388608 bytes"),
            "netral {args:?}: {stderr}"
        );
        assert_ne!(out.status.code(), Some(0));
    }
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = scratch("bom");
    let rules = mini_with(&dir, "# A small", "\u{feff}# A small");
    assert!(std::fs::read(&rules).unwrap().starts_with(b"\xef\xbb\xbf"));
    let out = run(&["check", &rules], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = run(&["classify", "--rules", &rules, "--text", "Saya PNS, saya like postingan caleg"], b"");
    assert!(text(&out.stdout).starts_with("PELANGGARAN"), "{}", text(&out.stdout));
}

#[test]
fn carriage_return_line_ends_count_as_lines() {
    let mini = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini.rules")).unwrap();
    let broken = mini.replacen("  applies to asn\n", "  applies to asnn\n", 1);
    let line = broken[..broken.find("asnn").unwrap()].lines().count();
    let dir = scratch("cr");
    let path = dir.join("mac.rules");
    // The file starts with a comment: read as one line, it hid every error.
    std::fs::write(&path, broken.replace('\n', "\r")).unwrap();
    let out = run(&["check", path.to_str().unwrap()], b"");
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(&format!("mac.rules:{line}:14\n")), "the error on line {line}:\n{stderr}");
    assert!(stderr.contains(&format!("{line} │   applies to asnn\n")), "{stderr}");
}

// ---------------------------------------------------------------------------------------------
// An empty rulebook (`--rules docs/`: no `.rules` file there) answered "allowed" to everything.

#[test]
fn a_folder_without_rule_files_is_an_error() {
    let out = run(&["classify", "--rules", "docs", "--text", "Saya PNS, saya like postingan kampanye caleg"], b"");
    let stderr = text(&out.stderr);
    assert_eq!(text(&out.stdout), "", "no verdict");
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(
            "error[E-NO-RULES]: no `.rules` file in docs: a rulebook without rules would call every act allowed"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("hint: name `.rules` files"), "{stderr}");
    let dir = scratch("no-rule-files");
    let out = run(&["check", dir.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("E-NO-RULES"), "{}", text(&out.stderr));
}

#[test]
fn a_rule_file_without_a_rule_is_an_error() {
    let dir = scratch("no-rule");
    let path = dir.join("laws.rules");
    std::fs::write(&path, "law L \"L 1/2024\" \"Hukum\"\n").unwrap();
    let path = path.to_str().unwrap();
    for args in [&["check", path][..], &["list", path], &["test", path]] {
        let out = run(args, b"");
        let stderr = text(&out.stderr);
        assert!(stderr.contains(&format!("error[E-NO-RULES]: no rule in {path}")), "netral {args:?}: {stderr}");
        assert_ne!(out.status.code(), Some(0));
    }
}

// ---------------------------------------------------------------------------------------------
// `classify --jsonl`: one line that was not UTF-8 ended the stream (exit 2, the later lines
// lost), and a 200 MB line was read whole into memory before being refused.

/// The output lines of `netral classify --jsonl -` on `input`, parsed, and the exit status.
fn stream(input: &[u8]) -> (Vec<serde_json::Value>, Option<i32>) {
    let out = run(&["classify", "--rules", "tests/fixtures/mini.rules", "--jsonl", "-"], input);
    assert_eq!(text(&out.stderr), "");
    let lines = text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (lines, out.status.code())
}

/// For each output line: its `line`, and its verdict or its first error's code.
fn outline(lines: &[serde_json::Value]) -> Vec<(u64, String)> {
    lines
        .iter()
        .map(|l| {
            (l["line"].as_u64().unwrap(), l["verdict"].as_str().or(l["error"][0]["code"].as_str()).unwrap().to_string())
        })
        .collect()
}

#[test]
fn a_bad_jsonl_line_is_an_error_line_and_the_stream_goes_on() {
    let mut input = b"{\"text\": \"Saya PNS, saya like postingan caleg\"}\n".to_vec();
    input.extend(b"{\"text\": \"caf\xe9\"}\n"); // Latin-1, not UTF-8
    input.extend(b"   \n"); // blank: skipped
    input.extend(b"{\"text\": 5}\n");
    input.extend(b"{\"text\": \"x\", \"facts\": {\"subjek\": \"pns\"}}\n");
    input.extend(b"not json\r\n");
    input.extend(b"{\"text\": \"Saya swasta, saya like postingan caleg\"}"); // no line end
    let (lines, code) = stream(&input);
    let expected =
        [(1, "violation"), (2, "E-NOT-UTF8"), (4, "E-INPUT"), (5, "E-UNKNOWN-FACT"), (6, "E-INPUT"), (7, "allowed")];
    assert_eq!(outline(&lines), expected.map(|(n, s)| (n, s.to_string())));
    assert_eq!(code, Some(1), "a line was an error");
    assert_eq!(lines[1]["error"][0]["message"], "line 2 is not UTF-8 text (from byte 14)");
    assert_eq!(lines[3]["error"][0]["hint"], "did you mean `subject`?");
}

#[test]
fn a_stream_of_good_lines_exits_zero_with_every_line_numbered() {
    let input = "\n{\"text\": \"Saya PNS, saya like postingan caleg\"}\n\n{\"facts\": {\"subject\": \"swasta\"}}\n";
    let (lines, code) = stream(input.as_bytes());
    assert_eq!(outline(&lines), [(2, "violation".to_string()), (4, "allowed".to_string())]);
    assert_eq!(code, Some(0));
    // The verdict's own fields follow the number, as in `classify --json`.
    assert_eq!(lines[0]["matched"][0]["rule"], "asn_like");
}

#[test]
fn an_overlong_jsonl_line_is_refused_and_the_next_one_read() {
    let mut input = format!("{{\"text\": \"{}\"}}\n", "a".repeat(3 << 20)).into_bytes();
    input.extend(b"{\"text\": \"Saya PNS, saya like postingan caleg\"}\n");
    let (lines, code) = stream(&input);
    assert_eq!(outline(&lines), [(1, "E-TEXT-TOO-LONG".to_string()), (2, "violation".to_string())]);
    assert_eq!(code, Some(1));
    assert_eq!(
        lines[0]["error"][0]["message"],
        "line 1 is longer than 2097152 bytes; a description is at most 1048576 bytes"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_200_mb_jsonl_line_is_skipped_without_being_held() {
    // Under a 256 MB address-space limit a 200 MB line cannot be held whole (with the string's
    // doubling growth): it must be skipped a buffer at a time.
    let script = "ulimit -v 262144 && { head -c 200000000 /dev/zero; printf '\\n{\"text\": \"Saya PNS\"}\\n'; } | \"$0\" classify --jsonl -";
    let out = Command::new("sh").args(["-c", script, env!("CARGO_BIN_EXE_netral")]).output().unwrap();
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let lines: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(outline(&lines), [(1, "E-TEXT-TOO-LONG".to_string()), (2, "allowed".to_string())]);
}

#[test]
fn a_description_on_standard_input_is_read_within_its_limit() {
    let out = run(&["classify", "--rules", "tests/fixtures/mini.rules"], &vec![b'a'; (1 << 20) + 1]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "error[E-TEXT-TOO-LONG]: the description on standard input is longer than 1048576 bytes, the limit\n  hint: shorten the description\n");
}
