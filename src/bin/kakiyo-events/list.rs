//! `kakiyo-events list`: the catalog, as a table for people or as the API's JSON.

use kakiyo_events::{Category, EventId, catalog_json};

use crate::output::{BadInput, Outcome, Report, visible_json};
use crate::style::{Style, pad, printable};

/// List the events of the compiled catalog.
///
/// The table groups events by category, in catalog order. `json` prints
/// exactly the body of `GET /v1/webhooks/test/events`; `ndjson` prints one
/// event object a line.
#[derive(clap::Args)]
pub struct Args {
    /// Only events of this category; repeat it, or separate with commas, for more.
    #[arg(long, short, value_name = "C", value_delimiter = ',', value_parser = parse_category)]
    category: Vec<Category>,

    /// How to print the events.
    #[arg(long, short, value_enum, default_value_t = ListFormat::Table)]
    format: ListFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ListFormat {
    /// Grouped by category: id, name and description (for people).
    Table,
    /// The API's response body: a JSON array of {"id","name","description","category"}.
    Json,
    /// One JSON object a line.
    Ndjson,
}

/// A category name, with the library's did-you-mean when it is not one.
pub fn parse_category(text: &str) -> Result<Category, String> {
    text.parse::<Category>().map_err(|err| {
        let known: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
        format!("{err} (categories: {})", known.join(", "))
    })
}

pub fn run(args: &Args, style: Style) -> Outcome {
    let categories: Vec<Category> = Category::ALL
        .iter()
        .copied()
        .filter(|c| args.category.is_empty() || args.category.contains(c))
        .collect();
    let events = in_categories(EventId::ALL, &args.category);

    let stdout = match args.format {
        ListFormat::Table => table(&categories, style),
        ListFormat::Json if args.category.is_empty() => {
            format!("{}\n", visible_json(catalog_json()))
        }
        ListFormat::Json => {
            let entries: Vec<_> = events.iter().map(|id| id.event()).collect();
            let json = serde_json::to_string(&entries)
                .map_err(|err| BadInput::new(format!("cannot write JSON: {err}")))?;
            format!("{}\n", visible_json(&json))
        }
        ListFormat::Ndjson => {
            let mut out = String::new();
            for id in &events {
                let line = serde_json::to_string(id.event())
                    .map_err(|err| BadInput::new(format!("cannot write JSON: {err}")))?;
                out.push_str(&visible_json(&line));
                out.push('\n');
            }
            out
        }
    };
    Ok(Report::success(stdout))
}

/// The events of `events` whose category is in `categories` (all of them
/// when `categories` is empty), in the order of `events`. Given
/// `EventId::ALL`, that is catalog order, which is the order of the API's
/// body even when a catalog interleaves its categories; gathering category by
/// category would not be.
fn in_categories(events: &[EventId], categories: &[Category]) -> Vec<EventId> {
    events
        .iter()
        .copied()
        .filter(|id| categories.is_empty() || categories.contains(&id.category()))
        .collect()
}

fn table(categories: &[Category], style: Style) -> String {
    let shown = || categories.iter().flat_map(|c| c.events().iter().copied());
    let id_width = shown()
        .map(|id| id.as_str().chars().count())
        .max()
        .unwrap_or(0);
    let name_width = shown()
        .map(|id| printable(id.name()).chars().count())
        .max()
        .unwrap_or(0);

    let mut out = String::new();
    for (n, category) in categories.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let count = category.events().len();
        let heading = format!(
            "{} ({count} event{})",
            printable(category.name()),
            plural(count)
        );
        out.push_str(&style.bold(&heading));
        out.push('\n');
        for id in category.events() {
            let event = id.event();
            out.push_str("  ");
            out.push_str(&style.id(&pad(id.as_str(), id_width)));
            out.push_str("  ");
            out.push_str(&pad(&printable(event.name), name_width));
            out.push_str("  ");
            out.push_str(&style.dim(&printable(event.description)));
            if let Some(reason) = event.deprecated {
                out.push_str("  ");
                out.push_str(&style.warn(&format!("[deprecated: {}]", printable(reason))));
            }
            out.push('\n');
        }
    }
    let total = shown().count();
    out.push('\n');
    out.push_str(&format!(
        "{total} event{} in {} categor{}\n",
        plural(total),
        categories.len(),
        if categories.len() == 1 { "y" } else { "ies" }
    ));
    out
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filtered_events_keep_the_given_order_across_categories() {
        // Interleaved categories, as a catalog may list them.
        let events = [
            EventId::AgentOffline,
            EventId::ProspectQualified,
            EventId::MessageSent,
            EventId::ProspectPaused,
            EventId::AgentHealthAlert,
        ];
        let all: Vec<Category> = Category::ALL.to_vec();
        assert_eq!(
            in_categories(&events, &all),
            events,
            "every category: unchanged"
        );
        assert_eq!(in_categories(&events, &[]), events, "no filter: unchanged");
        assert_eq!(
            in_categories(&events, &[Category::Prospect, Category::Agent]),
            [
                EventId::AgentOffline,
                EventId::ProspectQualified,
                EventId::ProspectPaused,
                EventId::AgentHealthAlert,
            ],
            "the events' order, not the filter's or the categories'"
        );
        assert_eq!(in_categories(EventId::ALL, &[]), EventId::ALL);
    }
}
