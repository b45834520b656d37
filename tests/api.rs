//! The public API, used from outside the crate exactly as a dependent would.

use kakiyo_events::{Category, EVENTS, Event, EventId, UnknownEventId, catalog_json, lookup};

/// Every variant, with no wildcard: a new event in the catalog makes this
/// test stop compiling, which is the semver promise the README makes.
fn describe(id: EventId) -> (&'static str, Category) {
    use EventId::*;
    let category = match id {
        ProspectQualified | ProspectResponded | ProspectDisqualified | ProspectPaused
        | ProspectResumed => Category::Prospect,
        CampaignStarted | CampaignPaused | CampaignResumed | CampaignCompleted
        | CampaignDeleted => Category::Campaign,
        MessageSent | MessageFailed | MessageReceived | MessageScheduled => Category::Message,
        ConnectionSent | ConnectionAccepted | ConnectionRejected | ConnectionWithdrawn => {
            Category::Connection
        }
        AgentStatusChanged | AgentHealthAlert | AgentLimitsReached | AgentOffline => {
            Category::Agent
        }
    };
    (id.as_str(), category)
}

#[test]
fn exhaustive_match_agrees_with_the_catalog() {
    for &id in EventId::ALL {
        assert_eq!(describe(id), (id.as_str(), id.category()));
    }
}

#[test]
fn every_id_round_trips_through_from_str_as_str_and_display() {
    for &id in EventId::ALL {
        let text = id.as_str();
        assert_eq!(text.parse::<EventId>(), Ok(id));
        assert_eq!(EventId::try_from(text), Ok(id));
        assert_eq!(EventId::find(text), Some(id));
        assert_eq!(id.to_string(), text);
        assert_eq!(id.as_ref(), text);
        assert_eq!(<&'static str>::from(id), text);
        assert_eq!(lookup(text).map(|e| e.id), Some(id));
        assert_eq!(EVENTS.get(text).map(|e| e.id), Some(id));
    }
}

#[test]
fn accessors_match_the_event_record_and_the_map() {
    assert_eq!(EventId::COUNT, 22);
    assert_eq!(EventId::ALL.len(), EventId::COUNT);
    assert_eq!(EVENTS.len(), EventId::COUNT);
    for (index, (&key, event)) in EVENTS.entries().enumerate() {
        let id = EventId::ALL[index];
        assert_eq!(key, id.as_str());
        assert_eq!(event, id.event());
        assert!(std::ptr::eq(event, id.event()), "the map's own entry");
        assert_eq!(event.deprecated, id.deprecated());
        assert_eq!(
            (
                event.id,
                event.name,
                event.description,
                event.category,
                event.deprecated
            ),
            (id, id.name(), id.description(), id.category(), None)
        );
    }
}

#[test]
fn order_is_catalog_order() {
    assert!(EventId::ALL.windows(2).all(|w| w[0] < w[1]));
    assert!(Category::ALL.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(EventId::ALL.first(), Some(&EventId::ProspectQualified));
    assert_eq!(EventId::ALL.last(), Some(&EventId::AgentOffline));
}

#[test]
fn event_id_is_one_byte_and_const() {
    assert_eq!(core::mem::size_of::<EventId>(), 1);
    assert_eq!(core::mem::size_of::<Option<EventId>>(), 1);
    const ID: &str = EventId::MessageSent.as_str();
    const NAME: &str = EventId::MessageSent.name();
    const DESCRIPTION: &str = EventId::MessageSent.description();
    const CATEGORY: Category = EventId::MessageSent.category();
    assert_eq!(
        (ID, NAME, DESCRIPTION, CATEGORY),
        (
            "message.sent",
            "Message Sent",
            "Triggered when a message is sent to a prospect",
            Category::Message
        )
    );
}

#[test]
fn categories() {
    let ids: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(
        ids,
        ["prospect", "campaign", "message", "connection", "agent"]
    );
    let names: Vec<&str> = Category::ALL.iter().map(|c| c.name()).collect();
    assert_eq!(
        names,
        ["Prospect", "Campaign", "Message", "Connection", "Agent"]
    );
    let mut from_events = 0;
    for &category in Category::ALL {
        assert_eq!(category.as_str().parse::<Category>(), Ok(category));
        assert_eq!(Category::try_from(category.as_str()), Ok(category));
        assert_eq!(category.to_string(), category.as_str());
        assert_eq!(category.as_ref(), category.as_str());
        let events = category.events();
        assert!(events.windows(2).all(|w| w[0] < w[1]));
        assert!(events.iter().all(|e| e.category() == category));
        from_events += events.len();
    }
    assert_eq!(from_events, EventId::COUNT);
    assert_eq!(
        Category::Message.events(),
        [
            EventId::MessageSent,
            EventId::MessageFailed,
            EventId::MessageReceived,
            EventId::MessageScheduled
        ]
    );
}

#[test]
fn unknown_category() {
    let err = "agents".parse::<Category>().unwrap_err();
    assert_eq!(err.input(), "agents");
    assert_eq!(err.suggestion(), Some(Category::Agent));
    assert_eq!(
        err.to_string(),
        r#"unknown category "agents"; did you mean "agent"?"#
    );
    let err = "billing".parse::<Category>().unwrap_err();
    assert_eq!(err.suggestion(), None);
    assert_eq!(err.to_string(), r#"unknown category "billing""#);
    // Five bytes allow one edit: a swap of two letters is one, not two.
    let err = "agnet".parse::<Category>().unwrap_err();
    assert_eq!(err.suggestion(), Some(Category::Agent));
}

fn unknown(input: &str) -> UnknownEventId {
    input.parse::<EventId>().unwrap_err()
}

#[test]
fn suggestions_catch_typos_and_slips_but_not_nonsense() {
    let cases: &[(&str, Option<EventId>)] = &[
        ("prospect.qualifed", Some(EventId::ProspectQualified)),
        ("prospect.qualifeid", Some(EventId::ProspectQualified)),
        ("Prospect.Qualified", Some(EventId::ProspectQualified)),
        ("PROSPECT.QUALIFIED", Some(EventId::ProspectQualified)),
        ("prospect-qualified", Some(EventId::ProspectQualified)),
        ("prospect_qualified", Some(EventId::ProspectQualified)),
        ("agent.status.changed", Some(EventId::AgentStatusChanged)),
        ("agent-status-changed", Some(EventId::AgentStatusChanged)),
        ("message.snet", Some(EventId::MessageSent)),
        ("connection.accept", Some(EventId::ConnectionAccepted)),
        ("foo", None),
        ("", None),
        ("*", None),
        ("linkedin.message.received", None),
        // A documented live id: not `prospect.qualified`, its opposite, but
        // the catalog's event of the same sense.
        ("prospect.unqualified", Some(EventId::ProspectDisqualified)),
        ("prospect.", None),
        ("completely.different.thing", None),
        // The allowance: one edit, and one more per 8 bytes of input, at most
        // three. 14 bytes allow 2 (this one is 3 away); 24 allow 3 (4 away).
        ("messagx.sentxx", None),
        ("messagx.sentx", Some(EventId::MessageSent)),
        ("agent.status_changedxxxx", None),
        ("agent.status_changedxxx", Some(EventId::AgentStatusChanged)),
        // `:` is a separator like `.`: here it costs nothing, and the two
        // slips left are within the allowance of 11 bytes.
        ("mesage:snet", Some(EventId::MessageSent)),
    ];
    for &(input, expected) in cases {
        assert_eq!(unknown(input).suggestion(), expected, "{input:?}");
    }
}

/// "Did you mean" never answers an id with a negation added to one of its
/// words (`un`, `non`, `not_`, `dis`, `in`, `de`) with the event whose meaning
/// is the opposite.
#[test]
fn suggestions_never_flip_a_meaning() {
    for &id in EventId::ALL {
        let text = id.as_str();
        let word_starts =
            (0..text.len()).filter(|&at| at == 0 || matches!(&text[at - 1..at], "." | "_"));
        for at in word_starts {
            for prefix in ["un", "non", "not_", "dis", "in", "de"] {
                let negated = format!("{}{prefix}{}", &text[..at], &text[at..]);
                if let Err(err) = negated.parse::<EventId>() {
                    assert_ne!(err.suggestion(), Some(id), "{negated:?}");
                }
            }
        }
    }
}

#[test]
fn unknown_event_id_display() {
    assert_eq!(
        unknown("prospect.qualifed").to_string(),
        r#"unknown event id "prospect.qualifed"; did you mean "prospect.qualified"?"#
    );
    assert_eq!(unknown("foo").to_string(), r#"unknown event id "foo""#);
    // Control characters cannot reach a terminal or log raw.
    assert_eq!(
        unknown("a\nb\u{1b}[2J").to_string(),
        r#"unknown event id "a\nb\u{1b}[2J""#
    );
    let err: &dyn std::error::Error = &unknown("foo");
    assert!(err.source().is_none());
}

#[test]
fn unknown_event_id_is_bounded() {
    let huge = "p".repeat(10 << 20);
    let err = unknown(&huge);
    assert_eq!(err.input().len(), 64);
    assert_eq!(err.input_len(), 10 << 20);
    assert!(err.is_truncated());
    assert_eq!(err.suggestion(), None);
    assert!(err.to_string().ends_with("… (10485760 bytes)"));
    // Cut at a char boundary, never inside a UTF-8 sequence.
    let err = unknown(&"é".repeat(100));
    assert_eq!(err.input(), "é".repeat(32));
    let err = unknown(&format!("{}é", "a".repeat(63)));
    assert_eq!(err.input(), "a".repeat(63));
    assert!(err.is_truncated());
    // The error lives on the stack; a small Result keeps from_str cheap.
    assert!(core::mem::size_of::<Result<EventId, UnknownEventId>>() <= 96);
}

#[test]
fn parsing_is_exact() {
    for input in [
        "prospect.qualified ",
        " prospect.qualified",
        "prospect.qualified\0",
        "prospect.qualifiedx",
        "prospect.qualifie",
        "Prospect.qualified",
    ] {
        assert!(input.parse::<EventId>().is_err(), "{input:?}");
        assert!(lookup(input).is_none(), "{input:?}");
    }
}

#[test]
fn catalog_json_is_the_api_body() {
    let json = catalog_json();
    assert!(json.starts_with('[') && json.ends_with(']'));
    assert_eq!(json.matches("\"id\":").count(), EventId::COUNT);
}

#[test]
fn event_is_copy_and_comparable() {
    let a: Event = *EventId::AgentOffline.event();
    let b = *lookup("agent.offline").unwrap();
    assert_eq!(a, b);
}

#[cfg(feature = "alloc")]
mod alloc_api {
    use kakiyo_events::{AnyEventId, EventId, validate};

    /// Equality, hashing and order follow the text, whichever variant holds it.
    #[test]
    fn any_event_id_is_its_text() {
        use std::collections::HashSet;
        let by_hand = AnyEventId::Unknown("message.sent".into());
        let parsed: AnyEventId = "message.sent".parse().unwrap();
        assert_eq!(by_hand, parsed);
        assert_eq!(by_hand, EventId::MessageSent);
        assert_eq!(by_hand.known(), Some(EventId::MessageSent));
        assert_eq!(
            [by_hand.clone(), parsed.clone()]
                .into_iter()
                .collect::<HashSet<_>>()
                .len(),
            1
        );
        let ids: Vec<AnyEventId> = vec![
            AnyEventId::Unknown("zzz".into()),
            AnyEventId::Unknown("agent.offline".into()),
            AnyEventId::Known(EventId::ProspectQualified),
            AnyEventId::Unknown("aaa".into()),
            by_hand,
            parsed,
        ];
        for a in &ids {
            for b in &ids {
                assert_eq!(a == b, a.cmp(b).is_eq(), "{a:?} {b:?}");
                assert_eq!(a.partial_cmp(b), Some(a.cmp(b)));
            }
        }
        let mut sorted = ids.clone();
        sorted.sort();
        let texts: Vec<&str> = sorted.iter().map(AnyEventId::as_str).collect();
        // Catalog ids in catalog order, then the others by text.
        let position = |id: EventId| EventId::ALL.iter().position(|&x| x == id).unwrap();
        assert!(position(EventId::ProspectQualified) < position(EventId::MessageSent));
        assert!(position(EventId::MessageSent) < position(EventId::AgentOffline));
        assert_eq!(
            texts,
            [
                "prospect.qualified",
                "message.sent",
                "message.sent",
                "agent.offline",
                "aaa",
                "zzz"
            ]
        );
    }

    #[test]
    fn validate_keeps_input_order() {
        let ids = validate(vec![
            "agent.offline".to_owned(),
            "prospect.qualified".to_owned(),
        ])
        .unwrap();
        assert_eq!(ids, [EventId::AgentOffline, EventId::ProspectQualified]);
        assert_eq!(validate(Vec::<&str>::new()).unwrap(), []);
    }

    #[test]
    fn validate_lists_every_invalid_id_with_its_position() {
        let err = validate([
            "foo",
            "message.sent",
            "prospect.qualifed",
            "message.sent",
            "",
        ])
        .unwrap_err();
        assert_eq!(err.len(), 3);
        assert!(!err.is_empty());
        let found: Vec<(usize, &str)> = err.iter().map(|(i, u)| (i, u.input())).collect();
        assert_eq!(found, [(0, "foo"), (2, "prospect.qualifed"), (4, "")]);
        assert_eq!(
            err.to_string(),
            "Invalid event IDs: foo, prospect.qualifed (did you mean prospect.qualified?), \"\""
        );
    }

    #[test]
    fn validate_display_escapes_control_and_bidi_characters() {
        let err = validate(["ok\n\u{1b}[31mFAKE LOG LINE", "a\u{202E}gnp.exe"]).unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"Invalid event IDs: "ok\n\u{1b}[31mFAKE LOG LINE", "a\u{202e}gnp.exe""#
        );
        assert!(!err.to_string().contains('\n'));
    }

    #[test]
    fn validate_display_quotes_an_id_that_would_read_as_several() {
        let err = validate([
            "foo, bar (did you mean message.sent?)",
            "",
            "say \"hi\"\\",
            "plain.id",
        ])
        .unwrap_err();
        assert_eq!(err.len(), 4);
        assert_eq!(
            err.to_string(),
            r#"Invalid event IDs: "foo, bar (did you mean message.sent?)", "", "say \"hi\"\\", plain.id"#
        );
        // Whitespace alone, which would be invisible at the end of an id; a
        // no-break space is escaped too, as `{:?}` (UnknownEventId) writes it.
        let err = validate(["a b", "message.sent ", "x\u{a0}y"]).unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"Invalid event IDs: "a b", "message.sent " (did you mean message.sent?), "x\u{a0}y""#
        );
    }

    #[test]
    fn validate_display_escapes_what_would_make_a_rejected_id_look_real() {
        // Invisible characters, a bidi control and a combining mark after a
        // real id: shown raw, each message would seem to reject a valid id.
        let ids = [
            "message.sent\u{2060}",
            "message.sent\u{61c}",
            "message.sent\u{200c}",
            "message.sent\u{200d}",
            "message.sent\u{ad}",
            "message.sent\u{fe0f}",
            "message.sent\u{301}",
        ];
        let err = validate(ids).unwrap_err();
        let shown = err.to_string();
        for (id, (_, unknown)) in ids.iter().zip(err.iter()) {
            // The same text as UnknownEventId's `{:?}`, quotes included.
            let debug = format!("{id:?}");
            assert!(shown.contains(&debug), "{debug} in {shown}");
            assert!(unknown.to_string().contains(&debug), "{unknown}");
        }
        assert!(shown.is_ascii(), "{shown}");
        // Letters outside ASCII are not escaped: they are visible.
        let err = validate(["prospéct.qualified"]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Invalid event IDs: prospéct.qualified (did you mean prospect.qualified?)"
        );
    }

    #[test]
    fn any_event_id() {
        let known: AnyEventId = "message.sent".parse().unwrap();
        assert_eq!(known, AnyEventId::Known(EventId::MessageSent));
        assert_eq!(known, EventId::MessageSent);
        assert_eq!(known.known(), Some(EventId::MessageSent));
        let live: AnyEventId = "linkedin.message.received".parse().unwrap();
        assert_eq!(
            live,
            AnyEventId::Unknown("linkedin.message.received".into())
        );
        assert_eq!(live.as_str(), "linkedin.message.received");
        assert_eq!(live.to_string(), "linkedin.message.received");
        assert_eq!(
            AnyEventId::from(String::from("agent.offline")),
            EventId::AgentOffline
        );
        assert_eq!(
            AnyEventId::from(EventId::AgentOffline).as_ref(),
            "agent.offline"
        );
    }

    /// Equality follows the text, so `assert_eq!` cannot see the variant; a
    /// handler matching `AnyEventId::Known(…)` can. Every way in gives
    /// `Known` for a catalog id and `Unknown` for any other.
    #[test]
    fn a_catalog_id_is_always_known() {
        for &id in EventId::ALL {
            let text = id.as_str();
            let ways = [
                text.parse::<AnyEventId>().unwrap(),
                AnyEventId::from(text),
                AnyEventId::from(text.to_owned()),
                AnyEventId::from(id),
            ];
            for any in ways {
                assert!(
                    matches!(any, AnyEventId::Known(known) if known == id),
                    "{any:?}"
                );
            }
            let near = format!("{text}x");
            assert!(
                matches!(AnyEventId::from(near.as_str()), AnyEventId::Unknown(ref t) if *t == near)
            );
            assert!(
                matches!(AnyEventId::from(near.clone()), AnyEventId::Unknown(ref t) if *t == near)
            );
        }
    }
}

#[cfg(feature = "serde")]
mod serde_api {
    use kakiyo_events::{Category, EventId};

    #[test]
    fn every_id_round_trips_through_serde() {
        for &id in EventId::ALL {
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, format!("\"{id}\""));
            assert_eq!(serde_json::from_str::<EventId>(&json).unwrap(), id);
        }
        for &category in Category::ALL {
            let json = serde_json::to_string(&category).unwrap();
            assert_eq!(json, format!("\"{category}\""));
            assert_eq!(serde_json::from_str::<Category>(&json).unwrap(), category);
        }
    }

    #[test]
    fn unknown_ids_fail_with_the_suggestion() {
        let err = serde_json::from_str::<EventId>("\"prospect.qualifed\"").unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"unknown event id "prospect.qualifed"; did you mean "prospect.qualified"? at line 1 column 19"#
        );
        assert!(serde_json::from_str::<EventId>("42").is_err());
        assert!(serde_json::from_str::<Category>("\"prospects\"").is_err());
    }

    #[test]
    fn event_serializes_as_the_api_entry() {
        let json = serde_json::to_string(EventId::MessageSent.event()).unwrap();
        assert_eq!(
            json,
            r#"{"id":"message.sent","name":"Message Sent","description":"Triggered when a message is sent to a prospect","category":"message"}"#
        );
        let all: Vec<_> = EventId::ALL.iter().map(|id| id.event()).collect();
        assert_eq!(
            serde_json::to_string(&all).unwrap(),
            kakiyo_events::catalog_json()
        );
    }

    #[cfg(feature = "alloc")]
    #[test]
    fn any_event_id_round_trips_unknown_ids_unchanged() {
        use kakiyo_events::AnyEventId;
        for text in [
            "message.sent",
            "linkedin.message.received",
            "",
            "*",
            "Ünïcode \"quoted\"",
        ] {
            let json = serde_json::to_string(text).unwrap();
            let id: AnyEventId = serde_json::from_str(&json).unwrap();
            assert_eq!(id.as_str(), text);
            assert_eq!(serde_json::to_string(&id).unwrap(), json);
        }
        // A struct field, as in a delivery envelope.
        let ids: Vec<AnyEventId> = serde_json::from_str(r#"["message.sent","x.y"]"#).unwrap();
        assert!(
            matches!(ids[0], AnyEventId::Known(EventId::MessageSent)),
            "{:?}",
            ids[0]
        );
        assert_eq!(ids[1], AnyEventId::Unknown("x.y".into()));

        // A catalog id put in `Unknown` by hand round-trips to an equal value.
        let by_hand = AnyEventId::Unknown("message.sent".into());
        let json = serde_json::to_string(&by_hand).unwrap();
        assert_eq!(serde_json::from_str::<AnyEventId>(&json).unwrap(), by_hand);
    }

    /// Every visitor takes UTF-8 bytes, as formats without a string type give them.
    #[test]
    fn ids_and_categories_deserialize_from_bytes() {
        use serde::Deserialize;
        use serde::de::value::{BytesDeserializer, Error};
        let bytes = |text: &'static str| BytesDeserializer::<Error>::new(text.as_bytes());
        assert_eq!(
            EventId::deserialize(bytes("message.sent")),
            Ok(EventId::MessageSent)
        );
        assert_eq!(
            Category::deserialize(bytes("message")),
            Ok(Category::Message)
        );
        assert!(Category::deserialize(BytesDeserializer::<Error>::new(b"\xff")).is_err());
        #[cfg(feature = "alloc")]
        {
            use kakiyo_events::AnyEventId;
            assert_eq!(
                AnyEventId::deserialize(bytes("x.y")),
                Ok(AnyEventId::Unknown("x.y".into()))
            );
            assert!(AnyEventId::deserialize(BytesDeserializer::<Error>::new(b"\xff")).is_err());
        }
    }
}

#[cfg(feature = "strum")]
mod strum_api {
    use kakiyo_events::{Category, EventId};
    use strum::{EnumCount, EnumMessage, IntoEnumIterator, VariantArray, VariantNames};

    #[test]
    fn strum_traits() {
        assert_eq!(<EventId as EnumCount>::COUNT, 22);
        assert_eq!(<Category as EnumCount>::COUNT, 5);
        assert_eq!(EventId::iter().collect::<Vec<_>>(), EventId::ALL);
        assert_eq!(EventId::iter().next_back(), Some(EventId::AgentOffline));
        assert_eq!(Category::iter().collect::<Vec<_>>(), Category::ALL);
        assert_eq!(<EventId as VariantArray>::VARIANTS, EventId::ALL);
        assert_eq!(<Category as VariantArray>::VARIANTS, Category::ALL);
        let names: Vec<&str> = EventId::ALL.iter().map(|id| id.as_str()).collect();
        assert_eq!(<EventId as VariantNames>::VARIANTS, names);
        assert_eq!(
            <Category as VariantNames>::VARIANTS,
            ["prospect", "campaign", "message", "connection", "agent"]
        );
        for &id in EventId::ALL {
            assert_eq!(id.get_message(), Some(id.name()));
            assert_eq!(id.get_detailed_message(), Some(id.description()));
            assert_eq!(id.get_serializations(), [id.as_str()]);
        }
        assert_eq!(Category::Agent.get_message(), Some("Agent"));
        assert_eq!(Category::Agent.get_serializations(), ["agent"]);
    }
}
