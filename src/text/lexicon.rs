//! Word tables: constant-time lookup of a word in a fixed list, hashed at compile time.
//!
//! Every table of the text stage (slang, known roots, negators…) is one string of entries,
//! `"word"` or `"word=value"`, separated by spaces. `lexicon!` adds an open-addressing index built
//! by a `const fn`: a lookup costs an O(1) hash and usually one comparison, with no start-up work,
//! no allocation, and four bytes of index per slot (the table's text is the only other data,
//! which keeps the WebAssembly small).

/// Marks an empty slot.
const EMPTY: u32 = u32::MAX;

/// A word list with its hash index of `N` slots. Build one with `lexicon!`.
pub(crate) struct Lexicon<const N: usize> {
    text: &'static str,
    /// Per slot: the entry's start in `text` (16 bits), key length and value length (8 bits each).
    slots: [u32; N],
    /// For each first byte (mod 32), the set of word lengths (capped at 63) in the table: most
    /// misses stop here, before hashing.
    lengths: [u64; 32],
}

/// Declares `static NAME: Lexicon` over the entries `TEXT` with `SLOTS` index slots (a power of
/// two, at least 4/3 of the number of entries; the build fails otherwise).
macro_rules! lexicon {
    ($(#[$m:meta])* $vis:vis static $name:ident: $slots:literal = $text:expr;) => {
        $(#[$m])*
        $vis static $name: $crate::text::lexicon::Lexicon<$slots> =
            $crate::text::lexicon::Lexicon::new($text);
    };
}
pub(crate) use lexicon;

/// Joins string chunks into a table's text: `words!("a b", "c=d")` is `"a b c=d "`.
macro_rules! words {
    ($($chunk:literal),* $(,)?) => { concat!($($chunk, " "),*) };
}
pub(crate) use words;

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

/// The `lengths` row and bit of a word of `len` bytes starting with `first`.
const fn length_bit(first: u8, len: usize) -> (usize, u64) {
    ((first & 31) as usize, 1 << if len < 63 { len } else { 63 })
}

/// The entry at or after byte `i` of a table's text: (start, key length, value length, end), or
/// `None` at the end.
const fn next_entry(b: &[u8], mut i: usize) -> Option<(usize, usize, usize, usize)> {
    while i < b.len() && b[i] == b' ' {
        i += 1;
    }
    if i >= b.len() {
        return None;
    }
    let start = i;
    while i < b.len() && b[i] != b' ' && b[i] != b'=' {
        i += 1;
    }
    let key = i - start;
    let mut value = 0;
    if i < b.len() && b[i] == b'=' {
        i += 1;
        while i < b.len() && b[i] != b' ' {
            i += 1;
            value += 1;
        }
    }
    Some((start, key, value, i))
}

/// Builds the hash index of `text` (compile time).
const fn index<const N: usize>(text: &str) -> [u32; N] {
    let b = text.as_bytes();
    assert!(N.is_power_of_two() && b.len() < 0xFFFF);
    let mut slots = [EMPTY; N];
    let (mut i, mut count) = (0, 0);
    while let Some((start, key, value, next)) = next_entry(b, i) {
        assert!(key > 0 && key < 256 && value < 256);
        let mut k = [0u8; 5];
        let last = key - 1;
        let at = [0, 1, key / 2, last.saturating_sub(1), last];
        let mut j = 0;
        while j < 5 {
            k[j] = if at[j] < key { b[start + at[j]] } else { 0 };
            j += 1;
        }
        let mut slot = hash(key, k, N);
        while slots[slot] != EMPTY {
            slot = (slot + 1) & (N - 1);
        }
        slots[slot] = (start as u32) << 16 | (key as u32) << 8 | value as u32;
        (i, count) = (next, count + 1);
    }
    assert!(count * 4 <= N * 3, "lexicon too full: give it more slots");
    slots
}

impl<const N: usize> Lexicon<N> {
    /// Indexes the table `text` (compile time).
    pub(crate) const fn new(text: &'static str) -> Self {
        let slots = index::<N>(text);
        let b = text.as_bytes();
        let mut lengths = [0u64; 32];
        let mut i = 0;
        while let Some((start, key, _, next)) = next_entry(b, i) {
            let (row, bit) = length_bit(b[start], key);
            lengths[row] |= bit;
            i = next;
        }
        Lexicon { text, slots, lengths }
    }

    /// The value of `word`: `Some("")` for a plain entry, `Some(value)` for `word=value`.
    pub(crate) fn get(&self, word: &str) -> Option<&'static str> {
        let w = word.as_bytes();
        let n = w.len();
        let (row, bit) = length_bit(*w.first()?, n);
        if self.lengths[row] & bit == 0 {
            return None;
        }
        let at = if n >= 2 { [w[0], w[1], w[n / 2], w[n - 2], w[n - 1]] } else { sample(&[], w) };
        self.probe(hash(n, at, N), n, |k| k.iter().zip(w).all(|(a, b)| a == b))
    }

    /// The value of the word `head` followed by `body` (a stem candidate whose first letter was
    /// replaced, such as "t" + "erima"), without building the string.
    pub(crate) fn get2(&self, head: &str, body: &str) -> Option<&'static str> {
        if head.is_empty() {
            return self.get(body);
        }
        let (h, b) = (head.as_bytes(), body.as_bytes());
        let len = h.len() + b.len();
        let (row, bit) = length_bit(h[0], len);
        if self.lengths[row] & bit == 0 {
            return None;
        }
        let at = hash(len, sample(h, b), N);
        self.probe(at, len, |k| k.starts_with(h) && k.ends_with(b))
    }

    /// Linear probing from slot `at` for a key of `len` bytes that `eq` accepts.
    fn probe(&self, mut at: usize, len: usize, eq: impl Fn(&[u8]) -> bool) -> Option<&'static str> {
        loop {
            let slot = self.slots[at & (N - 1)];
            if slot == EMPTY {
                return None;
            }
            let start = (slot >> 16) as usize;
            if (slot >> 8) & 0xFF == len as u32 && self.text.as_bytes().get(start..start + len).is_some_and(&eq) {
                let value = start + len + 1..start + len + 1 + (slot & 0xFF) as usize;
                return Some(self.text.get(value).unwrap_or(""));
            }
            at += 1;
        }
    }

    /// All entries as (word, value), in list order.
    #[cfg(test)]
    pub(crate) fn entries(&self) -> Vec<(&'static str, &'static str)> {
        self.text.split(' ').filter(|e| !e.is_empty()).map(|e| e.split_once('=').unwrap_or((e, ""))).collect()
    }
}

#[cfg(test)]
mod tests {
    lexicon!(static T: 8 = words!("tidak=1 t=2", "terima", "x=ab"););

    #[test]
    fn finds_words_and_split_words() {
        assert_eq!(T.get("tidak"), Some("1"));
        assert_eq!(T.get("t"), Some("2"));
        assert_eq!(T.get("x"), Some("ab"));
        assert_eq!(T.get2("t", "erima"), Some(""));
        assert_eq!(T.get2("te", "rima"), Some(""));
        assert_eq!(T.get2("", "terima"), Some(""));
        assert_eq!(T.get("terim"), None);
        assert_eq!(T.get2("x", "erima"), None);
        assert_eq!(T.get("tidakk"), None);
        assert_eq!(T.get(""), None);
        assert_eq!(T.entries(), [("tidak", "1"), ("t", "2"), ("terima", ""), ("x", "ab")]);
    }
}
