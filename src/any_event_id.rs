//! [`AnyEventId`]: an id from a webhook that may be newer than this catalog.

use alloc::string::String;
use core::convert::Infallible;
use core::fmt;
use core::str::FromStr;

use crate::EventId;

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
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AnyEventId {
    /// An id of the compiled catalog.
    Known(EventId),
    /// Any other id, exactly as received.
    Unknown(String),
}

impl AnyEventId {
    /// The catalog event, if the id is one.
    pub fn known(&self) -> Option<EventId> {
        match self {
            Self::Known(id) => Some(*id),
            Self::Unknown(_) => None,
        }
    }

    /// The id's text, exactly as received.
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
