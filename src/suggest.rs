//! Near-miss matching for "did you mean …?" suggestions.
//!
//! Pure, allocation-free and `no_std`: the library uses it for unknown event ids
//! and categories, and the generator (which loads this file through `#[path]`)
//! uses it for unknown catalog fields. All work is bounded by [`MAX_INPUT`], so a
//! huge input costs nothing.

/// Inputs longer than this (in bytes) never get a suggestion.
pub const MAX_INPUT: usize = 64;

/// Folds a byte for comparison: ASCII case is ignored and every separator a
/// person might type for `.` or `_` (`.`, `_`, `-`, space, `/`, `:`) becomes `.`.
const fn fold(byte: u8) -> u8 {
    match byte {
        b'.' | b'_' | b'-' | b' ' | b'/' | b':' => b'.',
        _ => byte.to_ascii_lowercase(),
    }
}

/// How many edits a suggestion may be away, for an input of `len` bytes.
///
/// Short inputs get one edit, so that `foo` matches nothing; longer ones get
/// one more per eight bytes, capped at three.
pub const fn allowed_edits(len: usize) -> usize {
    let edits = 1 + len / 8;
    if edits > 3 { 3 } else { edits }
}

/// The optimal-string-alignment distance (Levenshtein plus adjacent
/// transpositions) between `input` and `candidate`, compared folded, or `None`
/// when it exceeds `max` or either side is longer than [`MAX_INPUT`].
pub fn distance(input: &[u8], candidate: &[u8], max: usize) -> Option<usize> {
    if input.len() > MAX_INPUT || candidate.len() > MAX_INPUT {
        return None;
    }
    if input.len().abs_diff(candidate.len()) > max {
        return None;
    }
    // Three rolling rows of the dynamic-programming table, on the stack.
    let mut before = [0usize; MAX_INPUT + 1];
    let mut previous = [0usize; MAX_INPUT + 1];
    let mut current = [0usize; MAX_INPUT + 1];
    for (j, cell) in previous.iter_mut().enumerate().take(candidate.len() + 1) {
        *cell = j;
    }
    for (i, &a) in input.iter().enumerate() {
        current[0] = i + 1;
        let mut row_min = current[0];
        for (j, &b) in candidate.iter().enumerate() {
            let substitution = previous[j] + usize::from(fold(a) != fold(b));
            let mut best = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
            if i > 0 && j > 0 {
                let swapped = fold(a) == fold(candidate[j - 1]) && fold(input[i - 1]) == fold(b);
                if swapped {
                    best = best.min(before[j - 1] + 1);
                }
            }
            current[j + 1] = best;
            row_min = row_min.min(best);
        }
        if row_min > max {
            return None;
        }
        before = previous;
        previous = current;
    }
    let total = previous[candidate.len()];
    (total <= max).then_some(total)
}

/// The index of the candidate nearest to `input`, if one is within
/// [`allowed_edits`]. Ties go to the earlier candidate, so the answer is stable.
pub fn nearest<'a, I>(input: &str, candidates: I) -> Option<usize>
where
    I: IntoIterator<Item = &'a str>,
{
    if input.is_empty() || input.len() > MAX_INPUT {
        return None;
    }
    let max = allowed_edits(input.len());
    let mut best: Option<(usize, usize)> = None;
    for (index, candidate) in candidates.into_iter().enumerate() {
        let limit = best.map_or(max, |(_, d)| d.saturating_sub(1));
        if let Some(d) = distance(input.as_bytes(), candidate.as_bytes(), limit) {
            if best.is_none_or(|(_, best_d)| d < best_d) {
                best = Some((index, d));
            }
        }
    }
    best.map(|(index, _)| index)
}
