//! [`AnyEventId`]: an id from a webhook that may be newer than this catalog.

use alloc::string::String;
use core::cmp::Ordering;
use core::convert::Infallible;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::str::FromStr;

use crate::{EventId, UnknownEventId};

/// An event id as received: one the catalog knows, or one it does not (yet).
///
/// Kakiyo can add events at any time, and its live deliveries use ids the
/// test catalog does not list (`linkedin.message.received`). Parse incoming
/// ids into this and nothing is lost: an unknown id keeps its exact text and
/// serializes back unchanged.
///
/// # Example
/// ```
/// use kakiyo_events::{AnyEventId, EventId};
///
/// let known: AnyEventId = "message.sent".parse().unwrap();
/// assert_eq!(known.known(), Some(EventId::MessageSent));
///
/// let unknown: AnyEventId = "linkedin.message.received".parse().unwrap();
/// assert_eq!(unknown.known(), None);
/// assert_eq!(unknown.as_str(), "linkedin.message.received");
/// ```
///
/// Two `AnyEventId`s are equal, hash alike and order alike when their text is
/// the same, whichever variant holds it: parsing and the `From` impls always
/// give `Known` for a catalog id, but the variants are public, and an
/// `Unknown("message.sent")` built by hand is still `message.sent`.
/// Catalog ids order first, in catalog order, then the others by their text.
///
/// ```
/// use kakiyo_events::{AnyEventId, EventId};
///
/// let by_hand = AnyEventId::Unknown("message.sent".into());
/// assert_eq!(by_hand, AnyEventId::Known(EventId::MessageSent));
/// assert_eq!(by_hand.known(), Some(EventId::MessageSent));
/// ```
#[derive(Clone, Debug)]
pub enum AnyEventId {
    /// An id of the compiled catalog.
    Known(EventId),
    /// Any other id, exactly as received. (One of the catalog's, put here by
    /// hand, still counts as that event: see [`known`](Self::known).)
    Unknown(String),
}

impl AnyEventId {
    /// The catalog event, if the id is one (also when an `Unknown` holds it).
    #[must_use]
    pub fn known(&self) -> Option<EventId> {
        match self {
            Self::Known(id) => Some(*id),
            Self::Unknown(id) => EventId::find(id),
        }
    }

    /// The id's text, exactly as received.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            Self::Known(id) => id.as_str(),
            Self::Unknown(id) => id,
        }
    }
}

impl FromStr for AnyEventId {
    type Err = Infallible;

    /// Never fails: an id outside the catalog becomes [`AnyEventId::Unknown`].
    fn from_str(id: &str) -> Result<Self, Self::Err> {
        Ok(Self::from(id))
    }
}

impl From<&str> for AnyEventId {
    fn from(id: &str) -> Self {
        match EventId::find(id) {
            Some(known) => Self::Known(known),
            None => Self::Unknown(id.into()),
        }
    }
}

impl From<String> for AnyEventId {
    fn from(id: String) -> Self {
        match EventId::find(&id) {
            Some(known) => Self::Known(known),
            None => Self::Unknown(id),
        }
    }
}

impl From<EventId> for AnyEventId {
    fn from(id: EventId) -> Self {
        Self::Known(id)
    }
}

impl PartialEq<EventId> for AnyEventId {
    fn eq(&self, other: &EventId) -> bool {
        self.known() == Some(*other)
    }
}

/// The catalog event; for an id the catalog does not know, the same
/// [`UnknownEventId`] that parsing its text gives (the text, or its first 64
/// bytes, and a "did you mean" when one is close).
///
/// # Example
/// ```
/// use kakiyo_events::{AnyEventId, EventId};
///
/// let known = AnyEventId::from("message.sent");
/// assert_eq!(EventId::try_from(known), Ok(EventId::MessageSent));
///
/// let err = EventId::try_from(AnyEventId::from("message.snet")).unwrap_err();
/// assert_eq!(err.input(), "message.snet");
/// assert_eq!(err.suggestion(), Some(EventId::MessageSent));
/// ```
impl TryFrom<AnyEventId> for EventId {
    type Error = UnknownEventId;

    fn try_from(id: AnyEventId) -> Result<Self, UnknownEventId> {
        id.known().ok_or_else(|| UnknownEventId::new(id.as_str()))
    }
}

/// By text, as between two `AnyEventId`s.
///
/// # Example
/// ```
/// use kakiyo_events::AnyEventId;
///
/// let id = AnyEventId::from("linkedin.message.received");
/// assert_eq!(id, "linkedin.message.received");
/// assert!(id != *"message.sent");
/// ```
impl PartialEq<str> for AnyEventId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

/// By text, as between two `AnyEventId`s.
impl PartialEq<&str> for AnyEventId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// By text: see the type's docs.
impl PartialEq for AnyEventId {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for AnyEventId {}

/// By text, as equality is.
impl Hash for AnyEventId {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

/// Catalog ids first, in catalog order; then the others, by their text.
impl Ord for AnyEventId {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.known(), other.known()) {
            (Some(a), Some(b)) => a.cmp(&b),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => self.as_str().cmp(other.as_str()),
        }
    }
}

impl PartialOrd for AnyEventId {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The id's text.
impl fmt::Display for AnyEventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl AsRef<str> for AnyEventId {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}
