//! The catalog's JSON, read into a tree that keeps every key of an object in
//! file order, a key given twice included; and a string written back as JSON.
//!
//! The parsing is json-event-parser's: a streaming parser with no
//! dependencies of its own, checked against JSONTestSuite. It replaced
//! serde_json in the build script because serde_json cannot start before
//! `serde_core` is built, and the two then sat on the critical path of every
//! clean build of this crate, about 1 s of it (BENCHMARKS.md). This one
//! builds beside `serde_core`. The tree is our own, so a repeated key is
//! kept and reported, where serde_json's `Value` kept only the last.

use json_event_parser::{JsonEvent, JsonSyntaxError, LowLevelJsonParser, LowLevelJsonParserResult};

/// The deepest nesting of arrays and objects read, as serde_json's default
/// limit. A catalog is two levels deep; the limit keeps a hostile file from
/// building a tree whose drop would overflow the stack.
pub const MAX_DEPTH: usize = 128;

/// One JSON value. Objects keep their members as written, repeats included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json {
    Null,
    Bool(bool),
    /// The number's text: nothing here reads a number's value.
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The value's JSON type, as a phrase for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Null => "null",
            Self::Bool(_) => "a boolean",
            Self::Number(_) => "a number",
            Self::String(_) => "a string",
            Self::Array(_) => "an array",
            Self::Object(_) => "an object",
        }
    }

    /// The text of a string value.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(text) => Some(text),
            _ => None,
        }
    }

    /// The value of the member named `key`, for an object; the last one if
    /// the key is repeated, as serde_json and JavaScript's `JSON.parse` read it.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Self::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Text that is not JSON: where (1-based line, and column in characters) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// An array or object being read, and for an object the key of the value to come.
enum Open {
    Array(Vec<Json>),
    Object(Vec<(String, Json)>, String),
}

/// Parses one JSON document (RFC 8259; a leading byte-order mark is skipped).
pub fn parse(text: &str) -> Result<Json, SyntaxError> {
    let mut parser = LowLevelJsonParser::new();
    let mut rest = text.as_bytes();
    let mut open: Vec<Open> = Vec::new();
    loop {
        let LowLevelJsonParserResult {
            consumed_bytes,
            event,
        } = parser.parse_next(rest, true);
        rest = rest.get(consumed_bytes..).unwrap_or_default();
        // With the whole text given (`true` above), every call returns an
        // event or an error; were one ever to return neither, stopping with
        // an error beats calling it again forever in someone's build.
        let Some(event) = event else {
            let offset = text.len().saturating_sub(rest.len());
            let message = "the JSON reader stopped before the end".to_owned();
            return Err(error_at(text, offset, message));
        };
        let event = event.map_err(|e| syntax_error(text, &e))?;
        if matches!(event, JsonEvent::StartArray | JsonEvent::StartObject)
            && open.len() == MAX_DEPTH
        {
            // The bracket is the last byte read.
            let offset = text.len().saturating_sub(rest.len()).saturating_sub(1);
            let message = format!("arrays and objects nested more than {MAX_DEPTH} deep");
            return Err(error_at(text, offset, message));
        }
        let value = match event {
            JsonEvent::StartArray => {
                open.push(Open::Array(Vec::new()));
                continue;
            }
            JsonEvent::StartObject => {
                open.push(Open::Object(Vec::new(), String::new()));
                continue;
            }
            JsonEvent::ObjectKey(key) => {
                if let Some(Open::Object(_, next_key)) = open.last_mut() {
                    *next_key = key.into_owned();
                }
                continue;
            }
            // The parser checks that every end matches its start.
            JsonEvent::EndArray | JsonEvent::EndObject => match open.pop() {
                Some(Open::Array(items)) => Json::Array(items),
                Some(Open::Object(members, _)) => Json::Object(members),
                None => continue,
            },
            JsonEvent::String(text) => Json::String(text.into_owned()),
            JsonEvent::Number(text) => Json::Number(text.into_owned()),
            JsonEvent::Boolean(value) => Json::Bool(value),
            JsonEvent::Null => Json::Null,
            // The parser reports an end before any value as an error first.
            JsonEvent::Eof => {
                let message = "Unexpected end of file, a value was expected".to_owned();
                return Err(error_at(text, text.len(), message));
            }
        };
        match open.last_mut() {
            Some(Open::Array(items)) => items.push(value),
            Some(Open::Object(members, key)) => members.push((std::mem::take(key), value)),
            // The root is complete: the parser's next event says whether
            // anything but white space follows it.
            None => {
                let LowLevelJsonParserResult { event, .. } = parser.parse_next(rest, true);
                return match event {
                    Some(Err(e)) => Err(syntax_error(text, &e)),
                    _ => Ok(value),
                };
            }
        }
    }
}

/// The parser's error, placed by its byte offset: its own column counts
/// bytes, ours counts characters, as editors do.
fn syntax_error(text: &str, error: &JsonSyntaxError) -> SyntaxError {
    let offset = usize::try_from(error.location().start.offset).unwrap_or(usize::MAX);
    let message = error.message();
    // The parser reads six bytes past a `\u` escape for a low surrogate, and
    // says "end of file" when fewer are left, pointing at the string's
    // opening quote, though the string is closed and the file goes on.
    let cut_escape = text
        .get(offset..)
        .and_then(|rest| rest.strip_prefix('"'))
        .is_some_and(closed_after_a_u_escape);
    if message == "Unexpected end of file" && cut_escape {
        return error_at(
            text,
            offset,
            "a `\\u` escape in the string starting here is cut short, or a high surrogate \
             in it has no low surrogate after it"
                .to_owned(),
        );
    }
    error_at(text, offset, message.to_owned())
}

/// Whether the string whose text (after its opening quote) starts `string`
/// has a `\u` escape and is closed by an unescaped quote.
fn closed_after_a_u_escape(string: &str) -> bool {
    let mut saw_u = false;
    let mut bytes = string.bytes();
    while let Some(byte) = bytes.next() {
        match byte {
            b'"' => return saw_u,
            b'\\' => saw_u |= bytes.next() == Some(b'u'),
            _ => {}
        }
    }
    false
}

/// An error at byte `offset` of `text`: a character boundary, or else the
/// start of the character that holds it.
pub fn error_at(text: &str, offset: usize, message: String) -> SyntaxError {
    let boundary = (0..=offset.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let before = text.get(..boundary).unwrap_or_default();
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    let mut column = before.get(line_start..).unwrap_or_default().chars().count() + 1;
    // A leading byte-order mark is skipped, and no editor shows it as a column.
    if line_start == 0 && before.starts_with('\u{feff}') {
        column -= 1;
    }
    SyntaxError {
        line: before.matches('\n').count() + 1,
        column,
        message,
    }
}

/// `text` as a JSON string literal, escaped as serde_json and the JSON
/// Canonicalization Scheme do: `"` and `\`, then each control character as
/// its short escape or `\u00xx`; everything else as itself.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
