//! Small open-addressing hash tables for the matcher's hot path: the vocabulary (token bytes →
//! id) and the trie's edges (`(node, token)` → node).
//!
//! The standard `HashMap` with boxed byte-string keys costs a SipHash-or-FNV pass byte by byte
//! and an indirection per probe; here the token is hashed eight bytes at a time and the slots
//! hold the full 64-bit hash, so the bytes are compared only once, on a hit.

/// An empty slot.
const EMPTY: u32 = u32::MAX;

/// Hash of a byte string, eight bytes at a time (multiply–rotate mixing, not cryptographic).
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K).rotate_left(29);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K).rotate_left(29);
    }
    h ^ (h >> 32)
}

/// Slot index of a hash in a table of `mask + 1` slots.
fn home(hash: u64, mask: usize) -> usize {
    (hash.wrapping_mul(0xff51_afd7_ed55_8ccd) >> 32) as usize & mask
}

/// A token of at most eight bytes as one word (little-endian, zero-padded): tokens never hold
/// a NUL byte, so the word is the token.
fn short_key(bytes: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w[..bytes.len()].copy_from_slice(bytes);
    u64::from_le_bytes(w)
}

/// A token of nine to sixteen bytes as two words (see [`short_key`]).
fn mid_key(bytes: &[u8]) -> (u64, u64) {
    (short_key(&bytes[..8]), short_key(&bytes[8..]))
}

/// The low `len` bytes of `w` (`len` at most 8).
fn low_bytes(w: u64, len: usize) -> u64 {
    if len >= 8 {
        w
    } else {
        w & ((1u64 << (8 * len)) - 1)
    }
}

/// Eight bytes of `buf` at `off` as a little-endian word, `None` past the end.
fn word_at(buf: &[u8], off: usize) -> Option<u64> {
    let b = buf.get(off..off + 8)?;
    let mut a = [0u8; 8];
    a.copy_from_slice(b);
    Some(u64::from_le_bytes(a))
}

/// `(u64, u64)` keys → `u32` values (tokens of nine to sixteen bytes).
#[derive(Debug, Clone, Default)]
struct PairMap {
    slots: Vec<(u64, u64, u32)>,
    len: usize,
}

impl PairMap {
    fn slot(key: (u64, u64), mask: usize) -> usize {
        home(
            key.0 ^ key.1.rotate_left(31).wrapping_mul(0x9e37_79b9_7f4a_7c15),
            mask,
        )
    }

    fn get(&self, key: (u64, u64)) -> u32 {
        if self.slots.is_empty() {
            return EMPTY;
        }
        let mask = self.slots.len() - 1;
        let mut i = Self::slot(key, mask);
        loop {
            let (a, b, v) = self.slots[i];
            if v == EMPTY {
                return EMPTY;
            }
            if (a, b) == key {
                return v;
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds `key` (absent) with `value` (not `u32::MAX`).
    fn insert(&mut self, key: (u64, u64), value: u32) {
        if (self.len + 1) * 2 > self.slots.len() {
            let size = (self.slots.len() * 2).max(64);
            let old = std::mem::replace(&mut self.slots, vec![(0, 0, EMPTY); size]);
            self.len = 0;
            for (a, b, v) in old {
                if v != EMPTY {
                    self.insert((a, b), v);
                }
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = Self::slot(key, mask);
        while self.slots[i].2 != EMPTY {
            i = (i + 1) & mask;
        }
        self.slots[i] = (key.0, key.1, value);
        self.len += 1;
    }
}

/// Token bytes → dense ids `0..len()`.
///
/// Tokens of sixteen bytes or less (nearly every word) are keyed by their bytes read as one or
/// two words, so a look-up is a load, a mask and a probe; longer ones by their hash, checked byte
/// by byte.
#[derive(Debug, Clone, Default)]
pub(crate) struct Vocab {
    /// Short tokens: [`short_key`] → id.
    short: U64Map,
    /// Tokens of nine to sixteen bytes: [`mid_key`] → id.
    mid: PairMap,
    /// Long tokens: `(hash, id)`; `id == EMPTY` for a free slot.
    slots: Vec<(u64, u32)>,
    /// Number of long tokens.
    long: usize,
    /// Every token's bytes, one after the other, and each id's range in it.
    arena: Vec<u8>,
    spans: Vec<(u32, u32)>,
    /// Longest token, in bytes: longer text tokens are unknown without hashing.
    longest: usize,
}

impl Vocab {
    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.spans.len()
    }

    /// The bytes of token `id`.
    pub(crate) fn bytes(&self, id: u32) -> &[u8] {
        let (s, e) = self.spans[id as usize];
        &self.arena[s as usize..e as usize]
    }

    /// The id of `bytes`, added if new.
    pub(crate) fn insert(&mut self, bytes: &[u8]) -> u32 {
        let id = self.get(bytes);
        if id != EMPTY {
            return id;
        }
        let id = self.spans.len() as u32;
        let start = self.arena.len() as u32;
        self.arena.extend_from_slice(bytes);
        self.spans.push((start, self.arena.len() as u32));
        self.longest = self.longest.max(bytes.len());
        if bytes.len() <= 8 {
            self.short.insert(short_key(bytes), id);
        } else if bytes.len() <= 16 {
            self.mid.insert(mid_key(bytes), id);
        } else {
            if (self.long + 1) * 2 > self.slots.len() {
                self.grow();
            }
            self.long += 1;
            self.place(hash_bytes(bytes), id);
        }
        id
    }

    /// The id of `bytes`, `u32::MAX` if unknown.
    pub(crate) fn get(&self, bytes: &[u8]) -> u32 {
        if bytes.len() <= 8 {
            return self.short.get(short_key(bytes));
        }
        if bytes.len() <= 16 {
            return self.mid.get(mid_key(bytes));
        }
        if self.slots.is_empty() || bytes.len() > self.longest {
            return EMPTY;
        }
        let hash = hash_bytes(bytes);
        let mask = self.slots.len() - 1;
        let mut i = home(hash, mask);
        loop {
            let (h, id) = self.slots[i];
            if id == EMPTY {
                return EMPTY;
            }
            if h == hash && self.bytes(id) == bytes {
                return id;
            }
            i = (i + 1) & mask;
        }
    }

    /// The id of the token `buf[off..off + len]`, `u32::MAX` if unknown; a token of sixteen bytes
    /// or less is read with one or two unaligned loads when `buf` has the bytes from `off`.
    pub(crate) fn get_at(&self, buf: &[u8], off: usize, len: usize) -> u32 {
        if len <= 8 {
            if let Some(w) = word_at(buf, off) {
                return self.short.get(low_bytes(w, len));
            }
        } else if len <= 16 {
            if let (Some(a), Some(b)) = (word_at(buf, off), word_at(buf, off + 8)) {
                return self.mid.get((a, low_bytes(b, len - 8)));
            }
        }
        match buf.get(off..off + len) {
            Some(bytes) => self.get(bytes),
            None => EMPTY,
        }
    }

    fn place(&mut self, hash: u64, id: u32) {
        let mask = self.slots.len() - 1;
        let mut i = home(hash, mask);
        while self.slots[i].1 != EMPTY {
            i = (i + 1) & mask;
        }
        self.slots[i] = (hash, id);
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(64);
        let old = std::mem::replace(&mut self.slots, vec![(0, EMPTY); size]);
        for (h, id) in old {
            if id != EMPTY {
                self.place(h, id);
            }
        }
    }
}

/// `u64` keys (never `u64::MAX`) → `u32` values.
#[derive(Debug, Clone, Default)]
pub(crate) struct U64Map {
    slots: Vec<(u64, u32)>,
    len: usize,
}

impl U64Map {
    /// The value of `key`, `u32::MAX` if absent.
    pub(crate) fn get(&self, key: u64) -> u32 {
        if self.slots.is_empty() {
            return EMPTY;
        }
        let mask = self.slots.len() - 1;
        let mut i = home(key, mask);
        loop {
            let (k, v) = self.slots[i];
            if v == EMPTY {
                return EMPTY;
            }
            if k == key {
                return v;
            }
            i = (i + 1) & mask;
        }
    }

    /// Sets the value of `key` (`value` must not be `u32::MAX`).
    pub(crate) fn insert(&mut self, key: u64, value: u32) {
        if (self.len + 1) * 2 > self.slots.len() {
            let size = (self.slots.len() * 2).max(64);
            let old = std::mem::replace(&mut self.slots, vec![(0, EMPTY); size]);
            self.len = 0;
            for (k, v) in old {
                if v != EMPTY {
                    self.insert(k, v);
                }
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = home(key, mask);
        loop {
            let (k, v) = self.slots[i];
            if v == EMPTY {
                self.slots[i] = (key, value);
                self.len += 1;
                return;
            }
            if k == key {
                self.slots[i].1 = value;
                return;
            }
            i = (i + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocab_gives_dense_stable_ids() {
        let mut v = Vocab::default();
        let words: Vec<String> = (0..1000).map(|i| format!("mot{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(v.insert(w.as_bytes()), i as u32);
        }
        assert_eq!(v.insert(b"mot7"), 7);
        assert_eq!(v.len(), 1000);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(v.get(w.as_bytes()), i as u32);
            assert_eq!(v.bytes(i as u32), w.as_bytes());
        }
        assert_eq!(v.get(b"mot1000"), EMPTY);
        assert_eq!(v.get(b""), EMPTY);
        assert_eq!(v.insert(b""), 1000);
        assert_eq!(v.get(b""), 1000);
        assert_eq!(v.get(b"a very long token indeed"), EMPTY);
        assert_eq!(v.insert(b"organisation"), 1001);
        assert_eq!(v.get(b"organisation"), 1001);
        assert_eq!(v.get(b"organisatiom"), EMPTY);
        // In a buffer: short tokens read with one load, then masked.
        let buf = b"mot12organisationmot3\0\0\0\0\0\0\0\0";
        assert_eq!(v.get_at(buf, 0, 5), 12);
        assert_eq!(v.get_at(buf, 0, 4), 1);
        assert_eq!(v.get_at(buf, 5, 12), 1001);
        assert_eq!(v.get_at(buf, 17, 4), 3);
        assert_eq!(v.get_at(buf, 17, 0), 1000);
        assert_eq!(v.get_at(&buf[..21], 17, 4), 3);
        assert_eq!(v.get_at(buf, 40, 4), EMPTY);
        assert_eq!(v.get_at(buf, 5, 11), EMPTY);
        assert_eq!(v.get_at(&buf[..17], 5, 12), 1001);
        // Longer than sixteen bytes: hashed.
        assert_eq!(v.insert(b"internationalisation"), 1002);
        assert_eq!(v.get(b"internationalisation"), 1002);
        let long = b"xinternationalisation\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";
        assert_eq!(v.get_at(long, 1, 20), 1002);
        assert_eq!(v.get_at(long, 1, 19), EMPTY);
    }

    #[test]
    fn u64_map_inserts_and_overwrites() {
        let mut m = U64Map::default();
        assert_eq!(m.get(5), EMPTY);
        for k in 0..500u64 {
            m.insert(k << 32 | 3, k as u32);
        }
        m.insert(7 << 32 | 3, 99);
        assert_eq!(m.get(7 << 32 | 3), 99);
        assert_eq!(m.get(8 << 32 | 3), 8);
        assert_eq!(m.get(8 << 32 | 4), EMPTY);
    }

    #[test]
    fn hash_depends_on_every_byte_and_the_length() {
        assert_ne!(hash_bytes(b"abcdefghi"), hash_bytes(b"abcdefghj"));
        assert_ne!(hash_bytes(b"a"), hash_bytes(b"a\0"));
        assert_ne!(hash_bytes(b""), hash_bytes(b"\0"));
    }
}
