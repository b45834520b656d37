//! `kakiyo-events export`: the catalog for other languages.

mod json_schema;
mod typescript;

use kakiyo_events::catalog_json;

use crate::output::{Outcome, Report, to_json, visible_json};

/// Export the compiled catalog for other languages and tools.
///
/// `json` is the API's response body; `json-schema` is a draft 2020-12 schema
/// that accepts exactly the catalog's event ids; `typescript` is a module with
/// `EventId` and `Category` union types and a readonly `EVENTS` array.
#[derive(clap::Args)]
pub struct Args {
    /// What to export.
    #[arg(long, short, value_enum)]
    format: ExportFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ExportFormat {
    /// The body of GET /v1/webhooks/test/events.
    Json,
    /// A JSON Schema (draft 2020-12) for one event id string.
    JsonSchema,
    /// A TypeScript module: EventId, Category, EVENTS.
    Typescript,
}

pub fn run(args: &Args) -> Outcome {
    let stdout = match args.format {
        ExportFormat::Json => format!("{}\n", visible_json(catalog_json())),
        ExportFormat::JsonSchema => to_json(&json_schema::schema())?,
        ExportFormat::Typescript => typescript::module(),
    };
    Ok(Report::success(stdout))
}
