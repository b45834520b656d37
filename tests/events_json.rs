//! Tests of the data in events.json itself, as mime_guess tests its table.

use serde_json::Value;

fn events_json() -> Vec<Value> {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/events.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn field<'a>(event: &'a Value, name: &str) -> &'a str {
    event[name]
        .as_str()
        .unwrap_or_else(|| panic!("{event}: no string {name}"))
}

/// The six entries of the reference page's sample response, verbatim.
const SAMPLE_RESPONSE: &str = r#"[
  {"id": "prospect.qualified", "name": "Prospect Qualified", "description": "Triggered when a prospect is marked as qualified", "category": "prospect"},
  {"id": "prospect.responded", "name": "Prospect Responded", "description": "Triggered when a prospect responds to outreach", "category": "prospect"},
  {"id": "campaign.completed", "name": "Campaign Completed", "description": "Triggered when a campaign reaches completion", "category": "campaign"},
  {"id": "agent.status_changed", "name": "Agent Status Changed", "description": "Triggered when an agent's status changes", "category": "agent"},
  {"id": "message.sent", "name": "Message Sent", "description": "Triggered when a message is sent to a prospect", "category": "message"},
  {"id": "connection.accepted", "name": "Connection Accepted", "description": "Triggered when a LinkedIn connection is accepted", "category": "connection"}
]"#;

/// The reference page's bullets, in its order.
const PAGE_ORDER: [&str; 22] = [
    "prospect.qualified",
    "prospect.responded",
    "prospect.disqualified",
    "prospect.paused",
    "prospect.resumed",
    "campaign.started",
    "campaign.paused",
    "campaign.resumed",
    "campaign.completed",
    "campaign.deleted",
    "message.sent",
    "message.failed",
    "message.received",
    "message.scheduled",
    "connection.sent",
    "connection.accepted",
    "connection.rejected",
    "connection.withdrawn",
    "agent.status_changed",
    "agent.health_alert",
    "agent.limits_reached",
    "agent.offline",
];

#[test]
fn holds_the_reference_pages_22_events_in_its_order() {
    let ids: Vec<String> = events_json()
        .iter()
        .map(|e| field(e, "id").to_owned())
        .collect();
    assert_eq!(ids, PAGE_ORDER);
}

#[test]
fn sample_response_entries_are_verbatim() {
    let sample: Vec<Value> = serde_json::from_str(SAMPLE_RESPONSE).unwrap();
    let events = events_json();
    for entry in &sample {
        let ours = events.iter().find(|e| e["id"] == entry["id"]).unwrap();
        assert_eq!(ours, entry);
    }
    // And the compiled catalog agrees.
    for entry in &sample {
        let event = kakiyo_events::lookup(field(entry, "id")).unwrap();
        assert_eq!(event.name, field(entry, "name"));
        assert_eq!(event.description, field(entry, "description"));
        assert_eq!(event.category.as_str(), field(entry, "category"));
    }
}

#[test]
fn names_are_the_ids_words_in_title_case() {
    for event in events_json() {
        let id = field(&event, "id");
        let expected: Vec<String> = id
            .split(['.', '_'])
            .map(|w| w[..1].to_uppercase() + &w[1..])
            .collect();
        assert_eq!(field(&event, "name"), expected.join(" "), "{id}");
    }
}

#[test]
fn descriptions_share_the_apis_voice() {
    for event in events_json() {
        let description = field(&event, "description");
        assert!(description.starts_with("Triggered when "), "{description}");
        assert!(
            !description.ends_with('.'),
            "the API's descriptions have no full stop: {description}"
        );
    }
}

#[test]
fn entries_have_the_api_shape_and_nothing_else() {
    for event in events_json() {
        let object = event.as_object().unwrap();
        let keys: Vec<&str> = object.keys().map(String::as_str).collect();
        for key in &keys {
            assert!(
                ["id", "name", "description", "category", "deprecated"].contains(key),
                "{key}"
            );
        }
        for key in ["id", "name", "description", "category"] {
            assert!(object[key].is_string(), "{key} in {event}");
        }
        assert_eq!(
            field(&event, "id").split('.').next(),
            Some(field(&event, "category"))
        );
        assert!(field(&event, "id").is_ascii());
    }
}

#[test]
fn catalog_json_is_events_json_as_the_api_returns_it() {
    let mut expected = events_json();
    for event in &mut expected {
        event.as_object_mut().unwrap().remove("deprecated");
    }
    let compiled: Vec<Value> = serde_json::from_str(kakiyo_events::catalog_json()).unwrap();
    assert_eq!(compiled, expected);
    // Compact, with the API's field order.
    let json = kakiyo_events::catalog_json();
    assert!(!json.contains('\n'));
    assert!(
        json.starts_with(
            r#"[{"id":"prospect.qualified","name":"Prospect Qualified","description":"#
        )
    );
}
