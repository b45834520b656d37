//! A copy of at most [`CAPACITY`] bytes of some input, kept without a heap.

use core::fmt;

/// How many bytes of an unknown input an error keeps.
pub const CAPACITY: usize = crate::suggest::MAX_INPUT;

// `BoundedInput::new` fills the buffer 16 bytes at a time with
// `chunks_exact_mut(16)`, which would skip a shorter tail.
const _: () = assert!(CAPACITY % 16 == 0);

/// The input, or its first [`CAPACITY`] bytes cut at a char boundary, and its
/// real length.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct BoundedInput {
    bytes: [u8; CAPACITY],
    kept: u8,
    len: usize,
}

impl BoundedInput {
    #[inline]
    pub(crate) fn new(input: &str) -> Self {
        let mut kept = input.len().min(CAPACITY);
        while !input.is_char_boundary(kept) {
            kept -= 1;
        }
        // Built 16 bytes at a time in registers and stored whole, rather than
        // `copy_from_slice` (a variable-length `memcpy`): the error is moved
        // right after it is made, and a 16-byte load straddling memcpy's odd
        // sized stores cannot be forwarded from them, so every failed parse
        // paid a store-forwarding stall. Measured (benches/lookup.rs): from_str
        // at 22 events went from 6.12 to 3.48 ns a lookup, half of them misses.
        let src = input.as_bytes().get(..kept).unwrap_or_default();
        let mut bytes = [0; CAPACITY];
        for (at, dst) in bytes.chunks_exact_mut(16).enumerate() {
            dst.copy_from_slice(&chunk(src, at * 16).to_le_bytes());
        }
        Self {
            bytes,
            kept: kept as u8,
            len: input.len(),
        }
    }

    /// The kept text: all of it, unless [`Self::is_truncated`].
    pub(crate) fn as_str(&self) -> &str {
        let kept = self.bytes.get(..usize::from(self.kept)).unwrap_or_default();
        // `kept` ends on a char boundary of valid UTF-8, so this never fails.
        core::str::from_utf8(kept).unwrap_or_default()
    }

    pub(crate) fn is_truncated(&self) -> bool {
        usize::from(self.kept) < self.len
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }
}

/// The 16 bytes of `src` from `start`, zero-padded, little-endian.
#[inline(always)]
fn chunk(src: &[u8], start: usize) -> u128 {
    let n = src.len();
    if let Some(whole) = src.get(start..).and_then(<[u8]>::first_chunk::<16>) {
        return u128::from_le_bytes(*whole);
    }
    if n <= start {
        return 0;
    }
    let have = n - start;
    if let Some(last) = src
        .get(n.wrapping_sub(16)..)
        .and_then(<[u8]>::first_chunk::<16>)
    {
        return u128::from_le_bytes(*last) >> ((16 - have) * 8);
    }
    // n < 16 and start == 0.
    if let (Some(lo), Some(hi)) = (src.first_chunk::<8>(), src.last_chunk::<8>()) {
        return u128::from(u64::from_le_bytes(*lo))
            | u128::from(u64::from_le_bytes(*hi)) << ((n - 8) * 8);
    }
    if let (Some(lo), Some(hi)) = (src.first_chunk::<4>(), src.last_chunk::<4>()) {
        return u128::from(u32::from_le_bytes(*lo))
            | u128::from(u32::from_le_bytes(*hi)) << ((n - 4) * 8);
    }
    let byte = |i: usize| u128::from(src.get(i).copied().unwrap_or(0)) << (i * 8);
    byte(0) | byte(n / 2) | byte(n - 1)
}

impl fmt::Debug for BoundedInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Quoted and escaped, so that control characters in hostile input cannot
/// rewrite a terminal or a log line; a truncated input says so.
impl fmt::Display for BoundedInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_truncated() {
            write!(f, "{:?}… ({} bytes)", self.as_str(), self.len)
        } else {
            write!(f, "{:?}", self.as_str())
        }
    }
}

#[cfg(test)]
mod tests {
    // The crate may be `no_std`; the test harness always has `alloc`.
    extern crate alloc;

    use alloc::string::String;

    use super::{BoundedInput, CAPACITY};

    /// What `new` must build: the longest prefix of at most `CAPACITY` bytes
    /// ending on a char boundary, zero-padded.
    fn naive(input: &str) -> ([u8; CAPACITY], usize) {
        let mut kept = input.len().min(CAPACITY);
        while !input.is_char_boundary(kept) {
            kept -= 1;
        }
        let mut bytes = [0; CAPACITY];
        bytes[..kept].copy_from_slice(&input.as_bytes()[..kept]);
        (bytes, kept)
    }

    #[test]
    fn every_length_and_cut_matches_a_plain_copy() {
        // Distinct bytes at every position, so a misplaced byte shows; and
        // multi-byte chars, so every kind of cut at the capacity is met.
        for fill in [
            "abcdefghijklmnopqrstuvwxyz0123456789",
            "é",
            "€",
            "𝄞",
            "aé€𝄞",
        ] {
            for len in 0..=CAPACITY + 8 {
                let input: String = fill.chars().cycle().take(len).collect();
                let (bytes, kept) = naive(&input);
                let bounded = BoundedInput::new(&input);
                assert_eq!(bounded.bytes, bytes, "{input:?}");
                assert_eq!(usize::from(bounded.kept), kept, "{input:?}");
                assert_eq!(bounded.as_str(), &input[..kept]);
                assert_eq!(bounded.len(), input.len());
                assert_eq!(bounded.is_truncated(), kept < input.len());
            }
        }
    }
}
