//! A copy of at most [`CAPACITY`] bytes of some input, kept without a heap.

use core::fmt;

/// How many bytes of an unknown input an error keeps.
pub const CAPACITY: usize = crate::suggest::MAX_INPUT;

/// The input, or its first [`CAPACITY`] bytes cut at a char boundary, and its
/// real length.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct BoundedInput {
    bytes: [u8; CAPACITY],
    kept: u8,
    len: usize,
}

impl BoundedInput {
    pub(crate) fn new(input: &str) -> Self {
        let mut kept = input.len().min(CAPACITY);
        while !input.is_char_boundary(kept) {
            kept -= 1;
        }
        let mut bytes = [0; CAPACITY];
        if let (Some(dst), Some(src)) = (bytes.get_mut(..kept), input.as_bytes().get(..kept)) {
            dst.copy_from_slice(src);
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
