//! Word tables: constant-time lookup of a word in a fixed list, hashed at compile time.
//!
//! Every table of the text stage (slang, known roots, negators…) is a plain list of entries; a
//! `Lexicon` adds an open-addressing index built by a `const fn`, so a lookup costs one O(1)
//! hash and usually one comparison, with no start-up work and no allocation.

/// Marks an empty slot.
const EMPTY: u16 = u16::MAX;

/// Hash of a word from its length and five of its bytes (first two, middle, last two): O(1) in
/// the word's length, which matters because the stemmer looks up many candidate roots per word.
const fn hash(len: usize, at: [u8; 5], slots: usize) -> usize {
    let k = at[0] as u64
        | (at[1] as u64) << 8
        | (at[2] as u64) << 16
        | (at[3] as u64) << 24
        | (at[4] as u64) << 32
        | (len as u64) << 40;
    (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - slots.trailing_zeros())) as usize
}

/// Byte `i` of the word `head` + `body` (0 past the end).
const fn byte(head: &[u8], body: &[u8], i: usize) -> u8 {
    if i < head.len() {
        head[i]
    } else if i - head.len() < body.len() {
        body[i - head.len()]
    } else {
        0
    }
}

/// The bytes `hash` reads, of the word `head` + `body`.
const fn sample(head: &[u8], body: &[u8]) -> [u8; 5] {
    let len = head.len() + body.len();
    let last = len.saturating_sub(1);
    [
        byte(head, body, 0),
        byte(head, body, 1),
        byte(head, body, len / 2),
        byte(head, body, last.saturating_sub(1)),
        byte(head, body, last),
    ]
}

/// A fixed list of `(word, value)` entries with a hash index of `N` slots (`N` a power of two,
/// with at most three entries per four slots; the build fails at compile time otherwise).
pub(crate) struct Lexicon<T: Copy + 'static, const N: usize> {
    entries: &'static [(&'static str, T)],
    slots: [u16; N],
    /// For each first byte (mod 32), the set of word lengths (capped at 63) in the table: most
    /// misses stop here, before hashing.
    lengths: [u64; 32],
}

/// The `lengths` row and bit of a word of `len` bytes starting with `first`.
const fn length_bit(first: u8, len: usize) -> (usize, u64) {
    ((first & 31) as usize, 1 << if len < 63 { len } else { 63 })
}

impl<T: Copy + 'static, const N: usize> Lexicon<T, N> {
    /// Indexes `entries`. A later duplicate of a word is never found.
    pub(crate) const fn new(entries: &'static [(&'static str, T)]) -> Self {
        assert!(N.is_power_of_two() && entries.len() * 4 <= N * 3 && N < EMPTY as usize);
        let mut slots = [EMPTY; N];
        let mut lengths = [0u64; 32];
        let mut i = 0;
        while i < entries.len() {
            let key = entries[i].0.as_bytes();
            let (row, bit) = length_bit(if key.is_empty() { 0 } else { key[0] }, key.len());
            lengths[row] |= bit;
            let mut at = hash(key.len(), sample(&[], key), N);
            while slots[at] != EMPTY {
                at = (at + 1) & (N - 1);
            }
            slots[at] = i as u16;
            i += 1;
        }
        Lexicon {
            entries,
            slots,
            lengths,
        }
    }

    /// The value of `word`.
    pub(crate) fn get(&self, word: &str) -> Option<T> {
        let w = word.as_bytes();
        let n = w.len();
        if !self.may_hold(w.first().copied().unwrap_or(0), n) {
            return None;
        }
        let at = if n >= 2 {
            [w[0], w[1], w[n / 2], w[n - 2], w[n - 1]]
        } else {
            sample(&[], w)
        };
        self.probe(hash(n, at, N), |key| {
            key.len() == n && key.iter().zip(w).all(|(a, b)| a == b)
        })
    }

    /// The value of the word `head` followed by `body` (a stem candidate whose first letter was
    /// replaced, such as "t" + "erima"), without building the string.
    pub(crate) fn get2(&self, head: &str, body: &str) -> Option<T> {
        if head.is_empty() {
            return self.get(body);
        }
        let (h, b) = (head.as_bytes(), body.as_bytes());
        let len = h.len() + b.len();
        if !self.may_hold(h[0], len) {
            return None;
        }
        self.probe(hash(len, sample(h, b), N), |key| {
            key.len() == len && key[..h.len()] == *h && key[h.len()..] == *b
        })
    }

    fn may_hold(&self, first: u8, len: usize) -> bool {
        let (row, bit) = length_bit(first, len);
        self.lengths[row] & bit != 0
    }

    /// Linear probing from slot `at` until `eq` accepts a key or an empty slot ends the search.
    #[inline]
    fn probe(&self, mut at: usize, eq: impl Fn(&[u8]) -> bool) -> Option<T> {
        loop {
            let slot = self.slots[at];
            if slot == EMPTY {
                return None;
            }
            let (key, value) = self.entries[slot as usize];
            if eq(key.as_bytes()) {
                return Some(value);
            }
            at = (at + 1) & (N - 1);
        }
    }

    /// All entries, in list order.
    #[cfg(test)]
    pub(crate) fn entries(&self) -> &'static [(&'static str, T)] {
        self.entries
    }
}

/// Builds `Lexicon` entries: a list of words that all get `value`, then explicit pairs.
/// `entries!(V => "a" "b"; ("c", W))` is `&[("a", V), ("b", V), ("c", W)]`.
macro_rules! entries {
    ($value:expr => $($w:literal)* $(; $(($k:literal, $v:expr)),* $(,)?)?) => {
        &[$(($w, $value),)* $($(($k, $v)),*)?]
    };
}
pub(crate) use entries;

#[cfg(test)]
mod tests {
    use super::*;

    static T: Lexicon<u8, 8> = Lexicon::new(&[("tidak", 1), ("t", 2), ("", 3), ("terima", 4)]);

    #[test]
    fn finds_words_and_split_words() {
        assert_eq!(T.get("tidak"), Some(1));
        assert_eq!(T.get(""), Some(3));
        assert_eq!(T.get2("t", "erima"), Some(4));
        assert_eq!(T.get2("te", "rima"), Some(4));
        assert_eq!(T.get2("", "terima"), Some(4));
        assert_eq!(T.get("terim"), None);
        assert_eq!(T.get2("x", "erima"), None);
        assert_eq!(T.get("tidakk"), None);
    }
}
