//! The generator's JSON reader (src/codegen/json.rs): the parsing is
//! json-event-parser's, so these check what is ours around it: the tree keeps
//! repeated keys, positions are 1-based in characters, nothing may follow the
//! root, nesting is bounded, and strings are written back as serde_json does.

#[allow(dead_code, unused_imports)]
#[path = "../src/codegen/mod.rs"]
mod codegen;

use codegen::json::{self, Json, MAX_DEPTH, SyntaxError};
use proptest::prelude::*;

fn error(text: &str) -> SyntaxError {
    json::parse(text).expect_err(text)
}

#[test]
fn objects_keep_every_member_in_file_order() {
    let value = json::parse(r#"{"id": "a.b", "n": [1, true, null], "id": "c.d"}"#).unwrap();
    let Json::Object(members) = &value else {
        panic!("{value:?}")
    };
    let keys: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, ["id", "n", "id"]);
    assert_eq!(
        members[1].1,
        Json::Array(vec![Json::Number("1".into()), Json::Bool(true), Json::Null])
    );
    // A repeated key reads as its last value, as serde_json and JSON.parse read it.
    assert_eq!(value.get("id").and_then(Json::as_str), Some("c.d"));
    assert_eq!(value.get("missing"), None);
    assert_eq!(Json::Null.get("id"), None);
}

#[test]
fn positions_are_one_based_lines_and_character_columns() {
    // Two 2-byte characters before the error: the column counts characters.
    let e = error("[\n  \"éé\",\n  \"x\" \"y\"\n]");
    assert_eq!((e.line, e.column), (3, 7), "{e:?}");
    let e = error("[\"éé\" x]");
    assert_eq!((e.line, e.column), (1, 7), "{e:?}");
}

#[test]
fn nothing_but_white_space_may_follow_the_root() {
    assert_eq!(json::parse("[] \n\t").unwrap(), Json::Array(vec![]));
    for (text, line, column) in [
        ("[] []", 1, 4),
        ("[]\n x", 2, 2),
        ("{} ,", 1, 4),
        ("\"a\" 1", 1, 5),
    ] {
        let e = error(text);
        assert_eq!((e.line, e.column), (line, column), "{text:?}: {e:?}");
    }
}

#[test]
fn a_leading_byte_order_mark_is_skipped() {
    assert_eq!(json::parse("\u{feff}[]").unwrap(), Json::Array(vec![]));
}

#[test]
fn an_empty_text_is_an_error_at_its_end() {
    for (text, line, column) in [("", 1, 1), ("  ", 1, 3), ("\n\n", 3, 1)] {
        let e = error(text);
        assert_eq!((e.line, e.column), (line, column), "{text:?}: {e:?}");
        assert!(e.message.contains("end of file"), "{e:?}");
    }
}

#[test]
fn nesting_is_bounded_at_max_depth() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let mut value = json::parse(&nested(MAX_DEPTH)).unwrap();
    for _ in 1..MAX_DEPTH {
        let Json::Array(mut items) = value else {
            panic!("not an array")
        };
        value = items.pop().unwrap();
    }
    assert_eq!(value, Json::Array(vec![]));

    let e = error(&nested(MAX_DEPTH + 1));
    assert_eq!((e.line, e.column), (1, MAX_DEPTH + 1), "{e:?}");
    assert_eq!(
        e.message,
        format!("arrays and objects nested more than {MAX_DEPTH} deep")
    );
    // Objects count as levels too, and the bracket's position is reported.
    let objects = format!(
        "{}1{}",
        "{\"k\":\n".repeat(MAX_DEPTH + 1),
        "}".repeat(MAX_DEPTH + 1)
    );
    let e = error(&objects);
    assert_eq!((e.line, e.column), (MAX_DEPTH + 1, 1), "{e:?}");
}

#[test]
fn strings_are_written_with_short_escapes_and_lower_case_hex() {
    assert_eq!(json::string("a\"b\\c"), r#""a\"b\\c""#);
    assert_eq!(json::string("\n\r\t\u{8}\u{c}"), r#""\n\r\t\b\f""#);
    assert_eq!(
        json::string("\u{0}\u{1f}\u{7f}é"),
        "\"\\u0000\\u001f\u{7f}é\""
    );
}

proptest! {
    /// The catalog_json() body is byte for byte what serde_json would write,
    /// and reads back as the same string.
    #[test]
    fn strings_match_serde_json_and_read_back(text in any::<String>()) {
        let written = json::string(&text);
        prop_assert_eq!(&written, &serde_json::to_string(&text).unwrap());
        prop_assert_eq!(json::parse(&written).unwrap(), Json::String(text));
    }

    /// Any text serde_json writes, ours reads to the same tree.
    #[test]
    fn reads_what_serde_json_writes(value in any_json()) {
        let text = serde_json::to_string_pretty(&value).unwrap();
        prop_assert_eq!(json::parse(&text).unwrap(), from_serde(&value));
    }
}

fn any_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<String>().prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

fn from_serde(value: &serde_json::Value) -> Json {
    match value {
        serde_json::Value::Null => Json::Null,
        serde_json::Value::Bool(b) => Json::Bool(*b),
        serde_json::Value::Number(n) => Json::Number(n.to_string()),
        serde_json::Value::String(s) => Json::String(s.clone()),
        serde_json::Value::Array(items) => Json::Array(items.iter().map(from_serde).collect()),
        serde_json::Value::Object(members) => Json::Object(
            members
                .iter()
                .map(|(k, v)| (k.clone(), from_serde(v)))
                .collect(),
        ),
    }
}
