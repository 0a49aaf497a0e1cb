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

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

// ---------------------------------------------------------------------------------------------
// A reader that goes away: `netral list | head -1` panicked with "failed printing to stdout"
// (exit 101).

/// Runs `netral ARGS` with its standard output closed before it writes anything.
fn with_output_closed(args: &[&str]) -> Output {
    let mut child = netral().args(args).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    // `list --json` prints some 90 KB, more than a pipe holds: it meets the closed pipe even if
    // it started writing before the pipe was closed.
    for args in [&["list"][..], &["list", "--json"], &["test"], &["classify", "--text", "Saya PNS, saya like postingan caleg"], &["classify", "--json", "--text", "x"]] {
        let out = with_output_closed(args);
        let stderr = text(&out.stderr);
        assert!(!stderr.contains("panicked"), "netral {args:?} panicked: {stderr}");
        assert_eq!(out.status.code(), Some(0), "netral {args:?}: {stderr}");
    }
}

#[test]
fn a_closed_pipe_ends_a_jsonl_stream_quietly() {
    let lines = "{\"text\": \"Saya PNS, saya like postingan kampanye caleg\"}\n".repeat(2000);
    let mut child = netral().args(["classify", "--jsonl", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    let _ = child.stdin.take().unwrap().write_all(lines.as_bytes());
    let out = child.wait_with_output().unwrap();
    assert!(!text(&out.stderr).contains("panicked"), "{}", text(&out.stderr));
    assert_eq!(out.status.code(), Some(0));
}
