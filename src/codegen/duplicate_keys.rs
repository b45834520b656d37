//! Finding a key given twice in one catalog entry.
//!
//! `serde_json::Value` keeps the last of two equal keys and drops the other
//! without a word, so `{"id": "a.b", …, "id": "c.d"}` would be silently read
//! as `c.d`. This pass walks the same text with serde's visitor API, keeping
//! only the keys of each top-level entry, and reports every repeat.

use std::collections::HashSet;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// Each `(entry index, key)` that appears more than once in its entry, in
/// file order. Text that is not a JSON array gives none: the main parse
/// reports that.
pub fn duplicate_keys(json: &str) -> Vec<(usize, String)> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    deserializer.deserialize_any(Entries).unwrap_or_default()
}

/// The top-level array: collects each entry's repeated keys with its index.
struct Entries;

impl<'de> Visitor<'de> for Entries {
    type Value = Vec<(usize, String)>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of events")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut entries: A) -> Result<Self::Value, A::Error> {
        let mut found = Vec::new();
        let mut index = 0;
        while let Some(repeated) = entries.next_element_seed(RepeatedKeys)? {
            found.extend(repeated.into_iter().map(|key| (index, key)));
            index += 1;
        }
        Ok(found)
    }
}

/// One entry: the keys of an object that it has seen before; nothing for any
/// other value (the main parse reports an entry that is not an object).
struct RepeatedKeys;

impl<'de> DeserializeSeed<'de> for RepeatedKeys {
    type Value = Vec<String>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for RepeatedKeys {
    type Value = Vec<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an event object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut object: A) -> Result<Self::Value, A::Error> {
        let mut seen = HashSet::new();
        let mut repeated = Vec::new();
        while let Some(key) = object.next_key::<String>()? {
            object.next_value::<IgnoredAny>()?;
            if !seen.insert(key.clone()) && !repeated.contains(&key) {
                repeated.push(key);
            }
        }
        Ok(repeated)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Self::Value, A::Error> {
        while items.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Vec::new())
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }

    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }

    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }

    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }

    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
}
