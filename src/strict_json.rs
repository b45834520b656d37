// JSON read into a `serde_json::Value`, refusing an object that names a key twice.
//
// serde_json keeps the last of repeated keys and says nothing, so
// `{"event": "a", "event": "b"}` reads as `b`. Another reader of the same bytes
// (a proxy, a log pipeline, the sender's own tests) may keep the first, and
// then two programs act on different events from one signed body. RFC 8259
// leaves repeated names to the implementation; the catalog's build already
// refuses them (src/codegen/json.rs), and so do the library's runtime readers:
// `webhook::parse_unverified` and `diff`.
//
// Loaded with `#[path]` by the command-line tool too, for its own JSON inputs;
// so it needs only `std`, `serde` and `serde_json`.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashSet;
use std::fmt;
use std::sync::OnceLock;

use serde::de::{self, DeserializeSeed, Error as _, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

// How much of a repeated key (or, in `diff`'s errors, an id) a message keeps.
#[path = "echo.rs"]
pub(crate) mod echo;
pub(crate) use echo::bounded;

/// Why text is not JSON this crate reads.
#[derive(Debug)]
pub(crate) enum StrictJsonError {
    /// Not JSON: serde_json's error, with its line and column.
    Syntax(serde_json::Error),
    /// An object names `key` twice; the position is where the repeat ends.
    RepeatedKey {
        /// The key, cut to its first [`echo::ECHOED`] bytes (then ending in `…`):
        /// a hostile key must not be copied whole into a message.
        key: String,
        /// 1-based line of the repeated key.
        line: usize,
        /// 1-based column of the repeated key's last character.
        column: usize,
    },
}

/// A serde_json error's words, and its 1-based line and column apart.
/// serde_json appends the position to its message (" at line L column C"),
/// and says column 0 for the end of input right after a newline; the
/// crate's messages write the position their own way, from column 1.
pub(crate) fn syntax_parts(err: &serde_json::Error) -> (String, usize, usize) {
    let (line, column) = (err.line(), err.column());
    let full = err.to_string();
    let suffix = format!(" at line {line} column {column}");
    let what = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();
    (what, line, column.max(1))
}

/// Parses `bytes` as one JSON value, whitespace around it allowed, with
/// serde_json's own limits (nesting depth 128) and number forms.
///
/// Two passes: the first reads the text building nothing but each object's
/// set of keys, and stops at a repeat; the second is serde_json's own
/// `Value`. Not one pass that builds the `Value` itself: serde_json's
/// `arbitrary_precision` feature (which any crate in a build may turn on)
/// hands numbers to a visitor as a map under a private key, which only
/// serde_json's own `Value` turns back into a number.
pub(crate) fn from_slice(bytes: &[u8]) -> Result<Value, StrictJsonError> {
    let repeated = Cell::new(None);
    let check = RepeatedKeyCheck {
        repeated: &repeated,
        depth: &Cell::new(0),
        embedded: false,
        inside_raw_value: false,
    };
    check_keys(bytes, check).map_err(|err| match repeated.take() {
        Some(key) => StrictJsonError::RepeatedKey {
            key: bounded(&key).into_owned(),
            line: err.line(),
            column: err.column(),
        },
        None => StrictJsonError::Syntax(err),
    })?;
    serde_json::from_slice(bytes).map_err(StrictJsonError::Syntax)
}

/// The first pass: an error at the first repeated key (recorded in
/// `check.repeated`) or at serde_json's first syntax error.
fn check_keys(bytes: &[u8], check: RepeatedKeyCheck<'_>) -> Result<(), serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    check.deserialize(&mut deserializer)?;
    deserializer.end()
}

/// The key under which serde_json's `raw_value` feature (which any crate in a
/// build may turn on) has its own `Value` parse a string as JSON text, when it
/// is an object's first key: with it, `{"$serde_json::private::RawValue":
/// "{\"a\":1,\"a\":2}"}` reads as `{"a": 2}`. So in such a build that
/// string is checked as JSON text too.
const RAW_VALUE_KEY: &str = "$serde_json::private::RawValue";

/// The key under which serde_json's `arbitrary_precision` feature hands a
/// number to a visitor, as a map of one entry.
const NUMBER_KEY: &str = "$serde_json::private::Number";

/// serde_json's nesting limit, which the check keeps across the strings under
/// [`RAW_VALUE_KEY`] too. serde_json reads each with a deserializer of its
/// own, and a fresh limit; counting across them, the check never recurses
/// deeper than one serde_json parse, where a body of nested strings would
/// otherwise overflow the stack. So in a `raw_value` build, JSON nested
/// deeper than 128 levels in all, counted through such strings, is refused
/// though serde_json would read it.
const MAX_DEPTH: usize = 128;

/// Whether this build's serde_json reads the string under [`RAW_VALUE_KEY`]
/// as JSON text: asked of serde_json itself, once, since a feature of
/// another crate cannot be seen at compile time.
fn raw_value_is_parsed() -> bool {
    static PARSED: OnceLock<bool> = OnceLock::new();
    *PARSED.get_or_init(|| {
        matches!(
            serde_json::from_str::<Value>(r#"{"$serde_json::private::RawValue": "1"}"#),
            Ok(Value::Number(_))
        )
    })
}

/// Reads one JSON value and keeps nothing of it but, for each object while
/// it is read, the keys seen so far. A repeat is recorded in `repeated` and
/// aborts the read with an error that serde_json then gives the position of.
#[derive(Clone, Copy)]
struct RepeatedKeyCheck<'a> {
    repeated: &'a Cell<Option<String>>,
    /// Arrays and objects open around this value, counted across strings
    /// read as JSON.
    depth: &'a Cell<usize>,
    /// The value is under [`RAW_VALUE_KEY`] in a build that reads it as JSON:
    /// a string is JSON text to check.
    embedded: bool,
    /// This text is such a string's.
    inside_raw_value: bool,
}

impl<'de> DeserializeSeed<'de> for RepeatedKeyCheck<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for RepeatedKeyCheck<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<(), E> {
        if !self.embedded {
            return Ok(());
        }
        let inner = RepeatedKeyCheck {
            embedded: false,
            inside_raw_value: true,
            ..self
        };
        // In this build serde_json's own `Value` reads the string as JSON, so
        // anything it refuses there is refused here, at the string: a repeat,
        // nesting past the limit, text that is not JSON.
        match check_keys(text.as_bytes(), inner) {
            Ok(()) => Ok(()),
            Err(_) if self.repeated_found() => Err(E::custom("repeated key")),
            Err(err) => Err(E::custom(syntax_parts(&err).0)),
        }
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.open::<A::Error>(MAX_DEPTH)?;
        let item = RepeatedKeyCheck {
            embedded: false,
            ..self
        };
        while seq.next_element_seed(item)?.is_some() {}
        self.depth.set(self.depth.get() - 1);
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut keys = SeenKeys::default();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let first = keys.is_empty();
            // Counted at its first key: with `arbitrary_precision`,
            // serde_json hands a number over as a map under a private key,
            // which may then sit one level past the limit, as a number can.
            if first {
                let limit = MAX_DEPTH + usize::from(key == NUMBER_KEY);
                self.open::<A::Error>(limit)?;
            }
            let embedded = first && key == RAW_VALUE_KEY && raw_value_is_parsed();
            if !keys.insert(key.clone()) {
                self.repeated.set(Some(key.into_owned()));
                return Err(A::Error::custom("repeated key"));
            }
            map.next_value_seed(RepeatedKeyCheck { embedded, ..self })?;
        }
        if !keys.is_empty() {
            self.depth.set(self.depth.get() - 1);
        }
        Ok(())
    }
}

impl RepeatedKeyCheck<'_> {
    /// Counts one more array or object open; inside a string read as JSON,
    /// past `limit` in all is an error (outside, serde_json's own limit comes
    /// first and gives its own message).
    fn open<E: de::Error>(&self, limit: usize) -> Result<(), E> {
        let depth = self.depth.get() + 1;
        if self.inside_raw_value && depth > limit {
            return Err(E::custom(format_args!(
                "recursion limit exceeded: over {MAX_DEPTH} levels, counted across strings under {RAW_VALUE_KEY:?}"
            )));
        }
        self.depth.set(depth);
        Ok(())
    }

    fn repeated_found(&self) -> bool {
        let key = self.repeated.take();
        let found = key.is_some();
        self.repeated.set(key);
        found
    }
}

/// The keys of one object so far: searched in a short list, which most
/// objects are, and hashed past [`SeenKeys::LISTED`] keys, so that an object
/// of many keys costs no quadratic search.
#[derive(Default)]
struct SeenKeys<'de> {
    listed: Vec<Cow<'de, str>>,
    hashed: HashSet<Cow<'de, str>>,
}

impl<'de> SeenKeys<'de> {
    const LISTED: usize = 16;

    fn is_empty(&self) -> bool {
        self.listed.is_empty()
    }

    /// Adds `key`; false when it was already there.
    fn insert(&mut self, key: Cow<'de, str>) -> bool {
        if self.listed.len() < Self::LISTED {
            if self.listed.contains(&key) {
                return false;
            }
            self.listed.push(key);
            return true;
        }
        !self.listed.contains(&key) && self.hashed.insert(key)
    }
}

/// A key, borrowed from the input when it has no escape.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_borrowed_str<E>(self, key: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(key))
    }

    fn visit_str<E>(self, key: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(key.to_owned()))
    }
}
