//! `kakiyo-events export`: the API's JSON, a JSON Schema and a TypeScript module.
//!
//! The TypeScript is type-checked by `tsc --strict` in `.ci/tsc-check`.
#![cfg(feature = "cli")]

mod cli_support;

use cli_support::cli;
use kakiyo_events::{Category, EventId, catalog_json};
use serde_json::{Value, json};

fn export(format: &str) -> String {
    let run = cli(["export", "--format", format]).run();
    assert_eq!(run.code, 0, "{run}");
    run.stdout
}

#[test]
fn json_is_the_api_response_body() {
    assert_eq!(export("json"), format!("{}\n", catalog_json()));
}

#[test]
fn json_schema_accepts_exactly_the_catalog_ids() {
    let text = export("json-schema");
    insta::assert_snapshot!("json_schema", text);
    let schema: Value = serde_json::from_str(&text).expect("JSON");

    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert!(
        jsonschema::draft202012::meta::is_valid(&schema),
        "a valid draft 2020-12 schema"
    );
    assert_eq!(schema["type"], "string");
    let one_of = schema["oneOf"].as_array().expect("oneOf");
    assert_eq!(one_of.len(), EventId::COUNT);
    for (entry, id) in one_of.iter().zip(EventId::ALL) {
        assert_eq!(
            entry,
            &json!({"const": id.as_str(), "title": id.name(), "description": id.description()})
        );
    }

    let validator = jsonschema::draft202012::new(&schema).expect("the schema compiles");
    for id in EventId::ALL {
        assert!(validator.is_valid(&json!(id.as_str())), "{id} is accepted");
    }
    for bad in [
        json!("prospect.qualifed"),
        json!("Prospect.Qualified"),
        json!("prospect.qualified "),
        json!("*"),
        json!(""),
        json!(42),
        json!(null),
        json!(["prospect.qualified"]),
    ] {
        assert!(!validator.is_valid(&bad), "{bad} is rejected");
    }
}

#[test]
fn typescript_module_has_the_specified_exports() {
    let ts = export("typescript");
    insta::assert_snapshot!("typescript", ts);

    let ids: Vec<String> = EventId::ALL.iter().map(|id| format!("\"{id}\"")).collect();
    assert!(ts.contains(&format!("export type EventId = {};\n", ids.join(" | "))));
    let categories: Vec<String> = Category::ALL.iter().map(|c| format!("\"{c}\"")).collect();
    assert!(ts.contains(&format!(
        "export type Category = {};\n",
        categories.join(" | ")
    )));
    assert!(ts.contains("export const EVENTS: readonly WebhookEvent[] = [\n"));
    let entries = ts
        .lines()
        .filter(|line| line.starts_with("  { id: "))
        .count();
    assert_eq!(entries, EventId::COUNT);
}

#[test]
fn format_is_required_and_checked() {
    let run = cli(["export"]).run();
    assert_eq!(run.code, 2);
    insta::assert_snapshot!("missing_format", run.to_string());

    let run = cli(["export", "--format", "typescrpt"]).run();
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("typescript"), "{run}");
}
