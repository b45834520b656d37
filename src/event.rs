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

/// The `#[must_use]` of the crate's pure functions, checked: each block below
/// drops one result under `deny(unused_must_use)` and must fail to compile;
/// the ones without `compile_fail` use the same results and must compile, so
/// the others fail for the lint and not for a typo. Only built by
/// `cargo test --doc`.
///
/// ```compile_fail
/// #![deny(unused_must_use)]
/// kakiyo_events::EventId::find("message.sent");
/// ```
/// ```compile_fail
/// #![deny(unused_must_use)]
/// kakiyo_events::lookup("message.sent");
/// ```
/// ```compile_fail
/// #![deny(unused_must_use)]
/// kakiyo_events::EventId::MessageSent.event();
/// ```
/// ```compile_fail
/// #![deny(unused_must_use)]
/// kakiyo_events::EventId::MessageSent.name();
/// ```
/// ```compile_fail
/// #![deny(unused_must_use)]
/// kakiyo_events::Category::Agent.events();
/// ```
/// ```compile_fail
/// #![deny(unused_must_use)]
/// kakiyo_events::AnyEventId::from("x").known();
/// ```
/// ```compile_fail
/// #![deny(unused_must_use)]
/// kakiyo_events::validate(["x"]).unwrap_err().len();
/// ```
#[cfg_attr(
    feature = "webhook",
    doc = r#"```compile_fail
#![deny(unused_must_use)]
kakiyo_events::webhook::sign(b"k", b"{}");
```
```compile_fail
#![deny(unused_must_use)]
use kakiyo_events::webhook::Subscription;
Subscription::All.matches(&"message.sent".into());
```
```compile_fail
#![deny(unused_must_use)]
kakiyo_events::webhook::parse_verified(b"k", b"{}", "").unwrap_err().status_code();
```
```
#![deny(unused_must_use)]
use kakiyo_events::webhook::{Subscription, parse_verified, sign};
let _ = sign(b"k", b"{}");
let _ = Subscription::All.matches(&"message.sent".into());
let _ = parse_verified(b"k", b"{}", "").unwrap_err().status_code();
```"#
)]
/// ```
/// #![deny(unused_must_use)]
/// use kakiyo_events::{AnyEventId, Category, EventId};
///
/// let _ = EventId::find("message.sent");
/// let _ = kakiyo_events::lookup("message.sent");
/// let _ = EventId::MessageSent.event();
/// let _ = EventId::MessageSent.name();
/// let _ = Category::Agent.events();
/// let _ = AnyEventId::from("x").known();
/// let _ = kakiyo_events::validate(["x"]).unwrap_err().len();
/// ```
#[cfg(doctest)]
pub struct MustUse;
