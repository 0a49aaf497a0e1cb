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

/// Occurrences of every concept in one text.
pub(crate) struct Matches {
    pub by_concept: Vec<Vec<Occ>>,
}

/// Finds every phrase of the lexicon in the text.
pub(crate) fn find(lex: &Lexicon, concepts: usize, a: &Analysis) -> Matches {
    let mut by_concept: Vec<Vec<Occ>> = vec![Vec::new(); concepts];
    let n = a.tokens().len();
    let mut candidates: Vec<u32> = Vec::new();
    for i in 0..n {
        candidates.clear();
        for key in [a.word(i), a.stem(i)] {
            if let Some(list) = lex.by_first.get(key) {
                candidates.extend_from_slice(list);
            }
        }
        candidates.extend_from_slice(&lex.prefix_first);
        candidates.sort_unstable();
        candidates.dedup();
        for &p in &candidates {
            let phrase = &lex.phrases[p as usize];
            let Some(last) = match_at(&phrase.words, a, i) else { continue };
            let toks = &a.tokens()[i..=last];
            let occ = Occ {
                first: i as u32,
                last: last as u32,
                negated: toks.iter().any(|t| t.negated),
                sentence: toks[0].sentence,
            };
            for &c in &phrase.concepts {
                let list = &mut by_concept[c as usize];
                if list.len() < MAX_OCCURRENCES && list.last() != Some(&occ) {
                    list.push(occ);
                }
            }
        }
    }
    for list in &mut by_concept {
        list.sort_unstable_by_key(|o| (o.first, o.last));
        list.dedup();
    }
    Matches { by_concept }
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

/// Evaluates a pattern. `Some(evidence)` when it matches (evidence may be empty for `not`).
pub(crate) fn eval(p: &Pat, m: &Matches, negated: bool) -> Option<Vec<Occ>> {
    match p {
        Pat::Concept(c) => {
            let occ: Vec<Occ> = m.by_concept.get(*c as usize)?.iter().filter(|o| o.negated == negated).copied().collect();
            (!occ.is_empty()).then_some(occ)
        }
        Pat::Negated(x) => eval(x, m, !negated),
        Pat::Not(x) => match eval(x, m, negated) {
            Some(_) => None,
            None => Some(vec![]),
        },
        Pat::Or(v) => {
            let mut out: Option<Vec<Occ>> = None;
            for x in v {
                if let Some(occ) = eval(x, m, negated) {
                    out.get_or_insert_with(Vec::new).extend(occ);
                }
            }
            out
        }
        Pat::And(v) => {
            let mut out = Vec::new();
            for x in v {
                out.extend(eval(x, m, negated)?);
            }
            Some(out)
        }
        Pat::Near(a, b, window) => {
            let xs = eval(a, m, negated)?;
            let ys = eval(b, m, negated)?;
            let mut out = Vec::new();
            for x in xs.iter().filter(|o| o.last >= o.first) {
                // The nearest y in the same sentence within the window.
                let best = ys
                    .iter()
                    .filter(|y| y.sentence == x.sentence && gap(x, y) <= *window)
                    .min_by_key(|y| gap(x, y));
                if let Some(y) = best {
                    out.push(*x);
                    out.push(*y);
                }
            }
            (!out.is_empty()).then_some(out)
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
