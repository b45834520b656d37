// The input streams of the lookup benchmarks, in one place.
//
// Loaded through `#[path]` by benches/lookup.rs (criterion) and by the timing
// probe that scripts/bench-scale writes, so that both time the same inputs.
// It needs only `std`.

/// Lookups per iteration: a stream no branch predictor can learn, as the ids
/// a server receives are not in a repeating order.
pub const STREAM: usize = 4096;

/// A fixed pseudo-random sequence (a 64-bit LCG): the same stream every run.
pub struct Lcg(pub u64);

impl Lcg {
    /// A number in `0..=max`.
    pub fn below_or(&mut self, max: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % (max as u64 + 1)) as usize
    }

    /// A Fisher–Yates shuffle driven by this sequence.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below_or(i));
        }
    }
}

/// Each id (a hit) and each id + "x" (a near miss), in that order.
fn hits_and_near_misses<'a>(ids: &'a [&str]) -> impl Iterator<Item = String> + 'a {
    ids.iter()
        .flat_map(|id| [(*id).to_owned(), format!("{id}x")])
}

/// Each id and each id + "x", once, shuffled.
pub fn every_id(ids: &[&str]) -> Vec<String> {
    let mut inputs: Vec<String> = hits_and_near_misses(ids).collect();
    Lcg(0x5EED).shuffle(&mut inputs);
    inputs
}

/// [`STREAM`] inputs, half hits and half near misses, shuffled: every id the
/// same number of times when the catalog is small; [`STREAM`] / 2 ids picked
/// with a fixed seed when it is large.
pub fn inputs(ids: &[&str]) -> Vec<String> {
    let mut rng = Lcg(0x5EED);
    let mut picked: Vec<&str> = ids.to_vec();
    if picked.len() > STREAM / 2 {
        rng.shuffle(&mut picked);
        picked.truncate(STREAM / 2);
    }
    let copies = STREAM.div_ceil(2 * picked.len());
    let mut inputs: Vec<String> = (0..copies)
        .flat_map(|_| hits_and_near_misses(&picked))
        .collect();
    rng.shuffle(&mut inputs);
    inputs
}
