//! The library's JSON reader (src/strict_json.rs, used by `webhook` and
//! `diff`): the very `Value` serde_json reads, for any JSON without a repeated
//! key; and an error naming the key for any JSON with one.
#![cfg(any(feature = "webhook", feature = "diff"))]

#[allow(dead_code)]
#[path = "../src/strict_json.rs"]
mod strict_json;

use proptest::prelude::*;
use serde_json::{Map, Value};
use strict_json::StrictJsonError;
use strict_json::echo::ECHOED;

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(".{0,6}", inner, 0..6)
                .prop_map(|fields| Value::Object(fields.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

proptest! {
    #[test]
    fn reads_what_serde_json_reads(value in json_value(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_string_pretty(&value)
        } else {
            serde_json::to_string(&value)
        }
        .unwrap();
        let expected: Value = serde_json::from_str(&text).unwrap();
        match strict_json::from_slice(text.as_bytes()) {
            Ok(read) => prop_assert_eq!(read, expected),
            Err(err) => prop_assert!(false, "{text}: {err:?}"),
        }
    }

    #[test]
    fn refuses_a_key_named_twice(
        fields in prop::collection::btree_map(".{0,6}", json_value(), 1..6),
        again in any::<prop::sample::Index>(),
        depth in 0usize..4,
    ) {
        let keys: Vec<&String> = fields.keys().collect();
        let repeated = keys[again.index(keys.len())].clone();
        let object = serde_json::to_string(&fields).unwrap();
        // The object with its repeated key appended, nested `depth` deep.
        let twice = format!(
            "{}, {}: null}}",
            object.strip_suffix('}').unwrap(),
            serde_json::to_string(&repeated).unwrap()
        );
        let text = format!("{}{twice}{}", "[".repeat(depth), "]".repeat(depth));
        // serde_json alone takes it, keeping the last value.
        prop_assert!(serde_json::from_str::<Value>(&text).is_ok());
        match strict_json::from_slice(text.as_bytes()) {
            Err(StrictJsonError::RepeatedKey { key, line, column }) => {
                prop_assert_eq!(key, repeated);
                prop_assert_eq!(line, 1);
                prop_assert!(column <= text.len(), "{column}");
            }
            other => prop_assert!(false, "{text}: {other:?}"),
        }
    }
}

#[test]
fn syntax_errors_are_serde_json_s() {
    for text in ["", "{", "[1,]", "{\"a\" 1}", "[] []", "\u{feff}[]"] {
        let Err(StrictJsonError::Syntax(err)) = strict_json::from_slice(text.as_bytes()) else {
            panic!("{text:?} read");
        };
        let expected = serde_json::from_str::<Value>(text).unwrap_err();
        assert_eq!(err.to_string(), expected.to_string(), "{text:?}");
    }
}

#[test]
fn a_long_repeated_key_is_cut() {
    let key = "é".repeat(1000);
    let text = format!(r#"{{"{key}": 1, "{key}": 2}}"#);
    let Err(StrictJsonError::RepeatedKey { key: kept, .. }) =
        strict_json::from_slice(text.as_bytes())
    else {
        panic!("read");
    };
    assert!(kept.len() <= ECHOED + '…'.len_utf8(), "{}", kept.len());
    assert!(kept.ends_with('…'));
    assert!(key.starts_with(kept.trim_end_matches('…')));
}

#[test]
fn nesting_is_limited_as_in_serde_json() {
    let deep = "[".repeat(100_000);
    let Err(StrictJsonError::Syntax(err)) = strict_json::from_slice(deep.as_bytes()) else {
        panic!("read");
    };
    assert!(
        err.to_string().contains("recursion limit exceeded"),
        "{err}"
    );
}

/// Past 16 keys an object's keys are hashed rather than listed: a repeat is
/// found on either side of that line, and distinct keys pass.
#[test]
fn repeats_are_found_in_objects_of_many_keys() {
    let keys: Vec<String> = (0..40).map(|i| format!("k{i}")).collect();
    let members: Vec<String> = keys.iter().map(|k| format!("\"{k}\": 1")).collect();
    let all = format!("{{{}}}", members.join(", "));
    assert_eq!(
        strict_json::from_slice(all.as_bytes()).unwrap(),
        serde_json::from_str::<Value>(&all).unwrap()
    );
    for again in ["k3", "k15", "k16", "k39"] {
        let text = format!("{}, \"{again}\": 2}}", all.strip_suffix('}').unwrap());
        match strict_json::from_slice(text.as_bytes()) {
            Err(StrictJsonError::RepeatedKey { key, .. }) => assert_eq!(key, again),
            other => panic!("{again}: {other:?}"),
        }
    }
}

/// Whether this build's serde_json has its `raw_value` feature on: then its
/// own `Value` reads the string under `$serde_json::private::RawValue`, when
/// that is an object's first key, as JSON text. `.ci/run` runs this file in
/// both kinds of build.
fn raw_value_is_parsed() -> bool {
    matches!(
        serde_json::from_str::<Value>(r#"{"$serde_json::private::RawValue": "1"}"#),
        Ok(Value::Number(_))
    )
}

/// `{"$serde_json::private::RawValue": <text>}` nested `levels` deep, the
/// innermost text `inner`, each level inside `arrays` arrays.
fn raw_value_nest(inner: &str, levels: usize, arrays: usize) -> String {
    let mut text = inner.to_owned();
    for _ in 0..levels {
        let wrapped = format!(
            r#"{}{{"$serde_json::private::RawValue": {}}}{}"#,
            "[".repeat(arrays),
            serde_json::to_string(&text).unwrap(),
            "]".repeat(arrays)
        );
        text = wrapped;
    }
    text
}

/// With `raw_value`, a repeat inside that string would be read one way, so
/// it is refused, at any depth; without it the string is only a string, and
/// the body reads as serde_json reads it. Only the first key is special.
#[test]
fn a_repeat_inside_serde_json_s_raw_value_key_is_refused_where_serde_json_reads_it() {
    let raw_value = raw_value_is_parsed();
    let hidden = raw_value_nest(r#"{"event": "a", "event": "b"}"#, 1, 0);
    let deeper = raw_value_nest(r#"[{"k": 1, "k": 2}]"#, 3, 2);
    for text in [&hidden, &deeper] {
        match strict_json::from_slice(text.as_bytes()) {
            Err(StrictJsonError::RepeatedKey { key, .. }) if raw_value => {
                assert!(key == "event" || key == "k", "{key}");
            }
            Ok(value) if !raw_value => {
                assert_eq!(value, serde_json::from_str::<Value>(text).unwrap());
            }
            other => panic!("raw_value {raw_value}, {text}: {other:?}"),
        }
    }
    for fine in [
        r#"{"$serde_json::private::RawValue": "{\"a\": 1, \"b\": 2}"}"#,
        r#"{"a": 1, "$serde_json::private::RawValue": "{\"k\": 1, \"k\": 2}"}"#,
        r#"{"raw": "{\"a\": 1, \"a\": 2}"}"#,
        r#"{"$serde_json::private::RawValue": "not json {"}"#,
    ] {
        // What serde_json reads, in either build; with `raw_value` the text
        // that is not JSON fails in serde_json's own `Value` too.
        match (
            strict_json::from_slice(fine.as_bytes()),
            serde_json::from_str::<Value>(fine),
        ) {
            (Ok(ours), Ok(theirs)) => assert_eq!(ours, theirs, "{fine}"),
            (Err(StrictJsonError::Syntax(_)), Err(_)) => {}
            other => panic!("{fine}: {other:?}"),
        }
    }
}

/// Each string under that key is read by a deserializer of its own, with a
/// fresh nesting limit; so with `raw_value` the check counts levels across
/// them, and refuses more than serde_json's 128 in all: 20 such strings, each
/// inside 125 arrays, would otherwise take 2,500 levels of recursion. A
/// thread with Rust's default 2 MiB stack reads the body without
/// overflowing, in either build.
#[test]
fn nested_raw_value_strings_cannot_overflow_the_stack() {
    let deep = raw_value_nest(r#"{"a": 1}"#, 20, 125);
    let read = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || match strict_json::from_slice(deep.as_bytes()) {
            Ok(value) => Ok(value == serde_json::from_str::<Value>(&deep).unwrap()),
            Err(StrictJsonError::Syntax(err)) => Err(err.to_string()),
            Err(other) => panic!("{other:?}"),
        })
        .unwrap()
        .join()
        .unwrap();
    if raw_value_is_parsed() {
        let err = read.unwrap_err();
        assert!(
            err.starts_with("recursion limit exceeded: over 128 levels"),
            "{err}"
        );
    } else {
        assert_eq!(read, Ok(true));
    }
    // 4 strings, each inside 30 arrays and its object, and the innermost
    // object: 125 levels in all.
    let within = raw_value_nest(r#"{"a": 1}"#, 4, 30);
    assert!(strict_json::from_slice(within.as_bytes()).is_ok());
}

/// The count of levels across those strings is the string's own: a string
/// that is not JSON, or is, leaves the count where it was for its siblings.
#[test]
fn sibling_raw_value_strings_are_counted_apart() {
    let broken = raw_value_nest("[[[[[[[[[[[[[[[[[[[[ not json", 1, 0);
    let deep = raw_value_nest(r#"{"a": 1}"#, 1, 100);
    for sibling in [&broken, &deep] {
        let many = format!("[{}]", vec![sibling.as_str(); 40].join(", "));
        match (
            strict_json::from_slice(many.as_bytes()),
            serde_json::from_str::<Value>(&many),
        ) {
            (Ok(ours), Ok(theirs)) => assert_eq!(ours, theirs),
            // With `raw_value`, text that is not JSON fails serde_json's own
            // `Value`: refused with serde_json's message, not a depth error.
            (Err(StrictJsonError::Syntax(err)), Err(_)) => {
                assert!(!err.to_string().contains("recursion"), "{err}");
            }
            other => panic!("{other:?}"),
        }
    }
}

/// A number at the deepest level a string under that key allows is read, in
/// every build: with `arbitrary_precision` serde_json hands a decimal over as
/// a map, which is no level of nesting. And with `raw_value`, a string under
/// that key that is not JSON is refused where it stands, as serde_json's own
/// `Value` refuses it, before any repeat later in the body.
#[test]
fn raw_value_strings_are_refused_where_serde_json_refuses_them() {
    for number in ["1.5", "-0", "123456789012345678901234567890"] {
        let deepest = raw_value_nest(
            &format!("{}{number}{}", "[".repeat(127), "]".repeat(127)),
            1,
            0,
        );
        assert_eq!(
            strict_json::from_slice(deepest.as_bytes()).unwrap(),
            serde_json::from_str::<Value>(&deepest).unwrap(),
            "{number}"
        );
    }
    let body = format!(
        r#"[{}, {{"a": 1, "a": 2}}]"#,
        raw_value_nest("not json", 1, 0)
    );
    match strict_json::from_slice(body.as_bytes()) {
        Err(StrictJsonError::Syntax(err)) if raw_value_is_parsed() => {
            assert!(err.to_string().starts_with("expected"), "{err}");
        }
        Err(StrictJsonError::RepeatedKey { key, .. }) if !raw_value_is_parsed() => {
            assert_eq!(key, "a");
        }
        other => panic!("{other:?}"),
    }
}
