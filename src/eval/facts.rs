//! Facts of one incident: the values the user gave, then what the text says about the rest,
//! with the byte spans of the words that said it.

use super::matcher::{self, Matches};
use super::plan::Plan;
use super::tri::Val;
use crate::diagnostic::{suggest, Code, Diagnostic, Loc};
use crate::rulebook::{AskIr, FactId, FactType, InferValue, Rulebook};
use crate::text::{self, Analysis};
use crate::verdict::{FactInput, Incident};

/// Longest incident text read, in bytes. Longer text is refused with a clear message rather
/// than truncated silently (the page keeps what was typed).
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// Evidence spans kept per fact. Only what is shown is cut: every occurrence counts for
/// matching (a text that repeats "Ada kampanye." 64 times before "saya like postingan
/// kampanye caleg" once lost that act when occurrences past 256 were dropped), and each
/// span is compared with those kept before it.
pub const MAX_EVIDENCE: usize = 256;

/// Fact values and, for facts read from the text, the byte spans that gave them.
#[derive(Default)]
pub(crate) struct FactTable {
    pub vals: Vec<Val>,
    /// Byte spans `(fact, start, end)` of the words that gave facts, in fact order (one flat
    /// list: most facts have none, and an incident given as form facts has none at all).
    pub spans: Vec<(FactId, u32, u32)>,
    /// Which facts the user gave.
    pub given: Vec<bool>,
    /// Which facts an inference set from the text (with or without words to show: `not x`
    /// matches on absence).
    pub inferred: Vec<bool>,
    /// The acts question was answered: its acts are settled, never opened again.
    pub acts_answered: bool,
}

/// Reads the incident's given facts; errors name the fact or value that is not known.
pub(crate) fn given(book: &Rulebook, inc: &Incident) -> Result<FactTable, Vec<Diagnostic>> {
    let mut t = FactTable::default();
    t.reset(book, &inc.text);
    let mut errors = vec![];
    if inc.text.len() > MAX_TEXT_BYTES {
        errors.push(input_error(
            Code::TextTooLong,
            format!("the description is {} bytes long; at most {} bytes are read", inc.text.len(), MAX_TEXT_BYTES),
            None,
        ));
    }
    for (name, input) in &inc.facts {
        if let Some(ask) = book.ask.as_ref().filter(|a| a.name == *name) {
            match answered_acts(book, ask, input) {
                Ok(Some(done)) => {
                    for &f in &ask.acts {
                        t.give(f as usize, Val::Bool(done.contains(&f)));
                    }
                    t.acts_answered = true;
                }
                Ok(None) => {}
                Err(e) => errors.push(*e),
            }
            continue;
        }
        let Some(&id) = book.fact_index.get(name) else {
            let hint =
                suggest(name, book.facts.iter().map(|f| f.name.as_str())).map(|s| format!("did you mean `{s}`?"));
            errors.push(input_error(Code::UnknownFact, format!("unknown fact `{name}`"), hint));
            continue;
        };
        match parse_value(book, id as usize, input) {
            Ok(Some(v)) => t.give(id as usize, v),
            // "unknown": as if not given.
            Ok(None) => {}
            Err(e) => errors.push(*e),
        }
    }
    if errors.is_empty() {
        Ok(t)
    } else {
        Err(errors)
    }
}

impl FactTable {
    /// Nothing given, keeping the allocations: every fact unknown, or, when the text is empty,
    /// what silence says (the text stage is then skipped: see `eval::fill_from_text`).
    #[cfg_attr(netral_speed, optimize(speed))]
    pub fn reset(&mut self, book: &Rulebook, text_in: &str) {
        let n = book.facts.len();
        self.vals.clear();
        self.inferred.clear();
        if is_silent(text_in) {
            let plan = book.plan();
            self.vals.extend_from_slice(&plan.silent_vals);
            self.inferred.extend_from_slice(&plan.silent_inferred);
        } else {
            self.vals.resize(n, Val::Unknown);
            self.inferred.resize(n, false);
        }
        // `fill` is a memset; `resize` a loop, and a call, in the size-optimised module.
        if self.given.len() == n {
            self.given.fill(false);
        } else {
            self.given.clear();
            self.given.resize(n, false);
        }
        self.spans.clear();
        self.acts_answered = false;
    }

    /// The spans of fact `f`.
    pub fn spans_of(&self, f: usize) -> &[(FactId, u32, u32)] {
        let start = self.spans.partition_point(|s| (s.0 as usize) < f);
        let end = start + self.spans[start..].partition_point(|s| s.0 as usize == f);
        &self.spans[start..end]
    }

    /// Records a value the user gave.
    #[inline]
    pub fn give(&mut self, f: usize, v: Val) {
        self.vals[f] = v;
        self.given[f] = true;
        self.inferred[f] = false;
    }
}

/// The acts an answer to the acts question names: a list (`["liked_post"]`, `[]` for none), or
/// for the command line one string of names separated by commas (`"liked_post,attended"`,
/// `"none"` or `""`). `Ok(None)`: null or `"unknown"`, not answered.
fn answered_acts(book: &Rulebook, ask: &AskIr, input: &FactInput) -> Result<Option<Vec<FactId>>, Box<Diagnostic>> {
    let names: Vec<&str> = match input {
        FactInput::Null(()) => return Ok(None),
        FactInput::Text(s) if s == "unknown" => return Ok(None),
        FactInput::Text(s) => s.split(',').map(str::trim).filter(|n| !n.is_empty()).collect(),
        FactInput::List(v) => v.iter().map(String::as_str).collect(),
        _ => {
            let msg = format!(
                "`{}` expects a list of acts, e.g. [\"{}\"], or [] for none",
                ask.name,
                ask.acts.first().map_or("", |&f| book.facts[f as usize].name.as_str())
            );
            return Err(Box::new(input_error(Code::FactValue, msg, None)));
        }
    };
    let mut done = vec![];
    for name in names.into_iter().filter(|&n| n != "none") {
        match ask.acts.iter().find(|&&f| book.facts[f as usize].name == name) {
            Some(&f) => done.push(f),
            None => {
                let valid: Vec<&str> = ask.acts.iter().map(|&f| book.facts[f as usize].name.as_str()).collect();
                let hint = match suggest(name, valid.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("one of: {}, or none", valid.join(", ")),
                };
                let msg = format!("`{name}` is not an act the question `{}` asks about", ask.name);
                return Err(Box::new(input_error(Code::UnknownValue, msg, Some(hint))));
            }
        }
    }
    Ok(Some(done))
}

/// Silence is "no" only when the text was understood. Each sentence that speaks of an election
/// (where the `ask … when` act found its words: "Saya PNS, minggu depan saya mau nganter sound
/// system ke panggung caleg") must be accounted for by an act the rulebook knows, found in that
/// sentence or the one before or after it: an act of the question or an `unless` fact such as a
/// refusal. ("Saya PNS,
/// saya baca berita kampanye. Besok saya ngangkut sound system buat panggung caleg": the first
/// sentence is accounted for, the second is not.) When one is not, the acts of the question that
/// the text did not settle are open: every prohibition that needs one of them is possible, so the
/// verdict cannot be `allowed`. A fact true without words (a pattern that matched on absence)
/// accounts for the whole text.
pub(crate) fn open_unexplained_acts(book: &Rulebook, t: &mut FactTable, tokens: &[text::Token]) {
    let Some(ask) = &book.ask else { return };
    if t.acts_answered || t.vals[ask.when as usize] != Val::Bool(true) {
        return;
    }
    let sentence_of =
        |byte: u32| tokens.get(tokens.partition_point(|k| k.end <= byte)).map_or(u32::MAX, |k| k.sentence);
    // Whom the text may be about: an act accounts only when it matters to every one of them.
    // A candidate's act "melibatkan ASN" in a text about the PNS accounts for nothing; nor does
    // "mengantar istri" (named by the ASN rules only) while the person is unknown, for a soldier
    // who answers the subject question would then face an unexplained election sentence, and
    // an answer must never turn a decided verdict into an open one.
    let plan = book.plan();
    let subjects = match plan.subject.map(|s| (s, t.vals[s as usize])) {
        Some((_, Val::Set(m))) => m,
        Some((s, _)) => match book.facts[s as usize].ty {
            FactType::Enum(e) => book.enums[e as usize].all(),
            _ => u64::MAX,
        },
        None => u64::MAX,
    };
    let fact_subjects = &plan.fact_subjects;
    let mut accounted = vec![];
    let matters = |f: FactId| fact_subjects.get(f as usize).is_none_or(|&m| m & subjects == subjects);
    for &f in ask.acts.iter().filter(|&&f| matters(f)).chain(&ask.unless) {
        if t.vals[f as usize] != Val::Bool(true) {
            continue;
        }
        let spans = t.spans_of(f as usize);
        if spans.is_empty() {
            return;
        }
        accounted.extend(spans.iter().map(|s| sentence_of(s.1)));
    }
    // A sentence that only sets the scene for the next ("Besok ada kampanye cabup. Saya datang
    // cuma duduk dengerin") is accounted for by an act in the sentence before or after it.
    let near = |s: u32| accounted.iter().any(|&a| a.abs_diff(s) <= 1);
    if t.spans_of(ask.when as usize).iter().all(|s| near(sentence_of(s.1))) {
        return;
    }
    for &f in &ask.acts {
        let f = f as usize;
        if !t.given[f] && t.vals[f] != Val::Bool(true) {
            t.vals[f] = Val::Unknown;
            t.inferred[f] = false;
        }
    }
}

/// True when a description says nothing (empty or blank).
pub(crate) fn is_silent(text_in: &str) -> bool {
    text_in.is_empty() || text_in.trim().is_empty()
}

fn input_error(code: Code, msg: String, hint: Option<String>) -> Diagnostic {
    let mut d = Diagnostic::new(code, Loc::default(), msg);
    d.file = "incident".into();
    d.hint = hint;
    d
}

/// A given value, checked against the fact's type. `Ok(None)` means "unknown".
fn parse_value(book: &Rulebook, id: usize, input: &FactInput) -> Result<Option<Val>, Box<Diagnostic>> {
    let fact = &book.facts[id];
    let bad = |want: &str| {
        Box::new(input_error(
            Code::FactValue,
            format!("fact `{}` expects {want}, not {}", fact.name, show(input)),
            None,
        ))
    };
    if let FactInput::Null(()) = input {
        return Ok(None);
    }
    if let FactInput::Text(s) = input {
        if s.is_empty() || s == "unknown" {
            return Ok(None);
        }
    }
    Ok(Some(match (fact.ty, input) {
        (FactType::Bool, FactInput::Bool(b)) => Val::Bool(*b),
        (FactType::Bool, FactInput::Text(s)) => match s.as_str() {
            "true" | "ya" | "yes" => Val::Bool(true),
            "false" | "tidak" | "no" => Val::Bool(false),
            _ => return Err(bad("true or false")),
        },
        // NaN and ±infinity (`--fact age=NaN`, or "NaN" from JS, where JSON has no NaN) compare
        // with nothing sensibly, and would be written back as null.
        (FactType::Number, FactInput::Number(x)) if x.is_finite() => Val::Num(*x),
        (FactType::Number, FactInput::Text(s)) => {
            Val::Num(s.parse().ok().filter(|x: &f64| x.is_finite()).ok_or_else(|| bad("a finite number"))?)
        }
        // A day, or some day of a range as an ISO 8601 interval ("2024-07-01/2024-07-31"), as
        // a verdict reports a month read from the text.
        (FactType::Date, FactInput::Text(s)) => {
            let bad = || bad("a date YYYY-MM-DD, or a range YYYY-MM-DD/YYYY-MM-DD");
            match s.split_once('/') {
                None => Val::Date(text::parse_iso_date(s).ok_or_else(bad)?),
                Some((a, b)) => match (text::parse_iso_date(a), text::parse_iso_date(b)) {
                    (Some(a), Some(b)) if a == b => Val::Date(a),
                    (Some(a), Some(b)) if a < b => Val::DateRange(a, b),
                    _ => return Err(bad()),
                },
            }
        }
        (FactType::Enum(e), FactInput::Text(s)) => {
            let en = &book.enums[e as usize];
            match en.mask_of(s) {
                Some(m) => Val::Set(m),
                None => {
                    let names: Vec<&str> = en
                        .values
                        .iter()
                        .map(|(v, _)| v.as_str())
                        .chain(en.groups.iter().map(|(g, _, _)| g.as_str()))
                        .collect();
                    let mut d =
                        input_error(Code::FactValue, format!("`{s}` is not a value of fact `{}`", fact.name), None);
                    d.hint = Some(match suggest(s, names.iter().copied()) {
                        Some(x) => format!("did you mean `{x}`?"),
                        None => format!("one of: {}", names.join(", ")),
                    });
                    return Err(Box::new(d));
                }
            }
        }
        (FactType::Bool, _) => return Err(bad("true or false")),
        (FactType::Number, _) => return Err(bad("a finite number")),
        (FactType::Date, _) => return Err(bad("a date YYYY-MM-DD")),
        (FactType::Enum(_), _) => return Err(bad("one of its values")),
    }))
}

fn show(input: &FactInput) -> String {
    match input {
        FactInput::Bool(b) => b.to_string(),
        FactInput::Number(x) => x.to_string(),
        FactInput::Text(s) => format!("`{s}`"),
        FactInput::List(v) => format!("[{}]", v.join(", ")),
        FactInput::Null(()) => "null".into(),
    }
}

/// Fills the facts the user did not give from the text. Closed yes/no facts not read from
/// the text are false: a description is taken as complete about what was done.
pub(crate) fn infer(book: &Rulebook, plan: &Plan, t: &mut FactTable, text_in: &str, a: &Analysis, m: &Matches) {
    let mut dates: Option<Vec<text::FoundDate>> = None;
    let mut patterns = matcher::Patterns::new(&book.pats);
    for (id, fact) in book.facts.iter().enumerate() {
        if t.given[id] {
            continue;
        }
        match fact.ty {
            FactType::Date => {
                let found = dates.get_or_insert_with(|| text::find_dates(text_in));
                // A day written out is more precise than a month or part of a year before it.
                if let Some(d) = found.iter().find(|d| d.day == d.last).or(found.first()) {
                    t.vals[id] = if d.day == d.last { Val::Date(d.day) } else { Val::DateRange(d.day, d.last) };
                    t.inferred[id] = true;
                    t.spans.push((id as FactId, d.start, d.end));
                }
                continue;
            }
            FactType::Number => continue,
            _ => {}
        }
        let doubtable = plan.doubtable[id];
        let first_span = t.spans.len();
        let (mut set, mut yes, mut no, mut any, mut doubted) = (0u64, false, false, false, false);
        // Enum values read from doubted words: possible, never settled by themselves.
        let mut doubted_set = 0u64;
        for ((value, pat), needs) in fact.infers.iter().zip(&plan.infer_needs[id]) {
            if needs.as_ref().is_some_and(|cs| !cs.iter().any(|&c| m.occurs(c))) {
                continue;
            }
            let Some(occ) = patterns.eval(*pat, m) else { continue };
            // Read from words the speaker says they do not know ("nggak tahu dia lagi tugas
            // pengamanan"): neither said nor denied.
            if doubtable && occ.iter().any(|o| o.doubted) {
                doubted = true;
                if let InferValue::Set(bits) = value {
                    doubted_set |= bits;
                }
                continue;
            }
            any = true;
            match value {
                InferValue::Set(bits) => set |= bits,
                InferValue::Bool(true) => yes = true,
                InferValue::Bool(false) => no = true,
            }
            let toks = a.tokens();
            for o in occ {
                if t.spans.len() - first_span == MAX_EVIDENCE {
                    break;
                }
                let span = (id as FactId, toks[o.tokens.0 as usize].start, toks[o.tokens.1 as usize].end);
                if !t.spans[first_span..].contains(&span) {
                    t.spans.push(span);
                }
            }
        }
        t.vals[id] = match fact.ty {
            // "Belum jelas PNS, PPPK, atau honorer": the values doubted stay possible beside
            // those read plainly; one value alone is not known from a doubt ("nggak tahu dia PNS").
            FactType::Enum(_) if doubted_set != 0 && (set | doubted_set).count_ones() > 1 => {
                Val::Set(set | doubted_set)
            }
            FactType::Enum(_) if doubted_set != 0 => Val::Unknown,
            FactType::Enum(_) if set != 0 => Val::Set(set),
            FactType::Bool if yes && !no => Val::Bool(true),
            FactType::Bool if no && !yes => Val::Bool(false),
            // Said both ways: an open fact stays unknown (ask), a closed act counts as done.
            FactType::Bool if yes => {
                if fact.open {
                    Val::Unknown
                } else {
                    Val::Bool(true)
                }
            }
            // Only doubted: unknown, and asked, even for a closed act.
            _ if doubted => Val::Unknown,
            FactType::Bool if !fact.open => Val::Bool(false),
            _ => Val::Unknown,
        };
        if t.vals[id] == Val::Unknown || t.vals[id] == Val::Bool(false) && !no {
            t.spans.truncate(first_span);
        }
        t.inferred[id] = any && t.vals[id] != Val::Unknown;
    }
}

/// Byte offsets of evidence spans → UTF-16 offsets (JavaScript string indices), in one pass
/// over the text when it is not ASCII. Used by the explanation.
pub(crate) struct Utf16 {
    /// Sorted (byte, utf16) pairs of every span end; empty for ASCII text.
    map: Vec<(u32, u32)>,
}

impl Utf16 {
    pub fn new(text_in: &str, spans: &[(FactId, u32, u32)]) -> Utf16 {
        if text_in.is_ascii() {
            return Utf16 { map: vec![] };
        }
        let mut bytes: Vec<u32> = spans.iter().flat_map(|&(_, s, e)| [s, e]).collect();
        bytes.sort_unstable();
        bytes.dedup();
        let mut map = Vec::with_capacity(bytes.len());
        let (mut units, mut pos) = (0u32, 0usize);
        for b in bytes {
            let b = (b as usize).min(text_in.len());
            // An offset inside a character counts up to that character.
            let mut end = b;
            while end > pos && !text_in.is_char_boundary(end) {
                end -= 1;
            }
            if end > pos {
                units += text_in[pos..end].encode_utf16().count() as u32;
                pos = end;
            }
            map.push((b as u32, units));
        }
        Utf16 { map }
    }
    pub fn get(&self, byte: u32) -> u32 {
        if self.map.is_empty() {
            return byte;
        }
        self.map.binary_search_by_key(&byte, |&(b, _)| b).map_or(0, |k| self.map[k].1)
    }
}
