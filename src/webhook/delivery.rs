//! [`Delivery`]: the envelope Kakiyo POSTs to a webhook's URL.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use super::error::DeliveryError;
use crate::AnyEventId;

/// One webhook delivery: which event, when, for which team, and its data.
///
/// Kakiyo's docs show two envelope shapes and this reads both:
/// - the webhooks guide's `{"event", "teamId", "timestamp", "data"}`;
/// - the example endpoint's `{"event", "timestamp", "data", "team": {"id", "name"}}`.
///
/// When both `teamId` and `team.id` are present they must agree. Fields it
/// does not know are ignored, so a newer envelope still parses.
///
/// `event` is an [`AnyEventId`]: ids from Kakiyo's live vocabulary
/// (`linkedin.message.received`) or from an API newer than this catalog
/// arrive as [`AnyEventId::Unknown`], unchanged, instead of failing.
///
/// Read one with [`parse_verified`](super::parse_verified).
///
/// # Example
/// ```
/// use kakiyo_events::EventId;
/// use kakiyo_events::webhook::parse_unverified;
///
/// let delivery = parse_unverified(br#"{
///     "event": "prospect.qualified",
///     "timestamp": "2024-01-20T15:30:00Z",
///     "team": {"id": "team_abc", "name": "Acme"},
///     "data": {"prospect": {"id": "p_1"}}
/// }"#)?;
/// assert_eq!(delivery.event.known(), Some(EventId::ProspectQualified));
/// assert_eq!(delivery.team_id.as_deref(), Some("team_abc"));
/// assert_eq!(delivery.team_name.as_deref(), Some("Acme"));
/// assert_eq!(delivery.data["prospect"]["id"], "p_1");
/// # Ok::<(), kakiyo_events::webhook::DeliveryError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Delivery {
    /// The event's id, known to this catalog or not.
    pub event: AnyEventId,
    /// When the event happened, as Kakiyo wrote it (ISO 8601, e.g.
    /// `2024-01-20T15:30:00Z`). Kept as text: it is not reinterpreted.
    pub timestamp: String,
    /// The team, from `teamId` or `team.id`; never blank when parsed.
    pub team_id: Option<String>,
    /// The team's name, from `team.name` (the guide's shape has none).
    pub team_name: Option<String>,
    /// The event's payload; its shape differs per event. `null` when absent.
    ///
    /// Numbers are what `serde_json`'s own `Value` reads from the same text.
    /// An integer outside `i64` and `u64` becomes an `f64`, unless some crate
    /// in your build enables `serde_json`'s `arbitrary_precision` feature,
    /// which keeps it exact. And `serde_json`'s default float parsing is not
    /// always correctly rounded (its `float_roundtrip` feature makes it so):
    /// `123456789012345678901` reads as `1.2345678901234567e+20`, and that text
    /// reads back as `1.2345678901234568e+20`. So a delivery written back (it
    /// is `Serialize`) and read again may see a float move in its last digit.
    /// The raw body holds the exact text either way.
    pub data: Value,
}

impl Delivery {
    /// A delivery with no team and `null` data; set the public fields for the rest.
    ///
    /// For tests of your own handler, and for sending test deliveries.
    ///
    /// # Example
    /// ```
    /// use kakiyo_events::EventId;
    /// use kakiyo_events::webhook::Delivery;
    ///
    /// let mut delivery = Delivery::new(EventId::MessageSent, "2025-07-15T10:30:00.000Z");
    /// delivery.team_id = Some("team_1".into());
    /// assert_eq!(
    ///     serde_json::to_string(&delivery)?,
    ///     r#"{"event":"message.sent","teamId":"team_1","timestamp":"2025-07-15T10:30:00.000Z","data":null}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn new(event: impl Into<AnyEventId>, timestamp: impl Into<String>) -> Self {
        Self {
            event: event.into(),
            timestamp: timestamp.into(),
            team_id: None,
            team_name: None,
            data: Value::Null,
        }
    }

    /// Reads the envelope from a parsed JSON value. [`parse_verified`] and
    /// [`parse_unverified`] call this after parsing the raw body.
    ///
    /// [`parse_verified`]: super::parse_verified
    /// [`parse_unverified`]: super::parse_unverified
    ///
    /// # Errors
    /// A [`DeliveryError`] naming the field at fault.
    pub fn from_json(value: Value) -> Result<Self, DeliveryError> {
        let Value::Object(mut fields) = value else {
            return Err(DeliveryError::NotAnObject);
        };
        let event = required_string(&mut fields, "event")?;
        let timestamp = required_string(&mut fields, "timestamp")?;
        let flat_team_id = optional_nonblank(&mut fields, "teamId", "teamId")?;
        let (nested_team_id, team_name) = match fields.remove("team") {
            None | Some(Value::Null) => (None, None),
            Some(Value::Object(mut team)) => (
                optional_nonblank(&mut team, "id", "team.id")?,
                optional_string(&mut team, "name", "team.name")?,
            ),
            Some(_) => {
                return Err(DeliveryError::WrongType {
                    field: "team",
                    expected: "an object {\"id\", \"name\"}",
                });
            }
        };
        let team_id = match (flat_team_id, nested_team_id) {
            (Some(team_id), Some(team_dot_id)) if team_id != team_dot_id => {
                return Err(DeliveryError::TeamConflict {
                    team_id,
                    team_dot_id,
                });
            }
            (flat, nested) => flat.or(nested),
        };
        Ok(Self {
            event: AnyEventId::from(event),
            timestamp,
            team_id,
            team_name,
            data: fields.remove("data").unwrap_or(Value::Null),
        })
    }
}

/// Writes the webhooks guide's shape, `{"event", "teamId", "timestamp",
/// "data"}`; or, when there is a team name (which that shape cannot hold), the
/// example endpoint's `{"event", "timestamp", "data", "team": {"id", "name"}}`.
/// Either reads back as an equal `Delivery`, given an `event`, a
/// `timestamp` and a team id that are not blank (every parsed `Delivery` has them;
/// [`Delivery::new`] does not check) and a `data` nested at most 126 arrays
/// or objects deep: the reader, serde_json, stops at 128 levels, the
/// envelope's own included, and a parsed `Delivery` never holds more.
impl Serialize for Delivery {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("event", &self.event)?;
        if self.team_name.is_none() {
            if let Some(team_id) = &self.team_id {
                map.serialize_entry("teamId", team_id)?;
            }
        }
        map.serialize_entry("timestamp", &self.timestamp)?;
        map.serialize_entry("data", &self.data)?;
        if let Some(team_name) = &self.team_name {
            map.serialize_entry(
                "team",
                &Team {
                    id: self.team_id.as_deref(),
                    name: team_name,
                },
            )?;
        }
        map.end()
    }
}

/// The example endpoint's `team` object.
struct Team<'a> {
    id: Option<&'a str>,
    name: &'a str,
}

impl Serialize for Team<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(id) = self.id {
            map.serialize_entry("id", id)?;
        }
        map.serialize_entry("name", self.name)?;
        map.end()
    }
}

/// A field that must be a string with something besides whitespace in it;
/// `null` counts as absent. The value is kept as sent, whitespace and all.
fn required_string(
    fields: &mut Map<String, Value>,
    field: &'static str,
) -> Result<String, DeliveryError> {
    optional_nonblank(fields, field, field)?.ok_or(DeliveryError::MissingField(field))
}

/// A field that may be absent or `null`, and is otherwise a string with
/// something besides whitespace in it (a team's id: a blank one names no team).
fn optional_nonblank(
    fields: &mut Map<String, Value>,
    key: &str,
    path: &'static str,
) -> Result<Option<String>, DeliveryError> {
    match optional_string(fields, key, path)? {
        Some(id) if id.trim().is_empty() => Err(DeliveryError::EmptyField(path)),
        id => Ok(id),
    }
}

/// A field that may be absent or `null`, and is otherwise a string.
fn optional_string(
    fields: &mut Map<String, Value>,
    key: &str,
    path: &'static str,
) -> Result<Option<String>, DeliveryError> {
    match fields.remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(_) => Err(DeliveryError::WrongType {
            field: path,
            expected: "a string",
        }),
    }
}
