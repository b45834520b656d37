//! The command on text it does not control: a catalog of hostile text
//! (tests/fixtures/hostile-valid.json, built in through
//! `KAKIYO_EVENTS_CATALOG`) and a remote list with control characters in an
//! id. What reaches a terminal stays inert, what is exported stays data, and
//! a deprecation is shown wherever an event is.
#![cfg(feature = "cli")]

mod cli_support;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use cli_support::{binary_with_catalog, cli, cli_of};
use serde_json::Value;

const FIXTURE: &str = "tests/fixtures/hostile-valid.json";

/// The command built against the hostile fixture, once for this file.
fn hostile_binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| binary_with_catalog(Path::new(FIXTURE)))
}

/// The fixture's entries.
fn entries() -> Vec<Value> {
    let text = std::fs::read_to_string(FIXTURE).expect("the fixture is readable");
    serde_json::from_str(&text).expect("the fixture is a JSON array")
}

fn field<'a>(entry: &'a Value, name: &str) -> &'a str {
    entry[name].as_str().unwrap_or_default()
}

/// No character that can drive a terminal or reorder what it shows: control
/// characters (but the newline ending each line) and the bidi and invisible
/// characters the command escapes.
fn assert_inert(what: &str, out: &str) {
    let bad = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{FEFF}')
            || matches!(c, '\u{2028}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if let Some(c) = out.chars().find(|&c| bad(c)) {
        panic!("{what}: {c:?} reached the output:\n{out}");
    }
}

#[test]
fn list_and_show_print_hostile_text_escaped_with_its_deprecation() {
    let binary = hostile_binary();
    let list = cli_of(binary, ["list"]).run();
    assert_eq!(list.code, 0, "{list}");
    let one = cli_of(binary, ["list", "-c", "campaign"]).run();
    assert!(one.stdout.ends_with("\n1 event in 1 category\n"), "{one}");
    assert_inert("list", &list.stdout);
    assert!(
        list.stdout
            .contains(r#"[deprecated: "); panic!("from a deprecation note"); ("\nsecond line */]"#),
        "{list}"
    );

    for entry in entries() {
        let id = field(&entry, "id");
        let show = cli_of(binary, ["show", id]).run();
        assert_eq!(show.code, 0, "{show}");
        assert_inert(&format!("show {id}"), &show.stdout);
        let deprecated = show.stdout.lines().any(|l| l.starts_with("deprecated "));
        assert_eq!(deprecated, entry.get("deprecated").is_some(), "{show}");

        let listed = cli_of(binary, ["list", "-c", field(&entry, "category")]).run();
        assert_eq!(listed.code, 0, "{listed}");
        assert_inert(&format!("list -c {id}'s category"), &listed.stdout);
    }
}

/// `diff` prints the compiled catalog's names for removed events: escaped.
#[test]
fn diff_prints_the_compiled_names_escaped() {
    let run = cli_of(hostile_binary(), ["diff", "-"]).stdin("[]").run();
    assert_eq!(run.code, 1, "{run}");
    assert_inert("diff", &run.stdout);
    assert!(run.stdout.contains("agent.control_chars"), "{run}");
}

/// Ids from the remote API are untrusted: an escape sequence in one is
/// printed escaped, in the text report and in the error line alike.
#[test]
fn diff_prints_remote_ids_escaped() {
    let remote = r#"[{"id": "prospect.x\u001b]0;pwned\u0007\u001b[2J", "name": "N",
                      "description": "D", "category": "prospect"}]"#;
    let run = cli(["diff", "-"]).stdin(remote).run();
    assert_eq!(run.code, 1, "{run}");
    assert_inert("diff stdout", &run.stdout);
    assert_inert("diff stderr", &run.stderr);
    assert!(
        run.stdout
            .contains(r"prospect.x\u{1b}]0;pwned\u{7}\u{1b}[2J"),
        "{run}"
    );
}

/// The TypeScript export holds each name and description as a string
/// literal that reads back as exactly the catalog's text, and writes no bidi,
/// invisible or control character raw (Trojan Source): the module reads in
/// review as it compiles.
#[test]
fn typescript_literals_hold_the_catalog_text_exactly() {
    let run = cli_of(hostile_binary(), ["export", "--format", "typescript"]).run();
    assert_eq!(run.code, 0, "{run}");
    assert_inert("export --format typescript", &run.stdout);
    // Each event's line, `{ id: "…", name: "…", description: "…", category:
    // "…" },`, read field by field: a JSON string literal is the TypeScript
    // one, and each is read to its own end, so no text can pass for a key.
    let fields = |line: &str| -> Vec<String> {
        let mut rest = line.trim_start().strip_prefix("{ ").expect("an event line");
        let mut values = Vec::new();
        for key in ["id", "name", "description", "category"] {
            rest = rest
                .strip_prefix(&format!("{key}: "))
                .unwrap_or_else(|| panic!("{key} next in {line}"));
            let mut literals = serde_json::Deserializer::from_str(rest).into_iter::<String>();
            values.push(literals.next().expect("a literal").expect("a JSON string"));
            rest = &rest[literals.byte_offset()..];
            rest = rest.strip_prefix(", ").unwrap_or(rest);
        }
        assert_eq!(rest, " },", "{line}");
        values
    };
    let literals: Vec<(String, String)> = run
        .stdout
        .lines()
        .filter(|line| line.trim_start().starts_with("{ id: "))
        .map(|line| {
            let values = fields(line);
            (values[1].clone(), values[2].clone())
        })
        .collect();
    let expected: Vec<(String, String)> = entries()
        .iter()
        .map(|entry| {
            (
                field(entry, "name").to_owned(),
                field(entry, "description").to_owned(),
            )
        })
        .collect();
    assert_eq!(literals, expected);
}

/// Every JSON the command writes from the catalog is the same JSON value as
/// the catalog's text, with no bidi, invisible or control character written
/// raw (they are `\u` escapes): a committed export reads as it parses.
#[test]
fn json_outputs_escape_what_could_hide_in_review() {
    let id = field(&entries()[0], "id").to_owned();
    for args in [
        vec!["export", "--format", "json"],
        vec!["export", "--format", "json-schema"],
        vec!["list", "--format", "json"],
        vec!["list", "--format", "ndjson"],
        vec!["list", "--format", "json", "--category", "agent"],
        vec!["show", id.as_str(), "--format", "json"],
    ] {
        let run = cli_of(hostile_binary(), args.clone()).run();
        assert_eq!(run.code, 0, "{args:?}: {run}");
        assert_inert(&format!("{args:?}"), &run.stdout);
        for line in run.stdout.lines().filter(|_| args.contains(&"ndjson")) {
            serde_json::from_str::<Value>(line).expect("each line is JSON");
        }
    }
    // The same values: the API body reads back as the catalog, field by field.
    let run = cli_of(hostile_binary(), ["export", "--format", "json"]).run();
    let exported: Vec<Value> = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(exported.len(), entries().len());
    for (exported, entry) in exported.iter().zip(entries()) {
        for key in ["id", "name", "description", "category"] {
            assert_eq!(exported[key], entry[key], "{key}");
        }
    }
}

/// The JSON Schema marks exactly the deprecated events as deprecated.
#[test]
fn json_schema_marks_the_deprecated_event() {
    let run = cli_of(hostile_binary(), ["export", "--format", "json-schema"]).run();
    assert_eq!(run.code, 0, "{run}");
    let schema: Value = serde_json::from_str(&run.stdout).expect("the schema is JSON");
    let text = schema.to_string();
    for entry in entries() {
        let id = serde_json::to_string(field(&entry, "id")).expect("a string serializes");
        assert!(text.contains(&id), "{id} is missing from the schema");
    }
    let deprecated = text.matches(r#""deprecated":true"#).count();
    let expected = entries()
        .iter()
        .filter(|e| e.get("deprecated").is_some())
        .count();
    assert_eq!(deprecated, expected, "{}", run.stdout);
}
