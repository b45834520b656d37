//! serde support, written by hand so that no user pays for `serde_derive`.
//!
//! Every type goes out as its plain id string; [`Event`] goes out as the API's
//! `{"id", "name", "description", "category"}` object.

use core::fmt;

use serde::de::{self, Deserializer, Unexpected, Visitor};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

use crate::{Category, Event, EventId};

impl Serialize for EventId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl Serialize for Category {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut entry = serializer.serialize_struct("Event", 4)?;
        entry.serialize_field("id", &self.id)?;
        entry.serialize_field("name", self.name)?;
        entry.serialize_field("description", self.description)?;
        entry.serialize_field("category", &self.category)?;
        entry.end()
    }
}

struct EventIdVisitor;

impl Visitor<'_> for EventIdVisitor {
    type Value = EventId;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Kakiyo webhook event id such as \"prospect.qualified\"")
    }

    fn visit_str<E: de::Error>(self, id: &str) -> Result<EventId, E> {
        id.parse().map_err(E::custom)
    }

    fn visit_bytes<E: de::Error>(self, id: &[u8]) -> Result<EventId, E> {
        let id =
            core::str::from_utf8(id).map_err(|_| E::invalid_value(Unexpected::Bytes(id), &self))?;
        self.visit_str(id)
    }
}

/// Fails on an id outside the catalog, with the "did you mean" in the message.
///
/// # Example
/// ```
/// use kakiyo_events::EventId;
///
/// let id: EventId = serde_json::from_str("\"message.sent\"").unwrap();
/// assert_eq!(id, EventId::MessageSent);
///
/// let err = serde_json::from_str::<EventId>("\"message.snet\"").unwrap_err();
/// assert!(err.to_string().contains("did you mean \"message.sent\"?"));
/// ```
impl<'de> Deserialize<'de> for EventId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(EventIdVisitor)
    }
}

struct CategoryVisitor;

impl Visitor<'_> for CategoryVisitor {
    type Value = Category;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Kakiyo webhook event category such as \"prospect\"")
    }

    fn visit_str<E: de::Error>(self, category: &str) -> Result<Category, E> {
        category.parse().map_err(E::custom)
    }

    fn visit_bytes<E: de::Error>(self, category: &[u8]) -> Result<Category, E> {
        let category = core::str::from_utf8(category)
            .map_err(|_| E::invalid_value(Unexpected::Bytes(category), &self))?;
        self.visit_str(category)
    }
}

impl<'de> Deserialize<'de> for Category {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(CategoryVisitor)
    }
}

#[cfg(feature = "alloc")]
mod any_event_id {
    use alloc::string::String;
    use core::fmt;

    use serde::de::{self, Deserializer, Visitor};
    use serde::{Deserialize, Serialize, Serializer};

    use crate::AnyEventId;

    /// Both variants as the plain id string, so an unknown id round-trips unchanged.
    impl Serialize for AnyEventId {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }

    struct AnyEventIdVisitor;

    impl Visitor<'_> for AnyEventIdVisitor {
        type Value = AnyEventId;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an event id string")
        }

        fn visit_str<E: de::Error>(self, id: &str) -> Result<AnyEventId, E> {
            Ok(AnyEventId::from(id))
        }

        fn visit_string<E: de::Error>(self, id: String) -> Result<AnyEventId, E> {
            Ok(AnyEventId::from(id))
        }

        /// Bytes that are UTF-8, as `EventId` and `Category` take them.
        fn visit_bytes<E: de::Error>(self, id: &[u8]) -> Result<AnyEventId, E> {
            let id = core::str::from_utf8(id)
                .map_err(|_| E::invalid_value(de::Unexpected::Bytes(id), &self))?;
            self.visit_str(id)
        }
    }

    /// Never fails on a string: an id outside the catalog becomes `Unknown`.
    ///
    /// # Example
    /// ```
    /// use kakiyo_events::AnyEventId;
    ///
    /// let json = "\"linkedin.message.received\"";
    /// let id: AnyEventId = serde_json::from_str(json).unwrap();
    /// assert_eq!(id, AnyEventId::Unknown("linkedin.message.received".into()));
    /// assert_eq!(serde_json::to_string(&id).unwrap(), json);
    /// ```
    impl<'de> Deserialize<'de> for AnyEventId {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_string(AnyEventIdVisitor)
        }
    }
}
