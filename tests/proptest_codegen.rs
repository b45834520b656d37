//! Property tests of the build-time boundary: catalog text becoming Rust code.
//!
//! "Exactly the input" is shown by parsing the emitted code back with syn, the
//! parser proc macros use, and comparing values; the escaping is never
//! re-implemented here.

use proptest::prelude::*;

#[allow(dead_code, unused_imports)]
#[path = "../src/codegen/mod.rs"]
mod codegen;

#[path = "support/generated_code.rs"]
mod generated_code;

#[path = "support/catalog_check.rs"]
mod catalog_check;

/// Text made to break out of a literal, a comment, a doc line or markdown,
/// mixed with arbitrary characters.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_owned()),
        Just("\\".to_owned()),
        Just("\n".to_owned()),
        Just("\r".to_owned()),
        Just("\r\n".to_owned()),
        Just("\0".to_owned()),
        Just("*/".to_owned()),
        Just("/*".to_owned()),
        Just("\"#".to_owned()),
        Just("r#\"".to_owned()),
        Just("\"#; panic!(\"boom\"); r#\"".to_owned()),
        Just("#[cfg(any())] mod m {".to_owned()),
        Just("```".to_owned()),
        Just("~~~".to_owned()),
        Just("    ".to_owned()),
        Just("\t".to_owned()),
        Just("{}".to_owned()),
        Just("\u{202e}".to_owned()),
        Just("\u{2028}".to_owned()),
        Just("\u{85}".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("👩‍👩‍👧".to_owned()),
        Just("مرحبا".to_owned()),
        any::<char>().prop_map(String::from),
        "[a-z ]{1,8}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), hostile_text()]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    /// string_literal gives a plain string literal whose value is the input.
    #[test]
    fn string_literal_evaluates_to_exactly_the_input(text in any_text()) {
        let literal = codegen::string_literal(&text);
        prop_assert!(literal.starts_with('"'), "not a plain literal: {}", literal);
        // parse_str fails on anything after the literal, so this is one token.
        let parsed: syn::LitStr = syn::parse_str(&literal)
            .map_err(|e| TestCaseError::fail(format!("{literal} does not parse: {e}")))?;
        prop_assert_eq!(parsed.value(), text);
    }

    /// doc_text gives one line per line of text: each in markdown's escaped
    /// form, unindented and free of line breaks (so it can open no code block),
    /// and showing exactly the text's characters once unescaped.
    #[test]
    fn doc_text_shows_the_text_and_opens_no_code_block(inner in any_text()) {
        // Catalog text is trimmed (the catalog check), so the ends are fixed.
        let text = format!("a{inner}z");
        let lines = codegen::doc_text(&text);
        for line in &lines {
            prop_assert!(generated_code::doc_line_is_inert(line), "{:?}", line);
        }
        let shown: Vec<String> = lines
            .iter()
            .map(|line| generated_code::unescape_doc_line(line).unwrap_or_default())
            .collect();
        prop_assert_eq!(shown, catalog_check::expected_doc_lines(&text));
    }

    /// A catalog whose names, descriptions and deprecation notes are hostile
    /// generates code that parses, has exactly the usual items and variants,
    /// and gives back every text exactly: in the tables, the deprecation
    /// notes, catalog_json, and the docs.
    #[test]
    fn hostile_catalog_text_comes_back_exactly(
        name in any_text(),
        description in any_text(),
        deprecated in proptest::option::of(any_text()),
    ) {
        let text = |inner: &str| format!("<{inner}>");
        let mut first = serde_json::json!({
            "id": "prospect.qualified",
            "name": text(&name),
            "description": text(&description),
            "category": "prospect",
        });
        if let Some(reason) = &deprecated {
            first["deprecated"] = serde_json::Value::from(text(reason));
        }
        let second = serde_json::json!({
            "id": "linkedin.message.sent",
            "name": text(&description),
            "description": text(&name),
            "category": "linkedin",
        });
        let json = serde_json::Value::Array(vec![first, second]).to_string();
        let catalog = codegen::parse_catalog(&json)
            .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let code = codegen::generate(&json, "test.json", codegen::Source::Override)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        catalog_check::check_generated(&code, &catalog)
            .map_err(TestCaseError::fail)?;
    }
}
