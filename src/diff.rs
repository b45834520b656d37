//! [`diff`]: the compiled catalog against a saved response of the live API.
//!
//! Kakiyo can add or change events at any time. A saved body of
//! `GET /v1/webhooks/test/events` compared with the catalog this crate was
//! built from tells a team, in CI, that it is time to update `events.json`.

mod error;

use std::collections::HashMap;
use std::fmt;
use std::string::String;
use std::vec::Vec;

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};
use serde_json::{Map, Value};

pub use error::{DiffError, DiffErrorKind, JsonType};

use crate::EventId;
use crate::strict_json::{self, StrictJsonError};

/// Compares a saved response of `GET /v1/webhooks/test/events` — a JSON array
/// of `{"id", "name", "description", "category"}` — with the compiled catalog.
///
/// Each entry must be an object whose four fields are strings, with a
/// non-blank `id` that no other entry has; other fields are ignored. The
/// order of the remote list does not count as drift. A leading byte-order
/// mark (as some Windows tools write files) is skipped; positions in errors
/// count from after it, as an editor shows them.
///
/// # Errors
/// A [`DiffError`] when the input is not JSON (with its line and column), has
/// an object that names a key twice, anywhere, even inside an ignored field
/// (two readers may keep different ones: [`DiffErrorKind::RepeatedKey`]), is
/// not in the API's shape (naming the entry and the field), or lists an id twice.
///
/// # Example
/// ```
/// use kakiyo_events::{diff, EventField, EventId};
///
/// let remote = r#"[
///   {"id": "prospect.qualified", "name": "Prospect Qualified",
///    "description": "Triggered when a prospect is qualified", "category": "prospect"},
///   {"id": "linkedin.message.sent", "name": "LinkedIn Message Sent",
///    "description": "Triggered when a LinkedIn message is sent", "category": "linkedin"}
/// ]"#;
/// let drift = diff(remote)?;
///
/// assert_eq!(drift.added[0].id, "linkedin.message.sent");
/// assert_eq!(drift.removed.len(), EventId::COUNT - 1);
/// assert_eq!(drift.changed[0].id, EventId::ProspectQualified);
/// assert_eq!(drift.changed[0].field, EventField::Description);
/// assert!(!drift.is_empty());
///
/// // The remote list must be in the API's shape.
/// let err = diff(r#"[{"id": "message.sent"}]"#).unwrap_err();
/// assert_eq!(err.to_string(), r#"entry [0] ("message.sent"): missing field "name""#);
/// # Ok::<(), kakiyo_events::DiffError>(())
/// ```
pub fn diff(remote_json: &str) -> Result<CatalogDiff, DiffError> {
    let remote = parse_remote(remote_json)?;

    let by_id: HashMap<&str, &RemoteEvent> = remote.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut removed = Vec::new();
    let mut changed = Vec::new();
    for &id in EventId::ALL {
        let Some(entry) = by_id.get(id.as_str()) else {
            removed.push(id);
            continue;
        };
        for &field in EventField::ALL {
            let local = field.local(id);
            let remote = field.remote(entry);
            if local != remote {
                changed.push(FieldChange {
                    id,
                    field,
                    local,
                    remote: remote.into(),
                });
            }
        }
    }
    let added = remote
        .into_iter()
        .filter(|e| EventId::find(&e.id).is_none())
        .collect();

    Ok(CatalogDiff {
        added,
        removed,
        changed,
    })
}

/// What separates the compiled catalog from a remote list; see [`diff`].
///
/// Serializes (with the `serde` traits) as exactly
/// `{"added": [...], "removed": [...], "changed": [...]}`, the JSON the
/// `kakiyo-events diff --format json` command prints. Its `Display` is a plain
/// report, one line per difference.
///
/// # Example
/// ```
/// let same = kakiyo_events::diff(kakiyo_events::catalog_json())?;
/// assert!(same.is_empty());
/// assert_eq!(
///     serde_json::to_string(&same).unwrap(),
///     r#"{"added":[],"removed":[],"changed":[]}"#
/// );
/// assert_eq!(same.to_string(), "no drift\n");
/// # Ok::<(), kakiyo_events::DiffError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CatalogDiff {
    /// Remote entries whose id is not in the catalog, in remote order.
    pub added: Vec<RemoteEvent>,
    /// Catalog events the remote list does not have, in catalog order.
    pub removed: Vec<EventId>,
    /// Fields that differ, in catalog order, then name, description, category.
    pub changed: Vec<FieldChange>,
}

impl CatalogDiff {
    /// Whether the remote list matches the catalog: nothing added, removed or changed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

impl fmt::Display for CatalogDiff {
    /// One line a difference: `+ "id" (added)` (a remote id, quoted and
    /// escaped), `- id (removed)` and `~ id field: "local" -> "remote"`; or
    /// `no drift`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("no drift\n");
        }
        for entry in &self.added {
            writeln!(f, "+ {:?} (added)", entry.id)?;
        }
        for id in &self.removed {
            writeln!(f, "- {id} (removed)")?;
        }
        for change in &self.changed {
            writeln!(
                f,
                "~ {} {}: {:?} -> {:?}",
                change.id, change.field, change.local, change.remote
            )?;
        }
        Ok(())
    }
}

impl Serialize for CatalogDiff {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("CatalogDiff", 3)?;
        out.serialize_field("added", &self.added)?;
        out.serialize_field("removed", &self.removed)?;
        out.serialize_field("changed", &self.changed)?;
        out.end()
    }
}

/// One entry of the remote list, as the API sent it.
///
/// Serializes as the API entry `{"id", "name", "description", "category"}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct RemoteEvent {
    /// The id, e.g. `linkedin.message.sent`.
    pub id: String,
    /// The display name.
    pub name: String,
    /// What triggers the event.
    pub description: String,
    /// The category, as a string: a new event may bring a new category.
    pub category: String,
}

impl Serialize for RemoteEvent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("RemoteEvent", 4)?;
        out.serialize_field("id", &self.id)?;
        out.serialize_field("name", &self.name)?;
        out.serialize_field("description", &self.description)?;
        out.serialize_field("category", &self.category)?;
        out.end()
    }
}

/// A field of a catalog event whose text differs in the remote list.
///
/// Serializes as `{"id", "field", "local", "remote"}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct FieldChange {
    /// The event.
    pub id: EventId,
    /// Which field differs.
    pub field: EventField,
    /// The compiled catalog's text.
    pub local: &'static str,
    /// The remote list's text.
    pub remote: String,
}

impl Serialize for FieldChange {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("FieldChange", 4)?;
        out.serialize_field("id", &self.id)?;
        out.serialize_field("field", &self.field)?;
        out.serialize_field("local", self.local)?;
        out.serialize_field("remote", &self.remote)?;
        out.end()
    }
}

/// The fields [`diff`] compares, in the order it reports them.
///
/// `#[non_exhaustive]`: an event may gain a field that `diff` then compares
/// (as [`Event`](crate::Event) may), and that must not break a `match`.
///
/// # Example
/// ```
/// use kakiyo_events::EventField;
///
/// assert_eq!(EventField::Description.as_str(), "description");
/// assert_eq!(EventField::ALL.len(), 3);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum EventField {
    /// `name`
    Name,
    /// `description`
    Description,
    /// `category`
    Category,
}

impl EventField {
    /// Every compared field, in report order. A slice rather than an array,
    /// so that its type does not change when a field is added.
    pub const ALL: &'static [EventField] = &[
        EventField::Name,
        EventField::Description,
        EventField::Category,
    ];

    /// The field's key in the API's JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            EventField::Name => "name",
            EventField::Description => "description",
            EventField::Category => "category",
        }
    }

    fn local(self, id: EventId) -> &'static str {
        match self {
            EventField::Name => id.name(),
            EventField::Description => id.description(),
            EventField::Category => id.category().as_str(),
        }
    }

    fn remote(self, entry: &RemoteEvent) -> &str {
        match self {
            EventField::Name => &entry.name,
            EventField::Description => &entry.description,
            EventField::Category => &entry.category,
        }
    }
}

/// The field's name, padded as `{:<12}` asks (as `EventId` is).
impl fmt::Display for EventField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl Serialize for EventField {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The remote list, checked for the API's shape and for duplicate ids.
fn parse_remote(json: &str) -> Result<Vec<RemoteEvent>, DiffError> {
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    if json.trim().is_empty() {
        return Err(DiffErrorKind::Empty.into());
    }
    let value = strict_json::from_slice(json.as_bytes()).map_err(|err| match err {
        StrictJsonError::Syntax(err) => DiffError::syntax(err),
        StrictJsonError::RepeatedKey { key, line, column } => {
            DiffErrorKind::RepeatedKey { key, line, column }.into()
        }
    })?;
    let Value::Array(entries) = value else {
        return Err(DiffErrorKind::NotAnArray {
            found: JsonType::of(&value),
        }
        .into());
    };

    let mut events = Vec::with_capacity(entries.len());
    let mut first_seen: HashMap<String, usize> = HashMap::with_capacity(entries.len());
    for (index, entry) in entries.into_iter().enumerate() {
        let Value::Object(fields) = entry else {
            return Err(DiffErrorKind::EntryNotAnObject {
                index,
                found: JsonType::of(&entry),
            }
            .into());
        };
        let event = remote_event(index, fields)?;
        if let Some(&first) = first_seen.get(&event.id) {
            return Err(DiffErrorKind::DuplicateId {
                id: error::bounded(&event.id).into_owned(),
                first,
                index,
            }
            .into());
        }
        first_seen.insert(event.id.clone(), index);
        events.push(event);
    }
    Ok(events)
}

fn remote_event(index: usize, mut fields: Map<String, Value>) -> Result<RemoteEvent, DiffError> {
    // The id comes first so that every later error can name the entry by it.
    let id = take_string(index, None, &mut fields, "id")?;
    // Blank counts as empty, as in `events.json` and a delivery's `event`.
    if id.trim().is_empty() {
        return Err(DiffErrorKind::EmptyId { index }.into());
    }
    let known = Some(id.as_str());
    let name = take_string(index, known, &mut fields, "name")?;
    let description = take_string(index, known, &mut fields, "description")?;
    let category = take_string(index, known, &mut fields, "category")?;
    Ok(RemoteEvent {
        id,
        name,
        description,
        category,
    })
}

fn take_string(
    index: usize,
    id: Option<&str>,
    fields: &mut Map<String, Value>,
    field: &'static str,
) -> Result<String, DiffError> {
    let id = || id.map(|id| error::bounded(id).into_owned());
    match fields.remove(field) {
        Some(Value::String(text)) => Ok(text),
        Some(other) => Err(DiffErrorKind::FieldNotAString {
            index,
            id: id(),
            field,
            found: JsonType::of(&other),
        }
        .into()),
        None => Err(DiffErrorKind::MissingField {
            index,
            id: id(),
            field,
        }
        .into()),
    }
}
