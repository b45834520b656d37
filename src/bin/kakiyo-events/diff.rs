//! `kakiyo-events diff FILE|-`: the compiled catalog against the live API.

use std::ffi::OsString;

use kakiyo_events::{CatalogDiff, EventId};

use crate::input::Source;
use crate::output::{BadInput, Outcome, Report, TextOrJson, to_json};
use crate::style::{Style, column_width, pad, printable, printable_id};

/// Compare a saved GET /v1/webhooks/test/events response with the catalog.
///
/// Reports events added on Kakiyo's side, events removed, and changed names,
/// descriptions or categories.
///
/// Exit 0 when they match, 1 on drift, 2 on bad input (invalid JSON, a body
/// not in the API's shape, or an id listed twice).
///
/// In CI: curl -sf -H "Authorization: Bearer $KAKIYO_API_KEY"
/// https://api.kakiyo.com/v1/webhooks/test/events | kakiyo-events diff -
#[derive(clap::Args)]
pub struct Args {
    /// The saved JSON array, or - for stdin.
    #[arg(value_name = "FILE|-")]
    remote: OsString,

    /// `text` for people; `json` for exactly {"added": [...], "removed": [...], "changed": [...]}.
    #[arg(long, short, value_enum, default_value_t)]
    format: TextOrJson,
}

pub fn run(args: &Args, style: Style) -> Outcome {
    let source = Source::from_arg(&args.remote);
    let text = source.read_text()?;
    let drift =
        kakiyo_events::diff(&text).map_err(|err| BadInput::new(format!("{source}: {err}")))?;

    let stdout = match args.format {
        TextOrJson::Json => to_json(&drift)?,
        TextOrJson::Text => report(&drift, style),
    };
    if drift.is_empty() {
        Ok(Report::success(stdout))
    } else {
        let why = format!(
            "the catalog has drifted from {source}: {} added, {} removed, {} changed",
            drift.added.len(),
            drift.removed.len(),
            drift.changed.len()
        );
        Ok(Report::failure(stdout, why))
    }
}

/// The text report: a section per kind of difference, in the JSON's order.
fn report(drift: &CatalogDiff, style: Style) -> String {
    if drift.is_empty() {
        return format!(
            "{}: the remote list matches the compiled catalog ({} events)\n",
            style.good("no drift"),
            EventId::COUNT
        );
    }
    let mut sections = Vec::new();
    if !drift.added.is_empty() {
        let mut out = heading(
            "added",
            drift.added.len(),
            "remote event is not in the catalog",
            "remote events are not in the catalog",
            style,
        );
        // Remote ids can be of any length: the column is capped (see
        // `column_width`), so one huge id does not pad every other line.
        let ids: Vec<String> = drift.added.iter().map(|e| printable_id(&e.id)).collect();
        let width = column_width(ids.iter().map(|id| id.chars().count()));
        for (entry, id) in drift.added.iter().zip(&ids) {
            out.push_str(&format!(
                "  {} {}  {:?} (category {:?})\n",
                style.good("+"),
                style.id(&pad(id, width)),
                entry.name,
                entry.category
            ));
        }
        sections.push(out);
    }
    if !drift.removed.is_empty() {
        let mut out = heading(
            "removed",
            drift.removed.len(),
            "catalog event is not in the remote list",
            "catalog events are not in the remote list",
            style,
        );
        let width = column_width(drift.removed.iter().map(|id| id.as_str().chars().count()));
        for id in &drift.removed {
            let padded = pad(id.as_str(), width);
            out.push_str(&format!(
                "  {} {}  {}\n",
                style.bad("-"),
                style.id(&padded),
                printable(id.name())
            ));
        }
        sections.push(out);
    }
    if !drift.changed.is_empty() {
        let mut out = heading(
            "changed",
            drift.changed.len(),
            "field differs",
            "fields differ",
            style,
        );
        for change in &drift.changed {
            out.push_str(&format!(
                "  {} {} {}\n      local:  {:?}\n      remote: {:?}\n",
                style.warn("~"),
                style.id(change.id.as_str()),
                change.field,
                change.local,
                change.remote
            ));
        }
        sections.push(out);
    }
    sections.join("\n")
}

fn heading(kind: &str, count: usize, one: &str, many: &str, style: Style) -> String {
    let what = if count == 1 { one } else { many };
    format!("{} {count} {what}\n", style.bold(&format!("{kind}:")))
}
