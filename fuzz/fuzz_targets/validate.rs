//! Arbitrary bytes as a list of ids, one per line, through `validate`.
#![no_main]

use kakiyo_events::{EventId, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let ids: Vec<String> = data
        .split(|&b| b == b'\n')
        .map(|line| String::from_utf8_lossy(line).into_owned())
        .collect();
    let invalid: Vec<usize> = (0..ids.len())
        .filter(|&i| ids[i].parse::<EventId>().is_err())
        .collect();
    match validate(&ids) {
        Ok(valid) => {
            assert!(invalid.is_empty());
            let back: Vec<&str> = valid.iter().map(|id| id.as_str()).collect();
            assert_eq!(back, ids, "validate must return the ids in input order");
        }
        Err(err) => {
            assert_eq!(err.len(), invalid.len());
            assert!(!err.is_empty());
            let found: Vec<usize> = err.iter().map(|(index, _)| index).collect();
            assert_eq!(
                found, invalid,
                "every invalid id, by its 0-based index, in order"
            );
            for (index, unknown) in err.iter() {
                assert_eq!(unknown.input_len(), ids[index].len());
                assert!(ids[index].starts_with(unknown.input()));
                if let Some(suggestion) = unknown.suggestion() {
                    assert!(EventId::ALL.contains(&suggestion));
                }
            }
            let shown = err.to_string();
            assert!(shown.starts_with("Invalid event IDs: "));
            // Each entry shows at most 64 bytes of its id, its length and a
            // suggestion. A control or bidi character is shown escaped: at worst
            // six bytes (`\u{1b}`) for each byte of the id.
            let bound = "Invalid event IDs: ".len() + invalid.len() * (64 * 6 + 80);
            assert!(
                shown.len() <= bound,
                "{} bytes shown for {} invalid ids",
                shown.len(),
                invalid.len()
            );
        }
    }
});
