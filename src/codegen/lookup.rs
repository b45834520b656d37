//! The generated `find_event_id`: from an id string to its `EventId`.
//!
//! # The scheme, and why
//! A `match` on strings is a chain of length tests and `memcmp`s: fast for a
//! handful of ids, linear in the catalog, and slow to compile when large. A
//! general hash map hashes every byte (SipHash for `phf` and `std`). Catalog
//! ids are known at build time, so the generator picks a perfect hash that
//! reads as little of the input as it can, and proves it collision-free here:
//!
//! 1. Reject any input whose length is outside the catalog's `[min, max]`,
//!    so a 10 MiB input costs one comparison.
//! 2. The *material*: the length xor one to three 8-byte words read at fixed
//!    offsets from the start or the end (gperf's idea, with words instead of
//!    bytes), chosen so that no two ids share it. When no few positions can
//!    tell the ids apart (or an id is shorter than a word), a digest of every
//!    byte is used instead.
//! 3. The *slot*: a displaced table as in PtrHash/CHD: the hash picks a
//!    bucket, the bucket's one-byte pilot moves its ids to free slots. A
//!    direct table (multiply-shift by a searched multiplier, no pilot) is
//!    faster for a small catalog but cannot exist for a large one (it would
//!    need on the order of n² slots), so with it the lookup's cost jumps as
//!    the catalog grows; the generator builds one only when
//!    [`Limits::direct_tries`] allows it, which the build does not
//!    (BENCHMARKS.md: the 22-event catalog's `find` takes 1.8–1.9 ns with a
//!    direct table and 2.3–2.4 ns with a displaced one, the 10,000-event
//!    one's 2.9).
//! 4. One full compare against the key stored in the slot's row: the length
//!    byte, then for ids of at most 31 bytes the input's first and last 16
//!    bytes (or 8) against the row's windows at the same offsets, two SSE
//!    compares with no bounds check left; for longer ids a few 8-byte words,
//!    unrolled. The source tests them all with `&`; LLVM turns that into a
//!    short chain of branches, which measured faster than forcing a select
//!    (`core::hint::select_unpredictable`: `find` 2.7 against 1.9 ns at 22
//!    events, 5.2 against 3.8 at 10,000, with the word compare).
//!
//! Measured against `match`, strum's derive, `phf`, `std`/Fx hash maps and a
//! linear scan in `benches/lookup.rs`; see BENCHMARKS.md.
//!
//! Every search is bounded (a fixed list of probe sets, a fixed number of
//! seeds per table size, a few table sizes) and deterministic (seeds come from
//! a fixed sequence, inputs are in catalog order). If nothing is found within
//! those bounds, the fallback is a binary search over the sorted ids, which
//! always works, so the generator never fails or loops on a valid catalog.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::catalog::Catalog;

#[path = "lookup_hash.rs"]
mod lookup_hash;

/// The runtime half of the scheme, pasted into the generated module.
const LOOKUP_HASH_SOURCE: &str = include_str!("lookup_hash.rs");

/// Ids up to this long are stored padded to whole words and compared a word
/// at a time, unrolled; a catalog with a longer id stores `&str` keys instead.
const PADDED_MAX_LEN: usize = 64;

/// Ids up to this long sit in rows of 16 or 32 bytes and are compared as two
/// overlapping windows (`lookup_hash::same_windows`), a catalog with a longer
/// id a word at a time.
const WINDOWS_MAX_LEN: usize = 31;

/// Rotations of the first, second and third probe.
const PROBE_ROTATIONS: [u32; 3] = [0, 29, 47];

/// One 8-byte read of a positional hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Probe {
    /// Counted from the end of the id rather than its start.
    pub from_end: bool,
    /// Bytes from the start, or bytes before the last word.
    pub offset: usize,
    /// How far the word is rotated before it is mixed in.
    pub rotate: u32,
}

/// What the hash reads from the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Material {
    /// The length and the words at these probes.
    Words(Vec<Probe>),
    /// A digest of every byte.
    Full {
        /// The digest's seed.
        seed: u64,
    },
}

/// How the material becomes a slot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slots {
    /// `slot = material * multiplier >> shift`.
    Direct {
        /// An odd multiplier that sends every id to its own slot.
        multiplier: u64,
        /// `64 - log2(slots)`.
        shift: u32,
    },
    /// `slot = (the hash bits below the bucket's) ^ pilot[hash >> bucket_shift]`.
    Displaced {
        /// Picks the odd multiplier of the hash (`seed | 1`), of which the bucket is the top bits.
        seed: u64,
        /// `64 - log2(buckets)`.
        bucket_shift: u32,
        /// `64 - log2(slots)`.
        slot_shift: u32,
        /// One pilot per bucket.
        pilots: Vec<u8>,
    },
}

/// A verified perfect hash, or the binary-search fallback.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// A collision-free table: `table[slot]` is the event index living there.
    Hashed {
        /// What the hash reads.
        material: Material,
        /// How it picks a slot.
        slots: Slots,
        /// Slot → index into the catalog, `None` for an empty slot.
        table: Vec<Option<usize>>,
    },
    /// Binary search over the ids in byte order: event indexes, sorted by id.
    Sorted(Vec<usize>),
}

/// The lookup chosen for a set of ids.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LookupPlan {
    /// The shortest id's length in bytes.
    pub min_len: usize,
    /// The longest id's length in bytes.
    pub max_len: usize,
    /// How the id is found.
    pub scheme: Scheme,
}

/// How hard the generator searches before it falls back; the defaults are
/// what `build.rs` uses, and tests shrink them to reach every fallback.
///
/// The defaults try no direct table (`direct_tries: 0`), so every catalog,
/// small or large, gets the same kind of lookup and its cost stays flat as
/// the catalog grows. `benches/direct` builds the crate with
/// [`Limits::DIRECT_TRIES`] to measure the other trade in every bench run.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Probe sets tried before the full digest.
    pub probe_sets: usize,
    /// Multipliers tried per direct table size; 0 (the default) builds none.
    pub direct_tries: u64,
    /// The largest direct table, in slots.
    pub direct_max_slots: usize,
    /// Seeds tried per displaced table size.
    pub displaced_tries: u64,
    /// How many times a displaced table may double after its first size.
    pub displaced_doublings: u32,
    /// Seeds tried for the full digest before it gives up on distinct digests.
    pub full_seeds: u64,
}

impl Limits {
    /// Enough multipliers to find a direct table for a few dozen ids, when
    /// one is wanted: 22 ids fit 64 slots with probability 2^-5.9 per try.
    pub const DIRECT_TRIES: u64 = 4096;
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            probe_sets: 160,
            direct_tries: 0,
            direct_max_slots: 4096,
            displaced_tries: 24,
            displaced_doublings: 2,
            full_seeds: 8,
        }
    }
}

/// The `k`th value of splitmix64: the fixed sequence every seed comes from.
pub fn seed(k: u64) -> u64 {
    let mut z = k.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Material {
    /// The material of `bytes`, exactly as the generated code computes it.
    pub fn of(&self, bytes: &[u8]) -> u64 {
        match self {
            Material::Words(probes) => probes.iter().fold(bytes.len() as u64, |material, p| {
                material ^ lookup_hash::probe(bytes, p.from_end, p.offset, p.rotate)
            }),
            Material::Full { seed } => lookup_hash::full(bytes, *seed),
        }
    }
}

impl Slots {
    /// The slot of `material`, exactly as the generated code computes it.
    pub fn of(&self, material: u64) -> usize {
        match self {
            Slots::Direct { multiplier, shift } => {
                lookup_hash::direct_slot(material, *multiplier, *shift)
            }
            Slots::Displaced {
                seed,
                bucket_shift,
                slot_shift,
                pilots,
            } => {
                let hash = lookup_hash::displaced_hash(material, *seed);
                let pilot = pilots
                    .get(lookup_hash::bucket(hash, *bucket_shift))
                    .copied()
                    .unwrap_or(0);
                lookup_hash::displaced_slot(hash, pilot, *bucket_shift, *slot_shift)
            }
        }
    }
}

impl LookupPlan {
    /// Finds `input` among `ids` the way the generated code does, for tests:
    /// the index of the matching id, or `None`.
    pub fn find(&self, ids: &[&str], input: &str) -> Option<usize> {
        let bytes = input.as_bytes();
        if bytes.len() < self.min_len || bytes.len() > self.max_len {
            return None;
        }
        match &self.scheme {
            Scheme::Hashed {
                material,
                slots,
                table,
            } => {
                let index = (*table.get(slots.of(material.of(bytes)))?)?;
                let id = *ids.get(index)?;
                let same = if self.max_len <= PADDED_MAX_LEN {
                    // The generated code's compare, on the row it emits:
                    // the length byte, then windows or words.
                    let layout = RowLayout::for_max_len(self.max_len);
                    let row = layout.row(id);
                    let (key, meta) = row.split_at(layout.key_width);
                    usize::from(*meta.first()?) == bytes.len()
                        && match (self.max_len <= WINDOWS_MAX_LEN, layout.stride) {
                            (true, 16) => {
                                lookup_hash::same_windows::<16>(bytes, row.first_chunk()?)
                            }
                            (true, _) => lookup_hash::same_windows::<32>(bytes, row.first_chunk()?),
                            (false, _) => same_padded(self.max_len.div_ceil(8).max(1), bytes, key),
                        }
                } else {
                    lookup_hash::same_bytes(bytes, id.as_bytes())
                };
                same.then_some(index)
            }
            Scheme::Sorted(order) => {
                let at = order
                    .binary_search_by(|&i| {
                        ids.get(i).map_or(&[][..], |id| id.as_bytes()).cmp(bytes)
                    })
                    .ok()?;
                order.get(at).copied()
            }
        }
    }

    /// A one-line description for the generated file's comment.
    pub fn describe(&self) -> String {
        let range = format!("ids of {}..={} bytes", self.min_len, self.max_len);
        match &self.scheme {
            Scheme::Sorted(order) => {
                format!("binary search over {} sorted ids ({range})", order.len())
            }
            Scheme::Hashed {
                material,
                slots,
                table,
            } => {
                let material = match material {
                    Material::Words(probes) => {
                        let probes: Vec<String> = probes
                            .iter()
                            .map(|p| {
                                format!(
                                    "{}{}",
                                    if p.from_end { "end-" } else { "start+" },
                                    p.offset
                                )
                            })
                            .collect();
                        format!("length ^ words at [{}]", probes.join(", "))
                    }
                    Material::Full { .. } => "a digest of every byte".to_owned(),
                };
                let slots = match slots {
                    Slots::Direct { .. } => format!("direct table of {} slots", table.len()),
                    Slots::Displaced { pilots, .. } => {
                        format!(
                            "displaced table of {} slots, {} one-byte pilots",
                            table.len(),
                            pilots.len()
                        )
                    }
                };
                format!("{material} -> {slots} ({range})")
            }
        }
    }
}

/// The rows of a padded table: the id padded with NULs to `key_width` bytes,
/// its length in the next byte, then NULs to `stride`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowLayout {
    /// Bytes before the length byte: whole words less one, at least as many
    /// as the longest id, and at least 8, because `same_padded` reads the
    /// key's first word even when every id is shorter (with 7, no id of a
    /// catalog of ids under 8 bytes was ever found).
    pub key_width: usize,
    /// Bytes from one row to the next: a power of two up to a cache line, so
    /// that with the table aligned to 64 no row straddles two lines (a probe
    /// at 10,000 events, whose table lives in L2, then waits for one line,
    /// not sometimes two).
    pub stride: usize,
}

impl RowLayout {
    /// The layout for ids of at most `max_len` bytes.
    pub fn for_max_len(max_len: usize) -> Self {
        let width = (8 * (max_len + 1).div_ceil(8)).max(16);
        let stride = if width <= 64 {
            width.next_power_of_two()
        } else {
            width
        };
        Self {
            key_width: width - 1,
            stride,
        }
    }

    /// The row of `id` ("" for an empty slot).
    pub fn row(&self, id: &str) -> Vec<u8> {
        let mut row = vec![0u8; self.stride];
        let id = id.as_bytes();
        if let Some(key) = row.get_mut(..id.len()) {
            key.copy_from_slice(id);
        }
        if let Some(len) = row.get_mut(self.key_width) {
            *len = id.len() as u8;
        }
        row
    }
}

/// [`lookup_hash::same_padded`] with the number of words known only at run time.
fn same_padded(words: usize, bytes: &[u8], key: &[u8]) -> bool {
    match words {
        1 => lookup_hash::same_padded::<1>(bytes, key),
        2 => lookup_hash::same_padded::<2>(bytes, key),
        3 => lookup_hash::same_padded::<3>(bytes, key),
        4 => lookup_hash::same_padded::<4>(bytes, key),
        5 => lookup_hash::same_padded::<5>(bytes, key),
        6 => lookup_hash::same_padded::<6>(bytes, key),
        7 => lookup_hash::same_padded::<7>(bytes, key),
        _ => lookup_hash::same_padded::<8>(bytes, key),
    }
}

/// Chooses the lookup for `ids` (distinct, as a validated catalog's are).
pub fn plan_lookup(ids: &[&str]) -> LookupPlan {
    plan_lookup_with(ids, &Limits::default())
}

/// [`plan_lookup`] with explicit search bounds.
pub fn plan_lookup_with(ids: &[&str], limits: &Limits) -> LookupPlan {
    let min_len = ids.iter().map(|id| id.len()).min().unwrap_or(0);
    let max_len = ids.iter().map(|id| id.len()).max().unwrap_or(0);
    let sorted = || {
        let mut order: Vec<usize> = (0..ids.len()).collect();
        order.sort_by(|&a, &b| ids.get(a).cmp(&ids.get(b)));
        Scheme::Sorted(order)
    };
    let scheme = choose_material(ids, min_len, limits)
        .and_then(|(material, materials)| {
            let (slots, table) = choose_slots(&materials, ids.len(), limits)?;
            Some(Scheme::Hashed {
                material,
                slots,
                table,
            })
        })
        .unwrap_or_else(sorted);
    LookupPlan {
        min_len,
        max_len,
        scheme,
    }
}

/// Probe sets in the order tried: fewest reads first, then the end of the id
/// (where ids sharing a category prefix differ) before its start.
fn probe_sets(min_len: usize, limit: usize) -> Vec<Vec<Probe>> {
    if min_len < 8 {
        return Vec::new();
    }
    let span = min_len - 8;
    let mut singles = Vec::new();
    for offset in 0..=span {
        singles.push((true, offset));
        singles.push((false, offset));
    }
    let probes = |picked: &[&(bool, usize)]| -> Vec<Probe> {
        picked
            .iter()
            .zip(PROBE_ROTATIONS)
            .map(|(&&(from_end, offset), rotate)| Probe {
                from_end,
                offset,
                rotate,
            })
            .collect()
    };
    // Built lazily and cut at `limit`: with every pair and triple built
    // first, one long id (100 KB) meant billions of sets, and the build hung.
    let singles = &singles;
    let pairs = singles
        .iter()
        .enumerate()
        .flat_map(|(i, a)| singles.iter().skip(i + 1).map(move |b| [a, b]));
    let triples = singles.iter().take(4).enumerate().flat_map(|(i, a)| {
        singles
            .iter()
            .enumerate()
            .skip(i + 1)
            .flat_map(move |(j, b)| singles.iter().skip(j + 1).map(move |c| [a, b, c]))
    });
    singles
        .iter()
        .map(|one| probes(&[one]))
        .chain(pairs.map(|pair| probes(&pair)))
        .chain(triples.map(|triple| probes(&triple)))
        .take(limit)
        .collect()
}

/// The cheapest material under which every id is distinct, with each id's value.
fn choose_material(ids: &[&str], min_len: usize, limits: &Limits) -> Option<(Material, Vec<u64>)> {
    let distinct = |material: &Material| -> Option<Vec<u64>> {
        let values: Vec<u64> = ids.iter().map(|id| material.of(id.as_bytes())).collect();
        let mut seen = HashSet::with_capacity(values.len());
        values.iter().all(|v| seen.insert(*v)).then_some(values)
    };
    for probes in probe_sets(min_len, limits.probe_sets) {
        let material = Material::Words(probes);
        if let Some(values) = distinct(&material) {
            return Some((material, values));
        }
    }
    (0..limits.full_seeds).find_map(|k| {
        let material = Material::Full { seed: seed(k) };
        distinct(&material).map(|values| (material, values))
    })
}

fn log2_ceil(n: usize) -> u32 {
    n.max(1).next_power_of_two().trailing_zeros()
}

/// A collision-free slot assignment for distinct `materials`.
fn choose_slots(
    materials: &[u64],
    n: usize,
    limits: &Limits,
) -> Option<(Slots, Vec<Option<usize>>)> {
    direct_slots(materials, limits).or_else(|| displaced_slots(materials, n, limits))
}

fn direct_slots(materials: &[u64], limits: &Limits) -> Option<(Slots, Vec<Option<usize>>)> {
    let first_bits = log2_ceil(materials.len());
    for bits in first_bits..=first_bits + 4 {
        let size = 1usize << bits;
        if size > limits.direct_max_slots {
            break;
        }
        let shift = 64 - bits.max(1);
        let mut table: Vec<Option<usize>> = vec![None; 1 << (64 - shift)];
        for k in 0..limits.direct_tries {
            let slots = Slots::Direct {
                multiplier: seed(k) | 1,
                shift,
            };
            table.iter_mut().for_each(|slot| *slot = None);
            let placed = materials.iter().enumerate().all(|(index, &material)| {
                match table.get_mut(slots.of(material)) {
                    Some(slot @ None) => {
                        *slot = Some(index);
                        true
                    }
                    _ => false,
                }
            });
            if placed {
                return Some((slots, table));
            }
        }
    }
    None
}

fn displaced_slots(
    materials: &[u64],
    n: usize,
    limits: &Limits,
) -> Option<(Slots, Vec<Option<usize>>)> {
    // Load factor at most 0.7, about three ids per bucket: room enough that a
    // one-byte pilot almost always finds free slots on the first seed.
    let mut slot_bits = log2_ceil(n).max(1);
    if n * 10 > 7 << slot_bits {
        slot_bits += 1;
    }
    let bucket_bits = log2_ceil(n.div_ceil(3)).max(1);
    for bits in slot_bits..=slot_bits + limits.displaced_doublings {
        for k in 0..limits.displaced_tries {
            if let Some(found) = try_displace(materials, seed(k), 64 - bucket_bits, 64 - bits) {
                return Some(found);
            }
        }
    }
    None
}

/// One attempt at a displaced table; buckets are placed largest first (ties
/// by bucket number, so the result is deterministic).
fn try_displace(
    materials: &[u64],
    seed: u64,
    bucket_shift: u32,
    slot_shift: u32,
) -> Option<(Slots, Vec<Option<usize>>)> {
    let hashes: Vec<u64> = materials
        .iter()
        .map(|&m| lookup_hash::displaced_hash(m, seed))
        .collect();
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); 1 << (64 - bucket_shift)];
    for (index, &hash) in hashes.iter().enumerate() {
        buckets
            .get_mut(lookup_hash::bucket(hash, bucket_shift))?
            .push(index);
    }
    let mut order: Vec<usize> = (0..buckets.len()).collect();
    order.sort_by_key(|&b| (std::cmp::Reverse(buckets.get(b).map_or(0, Vec::len)), b));

    let mut table: Vec<Option<usize>> = vec![None; 1 << (64 - slot_shift)];
    let mut pilots = vec![0u8; buckets.len()];
    let mut wanted = Vec::new();
    for bucket in order {
        let members = buckets.get(bucket)?;
        if members.is_empty() {
            continue;
        }
        let pilot = (0..=u8::MAX).find(|&pilot| {
            wanted.clear();
            members.iter().all(|&index| {
                let slot = hashes.get(index).map_or(usize::MAX, |&h| {
                    lookup_hash::displaced_slot(h, pilot, bucket_shift, slot_shift)
                });
                let free = matches!(table.get(slot), Some(None)) && !wanted.contains(&slot);
                wanted.push(slot);
                free
            })
        })?;
        for (&index, &slot) in members.iter().zip(&wanted) {
            *table.get_mut(slot)? = Some(index);
        }
        *pilots.get_mut(bucket)? = pilot;
    }
    Some((
        Slots::Displaced {
            seed,
            bucket_shift,
            slot_shift,
            pilots,
        },
        table,
    ))
}

/// Emits `    let Some({pattern}) = {expr} else { return None; };`, the
/// generated lookup's way out wherever a read could fail (none does for a
/// table the generator verified, and the bounds checks fold away).
fn emit_let_else(out: &mut String, pattern: &str, expr: &str) {
    let _ = writeln!(out, "    let Some({pattern}) = {expr} else {{");
    let _ = writeln!(out, "        return None;");
    let _ = writeln!(out, "    }};");
}

/// Emits `fn find_event_id(&str) -> Option<EventId>` and the tables it reads.
pub fn emit_lookup(out: &mut String, catalog: &Catalog) {
    emit_lookup_with(out, catalog, &Limits::default());
}

/// [`emit_lookup`] with explicit search bounds, so tests can compile every scheme.
pub fn emit_lookup_with(out: &mut String, catalog: &Catalog, limits: &Limits) {
    let ids: Vec<&str> = catalog.events.iter().map(|e| e.id.as_str()).collect();
    let plan = plan_lookup_with(&ids, limits);

    let _ = writeln!(
        out,
        "// Lookup (src/codegen/lookup.rs): {}.",
        plan.describe()
    );
    let _ = writeln!(out, "#[allow(dead_code, clippy::all)]");
    let _ = writeln!(out, "mod lookup_hash {{");
    out.push_str(LOOKUP_HASH_SOURCE);
    let _ = writeln!(out, "}}\n");

    let (min, max) = (plan.min_len, plan.max_len);
    let _ = writeln!(out, "#[inline]");
    let _ = writeln!(
        out,
        "pub(crate) fn find_event_id(id: &str) -> Option<EventId> {{"
    );
    let _ = writeln!(out, "    let bytes = id.as_bytes();");
    let _ = writeln!(out, "    if bytes.len() < {min} || bytes.len() > {max} {{");
    let _ = writeln!(out, "        return None;");
    let _ = writeln!(out, "    }}");
    match &plan.scheme {
        Scheme::Sorted(order) => {
            let _ = writeln!(
                out,
                "    match LOOKUP_SORTED.binary_search_by(|key| key.as_bytes().cmp(bytes)) {{"
            );
            let _ = writeln!(out, "        Ok(at) => LOOKUP_EVENTS.get(at).copied(),");
            let _ = writeln!(out, "        Err(_) => None,");
            let _ = writeln!(out, "    }}");
            let _ = writeln!(out, "}}\n");
            let _ = writeln!(out, "/// The ids in byte order.");
            let _ = writeln!(out, "static LOOKUP_SORTED: [&str; {}] = [", order.len());
            for &index in order {
                let id = ids.get(index).copied().unwrap_or_default();
                let _ = writeln!(out, "    {id:?},");
            }
            let _ = writeln!(out, "];\n");
            let _ = writeln!(out, "/// The event of each id of `LOOKUP_SORTED`.");
            emit_events_at(out, "LOOKUP_EVENTS", order);
        }
        Scheme::Hashed {
            material,
            slots,
            table,
        } => {
            match material {
                Material::Words(probes) => {
                    let _ = write!(out, "    let material = bytes.len() as u64");
                    for p in probes {
                        let _ = write!(
                            out,
                            "\n        ^ lookup_hash::probe(bytes, {}, {}, {})",
                            p.from_end, p.offset, p.rotate
                        );
                    }
                    let _ = writeln!(out, ";");
                }
                Material::Full { seed } => {
                    let _ = writeln!(
                        out,
                        "    let material = lookup_hash::full(bytes, {seed:#x});"
                    );
                }
            }
            match slots {
                Slots::Direct { multiplier, shift } => {
                    let _ = writeln!(
                        out,
                        "    let slot = lookup_hash::direct_slot(material, {multiplier:#x}, {shift});"
                    );
                }
                Slots::Displaced {
                    seed,
                    bucket_shift,
                    slot_shift,
                    ..
                } => {
                    let _ = writeln!(
                        out,
                        "    let hash = lookup_hash::displaced_hash(material, {seed:#x});"
                    );
                    emit_let_else(
                        out,
                        "&pilot",
                        &format!("LOOKUP_PILOTS.get(lookup_hash::bucket(hash, {bucket_shift}))"),
                    );
                    let _ = writeln!(
                        out,
                        "    let slot = lookup_hash::displaced_slot(hash, pilot, {bucket_shift}, {slot_shift});"
                    );
                }
            }
            let padded = max <= PADDED_MAX_LEN;
            let words = max.div_ceil(8).max(1);
            let layout = RowLayout::for_max_len(max);
            let RowLayout { key_width, stride } = layout;
            let total = stride * table.len();
            // The id in each slot; "" for an empty one (no id is empty, so
            // its row or key never matches).
            let slot_id = |slot: &Option<usize>| {
                slot.and_then(|index| ids.get(index).copied())
                    .unwrap_or_default()
            };
            // `&`, not `&&`, in the compares: no early exit in the source;
            // LLVM decides how to branch (a forced select measured slower).
            if max <= WINDOWS_MAX_LEN {
                emit_let_else(
                    out,
                    "row",
                    &format!(
                        "LOOKUP_TABLE.0.get(slot * {stride}..).and_then(<[u8]>::first_chunk::<{stride}>)"
                    ),
                );
                emit_let_else(out, "&len", &format!("row.get({key_width})"));
                let _ = writeln!(
                    out,
                    "    if (usize::from(len) == bytes.len()) & lookup_hash::same_windows(bytes, row) {{"
                );
            } else if padded {
                emit_let_else(
                    out,
                    "row",
                    &format!("LOOKUP_TABLE.0.get(slot * {stride}..slot * {stride} + {stride})"),
                );
                let _ = writeln!(out, "    let (key, meta) = row.split_at({key_width});");
                emit_let_else(out, "&len", "meta.first()");
                let _ = writeln!(
                    out,
                    "    if (usize::from(len) == bytes.len()) & lookup_hash::same_padded::<{words}>(bytes, key) {{"
                );
            } else {
                emit_let_else(out, "key", "LOOKUP_KEYS.get(slot)");
                let _ = writeln!(
                    out,
                    "    if lookup_hash::same_bytes(bytes, key.as_bytes()) {{"
                );
            }
            let _ = writeln!(out, "        LOOKUP_EVENTS.get(slot).copied()");
            let _ = writeln!(out, "    }} else {{");
            let _ = writeln!(out, "        None");
            let _ = writeln!(out, "    }}");
            let _ = writeln!(out, "}}\n");

            if let Slots::Displaced { pilots, .. } = slots {
                let _ = writeln!(out, "static LOOKUP_PILOTS: [u8; {}] = [", pilots.len());
                for row in pilots.chunks(32) {
                    let row: Vec<String> = row.iter().map(u8::to_string).collect();
                    let _ = writeln!(out, "    {},", row.join(", "));
                }
                let _ = writeln!(out, "];\n");
            }
            // A slot holds its id, so a probe reads one row. An empty slot has
            // length 0 (no id is empty), so it never matches.
            if padded {
                // The keys are one string literal, not an array of structs:
                // the compiler reads it in no time, where type-checking one
                // `const fn` call per slot cost over a second at 10,000
                // events. Every byte is ASCII (ids are
                // [a-z0-9_.], lengths at most 64), so it is valid UTF-8.
                let _ = writeln!(
                    out,
                    "/// {} slots of {stride} bytes: the id padded with NULs to {key_width} bytes, its length, then NULs.",
                    table.len()
                );
                let _ = writeln!(out, "#[repr(C, align(64))]");
                let _ = writeln!(out, "struct LookupTable([u8; {total}]);\n");
                let _ = writeln!(
                    out,
                    "static LOOKUP_TABLE: LookupTable = LookupTable(match concat!("
                );
                for slot in table {
                    let row = layout.row(slot_id(slot));
                    let _ = writeln!(out, "    {:?},", String::from_utf8_lossy(&row));
                }
                let _ = writeln!(out, ")");
                let _ = writeln!(out, ".as_bytes()");
                let _ = writeln!(out, ".first_chunk::<{total}>()");
                let _ = writeln!(out, "{{");
                let _ = writeln!(out, "    Some(bytes) => *bytes,");
                let _ = writeln!(out, "    None => [0; {total}],");
                let _ = writeln!(out, "}});\n");
            } else {
                let _ = writeln!(out, "/// The id in each slot (\"\" for an empty slot).");
                let _ = writeln!(out, "static LOOKUP_KEYS: [&str; {}] = [", table.len());
                for slot in table {
                    let _ = writeln!(out, "    {:?},", slot_id(slot));
                }
                let _ = writeln!(out, "];\n");
            }
            // Indexes, not `EventId::…` paths: see `emit_events_at`.
            let _ = writeln!(
                out,
                "/// The event in each slot (the first, for an empty slot)."
            );
            let indexes: Vec<usize> = table.iter().map(|slot| slot.unwrap_or(0)).collect();
            emit_events_at(out, "LOOKUP_EVENTS", &indexes);
        }
    }
}

/// `static NAME: [EventId; N]`, the events at `indexes` (into `ALL_EVENTS`),
/// built by a `const` loop rather than written as paths, so that
/// `ALL_EVENTS` holds the only list of `EventId::…` paths (rustc finds the
/// variant of each path by a search through the enum's variants). Each event
/// stored still costs const evaluation a walk to its variant (see
/// `emit_events_by_category` in emit.rs): at 10,000 events, about 0.2 s a
/// table. Used for the slot table here and, by `emit`, for the events of
/// each category when the catalog does not group them.
pub fn emit_events_at(out: &mut String, name: &str, indexes: &[usize]) {
    let len = indexes.len();
    let rows: Vec<String> = indexes
        .chunks(16)
        .map(|chunk| {
            let chunk: Vec<String> = chunk.iter().map(usize::to_string).collect();
            format!("        {},\n", chunk.join(", "))
        })
        .collect();
    // The loop reads `INDEXES` through one reference: indexing the `const`
    // itself would have const evaluation copy the whole array on every turn.
    let _ = write!(
        out,
        r#"static {name}: [EventId; {len}] = {{
    const INDEXES: [u32; {len}] = [
{rows}    ];
    let indexes = &INDEXES;
    let mut events = [ALL_EVENTS[0]; {len}];
    let mut i = 0;
    while i < {len} {{
        events[i] = ALL_EVENTS[indexes[i] as usize];
        i += 1;
    }}
    events
}};

"#,
        rows = rows.concat()
    );
}
