//! [`Subscription`]: which events a webhook receives, as its `events` list says.

use core::fmt;

use serde::de::{self, Deserialize, Deserializer, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeSeq, Serializer};

use crate::validate::InvalidEventIds;
use crate::{AnyEventId, EventId, UnknownEventId};

/// The wildcard that subscribes a webhook to every event.
const WILDCARD: &str = "*";

/// A webhook's subscription: every event (`"*"`), or only the listed ones.
///
/// Parse it from the same `events` list you send to `POST /webhooks`, and ask
/// it whether a delivery is one the webhook asked for. The list may hold
/// catalog ids and `"*"`, as the reference page's check against the test
/// events list accepts: ids of the webhooks guide's other vocabulary
/// (`linkedin.message.received`, `prospect.qualification.manual`, as in its
/// Create Webhook example) are refused, so a webhook that must receive those
/// is subscribed with `"*"` (then check
/// [`AnyEventId::known`](crate::AnyEventId::known) per delivery).
///
/// Equality and hashing compare what [`parse`](Self::parse) kept: every list
/// holding `"*"` is the same [`All`](Self::All), but for
/// [`Only`](Self::Only) order and repeats count, so two subscriptions that
/// match the same events may differ.
///
/// # Example
/// ```
/// use kakiyo_events::{AnyEventId, EventId};
/// use kakiyo_events::webhook::Subscription;
///
/// let only = Subscription::parse(["prospect.qualified", "message.sent"])?;
/// assert_eq!(only, Subscription::Only(vec![EventId::ProspectQualified, EventId::MessageSent]));
/// assert!(only.matches(&EventId::MessageSent.into()));
/// assert!(!only.matches(&"linkedin.message.received".parse::<AnyEventId>().unwrap()));
///
/// let all = Subscription::parse(["*"])?;
/// assert!(all.matches(&"linkedin.message.received".parse::<AnyEventId>().unwrap()));
/// # Ok::<(), kakiyo_events::InvalidEventIds>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Subscription {
    /// `"*"`: every event, including ids this catalog does not know.
    All,
    /// Only these catalog events, in the order given.
    Only(Vec<EventId>),
}

impl Subscription {
    /// Reads an `events` list.
    ///
    /// - `"*"` anywhere makes it [`All`](Self::All).
    /// - Every other entry must be a catalog id; the list is rejected if any
    ///   is not, even alongside `"*"`, exactly as [`validate`](crate::validate)
    ///   reports it: each bad entry with its 0-based index in the whole list
    ///   and a "did you mean" when one is close.
    /// - An empty list is `Only(vec![])`, which matches nothing.
    ///
    /// # Errors
    /// [`InvalidEventIds`] listing every entry that is neither `"*"` nor a catalog id.
    ///
    /// # Example
    /// ```
    /// use kakiyo_events::webhook::Subscription;
    ///
    /// assert_eq!(Subscription::parse(["message.sent", "*"])?, Subscription::All);
    /// assert_eq!(Subscription::parse(Vec::<String>::new())?, Subscription::Only(vec![]));
    ///
    /// let err = Subscription::parse(["*", "prospect.qualifed"]).unwrap_err();
    /// assert_eq!(err.iter().next().map(|(index, _)| index), Some(1));
    /// assert_eq!(
    ///     err.to_string(),
    ///     "Invalid event IDs: prospect.qualifed (did you mean prospect.qualified?)"
    /// );
    /// # Ok::<(), kakiyo_events::InvalidEventIds>(())
    /// ```
    pub fn parse<I, S>(ids: I) -> Result<Self, InvalidEventIds>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut wildcard = false;
        let mut valid = Vec::new();
        let mut invalid: Vec<(usize, UnknownEventId)> = Vec::new();
        for (index, id) in ids.into_iter().enumerate() {
            let id = id.as_ref();
            if id == WILDCARD {
                wildcard = true;
                continue;
            }
            match id.parse::<EventId>() {
                Ok(id) => valid.push(id),
                Err(unknown) => invalid.push((index, unknown)),
            }
        }
        if !invalid.is_empty() {
            return Err(InvalidEventIds::from_invalid(invalid));
        }
        Ok(if wildcard {
            Self::All
        } else {
            Self::Only(valid)
        })
    }

    /// Whether a delivery of `event` is one this subscription asked for.
    ///
    /// [`All`](Self::All) matches every id, known or not; [`Only`](Self::Only)
    /// matches its catalog ids and never an unknown one.
    #[must_use]
    pub fn matches(&self, event: &AnyEventId) -> bool {
        match self {
            Self::All => true,
            Self::Only(ids) => event.known().is_some_and(|id| ids.contains(&id)),
        }
    }
}

/// As the `events` list of a webhook create body: `["*"]` or the ids.
impl Serialize for Subscription {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::All => {
                let mut seq = serializer.serialize_seq(Some(1))?;
                seq.serialize_element(WILDCARD)?;
                seq.end()
            }
            Self::Only(ids) => ids.serialize(serializer),
        }
    }
}

struct SubscriptionVisitor;

impl<'de> Visitor<'de> for SubscriptionVisitor {
    type Value = Subscription;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of Kakiyo webhook event ids, or [\"*\"]")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Subscription, A::Error> {
        // Not `size_hint` for the capacity: a hostile length prefix must not
        // reserve memory before any entry arrives.
        let mut ids = Vec::new();
        while let Some(id) = seq.next_element::<String>()? {
            ids.push(id);
        }
        Subscription::parse(&ids).map_err(de::Error::custom)
    }
}

/// From the shape [`Serialize`] writes: an `events` list, read by
/// [`Subscription::parse`], so every one of its rules applies and a bad list
/// fails with its message.
///
/// # Example
/// ```
/// use kakiyo_events::EventId;
/// use kakiyo_events::webhook::Subscription;
///
/// let only: Subscription = serde_json::from_str(r#"["message.sent"]"#).unwrap();
/// assert_eq!(only, Subscription::Only(vec![EventId::MessageSent]));
/// let all: Subscription = serde_json::from_str(r#"["*"]"#).unwrap();
/// assert_eq!(all, Subscription::All);
///
/// let err = serde_json::from_str::<Subscription>(r#"["message.snet"]"#).unwrap_err();
/// assert!(err.to_string().starts_with(
///     "Invalid event IDs: message.snet (did you mean message.sent?)"
/// ));
/// ```
impl<'de> Deserialize<'de> for Subscription {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(SubscriptionVisitor)
    }
}
