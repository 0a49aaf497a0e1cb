//! `WordIds`: the words and stems of the lexicon, numbered in order of first appearance.
//!
//! Compiling interns every word of every phrase (a few thousand), and classifying looks up
//! every token (twice). All words live in one string and the table holds only ids, so
//! interning allocates nothing per word and dropping a rulebook frees three buffers.

use crate::rulebook::WordHasher;
use std::hash::Hasher;

/// Words numbered 0, 1, 2… in order of first appearance.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordIds {
    /// Every word, one after another.
    text: String,
    /// Where word `id` ends in `text` (it starts where word `id - 1` ends).
    ends: Vec<u32>,
    /// Open addressing with linear probing: `id + 1` per slot, 0 for an empty slot. The
    /// length is a power of two (or zero) and at most half the slots are taken.
    slots: Vec<u32>,
}

impl WordIds {
    /// The id of `word`, if it was interned.
    pub fn get(&self, word: &str) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = hash(word) & mask;
        loop {
            match self.slots[i] {
                0 => return None,
                s if self.text(s - 1) == word => return Some(s - 1),
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// The id of `word`, numbering it if it is new.
    pub fn intern(&mut self, word: &str) -> u32 {
        if let Some(id) = self.get(word) {
            return id;
        }
        let id = self.ends.len() as u32;
        self.text.push_str(word);
        self.ends.push(self.text.len() as u32);
        if (self.ends.len()) * 2 > self.slots.len() {
            self.rehash();
        } else {
            self.place(id);
        }
        id
    }

    /// The word numbered `id` (empty for an unknown id).
    pub fn text(&self, id: u32) -> &str {
        let id = id as usize;
        let start = if id == 0 { 0 } else { self.ends.get(id - 1).copied().unwrap_or(0) };
        let end = self.ends.get(id).copied().unwrap_or(start);
        self.text.get(start as usize..end as usize).unwrap_or("")
    }

    /// How many words there are (ids are `0..len`).
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Doubles the table and places every word again.
    fn rehash(&mut self) {
        let size = (self.ends.len() * 4).next_power_of_two().max(64);
        self.slots = vec![0; size];
        for id in 0..self.ends.len() as u32 {
            self.place(id);
        }
    }

    fn place(&mut self, id: u32) {
        let mask = self.slots.len() - 1;
        let mut i = hash(self.text(id)) & mask;
        while self.slots[i] != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = id + 1;
    }
}

/// The slot a word hashes to, before masking (the high bits: the multiplicative hash mixes
/// its input into them).
fn hash(word: &str) -> usize {
    let mut h = WordHasher::default();
    h.write(word.as_bytes());
    (h.finish() >> 32) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_dense_stable_and_round_trip() {
        let mut ids = WordIds::default();
        assert_eq!(ids.get("kampanye"), None);
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(ids.intern(w), i as u32);
            assert_eq!(ids.intern(w), i as u32, "a second intern returns the same id");
        }
        assert_eq!(ids.intern(""), 5000, "the empty word is a word like any other");
        assert_eq!(ids.len(), 5001);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(ids.get(w), Some(i as u32));
            assert_eq!(ids.text(i as u32), w);
        }
        assert_eq!(ids.get(""), Some(5000));
        assert_eq!(ids.get("w5000"), None);
        assert_eq!(ids.text(u32::MAX), "");
    }
}
