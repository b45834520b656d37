//! The errors for ids and categories that are not in the catalog.

use core::fmt;

use crate::bounded::BoundedInput;
use crate::{Category, EventId, suggest};

/// An event id that is not in the catalog, with a "did you mean" when one is close.
///
/// It keeps the input, or only its first 64 bytes when it is longer, inline:
/// making one never allocates and never copies a huge input. The suggestion is
/// worked out only when asked for, so a failed parse costs no more than the lookup.
///
/// Equality and hashing see what the error holds: the kept bytes and the
/// input's length. Two inputs longer than 64 bytes that share their first 64
/// bytes and their length give equal errors, though the inputs differ.
///
/// # Example
/// ```
/// use kakiyo_events::EventId;
///
/// let err = "prospect.qualifed".parse::<EventId>().unwrap_err();
/// assert_eq!(err.input(), "prospect.qualifed");
/// assert_eq!(err.suggestion(), Some(EventId::ProspectQualified));
/// assert_eq!(
///     err.to_string(),
///     r#"unknown event id "prospect.qualifed"; did you mean "prospect.qualified"?"#
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnknownEventId {
    input: BoundedInput,
}

impl UnknownEventId {
    #[inline]
    pub(crate) fn new(input: &str) -> Self {
        Self {
            input: BoundedInput::new(input),
        }
    }

    /// The id as given, or its first 64 bytes (cut at a char boundary) when it was longer.
    ///
    /// # Example
    /// ```
    /// let long = "x".repeat(1000);
    /// let err = long.parse::<kakiyo_events::EventId>().unwrap_err();
    /// assert_eq!(err.input().len(), 64);
    /// assert!(err.is_truncated());
    /// assert_eq!(err.input_len(), 1000);
    /// ```
    #[must_use]
    pub fn input(&self) -> &str {
        self.input.as_str()
    }

    /// The length in bytes of the whole input, even when only a prefix is kept.
    #[must_use]
    pub fn input_len(&self) -> usize {
        self.input.len()
    }

    /// Whether [`input`](Self::input) is only a prefix of what was given.
    #[must_use]
    pub fn is_truncated(&self) -> bool {
        self.input.is_truncated()
    }

    /// The catalog id nearest to the input, when it is close: a typo, a case
    /// slip (`Prospect.Qualified`) or a separator slip (`prospect-qualified`).
    /// Nonsense and inputs over 64 bytes get none.
    ///
    /// # Example
    /// ```
    /// use kakiyo_events::EventId;
    ///
    /// let suggest = |s: &str| s.parse::<EventId>().unwrap_err().suggestion();
    /// assert_eq!(suggest("Prospect.Qualified"), Some(EventId::ProspectQualified));
    /// assert_eq!(suggest("agent-status-changed"), Some(EventId::AgentStatusChanged));
    /// assert_eq!(suggest("foo"), None);
    /// ```
    #[must_use]
    pub fn suggestion(&self) -> Option<EventId> {
        nearest(&self.input, EventId::ALL, EventId::as_str)
    }
}

impl fmt::Display for UnknownEventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let suggestion = self.suggestion().map(EventId::as_str);
        write_unknown(f, "event id", &self.input, suggestion)
    }
}

impl core::error::Error for UnknownEventId {}

/// A category that is not in the catalog, with a "did you mean" when one is close.
///
/// Bounded like [`UnknownEventId`]: it keeps at most 64 bytes of the input.
///
/// # Example
/// ```
/// use kakiyo_events::Category;
///
/// let err = "prospects".parse::<Category>().unwrap_err();
/// assert_eq!(err.input(), "prospects");
/// assert_eq!(err.suggestion(), Some(Category::Prospect));
/// assert_eq!(
///     err.to_string(),
///     r#"unknown category "prospects"; did you mean "prospect"?"#
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnknownCategory {
    input: BoundedInput,
}

impl UnknownCategory {
    #[inline]
    pub(crate) fn new(input: &str) -> Self {
        Self {
            input: BoundedInput::new(input),
        }
    }

    /// The category as given, or its first 64 bytes when it was longer.
    #[must_use]
    pub fn input(&self) -> &str {
        self.input.as_str()
    }

    /// The length in bytes of the whole input.
    #[must_use]
    pub fn input_len(&self) -> usize {
        self.input.len()
    }

    /// Whether [`input`](Self::input) is only a prefix of what was given.
    #[must_use]
    pub fn is_truncated(&self) -> bool {
        self.input.is_truncated()
    }

    /// The nearest category, when it is close.
    #[must_use]
    pub fn suggestion(&self) -> Option<Category> {
        nearest(&self.input, Category::ALL, Category::as_str)
    }
}

impl fmt::Display for UnknownCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let suggestion = self.suggestion().map(Category::as_str);
        write_unknown(f, "category", &self.input, suggestion)
    }
}

impl core::error::Error for UnknownCategory {}

/// The member of `all` whose name is nearest to `input`, when it is close; none
/// for an input too long to have been kept whole.
fn nearest<T: Copy>(input: &BoundedInput, all: &[T], name: fn(T) -> &'static str) -> Option<T> {
    if input.is_truncated() {
        return None;
    }
    let index = suggest::nearest(input.as_str(), all.iter().map(|&item| name(item)))?;
    all.get(index).copied()
}

/// `unknown {what} "input"`, then `; did you mean "…"?` when there is a suggestion.
fn write_unknown(
    f: &mut fmt::Formatter<'_>,
    what: &str,
    input: &BoundedInput,
    suggestion: Option<&str>,
) -> fmt::Result {
    write!(f, "unknown {what} {input}")?;
    if let Some(suggestion) = suggestion {
        write!(f, "; did you mean \"{suggestion}\"?")?;
    }
    Ok(())
}
