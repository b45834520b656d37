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

/// Prefixes that turn a word into its opposite. A suggestion must not add or
/// drop one: `prospect.unqualified`, an id of Kakiyo's live-delivery
/// vocabulary, is no typo of `prospect.qualified` but its opposite, and
/// `prospect.qualifed` must not be answered with `prospect.unqualified`.
const NEGATIONS: [&[u8]; 6] = [b"un", b"non", b"not", b"dis", b"in", b"de"];

/// The length of the negation (its prefix, and a separator after it) that
/// the word starting at `at` in `text` begins with, if any.
fn negation_at(text: &[u8], at: usize) -> Option<usize> {
    let word = text.get(at..)?;
    NEGATIONS.iter().find_map(|prefix| {
        let head = word.get(..prefix.len())?;
        let same = head.iter().zip(prefix.iter()).all(|(&a, &b)| fold(a) == b);
        let rest = word.get(prefix.len()..)?;
        match rest.first().map(|&b| fold(b)) {
            _ if !same => None,
            // The prefix alone is a word: nothing to negate.
            None => None,
            Some(b'.') if rest.len() > 1 => Some(prefix.len() + 1),
            Some(b'.') => None,
            Some(_) => Some(prefix.len()),
        }
    })
}

/// Where each word of `text` starts (words are split by any separator
/// [`fold`] turns into `.`), with its index.
fn word_starts(text: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    (0..text.len())
        .filter(|&at| at == 0 || text.get(at - 1).is_some_and(|&b| fold(b) == b'.'))
        .enumerate()
}

/// How many negations the word numbered `word` of `text` begins with (`un`
/// in `unqualified`: 1; `un` and `dis` in `undisqualified`: 2).
fn negations_of_word(text: &[u8], word: usize) -> usize {
    let Some((_, mut at)) = word_starts(text).find(|&(index, _)| index == word) else {
        return 0;
    };
    let mut count = 0;
    while let Some(cut) = negation_at(text, at) {
        count += 1;
        at += cut;
    }
    count
}

/// Whether `negated` has a negation at the start of one of its words, such
/// that without it `negated` is nearer to `other` than `apart` (their
/// distance), while the same word of `other` has another number of them: then
/// `other` means the opposite.
fn drops_negation(negated: &[u8], other: &[u8], apart: usize) -> bool {
    // Equal texts: nothing to drop.
    let Some(nearer) = apart.checked_sub(1) else {
        return false;
    };
    word_starts(negated).any(|(word, at)| {
        let Some(cut) = negation_at(negated, at) else {
            return false;
        };
        // `negated` without its negation, on the stack.
        let (Some(head), Some(tail)) = (negated.get(..at), negated.get(at + cut..)) else {
            return false;
        };
        let mut buffer = [0u8; MAX_INPUT];
        let len = head.len() + tail.len();
        let Some(without) = buffer.get_mut(..len) else {
            return false;
        };
        let (start, end) = without.split_at_mut(head.len());
        start.copy_from_slice(head);
        end.copy_from_slice(tail);
        distance(without, other, nearer).is_some()
            && negations_of_word(other, word) != negations_of_word(negated, word)
    })
}

/// Whether `input` and `candidate`, `apart` edits apart (their
/// [`distance`]), differ by a negation: one of them has one at the start of a
/// word where the other has none, and dropping it brings them nearer
/// (`qualified` / `unqualified`, `read` / `not_read`, `connected` /
/// `disconnected`). Swapping one negation for another (`unqualified` /
/// `disqualified`) keeps the meaning, and a typo inside a word that merely
/// starts like one (`invtation` / `invitation`) is still a typo.
fn flips_negation(input: &[u8], candidate: &[u8], apart: usize) -> bool {
    drops_negation(input, candidate, apart) || drops_negation(candidate, input, apart)
}

/// The index of the candidate nearest to `input`, if one is within
/// [`allowed_edits`] and does not merely add or drop a negation
/// ([`flips_negation`]). Ties go to the earlier candidate, so the answer is
/// stable.
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
            if best.is_none_or(|(_, best_d)| d < best_d)
                && !flips_negation(input.as_bytes(), candidate.as_bytes(), d)
            {
                best = Some((index, d));
            }
        }
    }
    best.map(|(index, _)| index)
}

#[cfg(test)]
mod tests {
    // The crate may be `no_std`; the test harness always has `alloc`.
    extern crate alloc;

    use alloc::format;

    use super::{MAX_INPUT, distance, flips_negation, nearest};

    fn flips(a: &[u8], b: &[u8]) -> bool {
        distance(a, b, MAX_INPUT).is_some_and(|d| flips_negation(a, b, d))
    }

    /// Ties go to the earlier candidate, whatever the order of the rest: on
    /// the real catalog `campaign.pasumed` is two edits from both
    /// `campaign.paused` and `campaign.resumed`.
    #[test]
    fn a_tie_goes_to_the_earlier_candidate() {
        let ids = ["campaign.paused", "campaign.resumed"];
        assert_eq!(
            distance(b"campaign.pasumed", b"campaign.paused", 3),
            Some(2)
        );
        assert_eq!(
            distance(b"campaign.pasumed", b"campaign.resumed", 3),
            Some(2)
        );
        assert_eq!(nearest("campaign.pasumed", ids), Some(0));
        assert_eq!(nearest("campaign.pasumed", [ids[1], ids[0]]), Some(0));
        // A nearer candidate after the tie still wins.
        assert_eq!(
            nearest("campaign.pasumed", [ids[0], ids[1], "campaign.pasumed"]),
            Some(2)
        );
    }

    /// `MAX_INPUT` bytes still get a suggestion; one more byte gets none.
    #[test]
    fn inputs_up_to_max_input_get_a_suggestion() {
        let id = "a".repeat(MAX_INPUT - 1);
        let at_limit = format!("{id}b");
        assert_eq!(at_limit.len(), MAX_INPUT);
        assert_eq!(nearest(&at_limit, [id.as_str()]), Some(0));
        let past_limit = format!("{at_limit}c");
        assert_eq!(nearest(&past_limit, [at_limit.as_str()]), None);
    }

    /// Adding or dropping a negation is no typo, in either direction, with or
    /// without a separator, even beside a typo; swapping one negation for
    /// another, and typos in words that merely start like one, still are.
    #[test]
    fn a_negation_is_never_suggested() {
        let team = ["prospect.unqualified", "linkedin.message.sent"];
        assert_eq!(nearest("prospect.qualified", team), None);
        assert_eq!(nearest("prospect.qualifed", team), None);
        assert_eq!(nearest("prospect.unqualifed", team), Some(0));
        assert_eq!(
            nearest("prospect.unqualified", ["prospect.qualified"]),
            None
        );
        assert_eq!(
            nearest("prospect.unqualified", ["prospect.disqualified"]),
            Some(0)
        );
        assert_eq!(
            nearest("connection.connected", ["connection.disconnected"]),
            None
        );
        assert_eq!(nearest("message.not_read", ["message.read"]), None);
        assert_eq!(nearest("message.Not-Read", ["message.read"]), None);
        assert_eq!(nearest("agent.active", ["agent.inactive"]), None);
        assert_eq!(nearest("invtation.sent", ["invitation.sent"]), Some(0));
        assert_eq!(nearest("nivitation.sent", ["invitation.sent"]), Some(0));
        assert_eq!(nearest("campaign.delted", ["campaign.deleted"]), Some(0));
        assert_eq!(
            nearest("prospect.xxqualified", ["prospect.qualified"]),
            Some(0)
        );

        assert!(flips(b"prospect.qualified", b"prospect.unqualified"));
        assert!(flips(b"unqualified", b"qualified"));
        assert!(flips(b"PROSPECT.UNQUALIFIED", b"prospect_qualified"));
        assert!(!flips(b"prospect.qualified", b"prospect.qualified"));
        assert!(!flips(b"un", b""));
        assert!(!flips(b"", b""));
    }
}
