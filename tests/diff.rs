//! The library's `diff()`: the compiled catalog against a remote list.
#![cfg(feature = "diff")]

use kakiyo_events::{
    CatalogDiff, DiffErrorKind, EventField, EventId, JsonType, catalog_json, diff,
};
use serde_json::{Value, json};

/// The reference page's sample response: six entries, verbatim.
const SAMPLE_RESPONSE: &str = include_str!("cli_support/sample-response.json");

fn catalog_entries() -> Vec<Value> {
    serde_json::from_str(catalog_json()).expect("the catalog's JSON parses")
}

fn diff_of(entries: &[Value]) -> CatalogDiff {
    diff(&serde_json::to_string(entries).expect("JSON")).expect("a valid remote list")
}

#[test]
fn sample_response_gives_16_removed_nothing_added_or_changed() {
    let drift = diff(SAMPLE_RESPONSE).expect("the sample is in the API's shape");
    assert!(drift.added.is_empty(), "{drift}");
    assert!(drift.changed.is_empty(), "{drift}");
    assert_eq!(drift.removed.len(), 16);

    let sample_ids = [
        EventId::ProspectQualified,
        EventId::ProspectResponded,
        EventId::CampaignCompleted,
        EventId::AgentStatusChanged,
        EventId::MessageSent,
        EventId::ConnectionAccepted,
    ];
    let expected: Vec<EventId> = EventId::ALL
        .iter()
        .copied()
        .filter(|id| !sample_ids.contains(id))
        .collect();
    assert_eq!(drift.removed, expected, "removed ids in catalog order");
}

#[test]
fn the_catalog_matches_itself_in_any_order() {
    assert!(diff(catalog_json()).expect("valid").is_empty());

    let mut entries = catalog_entries();
    entries.reverse();
    entries.swap(3, 17);
    let drift = diff_of(&entries);
    assert!(drift.is_empty(), "{drift}");
    assert_eq!(drift.to_string(), "no drift\n");
}

/// One field changed and nothing else: that alone is drift.
#[test]
fn a_changed_field_alone_is_drift() {
    let mut entries = catalog_entries();
    entries[2]["description"] = json!("Changed upstream.");
    let drift = diff_of(&entries);
    assert!(
        drift.added.is_empty() && drift.removed.is_empty(),
        "{drift}"
    );
    assert_eq!(drift.changed.len(), 1, "{drift}");
    assert!(!drift.is_empty(), "{drift}");
    let id = EventId::ALL[2];
    assert_eq!(
        drift.to_string(),
        format!(
            "~ {id} description: {:?} -> \"Changed upstream.\"\n",
            id.description()
        )
    );
}

#[test]
fn lists_come_in_the_specified_orders() {
    let mut entries = catalog_entries();
    // Changed fields, given in reverse catalog order.
    entries[21]["name"] = json!("Agent Went Offline");
    entries[0]["category"] = json!("lead");
    entries[0]["name"] = json!("Qualified");
    entries[5]["description"] = json!("");
    // Removed: two events.
    entries.retain(|e| e["id"] != "message.failed" && e["id"] != "prospect.paused");
    // Added, in remote order that is not sorted.
    entries.insert(
        0,
        json!({"id": "zulu.event", "name": "Z", "description": "z", "category": "zulu"}),
    );
    entries
        .push(json!({"id": "alpha.event", "name": "A", "description": "a", "category": "alpha"}));

    let drift = diff_of(&entries);
    let added: Vec<&str> = drift.added.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(added, ["zulu.event", "alpha.event"], "remote order");
    assert_eq!(
        drift.removed,
        [EventId::ProspectPaused, EventId::MessageFailed],
        "catalog order"
    );
    let changed: Vec<(EventId, EventField, &str)> = drift
        .changed
        .iter()
        .map(|c| (c.id, c.field, c.remote.as_str()))
        .collect();
    assert_eq!(
        changed,
        [
            (EventId::ProspectQualified, EventField::Name, "Qualified"),
            (EventId::ProspectQualified, EventField::Category, "lead"),
            (EventId::CampaignStarted, EventField::Description, ""),
            (
                EventId::AgentOffline,
                EventField::Name,
                "Agent Went Offline"
            ),
        ],
        "catalog order, then name, description, category"
    );
    assert_eq!(drift.changed[0].local, "Prospect Qualified");
}

#[test]
fn serializes_as_exactly_added_removed_changed() {
    let mut entries = catalog_entries();
    entries.truncate(21); // drops agent.offline
    entries[1]["name"] = json!("Prospect responded");
    entries.push(json!({"id": "linkedin.message.sent", "name": "LinkedIn Message Sent", "description": "d", "category": "linkedin", "extra": [1, 2]}));
    let drift = diff_of(&entries);
    assert_eq!(
        serde_json::to_string(&drift).expect("serializes"),
        concat!(
            r#"{"added":[{"id":"linkedin.message.sent","name":"LinkedIn Message Sent","description":"d","category":"linkedin"}],"#,
            r#""removed":["agent.offline"],"#,
            r#""changed":[{"id":"prospect.responded","field":"name","local":"Prospect Responded","remote":"Prospect responded"}]}"#
        )
    );
    assert_eq!(
        drift.to_string(),
        "+ \"linkedin.message.sent\" (added)\n- agent.offline (removed)\n~ prospect.responded name: \"Prospect Responded\" -> \"Prospect responded\"\n"
    );
}

#[test]
fn extra_fields_are_ignored() {
    let mut entries = catalog_entries();
    entries[0]["deprecated"] = json!("use something else");
    entries[1]["schema"] = json!({"type": "object"});
    assert!(diff_of(&entries).is_empty());
}

#[test]
fn errors_say_what_and_where() {
    let one = |extra: &str| {
        format!(
            r#"[{{"id": "message.sent", "name": "Message Sent", "description": "d", "category": "message"}}, {extra}]"#
        )
    };
    let cases: Vec<(&str, String)> = vec![
        ("empty", " \n\t".into()),
        ("syntax", "[\n  {\"id\": \"a.b\" \"name\": \"x\"}\n]".into()),
        ("truncated", "[{\"id\": ".into()),
        ("trailing", "[] []".into()),
        ("not_an_array", r#"{"events": []}"#.into()),
        ("string_top_level", r#""prospect.qualified""#.into()),
        ("entry_not_object", one("null")),
        (
            "missing_id",
            one(r#"{"name": "n", "description": "d", "category": "c"}"#),
        ),
        (
            "missing_name",
            one(r#"{"id": "agent.offline", "description": "d", "category": "agent"}"#),
        ),
        (
            "missing_category",
            one(r#"{"id": "agent.offline", "name": "n", "description": "d"}"#),
        ),
        (
            "id_not_string",
            one(r#"{"id": 7, "name": "n", "description": "d", "category": "c"}"#),
        ),
        (
            "description_not_string",
            one(
                r#"{"id": "agent.offline", "name": "n", "description": null, "category": "agent"}"#,
            ),
        ),
        (
            "empty_id",
            one(r#"{"id": "", "name": "n", "description": "d", "category": "c"}"#),
        ),
        (
            "blank_id",
            one(r#"{"id": " \t", "name": "n", "description": "d", "category": "c"}"#),
        ),
        (
            "duplicate",
            one(
                r#"{"id": "message.sent", "name": "Message Sent", "description": "d", "category": "message"}"#,
            ),
        ),
        (
            "repeated_key",
            one(
                "{\"id\": \"agent.offline\",\n \"name\": \"n\", \"name\": \"m\", \"description\": \"d\", \"category\": \"agent\"}",
            ),
        ),
        (
            "hostile_id",
            one("{\"id\": \"evil\\u001b[2J\\n\", \"name\": 1}"),
        ),
    ];
    let mut transcript = String::new();
    for (name, input) in &cases {
        let err = diff(input).expect_err(name);
        transcript.push_str(&format!("{name}: {err}\n"));
    }
    insta::assert_snapshot!("error_messages", transcript);
}

#[test]
fn error_kinds_are_typed() {
    let err = diff("[\n  1,\n  {\"id\": \"x.y\",, }\n]").expect_err("syntax");
    assert_eq!(err.line_column(), Some((3, 16)));
    assert!(matches!(
        err.kind(),
        DiffErrorKind::Syntax {
            line: 3,
            column: 16,
            ..
        }
    ));
    assert_eq!(err.entry(), None);

    let err = diff("[1]").expect_err("shape");
    assert_eq!(
        err.kind(),
        &DiffErrorKind::EntryNotAnObject {
            index: 0,
            found: JsonType::Number
        }
    );
    assert_eq!(err.entry(), Some(0));
    assert_eq!(err.line_column(), None);

    let err = diff(r#"{}"#).expect_err("shape");
    assert_eq!(
        err.kind(),
        &DiffErrorKind::NotAnArray {
            found: JsonType::Object
        }
    );

    let entry = r#"{"id": "a.b", "name": "n", "description": "d", "category": "a"}"#;
    let err = diff(&format!("[{entry}, {entry}, {entry}]")).expect_err("duplicate");
    assert_eq!(
        err.kind(),
        &DiffErrorKind::DuplicateId {
            id: "a.b".into(),
            first: 0,
            index: 1
        }
    );

    let err = diff(r#"[{"id": "a.b", "name": true}]"#).expect_err("shape");
    assert_eq!(
        err.kind(),
        &DiffErrorKind::FieldNotAString {
            index: 0,
            id: Some("a.b".into()),
            field: "name",
            found: JsonType::Bool
        }
    );

    let err: Box<dyn std::error::Error> = Box::new(err);
    assert!(err.to_string().starts_with("entry [0]"));

    // serde_json alone keeps the last of two ids: this entry would be compared
    // as message.sent, and x.y would go unseen.
    let err = diff(r#"[{"id": "x.y", "id": "message.sent", "name": "n", "description": "d", "category": "message"}]"#)
        .expect_err("repeated key");
    assert_eq!(
        err.kind(),
        &DiffErrorKind::RepeatedKey {
            key: "id".into(),
            line: 1,
            column: 19
        }
    );
    assert_eq!(err.line_column(), Some((1, 19)));
    assert_eq!(err.entry(), None);
}

#[test]
fn hostile_input_never_panics_and_stays_bounded() {
    // A 10 MiB id is cut in the message.
    let huge = "é".repeat(5 << 20);
    let err = diff(&format!(r#"[{{"id": "{huge}"}}]"#)).expect_err("missing name");
    let message = err.to_string();
    assert!(message.len() < 200, "{} bytes", message.len());
    assert!(message.contains("…\")"), "{message}");

    // A 10 MiB line of nonsense, deep nesting, and a NUL-filled string.
    assert!(diff(&"x".repeat(10 << 20)).is_err());
    let deep = diff(&"[".repeat(1 << 20)).expect_err("too deep");
    assert!(err_text(&deep).contains("recursion limit exceeded"));
    assert!(diff("\0\0\0").is_err());

    // 10 MiB of valid entries that are all new: every one is reported as added.
    let many: Vec<Value> = (0..50_000)
        .map(|n| json!({"id": format!("bulk.e{n}"), "name": "n", "description": "d", "category": "bulk"}))
        .collect();
    let drift = diff_of(&many);
    assert_eq!(drift.added.len(), 50_000);
    assert_eq!(drift.removed.len(), EventId::COUNT);
}

fn err_text(err: &kakiyo_events::DiffError) -> String {
    err.to_string()
}

/// A saved response that starts with a byte-order mark (PowerShell writes
/// one) is read as without it, and positions count from after it.
#[test]
fn a_leading_byte_order_mark_is_skipped() {
    let with_mark = format!("\u{feff}{}", catalog_json());
    assert!(diff(&with_mark).expect("read past the mark").is_empty());
    let err = diff("\u{feff}[\n  {\"id\": }]").unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid JSON at line 2, column 10: expected value"
    );
    // Only one, and only at the start.
    assert!(diff("\u{feff}\u{feff}[]").is_err());
}

/// `EventField` and `JsonType` pad as a width asks, as `EventId` does.
#[test]
fn fields_and_types_pad_to_a_width() {
    assert_eq!(format!("[{:<13}]", EventField::Name), "[name         ]");
    assert_eq!(format!("[{:>8}]", JsonType::Null), "[    null]");
}
