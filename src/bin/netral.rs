//! The `netral` command line: check, test, classify, list and diff rulebooks.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
