//! Trait impls and conversions of the catalog types, each found missing by an
//! API audit.

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
