//! [`validate`]: checking a list of ids at once, as a webhook's `events` list.

use alloc::vec::Vec;
use core::fmt::{self, Write as _};

use crate::escape::{EscapedId, needs_escape_in_id};
use crate::{EventId, UnknownEventId};

/// Checks every id and returns them, in input order, as [`EventId`]s; or
/// every invalid one, with its position.
///
/// `"*"`, which a webhook's `events` list may hold to mean every event, is
/// not an event id, so it is invalid here; `webhook::Subscription::parse`
/// (feature `webhook`) reads such lists, wildcard included.
///
/// # Example
/// ```
/// use kakiyo_events::{EventId, validate};
///
/// let ids = validate(["prospect.qualified", "message.sent"]).unwrap();
/// assert_eq!(ids, [EventId::ProspectQualified, EventId::MessageSent]);
///
/// let err = validate(["foo", "message.sent", "prospect.qualifed"]).unwrap_err();
/// assert_eq!(err.len(), 2);
/// assert_eq!(err.iter().map(|(i, _)| i).collect::<Vec<_>>(), [0, 2]);
/// assert_eq!(
///     err.to_string(),
///     "Invalid event IDs: foo, prospect.qualifed (did you mean prospect.qualified?)"
/// );
/// ```
pub fn validate<I, S>(ids: I) -> Result<Vec<EventId>, InvalidEventIds>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut valid = Vec::new();
    let mut invalid = Vec::new();
    for (index, id) in ids.into_iter().enumerate() {
        match id.as_ref().parse::<EventId>() {
            Ok(id) => valid.push(id),
            Err(unknown) => invalid.push((index, unknown)),
        }
    }
    if invalid.is_empty() {
        Ok(valid)
    } else {
        Err(InvalidEventIds { invalid })
    }
}

/// The ids [`validate`] rejected, each with its 0-based position in the input.
///
/// Its `Display` matches the message of the API reference's own check:
/// `Invalid event IDs: foo, prospect.qualifed (did you mean prospect.qualified?)`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct InvalidEventIds {
    invalid: Vec<(usize, UnknownEventId)>,
}

impl InvalidEventIds {
    /// For other list readers (the webhook `Subscription`) that must report
    /// bad ids exactly as `validate` does. `invalid` is never empty.
    #[cfg(feature = "webhook")]
    pub(crate) fn from_invalid(invalid: Vec<(usize, UnknownEventId)>) -> Self {
        Self { invalid }
    }

    /// Each invalid id with its 0-based index in the input, in input order.
    ///
    /// # Example
    /// ```
    /// let err = kakiyo_events::validate(["message.sent", "nope"]).unwrap_err();
    /// let (index, unknown) = err.iter().next().unwrap();
    /// assert_eq!((index, unknown.input()), (1, "nope"));
    /// ```
    #[must_use]
    pub fn iter(&self) -> InvalidEventIdsIter<'_> {
        InvalidEventIdsIter {
            inner: self.invalid.iter(),
        }
    }

    /// How many ids were invalid (never zero).
    #[must_use]
    pub fn len(&self) -> usize {
        self.invalid.len()
    }

    /// Always `false`: an error has at least one invalid id. Here for clippy's `len_without_is_empty`.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.invalid.is_empty()
    }
}

/// `for (index, unknown) in &err`: the same as [`InvalidEventIds::iter`].
///
/// # Example
/// ```
/// let err = kakiyo_events::validate(["nope", "message.sent", "nada"]).unwrap_err();
/// let mut indexes = Vec::new();
/// for (index, _unknown) in &err {
///     indexes.push(index);
/// }
/// assert_eq!(indexes, [0, 2]);
/// ```
impl<'a> IntoIterator for &'a InvalidEventIds {
    type Item = (usize, &'a UnknownEventId);
    type IntoIter = InvalidEventIdsIter<'a>;

    fn into_iter(self) -> InvalidEventIdsIter<'a> {
        self.iter()
    }
}

/// The invalid ids of an [`InvalidEventIds`], each with its 0-based index in
/// the input, in input order: from [`InvalidEventIds::iter`].
///
/// # Example
/// ```
/// let err = kakiyo_events::validate(["a", "b", "message.sent", "c"]).unwrap_err();
/// let last = err.iter().rev().next().unwrap();
/// assert_eq!((last.0, last.1.input()), (3, "c"));
/// assert_eq!(err.iter().len(), 3);
/// ```
#[derive(Clone, Debug)]
pub struct InvalidEventIdsIter<'a> {
    inner: core::slice::Iter<'a, (usize, UnknownEventId)>,
}

impl<'a> Iterator for InvalidEventIdsIter<'a> {
    type Item = (usize, &'a UnknownEventId);

    fn next(&mut self) -> Option<Self::Item> {
        self.inner.next().map(|(index, unknown)| (*index, unknown))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl DoubleEndedIterator for InvalidEventIdsIter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.inner
            .next_back()
            .map(|(index, unknown)| (*index, unknown))
    }
}

impl ExactSizeIterator for InvalidEventIdsIter<'_> {}

impl core::iter::FusedIterator for InvalidEventIdsIter<'_> {}

impl fmt::Display for InvalidEventIds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Invalid event IDs: ")?;
        for (n, (_, unknown)) in self.invalid.iter().enumerate() {
            if n > 0 {
                f.write_str(", ")?;
            }
            write_id(f, unknown.input())?;
            if unknown.is_truncated() {
                write!(f, "… ({} bytes)", unknown.input_len())?;
            }
            if let Some(suggestion) = unknown.suggestion() {
                write!(f, " (did you mean {suggestion}?)")?;
            }
        }
        Ok(())
    }
}

impl core::error::Error for InvalidEventIds {}

/// One rejected id as the API's wording shows it: as it is, when it is plain.
/// An id that would make the list ambiguous is quoted instead, with `"` and
/// `\` escaped: an empty one would vanish between two commas, and one holding
/// `, `, a parenthesis or a space could read as several ids or as a
/// suggestion. A control or bidi character, which could forge a log line or
/// drive a terminal, is escaped either way (and quotes the id), and so is
/// any other character that `{:?}` would escape (`UnknownEventId`'s message
/// is written that way): a zero-width joiner, a variation selector or a
/// combining mark would make a rejected id look like a real one.
fn write_id(f: &mut fmt::Formatter<'_>, id: &str) -> fmt::Result {
    let ambiguous = |c: char| {
        matches!(c, ',' | '(' | ')' | '"' | '\\') || c.is_whitespace() || needs_escape_in_id(c)
    };
    if !id.is_empty() && !id.contains(ambiguous) {
        return f.write_str(id);
    }
    f.write_char('"')?;
    let mut rest = id;
    while let Some(at) = rest.find(['"', '\\']) {
        let (plain, tail) = rest.split_at(at);
        write!(f, "{}", EscapedId(plain))?;
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            write!(f, "\\{c}")?;
        }
        rest = chars.as_str();
    }
    write!(f, "{}", EscapedId(rest))?;
    f.write_char('"')
}
