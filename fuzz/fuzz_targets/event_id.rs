//! Arbitrary bytes as an event id: through `FromStr`, `AnyEventId`, `Category`
//! and serde (as JSON). Checks what each promises, not only that nothing panics.
#![no_main]

use kakiyo_events::{AnyEventId, Category, EventId, lookup};
use libfuzzer_sys::fuzz_target;

/// How many bytes of an unknown input an error keeps (see `UnknownEventId::input`).
const KEPT: usize = 64;

/// An error keeps the input whole up to [`KEPT`] bytes, else the longest
/// prefix that fits at a char boundary, and knows the whole input's length.
fn check_kept(text: &str, kept: &str, len: usize, truncated: bool) {
    assert_eq!(len, text.len());
    assert!(kept.len() <= KEPT);
    assert!(text.starts_with(kept));
    assert_eq!(truncated, text.len() > KEPT);
    if truncated {
        assert!(
            kept.len() + 4 > KEPT,
            "kept {} bytes of {}",
            kept.len(),
            text.len()
        );
    } else {
        assert_eq!(kept, text);
    }
}

/// An unknown `what`'s message: one line, `unknown {what} "input"`, then the
/// suggestion if there is one and nothing else that says "did you mean".
fn check_message(shown: &str, what: &str, suggestion: Option<&str>) {
    let prefix = format!("unknown {what} \"");
    assert!(shown.starts_with(&prefix), "{shown:?}");
    assert!(
        !shown.contains(['\n', '\r']),
        "the message must stay one line: {shown:?}"
    );
    let rest = after_quoted(shown, &prefix);
    match suggestion {
        Some(suggestion) => assert_eq!(rest, format!("; did you mean \"{suggestion}\"?")),
        None => assert!(!rest.contains("did you mean"), "{shown:?}"),
    }
}

/// What a message says after the quoted input (`unknown … "input"` then
/// this): the input is escaped, so its first unescaped `"` closes it. Checks
/// on the suggestion look here, as the input itself may say "did you mean".
fn after_quoted<'a>(shown: &'a str, prefix: &str) -> &'a str {
    let quoted = shown
        .strip_prefix(prefix)
        .expect("the message starts with its prefix");
    let mut escaped = false;
    for (at, c) in quoted.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return &quoted[at + 1..],
            _ => {}
        }
    }
    panic!("the input's quote is never closed: {shown:?}")
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        check_event_id(text);
        check_category(text);
        check_any_event_id(text);
    }
    check_json(data);
});

fn check_event_id(text: &str) {
    match text.parse::<EventId>() {
        Ok(id) => {
            assert_eq!(id.as_str(), text);
            assert_eq!(id.to_string(), text);
            assert_eq!(EventId::find(text), Some(id));
            assert_eq!(lookup(text).map(|e| e.id), Some(id));
            assert_eq!(EventId::try_from(text), Ok(id));
        }
        Err(err) => {
            assert!(EventId::ALL.iter().all(|id| id.as_str() != text));
            assert_eq!(EventId::find(text), None);
            assert!(lookup(text).is_none());
            check_kept(text, err.input(), err.input_len(), err.is_truncated());
            let suggestion = err.suggestion();
            if let Some(suggestion) = suggestion {
                assert!(EventId::ALL.contains(&suggestion));
                assert_ne!(suggestion.as_str(), text);
                assert!(!err.is_truncated());
            }
            check_message(
                &err.to_string(),
                "event id",
                suggestion.map(EventId::as_str),
            );
        }
    }
}

fn check_category(text: &str) {
    match text.parse::<Category>() {
        Ok(category) => assert_eq!(category.as_str(), text),
        Err(err) => {
            assert!(Category::ALL.iter().all(|c| c.as_str() != text));
            // The same guarantees as an event id's error.
            check_kept(text, err.input(), err.input_len(), err.is_truncated());
            let suggestion = err.suggestion();
            if let Some(suggestion) = suggestion {
                assert!(Category::ALL.contains(&suggestion));
                assert_ne!(suggestion.as_str(), text);
            }
            check_message(
                &err.to_string(),
                "category",
                suggestion.map(Category::as_str),
            );
        }
    }
}

fn check_any_event_id(text: &str) {
    let any: AnyEventId = text.parse().unwrap_or_else(|never| match never {});
    assert_eq!(any.as_str(), text);
    assert_eq!(any.known(), text.parse::<EventId>().ok());
    let json = serde_json::to_string(&any).expect("a string always serializes");
    assert_eq!(
        json,
        serde_json::to_string(text).expect("a string always serializes")
    );
    let back: AnyEventId = serde_json::from_str(&json).expect("AnyEventId reads any JSON string");
    assert_eq!(back, any);
}

/// The bytes as a JSON document: `EventId` accepts exactly the JSON strings
/// that are catalog ids, `AnyEventId` accepts every JSON string unchanged.
fn check_json(data: &[u8]) {
    let string = serde_json::from_slice::<String>(data).ok();
    match serde_json::from_slice::<EventId>(data) {
        Ok(id) => assert_eq!(string.as_deref(), Some(id.as_str())),
        Err(err) => {
            if let Some(string) = &string {
                assert!(
                    string.parse::<EventId>().is_err(),
                    "{string:?} is an id but did not deserialize"
                );
                assert!(err.to_string().starts_with("unknown event id"), "{err}");
            }
        }
    }
    match serde_json::from_slice::<AnyEventId>(data) {
        Ok(any) => {
            assert_eq!(string.as_deref(), Some(any.as_str()));
            assert_eq!(any.known(), any.as_str().parse::<EventId>().ok());
        }
        Err(_) => assert!(
            string.is_none(),
            "AnyEventId refused the JSON string {string:?}"
        ),
    }
}
