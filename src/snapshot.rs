//! A compiled rulebook as bytes, so that the WebAssembly module can start from the built-in
//! rulebook without parsing and checking it. In the browser the first compile runs in V8's
//! baseline tier (no inlining, every function compiled on first call), where it costs some
//! 130 ms; reading a snapshot costs a few milliseconds. (Natively compiling is fast, and the
//! CLI and the library compile as before.)
//!
//! `make web` writes the snapshot of the built-in rules with `netral snapshot` and builds the
//! classify module with `NETRAL_SNAPSHOT` naming it (build.rs turns that into
//! `cfg(netral_snapshot)`). The editor module compiles rulebooks and hands them to the classify
//! module in this form too.
//!
//! A snapshot carries its own strings, and only those classifying shows or reads (labels,
//! notes, uncertain points, citations, advice, sanctions, questions, example texts for the case
//! library, the lexicon): the classify module embeds no rule sources. What only the editor needs
//! is left out: where each example is written, the concepts' names (their count is kept) and
//! the laws' full titles; and what only the training data and handouts read (built natively by
//! `make web` from the compiled rules): the training topics and the periods' citations, so the
//! rule list of a snapshot's rulebook names no topics. A rulebook read from a snapshot
//! classifies, lists its rules and cases and hands itself on as one compiled; it is not one to
//! run `check` or examples on.
//!
//! Format: magic (with the format version: a snapshot of another version is refused), checksum
//! of the payload, payload: the strings' bytes in columns by kind, then the rest. Integers are
//! LEB128 (signed ones zigzag), floats 8 bytes little-endian, lists a length then their items, a
//! string nothing there (its bytes are the next ones of its column, up to a 0xff byte). Derived indexes (the fact-name
//! index, the evaluation plan) are rebuilt when reading, not stored. Encoding tricks that keep the
//! snapshot small are described where they are used; the round-trip test checks every one on the
//! built-in rules.

use crate::diagnostic::Loc;
use crate::rulebook::*;
use crate::verdict::{FactInput, RuleKind, VerdictKind};

/// The last byte is the format version: bump it whenever what is written changes.
const MAGIC: &[u8; 8] = b"NETRAL\x00\x08";
const MAX_DEPTH: usize = 1024;

/// The columns of strings (`Writer::text`): names, Indonesian labels and citations; the English of
/// labels; the lexicon's phrases; the examples' texts.
///
/// Each string in its column ends with `END`, a byte UTF-8 never uses, so that no length is
/// written: a terminator beside text compresses to a fraction of a length between numbers.
const PROSE: usize = 0;
const ENGLISH: usize = 1;
const PHRASES: usize = 2;
const EXAMPLES: usize = 3;
const COLUMNS: usize = 4;
const END: u8 = 0xff;

/// Why a snapshot was not used.
#[derive(Debug, PartialEq, Eq)]
pub enum SnapshotError {
    /// Not a snapshot, or of another format version.
    NotASnapshot,
    /// Damaged: checksum mismatch, truncated, or an impossible value.
    Corrupt,
}

/// The bytes of a compiled rulebook.
pub fn encode(book: &Rulebook) -> Vec<u8> {
    let mut w = Writer::default();
    book.put(&mut w);
    let payload = w.payload();
    let mut out = Vec::with_capacity(payload.len() + 16);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&fnv1a(FNV_OFFSET, &payload).to_le_bytes());
    out.extend_from_slice(&payload);
    out
}

/// The rulebook in `bytes`. Its evaluation plan is built here, as compiling does.
pub fn decode(bytes: &[u8]) -> Result<Rulebook, SnapshotError> {
    let (magic, rest) = bytes.split_at_checked(MAGIC.len()).ok_or(SnapshotError::NotASnapshot)?;
    if magic != MAGIC {
        return Err(SnapshotError::NotASnapshot);
    }
    let (sum, payload) = rest.split_at_checked(8).ok_or(SnapshotError::Corrupt)?;
    if u64::from_le_bytes(sum.try_into().unwrap_or_default()) != fnv1a(FNV_OFFSET, payload) {
        return Err(SnapshotError::Corrupt);
    }
    let mut r = Reader::new(payload);
    let book = Rulebook::get(&mut r);
    if r.damaged
        || r.at != r.bytes.len()
        || r.text.iter().any(|t| !t.is_empty())
        || !well_formed(&book.pats, &book.facts)
    {
        return Err(SnapshotError::Corrupt);
    }
    book.plan();
    Ok(book)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv1a(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Reads a payload. A damaged one is noticed, not trusted: an impossible length, tag or
/// string marks the reader `damaged` and reads as an empty value, and `decode` refuses the
/// result. (One flag instead of a `Result` per field keeps this code small in the module.)
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// The bytes of each strings' column not yet read.
    text: [&'a [u8]; COLUMNS],
    /// The laws' short citations, read before the rules.
    laws: Vec<String>,
    /// How deep the condition or pattern being read is nested.
    depth: usize,
    damaged: bool,
}

impl<'a> Reader<'a> {
    /// Reads a payload: the strings' columns (each after its length), then the rest.
    fn new(payload: &'a [u8]) -> Self {
        let mut r = Reader { bytes: payload, at: 0, text: [&[]; COLUMNS], laws: vec![], depth: 0, damaged: false };
        for col in 0..COLUMNS {
            let n = r.len();
            r.text[col] = r.take(n);
        }
        r.bytes = &payload[r.at..];
        r.at = 0;
        r
    }
    fn damage<T: Default>(&mut self) -> T {
        self.damaged = true;
        T::default()
    }
    fn byte(&mut self) -> u8 {
        match self.bytes.get(self.at) {
            Some(&b) => {
                self.at += 1;
                b
            }
            None => self.damage(),
        }
    }
    fn take(&mut self, n: usize) -> &'a [u8] {
        let bytes: &'a [u8] = self.bytes;
        match bytes.get(self.at..self.at.saturating_add(n)) {
            Some(s) => {
                self.at += n;
                s
            }
            None => self.damage(),
        }
    }
    fn uint(&mut self) -> u64 {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte();
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return v;
            }
        }
        self.damage()
    }
    fn int(&mut self) -> i64 {
        let z = self.uint();
        (z >> 1) as i64 ^ -((z & 1) as i64)
    }
    /// A length, bounded by what is left (each item takes at least one byte).
    fn len(&mut self) -> usize {
        let n = self.uint();
        if n > (self.bytes.len() - self.at) as u64 {
            self.damage()
        } else {
            n as usize
        }
    }
    fn tag(&mut self, variants: u8) -> u8 {
        let t = self.byte();
        if t < variants {
            t
        } else {
            self.damage()
        }
    }
    /// A string whose bytes are the next ones of the first strings' column.
    fn str(&mut self) -> &'a str {
        self.str_in(PROSE)
    }
    /// A string whose bytes are the next ones of column `col`, up to `END` (see `Writer::text`).
    fn str_in(&mut self, col: usize) -> &'a str {
        let text: &'a [u8] = self.text[col];
        match text.iter().position(|&b| b == END) {
            Some(n) => {
                self.text[col] = &text[n + 1..];
                std::str::from_utf8(&text[..n]).unwrap_or_else(|_| self.damage())
            }
            None => self.damage(),
        }
    }
    /// Reads a nested value (a condition: patterns are a graph, read node after node). The
    /// bound keeps a damaged snapshot from exhausting the stack; a compiled condition is far
    /// shallower (the rule language refuses nesting past `syntax::MAX_NESTING`).
    fn nested<T>(&mut self, empty: T, read: impl FnOnce(&mut Self) -> T) -> T {
        if self.depth > MAX_DEPTH {
            self.damaged = true;
            return empty;
        }
        self.depth += 1;
        let v = read(self);
        self.depth -= 1;
        v
    }
}

#[derive(Default)]
struct Writer {
    out: Vec<u8>,
    /// Every string's bytes, one after the other, in a column by kind (`PROSE`, `ENGLISH`,
    /// `PHRASES`, `EXAMPLES`): text beside text compresses better than text between numbers, and
    /// English beside English, a phrase beside phrases, better than beside Indonesian labels.
    text: [Vec<u8>; COLUMNS],
    /// The laws' short citations ("UU 7/2017"), which begin most citations.
    laws: Vec<String>,
}

impl Writer {
    fn uint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.out.push(v as u8 | 0x80);
            v >>= 7;
        }
        self.out.push(v as u8);
    }
    fn int(&mut self, v: i64) {
        self.uint(((v << 1) ^ (v >> 63)) as u64)
    }
    /// A string: its bytes in the first strings' column.
    fn str(&mut self, s: &str) {
        self.str_in(PROSE, s)
    }
    /// A string: its bytes, then `END`, in column `col` (UTF-8 never has that byte).
    fn str_in(&mut self, col: usize, s: &str) {
        self.text[col].extend_from_slice(s.as_bytes());
        self.text[col].push(END);
    }
    /// The strings' columns (each after its length), then the rest.
    fn payload(self) -> Vec<u8> {
        let mut head = Writer::default();
        for col in &self.text {
            head.uint(col.len() as u64);
            head.out.extend_from_slice(col);
        }
        [head.out, self.out].concat()
    }
}

/// A part of a rulebook that can be written to and read from a snapshot.
trait Snap: Sized {
    fn put(&self, w: &mut Writer);
    fn get(r: &mut Reader<'_>) -> Self;
}

macro_rules! snap_uint {
    ($($t:ty),*) => {$(
        impl Snap for $t {
            fn put(&self, w: &mut Writer) {
                w.uint(*self as u64)
            }
            fn get(r: &mut Reader<'_>) -> Self {
                let v = r.uint();
                <$t>::try_from(v).unwrap_or_else(|_| r.damage())
            }
        }
    )*};
}
snap_uint!(u16, u32, u64);

impl Snap for i32 {
    fn put(&self, w: &mut Writer) {
        w.int(*self as i64)
    }
    fn get(r: &mut Reader<'_>) -> Self {
        let v = r.int();
        i32::try_from(v).unwrap_or_else(|_| r.damage())
    }
}

impl Snap for f64 {
    fn put(&self, w: &mut Writer) {
        w.out.extend_from_slice(&self.to_le_bytes())
    }
    fn get(r: &mut Reader<'_>) -> Self {
        let b = r.take(8);
        b.try_into().map(f64::from_le_bytes).unwrap_or_else(|_| r.damage())
    }
}

impl Snap for bool {
    fn put(&self, w: &mut Writer) {
        w.out.push(*self as u8)
    }
    fn get(r: &mut Reader<'_>) -> Self {
        r.tag(2) == 1
    }
}

impl Snap for String {
    fn put(&self, w: &mut Writer) {
        w.str(self)
    }
    fn get(r: &mut Reader<'_>) -> Self {
        r.str().to_owned()
    }
}

impl<T: Snap> Snap for Vec<T> {
    fn put(&self, w: &mut Writer) {
        w.uint(self.len() as u64);
        self.iter().for_each(|x| x.put(w));
    }
    fn get(r: &mut Reader<'_>) -> Self {
        // A plain loop: `collect` into a `Result` costs far more code per item type.
        let n = r.len();
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(T::get(r));
        }
        v
    }
}

impl<T: Snap> Snap for Option<T> {
    fn put(&self, w: &mut Writer) {
        match self {
            None => w.out.push(0),
            Some(x) => {
                w.out.push(1);
                x.put(w)
            }
        }
    }
    fn get(r: &mut Reader<'_>) -> Self {
        if r.tag(2) == 1 {
            Some(T::get(r))
        } else {
            None
        }
    }
}

impl<T: Snap> Snap for Box<T> {
    fn put(&self, w: &mut Writer) {
        (**self).put(w)
    }
    fn get(r: &mut Reader<'_>) -> Self {
        Box::new(T::get(r))
    }
}

impl<A: Snap, B: Snap> Snap for (A, B) {
    fn put(&self, w: &mut Writer) {
        self.0.put(w);
        self.1.put(w);
    }
    fn get(r: &mut Reader<'_>) -> Self {
        (A::get(r), B::get(r))
    }
}

impl<A: Snap, B: Snap, C: Snap> Snap for (A, B, C) {
    fn put(&self, w: &mut Writer) {
        self.0.put(w);
        self.1.put(w);
        self.2.put(w);
    }
    fn get(r: &mut Reader<'_>) -> Self {
        (A::get(r), B::get(r), C::get(r))
    }
}

/// Structs: their fields in order.
macro_rules! snap_struct {
    ($($t:ident { $($f:ident),* $(,)? })*) => {$(
        impl Snap for $t {
            fn put(&self, w: &mut Writer) {
                $(self.$f.put(w);)*
            }
            fn get(r: &mut Reader<'_>) -> Self {
                $t { $($f: Snap::get(r),)* }
            }
        }
    )*};
}

snap_struct! {
    EnumIr { name, values, groups }
    FactIr { name, ty, open, label, infers }
    SanctionIr { name, label, severity }
    AskIr { name, label, when, unless, acts }
}

/// A period: its label and days (a verdict names the period a date fell in); where its dates come
/// from only the handouts show, which are built from the compiled rules.
impl Snap for PeriodIr {
    fn put(&self, w: &mut Writer) {
        self.label.put(w);
        self.start.put(w);
        self.end.put(w);
    }
    fn get(r: &mut Reader<'_>) -> Self {
        let (label, start, end) = (Snap::get(r), Snap::get(r), Snap::get(r));
        PeriodIr { label, start, end, basis: vec![] }
    }
}

/// A label: its Indonesian text, then its English translation (if any) in a column of its own.
impl Snap for Label {
    fn put(&self, w: &mut Writer) {
        self.id.put(w);
        match &self.en {
            None => w.out.push(0),
            Some(en) => {
                w.out.push(1);
                w.str_in(ENGLISH, en)
            }
        }
    }
    fn get(r: &mut Reader<'_>) -> Self {
        let id = Snap::get(r);
        let en = (r.tag(2) == 1).then(|| r.str_in(ENGLISH).to_owned());
        Label { id, en }
    }
}

/// Enums without data: their variants in order.
macro_rules! snap_unit_enum {
    ($($t:ident { $($v:ident),* $(,)? })*) => {$(
        impl Snap for $t {
            fn put(&self, w: &mut Writer) {
                w.out.push(*self as u8)
            }
            fn get(r: &mut Reader<'_>) -> Self {
                const ALL: &[$t] = &[$($t::$v),*];
                ALL[r.tag(ALL.len() as u8) as usize]
            }
        }
    )*};
}

snap_unit_enum! {
    RuleKind { Prohibition, Permission }
    VerdictKind { Allowed, NeedsMoreInfo, Violation }
    CmpOp { Eq, Ne, Lt, Le, Gt, Ge }
}

impl Snap for Rulebook {
    fn put(&self, w: &mut Writer) {
        self.laws.put(w);
        w.laws = self.laws.iter().map(|l| l.short.clone()).collect();
        self.enums.put(w);
        self.facts.put(w);
        self.periods.put(w);
        self.sanctions.put(w);
        self.rules.put(w);
        self.lexicon.put(w);
        // Only the checker names concepts; the matcher needs their number.
        w.uint(self.concept_names.len() as u64);
        self.ask.put(w);
        put_pats(w, &self.pats);
    }
    fn get(r: &mut Reader<'_>) -> Self {
        let laws: Vec<LawIr> = Snap::get(r);
        r.laws = laws.iter().map(|l| l.short.clone()).collect();
        let (enums, facts): (_, Vec<FactIr>) = (Snap::get(r), Snap::get(r));
        let fact_index = facts.iter().enumerate().map(|(i, f)| (f.name.clone(), i as FactId)).collect();
        Rulebook {
            laws,
            enums,
            facts,
            fact_index,
            periods: Snap::get(r),
            sanctions: Snap::get(r),
            rules: Snap::get(r),
            lexicon: Snap::get(r),
            concept_names: vec![String::new(); r.len()],
            ask: Snap::get(r),
            pats: get_pats(r),
            // Training topics: only the Latihan tab's data and the handouts (built from the
            // compiled rules) read them, never a verdict.
            topics: vec![],
            plan: Default::default(),
        }
    }
}

impl Snap for FactType {
    fn put(&self, w: &mut Writer) {
        match self {
            FactType::Bool => w.out.push(0),
            FactType::Date => w.out.push(1),
            FactType::Number => w.out.push(2),
            FactType::Enum(e) => {
                w.out.push(3);
                e.put(w)
            }
        }
    }
    fn get(r: &mut Reader<'_>) -> Self {
        match r.tag(4) {
            0 => FactType::Bool,
            1 => FactType::Date,
            2 => FactType::Number,
            _ => FactType::Enum(Snap::get(r)),
        }
    }
}

impl Snap for InferValue {
    fn put(&self, w: &mut Writer) {
        match self {
            InferValue::Bool(b) => {
                w.out.push(0);
                b.put(w)
            }
            InferValue::Set(m) => {
                w.out.push(1);
                m.put(w)
            }
        }
    }
    fn get(r: &mut Reader<'_>) -> Self {
        match r.tag(2) {
            0 => InferValue::Bool(Snap::get(r)),
            _ => InferValue::Set(Snap::get(r)),
        }
    }
}

impl Snap for FactInput {
    fn put(&self, w: &mut Writer) {
        match self {
            FactInput::Bool(b) => {
                w.out.push(0);
                b.put(w)
            }
            FactInput::Number(n) => {
                w.out.push(1);
                n.put(w)
            }
            FactInput::Text(s) => {
                w.out.push(2);
                s.put(w)
            }
            FactInput::Null(()) => w.out.push(3),
            FactInput::List(v) => {
                w.out.push(4);
                v.put(w)
            }
        }
    }
    fn get(r: &mut Reader<'_>) -> Self {
        match r.tag(5) {
            0 => FactInput::Bool(Snap::get(r)),
            1 => FactInput::Number(Snap::get(r)),
            2 => FactInput::Text(Snap::get(r)),
            4 => FactInput::List(Snap::get(r)),
            _ => FactInput::Null(()),
        }
    }
}

impl Snap for Cond {
    fn put(&self, w: &mut Writer) {
        match self {
            Cond::And(xs) => {
                w.out.push(0);
                xs.put(w)
            }
            Cond::Or(xs) => {
                w.out.push(1);
                xs.put(w)
            }
            Cond::Not(x) => {
                w.out.push(2);
                x.put(w)
            }
            Cond::Const(b) => {
                w.out.push(3);
                b.put(w)
            }
            Cond::IsTrue(f) => {
                w.out.push(4);
                f.put(w)
            }
            Cond::InSet(f, m) => {
                w.out.push(5);
                (*f, *m).put(w)
            }
            Cond::DateIn(f, a, b, p) => {
                w.out.push(6);
                (*f, *a, *b).put(w);
                p.put(w)
            }
            Cond::Cmp(f, op, v) => {
                w.out.push(7);
                (*f, *op, *v).put(w)
            }
        }
    }
    fn get(r: &mut Reader<'_>) -> Self {
        r.nested(Cond::Const(false), Self::get_flat)
    }
}

impl Cond {
    fn get_flat(r: &mut Reader<'_>) -> Self {
        match r.tag(8) {
            0 => Cond::And(Snap::get(r)),
            1 => Cond::Or(Snap::get(r)),
            2 => Cond::Not(Snap::get(r)),
            3 => Cond::Const(Snap::get(r)),
            4 => Cond::IsTrue(Snap::get(r)),
            5 => Cond::InSet(Snap::get(r), Snap::get(r)),
            6 => Cond::DateIn(Snap::get(r), Snap::get(r), Snap::get(r), Snap::get(r)),
            _ => Cond::Cmp(Snap::get(r), Snap::get(r), Snap::get(r)),
        }
    }
}

/// The pattern graph, node after node; a node's parts are written as how far back they are
/// (parts come first, most often just before), which reading turns back into indices: a part
/// that is not an earlier node is damage.
fn put_pats(w: &mut Writer, pats: &[Pat]) {
    w.uint(pats.len() as u64);
    for (i, p) in pats.iter().enumerate() {
        let back = |x: PatId| (i as u64).wrapping_sub(x as u64);
        match p {
            Pat::Or(_) => w.out.push(0),
            Pat::And(_) => w.out.push(1),
            Pat::Near(..) => w.out.push(2),
            Pat::Not(_) => w.out.push(3),
            Pat::Negated(_) => w.out.push(4),
            Pat::Concept(c) => {
                w.out.push(5);
                c.put(w);
                continue;
            }
            Pat::After(_, _, not) => w.out.push(if *not { 7 } else { 6 }),
            Pat::Union(_) => w.out.push(8),
        }
        if let Pat::Or(xs) | Pat::And(xs) | Pat::Union(xs) = p {
            w.uint(xs.len() as u64);
        }
        p.parts().iter().for_each(|&x| w.uint(back(x)));
        if let Pat::Near(_, d) | Pat::After(_, d, _) = p {
            d.put(w);
        }
    }
}

fn get_pats(r: &mut Reader<'_>) -> Vec<Pat> {
    let n = r.len();
    let mut pats = Vec::with_capacity(n);
    for i in 0..n {
        let part = |r: &mut Reader<'_>| match r.uint() {
            back @ 1.. if back <= i as u64 => (i as u64 - back) as PatId,
            _ => r.damage(),
        };
        let p = match r.tag(9) {
            t @ (0 | 1 | 8) => {
                let parts = (0..r.len()).map(|_| part(r)).collect();
                match t {
                    0 => Pat::Or(parts),
                    1 => Pat::And(parts),
                    _ => Pat::Union(parts),
                }
            }
            2 => Pat::Near([part(r), part(r)], Snap::get(r)),
            3 => Pat::Not(part(r)),
            4 => Pat::Negated(part(r)),
            5 => Pat::Concept(Snap::get(r)),
            t => Pat::After([part(r), part(r)], Snap::get(r), t == 7),
        };
        pats.push(p);
    }
    pats
}

/// A citation is most often a law's short citation, a space and the article ("UU 7/2017" +
/// "Pasal 280 ayat (3)"): then the law's index and the article, found in the sources as written.
fn put_citation(w: &mut Writer, citation: &str) {
    let law = w.laws.iter().position(|short| {
        citation.strip_prefix(short.as_str()).is_some_and(|rest| rest.starts_with(' ') && rest.len() > 1)
    });
    match law {
        Some(i) => {
            w.uint(i as u64 + 1);
            let article = &citation[w.laws[i].len() + 1..];
            w.str(article);
        }
        None => {
            w.uint(0);
            w.str(citation);
        }
    }
}

fn get_citation(r: &mut Reader<'_>) -> String {
    let law = r.uint() as usize;
    let text = r.str();
    match law.checked_sub(1) {
        None => text.to_owned(),
        Some(i) => match r.laws.get(i) {
            Some(short) => format!("{short} {text}"),
            None => r.damage(),
        },
    }
}

impl Snap for RuleIr {
    fn put(&self, w: &mut Writer) {
        self.id.put(w);
        self.kind.put(w);
        self.title.put(w);
        self.cond.put(w);
        self.unless.put(w);
        self.excused_by.put(w);
        self.sanctions.put(w);
        w.uint(self.basis.len() as u64);
        for c in &self.basis {
            put_citation(w, c);
        }
        self.basis_laws.put(w);
        self.advice.put(w);
        self.note.put(w);
        self.uncertain.put(w);
        put_examples(w, &self.examples, &self.id);
        self.weight.put(w);
    }
    fn get(r: &mut Reader<'_>) -> Self {
        let (id, kind, title, cond, unless, excused_by, sanctions): (String, _, _, _, _, _, _) =
            (Snap::get(r), Snap::get(r), Snap::get(r), Snap::get(r), Snap::get(r), Snap::get(r), Snap::get(r));
        let basis = (0..r.len()).map(|_| get_citation(r)).collect();
        let (basis_laws, advice, note, uncertain) = (Snap::get(r), Snap::get(r), Snap::get(r), Snap::get(r));
        let examples = get_examples(r, &id);
        RuleIr {
            id,
            kind,
            title,
            cond,
            unless,
            excused_by,
            sanctions,
            basis,
            basis_laws,
            advice,
            note,
            uncertain,
            topics: vec![],
            examples,
            weight: Snap::get(r),
        }
    }
}

/// A law: its code and short citation (verdicts cite it) and its dates (a citation is left out
/// of a verdict on a day the law was not in force); its full title only the rule list of the
/// CLI shows.
impl Snap for LawIr {
    fn put(&self, w: &mut Writer) {
        self.code.put(w);
        self.short.put(w);
        self.from.put(w);
        self.until.put(w);
    }
    fn get(r: &mut Reader<'_>) -> Self {
        let (code, short, from, until) = (Snap::get(r), Snap::get(r), Snap::get(r), Snap::get(r));
        LawIr { code, short, title: String::new(), from, until }
    }
}

/// A rule's examples: what the case library and the rule list show; where each is written only
/// the editor shows, from a rulebook it compiled itself. The rule an example must match is most
/// often the rule it is written in: then a tag alone says so.
fn put_examples(w: &mut Writer, examples: &[ExampleIr], rule: &str) {
    w.uint(examples.len() as u64);
    for ex in examples {
        w.str_in(EXAMPLES, &ex.text);
        ex.facts.put(w);
        ex.verdict.put(w);
        match ex.must_match.as_deref() {
            None => w.out.push(0),
            Some(id) if id == rule => w.out.push(1),
            Some(id) => {
                w.out.push(2);
                w.str(id)
            }
        }
    }
}

fn get_examples(r: &mut Reader<'_>, rule: &str) -> Vec<ExampleIr> {
    let n = r.len();
    let mut examples = Vec::with_capacity(n);
    for _ in 0..n {
        let text = r.str_in(EXAMPLES).to_owned();
        let (facts, verdict) = (Snap::get(r), Snap::get(r));
        let must_match = match r.tag(3) {
            0 => None,
            1 => Some(rule.to_owned()),
            _ => Some(r.str().to_owned()),
        };
        examples.push(ExampleIr { text, facts, verdict, must_match, loc: Loc::default() });
    }
    examples
}

/// The lexicon is most of a rulebook, written column by column (each column compresses well):
/// every phrase's words joined by spaces (usually a place in the pool, since phrases are written
/// in lower case); every phrase's flags (prefix, same concept as the previous phrase, exact); the
/// concepts that change; then how each stem relates to its word: the same, the word with
/// a few bytes cut at either end ("menghadiri" → "hadir"), or its own text. Reading adds the
/// phrases again in order, so word ids come out as compiling numbered them.
impl Snap for Lexicon {
    fn put(&self, w: &mut Writer) {
        let text = |&(word, stem): &(u32, u32)| (self.ids.text(word), self.ids.text(stem));
        w.uint(self.phrases.len() as u64);
        for p in &self.phrases {
            let words: Vec<&str> = self.words_of(p).iter().map(|x| text(x).0).collect();
            w.str_in(PHRASES, &words.join(" "));
        }
        let mut concept = None;
        let mut changed = vec![];
        for p in &self.phrases {
            let same = concept == Some(p.concept);
            w.out.push(p.prefix as u8 | (same as u8) << 1 | (p.exact as u8) << 2);
            if !same {
                concept = Some(p.concept);
                changed.push(p.concept);
            }
        }
        changed.iter().for_each(|c| c.put(w));
        let stems: Vec<Stem> = self.words.iter().map(|x| Stem::of(text(x).0, text(x).1)).collect();
        stems.iter().for_each(|s| w.out.push(s.code()));
        stems.iter().for_each(|s| {
            if let Stem::Cut(hi, lo) = s {
                w.out.push(hi << 4 | lo)
            }
        });
        stems.iter().for_each(|s| {
            if let Stem::Text(t) = s {
                w.str(t)
            }
        });
    }
    fn get(r: &mut Reader<'_>) -> Self {
        let n = r.len();
        let phrases: Vec<Vec<&str>> = (0..n).map(|_| r.str_in(PHRASES).split(' ').collect()).collect();
        let flags: Vec<u8> = (0..n).map(|_| r.tag(8)).collect();
        let concepts: Vec<u32> = (0..flags.iter().filter(|&&f| f & 2 == 0).count()).map(|_| Snap::get(r)).collect();
        let count = phrases.iter().map(Vec::len).sum::<usize>();
        let codes: Vec<u8> = (0..count).map(|_| r.tag(3)).collect();
        let cuts: Vec<u8> = (0..codes.iter().filter(|&&c| c == 1).count()).map(|_| r.byte()).collect();
        let texts: Vec<&str> = (0..codes.iter().filter(|&&c| c == 2).count()).map(|_| r.str()).collect();
        let (mut codes, mut cuts, mut texts, mut concepts) =
            (codes.into_iter(), cuts.into_iter(), texts.into_iter(), concepts.into_iter());
        let mut lexicon = Lexicon::default();
        let mut concept = 0;
        for (words, f) in phrases.iter().zip(flags) {
            if f & 2 == 0 {
                concept = concepts.next().unwrap_or_else(|| r.damage());
            }
            let pairs: Vec<(&str, &str)> = words
                .iter()
                .map(|&word| {
                    let stem = match codes.next() {
                        Some(1) => cuts
                            .next()
                            .and_then(|c| word.get((c >> 4) as usize..word.len().saturating_sub((c & 15) as usize))),
                        Some(2) => texts.next(),
                        _ => Some(word),
                    };
                    (word, stem.unwrap_or_else(|| r.damage()))
                })
                .collect();
            lexicon.add(pairs.into_iter(), PhraseForm { prefix: f & 1 != 0, exact: f & 4 != 0 }, concept);
        }
        lexicon
    }
}

/// How a stem relates to its word.
enum Stem<'a> {
    Same,
    /// The word less `.0` bytes in front and `.1` behind.
    Cut(u8, u8),
    Text(&'a str),
}

impl<'a> Stem<'a> {
    fn of(word: &str, stem: &'a str) -> Self {
        if stem == word {
            return Stem::Same;
        }
        let cut = word
            .match_indices(stem)
            .map(|(at, _)| (at, word.len() - at - stem.len()))
            .find(|&(hi, lo)| hi < 16 && lo < 16);
        cut.map_or(Stem::Text(stem), |(hi, lo)| Stem::Cut(hi as u8, lo as u8))
    }
    fn code(&self) -> u8 {
        match self {
            Stem::Same => 0,
            Stem::Cut(..) => 1,
            Stem::Text(_) => 2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{builtin_sources, Incident};

    fn builtin() -> (Rulebook, Vec<u8>) {
        let book = Rulebook::compile(&builtin_sources()).expect("the built-in rulebook compiles");
        let bytes = encode(&book);
        (book, bytes)
    }

    /// The book as a snapshot keeps it: without what only the editor reads.
    fn as_kept(book: &Rulebook) -> Rulebook {
        let mut kept = book.clone();
        kept.laws.iter_mut().for_each(|l| l.title.clear());
        kept.concept_names.iter_mut().for_each(String::clear);
        kept.rules.iter_mut().flat_map(|r| &mut r.examples).for_each(|e| e.loc = Loc::default());
        kept.rules.iter_mut().for_each(|r| r.topics.clear());
        kept.periods.iter_mut().for_each(|p| p.basis.clear());
        kept.topics.clear();
        kept
    }

    #[test]
    fn the_built_in_rulebook_reads_back_unchanged() {
        let (book, bytes) = builtin();
        let read = decode(&bytes).expect("a fresh snapshot reads");
        let parts = |b: &Rulebook| {
            format!(
                "{:?}{:?}{:?}{:?}{:?}{:?}{:?}{:?}{:?}{:?}{:?}",
                b.laws,
                b.enums,
                b.facts,
                b.periods,
                b.sanctions,
                b.rules,
                b.lexicon,
                b.concept_names,
                b.ask,
                b.pats,
                b.topics
            )
        };
        assert_eq!(parts(&read), parts(&as_kept(&book)));
        assert_eq!(read.fact_index, book.fact_index);
        // Same verdicts, explanations, questions, rule list and cases as the compiled book.
        for rule in &book.rules {
            for ex in &rule.examples {
                let mut incident = Incident { text: ex.text.clone(), ..Default::default() };
                incident.facts.extend(ex.facts.iter().cloned());
                assert_eq!(read.classify(&incident), book.classify(&incident), "{}", ex.text);
            }
        }
        for lang in [crate::Lang::Id, crate::Lang::En] {
            let json = |b: &Rulebook| {
                serde_json::to_string(&(b.rules(lang), b.questions(lang), b.cases())).expect("serialises")
            };
            assert_eq!(json(&read), json(&as_kept(&book)));
        }
    }

    #[test]
    fn a_snapshot_carries_its_own_strings() {
        // Nothing of the rule sources is needed to read it: it reads back alone, and a snapshot
        // of the snapshot's rulebook is the same bytes.
        let (_, bytes) = builtin();
        let read = decode(&bytes).expect("reads");
        assert_eq!(encode(&read), bytes);
    }

    #[test]
    fn a_snapshot_of_another_format_version_is_refused() {
        let (_, bytes) = builtin();
        let mut older = bytes.clone();
        older[7] = 6;
        assert_eq!(decode(&older).err(), Some(SnapshotError::NotASnapshot));
    }

    #[test]
    fn damaged_snapshots_are_refused() {
        let (_, bytes) = builtin();
        assert_eq!(decode(b"not a snapshot").err(), Some(SnapshotError::NotASnapshot));
        for cut in [9, 12, 16, 17, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        for at in (16..bytes.len()).step_by(97) {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x5a;
            assert_eq!(decode(&damaged).err(), Some(SnapshotError::Corrupt), "byte {at}");
        }
    }

    #[test]
    fn readers_of_damaged_payloads_stop_without_panicking() {
        // Behind a valid checksum (which a real snapshot always has), the reader itself must
        // refuse impossible lengths, tags and strings rather than index out of bounds.
        let (book, _) = builtin();
        let mut w = Writer::default();
        book.put(&mut w);
        let payload = w.payload();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..300 {
            let mut damaged = payload.clone();
            for _ in 0..4 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let at = (seed % damaged.len() as u64) as usize;
                damaged[at] = (seed >> 32) as u8;
            }
            let _ = Rulebook::get(&mut Reader::new(&damaged));
        }
    }
}
