//! Rule files built from the grammar: nested patterns, long chains and prefix runs, named
//! patterns that use one another (cycles included), concepts that include one another, odd
//! windows, and an example to run. Checking one must never panic, and must take time in
//! proportion to its size: a check slower than `LIMIT` is a failure, as is libFuzzer's own
//! `-timeout` (scripts/fuzz.sh), so a blow-up counts like a crash.
//!
//! The bytes drive a generator; it writes repetitions (`not not …`, `a near a near …`) as
//! loops over a count read from the input, so that short inputs reach large files.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::fmt::Write;
use std::time::{Duration, Instant};

/// Longest a check may take, whatever the file.
const LIMIT: Duration = Duration::from_secs(2);
/// Repetitions stop once the file is this long.
const MAX_BYTES: usize = 128 << 10;

/// Reads the input a byte at a time (zeros once it runs out).
struct Gen<'a> {
    bytes: &'a [u8],
    at: usize,
    out: String,
    /// Named patterns declared so far, and how many will be.
    named: usize,
}

impl Gen<'_> {
    fn byte(&mut self) -> u8 {
        let b = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    fn pick(&mut self, n: u8) -> u8 {
        self.byte() % n
    }

    /// A count for a repetition: usually small, sometimes tens of thousands.
    fn count(&mut self) -> usize {
        match self.pick(4) {
            0 => self.byte() as usize * 400,
            _ => self.pick(8) as usize,
        }
    }

    fn leaf(&mut self) {
        let (kind, k) = (self.pick(3), self.byte());
        let leaf = match kind {
            0 => format!("c{}", k % 4),
            1 => format!("\"kata{}\"", k % 4),
            _ => format!("p{}", k as usize % self.named.max(1)),
        };
        self.out.push_str(&leaf);
    }

    fn op(&mut self) {
        let op = ["near", "after", "notafter", "and", "or"][self.pick(5) as usize];
        self.out.push(' ');
        self.out.push_str(op);
        if op.len() > 3 && self.pick(2) == 0 {
            let window = ["/0", "/1", "/3", "/8", "/-5", "/2.5", "/1000001"][self.pick(7) as usize];
            self.out.push_str(window);
        }
        self.out.push(' ');
    }

    fn pattern(&mut self, depth: u32) {
        if depth > 12 || self.at >= self.bytes.len() {
            return self.leaf();
        }
        match self.pick(8) {
            0 | 1 => self.leaf(),
            2 => {
                self.out.push('(');
                self.pattern(depth + 1);
                self.out.push(')');
            }
            3 => {
                // A prefix run: past 64 levels, E-NESTING.
                for _ in 0..self.count() {
                    if self.out.len() > MAX_BYTES {
                        break;
                    }
                    let op = if self.pick(2) == 0 { "not " } else { "negated " };
                    self.out.push_str(op);
                }
                self.pattern(depth + 1);
            }
            4 => {
                // A chain of one operand repeated.
                let (op, n) = (["near", "after", "notafter"][self.pick(3) as usize], self.count());
                let start = self.out.len();
                self.pattern(depth + 1);
                let operand = self.out[start..].to_string();
                for _ in 0..n {
                    if self.out.len() > MAX_BYTES {
                        break;
                    }
                    write!(self.out, " {op} {operand}").unwrap_or(());
                }
            }
            _ => {
                self.pattern(depth + 1);
                for _ in 0..self.pick(4) {
                    self.op();
                    self.pattern(depth + 1);
                }
            }
        }
    }

    fn file(mut self) -> String {
        self.out.push_str("law L \"L 1/2020\" \"Law\"\nsanction s \"S\" { severity 10 }\n");
        for k in 0..4 {
            let include = match self.pick(3) {
                0 => format!(" | c{}", self.pick(4)),
                _ => String::new(),
            };
            writeln!(self.out, "concept c{k} = \"kata{k}\"{include}").unwrap_or(());
        }
        self.named = self.pick(16) as usize;
        for i in 0..self.named {
            write!(self.out, "pattern p{i} = ").unwrap_or(());
            self.pattern(0);
            self.out.push('\n');
        }
        let acts = 1 + self.pick(4);
        for a in 0..acts {
            write!(self.out, "act a{a} \"A\" = ").unwrap_or(());
            self.pattern(0);
            self.out.push('\n');
        }
        let words = ["kata0", "kata1", "kata2", "kata3", "tidak", "saya", ".", ","];
        let example: Vec<&str> = (0..self.count().min(60)).map(|_| words[self.pick(8) as usize]).collect();
        writeln!(self.out, "rule r \"R\" {{ prohibition when a0 sanction s basis L \"1\" example \"{}\" => violation }}", example.join(" ")).unwrap_or(());
        self.out
    }
}

fuzz_target!(|data: &[u8]| {
    let text = Gen { bytes: data, at: 0, out: String::new(), named: 0 }.file();
    let start = Instant::now();
    let _ = netral::check::check(&netral::Sources::single("fuzz.rules", &text));
    let took = start.elapsed();
    assert!(took < LIMIT, "checking {} bytes took {took:?}", text.len());
});
