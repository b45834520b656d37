// The hash functions of the generated `find_event_id`, in one place.
//
// This file is compiled twice from the same text: the generator loads it with
// `#[path]` to search for a collision-free table, and `emit_lookup` pastes it
// verbatim (through `include_str!`) into the generated module. So the table
// the generator verified is, byte for byte, the table the library probes.
// It must stay `core`-only, safe, allocation-free and free of panics.

/// The odd multiplier of the full digest's mixing steps (2^64 / φ, from splitmix64).
pub const MIX: u64 = 0x9E37_79B9_7F4A_7C15;

/// The 8 bytes of `bytes` from `at`, little-endian; 0 when they are out of range.
/// The generated code asks only for words inside the shortest id, after the
/// length check, so the fallback never runs and the bounds check folds away.
#[inline(always)]
pub fn word(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        Some(word) => u64::from_le_bytes(*word),
        None => 0,
    }
}

/// The 8 bytes ending `from_end` bytes before the end of `bytes`.
#[inline(always)]
pub fn word_from_end(bytes: &[u8], from_end: usize) -> u64 {
    word(bytes, bytes.len().wrapping_sub(from_end + 8))
}

/// One probe of a positional hash: the word at `offset` from the start (or
/// from the end), rotated so that two probes cannot cancel out bit for bit.
#[inline(always)]
pub fn probe(bytes: &[u8], from_end: bool, offset: usize, rotate: u32) -> u64 {
    let word = if from_end {
        word_from_end(bytes, offset)
    } else {
        word(bytes, offset)
    };
    word.rotate_left(rotate)
}

/// A 64-bit digest of every byte and the length, for catalogs whose ids no
/// handful of fixed positions can tell apart.
#[inline]
pub fn full(bytes: &[u8], seed: u64) -> u64 {
    let mut hash = seed ^ bytes.len() as u64;
    let mut rest = bytes;
    while let Some((chunk, tail)) = rest.split_first_chunk::<8>() {
        hash = (hash ^ u64::from_le_bytes(*chunk))
            .wrapping_mul(MIX)
            .rotate_left(29);
        rest = tail;
    }
    let mut last = [0u8; 8];
    if let Some(head) = last.get_mut(..rest.len()) {
        head.copy_from_slice(rest);
    }
    hash = (hash ^ u64::from_le_bytes(last)).wrapping_mul(MIX);
    hash ^ (hash >> 32)
}

/// The slot of a direct table of `1 << (64 - shift)` slots: multiply-shift
/// hashing, whose top bits depend on every bit of `material`.
#[inline(always)]
pub fn direct_slot(material: u64, multiplier: u64, shift: u32) -> usize {
    (material.wrapping_mul(multiplier) >> shift) as usize
}

/// The seeded hash of a displaced table: the material times an odd
/// multiplier the seed picks (multiply-shift, as the direct table); its top
/// bits pick the bucket. It was `(material ^ seed) * MIX`, whose XOR sat on
/// every lookup's critical path: `find` at 10,000 events 3.05 against 2.86
/// ns without it, side by side (BENCHMARKS.md).
#[inline(always)]
pub fn displaced_hash(material: u64, seed: u64) -> u64 {
    material.wrapping_mul(seed | 1)
}

/// The bucket of `hash` among `1 << (64 - bucket_shift)` buckets.
#[inline(always)]
pub fn bucket(hash: u64, bucket_shift: u32) -> usize {
    (hash >> bucket_shift) as usize
}

/// The slot of `hash` among `1 << (64 - slot_shift)` slots once its
/// bucket's pilot is mixed in: the hash bits just below the bucket's, XOR the
/// pilot. No multiplication: the pilot's load already sits on the lookup's
/// critical path, and a multiplication after it made every lookup at 10,000
/// events wait for it (an earlier `(hash ^ pilot * C1) * C2`; see
/// BENCHMARKS.md).
#[inline(always)]
pub fn displaced_slot(hash: u64, pilot: u8, bucket_shift: u32, slot_shift: u32) -> usize {
    (hash
        .wrapping_shl(64 - bucket_shift)
        .wrapping_shr(slot_shift) as usize)
        ^ usize::from(pilot)
}

/// Whether `bytes` starts `key`, a key padded with zeros to `WORDS` words, in
/// `WORDS` word compares: words at 0, 8, 16, … clamped to the last word of
/// `bytes` (so they overlap, never overrun). The caller checks that the key's
/// length equals `bytes.len()`, which must be at most `8 * WORDS`. Unlike
/// `memcmp`, whose length the compiler cannot know, this unrolls, and no
/// word's test depends on another's.
#[inline(always)]
pub fn same_padded<const WORDS: usize>(bytes: &[u8], key: &[u8]) -> bool {
    let len = bytes.len();
    if len < 8 {
        let mut short = [0u8; 8];
        if let Some(head) = short.get_mut(..len) {
            head.copy_from_slice(bytes);
        }
        return u64::from_le_bytes(short) == word(key, 0);
    }
    let last = len - 8;
    let mut diff = 0;
    let mut i = 0;
    while i < WORDS {
        let at = if 8 * i < last { 8 * i } else { last };
        diff |= word(bytes, at) ^ word(key, at);
        i += 1;
    }
    diff == 0
}

/// The 16 bytes of `row` from `at & 15`, little-endian; 0 past its end. For
/// a row of 32 bytes the mask keeps every read inside it, so the bounds check
/// folds away; the caller's `at` is already below 16.
#[inline(always)]
fn row_window16<const N: usize>(row: &[u8; N], at: usize) -> u128 {
    match row.get(at & 15..).and_then(<[u8]>::first_chunk::<16>) {
        Some(window) => u128::from_le_bytes(*window),
        None => 0,
    }
}

/// The 8 bytes of `row` from `at & 7`, little-endian; 0 past its end.
#[inline(always)]
fn row_window8<const N: usize>(row: &[u8; N], at: usize) -> u64 {
    match row.get(at & 7..).and_then(<[u8]>::first_chunk::<8>) {
        Some(window) => u64::from_le_bytes(*window),
        None => 0,
    }
}

/// Whether `bytes` is the key that starts `row` (padded with NULs), for ids
/// of at most 31 bytes in rows of 16 or 32 bytes; the caller checks that the
/// row's length byte equals `bytes.len()`, which must be below `N`. Two
/// windows cover the whole input: its first and last 16 bytes (overlapping)
/// from 16 bytes on, its first and last 8 from 8 on, one zero-padded word
/// below that. Every window sits at a fixed offset or at one the mask keeps
/// inside the row, so no bounds check is left, and a 16-byte window is one
/// SSE compare. It replaced `same_padded` for such rows: on the bench's
/// stream, `find` at 10,000 events went from 3.9 to 3.0 ns (BENCHMARKS.md).
#[inline(always)]
pub fn same_windows<const N: usize>(bytes: &[u8], row: &[u8; N]) -> bool {
    let len = bytes.len();
    if let (Some(first), Some(last)) = (bytes.first_chunk::<16>(), bytes.last_chunk::<16>()) {
        let first = u128::from_le_bytes(*first) ^ row_window16(row, 0);
        let last = u128::from_le_bytes(*last) ^ row_window16(row, len.wrapping_sub(16));
        return (first | last) == 0 && len < 32;
    }
    if let (Some(first), Some(last)) = (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        let first = u64::from_le_bytes(*first) ^ row_window8(row, 0);
        let last = u64::from_le_bytes(*last) ^ row_window8(row, len.wrapping_sub(8));
        return (first | last) == 0;
    }
    let mut short = [0u8; 8];
    if let Some(head) = short.get_mut(..len) {
        head.copy_from_slice(bytes);
    }
    u64::from_le_bytes(short) == row_window8(row, 0)
}

/// Whether two byte strings are equal, comparing 8 bytes at a time (the last
/// word overlaps the one before it); for ids too long for padded keys.
#[inline(always)]
pub fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let len = a.len();
    if len != b.len() {
        return false;
    }
    if len < 8 {
        return a == b;
    }
    let last = len - 8;
    let mut at = 0;
    while at < last {
        if word(a, at) != word(b, at) {
            return false;
        }
        at += 8;
    }
    word(a, last) == word(b, last)
}
