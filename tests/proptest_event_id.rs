//! Property tests of the run-time boundary: any string an id can arrive as.

use kakiyo_events::EventId;
use proptest::prelude::*;

/// What an error keeps of its input, at most.
const KEPT: usize = 64;

fn real_id() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(EventId::ALL).prop_map(EventId::as_str)
}

/// One slip a person makes when typing an id, applied at `at`.
#[derive(Clone, Debug)]
enum Slip {
    Substitute(char),
    Insert(char),
    Delete,
    SwapWithNext,
    Uppercase,
    Separator(char),
}

fn slip() -> impl Strategy<Value = Slip> {
    let letter = proptest::char::range('a', 'z');
    prop_oneof![
        letter.clone().prop_map(Slip::Substitute),
        letter.prop_map(Slip::Insert),
        Just(Slip::Delete),
        Just(Slip::SwapWithNext),
        Just(Slip::Uppercase),
        prop::sample::select(vec!['-', ' ', '/', ':', '.', '_']).prop_map(Slip::Separator),
    ]
}

/// `id` with one slip at byte `at` (ids are ASCII).
fn apply(id: &str, slip: &Slip, at: usize) -> String {
    let mut bytes: Vec<char> = id.chars().collect();
    let at = at % bytes.len();
    match slip {
        Slip::Substitute(c) => bytes[at] = *c,
        Slip::Insert(c) => bytes.insert(at, *c),
        Slip::Delete => {
            bytes.remove(at);
        }
        Slip::SwapWithNext => {
            let next = (at + 1).min(bytes.len() - 1);
            bytes.swap(at, next);
        }
        Slip::Uppercase => bytes[at] = bytes[at].to_ascii_uppercase(),
        Slip::Separator(c) => {
            if let Some(i) = bytes.iter().position(|&b| b == '.' || b == '_') {
                bytes[i] = *c;
            }
        }
    }
    bytes.into_iter().collect()
}

/// Strings an id might arrive as: anything, real ids, and real ids with a slip.
fn id_like() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-z._-]{0,30}",
        real_id().prop_map(str::to_owned),
        (real_id(), slip(), any::<usize>()).prop_map(|(id, s, at)| apply(id, &s, at)),
    ]
}

/// The optimal-string-alignment distance with ASCII case ignored and the
/// separators a person types for `.`/`_` treated alike: the closeness the
/// suggestion promises, written out independently of src/suggest.rs.
fn distance(a: &str, b: &str) -> usize {
    let fold = |c: u8| match c {
        b'.' | b'_' | b'-' | b' ' | b'/' | b':' => b'.',
        c => c.to_ascii_lowercase(),
    };
    let a: Vec<u8> = a.bytes().map(fold).collect();
    let b: Vec<u8> = b.bytes().map(fold).collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    /// Every string either parses to the id it spells, or fails with an error
    /// that keeps a bounded prefix of it.
    #[test]
    fn a_string_parses_to_exactly_itself_or_fails(text in id_like()) {
        match text.parse::<EventId>() {
            Ok(id) => {
                prop_assert_eq!(id.as_str(), text.as_str());
                prop_assert_eq!(id.to_string(), text.as_str());
                prop_assert_eq!(EventId::find(&text), Some(id));
            }
            Err(err) => {
                prop_assert!(EventId::ALL.iter().all(|id| id.as_str() != text));
                prop_assert_eq!(err.input_len(), text.len());
                prop_assert!(text.starts_with(err.input()));
                prop_assert!(err.input().len() <= KEPT);
                prop_assert_eq!(err.is_truncated(), text.len() > KEPT);
            }
        }
    }

    /// A suggestion, when there is one, is a real id other than the input, and
    /// no farther from the input than the allowance for its length.
    #[test]
    fn a_suggestion_is_a_real_id_near_the_input(text in id_like()) {
        if let Err(err) = text.parse::<EventId>() {
            if let Some(suggestion) = err.suggestion() {
                prop_assert!(EventId::ALL.contains(&suggestion));
                prop_assert_ne!(suggestion.as_str(), text.as_str());
                prop_assert!(distance(&text, suggestion.as_str()) <= 3);
                let shown = err.to_string();
                let did_you_mean = format!("; did you mean \"{suggestion}\"?");
                prop_assert!(shown.ends_with(&did_you_mean), "{}", shown);
            }
        }
    }

    /// One slip in a real id always gets a suggestion, and it is at least as
    /// close to what was typed as the id the slip came from.
    #[test]
    fn one_slip_gets_a_suggestion(id in real_id(), slip in slip(), at in any::<usize>()) {
        let typed = apply(id, &slip, at);
        prop_assume!(typed.parse::<EventId>().is_err());
        let suggestion = typed.parse::<EventId>().unwrap_err().suggestion();
        prop_assert!(suggestion.is_some(), "no suggestion for {:?} (from {})", typed, id);
        let suggested = suggestion.map(EventId::as_str).unwrap_or_default();
        prop_assert!(distance(&typed, suggested) <= distance(&typed, id));
    }
}

#[cfg(all(feature = "serde", feature = "alloc"))]
mod serde_round_trips {
    use kakiyo_events::{AnyEventId, EventId};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]

        /// AnyEventId reads any JSON string and writes it back unchanged.
        #[test]
        fn any_event_id_round_trips_any_string(text in super::id_like()) {
            let json = serde_json::to_string(&text).unwrap();
            let any: AnyEventId = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(any.as_str(), text.as_str());
            prop_assert_eq!(any.known(), text.parse::<EventId>().ok());
            prop_assert_eq!(serde_json::to_string(&any).unwrap(), json);
            let parsed: AnyEventId = text.parse().unwrap();
            prop_assert_eq!(parsed, any);
        }

        /// EventId deserializes exactly the strings FromStr accepts, and an
        /// unknown one fails with the same message, suggestion included.
        #[test]
        fn event_id_deserializes_like_from_str(text in super::id_like()) {
            let json = serde_json::to_string(&text).unwrap();
            match (serde_json::from_str::<EventId>(&json), text.parse::<EventId>()) {
                (Ok(read), Ok(parsed)) => prop_assert_eq!(read, parsed),
                (Err(read), Err(parsed)) => {
                    prop_assert!(read.to_string().starts_with(&parsed.to_string()), "{}", read);
                }
                (read, parsed) => prop_assert!(false, "serde {:?} but from_str {:?}", read, parsed),
            }
        }
    }
}

#[cfg(feature = "alloc")]
mod validate_lists {
    use kakiyo_events::{EventId, validate};
    use proptest::prelude::*;

    proptest! {
        /// validate returns every id in order, or exactly the invalid ones by index.
        #[test]
        fn validate_reports_exactly_the_invalid_ids(ids in prop::collection::vec(super::id_like(), 0..12)) {
            let invalid: Vec<usize> = (0..ids.len()).filter(|&i| ids[i].parse::<EventId>().is_err()).collect();
            match validate(&ids) {
                Ok(valid) => {
                    prop_assert!(invalid.is_empty());
                    prop_assert_eq!(valid.iter().map(|id| id.as_str()).collect::<Vec<_>>(), ids);
                }
                Err(err) => {
                    prop_assert_eq!(err.iter().map(|(i, _)| i).collect::<Vec<_>>(), invalid);
                    for (i, unknown) in err.iter() {
                        prop_assert_eq!(unknown.input_len(), ids[i].len());
                    }
                }
            }
        }
    }
}
