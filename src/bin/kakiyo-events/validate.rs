//! `kakiyo-events validate`: a webhook's event ids, checked offline.

use std::path::PathBuf;

use clap::ArgGroup;
use kakiyo_events::{JsonType, UnknownEventId};
use serde::ser::{Serialize, SerializeStruct, Serializer};
use serde_json::Value;

use crate::input::{Source, read_json};
use crate::live_vocabulary;
use crate::output::{BadInput, Outcome, Report, TextOrJson, to_json};
use crate::style::Style;

/// The wildcard a webhook subscription may use for "every event".
const WILDCARD: &str = "*";

/// Check event ids offline, as the API would before creating a webhook.
///
/// Ids come from the arguments, from stdin (one a line), or from a file: a
/// JSON array of ids, a webhook create body {"name", "url", "events": [...]},
/// or one id a line. The wildcard "*" (every event) is valid wherever an id is.
///
/// Exit 0 when every id is valid, 1 when any is not (each listed with its
/// position and a "did you mean", and a note for ids of the live vocabulary
/// in Kakiyo's webhooks guide), 2 when the input cannot be read.
#[derive(clap::Args)]
#[command(group(ArgGroup::new("source").required(true).args(["ids", "stdin", "file"])))]
pub struct Args {
    /// Event ids to check, e.g. prospect.qualified.
    #[arg(value_name = "ID")]
    ids: Vec<String>,

    /// Read the ids from stdin, one a line (or JSON, as for --file).
    #[arg(long)]
    stdin: bool,

    /// Read the ids from F (- for stdin): JSON (an array of ids or a create body)
    /// when F ends in .json or starts with [ or {, else one id a line.
    #[arg(long, value_name = "F")]
    file: Option<PathBuf>,

    /// `text` for people; `json` for {"valid", "checked", "wildcard", "invalid": [...]}.
    #[arg(long, short, value_enum, default_value_t)]
    format: TextOrJson,
}

/// One id as read, with where it was.
struct Entry {
    id: String,
    /// `argument 2`, `line 7`, `[3]` or `events[3]`.
    at: String,
}

pub fn run(args: &Args, style: Style) -> Outcome {
    let entries = read_entries(args)?;
    let has_wildcard = entries.iter().any(|e| e.id == WILDCARD);
    // The wildcard is valid but no event id, so the library does not see it;
    // each checked id keeps its position in the whole input for the report.
    let checked: Vec<(usize, &Entry)> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.id != WILDCARD)
        .collect();

    let invalid: Vec<Invalid<'_>> =
        match kakiyo_events::validate(checked.iter().map(|(_, e)| e.id.as_str())) {
            Ok(_) => Vec::new(),
            Err(errors) => errors
                .iter()
                .filter_map(|(n, unknown)| {
                    let &(index, entry) = checked.get(n)?;
                    Some(Invalid {
                        index,
                        at: &entry.at,
                        unknown: *unknown,
                    })
                })
                .collect(),
        };

    let stdout = match args.format {
        TextOrJson::Json => to_json(&JsonReport {
            valid: invalid.is_empty(),
            checked: entries.len(),
            wildcard: has_wildcard,
            invalid: invalid.iter().map(JsonInvalid::from).collect(),
        })?,
        TextOrJson::Text if invalid.is_empty() => {
            let what = match entries.len() {
                1 => "the event id is valid".to_owned(),
                n => format!("all {n} event ids are valid"),
            };
            let wildcard = if has_wildcard {
                " (\"*\" means every event)"
            } else {
                ""
            };
            format!("{}: {what}{wildcard}\n", style.good("ok"))
        }
        TextOrJson::Text => {
            let mut lines: String = invalid
                .iter()
                .map(|i| format!("{}: {}\n", style.bold(i.at), i.unknown))
                .collect();
            let ids: Vec<&str> = invalid.iter().map(|i| i.unknown.input()).collect();
            if let Some(note) = live_vocabulary::note(&ids) {
                lines.push_str(&note);
            }
            lines
        }
    };
    if invalid.is_empty() {
        Ok(Report::success(stdout))
    } else {
        let why = match (invalid.len(), entries.len()) {
            (_, 1) => "the event id is invalid".to_owned(),
            (1, total) => format!("1 of {total} event ids is invalid"),
            (bad, total) => format!("{bad} of {total} event ids are invalid"),
        };
        Ok(Report::failure(stdout, why))
    }
}

/// An invalid id and where it was. Its suggestion is worked out only when
/// printed, once, as it is the costly part of a long list of typos.
struct Invalid<'a> {
    /// 0-based position in the input, wildcards included.
    index: usize,
    at: &'a str,
    unknown: UnknownEventId,
}

struct JsonReport<'a> {
    valid: bool,
    checked: usize,
    wildcard: bool,
    invalid: Vec<JsonInvalid<'a>>,
}

/// Written by hand, as the library's impls are: the crate depends on
/// `serde_core` alone, so no build of it pays for `serde_derive`.
impl Serialize for JsonReport<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut report = serializer.serialize_struct("JsonReport", 4)?;
        report.serialize_field("valid", &self.valid)?;
        report.serialize_field("checked", &self.checked)?;
        report.serialize_field("wildcard", &self.wildcard)?;
        report.serialize_field("invalid", &self.invalid)?;
        report.end()
    }
}

struct JsonInvalid<'a> {
    index: usize,
    at: &'a str,
    /// The id, or its first 64 bytes when `truncated`.
    id: &'a str,
    truncated: bool,
    suggestion: Option<&'static str>,
}

impl Serialize for JsonInvalid<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut invalid = serializer.serialize_struct("JsonInvalid", 5)?;
        invalid.serialize_field("index", &self.index)?;
        invalid.serialize_field("at", self.at)?;
        invalid.serialize_field("id", self.id)?;
        invalid.serialize_field("truncated", &self.truncated)?;
        invalid.serialize_field("suggestion", &self.suggestion)?;
        invalid.end()
    }
}

impl<'a> From<&'a Invalid<'a>> for JsonInvalid<'a> {
    fn from(invalid: &'a Invalid<'a>) -> Self {
        Self {
            index: invalid.index,
            at: invalid.at,
            id: invalid.unknown.input(),
            truncated: invalid.unknown.is_truncated(),
            suggestion: invalid.unknown.suggestion().map(|id| id.as_str()),
        }
    }
}

fn read_entries(args: &Args) -> Result<Vec<Entry>, BadInput> {
    let (source, text) = if let Some(path) = &args.file {
        let source = Source::from_arg(path.as_os_str());
        let text = source.read_text()?;
        (source, text)
    } else if args.stdin {
        let text = Source::Stdin.read_text()?;
        (Source::Stdin, text)
    } else {
        let entries = args.ids.iter().enumerate();
        return Ok(entries
            .map(|(n, id)| Entry {
                id: id.clone(),
                at: format!("argument {}", n + 1),
            })
            .collect());
    };

    let looks_like_json = matches!(text.trim_start().chars().next(), Some('[' | '{'));
    let entries = if source.is_json_file() || looks_like_json {
        json_entries(&source, &text)?
    } else {
        line_entries(&text)
    };
    if entries.is_empty() {
        return Err(BadInput::new(format!("no event ids in {source}")));
    }
    Ok(entries)
}

/// One id a line; blank lines are skipped, and whitespace (a `\r`) trimmed.
fn line_entries(text: &str) -> Vec<Entry> {
    text.lines()
        .enumerate()
        .filter_map(|(n, line)| {
            let id = line.trim();
            (!id.is_empty()).then(|| Entry {
                id: id.to_owned(),
                at: format!("line {}", n + 1),
            })
        })
        .collect()
}

/// A JSON array of ids, or a webhook create body whose `events` is one.
fn json_entries(source: &Source, text: &str) -> Result<Vec<Entry>, BadInput> {
    let bad = |why: String| BadInput::new(format!("{source}: {why}"));
    let value = read_json(text).map_err(bad)?;
    let (items, path) = match value {
        Value::Array(items) => (items, ""),
        Value::Object(mut body) => match body.remove("events") {
            Some(Value::Array(items)) => (items, "events"),
            Some(other) => {
                return Err(bad(format!(
                    "\"events\" must be an array of event ids, found {}",
                    JsonType::from(&other)
                )));
            }
            None => {
                return Err(bad(
                    "a JSON object must be a webhook create body {\"name\", \"url\", \"events\": [...]}, and this one has no \"events\""
                        .to_owned(),
                ));
            }
        },
        other => {
            return Err(bad(format!(
                "expected a JSON array of event ids or a webhook create body, found {}",
                JsonType::from(&other)
            )));
        }
    };
    items
        .into_iter()
        .enumerate()
        .map(|(n, item)| match item {
            Value::String(id) => Ok(Entry {
                id,
                at: format!("{path}[{n}]"),
            }),
            other => Err(bad(format!(
                "{path}[{n}] must be an event id string, found {}",
                JsonType::from(&other)
            ))),
        })
        .collect()
}
