//! `kakiyo-events show ID`: one event in full, or exit 2 with a suggestion.
#![cfg(feature = "cli")]

mod cli_support;

use cli_support::cli;
use kakiyo_events::EventId;

#[test]
fn shows_one_event_in_full() {
    let run = cli(["show", "agent.status_changed"]).run();
    assert_eq!(run.code, 0);
    insta::assert_snapshot!("agent_status_changed", run.to_string());
}

#[test]
fn shows_every_event() {
    for id in EventId::ALL {
        let run = cli(["show", id.as_str()]).run();
        assert_eq!(run.code, 0, "{run}");
        assert_eq!(
            run.stdout.lines().next(),
            Some(format!("id           {id}").as_str())
        );
        assert!(run.stdout.contains(id.description()));
        assert!(
            run.stdout
                .contains(&format!("kakiyo_events::EventId::{id:?}"))
        );
    }
}

#[test]
fn json_is_the_api_entry() {
    let run = cli(["show", "message.sent", "--format", "json"]).run();
    assert_eq!(run.code, 0);
    let entry: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let expected = serde_json::json!({
        "id": "message.sent",
        "name": "Message Sent",
        "description": "Triggered when a message is sent to a prospect",
        "category": "message",
    });
    assert_eq!(entry, expected);
}

#[test]
fn unknown_id_exits_2_with_did_you_mean() {
    let run = cli(["show", "prospect.qualifed"]).run();
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    insta::assert_snapshot!("typo", run.to_string());

    let run = cli(["show", "Agent-Offline"]).run();
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(r#"did you mean "agent.offline"?"#),
        "{run}"
    );

    let run = cli(["show", "nonsense"]).run();
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr, "error: unknown event id \"nonsense\"\n");
}

#[test]
fn hostile_id_is_escaped_and_cut() {
    let hostile = format!("\x1b[31m{}", "é".repeat(50_000));
    let run = cli(["show", hostile.as_str()]).run();
    assert_eq!(run.code, 2);
    assert!(
        !run.stderr.contains('\x1b'),
        "no raw escape reaches the terminal"
    );
    assert!(
        run.stderr.len() < 300,
        "a huge id is cut: {} bytes",
        run.stderr.len()
    );
    assert!(run.stderr.contains("(100005 bytes)"), "{run}");
}
