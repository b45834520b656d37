//! Arbitrary bytes as a saved API response, through `kakiyo_events::diff`.
//!
//! An independent model, written from diff's documentation with
//! serde_json::Value, says what the answer must be: the same drift, or an
//! error at the same place.
#![no_main]

use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;

use kakiyo_events::{DiffErrorKind, EventField, EventId, diff};
use libfuzzer_sys::fuzz_target;
use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

const FIELDS: [&str; 4] = ["id", "name", "description", "category"];

/// One remote entry in the API's shape.
struct Entry {
    id: String,
    name: String,
    description: String,
    category: String,
}

/// What the model expects: the entries, or the kind of error and its entry.
enum Expected {
    Entries(Vec<Entry>),
    Error {
        kind: &'static str,
        entry: Option<usize>,
    },
}

fn model(json: &str) -> Expected {
    // One leading byte-order mark is skipped.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    if json.trim().is_empty() {
        return Expected::Error {
            kind: "empty",
            entry: None,
        };
    }
    // diff refuses an object naming a key twice, wherever it is, before it
    // looks at the shape; and it stops there, so a repeat before a syntax
    // error is what it reports.
    let first_repeat = RefCell::new(None);
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let read = NotingRepeats(&first_repeat)
        .deserialize(&mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value));
    if first_repeat.borrow().is_some() {
        return Expected::Error {
            kind: "repeated key",
            entry: None,
        };
    }
    let Ok(value) = read else {
        return Expected::Error {
            kind: "syntax",
            entry: None,
        };
    };
    let Value::Array(items) = value else {
        return Expected::Error {
            kind: "not an array",
            entry: None,
        };
    };
    let mut entries = Vec::new();
    let mut seen = HashSet::new();
    for (index, item) in items.iter().enumerate() {
        let Value::Object(fields) = item else {
            return Expected::Error {
                kind: "entry not an object",
                entry: Some(index),
            };
        };
        let mut texts = Vec::new();
        for field in FIELDS {
            match fields.get(field) {
                Some(Value::String(text)) => texts.push(text.clone()),
                Some(_) => {
                    return Expected::Error {
                        kind: "not a string",
                        entry: Some(index),
                    };
                }
                None => {
                    return Expected::Error {
                        kind: "missing field",
                        entry: Some(index),
                    };
                }
            }
            if field == "id" && texts[0].trim().is_empty() {
                return Expected::Error {
                    kind: "empty id",
                    entry: Some(index),
                };
            }
        }
        if !seen.insert(texts[0].clone()) {
            return Expected::Error {
                kind: "duplicate id",
                entry: Some(index),
            };
        }
        let [id, name, description, category] =
            <[String; 4]>::try_from(texts).unwrap_or_else(|_| unreachable!());
        entries.push(Entry {
            id,
            name,
            description,
            category,
        });
    }
    Expected::Entries(entries)
}

/// serde_json's `Value`, read on past a repeated key: the first key an
/// object names twice (in document order) is noted, and the last value kept,
/// as serde_json does.
#[derive(Clone, Copy)]
struct NotingRepeats<'a>(&'a RefCell<Option<String>>);

impl<'de> DeserializeSeed<'de> for NotingRepeats<'_> {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for NotingRepeats<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut fields = Map::new();
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) && self.0.borrow().is_none() {
                *self.0.borrow_mut() = Some(key.clone());
            }
            let value = map.next_value_seed(self)?;
            fields.insert(key, value);
        }
        Ok(Value::Object(fields))
    }
}

fn kind_name(kind: &DiffErrorKind) -> &'static str {
    match kind {
        DiffErrorKind::Empty => "empty",
        DiffErrorKind::Syntax { .. } => "syntax",
        DiffErrorKind::RepeatedKey { .. } => "repeated key",
        DiffErrorKind::NotAnArray { .. } => "not an array",
        DiffErrorKind::EntryNotAnObject { .. } => "entry not an object",
        DiffErrorKind::MissingField { .. } => "missing field",
        DiffErrorKind::FieldNotAString { .. } => "not a string",
        DiffErrorKind::EmptyId { .. } => "empty id",
        DiffErrorKind::DuplicateId { .. } => "duplicate id",
        _ => "a kind the model does not know",
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    match (diff(json), model(json)) {
        (Ok(drift), Expected::Entries(remote)) => {
            let by_id = |id: &str| remote.iter().find(|e| e.id == id);
            let removed: Vec<EventId> = EventId::ALL
                .iter()
                .copied()
                .filter(|id| by_id(id.as_str()).is_none())
                .collect();
            assert_eq!(
                drift.removed, removed,
                "removed: catalog ids the remote lacks, in catalog order"
            );
            let added: Vec<&str> = remote
                .iter()
                .filter(|e| EventId::find(&e.id).is_none())
                .map(|e| e.id.as_str())
                .collect();
            assert_eq!(
                drift
                    .added
                    .iter()
                    .map(|e| e.id.as_str())
                    .collect::<Vec<_>>(),
                added
            );
            for (got, want) in drift
                .added
                .iter()
                .zip(remote.iter().filter(|e| EventId::find(&e.id).is_none()))
            {
                assert_eq!(
                    (&got.name, &got.description, &got.category),
                    (&want.name, &want.description, &want.category)
                );
            }
            let mut changed = Vec::new();
            for &id in EventId::ALL {
                if let Some(entry) = by_id(id.as_str()) {
                    let pairs = [
                        (EventField::Name, id.name(), &entry.name),
                        (
                            EventField::Description,
                            id.description(),
                            &entry.description,
                        ),
                        (
                            EventField::Category,
                            id.category().as_str(),
                            &entry.category,
                        ),
                    ];
                    for (field, local, remote) in pairs {
                        if local != remote {
                            changed.push((id, field, local, remote.clone()));
                        }
                    }
                }
            }
            let got: Vec<_> = drift
                .changed
                .iter()
                .map(|c| (c.id, c.field, c.local, c.remote.clone()))
                .collect();
            assert_eq!(got, changed);
            assert_eq!(
                drift.is_empty(),
                added.is_empty() && removed.is_empty() && changed.is_empty()
            );

            // The report: one line per difference, so remote text cannot add lines.
            let report = drift.to_string();
            let lines = if drift.is_empty() {
                1
            } else {
                drift.added.len() + drift.removed.len() + drift.changed.len()
            };
            assert_eq!(report.lines().count(), lines, "{report}");
            assert!(!report.contains('\r'));

            let value = serde_json::to_value(&drift).expect("a diff always serializes");
            assert_eq!(
                value["added"].as_array().map(Vec::len),
                Some(drift.added.len())
            );
            assert_eq!(
                value["removed"].as_array().map(Vec::len),
                Some(drift.removed.len())
            );
            assert_eq!(
                value["changed"].as_array().map(Vec::len),
                Some(drift.changed.len())
            );
        }
        (Err(err), Expected::Error { kind, entry }) => {
            assert_eq!(kind_name(err.kind()), kind, "{err}");
            assert_eq!(err.entry(), entry, "{err}");
            assert_eq!(
                err.line_column().is_some(),
                matches!(kind, "syntax" | "repeated key")
            );
            let shown = err.to_string();
            assert!(!shown.contains(['\n', '\r']), "one line: {shown:?}");
            // Ids are kept to 64 bytes, escaped: a huge id never makes a huge message.
            assert!(shown.len() <= 700, "{} bytes: {shown}", shown.len());
        }
        (Ok(_), Expected::Error { kind, entry }) => {
            panic!("diff accepted input the model rejects ({kind} at {entry:?})")
        }
        (Err(err), Expected::Entries(_)) => panic!("diff rejected input the model accepts: {err}"),
    }
});
