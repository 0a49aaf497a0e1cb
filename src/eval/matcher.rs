//! Concept matching: one pass over the analysed text finds every phrase of the lexicon, then
//! patterns (`near`, `and`, `negated`, …) combine the occurrences into matches with evidence.

use crate::rulebook::{Lexicon, Pat, WordHasher, WordPat};
use crate::text::{Analysis, Token};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// Occurrences kept per concept: bounds the work of `near` on hostile input (a text that
/// repeats one word a million times) while keeping every realistic match.
const MAX_OCCURRENCES: usize = 256;

/// Where a phrase occurred: a range of tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Occ {
    pub first: u32,
    pub last: u32,
    pub negated: bool,
    pub sentence: u32,
}

/// Occurrences of every concept in one text, in one flat table (two allocations per text,
/// whatever the number of concepts).
pub(crate) struct Matches {
    /// Occurrences grouped by concept, each group in text order.
    occ: Vec<Occ>,
    /// `occ[starts[c]..starts[c + 1]]` are the occurrences of concept `c`.
    starts: Vec<u32>,
}

impl Matches {
    /// True when concept `c` occurs at all (negated or not).
    pub fn occurs(&self, c: u32) -> bool {
        matches!((self.starts.get(c as usize), self.starts.get(c as usize + 1)), (Some(s), Some(e)) if e > s)
    }

    /// The occurrences of concept `c`, in text order.
    fn occurrences(&self, c: u32) -> &[Occ] {
        let s = self.starts.get(c as usize).copied().unwrap_or(0) as usize;
        let e = self.starts.get(c as usize + 1).copied().unwrap_or(0) as usize;
        self.occ.get(s..e).unwrap_or(&[])
    }
}

/// No word of the lexicon.
const NO_WORD: u32 = u32::MAX;

/// The lexicon's words as numbers: every word and stem of every phrase gets an id, so a
/// token is looked up twice (its word, its stem) and every phrase word after that is an
/// integer compare. Everything a candidate phrase needs sits in flat arrays (a phrase is
/// tried for every token that starts it; chasing one allocation per phrase cost more than
/// the compares).
#[derive(Debug, Default, Clone)]
pub(crate) struct PhraseIndex {
    ids: HashMap<String, u32, BuildHasherDefault<WordHasher>>,
    phrases: Vec<PhraseEntry>,
    /// `(word id, stem id)` of every phrase word, phrase after phrase.
    words: Vec<(u32, u32)>,
    /// The concepts of every phrase, phrase after phrase.
    concepts: Vec<u32>,
    /// Word or stem id → its range in `firsts`: the phrases whose first word has it.
    first_ranges: Vec<(u32, u32)>,
    firsts: Vec<u32>,
    /// Phrases whose first word is a prefix: tried at every token.
    prefix_first: Vec<u32>,
}

#[derive(Debug, Default, Clone, Copy)]
struct PhraseEntry {
    words: (u32, u32),
    concepts: (u32, u32),
    /// Has a prefix word (`melapor*`): matched on strings.
    prefix: bool,
}

impl PhraseIndex {
    pub fn new(lex: &Lexicon) -> PhraseIndex {
        let mut ix = PhraseIndex::default();
        let mut by_first: Vec<Vec<u32>> = vec![];
        for (p, phrase) in lex.phrases.iter().enumerate() {
            let from = ix.words.len() as u32;
            for w in &phrase.words {
                let pair = (ix.intern(&w.word, &mut by_first), ix.intern(&w.stem, &mut by_first));
                ix.words.push(pair);
            }
            let c_from = ix.concepts.len() as u32;
            ix.concepts.extend_from_slice(&phrase.concepts);
            ix.phrases.push(PhraseEntry {
                words: (from, ix.words.len() as u32),
                concepts: (c_from, ix.concepts.len() as u32),
                prefix: phrase.words.iter().any(|w| w.prefix),
            });
            match phrase.words.first() {
                Some(w) if w.prefix => ix.prefix_first.push(p as u32),
                Some(_) => {
                    let (w, s) = ix.words[from as usize];
                    for id in [w, s] {
                        let list = &mut by_first[id as usize];
                        if list.last() != Some(&(p as u32)) {
                            list.push(p as u32);
                        }
                    }
                }
                None => {}
            }
        }
        for list in by_first {
            let from = ix.firsts.len() as u32;
            ix.firsts.extend(list);
            ix.first_ranges.push((from, ix.firsts.len() as u32));
        }
        ix
    }

    fn intern(&mut self, s: &str, by_first: &mut Vec<Vec<u32>>) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = by_first.len() as u32;
        self.ids.insert(s.to_string(), id);
        by_first.push(vec![]);
        id
    }

    fn id(&self, s: &str) -> u32 {
        self.ids.get(s).copied().unwrap_or(NO_WORD)
    }

    fn starting_with(&self, id: u32) -> &[u32] {
        self.first_ranges.get(id as usize).map_or(&[], |&(a, b)| &self.firsts[a as usize..b as usize])
    }
}

/// Finds every phrase of the lexicon in the text.
pub(crate) fn find(ix: &PhraseIndex, lex: &Lexicon, concepts: usize, a: &Analysis) -> Matches {
    let toks = a.tokens();
    let ids: Vec<(u32, u32)> = (0..toks.len())
        .map(|i| {
            let (word, stem) = (a.word(i), a.stem(i));
            let w = ix.id(word);
            // Most words are their own stem: one lookup.
            (w, if stem == word { w } else { ix.id(stem) })
        })
        .collect();
    let mut found: Vec<(u32, Occ)> = Vec::with_capacity(toks.len());
    let mut per_concept = vec![0u32; concepts];
    for i in 0..toks.len() {
        let (w, s) = ids[i];
        let by_word = ix.starting_with(w);
        let by_stem = if s != w { ix.starting_with(s) } else { &[] };
        // A phrase indexed under both the word and the stem is tried once.
        let from_stem = by_stem.iter().filter(|p| !by_word.contains(p));
        for &p in by_word.iter().chain(from_stem).chain(&ix.prefix_first) {
            let entry = ix.phrases[p as usize];
            let last = if entry.prefix {
                match_words_at(&lex.phrases[p as usize].words, a, i)
            } else {
                match_ids_at(&ix.words[entry.words.0 as usize..entry.words.1 as usize], &ids, toks, i)
            };
            let Some(last) = last else { continue };
            let span = &toks[i..=last];
            let o = Occ { first: i as u32, last: last as u32, negated: span.iter().any(|t| t.negated), sentence: span[0].sentence };
            for &c in &ix.concepts[entry.concepts.0 as usize..entry.concepts.1 as usize] {
                let count = &mut per_concept[c as usize];
                if (*count as usize) < MAX_OCCURRENCES {
                    *count += 1;
                    found.push((c, o));
                }
            }
        }
    }
    group_by_concept(found, &per_concept)
}

/// The occurrences grouped by concept (a counting sort: text order is kept within a group),
/// each group ordered by span and without duplicates.
fn group_by_concept(found: Vec<(u32, Occ)>, per_concept: &[u32]) -> Matches {
    let n = per_concept.len();
    // `starts[c + 1]` is where group `c` begins; placing an occurrence moves it on, so after
    // placing it is where the group ends, which is where group `c + 1` begins.
    let mut starts = vec![0u32; n + 1];
    let mut at = 0u32;
    for c in 0..n {
        starts[c + 1] = at;
        at += per_concept[c];
    }
    let mut occ = vec![Occ::default(); found.len()];
    for &(c, o) in &found {
        let k = &mut starts[c as usize + 1];
        occ[*k as usize] = o;
        *k += 1;
    }
    // Phrases found at one token may end in any order, and two phrases of a concept may cover
    // the same words: groups of two or more are put in span order (insertion sort: they are
    // nearly sorted) and packed without repeats.
    let (mut from, mut write) = (0usize, 0usize);
    for c in 0..n {
        let to = starts[c + 1] as usize;
        starts[c] = write as u32;
        let group = &mut occ[from..to];
        for k in 1..group.len() {
            let mut j = k;
            while j > 0 && (group[j - 1].first, group[j - 1].last) > (group[j].first, group[j].last) {
                group.swap(j - 1, j);
                j -= 1;
            }
        }
        for k in from..to {
            if write == starts[c] as usize || occ[write - 1] != occ[k] {
                occ[write] = occ[k];
                write += 1;
            }
        }
        from = to;
    }
    starts[n] = write as u32;
    occ.truncate(write);
    Matches { occ, starts }
}

/// The last token index of a phrase (as word ids) matched from token `i`, if it matches there.
fn match_ids_at(words: &[(u32, u32)], ids: &[(u32, u32)], toks: &[Token], i: usize) -> Option<usize> {
    let Some(last) = (i + words.len()).checked_sub(1) else { return None };
    if words.is_empty() || last >= toks.len() || toks[last].sentence != toks[i].sentence {
        return None;
    }
    let all = words.iter().zip(&ids[i..=last]).all(|(&(pw, ps), &(tw, ts))| tw == pw || ts == ps);
    all.then_some(last)
}

/// The last token index of `words` matched from token `i`, if they match there.
fn match_words_at(words: &[WordPat], a: &Analysis, i: usize) -> Option<usize> {
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
            out.extend(m.occurrences(*c).iter().filter(|o| o.negated == negated));
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
