//! [`DiffError`]: why a remote list could not be compared.

use std::fmt;
use std::string::String;

use serde_json::Value;

// An error keeps the first 64 bytes of a remote id, so that a hostile 10 MiB
// id is never copied into every message: the same cut as a repeated key's.
pub(super) use crate::strict_json::bounded;

/// Why [`diff`](crate::diff) could not read a remote list. It says what is
/// wrong and where: the line and column of bad JSON, or the entry (its
/// 0-based index and, once known, its id) and the field of a bad shape.
///
/// # Example
/// ```
/// use kakiyo_events::{diff, DiffErrorKind};
///
/// let err = diff("[\n  {\"id\": \"message.sent\",}\n]").unwrap_err();
/// assert_eq!(err.line_column(), Some((2, 25)));
/// assert!(matches!(err.kind(), DiffErrorKind::Syntax { .. }));
/// assert_eq!(err.to_string(), "invalid JSON at line 2, column 25: trailing comma");
///
/// let err = diff(r#"[{"id": "a.b", "name": "A", "description": "A", "category": 1}]"#).unwrap_err();
/// assert_eq!(err.entry(), Some(0));
/// assert_eq!(
///     err.to_string(),
///     r#"entry [0] ("a.b"): field "category" must be a string, found a number"#
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffError {
    kind: DiffErrorKind,
}

/// The kinds of [`DiffError`], each with where it happened.
///
/// Entry indexes are 0-based positions in the remote array. Ids are kept up to
/// their first 64 bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DiffErrorKind {
    /// The input is empty or only whitespace.
    Empty,
    /// The input is not JSON.
    Syntax {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error, counted in bytes (as `serde_json` counts).
        column: usize,
        /// What the JSON parser expected, without the position.
        message: String,
    },
    /// An object names a key twice. serde_json would keep the last value, and
    /// the API's own reader might keep the first, so the list is refused
    /// rather than compared one way.
    RepeatedKey {
        /// The key, cut to its first 64 bytes (then ending in `…`).
        key: String,
        /// 1-based line of the repeat.
        line: usize,
        /// 1-based column where the repeated key ends, counted in bytes.
        column: usize,
    },
    /// The top level is not an array.
    NotAnArray {
        /// What it is instead.
        found: JsonType,
    },
    /// An entry is not an object.
    EntryNotAnObject {
        /// The entry's index.
        index: usize,
        /// What it is instead.
        found: JsonType,
    },
    /// An entry lacks one of `id`, `name`, `description` and `category`.
    MissingField {
        /// The entry's index.
        index: usize,
        /// The entry's id, unless the id is what is missing.
        id: Option<String>,
        /// The missing field.
        field: &'static str,
    },
    /// One of an entry's four fields is not a string.
    FieldNotAString {
        /// The entry's index.
        index: usize,
        /// The entry's id, unless the id is what is wrong.
        id: Option<String>,
        /// The field.
        field: &'static str,
        /// What it is instead.
        found: JsonType,
    },
    /// An entry's id is empty or only whitespace.
    EmptyId {
        /// The entry's index.
        index: usize,
    },
    /// Two entries have the same id.
    DuplicateId {
        /// The id.
        id: String,
        /// The index of its first entry.
        first: usize,
        /// The index of the entry that repeats it.
        index: usize,
    },
}

impl DiffError {
    /// What went wrong, and where.
    #[must_use]
    pub fn kind(&self) -> &DiffErrorKind {
        &self.kind
    }

    /// The 1-based line and column (in bytes) of a JSON syntax error or a repeated key.
    #[must_use]
    pub fn line_column(&self) -> Option<(usize, usize)> {
        match self.kind {
            DiffErrorKind::Syntax { line, column, .. }
            | DiffErrorKind::RepeatedKey { line, column, .. } => Some((line, column)),
            _ => None,
        }
    }

    /// The 0-based index of the entry at fault, for an error of shape or a duplicate.
    #[must_use]
    pub fn entry(&self) -> Option<usize> {
        match self.kind {
            DiffErrorKind::EntryNotAnObject { index, .. }
            | DiffErrorKind::MissingField { index, .. }
            | DiffErrorKind::FieldNotAString { index, .. }
            | DiffErrorKind::EmptyId { index }
            | DiffErrorKind::DuplicateId { index, .. } => Some(index),
            DiffErrorKind::Empty
            | DiffErrorKind::Syntax { .. }
            | DiffErrorKind::RepeatedKey { .. }
            | DiffErrorKind::NotAnArray { .. } => None,
        }
    }

    pub(super) fn syntax(err: serde_json::Error) -> Self {
        let (message, line, column) = crate::strict_json::syntax_parts(&err);
        DiffErrorKind::Syntax {
            line,
            column,
            message,
        }
        .into()
    }
}

impl From<DiffErrorKind> for DiffError {
    fn from(kind: DiffErrorKind) -> Self {
        Self { kind }
    }
}

impl fmt::Display for DiffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            DiffErrorKind::Empty => f.write_str(
                "the input is empty; expected the JSON array of GET /v1/webhooks/test/events",
            ),
            DiffErrorKind::Syntax {
                line,
                column,
                message,
            } => {
                write!(f, "invalid JSON at line {line}, column {column}: {message}")
            }
            DiffErrorKind::RepeatedKey { key, line, column } => write!(
                f,
                "invalid JSON at line {line}, column {column}: an object names the key {} twice",
                Quoted(key)
            ),
            DiffErrorKind::NotAnArray { found } => write!(
                f,
                "expected a JSON array of events at the top level, found {found}"
            ),
            DiffErrorKind::EntryNotAnObject { index, found } => write!(
                f,
                "entry [{index}]: expected an object with \"id\", \"name\", \"description\" and \"category\", found {found}"
            ),
            DiffErrorKind::MissingField { index, id, field } => {
                write_entry(f, *index, id.as_deref())?;
                write!(f, ": missing field \"{field}\"")
            }
            DiffErrorKind::FieldNotAString {
                index,
                id,
                field,
                found,
            } => {
                write_entry(f, *index, id.as_deref())?;
                write!(f, ": field \"{field}\" must be a string, found {found}")
            }
            DiffErrorKind::EmptyId { index } => {
                write!(f, "entry [{index}]: \"id\" is empty or blank")
            }
            DiffErrorKind::DuplicateId { id, first, index } => write!(
                f,
                "entry [{index}]: duplicate id {} (first at entry [{first}])",
                Quoted(id)
            ),
        }
    }
}

impl std::error::Error for DiffError {}

fn write_entry(f: &mut fmt::Formatter<'_>, index: usize, id: Option<&str>) -> fmt::Result {
    write!(f, "entry [{index}]")?;
    match id {
        Some(id) => write!(f, " ({})", Quoted(id)),
        None => Ok(()),
    }
}

/// Escaped and quoted, so control characters in a remote id cannot rewrite a
/// terminal or a log line; a cut id ends in `…`.
struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

/// The type of a JSON value, for "found …" in messages.
///
/// Not `#[non_exhaustive]`: JSON has exactly these six types (RFC 8259), so
/// a `match` on them may be exhaustive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JsonType {
    /// `null`
    Null,
    /// `true` or `false`
    Bool,
    /// A number.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl JsonType {
    pub(super) fn of(value: &Value) -> Self {
        match value {
            Value::Null => JsonType::Null,
            Value::Bool(_) => JsonType::Bool,
            Value::Number(_) => JsonType::Number,
            Value::String(_) => JsonType::String,
            Value::Array(_) => JsonType::Array,
            Value::Object(_) => JsonType::Object,
        }
    }
}

/// The type of any JSON value, so that other readers of JSON (the command's
/// `validate`) name types with the same words as `diff`.
///
/// # Example
/// ```
/// use kakiyo_events::JsonType;
///
/// let value: serde_json::Value = serde_json::from_str("[1]").unwrap();
/// assert_eq!(JsonType::from(&value).to_string(), "an array");
/// ```
impl From<&Value> for JsonType {
    fn from(value: &Value) -> Self {
        Self::of(value)
    }
}

/// The type as a phrase ("a number"), padded as a width asks.
impl fmt::Display for JsonType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            JsonType::Null => "null",
            JsonType::Bool => "a boolean",
            JsonType::Number => "a number",
            JsonType::String => "a string",
            JsonType::Array => "an array",
            JsonType::Object => "an object",
        })
    }
}
