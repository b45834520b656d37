//! Trait impls and conversions of the catalog types: `Event`'s order,
//! `const` access, `Category` and `AnyEventId` conversions and comparisons,
//! and that the comparisons leave `assert_eq!(id, text.parse().unwrap())`
//! able to infer its type.

use kakiyo_events::{Event, EventId};

#[test]
fn events_sort_into_catalog_order() {
    // Reversed, then rotated: no run of the input is already in order.
    let mut events: Vec<Event> = EventId::ALL.iter().rev().map(|id| *id.event()).collect();
    events.rotate_left(EventId::COUNT / 3);
    events.sort();
    let ids: Vec<EventId> = events.iter().map(|e| e.id).collect();
    assert_eq!(ids, EventId::ALL);
    assert_eq!(
        EventId::ProspectQualified
            .event()
            .cmp(EventId::MessageSent.event()),
        EventId::ProspectQualified.cmp(&EventId::MessageSent)
    );
    assert_eq!(
        events.iter().max().map(|e| e.id),
        EventId::ALL.last().copied()
    );
}

#[test]
fn event_order_agrees_with_equality_field_by_field() {
    let real = *EventId::MessageSent.event();
    let mut renamed = real;
    renamed.name = "~ after any catalog name";
    assert_ne!(real, renamed);
    assert_eq!(real.cmp(&renamed), real.name.cmp(renamed.name));
    assert_eq!(real.partial_cmp(&real), Some(core::cmp::Ordering::Equal));
}

#[test]
fn event_is_a_const_fn() {
    const SENT: &Event = EventId::MessageSent.event();
    static NAMES: [&str; 2] = [SENT.name, EventId::AgentOffline.event().name];
    assert_eq!(SENT.id, EventId::MessageSent);
    assert_eq!(NAMES, ["Message Sent", "Agent Offline"]);
    assert!(core::ptr::eq(SENT, EventId::MessageSent.event()));
}

#[test]
fn a_category_converts_into_its_text() {
    use kakiyo_events::Category;

    for &category in Category::ALL {
        let text: &'static str = category.into();
        assert_eq!(text, category.as_str());
        assert_eq!(text.parse::<Category>(), Ok(category));
    }
}

#[cfg(feature = "alloc")]
mod any_event_id {
    use kakiyo_events::{AnyEventId, EventId};

    #[test]
    fn try_from_gives_the_catalog_event() {
        for &id in EventId::ALL {
            assert_eq!(EventId::try_from(AnyEventId::from(id)), Ok(id));
            // An `Unknown` built by hand that holds a catalog id is still that event.
            let by_hand = AnyEventId::Unknown(id.as_str().to_owned());
            assert_eq!(EventId::try_from(by_hand), Ok(id));
        }
    }

    #[test]
    fn try_from_fails_on_an_unknown_id_as_parse_does() {
        let long = format!("{}é", "x".repeat(63));
        for text in [
            "message.snet",
            "linkedin.message.received",
            "",
            " message.sent",
            "message.sent\n",
            long.as_str(),
        ] {
            let err = EventId::try_from(AnyEventId::from(text)).unwrap_err();
            assert_eq!(err, text.parse::<EventId>().unwrap_err(), "{text:?}");
            assert_eq!(
                err.to_string(),
                text.parse::<EventId>().unwrap_err().to_string()
            );
        }
        let err = EventId::try_from(AnyEventId::from("message.snet")).unwrap_err();
        assert_eq!(err.suggestion(), Some(EventId::MessageSent));
    }

    #[test]
    fn compares_with_text() {
        let known = AnyEventId::from(EventId::MessageSent);
        let unknown = AnyEventId::from("linkedin.message.received");
        assert_eq!(known, "message.sent");
        assert_eq!(known, *"message.sent");
        assert_eq!(unknown, "linkedin.message.received");
        assert_ne!(unknown, "linkedin.message");
        assert_ne!(known, "Message.Sent");
        assert_ne!(known, *"Message.Sent");
        assert_ne!(unknown, *"LinkedIn.Message.Received");
        let text = String::from("message.sent");
        assert!(known == text.as_str());
    }
}

/// EventId and Category compare only with themselves: one more `PartialEq`
/// impl (with `str`, or EventId with AnyEventId) would make the target of
/// `parse` below ambiguous, and this would stop compiling.
#[test]
fn comparing_with_a_parsed_value_infers_its_type() {
    use kakiyo_events::Category;

    assert_eq!(EventId::MessageSent, "message.sent".parse().unwrap());
    assert_eq!(Category::Prospect, "prospect".parse().unwrap());
    assert!(EventId::AgentOffline == "agent.offline".try_into().unwrap());
}

/// `InvalidEventIds` iterates as a slice does: by reference in a `for`,
/// from both ends, with an exact length, cloned mid-way, and fused.
#[cfg(feature = "alloc")]
#[test]
fn invalid_event_ids_iterate_like_a_slice() {
    use std::iter::FusedIterator;

    fn traits<
        I: DoubleEndedIterator + ExactSizeIterator + FusedIterator + Clone + std::fmt::Debug,
    >(
        _: &I,
    ) {
    }

    let err = kakiyo_events::validate(["a", "message.sent", "b", "c"]).unwrap_err();
    let mut iter = err.iter();
    traits(&iter);
    assert_eq!(iter.len(), 3);
    assert_eq!(iter.next().map(|(i, u)| (i, u.input())), Some((0, "a")));
    let rest = iter.clone();
    assert_eq!(
        iter.next_back().map(|(i, u)| (i, u.input())),
        Some((3, "c"))
    );
    assert_eq!(iter.len(), 1);
    assert_eq!(iter.next().map(|(i, _)| i), Some(2));
    assert_eq!((iter.next(), iter.next()), (None, None));
    assert_eq!(rest.map(|(i, _)| i).collect::<Vec<_>>(), [2, 3]);

    let many = kakiyo_events::validate(["a", "b", "message.sent", "c", "d", "e"]).unwrap_err();
    let indexes: Vec<usize> = (&many).into_iter().map(|(i, _)| i).collect();
    assert_eq!(indexes, [0, 1, 3, 4, 5]);
    assert_eq!(
        many.iter().rev().map(|(i, _)| i).collect::<Vec<_>>(),
        [5, 4, 3, 1, 0]
    );

    let by_ref: Vec<_> = (&err).into_iter().map(|(i, u)| (i, u.input())).collect();
    let mut in_for = Vec::new();
    for (i, unknown) in &err {
        in_for.push((i, unknown.input()));
    }
    assert_eq!(by_ref, [(0, "a"), (2, "b"), (3, "c")]);
    assert_eq!(in_for, by_ref);
}
