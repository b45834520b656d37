//! `kakiyo-events show ID`: one event in full.

use kakiyo_events::EventId;

use crate::output::{BadInput, Outcome, Report, TextOrJson, to_json};
use crate::style::{Style, printable};

/// Show one event in full.
///
/// Its id, name, description, category, Rust variant, and deprecation when it
/// has one. An id not in the catalog exits 2, with a "did you mean" when one
/// is close.
#[derive(clap::Args)]
pub struct Args {
    /// The event id, e.g. prospect.qualified.
    id: String,

    /// `text` for people; `json` for the API's entry object.
    #[arg(long, short, value_enum, default_value_t)]
    format: TextOrJson,
}

pub fn run(args: &Args, style: Style) -> Outcome {
    let id: EventId = args.id.parse().map_err(BadInput::new)?;
    let event = id.event();
    let stdout = match args.format {
        TextOrJson::Json => to_json(event)?,
        TextOrJson::Text => {
            let category = event.category;
            let mut rows = vec![
                ("id", style.id(id.as_str())),
                ("name", style.bold(&printable(event.name))),
                ("description", printable(event.description)),
                (
                    "category",
                    format!("{} ({})", category.as_str(), printable(category.name())),
                ),
                ("rust", format!("kakiyo_events::EventId::{id:?}")),
            ];
            if let Some(reason) = event.deprecated {
                rows.push(("deprecated", style.warn(&printable(reason))));
            }
            rows.iter()
                .map(|(key, value)| format!("{key:<12} {value}\n"))
                .collect()
        }
    };
    Ok(Report::success(stdout))
}
