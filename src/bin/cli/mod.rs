//! Command-line parsing and the five commands. Rendering lives in `render.rs`.

/// Writes one line of output (`say!(out, "{} rules", n)?`): the `println!` of every command,
/// but to a writer whose errors are returned, so that a closed pipe ends the command instead of
/// panicking (`netral list | head -1`), and with control characters escaped (`render::safe`):
/// the line is one line on the terminal, whatever the rule files and incidents hold.
macro_rules! say {
    ($out:expr) => { ::std::io::Write::write_all($out, b"\n") };
    ($out:expr, $($arg:tt)*) => { $crate::cli::render::line($out, format_args!($($arg)*)) };
}

mod cases;
mod excerpt;
mod read;
mod render;
mod stream;

use clap::{Parser, Subcommand};
use netral::{Diagnostic, FactInput, Incident, Lang, Rulebook};
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "netral",
    version,
    about = "Netral — cek netralitas ASN, TNI, Polri dan perangkat desa / election-neutrality checker"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check rule files and print diagnostics (the built-in rulebook when no file is given).
    Check {
        /// Rule files or folders of `.rules` files.
        files: Vec<PathBuf>,
    },
    /// Run every example in the rules, and the cases of a JSONL file.
    Test {
        /// Rule files or folders (default: the built-in rulebook).
        files: Vec<PathBuf>,
        /// A JSONL file of cases: {"id", "text", "facts"?, "expected": {"verdict"}}.
        #[arg(long)]
        cases: Option<PathBuf>,
        /// Ignore the facts given with each case: read the text alone.
        #[arg(long)]
        text_only: bool,
        /// Also report which rules no example matches.
        #[arg(long)]
        coverage: bool,
    },
    /// Classify one incident (or a JSONL stream of incidents with --jsonl).
    Classify {
        /// Rule files or folders (default: the built-in rulebook).
        #[arg(long = "rules")]
        rules: Vec<PathBuf>,
        /// The description (read from standard input when absent).
        #[arg(long)]
        text: Option<String>,
        /// A known fact, NAME=VALUE (repeatable).
        #[arg(long = "fact", value_name = "NAME=VALUE")]
        facts: Vec<String>,
        /// Language of the explanation: id or en.
        #[arg(long, default_value = "id")]
        lang: String,
        /// Print the Verdict JSON.
        #[arg(long)]
        json: bool,
        /// Classify one Incident JSON per line of FILE (or - for standard input), one Verdict per line out.
        #[arg(long, value_name = "FILE")]
        jsonl: Option<PathBuf>,
    },
    /// List the rules: id, kind, title, bases, sanction, examples.
    List {
        /// Rule files or folders (default: the built-in rulebook).
        files: Vec<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show the cases whose verdict or matched rules change between two rulebooks.
    Diff {
        /// The old rulebook (file or folder).
        old: PathBuf,
        /// The new rulebook (file or folder).
        new: PathBuf,
        /// Cases to compare on.
        #[arg(long)]
        cases: PathBuf,
    },
    /// Write the contract's JSON Schemas (Incident, Verdict, Question, Diagnostic, the rule list,
    /// the form questions) into a folder: `make schema` rewrites the committed `schema/`.
    Schema {
        /// The folder to write them into.
        #[arg(long, default_value = "schema")]
        out: PathBuf,
    },
    /// Write the compiled built-in rulebook as a snapshot (a build step of `make web`: the
    /// WebAssembly module then starts without compiling its rules).
    #[command(hide = true)]
    Snapshot {
        /// Where to write it.
        #[arg(long)]
        out: PathBuf,
    },
}

/// Why a command ended early.
pub(crate) enum Stop {
    /// Something the command cannot do (an unreadable file, a bad argument): `error: …`, exit 2.
    Failed(String),
    /// Whoever reads the output has gone (`netral list | head -1` once `head` has its line):
    /// nothing more can be said, and nothing went wrong: exit 0, no message.
    Closed,
}

impl From<String> for Stop {
    fn from(msg: String) -> Self {
        Stop::Failed(msg)
    }
}

impl From<std::io::Error> for Stop {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Stop::Closed
        } else {
            Stop::Failed(format!("cannot write the output: {e}"))
        }
    }
}

/// Pretty JSON and a line end. Not through `say!`: serde has escaped every control character
/// already, and the line breaks between fields must stay.
fn json_out(out: &mut impl Write, value: &impl serde::Serialize) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    out.write_all(b"\n")
}

/// Standard output, buffered (one write per few kilobytes instead of one per line); flush it
/// before returning so that a write error is seen.
fn stdout() -> BufWriter<std::io::StdoutLock<'static>> {
    BufWriter::new(std::io::stdout().lock())
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check { files } => check(&files),
        Command::Test { files, cases, text_only, coverage } => {
            cases::test(&files, cases.as_deref(), text_only, coverage)
        }
        Command::Classify { rules, text, facts, lang, json, jsonl } => {
            classify(&rules, text, &facts, &lang, json, jsonl.as_deref())
        }
        Command::List { files, json } => list(&files, json),
        Command::Diff { old, new, cases } => cases::diff(&old, &new, &cases),
        Command::Snapshot { out } => snapshot(&out),
        Command::Schema { out } => schema(&out),
    };
    match result {
        Ok(code) => code,
        Err(Stop::Closed) => ExitCode::SUCCESS,
        Err(Stop::Failed(msg)) => {
            // Not eprintln!: it panics when standard error is closed too.
            let _ = say!(&mut std::io::stderr(), "error: {msg}");
            ExitCode::from(2)
        }
    }
}

/// Reads and compiles the rule files, printing the errors when that fails.
pub(crate) fn load_rulebook(paths: &[PathBuf]) -> Result<Rulebook, Stop> {
    let (sources, refused) = read::rule_files(paths)?;
    if !refused.is_empty() {
        render::diagnostics(&sources, &refused)?;
        return Err(Stop::Failed(format!("the rulebook has {} error(s)", refused.len())));
    }
    match Rulebook::compile(&sources) {
        Ok(book) => Ok(book),
        Err(diags) if diags.iter().any(is_no_rules) => {
            render::diagnostics(&sources, &[no_rules(paths, &sources)])?;
            Err(Stop::Failed("the rulebook has 1 error(s)".into()))
        }
        Err(diags) => {
            render::diagnostics(&sources, &diags)?;
            Err(Stop::Failed(format!("the rulebook has {} error(s)", diags.len())))
        }
    }
}

fn is_no_rules(d: &Diagnostic) -> bool {
    d.code == "E-NO-RULES"
}

/// E-NO-RULES: `--rules docs/` (a folder without `.rules` files) or a file that declares no
/// rule compiled to a rulebook that calls every act "allowed", which reads as a verdict.
fn no_rules(paths: &[PathBuf], sources: &netral::Sources) -> Diagnostic {
    let named: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let what = if sources.is_empty() { "no `.rules` file in" } else { "no rule in" };
    let msg = format!("{what} {}: a rulebook without rules would call every act allowed", named.join(", "));
    Diagnostic::new(netral::Code::NoRules, netral::diagnostic::Loc::default(), msg)
        .with_hint("name `.rules` files, or folders of them, that declare at least one `rule` (name none to use the built-in rulebook)")
}

fn snapshot(out: &Path) -> Result<ExitCode, Stop> {
    let book = load_rulebook(&[])?;
    std::fs::write(out, netral::snapshot::encode(&book)).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(ExitCode::SUCCESS)
}

fn schema(out: &Path) -> Result<ExitCode, Stop> {
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    for (name, text) in netral::schema::files() {
        let path = out.join(name);
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn check(files: &[PathBuf]) -> Result<ExitCode, Stop> {
    let (sources, refused) = read::rule_files(files)?;
    let named = sources.len() + refused.len();
    let (_, checked) = netral::check::check(&sources);
    // The library's E-NO-RULES is said again with the paths named (and not at all when a file
    // was refused: its rules were never read).
    let empty = checked.iter().any(is_no_rules);
    let checked = checked.into_iter().filter(|d| !is_no_rules(d));
    let diags: Vec<Diagnostic> = refused
        .iter()
        .cloned()
        .chain(checked)
        .chain((empty && refused.is_empty()).then(|| no_rules(files, &sources)))
        .collect();
    render::diagnostics(&sources, &diags)?;
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    say!(&mut std::io::stderr(), "{named} file(s): {errors} error(s), {warnings} warning(s)")?;
    Ok(if errors > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    match s {
        "id" => Ok(Lang::Id),
        "en" => Ok(Lang::En),
        _ => Err(format!("unknown language `{s}`: use id or en")),
    }
}

fn classify(
    rules: &[PathBuf],
    text: Option<String>,
    facts: &[String],
    lang: &str,
    json: bool,
    jsonl: Option<&Path>,
) -> Result<ExitCode, Stop> {
    let book = load_rulebook(rules)?;
    let lang = parse_lang(lang)?;
    if let Some(path) = jsonl {
        return classify_stream(&book, path);
    }
    let text = match text {
        Some(t) => t,
        None => match read::description(std::io::stdin().lock())? {
            Some(t) => t,
            None => {
                render::incident_errors(&mut std::io::stderr(), &[stdin_too_long()])?;
                return Ok(ExitCode::FAILURE);
            }
        },
    };
    let mut incident = Incident { text, lang, ..Default::default() };
    for f in facts {
        let (name, value) = f.split_once('=').ok_or_else(|| format!("`{f}`: write a fact as NAME=VALUE"))?;
        incident.facts.insert(name.trim().to_string(), FactInput::Text(value.trim().to_string()));
    }
    let mut out = stdout();
    match book.classify(&incident) {
        Ok(v) if json => json_out(&mut out, &v)?,
        Ok(v) => render::verdict(&mut out, &incident, &v)?,
        Err(diags) => {
            render::incident_errors(&mut std::io::stderr(), &diags)?;
            return Ok(ExitCode::FAILURE);
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn stdin_too_long() -> Diagnostic {
    let msg =
        format!("the description on standard input is longer than {} bytes, the limit", netral::MAX_INCIDENT_BYTES);
    Diagnostic::new(netral::Code::TextTooLong, netral::diagnostic::Loc::default(), msg)
        .with_hint("shorten the description")
}

/// `--jsonl`: one Incident per line in, one numbered Verdict or error per line out
/// (`stream.rs`); memory stays bounded. Exit 1 when any line was an error.
fn classify_stream(book: &Rulebook, path: &Path) -> Result<ExitCode, Stop> {
    let input: Box<dyn BufRead> = if path == Path::new("-") {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::new(
            std::fs::File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?,
        ))
    };
    let mut out = stdout();
    let all_classified = stream::classify_lines(book, input, &mut out)?;
    out.flush()?;
    Ok(if all_classified { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

fn list(files: &[PathBuf], json: bool) -> Result<ExitCode, Stop> {
    let book = load_rulebook(files)?;
    let rules = book.rules(Lang::Id);
    let mut out = stdout();
    if json {
        json_out(&mut out, &rules)?;
    } else {
        render::rule_list(&mut out, &rules)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
