//! What holds for whatever catalog the crate was built from: no test here names
//! an id. `.ci/miri-check` runs this file under Miri on a big-endian target
//! (s390x) and a 32-bit one (i686), built from the bundled catalog (one word
//! of the id) and from a generated 10,000-event one (two words): the
//! lookup's 8-byte reads and its hash, and `UnknownEventId`'s copy of the
//! input, are the code whose result could depend on byte order or word size.
//! The build script runs on the host, the lookup on the target, so the two
//! must agree on both.

use std::collections::HashSet;

use kakiyo_events::{Category, EVENTS, EventId, lookup};

/// Every id, except under Miri for a large catalog: there about 150 ids, evenly
/// spaced, and the last (interpreting all 10,000 with their near misses would
/// take an hour). The last comes twice when the stride lands on it.
const STRIDE: usize = if cfg!(miri) && EventId::COUNT > 150 {
    EventId::COUNT / 150
} else {
    1
};

fn sampled_ids() -> impl Iterator<Item = EventId> {
    EventId::ALL
        .iter()
        .copied()
        .step_by(STRIDE)
        .chain(EventId::ALL.last().copied())
}

/// Strings one slip away from `id`: a byte more at either end, a byte less at
/// either end, and every byte changed in turn (to another ASCII byte, so the
/// text stays UTF-8; catalog ids are ASCII).
fn near_misses(id: &str) -> Vec<String> {
    let mut misses = vec![
        format!("{id}x"),
        format!("x{id}"),
        id[..id.len() - 1].to_owned(),
        id[1..].to_owned(),
    ];
    for at in 0..id.len() {
        let mut bytes = id.as_bytes().to_vec();
        bytes[at] ^= 1;
        misses.push(String::from_utf8(bytes).expect("ASCII stays UTF-8"));
    }
    misses
}

#[test]
fn every_id_is_found_every_way_in() {
    for id in sampled_ids() {
        let text = id.as_str();
        assert_eq!(text.parse::<EventId>(), Ok(id), "{text:?}");
        assert_eq!(EventId::find(text), Some(id), "{text:?}");
        assert_eq!(lookup(text).map(|event| event.id), Some(id), "{text:?}");
        assert_eq!(EVENTS.get(text).map(|event| event.id), Some(id), "{text:?}");
        assert_eq!(id.event().id, id);
        let category = id.category();
        assert_eq!(category.as_str().parse::<Category>(), Ok(category));
    }
}

#[test]
fn a_near_miss_is_found_only_if_it_is_another_id() {
    let ids: HashSet<&str> = EventId::ALL.iter().map(|id| id.as_str()).collect();
    let mut unknown = 0;
    for id in sampled_ids() {
        for miss in near_misses(id.as_str()) {
            let found = EventId::find(&miss);
            if ids.contains(miss.as_str()) {
                // Another catalog id one slip away: found as itself.
                assert_eq!(found.map(EventId::as_str), Some(miss.as_str()));
                continue;
            }
            unknown += 1;
            assert_eq!(found, None, "{miss:?}");
            assert!(lookup(&miss).is_none(), "{miss:?}");
            assert!(EVENTS.get(&miss).is_none(), "{miss:?}");
            let err = miss.parse::<EventId>().expect_err(&miss);
            // The error's copy of the input, made 16 bytes at a time from
            // little-endian words, is the input.
            let kept = err.input();
            assert_eq!(kept.len(), miss.len().min(64), "{miss:?}");
            assert_eq!(kept, &miss[..kept.len()]);
            assert_eq!(err.input_len(), miss.len());
        }
    }
    assert!(unknown > 0, "no near miss was tried");
}

#[cfg(feature = "serde")]
#[test]
fn every_id_deserializes_and_a_near_miss_does_not() {
    for id in sampled_ids() {
        let json = serde_json::to_string(id.as_str()).unwrap();
        assert_eq!(serde_json::from_str::<EventId>(&json).ok(), Some(id));
        if cfg!(miri) {
            // serde's error message holds the "did you mean", a scan of the
            // whole catalog: minutes a miss under Miri at 10,000 events. The
            // lookup's miss is checked above; the scan reads no words.
            continue;
        }
        let miss = serde_json::to_string(&format!("{}x", id.as_str())).unwrap();
        let found = serde_json::from_str::<EventId>(&miss).ok();
        assert!(found.is_none_or(|other| other != id), "{miss}");
    }
}

#[test]
fn an_unknown_id_or_category_keeps_every_length_of_input_exactly() {
    // Every length that ends on a char boundary, from 0 to 132 bytes, so that
    // the error's copy uses whole 16-byte loads, each size of overlapping
    // tail load and each shift of them; an é (two bytes) at bytes 63 and 64
    // moves the 64-byte cut back to 63.
    const PART: &str = "kakiyo.événement_inconnu.0123456789-";
    let text = format!("{PART}abcdefghijklmnopqr{PART}{PART}");
    assert!(
        !text.is_char_boundary(64),
        "the cut must move: put a 2-byte char across byte 64"
    );
    let ends = (0..=text.len()).filter(|&end| text.is_char_boundary(end));
    for end in ends {
        let input = &text[..end];
        let mut kept = input.len().min(64);
        while !input.is_char_boundary(kept) {
            kept -= 1;
        }
        if let Err(err) = input.parse::<EventId>() {
            assert_eq!(err.input(), &input[..kept], "{input:?}");
            assert_eq!(err.input_len(), input.len());
            assert_eq!(err.is_truncated(), kept < input.len());
        }
        if let Err(err) = input.parse::<Category>() {
            assert_eq!(err.input(), &input[..kept], "{input:?}");
            assert_eq!(err.input_len(), input.len());
            assert_eq!(err.is_truncated(), kept < input.len());
        }
    }
}
