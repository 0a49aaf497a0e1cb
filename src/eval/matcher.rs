//! Concept matching: one pass over the analysed text finds every phrase of the lexicon, then
//! patterns (`near`, `and`, `negated`, …) combine the occurrences into matches with evidence.

use crate::rulebook::{Lexicon, Pat, WordPat};
use crate::text::Analysis;

/// Occurrences kept per concept: bounds the work of `near` on hostile input (a text that
/// repeats one word a million times) while keeping every realistic match.
const MAX_OCCURRENCES: usize = 256;

/// Where a phrase occurred: a range of tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Occ {
    pub first: u32,
    pub last: u32,
    pub negated: bool,
    pub sentence: u32,
}

/// Occurrences of every concept in one text, in one flat table (two allocations per text,
/// whatever the number of concepts).
pub(crate) struct Matches {
    /// Occurrences sorted by concept, then position.
    occ: Vec<(u32, Occ)>,
    /// `occ[starts[c]..starts[c + 1]]` are the occurrences of concept `c`.
    starts: Vec<u32>,
}

impl Matches {
    /// The occurrences of concept `c`, in text order.
    fn occurrences(&self, c: u32) -> impl Iterator<Item = Occ> + '_ {
        let s = self.starts.get(c as usize).copied().unwrap_or(0) as usize;
        let e = self.starts.get(c as usize + 1).copied().unwrap_or(0) as usize;
        self.occ.get(s..e).unwrap_or(&[]).iter().map(|(_, o)| *o)
    }
}

/// Finds every phrase of the lexicon in the text.
pub(crate) fn find(lex: &Lexicon, concepts: usize, a: &Analysis) -> Matches {
    let mut occ: Vec<(u32, Occ)> = Vec::new();
    let mut per_concept = vec![0u32; concepts];
    let n = a.tokens().len();
    for i in 0..n {
        let (word, stem) = (a.word(i), a.stem(i));
        let by_word = lex.by_first.get(word);
        let by_stem = if stem != word { lex.by_first.get(stem) } else { None };
        // A phrase indexed under both the word and the stem is tried once.
        let from_stem = by_stem.into_iter().flatten().filter(|p| !by_word.is_some_and(|l| l.contains(p)));
        for &p in by_word.into_iter().flatten().chain(from_stem).chain(&lex.prefix_first) {
            let phrase = &lex.phrases[p as usize];
            let Some(last) = match_at(&phrase.words, a, i) else { continue };
            let toks = &a.tokens()[i..=last];
            let o = Occ {
                first: i as u32,
                last: last as u32,
                negated: toks.iter().any(|t| t.negated),
                sentence: toks[0].sentence,
            };
            for &c in &phrase.concepts {
                let count = &mut per_concept[c as usize];
                if (*count as usize) < MAX_OCCURRENCES {
                    *count += 1;
                    occ.push((c, o));
                }
            }
        }
    }
    occ.sort_unstable_by_key(|(c, o)| (*c, o.first, o.last));
    occ.dedup();
    let mut starts = Vec::with_capacity(concepts + 1);
    let mut at = 0usize;
    for c in 0..concepts as u32 {
        starts.push(at as u32);
        while at < occ.len() && occ[at].0 == c {
            at += 1;
        }
    }
    starts.push(at as u32);
    Matches { occ, starts }
}

/// The last token index of `words` matched from token `i`, if they match there.
fn match_at(words: &[WordPat], a: &Analysis, i: usize) -> Option<usize> {
    let n = a.tokens().len();
    for (k, w) in words.iter().enumerate() {
        let t = i + k;
        if t >= n || (k > 0 && a.tokens()[t].sentence != a.tokens()[i].sentence) {
            return None;
        }
        let (word, stem) = (a.word(t), a.stem(t));
        let ok = if w.prefix {
            word.starts_with(w.word.as_str()) || stem.starts_with(w.stem.as_str())
        } else {
            word == w.word || stem == w.stem
        };
        if !ok {
            return None;
        }
    }
    Some(i + words.len() - 1)
}

/// Evaluates a pattern: true when it matches, with the evidence pushed onto `out` (nothing is
/// pushed when it does not match; `not` matches with no evidence).
pub(crate) fn eval(p: &Pat, m: &Matches, negated: bool, out: &mut Vec<Occ>) -> bool {
    match p {
        Pat::Concept(c) => {
            let before = out.len();
            out.extend(m.occurrences(*c).filter(|o| o.negated == negated));
            out.len() > before
        }
        Pat::Negated(x) => eval(x, m, !negated, out),
        Pat::Not(x) => {
            let before = out.len();
            let found = eval(x, m, negated, out);
            out.truncate(before);
            !found
        }
        Pat::Or(v) => {
            let mut any = false;
            for x in v {
                any |= eval(x, m, negated, out);
            }
            any
        }
        Pat::And(v) => {
            let before = out.len();
            for x in v {
                if !eval(x, m, negated, out) {
                    out.truncate(before);
                    return false;
                }
            }
            true
        }
        Pat::Near(a, b, window) => {
            let before = out.len();
            if !eval(a, m, negated, out) {
                return false;
            }
            let mid = out.len();
            if !eval(b, m, negated, out) {
                out.truncate(before);
                return false;
            }
            let (xs, ys) = out[before..].split_at(mid - before);
            let mut pairs = Vec::new();
            for x in xs {
                // The nearest y in the same sentence within the window.
                let best = ys.iter().filter(|y| y.sentence == x.sentence && gap(x, y) <= *window).min_by_key(|y| gap(x, y));
                if let Some(y) = best {
                    pairs.push(*x);
                    pairs.push(*y);
                }
            }
            out.truncate(before);
            out.extend_from_slice(&pairs);
            !pairs.is_empty()
        }
    }
}

/// Words between two occurrences (0 when they touch or overlap).
fn gap(x: &Occ, y: &Occ) -> u32 {
    if y.first > x.last {
        y.first - x.last - 1
    } else if x.first > y.last {
        x.first - y.last - 1
    } else {
        0
    }
}
