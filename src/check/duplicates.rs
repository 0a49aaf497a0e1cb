//! W-DUPLICATE-PHRASE and W-DUPLICATE-INCLUDE: phrases of one concept (or of one `or` list in a
//! pattern) that match the same words, and a concept included twice by the same concept. Two
//! phrases match the same words when they read the same once the text stage has normalised and
//! stemmed them (a word matches by its stem, `eval::matcher::match_at`), so the phrases are
//! compared as the lexicon holds them: stem ids, and for a trailing `*` the prefix word itself.

use crate::diagnostic::{Code, Diagnostic, Loc};
use crate::rulebook::{Lexicon, Phrase};
use std::collections::HashMap;

/// What a phrase matches: the stem ids of its words (for a prefix phrase, the last word's word
/// and stem ids), and whether its last word is a prefix.
pub(super) type Key = (Vec<u32>, bool);

/// The key of a phrase of the lexicon.
pub(super) fn key(lex: &Lexicon, p: &Phrase) -> Key {
    let words = lex.words_of(p);
    let mut k: Vec<u32> = words.iter().map(|&(_, s)| s).collect();
    if p.prefix {
        if let Some(&(w, _)) = words.last() {
            k.push(w);
        }
    }
    (k, p.prefix)
}

/// The phrases seen so far in one concept or `or` list.
#[derive(Default)]
pub(super) struct Seen<'a> {
    by_key: HashMap<Key, &'a str>,
}

impl<'a> Seen<'a> {
    /// The warning for `phrase` (written at `loc`, in `within`) if an earlier one reads the same.
    pub fn phrase(&mut self, lex: &Lexicon, key: Key, phrase: &'a str, loc: Loc, within: &str) -> Option<Diagnostic> {
        use std::collections::hash_map::Entry;
        let reads = reading(lex, &key);
        let earlier = match self.by_key.entry(key) {
            Entry::Vacant(v) => {
                v.insert(phrase);
                return None;
            }
            Entry::Occupied(o) => *o.get(),
        };
        let (msg, hint) = if earlier == phrase {
            (format!("\"{phrase}\" is written twice in {within}"), "remove one of them")
        } else {
            let msg = format!(
                "\"{phrase}\" matches the same words as \"{earlier}\", earlier in {within} (both read as \"{reads}\")"
            );
            (msg, "remove one of them: a word matches by its stem, after slang and spelling are normalised")
        };
        Some(Diagnostic::new(Code::DuplicatePhrase, loc, msg).with_hint(hint))
    }
}

/// The stems of a key, as the matcher reads them ("hadir").
fn reading(lex: &Lexicon, key: &Key) -> String {
    let (ids, prefix) = key;
    let shown = if *prefix { &ids[..ids.len().saturating_sub(2)] } else { &ids[..] };
    let mut words: Vec<String> =
        shown.iter().map(|&i| String::from_utf8_lossy(lex.ids.bytes(i)).into_owned()).collect();
    if *prefix {
        if let Some(&w) = ids.last() {
            words.push(format!("{}*", String::from_utf8_lossy(lex.ids.bytes(w))));
        }
    }
    words.join(" ")
}

/// W-DUPLICATE-INCLUDE for a concept that names `included` a second time.
pub(super) fn include_twice(concept: &str, included: &str, loc: Loc) -> Diagnostic {
    Diagnostic::new(Code::DuplicateInclude, loc, format!("concept `{concept}` includes `{included}` twice"))
        .with_hint("remove one of them")
}
