//! [`Event`]: one catalog entry, and [`lookup`].

use crate::{Category, EventId};

/// One entry of the catalog: what `GET /v1/webhooks/test/events` returns for an event.
///
/// `#[non_exhaustive]`: more fields may come, so build one only through the
/// catalog ([`EventId::event`], [`lookup`], [`EVENTS`](crate::EVENTS)).
///
/// # Example
/// ```
/// let event = kakiyo_events::lookup("agent.offline").unwrap();
/// assert_eq!(event.name, "Agent Offline");
/// assert_eq!(event.category, kakiyo_events::Category::Agent);
/// ```
///
/// Equality and order are field by field, `id` first: events order as their
/// ids do, in catalog order (the catalog's ids are unique, so for its own
/// entries the id alone decides).
///
/// ```
/// use kakiyo_events::{EventId, EVENTS};
///
/// let mut events: Vec<_> = EVENTS.values().copied().collect();
/// events.sort();
/// assert!(events.iter().map(|e| e.id).eq(EventId::ALL.iter().copied()));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub struct Event {
    /// The id, e.g. `prospect.qualified`.
    pub id: EventId,
    /// The display name, e.g. `Prospect Qualified`.
    pub name: &'static str,
    /// What triggers the event.
    pub description: &'static str,
    /// The category, the id's first segment.
    pub category: Category,
    /// Why the event is deprecated, if it is (the catalog's optional `deprecated` field).
    pub deprecated: Option<&'static str>,
}

/// The catalog entry for an id, or `None`. It never allocates.
///
/// # Example
/// ```
/// use kakiyo_events::{EventId, lookup};
///
/// assert_eq!(lookup("message.sent").map(|e| e.id), Some(EventId::MessageSent));
/// assert!(lookup("message.sen").is_none());
/// ```
#[must_use]
#[inline]
pub fn lookup(id: &str) -> Option<&'static Event> {
    EventId::find(id).map(EventId::event)
}
