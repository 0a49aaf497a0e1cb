//! `WordIds`: the words and stems of the lexicon, numbered in order of first appearance.
//!
//! Compiling interns every word of every phrase (a few thousand), and classifying looks up
//! every token (twice). All words live in one string and the table holds only ids, so
//! interning allocates nothing per word and dropping a rulebook frees three buffers.

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
    /// The id of `word` (text or its UTF-8 bytes), if it was interned.
    pub fn get(&self, word: impl AsRef<[u8]>) -> Option<u32> {
        self.find(word.as_ref()).ok()
    }

    /// The id of `word`, numbering it if it is new.
    pub fn intern(&mut self, word: &str) -> u32 {
        let slot = match self.find(word.as_bytes()) {
            Ok(id) => return id,
            Err(slot) => slot,
        };
        let id = self.ends.len() as u32;
        self.text.push_str(word);
        self.ends.push(self.text.len() as u32);
        match slot {
            Some(i) if self.ends.len() * 2 <= self.slots.len() => self.slots[i] = id + 1,
            _ => self.rehash(),
        }
        id
    }

    /// `word`'s id, or else the empty slot where it would go (`None` when there is no table).
    fn find(&self, word: &[u8]) -> Result<u32, Option<usize>> {
        if self.slots.is_empty() {
            return Err(None);
        }
        let mask = self.slots.len() - 1;
        let mut i = hash(word) & mask;
        loop {
            match self.slots[i] {
                0 => return Err(Some(i)),
                s if self.bytes(s - 1) == word => return Ok(s - 1),
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// The word numbered `id` (empty for an unknown id).
    pub fn text(&self, id: u32) -> &str {
        let (start, end) = self.range(id);
        self.text.get(start..end).unwrap_or("")
    }

    /// The UTF-8 bytes of the word numbered `id` (empty for an unknown id).
    pub fn bytes(&self, id: u32) -> &[u8] {
        let (start, end) = self.range(id);
        self.text.as_bytes().get(start..end).unwrap_or(b"")
    }

    fn range(&self, id: u32) -> (usize, usize) {
        let id = id as usize;
        let start = if id == 0 { 0 } else { self.ends.get(id - 1).copied().unwrap_or(0) };
        let end = self.ends.get(id).copied().unwrap_or(start);
        (start as usize, end as usize)
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
        let mut i = hash(self.bytes(id)) & mask;
        while self.slots[i] != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = id + 1;
    }
}

/// The slot a word hashes to, before masking: the high bits of `WordHasher` seeded with the
/// word's length.
fn hash(word: &[u8]) -> usize {
    let mut h = WordHasher(word.len() as u64);
    h.write(word);
    (h.finish() >> 32) as usize
}

/// A small multiplicative hasher (the FxHash scheme) for short words: eight bytes a step, the
/// last ones zero-padded. Words are looked up twice per token, where SipHash's flooding
/// resistance buys nothing (keys come from the rule file). Also hashes the fact-name index.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        // The tail, zero-padded, assembled byte by byte (a variable-length copy is a memcpy call).
        let tail = chunks.remainder();
        if !tail.is_empty() {
            let w = tail.iter().rev().fold(0u64, |w, &b| w << 8 | b as u64);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
    }
    /// The state mixed so that every bit depends on every byte. The multiplication leaves
    /// the low bits depending on the low bytes alone, and a hash table picks its bucket by
    /// the low bits: names with the same first bytes (`g0` … `g99999`, `kata0` … `kata9999`)
    /// shared buckets, and declaring them cost the square of their number. So: the high half
    /// folded into the low one, multiplied, and folded again.
    fn finish(&self) -> u64 {
        let h = self.0 ^ self.0 >> 32;
        let h = h.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h ^ h >> 32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names with the same first bytes spread over a hash table's buckets, which it picks by
    /// the low bits of the hash.
    #[test]
    fn names_sharing_a_prefix_spread_over_low_bits() {
        for prefix in ["g", "kata", "concept_"] {
            let mut buckets: Vec<u64> = (0..10_000)
                .map(|i| {
                    let mut h = WordHasher::default();
                    h.write(format!("{prefix}{i}").as_bytes());
                    h.finish() & 0xffff
                })
                .collect();
            buckets.sort_unstable();
            buckets.dedup();
            assert!(buckets.len() > 5_000, "{prefix}…: {} of 10,000 names in distinct buckets", buckets.len());
        }
    }

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
