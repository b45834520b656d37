//! `kakiyo-events list`: the table, the API's JSON, NDJSON, category filters and colour.
#![cfg(feature = "cli")]

mod cli_support;

use std::path::Path;

use cli_support::{binary_with_catalog, cli, cli_of};
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
    // (The bundled catalog groups its categories, so this cannot tell catalog
    // order from category order; `interleaved_categories_keep_catalog_order`
    // can.)
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

/// A catalog whose categories are interleaved (prospect, campaign, prospect,
/// …): filtered JSON and NDJSON keep catalog order, so naming every category
/// gives the very same bytes as no filter, and some categories give the full
/// body's entries of those categories, in the body's order. The binary is
/// built against tests/fixtures/interleaved-categories.json.
#[test]
fn interleaved_categories_keep_catalog_order() {
    let catalog = Path::new("tests/fixtures/interleaved-categories.json");
    let binary = binary_with_catalog(catalog);
    let run = |args: &[&str]| {
        let run = cli_of(&binary, args).run();
        assert_eq!(run.code, 0, "{run}");
        run.stdout
    };

    let body = run(&["list", "-f", "json"]);
    let full: Vec<serde_json::Value> = serde_json::from_str(&body).expect("a JSON array");
    let categories = |entries: &[serde_json::Value]| -> Vec<String> {
        entries
            .iter()
            .map(|e| e["category"].as_str().expect("category").to_owned())
            .collect()
    };
    let order = categories(&full);
    assert_ne!(
        order[1], order[0],
        "the fixture interleaves its categories: {order:?}"
    );
    assert_eq!(
        order[2], order[0],
        "the fixture interleaves its categories: {order:?}"
    );

    let mut names = order.clone();
    names.sort();
    names.dedup();
    assert_eq!(
        run(&["list", "-f", "json", "-c", &names.join(",")]),
        body,
        "every category named: the very same bytes"
    );

    let ndjson: Vec<serde_json::Value> = run(&["list", "-f", "ndjson"])
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object a line"))
        .collect();
    assert_eq!(ndjson, full, "NDJSON: the body's entries in its order");

    // Two categories, named in the other order: the body's entries of those
    // two, in the body's order.
    let (a, b) = (&order[0], &order[1]);
    let expected: Vec<&serde_json::Value> = full
        .iter()
        .filter(|e| e["category"] == a.as_str() || e["category"] == b.as_str())
        .collect();
    let filtered: Vec<serde_json::Value> =
        serde_json::from_str(&run(&["list", "-f", "json", "-c", &format!("{b},{a}")]))
            .expect("a JSON array");
    assert_eq!(
        filtered.iter().collect::<Vec<_>>(),
        expected,
        "json -c {b},{a}"
    );
    let filtered: Vec<serde_json::Value> =
        run(&["list", "-f", "ndjson", "-c", &format!("{b},{a}")])
            .lines()
            .map(|line| serde_json::from_str(line).expect("one JSON object a line"))
            .collect();
    assert_eq!(
        filtered.iter().collect::<Vec<_>>(),
        expected,
        "ndjson -c {b},{a}"
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
    // As the README says: CLICOLOR_FORCE wins over TERM=dumb, but not as `0`.
    let dumb = cli(["list"])
        .env("CLICOLOR_FORCE", "1")
        .env("TERM", "dumb")
        .run();
    assert_eq!(
        dumb.stdout, forced.stdout,
        "CLICOLOR_FORCE wins over TERM=dumb"
    );
    let zero = cli(["list"]).env("CLICOLOR_FORCE", "0").run();
    assert_eq!(zero.stdout, piped.stdout, "CLICOLOR_FORCE=0 forces nothing");

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

/// A reader that goes away (`kakiyo-events list | head -0`) is no error: the
/// command stops quietly with exit 0, as `--help` says. The writer starts
/// after the reader has exited, so its first write meets a closed pipe (were
/// the machine too slow for that, the write would land in the pipe's buffer
/// and the test would pass without testing, never fail).
#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let script = r#"(sleep 0.3; exec "$0" "$@" 2>"$ERR") | true; echo "${PIPESTATUS[0]}""#;
    let err = std::env::temp_dir().join(format!("kakiyo-closed-pipe-{}", std::process::id()));
    for args in [
        &["list"][..],
        &["export", "--format", "json-schema"],
        &["--help"],
    ] {
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(script)
            .arg(env!("CARGO_BIN_EXE_kakiyo-events"))
            .args(args)
            .env("ERR", &err)
            .output()
            .expect("bash runs");
        let stderr = std::fs::read_to_string(&err).unwrap_or_default();
        assert_eq!(
            (String::from_utf8_lossy(&out.stdout).trim(), stderr.as_str()),
            ("0", ""),
            "{args:?}"
        );
    }
    let _ = std::fs::remove_file(&err);
}

/// Counts agree with their nouns, in each command's summary, at one.
#[test]
fn one_is_singular() {
    let list = cli(["list", "-c", "agent"]).run();
    assert!(
        list.stdout.ends_with("\n4 events in 1 category\n"),
        "{list}"
    );

    let validate = cli(["validate", "foo"]).run();
    assert_eq!(
        validate.stderr, "error: the event id is invalid\n",
        "{validate}"
    );

    let remote = r#"[{"id": "x.y", "name": "N", "description": "D", "category": "x"}]"#;
    let diff = cli(["diff", "-"]).stdin(remote).run();
    assert!(
        diff.stdout
            .starts_with("added: 1 remote event is not in the catalog\n"),
        "{diff}"
    );
}

/// Small promises of the output: JSON ends its last line, a JSON syntax
/// error's column counts from 1, and an empty NO_COLOR is no NO_COLOR.
#[test]
fn output_details() {
    let show = cli(["show", "agent.offline", "--format", "json"]).run();
    assert!(show.stdout.ends_with("}\n"), "{show}");

    let syntax = cli(["validate", "--stdin"]).stdin("[\n").run();
    assert_eq!(
        syntax.stderr, "error: stdin: invalid JSON at line 2, column 1: EOF while parsing a list\n",
        "{syntax}"
    );

    let coloured = cli(["list", "-c", "agent"])
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "")
        .run();
    assert!(coloured.stdout.starts_with("\u{1b}["), "{coloured}");
}
