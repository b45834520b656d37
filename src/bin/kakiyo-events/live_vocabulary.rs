//! The event ids of Kakiyo's live-delivery vocabulary, for a note when they
//! are not in the catalog a build holds.
//!
//! Kakiyo's docs hold two vocabularies: `GET /v1/webhooks/test/events` (and
//! the Create Webhook page's list) name the 22 ids this crate's `events.json`
//! holds, while the webhooks guide lists other ids for live deliveries, and
//! the Create Webhook page's own example subscribes to two of them. Those ids
//! are no typos, so `validate` says where they come from instead of leaving a
//! bare "unknown event id".

/// The ids the webhooks guide lists for live deliveries (besides `*`).
const GUIDE_IDS: [&str; 6] = [
    "linkedin.message.sent",
    "linkedin.message.received",
    "linkedin.invitation.sent",
    "linkedin.invitation.accepted",
    "prospect.qualification.manual",
    "prospect.unqualified",
];

/// A note on the ids among `unknown` that the webhooks guide lists, or `None`
/// when there are none. Its words hold for a build of `events.json` and for
/// one of a team catalog (`KAKIYO_EVENTS_CATALOG`) that lacks them alike.
pub fn note(unknown: &[&str]) -> Option<String> {
    let mut from_guide: Vec<&str> = Vec::new();
    for &id in unknown {
        if GUIDE_IDS.contains(&id) && !from_guide.contains(&id) {
            from_guide.push(id);
        }
    }
    let (them, are) = match from_guide.as_slice() {
        [] => return None,
        [_] => ("it", "is"),
        _ => ("them", "are"),
    };
    Some(format!(
        "note: {} {are} in the live-delivery vocabulary of Kakiyo's webhooks guide, \
         which the test-events catalog (GET /v1/webhooks/test/events) does not list, \
         and not in the catalog this build holds; to accept {them}, build with \
         KAKIYO_EVENTS_CATALOG naming a catalog that has {them} (see the README)\n",
        from_guide.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::note;

    /// The guide's six ids, written out again here (from the facts file) so
    /// that a typo in the list above cannot pass.
    #[test]
    fn knows_each_id_the_guide_lists() {
        for id in [
            "linkedin.message.sent",
            "linkedin.message.received",
            "linkedin.invitation.sent",
            "linkedin.invitation.accepted",
            "prospect.qualification.manual",
            "prospect.unqualified",
        ] {
            let note = note(&[id]).unwrap_or_default();
            assert!(
                note.starts_with(&format!("note: {id} is in")),
                "{id}: {note}"
            );
        }
    }

    #[test]
    fn names_each_guide_id_once_and_nothing_else() {
        assert_eq!(note(&["prospect.qualifed", "foo"]), None);
        assert_eq!(note(&[]), None);
        let one = note(&[
            "foo",
            "linkedin.message.received",
            "linkedin.message.received",
        ]);
        let one = one.unwrap_or_default();
        assert!(
            one.starts_with("note: linkedin.message.received is in the live-delivery vocabulary")
                && one.contains("to accept it, build with KAKIYO_EVENTS_CATALOG"),
            "{one}"
        );
        let two = note(&["prospect.unqualified", "linkedin.invitation.sent"]).unwrap_or_default();
        assert!(
            two.starts_with("note: prospect.unqualified, linkedin.invitation.sent are in")
                && two.contains("to accept them, build"),
            "{two}"
        );
    }
}
