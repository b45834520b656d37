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
/// not in the API's shape, an id listed twice, or an --ignore id in neither
/// the catalog nor the body).
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

    /// Leave this id out of the comparison, on both sides; repeat for more.
    /// For a team catalog (KAKIYO_EVENTS_CATALOG) that adds ids the
    /// test-events list never has, such as the webhooks guide's live ones.
    /// An id in neither the catalog nor the remote list is an error.
    #[arg(long, value_name = "ID")]
    ignore: Vec<String>,
}

pub fn run(args: &Args, style: Style) -> Outcome {
    let source = Source::from_arg(&args.remote);
    // diff() skips a byte-order mark itself.
    let text = source.read_utf8()?;
    let mut drift =
        kakiyo_events::diff(&text).map_err(|err| BadInput::new(format!("{source}: {err}")))?;
    leave_out(&mut drift, &args.ignore, &source)?;

    let stdout = match args.format {
        TextOrJson::Json => to_json(&drift)?,
        TextOrJson::Text => report(&drift, &args.ignore, style),
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

/// Drops every difference about an id of `ignored`, each of which must be an
/// id of the catalog or of the remote list: a typo would otherwise leave the
/// difference it was meant to hide, or hide nothing, without a word.
fn leave_out(drift: &mut CatalogDiff, ignored: &[String], source: &Source) -> Result<(), BadInput> {
    // A remote id is either a catalog id or one of `added`.
    if let Some(stray) = ignored
        .iter()
        .find(|id| EventId::find(id).is_none() && !drift.added.iter().any(|e| e.id == **id))
    {
        return Err(BadInput::new(format!(
            "--ignore \"{}\": no such id in the compiled catalog or in {source}",
            printable_id(stray)
        )));
    }
    let is_ignored = |id: &str| ignored.iter().any(|i| i == id);
    drift.added.retain(|e| !is_ignored(&e.id));
    drift.removed.retain(|id| !is_ignored(id.as_str()));
    drift.changed.retain(|c| !is_ignored(c.id.as_str()));
    Ok(())
}

/// The text report: a section per kind of difference, in the JSON's order.
fn report(drift: &CatalogDiff, ignored: &[String], style: Style) -> String {
    if drift.is_empty() {
        let mut distinct: Vec<&String> = ignored.iter().collect();
        distinct.sort();
        distinct.dedup();
        let ignored = match distinct.len() {
            0 => String::new(),
            1 => "; 1 id ignored".to_owned(),
            n => format!("; {n} ids ignored"),
        };
        return format!(
            "{}: the remote list matches the compiled catalog ({} events{ignored})\n",
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
