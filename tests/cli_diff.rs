//! `kakiyo-events diff FILE|-`: drift between a saved API response and the catalog.
#![cfg(feature = "cli")]

mod cli_support;

use cli_support::{BadCase, SAMPLE_RESPONSE, cli, exit_2_transcript, garbage, scratch_file};
use kakiyo_events::{EventId, catalog_json};
use serde_json::{Value, json};

/// The reference page's six sample entries, against the 22-event catalog.
#[test]
fn sample_response_has_16_removed_and_nothing_else() {
    let file = scratch_file("sample-response.json", SAMPLE_RESPONSE);
    let run = cli(["diff", file, "--format", "json"]).run();
    assert_eq!(run.code, 1, "drift exits 1");

    let drift: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(
        drift.as_object().map(|o| o.len()),
        Some(3),
        "exactly three keys"
    );
    let at = |key: &str| run.stdout.find(&format!("\n  \"{key}\": ")).expect(key);
    assert!(
        at("added") < at("removed") && at("removed") < at("changed"),
        "in the issue's order"
    );
    assert_eq!(drift["added"], json!([]));
    assert_eq!(drift["changed"], json!([]));

    let sample: Vec<Value> = serde_json::from_str(SAMPLE_RESPONSE).expect("sample JSON");
    let in_sample = |id: &str| sample.iter().any(|e| e["id"] == id);
    let expected: Vec<&str> = EventId::ALL
        .iter()
        .map(|id| id.as_str())
        .filter(|id| !in_sample(id))
        .collect();
    assert_eq!(expected.len(), 16);
    assert_eq!(drift["removed"], json!(expected), "catalog order");
    assert_eq!(
        run.stderr,
        "error: the catalog has drifted from sample-response.json: 0 added, 16 removed, 0 changed\n"
    );

    insta::assert_snapshot!("sample_json", run.stdout);
    insta::assert_snapshot!("sample_text", cli(["diff", file]).run().to_string());
}

/// A changed field and nothing added or removed still fails a drift check.
#[test]
fn a_changed_field_alone_exits_1() {
    let mut entries: Vec<Value> = serde_json::from_str(catalog_json()).expect("catalog JSON");
    entries[0]["name"] = json!("Prospect Qualified!");
    let run = cli(["diff", "-"])
        .stdin(serde_json::to_string(&entries).expect("JSON"))
        .run();
    assert_eq!(run.code, 1, "{run}");
    assert_eq!(
        run.stderr, "error: the catalog has drifted from stdin: 0 added, 0 removed, 1 changed\n",
        "{run}"
    );
}

#[test]
fn the_catalog_against_itself_has_no_drift() {
    let run = cli(["diff", "-"]).stdin(catalog_json()).run();
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        "no drift: the remote list matches the compiled catalog (22 events)\n"
    );

    let run = cli(["diff", "-", "-f", "json"]).stdin(catalog_json()).run();
    assert_eq!(run.code, 0);
    assert_eq!(
        serde_json::from_str::<Value>(&run.stdout).expect("JSON"),
        json!({"added": [], "removed": [], "changed": []})
    );

    // The remote order does not count as drift.
    let mut entries: Vec<Value> = serde_json::from_str(catalog_json()).expect("catalog JSON");
    entries.reverse();
    let run = cli(["diff", "-"])
        .stdin(serde_json::to_string(&entries).expect("JSON"))
        .run();
    assert_eq!(run.code, 0, "{run}");
}

/// A team catalog holds ids the test-events list never has: `--ignore`
/// leaves them out on both sides, and refuses an id that is on neither.
#[test]
fn ignored_ids_are_left_out_on_both_sides() {
    // The remote list lacks `agent.offline`, renames `message.sent` and adds
    // a live-vocabulary id.
    let mut entries: Vec<Value> = serde_json::from_str(catalog_json()).expect("catalog JSON");
    entries.retain(|e| e["id"] != "agent.offline");
    for entry in &mut entries {
        if entry["id"] == "message.sent" {
            entry["name"] = json!("Message Sent!");
        }
    }
    entries.push(json!({
        "id": "linkedin.message.sent",
        "name": "LinkedIn Message Sent",
        "description": "d",
        "category": "linkedin"
    }));
    let remote = serde_json::to_string(&entries).expect("JSON");

    let run = cli(["diff", "-"]).stdin(remote.clone()).run();
    assert_eq!(run.code, 1, "{run}");
    assert_eq!(
        run.stderr,
        "error: the catalog has drifted from stdin: 1 added, 1 removed, 1 changed\n"
    );

    // Each kind of difference can be left out, and only the one named.
    let run = cli(["diff", "-", "--ignore", "linkedin.message.sent"])
        .stdin(remote.clone())
        .run();
    assert_eq!(
        run.stderr, "error: the catalog has drifted from stdin: 0 added, 1 removed, 1 changed\n",
        "{run}"
    );
    let all = [
        "diff",
        "-",
        "--ignore",
        "linkedin.message.sent",
        "--ignore=agent.offline",
        "--ignore",
        "message.sent",
        "--ignore",
        "message.sent",
    ];
    let run = cli(all).stdin(remote.clone()).run();
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(
        run.stdout,
        "no drift: the remote list matches the compiled catalog (22 events; 3 ids ignored)\n"
    );
    let run = cli(all.into_iter().chain(["-f", "json"]))
        .stdin(remote.clone())
        .run();
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(
        serde_json::from_str::<Value>(&run.stdout).expect("JSON"),
        json!({"added": [], "removed": [], "changed": []})
    );

    // A typo, or an id on neither side, is an error, not a silent no-op.
    for stray in ["linkedn.message.sent", "", "agent.offline "] {
        let run = cli(["diff", "-", "--ignore", stray])
            .stdin(remote.clone())
            .run();
        assert_eq!(run.code, 2, "{run}");
        assert_eq!(
            run.stderr,
            format!(
                "error: --ignore \"{stray}\": no such id in the compiled catalog or in stdin\n"
            ),
        );
    }
}

#[test]
fn added_removed_and_changed_in_their_orders() {
    let mut entries: Vec<Value> = serde_json::from_str(catalog_json()).expect("catalog JSON");
    entries.retain(|e| e["id"] != "campaign.deleted" && e["id"] != "prospect.paused");
    entries[0]["name"] = json!("Prospect qualified");
    entries[0]["category"] = json!("lead");
    let last = entries.len() - 1;
    entries[last]["description"] = json!("Triggered when an agent\ngoes \u{1b}[31moffline");
    // Added entries come out in remote order, here the reverse of the ids' order.
    entries.insert(3, json!({"id": "linkedin.message.sent", "name": "LinkedIn Message Sent", "description": "Triggered when a LinkedIn message is sent", "category": "linkedin", "extra": true}));
    entries.insert(
        1,
        json!({"id": "zeta.new", "name": "Zeta", "description": "New", "category": "zeta"}),
    );
    let remote = serde_json::to_string_pretty(&entries).expect("JSON");

    let run = cli(["diff", "-", "--format", "json"])
        .stdin(remote.clone())
        .run();
    assert_eq!(run.code, 1);
    assert_eq!(
        serde_json::from_str::<Value>(&run.stdout).expect("JSON"),
        json!({
            "added": [
                {"id": "zeta.new", "name": "Zeta", "description": "New", "category": "zeta"},
                {"id": "linkedin.message.sent", "name": "LinkedIn Message Sent", "description": "Triggered when a LinkedIn message is sent", "category": "linkedin"},
            ],
            "removed": ["prospect.paused", "campaign.deleted"],
            "changed": [
                {"id": "prospect.qualified", "field": "name", "local": "Prospect Qualified", "remote": "Prospect qualified"},
                {"id": "prospect.qualified", "field": "category", "local": "prospect", "remote": "lead"},
                {"id": "agent.offline", "field": "description", "local": "Triggered when an agent goes offline", "remote": "Triggered when an agent\ngoes \u{1b}[31moffline"},
            ],
        })
    );

    let run = cli(["diff", "-"])
        .stdin(remote)
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .run();
    assert!(
        !run.stdout.contains('\x1b'),
        "remote text is escaped, and NO_COLOR holds: {run}"
    );
    insta::assert_snapshot!("mixed_text", run.to_string());
}

#[test]
fn bad_input_exits_2_saying_what_and_where() {
    let entry = |extra: &str| {
        format!(
            r#"[{{"id": "message.sent", "name": "Message Sent", "description": "d", "category": "message"}}, {extra}]"#
        )
    };
    let cases = vec![
        BadCase { name: "syntax", args: vec!["diff", "-"], stdin: Some(b"[\n  {\"id\": \"message.sent\",\n  }\n]".to_vec()) },
        BadCase { name: "truncated", args: vec!["diff", "-"], stdin: Some(b"[{\"id\": \"message.sent\"".to_vec()) },
        BadCase { name: "empty", args: vec!["diff", "-"], stdin: Some(b"  \n".to_vec()) },
        BadCase { name: "object", args: vec!["diff", "-"], stdin: Some(br#"{"data": []}"#.to_vec()) },
        BadCase { name: "entry_not_object", args: vec!["diff", "-"], stdin: Some(entry(r#""agent.offline""#).into_bytes()) },
        BadCase { name: "missing_field", args: vec!["diff", "-"], stdin: Some(entry(r#"{"id": "agent.offline", "name": "Agent Offline", "category": "agent"}"#).into_bytes()) },
        BadCase { name: "missing_id", args: vec!["diff", "-"], stdin: Some(entry(r#"{"name": "Agent Offline"}"#).into_bytes()) },
        BadCase { name: "not_a_string", args: vec!["diff", "-"], stdin: Some(entry(r#"{"id": "agent.offline", "name": ["Agent"], "description": "d", "category": "agent"}"#).into_bytes()) },
        BadCase { name: "empty_id", args: vec!["diff", "-"], stdin: Some(entry(r#"{"id": "", "name": "n", "description": "d", "category": "c"}"#).into_bytes()) },
        BadCase { name: "duplicate", args: vec!["diff", "-"], stdin: Some(entry(r#"{"id": "message.sent", "name": "Message Sent", "description": "d", "category": "message"}"#).into_bytes()) },
        BadCase { name: "missing_file", args: vec!["diff", "no-such-response.json"], stdin: None },
        BadCase { name: "directory", args: vec!["diff", "."], stdin: None },
        BadCase { name: "empty_file_name", args: vec!["diff", ""], stdin: None },
        BadCase { name: "control_characters_in_file_name", args: vec!["diff", "no-such\x1b[31m\nfile.json"], stdin: None },
        BadCase { name: "not_utf8", args: vec!["diff", "-"], stdin: Some(b"[\"caf\xe9\"]".to_vec()) },
        BadCase { name: "no_argument", args: vec!["diff"], stdin: None },
    ];
    let transcript = exit_2_transcript(cases);
    insta::assert_snapshot!("bad_input", transcript);
}

#[test]
fn no_input_panics() {
    let huge_line = format!("[{{\"id\": \"{}\"}}]", "x".repeat(10 << 20));
    let run = cli(["diff", "-"]).stdin(huge_line).run();
    assert_eq!(run.code, 2);
    assert!(run.stderr.len() < 200, "the id is cut: {run}");

    let run = cli(["diff", "-"]).stdin("x".repeat(10 << 20)).run();
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: stdin: invalid JSON at line 1, column 1: expected value\n"
    );

    let run = cli(["diff", "-"]).stdin(garbage(1 << 20)).run();
    assert_eq!(run.code, 2);

    let run = cli(["diff", "-"]).stdin("[".repeat(1 << 20)).run();
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("recursion limit exceeded"), "{run}");

    let run = cli(["diff", "-"]).stdin("[]").run();
    assert_eq!(run.code, 1, "an empty list is drift: every event removed");
}

/// Input is read up to 64 MiB: at the limit it is parsed (and fails as JSON
/// here), one byte past it is refused before any parsing, and an endless
/// input ends as quickly instead of filling memory.
#[test]
fn input_over_64_mib_is_refused_unread() {
    const LIMIT: usize = 64 << 20;
    let run = cli(["diff", "-"]).stdin(vec![b'x'; LIMIT]).run();
    assert_eq!(
        run.stderr,
        "error: stdin: invalid JSON at line 1, column 1: expected value\n"
    );
    let run = cli(["diff", "-"]).stdin(vec![b' '; LIMIT + 1]).run();
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: stdin holds more than 64 MiB, far more than any catalog, id list or webhook body\n"
    );
    #[cfg(unix)]
    {
        let run = cli(["validate", "--file", "/dev/zero"]).run();
        assert_eq!(run.code, 2);
        assert_eq!(
            run.stderr,
            "error: /dev/zero holds more than 64 MiB, far more than any catalog, id list or webhook body\n"
        );
    }
}

/// One huge id among many added entries: the report must grow with the input,
/// not with (longest id × entries). Padding every line to a 1 MiB id made the
/// command try to build a multi-gigabyte report and abort.
#[test]
fn a_huge_added_id_does_not_pad_every_line() {
    let entry = |id: &str| json!({"id": id, "name": "n", "description": "d", "category": "c"});
    let huge = "x".repeat(1 << 20);
    let mut entries = vec![entry(&huge)];
    entries.extend((0..3000).map(|n| entry(&format!("new.{n}"))));
    let remote = serde_json::to_string(&entries).expect("JSON");

    let run = cli(["diff", "-"]).stdin(remote.clone()).run();
    assert_eq!(run.code, 1, "drift: {}", run.stderr);
    assert!(
        run.stdout.len() < 3 * remote.len(),
        "the report ({} bytes) stays within a few times the input ({} bytes)",
        run.stdout.len(),
        remote.len()
    );
    let added: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("  + "))
        .collect();
    assert_eq!(added.len(), 3001);
    assert_eq!(
        added[0],
        format!("  + {huge}  \"n\" (category \"c\")"),
        "the huge id is printed whole, unpadded"
    );
    // The short ids still line up, padded to the longest of them (`new.2999`).
    assert_eq!(added[1], "  + new.0     \"n\" (category \"c\")");
    assert_eq!(added[3000], "  + new.2999  \"n\" (category \"c\")");

    let again = cli(["diff", "-"]).stdin(remote).run();
    assert_eq!(again.stdout, run.stdout, "deterministic");
}

#[test]
fn a_byte_order_mark_is_not_an_error() {
    let run = cli(["diff", "-"])
        .stdin(format!("\u{feff}{}", catalog_json()))
        .run();
    assert_eq!(run.code, 0, "{run}");
    let file = scratch_file("bom-ids.txt", "\u{feff}message.sent\r\n");
    assert_eq!(cli(["validate", "--file", file]).run().code, 0);
    // One mark, not two: the command leaves skipping it to diff().
    let run = cli(["diff", "-"])
        .stdin(format!("\u{feff}\u{feff}{}", catalog_json()))
        .run();
    assert_eq!(run.code, 2, "{run}");
    assert_eq!(
        run.stderr,
        "error: stdin: invalid JSON at line 1, column 1: expected value\n"
    );
}

/// An id longer than the padding cap (40 characters) is printed unpadded and
/// pads no other line: one long remote id does not widen the report.
#[test]
fn a_long_remote_id_widens_no_line() {
    let long = format!("x.{}", "a".repeat(107));
    let remote = format!(
        r#"[{{"id": "x.y", "name": "N", "description": "D", "category": "x"}},
            {{"id": "{long}", "name": "N", "description": "D", "category": "x"}}]"#
    );
    let run = cli(["diff", "-"]).stdin(remote).run();
    assert_eq!(run.code, 1, "{run}");
    let mut lines = run.stdout.lines().skip(1);
    assert_eq!(
        lines.next(),
        Some(r#"  + x.y  "N" (category "x")"#),
        "{run}"
    );
    assert_eq!(
        lines.next(),
        Some(format!(r#"  + {long}  "N" (category "x")"#).as_str()),
        "{run}"
    );
}
