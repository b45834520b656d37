//! The delivery envelope: both documented shapes, unknown ids and fields,
//! every error, and `parse_verified`'s verify-then-parse order.
#![cfg(feature = "webhook")]

use kakiyo_events::webhook::{
    Delivery, DeliveryError, SignatureError, WebhookError, parse_unverified, parse_verified, sign,
};
use kakiyo_events::{AnyEventId, EventId};
use serde_json::json;

/// The example endpoint's shape (`GET /webhooks/test/example/{event}`).
const EXAMPLE_SHAPE: &str = r#"{
  "event": "prospect.qualified",
  "timestamp": "2024-01-20T15:30:00Z",
  "data": {"prospect": {"id": "prospect_123", "name": "John Doe"}},
  "team": {"id": "team_abc", "name": "Acme Sales"}
}"#;

/// The webhooks guide's shape, with an id from Kakiyo's live vocabulary.
const GUIDE_SHAPE: &str = r#"{
  "event": "linkedin.message.received",
  "teamId": "team_xyz",
  "timestamp": "2025-07-15T10:30:00.000Z",
  "data": {"agentId": "a1", "campaignId": "c1", "chatId": "ch1", "prospectId": "p1",
           "message": "Thanks!", "timestamp": "2025-07-15T10:29:58.000Z"}
}"#;

#[test]
fn reads_the_example_endpoint_shape() {
    let delivery = parse_unverified(EXAMPLE_SHAPE.as_bytes()).unwrap();
    // `matches!`, not `==`: equality follows the text and cannot tell
    // `Known` from `Unknown`, which a handler's `match` does.
    assert!(
        matches!(
            delivery.event,
            AnyEventId::Known(EventId::ProspectQualified)
        ),
        "{:?}",
        delivery.event
    );
    assert_eq!(delivery.timestamp, "2024-01-20T15:30:00Z");
    assert_eq!(delivery.team_id.as_deref(), Some("team_abc"));
    assert_eq!(delivery.team_name.as_deref(), Some("Acme Sales"));
    assert_eq!(
        delivery.data,
        json!({"prospect": {"id": "prospect_123", "name": "John Doe"}})
    );
}

#[test]
fn reads_the_guide_shape_and_keeps_an_unknown_id_unchanged() {
    let delivery = parse_unverified(GUIDE_SHAPE.as_bytes()).unwrap();
    assert_eq!(
        delivery.event,
        AnyEventId::Unknown("linkedin.message.received".to_owned())
    );
    assert_eq!(delivery.event.known(), None);
    assert_eq!(delivery.timestamp, "2025-07-15T10:30:00.000Z");
    assert_eq!(delivery.team_id.as_deref(), Some("team_xyz"));
    assert_eq!(delivery.team_name, None);
    assert_eq!(delivery.data["message"], "Thanks!");
    // And it serializes back to the same id.
    let again = serde_json::to_value(&delivery).unwrap();
    assert_eq!(again["event"], "linkedin.message.received");
}

#[test]
fn both_shapes_may_agree() {
    let body = json!({"event": "agent.offline", "timestamp": "t", "teamId": "team_1",
                      "team": {"id": "team_1", "name": "Ops"}});
    let delivery = Delivery::from_json(body).unwrap();
    assert_eq!(delivery.team_id.as_deref(), Some("team_1"));
    assert_eq!(delivery.team_name.as_deref(), Some("Ops"));
}

#[test]
fn unknown_fields_are_ignored_and_data_defaults_to_null() {
    let body = json!({"event": "message.sent", "timestamp": "t", "id": "dlv_1", "attempt": 2,
                      "team": {"id": "team_1", "plan": "pro"}});
    let delivery = Delivery::from_json(body).unwrap();
    assert!(
        matches!(delivery.event, AnyEventId::Known(EventId::MessageSent)),
        "{:?}",
        delivery.event
    );
    assert_eq!(delivery.team_id.as_deref(), Some("team_1"));
    assert_eq!(delivery.team_name, None);
    assert!(delivery.data.is_null());
}

/// What `Delivery::data`'s doc says of numbers: they are what serde_json's
/// own `Value` reads from the same text, in whichever way the build's
/// serde_json reads them. By default an integer past `u64` is an `f64` (the
/// nearest one with serde_json's `float_roundtrip` feature, which this test
/// build has through a dev-dependency; within a unit in the last place
/// without); with its `arbitrary_precision` feature (`.ci/run` runs this test
/// so too) it is exact. Either way a decimal is a number, not the private
/// map that feature hands to visitors.
#[test]
fn numbers_in_data_read_as_serde_json_reads_them() {
    let body = br#"{"event": "message.sent", "timestamp": "t",
                    "data": {"big": 123456789012345678901, "max": 18446744073709551615,
                             "ratio": 1.5, "neg": -7, "list": [0.25, 2.5e-3]}}"#;
    let delivery = parse_unverified(body).unwrap();
    let own: serde_json::Value = serde_json::from_slice(body).unwrap();
    assert_eq!(delivery.data, own["data"]);
    assert_eq!(delivery.data.to_string(), own["data"].to_string());
    assert_eq!(
        delivery.data["ratio"].as_f64(),
        Some(1.5),
        "{}",
        delivery.data
    );
    assert_eq!(delivery.data["neg"].as_i64(), Some(-7));
    assert_eq!(delivery.data["max"].as_u64(), Some(u64::MAX));
    assert_eq!(delivery.data["list"][0].as_f64(), Some(0.25));
    let arbitrary_precision = !serde_json::from_str::<serde_json::Value>("123456789012345678901")
        .unwrap()
        .is_f64();
    let big = &delivery.data["big"];
    if arbitrary_precision {
        assert_eq!(big.to_string(), "123456789012345678901");
    } else {
        // `as_f64` alone would not tell the modes apart (with the feature it
        // parses the kept text); the f64 is what is stored and written back.
        assert!(big.is_f64(), "{}", delivery.data);
        let nearest = 123_456_789_012_345_678_901_f64;
        let stored = big.as_f64().unwrap();
        assert!(
            (stored - nearest).abs() <= nearest * f64::EPSILON,
            "{stored:e} is not within a unit in the last place of {nearest:e}"
        );
    }
}

#[test]
fn serializes_to_a_shape_that_reads_back_equal() {
    for body in [EXAMPLE_SHAPE, GUIDE_SHAPE] {
        let delivery = parse_unverified(body.as_bytes()).unwrap();
        let written = serde_json::to_vec(&delivery).unwrap();
        assert_eq!(parse_unverified(&written).unwrap(), delivery);
    }
    let mut delivery = Delivery::new(EventId::CampaignStarted, "2025-07-15T10:30:00.000Z");
    delivery.team_id = Some("team_1".into());
    delivery.data = json!({"campaignId": "c1"});
    // The guide's envelope, in the guide's field order.
    assert_eq!(
        serde_json::to_string(&delivery).unwrap(),
        r#"{"event":"campaign.started","teamId":"team_1","timestamp":"2025-07-15T10:30:00.000Z","data":{"campaignId":"c1"}}"#
    );
    // With a team name, the example endpoint's envelope alone: no `teamId`
    // beside `team`.
    delivery.team_name = Some("Acme".into());
    assert_eq!(
        serde_json::to_string(&delivery).unwrap(),
        r#"{"event":"campaign.started","timestamp":"2025-07-15T10:30:00.000Z","data":{"campaignId":"c1"},"team":{"id":"team_1","name":"Acme"}}"#
    );
}

/// Every envelope error, with its message; the snapshot keeps the wording reviewed.
#[test]
fn envelope_errors() {
    let cases: [(&str, &[u8]); 24] = [
        ("not JSON", b"{\"event\": \"message.sent\",\n \"timestamp\": }"),
        ("not UTF-8", b"\xff\xfe"),
        ("empty body", b""),
        ("an array", b"[]"),
        ("no event", br#"{"timestamp": "t"}"#),
        ("null event", br#"{"event": null, "timestamp": "t"}"#),
        ("no timestamp", br#"{"event": "message.sent", "data": {}}"#),
        ("event not a string", br#"{"event": 7, "timestamp": "t"}"#),
        ("empty event", br#"{"event": "", "timestamp": "t"}"#),
        ("blank event", b"{\"event\": \" \\t\\n\", \"timestamp\": \"t\"}"),
        ("blank timestamp", br#"{"event": "message.sent", "timestamp": "   "}"#),
        (
            "event twice",
            b"{\"event\": \"prospect.qualified\",\n \"event\": \"campaign.deleted\", \"timestamp\": \"t\"}",
        ),
        (
            "team.id twice",
            br#"{"event": "message.sent", "timestamp": "t", "team": {"id": "a", "id": "b"}}"#,
        ),
        (
            "a key twice inside data",
            br#"{"event": "message.sent", "timestamp": "t", "data": {"prospect": {"id": 1, "id": 2}}}"#,
        ),
        ("empty timestamp", br#"{"event": "message.sent", "timestamp": ""}"#),
        ("timestamp a number", br#"{"event": "message.sent", "timestamp": 1705764600}"#),
        ("teamId a number", br#"{"event": "message.sent", "timestamp": "t", "teamId": 1}"#),
        ("team a string", br#"{"event": "message.sent", "timestamp": "t", "team": "team_1"}"#),
        ("team.id a number", br#"{"event": "message.sent", "timestamp": "t", "team": {"id": 1}}"#),
        ("team.name an object", br#"{"event": "message.sent", "timestamp": "t", "team": {"name": {}}}"#),
        (
            "two teams",
            br#"{"event": "message.sent", "timestamp": "t", "teamId": "team_1", "team": {"id": "team_2"}}"#,
        ),
        // A team id, when there is one, is refused blank as `event` is.
        ("empty teamId", br#"{"event": "message.sent", "timestamp": "t", "teamId": ""}"#),
        ("blank team.id", br#"{"event": "message.sent", "timestamp": "t", "team": {"id": "  "}}"#),
        (
            "empty teamId beside team.id",
            br#"{"event": "message.sent", "timestamp": "t", "teamId": "", "team": {"id": "team_1"}}"#,
        ),
    ];
    let mut report = String::new();
    for (name, body) in cases {
        let err = parse_unverified(body).expect_err(name);
        report.push_str(&format!("{name}: {err}\n"));
    }
    insta::assert_snapshot!(report);
}

#[test]
fn missing_fields_are_named() {
    let err = parse_unverified(br#"{"event": "message.sent"}"#).unwrap_err();
    assert!(
        matches!(err, DeliveryError::MissingField("timestamp")),
        "{err:?}"
    );
    let err = parse_unverified(br#"{"timestamp": "t"}"#).unwrap_err();
    assert!(
        matches!(err, DeliveryError::MissingField("event")),
        "{err:?}"
    );
    let err = parse_unverified(
        br#"{"event": "m", "timestamp": "t", "teamId": "a", "team": {"id": "b"}}"#,
    )
    .unwrap_err();
    assert!(
        matches!(&err, DeliveryError::TeamConflict { team_id, team_dot_id } if team_id == "a" && team_dot_id == "b"),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        r#"delivery names two teams: `teamId` is "a" but `team.id` is "b""#
    );
    // Anyone can post a body: a megabyte team id is kept whole in the field
    // and cut in the message, which a receiver logs.
    let huge = "t".repeat(1 << 20);
    let body = format!(
        r#"{{"event": "m", "timestamp": "t", "teamId": "{huge}", "team": {{"id": "b\n"}}}}"#
    );
    let err = parse_unverified(body.as_bytes()).unwrap_err();
    assert!(
        matches!(&err, DeliveryError::TeamConflict { team_id, .. } if team_id.len() == 1 << 20),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!(
            r#"delivery names two teams: `teamId` is "{}…" but `team.id` is "b\n""#,
            "t".repeat(64)
        )
    );
}

#[test]
fn a_key_named_twice_is_refused_where_it_is() {
    // serde_json alone would keep the last `event` and `teamId`: a signed body
    // read as campaign.deleted for team_b here, and perhaps otherwise elsewhere.
    let body = br#"{"event":"prospect.qualified","event":"campaign.deleted","timestamp":"t","teamId":"team_a","teamId":"team_b"}"#;
    let err = parse_unverified(body).unwrap_err();
    assert!(
        matches!(&err, DeliveryError::RepeatedKey { key, line: 1, column: 37 } if key == "event"),
        "{err:?}"
    );
    let secret = b"whsec_test";
    let err = parse_verified(secret, body, &sign(secret, body)).unwrap_err();
    assert_eq!(err.status_code(), 400);

    // A hostile key is cut in the error, and control characters are escaped.
    let key = format!("\\u001b[2J{}", "k".repeat(10_000)); // JSON for ESC [2J kkk…
    let body = format!(r#"{{"{key}": 1, "{key}": 2}}"#);
    let err = parse_unverified(body.as_bytes()).unwrap_err();
    let message = err.to_string();
    assert!(message.len() < 200, "{} bytes", message.len());
    assert!(message.contains(r#""\u{1b}[2Jkkk"#), "{message}");
    assert!(!message.contains('\u{1b}'), "{message}");

    // The cut is at 64 bytes exactly: a key of 64 is kept, one of 65 cut.
    for (len, kept) in [(64, "k".repeat(64)), (65, format!("{}…", "k".repeat(64)))] {
        let key = "k".repeat(len);
        let body = format!(r#"{{"{key}": 1, "{key}": 2}}"#);
        let err = parse_unverified(body.as_bytes()).unwrap_err();
        assert!(
            matches!(&err, DeliveryError::RepeatedKey { key, .. } if *key == kept),
            "{len}: {err:?}"
        );
    }

    // The same key in different objects, or differing only in case, is fine.
    let delivery = parse_unverified(
        br#"{"event": "message.sent", "Event": "x", "timestamp": "t", "data": {"event": 1, "list": [{"id": 1}, {"id": 2}]}}"#,
    )
    .unwrap();
    assert_eq!(delivery.data["list"][1]["id"], 2);
}

#[test]
fn parse_verified_accepts_a_signed_delivery() {
    let secret = b"whsec_test";
    for body in [EXAMPLE_SHAPE, GUIDE_SHAPE] {
        let delivery =
            parse_verified(secret, body.as_bytes(), &sign(secret, body.as_bytes())).unwrap();
        assert_eq!(delivery, parse_unverified(body.as_bytes()).unwrap());
    }
}

#[test]
fn parse_verified_rejects_a_tampered_body() {
    let secret = b"whsec_test";
    let body = EXAMPLE_SHAPE.as_bytes();
    let signature = sign(secret, body);
    // Still valid JSON after the flip ("prospect_123" → "prospect_023"), so
    // only the signature can catch it.
    let at = EXAMPLE_SHAPE.find("_123").unwrap() + 1;
    let mut tampered = body.to_vec();
    tampered[at] ^= 0x01;
    assert!(parse_unverified(&tampered).is_ok());
    let err = parse_verified(secret, &tampered, &signature).unwrap_err();
    assert!(
        matches!(err, WebhookError::Signature(SignatureError::Mismatch)),
        "{err:?}"
    );
    assert_eq!(err.status_code(), 401);
}

#[test]
fn an_empty_secret_is_the_receivers_fault_and_answered_500() {
    // As when the receiver's secret variable is unset: the request may be
    // perfectly good, so it is not answered as a bad signature (401).
    let body = EXAMPLE_SHAPE.as_bytes();
    let err = parse_verified(b"", body, &sign(b"s3cret", body)).unwrap_err();
    assert!(
        matches!(err, WebhookError::Signature(SignatureError::EmptySecret)),
        "{err:?}"
    );
    assert_eq!(err.status_code(), 500);
}

#[test]
fn a_body_that_fails_the_signature_gets_the_signature_error() {
    // Not JSON at all: the signature's error wins over the body's. (That the
    // body is not even parsed then is tests/limits.rs's
    // `a_body_whose_signature_fails_is_never_parsed`: no allocation.)
    let garbage = b"\x00 not json {";
    for header in ["", "zz", &sign(b"other", garbage)] {
        let err = parse_verified(b"whsec_test", garbage, header).unwrap_err();
        assert!(
            matches!(err, WebhookError::Signature(_)),
            "{header:?}: {err:?}"
        );
    }
    // Correctly signed garbage gets as far as the parser, and is a 400.
    let err = parse_verified(b"whsec_test", garbage, &sign(b"whsec_test", garbage)).unwrap_err();
    assert!(
        matches!(err, WebhookError::Delivery(DeliveryError::Json(_))),
        "{err:?}"
    );
    assert_eq!(err.status_code(), 400);
}

#[test]
fn a_delivery_reads_back_equal_with_data_up_to_126_levels_deep() {
    // Serialize's doc: serde_json's reader stops at 128 levels, the
    // envelope's own included.
    let nested = |depth: usize| -> serde_json::Value {
        serde_json::from_str(&format!("{}{}", "[".repeat(depth), "]".repeat(depth))).unwrap()
    };
    let mut delivery = Delivery::new(EventId::MessageSent, "2025-07-15T10:30:00.000Z");
    delivery.data = nested(126);
    let body = serde_json::to_vec(&delivery).unwrap();
    assert_eq!(parse_unverified(&body).unwrap(), delivery);
    delivery.data = nested(127);
    let body = serde_json::to_vec(&delivery).unwrap();
    let err = parse_unverified(&body).unwrap_err();
    assert!(
        err.to_string().contains("recursion limit exceeded"),
        "{err}"
    );
}

#[test]
fn a_json_error_without_a_position_is_shown_without_one() {
    // DeliveryError::Json is public: an error from `from_value` has line 0.
    let err = serde_json::from_value::<u8>(json!("x")).unwrap_err();
    assert_eq!(err.line(), 0);
    let shown = DeliveryError::Json(err).to_string();
    assert_eq!(
        shown,
        "delivery body is not JSON: invalid type: string \"x\", expected u8"
    );
}
