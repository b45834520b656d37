//! Methods and standard traits of [`EventId`]; the enum itself is generated.

use core::fmt;
use core::str::FromStr;

use crate::generated::{
    ALL_EVENTS, EVENT_COUNT, EVENT_IDS, EVENT_MAP_ENTRIES, EVENT_VARIANTS, find_event_id,
};
use crate::{Category, Event, EventId, UnknownEventId};

impl EventId {
    /// Every event, in catalog order.
    ///
    /// # Example
    /// ```
    /// use kakiyo_events::EventId;
    ///
    /// assert_eq!(EventId::ALL.first(), Some(&EventId::ProspectQualified));
    /// assert_eq!(EventId::ALL.len(), EventId::COUNT);
    /// ```
    pub const ALL: &'static [EventId] = &ALL_EVENTS;

    /// How many events the catalog has.
    ///
    /// # Example
    /// ```
    /// assert_eq!(kakiyo_events::EventId::COUNT, 22);
    /// ```
    pub const COUNT: usize = EVENT_COUNT;

    /// The id, as the API writes it.
    ///
    /// # Example
    /// ```
    /// use kakiyo_events::EventId;
    ///
    /// assert_eq!(EventId::AgentStatusChanged.as_str(), "agent.status_changed");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        EVENT_IDS[self as usize]
    }

    /// The display name.
    ///
    /// # Example
    /// ```
    /// use kakiyo_events::EventId;
    ///
    /// assert_eq!(EventId::ProspectQualified.name(), "Prospect Qualified");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        EVENT_MAP_ENTRIES[self as usize].1.name
    }

    /// What triggers the event.
    ///
    /// # Example
    /// ```
    /// use kakiyo_events::EventId;
    ///
    /// assert_eq!(
    ///     EventId::MessageSent.description(),
    ///     "Triggered when a message is sent to a prospect"
    /// );
    /// ```
    #[must_use]
    pub const fn description(self) -> &'static str {
        EVENT_MAP_ENTRIES[self as usize].1.description
    }

    /// The category: the id's first segment.
    ///
    /// # Example
    /// ```
    /// use kakiyo_events::{Category, EventId};
    ///
    /// assert_eq!(EventId::ConnectionAccepted.category(), Category::Connection);
    /// ```
    #[must_use]
    pub const fn category(self) -> Category {
        EVENT_MAP_ENTRIES[self as usize].1.category
    }

    /// Why the event is deprecated: the catalog's optional `deprecated` field.
    /// A deprecated variant also carries `#[deprecated]`, so naming it warns.
    ///
    /// # Example
    /// ```
    /// use kakiyo_events::EventId;
    ///
    /// assert_eq!(EventId::MessageSent.deprecated(), None);
    /// ```
    #[must_use]
    pub const fn deprecated(self) -> Option<&'static str> {
        EVENT_MAP_ENTRIES[self as usize].1.deprecated
    }

    /// The whole catalog entry.
    ///
    /// # Example
    /// ```
    /// use kakiyo_events::EventId;
    ///
    /// let event = EventId::CampaignCompleted.event();
    /// assert_eq!(event.id, EventId::CampaignCompleted);
    /// assert_eq!(event.name, "Campaign Completed");
    /// assert_eq!(event.deprecated, None);
    ///
    /// // A `const fn`, like its siblings:
    /// const QUALIFIED: &kakiyo_events::Event = EventId::ProspectQualified.event();
    /// assert_eq!(QUALIFIED.name, "Prospect Qualified");
    /// ```
    #[must_use]
    pub const fn event(self) -> &'static Event {
        // The very entry `EVENTS` holds at this index: the map's entries are
        // this table, in catalog order, as are the enum's variants.
        &EVENT_MAP_ENTRIES[self as usize].1
    }

    /// The event with this id, or `None`. The same as [`str::parse`], without the error.
    ///
    /// # Example
    /// ```
    /// use kakiyo_events::EventId;
    ///
    /// assert_eq!(EventId::find("message.failed"), Some(EventId::MessageFailed));
    /// assert_eq!(EventId::find("message.fail"), None);
    /// ```
    #[must_use]
    #[inline]
    pub fn find(id: &str) -> Option<EventId> {
        find_event_id(id)
    }
}

impl FromStr for EventId {
    type Err = UnknownEventId;

    /// Parses an exact id. It never allocates, hit or miss.
    ///
    /// # Example
    /// ```
    /// use kakiyo_events::EventId;
    ///
    /// assert_eq!("prospect.qualified".parse(), Ok(EventId::ProspectQualified));
    /// assert!("Prospect.Qualified".parse::<EventId>().is_err());
    /// ```
    #[inline]
    // The concrete type, never `Self::Err`: a variant named like an
    // associated type would make `Self::…` ambiguous (see `Category`).
    fn from_str(id: &str) -> Result<Self, UnknownEventId> {
        find_event_id(id).ok_or_else(|| UnknownEventId::new(id))
    }
}

impl TryFrom<&str> for EventId {
    type Error = UnknownEventId;

    #[inline]
    fn try_from(id: &str) -> Result<Self, UnknownEventId> {
        id.parse()
    }
}

/// The variant's name, as `#[derive(Debug)]` would write it (`ProspectQualified`).
impl fmt::Debug for EventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EVENT_VARIANTS[*self as usize])
    }
}

/// The id, as [`EventId::as_str`].
impl fmt::Display for EventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl AsRef<str> for EventId {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<EventId> for &'static str {
    fn from(id: EventId) -> Self {
        id.as_str()
    }
}
