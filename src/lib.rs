//! Netral: tells an Indonesian public servant whether an act breaks the election-neutrality
//! rules, and why.
//!
//! ```
//! use netral::{Incident, Rulebook, VerdictKind};
//! let book = Rulebook::builtin();
//! let incident = Incident { text: "Saya PNS, saya like postingan kampanye caleg di Facebook".into(), ..Default::default() };
//! let verdict = book.classify(&incident).unwrap();
//! assert_eq!(verdict.verdict, VerdictKind::Violation);
//! assert!(verdict.matched[0].basis.iter().any(|b| b.starts_with("SKB 2022")));
//! ```
//!
//! Pipeline: `syntax` (parse) → `check` (resolve, lint, examples) → `rulebook` (compiled form)
//! → `eval` (classify), with `text` reading the incident. See ARCHITECTURE.md.

#![forbid(unsafe_code)]
// The WebAssembly module is optimised for size (opt-level "z"), which leaves even `Range::next`
// and `Tri::and` as calls. `make web` on nightly sets `--cfg netral_speed`, and the few functions
// a classification runs through per rule or per fact are then compiled for speed
// (`#[cfg_attr(netral_speed, optimize(speed))]`): a classification about twice as fast, and the
// module no larger (calls not made take bytes too).
#![cfg_attr(netral_speed, feature(optimize_attribute))]
#![warn(missing_docs)]

// pest is used without its `std` feature, whose only effect is a stack probe on every rule
// call (a fifth of parse time); the generated parser then names `alloc`. Nesting is bounded
// before pest runs (`syntax::too_deep`), so the probe guards nothing here.
#[cfg(feature = "editor")]
extern crate alloc;

#[cfg(feature = "editor")]
pub mod check;
pub mod code;
pub mod diagnostic;
pub mod eval;
#[cfg(feature = "peers")]
mod export;
mod info;
pub mod rulebook;
#[cfg(feature = "schema")]
pub mod schema;
pub mod snapshot;
#[cfg(feature = "editor")]
pub mod syntax;
pub mod text;
pub mod verdict;
#[cfg(target_arch = "wasm32")]
mod wasm;
mod words;

#[cfg(feature = "editor")]
pub use check::{run_examples, ExampleOutcome};
pub use code::Code;
pub use diagnostic::{Diagnostic, Severity, SourceFile, Sources};
/// Longest incident text read, in bytes (E-TEXT-TOO-LONG beyond).
pub use eval::facts::MAX_TEXT_BYTES as MAX_INCIDENT_BYTES;
pub use info::{FactQuestion, PeriodInfo, RuleInfo, TopicInfo};
pub use rulebook::Rulebook;
pub use verdict::{
    Evidence, FactInput, Incident, KnownFacts, Lang, MatchedRule, Question, RuleKind, Verdict, VerdictKind,
    CONTRACT_VERSION,
};

use std::sync::OnceLock;

/// The files of the default rulebook, embedded at build time (order matters only for display).
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    ("rules/00_laws.rules", include_str!("../rules/00_laws.rules")),
    ("rules/10_periods.rules", include_str!("../rules/10_periods.rules")),
    ("rules/15_topics.rules", include_str!("../rules/15_topics.rules")),
    ("rules/20_concepts.rules", include_str!("../rules/20_concepts.rules")),
    ("rules/21_roles.rules", include_str!("../rules/21_roles.rules")),
    ("rules/22_online.rules", include_str!("../rules/22_online.rules")),
    ("rules/23_events.rules", include_str!("../rules/23_events.rules")),
    ("rules/24_decisions.rules", include_str!("../rules/24_decisions.rules")),
    ("rules/30_asn.rules", include_str!("../rules/30_asn.rules")),
    ("rules/40_tni.rules", include_str!("../rules/40_tni.rules")),
    ("rules/50_polri.rules", include_str!("../rules/50_polri.rules")),
    ("rules/55_tni_polri_voting.rules", include_str!("../rules/55_tni_polri_voting.rules")),
    ("rules/60_village.rules", include_str!("../rules/60_village.rules")),
    ("rules/70_officials.rules", include_str!("../rules/70_officials.rules")),
    ("rules/80_permissions.rules", include_str!("../rules/80_permissions.rules")),
];

/// The built-in rulebook compiled ahead of time (see `snapshot`): `make web` sets
/// `NETRAL_SNAPSHOT` to the file `netral snapshot` wrote, and build.rs sets this cfg. Only the
/// classify module reads it: it embeds no rule sources. The editor module compiles the built-in
/// rules from their sources, which it carries (to show them), so that its rulebook keeps what a
/// snapshot leaves out (where each example is written, for the example runner).
#[cfg(all(netral_snapshot, not(feature = "editor")))]
const BUILTIN_SNAPSHOT: &[u8] = include_bytes!(env!("NETRAL_SNAPSHOT"));

/// The default rulebook's sources.
pub fn builtin_sources() -> Sources {
    Sources::new(BUILTIN_FILES.iter().map(|(n, t)| SourceFile { name: n.to_string(), text: t.to_string() }))
}

impl Rulebook {
    /// Compiles rule files. Errors (never warnings) prevent a rulebook. (Not in the classify
    /// module, which has no parser: see the `editor` feature.)
    #[cfg(feature = "editor")]
    pub fn compile(sources: &Sources) -> Result<Rulebook, Vec<Diagnostic>> {
        match check::compile(sources) {
            (Some(book), _) => Ok(book),
            (None, diags) => Err(diags.into_iter().filter(Diagnostic::is_error).collect()),
        }
    }

    /// The default rulebook, compiled once.
    /// In the classify module (`make web`), read from its snapshot.
    pub fn builtin() -> &'static Rulebook {
        static BOOK: OnceLock<Rulebook> = OnceLock::new();
        BOOK.get_or_init(|| {
            #[cfg(all(netral_snapshot, not(feature = "editor")))]
            if let Ok(book) = snapshot::decode(BUILTIN_SNAPSHOT) {
                return book;
            }
            #[cfg(feature = "editor")]
            match Rulebook::compile(&builtin_sources()) {
                Ok(b) => b,
                // The default rulebook is checked by the test suite; reaching this is a build defect.
                Err(d) => panic!("the built-in rulebook does not compile: {d:?}"),
            }
            // The classify module cannot compile: `make web` always gives it its snapshot.
            #[cfg(not(feature = "editor"))]
            panic!("the classify module was built without the snapshot of its rulebook")
        })
    }

    /// Classifies an incident. Errors name an unknown fact or value, or a text that is too long.
    pub fn classify<'a>(&'a self, incident: &'a Incident) -> Result<Verdict<'a>, Vec<Diagnostic>> {
        eval::classify(self, incident)
    }
}
