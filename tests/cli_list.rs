//! `kakiyo-events list`: the table, the API's JSON, NDJSON, category filters and colour.
#![cfg(feature = "cli")]

mod cli_support;

use cli_support::cli;
use kakiyo_events::{Category, EventId, catalog_json};

#[test]
fn table_groups_every_event_by_category() {
    let run = cli(["list"]).run();
    assert_eq!(run.code, 0);
    for id in EventId::ALL {
        assert_eq!(
            run.stdout.matches(&format!("  {} ", id.as_str())).count(),
            1,
            "{id} once"
        );
    }
    insta::assert_snapshot!("table", run.to_string());
}

#[test]
fn table_filtered_by_categories_keeps_catalog_order() {
    // Given out of order, shown in catalog order; a repeat is harmless.
    let run = cli(["list", "--category", "agent", "-c", "message,agent"]).run();
    assert_eq!(run.code, 0);
    let message = run
        .stdout
        .find("Message (4 events)")
        .expect("message heading");
    let agent = run.stdout.find("Agent (4 events)").expect("agent heading");
    assert!(message < agent);
    assert!(!run.stdout.contains("prospect."));
    insta::assert_snapshot!("table_message_agent", run.to_string());
}

#[test]
fn json_is_exactly_the_api_response_body() {
    let run = cli(["list", "--format", "json"]).run();
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, format!("{}\n", catalog_json()));
}

#[test]
fn filtered_json_is_the_api_body_filtered() {
    // Every category named: the filtered path must write the very same bytes.
    let all: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
    let run = cli(["list", "-f", "json", "-c", &all.join(",")]).run();
    assert_eq!(run.stdout, format!("{}\n", catalog_json()));

    let run = cli(["list", "-f", "json", "-c", "prospect"]).run();
    let entries: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).expect("a JSON array");
    let ids: Vec<&str> = entries
        .iter()
        .map(|e| e["id"].as_str().expect("id"))
        .collect();
    let expected: Vec<&str> = Category::Prospect
        .events()
        .iter()
        .map(|id| id.as_str())
        .collect();
    assert_eq!(ids, expected);
    let full: Vec<serde_json::Value> = serde_json::from_str(catalog_json()).expect("catalog JSON");
    assert_eq!(
        entries,
        full[..expected.len()],
        "the same entries as the full body"
    );
}

#[test]
fn ndjson_is_one_api_entry_a_line() {
    let run = cli(["list", "--format", "ndjson"]).run();
    assert_eq!(run.code, 0);
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is one JSON object"))
        .collect();
    let full: Vec<serde_json::Value> = serde_json::from_str(catalog_json()).expect("catalog JSON");
    assert_eq!(lines, full);
}

#[test]
fn colour_only_when_asked_for_and_never_under_no_color() {
    let piped = cli(["list"]).run();
    assert!(!piped.stdout.contains('\x1b'), "no colour into a pipe");

    let forced = cli(["list"]).env("CLICOLOR_FORCE", "1").run();
    assert!(forced.stdout.contains("\x1b[1mProspect (5 events)\x1b[0m"));
    assert!(forced.stdout.contains("\x1b[36mprospect.qualified"));

    let no_color = cli(["list"])
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .run();
    assert_eq!(
        no_color.stdout, piped.stdout,
        "NO_COLOR wins over everything"
    );

    let json = cli(["list", "-f", "json"]).env("CLICOLOR_FORCE", "1").run();
    assert_eq!(
        json.stdout,
        format!("{}\n", catalog_json()),
        "JSON is never coloured"
    );
}

#[test]
fn unknown_category_is_bad_input_with_a_suggestion() {
    let run = cli(["list", "--category", "prospects"]).run();
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains(r#"did you mean "prospect"?"#), "{run}");
    insta::assert_snapshot!("unknown_category", run.to_string());
}

#[test]
fn unknown_format_is_bad_input() {
    let run = cli(["list", "--format", "yaml"]).run();
    assert_eq!(run.code, 2);
    insta::assert_snapshot!("unknown_format", run.to_string());
}
