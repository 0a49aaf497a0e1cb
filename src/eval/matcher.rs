//! Concept matching: one pass over the analysed text finds every phrase of the lexicon, then
//! patterns (`near`, `and`, `negated`, …) combine the occurrences into matches with evidence.

use crate::rulebook::{Lexicon, Pat, PatId, Phrase};
use crate::text::Analysis;
use std::ops::Range;

/// Where a phrase occurred: the places of its first and last word (`Token::place`, what the
/// windows of `near` and `after` count) and the range of its tokens (what the evidence shows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Occ {
    pub first: u32,
    pub last: u32,
    /// The indices of its first and last token.
    pub tokens: (u32, u32),
    pub negated: bool,
    /// Some of its words are in what the speaker says they do not know (`text::doubt`).
    pub doubted: bool,
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
    pub(crate) fn occurrences(&self, c: u32) -> &[Occ] {
        let s = self.starts.get(c as usize).copied().unwrap_or(0) as usize;
        let e = self.starts.get(c as usize + 1).copied().unwrap_or(0) as usize;
        self.occ.get(s..e).unwrap_or(&[])
    }
}

/// No word of the lexicon.
const NO_WORD: u32 = u32::MAX;

/// Which phrases start with which word. The lexicon already numbers its words (so a token is
/// looked up twice, its word and its stem, and every phrase word after that is an integer
/// compare); this adds, per word or stem id, the phrases whose first word has it.
#[derive(Debug, Default, Clone)]
pub(crate) struct PhraseIndex {
    /// Word or stem id → its range in `firsts`.
    first_ranges: Vec<(u32, u32)>,
    firsts: Vec<Candidate>,
    /// Phrases whose first word is a prefix: tried at every token.
    prefix_first: Vec<u32>,
}

/// A phrase to try where its first word occurs, with its second word (word and stem ids), so
/// that most candidates are turned down by one compare: a common first word ("saya", "teman")
/// starts dozens of phrases.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    phrase: u32,
    /// The second word, or `ANY_NEXT` (a one-word phrase, or a prefix second word).
    next: (u32, u32),
}

/// `Candidate::next` of a phrase the next token cannot turn down alone.
const ANY_NEXT: (u32, u32) = (NO_WORD, NO_WORD);

impl PhraseIndex {
    pub fn new(lex: &Lexicon) -> PhraseIndex {
        let mut ix = PhraseIndex::default();
        // Phrases per first word id, counted then placed (a counting sort keeps phrase order).
        let mut counts = vec![0u32; lex.ids.len() + 1];
        let firsts = |p: &Phrase| match lex.words_of(p) {
            [_] if p.prefix => None,
            [(w, s), ..] => Some((*w, *s)),
            [] => None,
        };
        for (p, phrase) in lex.phrases.iter().enumerate() {
            match firsts(phrase) {
                Some((w, s)) => {
                    counts[w as usize] += 1;
                    if s != w {
                        counts[s as usize] += 1;
                    }
                }
                None if phrase.prefix => ix.prefix_first.push(p as u32),
                None => {}
            }
        }
        let mut at = 0u32;
        ix.first_ranges = counts
            .iter()
            .take(lex.ids.len())
            .map(|&n| {
                at += n;
                (at - n, at - n)
            })
            .collect();
        ix.firsts = vec![Candidate { phrase: 0, next: ANY_NEXT }; at as usize];
        for (p, phrase) in lex.phrases.iter().enumerate() {
            if let Some((w, s)) = firsts(phrase) {
                let next = match lex.words_of(phrase) {
                    [_, _] if phrase.prefix => ANY_NEXT,
                    [_, next, ..] => *next,
                    _ => ANY_NEXT,
                };
                let ids = [w, s];
                for &id in &ids[..if s != w { 2 } else { 1 }] {
                    let range = &mut ix.first_ranges[id as usize];
                    ix.firsts[range.1 as usize] = Candidate { phrase: p as u32, next };
                    range.1 += 1;
                }
            }
        }
        ix
    }

    fn starting_with(&self, id: u32) -> &[Candidate] {
        self.first_ranges.get(id as usize).map_or(&[], |&(a, b)| &self.firsts[a as usize..b as usize])
    }
}

/// Finds every phrase of the lexicon in the text.
pub(crate) fn find(ix: &PhraseIndex, lex: &Lexicon, concepts: usize, a: &Analysis) -> Matches {
    let toks = a.tokens();
    let id = |word: &[u8]| lex.ids.get(word).unwrap_or(NO_WORD);
    let ids: Vec<(u32, u32)> = (0..toks.len())
        .map(|i| {
            let (word, stem) = a.word_and_stem_bytes(i);
            let w = id(word);
            // Most words are their own stem: one lookup.
            (w, stem.map_or(w, id))
        })
        .collect();
    let mut found: Vec<(u32, Occ)> = Vec::with_capacity(toks.len());
    let mut per_concept = vec![0u32; concepts];
    for i in 0..toks.len() {
        let (w, s) = ids[i];
        let by_word = ix.starting_with(w);
        let by_stem = if s != w { ix.starting_with(s) } else { &[] };
        // A phrase indexed under both the word and the stem is tried once.
        let from_stem = by_stem.iter().filter(|c| !by_word.iter().any(|b| b.phrase == c.phrase));
        let next = ids.get(i + 1).copied();
        let candidates = by_word.iter().chain(from_stem).filter(|c| match next {
            _ if c.next == ANY_NEXT => true,
            Some((tw, ts)) => tw == c.next.0 || ts == c.next.1,
            None => false,
        });
        for p in candidates.map(|c| c.phrase).chain(ix.prefix_first.iter().copied()) {
            let phrase = &lex.phrases[p as usize];
            let Some(last) = match_at(lex, phrase, &ids, a, i) else { continue };
            let span = &toks[i..=last];
            // A phrase's place is that of its words that count: "as a" ends where "as" stands,
            // so that "as a KPPS member" has the body right after it.
            let counted = || span.iter().filter(|t| t.counts());
            let o = Occ {
                first: counted().next().unwrap_or(&span[0]).place,
                last: counted().next_back().unwrap_or(&span[span.len() - 1]).place,
                tokens: (i as u32, last as u32),
                // Negated when its first word is: a phrase that carries its own negator
                // ("belum keluar", "tidak menanggapi") is said, not denied.
                negated: span[0].negated,
                doubted: span.iter().any(|t| t.doubted),
                sentence: span[0].sentence,
            };
            if let Some(count) = per_concept.get_mut(phrase.concept as usize) {
                *count += 1;
                found.push((phrase.concept, o));
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
            while j > 0
                && (group[j - 1].first, group[j - 1].last, group[j - 1].tokens)
                    > (group[j].first, group[j].last, group[j].tokens)
            {
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

/// The last token index of a phrase matched from token `i`, if it matches there: each word by
/// id (the token's word or stem; the word alone for an exact phrase), a prefix word by the start
/// of the token's word or stem.
fn match_at(lex: &Lexicon, phrase: &Phrase, ids: &[(u32, u32)], a: &Analysis, i: usize) -> Option<usize> {
    let toks = a.tokens();
    let words = lex.words_of(phrase);
    let last = (i + words.len()).checked_sub(1)?;
    if words.is_empty() || last >= toks.len() || toks[last].sentence != toks[i].sentence {
        return None;
    }
    let (whole, prefix) = if phrase.prefix { words.split_at(words.len() - 1) } else { (words, &[][..]) };
    let by_stem = !phrase.exact;
    if !whole.iter().zip(&ids[i..]).all(|(&(pw, ps), &(tw, ts))| tw == pw || (by_stem && ts == ps)) {
        return None;
    }
    if let Some(&(pw, ps)) = prefix.first() {
        let (word, stem) = a.word_and_stem_bytes(last);
        let ok =
            word.starts_with(lex.ids.bytes(pw)) || (by_stem && stem.unwrap_or(word).starts_with(lex.ids.bytes(ps)));
        if !ok {
            return None;
        }
    }
    Some(last)
}

/// A node's result for one text: whether it matched, and its evidence (a range of
/// `Patterns::evidence`; empty when it did not match).
#[derive(Debug, Clone, Copy)]
struct Res {
    matched: bool,
    from: u32,
    to: u32,
}

const NO_MATCH: Res = Res { matched: false, from: 0, to: 0 };

impl Res {
    fn range(self) -> Range<usize> {
        self.from as usize..self.to as usize
    }

    /// In one word: a bit saying it is a result, one for `matched`, and 31 bits for each end
    /// (the evidence never holds 2^31 occurrences: that would be 32 GB).
    fn pack(self) -> u64 {
        1 << 63 | (self.matched as u64) << 62 | (self.from as u64 & 0x7fff_ffff) << 31 | self.to as u64 & 0x7fff_ffff
    }

    fn unpack(packed: u64) -> Option<Res> {
        (packed >> 63 == 1).then_some(Res {
            matched: packed >> 62 & 1 == 1,
            from: (packed >> 31 & 0x7fff_ffff) as u32,
            to: (packed & 0x7fff_ffff) as u32,
        })
    }
}

/// How deep evaluation recurses before it evaluates the graph in order instead (`fill`):
/// far deeper than any pattern a person writes, shallow enough for any stack.
const MAX_RECURSION: u32 = 64;

/// The rulebook's pattern graph evaluated over one text. Each node is evaluated at most once
/// per polarity (outside or inside a negation's scope) and its result kept, so a named
/// pattern used by 44 inferences costs one evaluation. A node's evidence lists each occurrence
/// once (in the order first found), so it never holds more than the occurrences the text
/// has, however the patterns nest: `p2 = p1 near p1` no longer doubles `p1`'s list.
///
/// A node is evaluated by evaluating its parts first, recursively, down to `MAX_RECURSION`
/// levels; a deeper graph (a `near` chain of 100,000 links) is then evaluated node after node
/// from the first, each reading only earlier, finished nodes, so no call is deeper than one
/// level there.
pub(crate) struct Patterns<'p> {
    pats: &'p [Pat],
    /// Per node and polarity (`2 * node + negated`), its result once evaluated (`Res::pack`;
    /// 0 before, so that the vector starts as zeroed memory, not a store per node).
    results: Vec<u64>,
    evidence: Vec<Occ>,
    /// The nodes below it are evaluated in both polarities (`fill`).
    filled: PatId,
    /// `MAX_RECURSION` (a test sets 0, to evaluate everything in order).
    max_recursion: u32,
    scratch: Vec<Occ>,
}

impl<'p> Patterns<'p> {
    pub fn new(pats: &'p [Pat]) -> Self {
        Patterns {
            pats,
            results: vec![0; pats.len() * 2],
            evidence: Vec::with_capacity(64),
            filled: 0,
            max_recursion: MAX_RECURSION,
            scratch: vec![],
        }
    }

    /// The evidence of node `root` (outside negation) when it matches (`not` matches with
    /// no evidence).
    pub fn eval(&mut self, root: PatId, m: &Matches) -> Option<&[Occ]> {
        let res = self.node(root, false, m, 0);
        if !res.matched {
            return None;
        }
        self.evidence.get(res.range())
    }

    fn result(&self, node: PatId, negated: bool) -> Option<Res> {
        self.results.get(node as usize * 2 + negated as usize).and_then(|&packed| Res::unpack(packed))
    }

    fn set(&mut self, node: PatId, negated: bool, r: Res) {
        if let Some(slot) = self.results.get_mut(node as usize * 2 + negated as usize) {
            *slot = r.pack();
        }
    }

    /// Node `node` in a polarity, evaluated `depth` calls deep.
    fn node(&mut self, node: PatId, negated: bool, m: &Matches, depth: u32) -> Res {
        if let Some(r) = self.result(node, negated) {
            return r;
        }
        if depth >= self.max_recursion {
            self.fill(node, m);
            return self.result(node, negated).unwrap_or(NO_MATCH);
        }
        let r = self.evaluate(node, negated, m, depth);
        self.set(node, negated, r);
        r
    }

    /// Evaluates every node up to `last`, in order and in both polarities: the parts of each
    /// are earlier nodes, already evaluated, so each is one call deep.
    fn fill(&mut self, last: PatId, m: &Matches) {
        while self.filled <= last && (self.filled as usize) < self.pats.len() {
            let node = self.filled;
            self.filled += 1;
            for negated in [false, true] {
                if self.result(node, negated).is_none() {
                    let r = self.evaluate(node, negated, m, 0);
                    self.set(node, negated, r);
                }
            }
        }
    }

    /// A part of node `whole`. Parts are earlier nodes (`rulebook::well_formed`); in a damaged
    /// graph any other does not match, so evaluation cannot loop.
    fn part(&mut self, whole: PatId, part: PatId, negated: bool, m: &Matches, depth: u32) -> Res {
        if part >= whole {
            return NO_MATCH;
        }
        self.node(part, negated, m, depth + 1)
    }

    /// What node `node` gives, its parts evaluated as needed (the right side of `near`,
    /// `after` and `notafter` only when the left one matched; an `and` stops at the first part
    /// that does not match).
    fn evaluate(&mut self, node: PatId, negated: bool, m: &Matches, depth: u32) -> Res {
        let pats: &'p [Pat] = self.pats;
        let Some(pat) = pats.get(node as usize) else { return NO_MATCH };
        let part = |this: &mut Self, x: PatId, negated: bool| this.part(node, x, negated, m, depth);
        match pat {
            Pat::Concept(c) => self.concept(*c, negated, m),
            Pat::Negated(x) => part(self, *x, !negated),
            Pat::Not(x) => Res { matched: !part(self, *x, negated).matched, ..NO_MATCH },
            Pat::Or(parts) | Pat::Union(parts) => {
                for &x in parts {
                    part(self, x, negated);
                }
                if let Pat::Union(_) = pat {
                    self.union(node, parts, negated)
                } else {
                    self.join(node, parts, negated, false)
                }
            }
            Pat::And(parts) => {
                for &x in parts {
                    if !part(self, x, negated).matched {
                        return NO_MATCH;
                    }
                }
                self.join(node, parts, negated, true)
            }
            Pat::Near([a, b], window) => {
                let x = part(self, *a, negated);
                if !x.matched {
                    return NO_MATCH;
                }
                let y = part(self, *b, negated);
                if y.matched {
                    self.near(x, y, *window)
                } else {
                    NO_MATCH
                }
            }
            Pat::After([a, b], window, not) => {
                let x = part(self, *a, negated);
                if !x.matched {
                    return NO_MATCH;
                }
                let y = part(self, *b, negated);
                self.after(x, y, *window, *not)
            }
        }
    }

    /// The results of `whole`'s parts (each evaluated already).
    fn results_of<'a>(&'a self, whole: PatId, parts: &'a [PatId], negated: bool) -> impl Iterator<Item = Res> + 'a {
        parts.iter().filter(move |&&x| x < whole).filter_map(move |&x| self.result(x, negated))
    }

    /// Evidence from `from` to the end as a result: a match when there is any.
    fn res_from(&self, from: usize) -> Res {
        let to = self.evidence.len();
        if to == from {
            NO_MATCH
        } else {
            Res { matched: true, from: from as u32, to: to as u32 }
        }
    }

    /// A concept's occurrences in the polarity asked.
    fn concept(&mut self, c: u32, negated: bool, m: &Matches) -> Res {
        let from = self.evidence.len();
        self.evidence.extend(m.occurrences(c).iter().filter(|o| o.negated == negated));
        self.res_from(from)
    }

    /// An `or` (`all`: an `and` whose parts all matched): the evidence of the parts that
    /// matched.
    fn join(&mut self, whole: PatId, parts: &[PatId], negated: bool, all: bool) -> Res {
        let matched = all || self.results_of(whole, parts, negated).any(|r| r.matched);
        if let Some(only) = self.only_evidence(whole, parts, negated) {
            return Res { matched, ..only };
        }
        let from = self.evidence.len();
        for &x in parts.iter().filter(|&&x| x < whole) {
            if let Some(r) = self.result(x, negated) {
                self.evidence.extend_from_within(r.range());
            }
        }
        keep_first_of_each(&mut self.evidence, from);
        Res { matched, ..self.res_from(from) }
    }

    /// When at most one of `parts` has evidence, that part's result (its evidence needs no
    /// copy), or `NO_MATCH` when none has; `None` when several have.
    fn only_evidence(&self, whole: PatId, parts: &[PatId], negated: bool) -> Option<Res> {
        let mut with = self.results_of(whole, parts, negated).filter(|r| r.to > r.from);
        let only = with.next();
        if with.next().is_some() {
            return None;
        }
        Some(only.unwrap_or(NO_MATCH))
    }

    /// A concept that includes others: the occurrences of all, in text order, each once (as
    /// the occurrences of one concept are: `group_by_concept`).
    fn union(&mut self, whole: PatId, parts: &[PatId], negated: bool) -> Res {
        if let Some(only) = self.only_evidence(whole, parts, negated) {
            return only;
        }
        let from = self.evidence.len();
        for &x in parts.iter().filter(|&&x| x < whole) {
            if let Some(r) = self.result(x, negated) {
                self.evidence.extend_from_within(r.range());
            }
        }
        let merged = &mut self.evidence[from..];
        merged.sort_unstable_by_key(|o| (o.first, o.last, o.tokens));
        let mut write = from;
        for read in from..self.evidence.len() {
            if write == from || self.evidence[write - 1] != self.evidence[read] {
                self.evidence[write] = self.evidence[read];
                write += 1;
            }
        }
        self.evidence.truncate(write);
        self.res_from(from)
    }

    /// `a near b`: each occurrence of `a` that has one of `b` in its sentence within the
    /// window, followed by the nearest such one.
    fn near(&mut self, a: Res, b: Res, window: u32) -> Res {
        let (xs, ys) = (&self.evidence[a.range()], &self.evidence[b.range()]);
        let partners = partners(xs, ys, window);
        self.scratch.clear();
        for (x, y) in xs.iter().zip(partners) {
            if let Some(y) = y {
                self.scratch.push(*x);
                self.scratch.push(ys[y as usize]);
            }
        }
        let from = self.evidence.len();
        self.evidence.extend_from_slice(&self.scratch);
        keep_first_of_each(&mut self.evidence, from);
        self.res_from(from)
    }

    /// `a after/N b` (`not`: `a notafter/N b`): the occurrences of `a` that one of `b`
    /// precedes (or does not precede) within the window, in the same sentence. Only `a`'s are
    /// kept: a chained `after`/`notafter` then filters the same occurrences.
    fn after(&mut self, a: Res, b: Res, window: u32, not: bool) -> Res {
        // The y's sorted by where they end: for each x the nearest y ending before it is found
        // by a binary search (sentences follow text order, so no earlier y shares x's sentence
        // when that one does not).
        self.scratch.clear();
        self.scratch.extend_from_slice(&self.evidence[b.range()]);
        self.scratch.sort_unstable_by_key(|y| y.last);
        let from = self.evidence.len();
        for i in a.range() {
            let x = self.evidence[i];
            let ends = &self.scratch;
            let k = ends.partition_point(|y| y.last < x.first);
            let found = k.checked_sub(1).is_some_and(|k| before(&ends[k], &x).is_some_and(|g| g <= window));
            if found != not {
                self.evidence.push(x);
            }
        }
        self.res_from(from)
    }
}

/// For each x, the index of its partner in `ys` for `near`: of the y's in its sentence within
/// `window` words, the nearest, and of equally near ones the first listed. A plain search
/// when there are few pairs to try; otherwise one that costs a logarithm per occurrence, so
/// that a text repeating one word thousands of times costs no more than it has words.
fn partners(xs: &[Occ], ys: &[Occ], window: u32) -> Vec<Option<u32>> {
    if xs.len().saturating_mul(ys.len()) <= 256 {
        return xs.iter().map(|x| nearest_by_search(x, ys, window)).collect();
    }
    let ix = YIndex::new(ys);
    let mut out: Vec<Option<u32>> = xs.iter().map(|x| ix.nearest_apart(x, window)).collect();
    ix.touching(xs, &mut out);
    out
}

/// The partner of `x` in `ys`, looking at every y.
fn nearest_by_search(x: &Occ, ys: &[Occ], window: u32) -> Option<u32> {
    let near = ys.iter().enumerate().filter(|(_, y)| y.sentence == x.sentence && gap(x, y) <= window);
    near.min_by_key(|(_, y)| gap(x, y)).map(|(i, _)| i as u32)
}

/// The y's of `near` sorted by where they start and by where they end, to find an x's
/// nearest y's by binary search. A run of y's that start (or end) at the same word is
/// represented by the first listed of them, which is the one `near` takes of equally near
/// y's. Both orders follow sentences, as spans never cross one.
struct YIndex<'y> {
    ys: &'y [Occ],
    /// Indices of `ys` by start, and per place the first listed of the run that starts at
    /// the same word, from that place to the run's end.
    by_first: Vec<u32>,
    first_run: Vec<u32>,
    /// Indices of `ys` by end, and per place the first listed of the run that ends at the
    /// same word, from the run's start to that place.
    by_last: Vec<u32>,
    last_run: Vec<u32>,
    /// Per sentence with y's, in order: its number, and the places of its y's in `by_first`
    /// and in `by_last` (looked up once per x, not searched in both orders each time).
    sentences: Vec<(u32, Range<usize>, Range<usize>)>,
}

impl<'y> YIndex<'y> {
    fn new(ys: &'y [Occ]) -> Self {
        let mut by_first: Vec<u32> = (0..ys.len() as u32).collect();
        by_first.sort_unstable_by_key(|&i| (ys[i as usize].first, i));
        let mut by_last: Vec<u32> = (0..ys.len() as u32).collect();
        by_last.sort_unstable_by_key(|&i| (ys[i as usize].last, i));
        let mut first_run = by_first.clone();
        for k in (0..first_run.len().saturating_sub(1)).rev() {
            if ys[by_first[k] as usize].first == ys[by_first[k + 1] as usize].first {
                first_run[k] = first_run[k].min(first_run[k + 1]);
            }
        }
        let mut last_run = by_last.clone();
        for k in 1..last_run.len() {
            if ys[by_last[k] as usize].last == ys[by_last[k - 1] as usize].last {
                last_run[k] = last_run[k].min(last_run[k - 1]);
            }
        }
        let sentences = runs(&by_first, |i| ys[i as usize].sentence)
            .zip(runs(&by_last, |i| ys[i as usize].sentence))
            .map(|((s, in_first), (_, in_last))| (s, in_first, in_last))
            .collect();
        YIndex { ys, by_first, first_run, by_last, last_run, sentences }
    }

    /// The places of the y's in sentence `s`, in `by_first` and in `by_last`.
    fn sentence(&self, s: u32) -> Option<(Range<usize>, Range<usize>)> {
        let k = self.sentences.binary_search_by_key(&s, |(n, ..)| *n).ok()?;
        let (_, in_first, in_last) = &self.sentences[k];
        Some((in_first.clone(), in_last.clone()))
    }

    /// The partner of `x` among the y's that neither overlap nor touch it: the nearest
    /// starting after it and the nearest ending before it, the first listed if both are as
    /// near. (When some y overlaps or touches x, `touching` puts that one instead.)
    fn nearest_apart(&self, x: &Occ, window: u32) -> Option<u32> {
        let ys = self.ys;
        let (in_first, in_last) = self.sentence(x.sentence)?;
        let (lo, hi) = (in_first.start, in_first.end);
        let after = lo + self.by_first[in_first].partition_point(|&i| ys[i as usize].first <= x.last + 1);
        let right = (after < hi).then(|| (ys[self.by_first[after] as usize].first - x.last - 1, self.first_run[after]));
        let lo = in_last.start;
        let before = lo + self.by_last[in_last].partition_point(|&i| ys[i as usize].last + 1 < x.first);
        let left = (before > lo)
            .then(|| (x.first - ys[self.by_last[before - 1] as usize].last - 1, self.last_run[before - 1]));
        [right, left].into_iter().flatten().filter(|&(g, _)| g <= window).min().map(|(_, i)| i)
    }

    /// Sets the partner of every x that some y overlaps or touches (gap 0) to the first listed
    /// such y. The x's are taken by where they end; the y's starting at most one word after
    /// that are entered into a tree over the y's by end, which gives the first listed of
    /// those ending at most one word before x starts, in x's sentence.
    fn touching(&self, xs: &[Occ], out: &mut [Option<u32>]) {
        let ys = self.ys;
        let mut place_by_last = vec![0u32; ys.len()];
        for (k, &i) in self.by_last.iter().enumerate() {
            place_by_last[i as usize] = k as u32;
        }
        let mut order: Vec<u32> = (0..xs.len() as u32).collect();
        order.sort_unstable_by_key(|&i| xs[i as usize].last);
        let mut tree = MinTree::new(ys.len());
        let mut entered = 0;
        for &xi in &order {
            let x = &xs[xi as usize];
            while let Some(&i) = self.by_first.get(entered).filter(|&&i| ys[i as usize].first <= x.last + 1) {
                tree.set(place_by_last[i as usize] as usize, i);
                entered += 1;
            }
            let Some((_, in_last)) = self.sentence(x.sentence) else { continue };
            let (lo, hi) = (in_last.start, in_last.end);
            let from = lo + self.by_last[in_last].partition_point(|&i| ys[i as usize].last + 1 < x.first);
            if let Some(i) = tree.min(from, hi) {
                out[xi as usize] = Some(i);
            }
        }
    }
}

/// The runs of equal keys in `order`, each as its key and its places.
fn runs<'o>(order: &'o [u32], key: impl Fn(u32) -> u32 + 'o) -> impl Iterator<Item = (u32, Range<usize>)> + 'o {
    let mut start = 0;
    std::iter::from_fn(move || {
        let &first = order.get(start)?;
        let k = key(first);
        let end = start + order[start..].iter().take_while(|&&i| key(i) == k).count();
        Some((k, std::mem::replace(&mut start, end)..end))
    })
}

/// The smallest value set in a range of places (a segment tree over places; unset places
/// hold `u32::MAX`).
struct MinTree {
    n: usize,
    t: Vec<u32>,
}

impl MinTree {
    fn new(n: usize) -> Self {
        MinTree { n, t: vec![u32::MAX; 2 * n] }
    }

    fn set(&mut self, place: usize, v: u32) {
        let mut k = place + self.n;
        self.t[k] = self.t[k].min(v);
        while k > 1 {
            k /= 2;
            self.t[k] = self.t[2 * k].min(self.t[2 * k + 1]);
        }
    }

    /// The smallest value set in places `from..to`.
    fn min(&self, from: usize, to: usize) -> Option<u32> {
        let (mut l, mut r, mut best) = (from + self.n, to + self.n, u32::MAX);
        while l < r {
            if l % 2 == 1 {
                best = best.min(self.t[l]);
                l += 1;
            }
            if r % 2 == 1 {
                r -= 1;
                best = best.min(self.t[r]);
            }
            l /= 2;
            r /= 2;
        }
        (best != u32::MAX).then_some(best)
    }
}

/// Removes from `v[from..]` every occurrence already listed before it there, keeping the
/// order in which they were first listed (which `near` depends on: among equally near
/// partners it takes the first listed).
fn keep_first_of_each(v: &mut Vec<Occ>, from: usize) {
    let n = v.len() - from;
    if n <= 16 {
        // Few: look back.
        let mut write = from;
        for read in from..v.len() {
            if !v[from..write].contains(&v[read]) {
                v[write] = v[read];
                write += 1;
            }
        }
        v.truncate(write);
        return;
    }
    // Many: sort their places by occurrence, and keep the first place of each.
    let key = |o: &Occ| (o.first, o.last, o.tokens, o.sentence, o.negated);
    let mut places: Vec<u32> = (0..n as u32).collect();
    places.sort_unstable_by_key(|&i| (key(&v[from + i as usize]), i));
    let mut keep = vec![false; n];
    for (k, &i) in places.iter().enumerate() {
        keep[i as usize] = k == 0 || key(&v[from + places[k - 1] as usize]) != key(&v[from + i as usize]);
    }
    let mut write = from;
    for (i, kept) in keep.into_iter().enumerate() {
        if kept {
            v[write] = v[from + i];
            write += 1;
        }
    }
    v.truncate(write);
}

/// Words from the end of `y` to the start of `x` when `y` ends before `x` starts.
fn before(y: &Occ, x: &Occ) -> Option<u32> {
    (y.sentence == x.sentence && y.last < x.first).then(|| x.first - y.last - 1)
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

#[cfg(test)]
mod tests {
    use crate::{Incident, Rulebook, Sources, VerdictKind};

    /// A one-rule rulebook whose act is `pattern`; true when the text makes it a violation.
    fn matches(pattern: &str, text: &str) -> bool {
        let src = format!(
            r#"
law L "L 1/2020" "Law"
sanction s "Sanksi" {{ severity 10 }}
concept role = "pns"
concept other = "suami" | "tetangga"
concept self_word = "saya"
concept verb = "ajak"
act a "A" en "A" = {pattern}
rule r "R" {{ prohibition when a sanction s basis L "Pasal 1" }}
"#
        );
        let book = Rulebook::compile(&Sources::single("t.rules", &src)).unwrap();
        let incident = Incident { text: text.into(), ..Default::default() };
        book.classify(&incident).unwrap().verdict == VerdictKind::Violation
    }

    /// Evaluates an act's pattern over `text` with the rulebook in `rules`: the act's evidence,
    /// and how much evidence every node evaluated holds together.
    fn evidence(rules: &str, text: &str) -> (usize, usize) {
        let book = Rulebook::compile(&Sources::single("t.rules", rules)).unwrap();
        let analysis = crate::text::analyse(text);
        let m = super::find(&book.plan().phrases, &book.lexicon, book.concept_names.len(), &analysis);
        let root = book.facts.iter().find(|f| f.name == "x").map(|f| f.infers[0].1).unwrap();
        let mut patterns = super::Patterns::new(&book.pats);
        let own = patterns.eval(root, &m).map_or(0, <[_]>::len);
        (own, patterns.evidence.len())
    }

    /// A phrase written with `=` matches its words as written, never by their stems; a plain
    /// phrase matches by stem ("kecamatan" has the stem "camat"). Also through the snapshot.
    #[test]
    fn exact_phrases_match_the_word_not_its_stem() {
        assert!(matches(r#""camat""#, "saya kerja di kecamatan"));
        assert!(!matches(r#""=camat""#, "saya kerja di kecamatan"));
        assert!(matches(r#""=camat""#, "Pak Camat ikut kampanye"));
        assert!(matches(r#""=pak camat*""#, "Pak Camatnya datang"));
        assert!(!matches(r#""=pak camat*""#, "pak kecamatan"));
        let src = r#"law L "L 1/2020" "Law"
sanction s "Sanksi" { severity 10 }
concept c = "=camat"
act a "A" = c
rule r "R" { prohibition when a sanction s basis L "Pasal 1" }"#;
        let book = Rulebook::compile(&Sources::single("t.rules", src)).unwrap();
        let reread = crate::snapshot::decode(&crate::snapshot::encode(&book)).unwrap();
        let p = reread.lexicon.phrases[0];
        assert!(p.exact && !p.prefix);
    }

    /// A node's evidence lists each occurrence once: a chain of 24 `near` links over one word
    /// used to list every occurrence of the link before it with its partner, doubling with
    /// each link.
    #[test]
    fn evidence_never_outgrows_the_occurrences() {
        let words = 8;
        let (own, all) = evidence(include_str!("../../tests/hostile/near_chain.rules"), &"a ".repeat(words));
        assert_eq!(own, words);
        assert!(all <= 25 * words, "{all} occurrences kept for 25 nodes over {words} words");
        let (own, all) = evidence(include_str!("../../tests/hostile/named_near_tree.rules"), &"a ".repeat(words));
        assert_eq!(own, words);
        assert!(all <= 19 * words, "{all} occurrences kept for 19 nodes over {words} words");
    }

    /// Evaluating the graph in order (as for one deeper than `MAX_RECURSION`) gives what
    /// evaluating each node's parts first gives: every inference of the built-in rulebook,
    /// over its own examples.
    #[test]
    fn in_order_and_parts_first_agree() {
        let book = Rulebook::builtin();
        let texts = book.rules.iter().flat_map(|r| &r.examples).map(|e| e.text.as_str());
        let mut evaluated = 0;
        for text in texts {
            let analysis = crate::text::analyse(text);
            let m = super::find(&book.plan().phrases, &book.lexicon, book.concept_names.len(), &analysis);
            let mut parts_first = super::Patterns::new(&book.pats);
            let mut in_order = super::Patterns::new(&book.pats);
            in_order.max_recursion = 0;
            for &(_, root) in book.facts.iter().flat_map(|f| &f.infers) {
                let a = parts_first.eval(root, &m).map(<[_]>::to_vec);
                let b = in_order.eval(root, &m).map(<[_]>::to_vec);
                assert_eq!(a, b, "{text}");
                evaluated += a.is_some() as usize;
            }
        }
        assert!(evaluated > 100, "{evaluated} matches compared");
    }

    /// The indexed search for `near` partners finds what looking at every pair finds, ties
    /// (equally near on both sides, several overlapping) and sentence ends included.
    #[test]
    fn near_partners_by_index_are_those_of_a_plain_search() {
        use super::{nearest_by_search, partners, Occ};
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as u32
        };
        // Sentences of 7 words; spans of 1 to 3 words inside one.
        let occ = |next: &mut dyn FnMut(u64) -> u32| {
            let first = next(60);
            let end = (first / 7 * 7 + 6).min(first + next(3));
            Occ { first, last: end, tokens: (first, end), negated: false, doubted: false, sentence: first / 7 }
        };
        for round in 0..2_000 {
            let list = |n: u32, next: &mut dyn FnMut(u64) -> u32| {
                let mut v: Vec<Occ> = vec![];
                for _ in 0..n {
                    let o = occ(next);
                    if !v.contains(&o) {
                        v.push(o);
                    }
                }
                v
            };
            let (nx, ny) = (next(40) + 1, next(40) + 1);
            let xs = list(nx, &mut next);
            let ys = list(ny, &mut next);
            let window = next(6);
            let plain: Vec<Option<u32>> = xs.iter().map(|x| nearest_by_search(x, &ys, window)).collect();
            assert_eq!(partners(&xs, &ys, window), plain, "round {round}: {xs:?} near/{window} {ys:?}");
        }
    }

    #[test]
    fn after_looks_back_within_the_window_and_the_sentence() {
        assert!(matches("role after/1 self_word", "saya pns"));
        assert!(matches("role after/1 self_word", "saya seorang pns"));
        assert!(!matches("role after/0 self_word", "saya seorang pns"));
        // Only before, never after; never across a sentence.
        assert!(!matches("role after/3 self_word", "pns saya"));
        assert!(!matches("role after/3 self_word", "saya. pns"));
    }

    #[test]
    fn notafter_keeps_the_occurrences_nothing_precedes() {
        assert!(!matches("role notafter/3 other", "suami saya pns"));
        assert!(matches("role notafter/3 other", "saya pns, suami saya pns"));
        assert!(matches("role notafter/3 other", "pns"));
        // Chained: a role after "saya", where that "saya" is not a relative's.
        let own = "role after/1 (self_word notafter/1 other)";
        assert!(matches(own, "saya pns"));
        assert!(!matches(own, "suami saya pns"));
        // `notafter` filters only its left side's occurrences: `(role after other)` keeps "pns".
        assert!(!matches("(role after/3 other) notafter/1 verb", "suami ajak pns"));
        assert!(matches("(role after/3 other) notafter/1 verb", "suami saya pns"));
    }
}
