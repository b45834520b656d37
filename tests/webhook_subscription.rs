//! `Subscription`: the wildcard, catalog ids, typos, and matching.
#![cfg(feature = "webhook")]

use kakiyo_events::webhook::Subscription;
use kakiyo_events::{AnyEventId, EventId, validate};

fn any(id: &str) -> AnyEventId {
    AnyEventId::from(id)
}

#[test]
fn the_wildcard_anywhere_means_all() {
    for ids in [
        vec!["*"],
        vec!["message.sent", "*"],
        vec!["*", "agent.offline", "*"],
    ] {
        assert_eq!(
            Subscription::parse(&ids).unwrap(),
            Subscription::All,
            "{ids:?}"
        );
    }
}

#[test]
fn catalog_ids_are_kept_in_order() {
    let subscription = Subscription::parse(["message.sent", "prospect.qualified"]).unwrap();
    assert_eq!(
        subscription,
        Subscription::Only(vec![EventId::MessageSent, EventId::ProspectQualified])
    );
}

/// The type's docs: for `Only`, order and repeats count. A repeat is kept as
/// given (so that the list serializes back as it came), and makes a
/// different subscription from the list without it, matching the same events.
#[test]
fn repeated_ids_are_kept() {
    let twice = Subscription::parse(["message.sent", "message.sent"]).unwrap();
    assert_eq!(
        twice,
        Subscription::Only(vec![EventId::MessageSent, EventId::MessageSent])
    );
    let once = Subscription::parse(["message.sent"]).unwrap();
    assert_ne!(twice, once);
    assert!(twice.matches(&any("message.sent")) && once.matches(&any("message.sent")));
    assert_eq!(
        serde_json::to_string(&twice).unwrap(),
        r#"["message.sent","message.sent"]"#
    );
}

#[test]
fn an_empty_list_matches_nothing() {
    let subscription = Subscription::parse(Vec::<&str>::new()).unwrap();
    assert_eq!(subscription, Subscription::Only(vec![]));
    for id in EventId::ALL {
        assert!(!subscription.matches(&AnyEventId::Known(*id)));
    }
}

#[test]
fn typos_are_reported_as_validate_reports_them() {
    let lists: [&[&str]; 4] = [
        &["prospect.qualifed"],
        &["*", "Prospect.Qualified", "message.sent", "nonsense"],
        // Only the exact "*" is the wildcard.
        &[" *", "**", "all"],
        &["linkedin.message.received"],
    ];
    for ids in lists {
        let err = Subscription::parse(ids).unwrap_err();
        // Same indices and message as validate, whose input has the same
        // positions (the "*" entries fail there, so drop them from its report).
        let reference = validate(ids).unwrap_err();
        let expected: Vec<_> = reference
            .iter()
            .filter(|(index, _)| ids[*index] != "*")
            .map(|(index, unknown)| (index, *unknown))
            .collect();
        let got: Vec<_> = err
            .iter()
            .map(|(index, unknown)| (index, *unknown))
            .collect();
        assert_eq!(got, expected, "{ids:?}");
    }
    let err =
        Subscription::parse(["*", "Prospect.Qualified", "message.sent", "nonsense"]).unwrap_err();
    assert_eq!(
        err.iter().map(|(index, _)| index).collect::<Vec<_>>(),
        [1, 3]
    );
    assert_eq!(
        err.to_string(),
        "Invalid event IDs: Prospect.Qualified (did you mean prospect.qualified?), nonsense"
    );
}

#[test]
fn matching() {
    let only = Subscription::parse(["prospect.qualified", "agent.offline"]).unwrap();
    assert!(only.matches(&any("prospect.qualified")));
    assert!(only.matches(&any("agent.offline")));
    assert!(!only.matches(&any("message.sent")));
    assert!(!only.matches(&any("linkedin.message.received")));
    assert!(!only.matches(&any("")));

    let all = Subscription::All;
    for id in [
        "prospect.qualified",
        "linkedin.message.received",
        "anything",
    ] {
        assert!(all.matches(&any(id)), "{id}");
    }
}

#[test]
fn serializes_as_a_create_body_events_list() {
    assert_eq!(
        serde_json::to_string(&Subscription::All).unwrap(),
        r#"["*"]"#
    );
    let only = Subscription::parse(["message.sent", "agent.offline"]).unwrap();
    assert_eq!(
        serde_json::to_string(&only).unwrap(),
        r#"["message.sent","agent.offline"]"#
    );
}
