//! Table-driven tests of every catalog error the generator reports, next to
//! catalogs that are valid. Each message is also snapshotted, so a change to
//! an error text shows up in review.

#[allow(dead_code, unused_imports)]
#[path = "../src/codegen/mod.rs"]
mod codegen;

use codegen::{CatalogError, Source, TextProblem, generate, parse_catalog};

/// A valid entry, as JSON, for building catalogs around one bad field.
fn entry(id: &str, category: &str) -> String {
    format!(
        r#"{{"id": "{id}", "name": "Some Name", "description": "Triggered when something happens", "category": "{category}"}}"#
    )
}

/// What kind of error a case must produce (the variant, ignoring its fields).
fn kind(error: &CatalogError) -> &'static str {
    match error {
        CatalogError::Syntax { .. } => "Syntax",
        CatalogError::NotAnArray { .. } => "NotAnArray",
        CatalogError::Empty => "Empty",
        CatalogError::TooManyEvents { .. } => "TooManyEvents",
        CatalogError::EntryNotObject { .. } => "EntryNotObject",
        CatalogError::MissingField { .. } => "MissingField",
        CatalogError::NotAString { .. } => "NotAString",
        CatalogError::DuplicateField { .. } => "DuplicateField",
        CatalogError::UnknownField { .. } => "UnknownField",
        CatalogError::InvalidId { .. } => "InvalidId",
        CatalogError::CategoryMismatch { .. } => "CategoryMismatch",
        CatalogError::DuplicateId { .. } => "DuplicateId",
        CatalogError::VariantCollision { .. } => "VariantCollision",
        CatalogError::CategoryVariantCollision { .. } => "CategoryVariantCollision",
        CatalogError::ReservedVariant { .. } => "ReservedVariant",
        CatalogError::ReservedCategoryVariant { .. } => "ReservedCategoryVariant",
        CatalogError::BadText {
            problem: TextProblem::Empty,
            ..
        } => "BadText(Empty)",
        CatalogError::BadText {
            problem: TextProblem::Padded,
            ..
        } => "BadText(Padded)",
        CatalogError::BadText {
            problem: TextProblem::Invisible,
            ..
        } => "BadText(Invisible)",
    }
}

/// (case name, catalog JSON, the error kinds it must produce, in order).
fn bad_catalogs() -> Vec<(&'static str, String, Vec<&'static str>)> {
    let ok = entry("prospect.qualified", "prospect");
    vec![
        ("syntax error", "[{\"id\": \"prospect.qualified\",\n  \"name\": }]".into(), vec!["Syntax"]),
        ("trailing comma", format!("[{ok},]"), vec!["Syntax"]),
        ("not json at all", "events: prospect.qualified".into(), vec!["Syntax"]),
        ("top level object", format!("{{\"events\": [{ok}]}}"), vec!["NotAnArray"]),
        ("top level string", "\"prospect.qualified\"".into(), vec!["NotAnArray"]),
        ("empty array", "[]".into(), vec!["Empty"]),
        ("entry not an object", format!("[{ok}, \"message.sent\"]"), vec!["EntryNotObject"]),
        (
            "missing name",
            r#"[{"id": "prospect.qualified", "description": "Triggered when x", "category": "prospect"}]"#.into(),
            vec!["MissingField"],
        ),
        ("missing everything", "[{}]".into(), vec!["MissingField"; 4]),
        (
            "name not a string",
            r#"[{"id": "prospect.qualified", "name": 7, "description": "Triggered when x", "category": "prospect"}]"#.into(),
            vec!["NotAString"],
        ),
        (
            "id null",
            r#"[{"id": null, "name": "N", "description": "Triggered when x", "category": "prospect"}]"#.into(),
            vec!["NotAString"],
        ),
        (
            "deprecated not a string",
            r#"[{"id": "prospect.qualified", "name": "N", "description": "D", "category": "prospect", "deprecated": true}]"#.into(),
            vec!["NotAString"],
        ),
        (
            "unknown field (typo)",
            r#"[{"id": "prospect.qualified", "name": "N", "descripton": "D", "category": "prospect"}]"#.into(),
            vec!["UnknownField", "MissingField"],
        ),
        (
            "field given twice (JSON readers keep the last)",
            r#"[{"id": "prospect.qualified", "name": "N", "description": "D", "category": "prospect", "id": "prospect.responded"}]"#.into(),
            vec!["DuplicateField"],
        ),
        (
            "fields given twice in several entries",
            format!(
                r#"[{ok}, {{"id": "message.sent", "name": "A", "name": "B", "description": "D", "description": "E", "category": "message", "name": "C"}}]"#
            ),
            vec!["DuplicateField", "DuplicateField"],
        ),
        (
            "unknown field (no near match)",
            r#"[{"id": "prospect.qualified", "name": "N", "description": "D", "category": "prospect", "priority": "high"}]"#.into(),
            vec!["UnknownField"],
        ),
        ("id with one segment", format!("[{}]", entry("prospect", "prospect")), vec!["InvalidId"]),
        ("id with uppercase", format!("[{}]", entry("Prospect.qualified", "Prospect")), vec!["InvalidId"]),
        ("id with a dash", format!("[{}]", entry("prospect.status-changed", "prospect")), vec!["InvalidId"]),
        // The generated docs put ids between backticks.
        ("id with a backtick", format!("[{}]", entry("prospect.a`b", "prospect")), vec!["InvalidId"]),
        ("id with a leading digit", format!("[{}]", entry("prospect.2nd", "prospect")), vec!["InvalidId"]),
        ("id with a doubled underscore", format!("[{}]", entry("prospect.a__b", "prospect")), vec!["InvalidId"]),
        ("id with a trailing underscore", format!("[{}]", entry("prospect.ab_", "prospect")), vec!["InvalidId"]),
        ("id with a leading underscore", format!("[{}]", entry("prospect._ab", "prospect")), vec!["InvalidId"]),
        ("id with an empty segment", format!("[{}]", entry("prospect..ab", "prospect")), vec!["InvalidId"]),
        ("id with a trailing dot", format!("[{}]", entry("prospect.", "prospect")), vec!["InvalidId"]),
        ("id with a space", format!("[{}]", entry("prospect.qualified ", "prospect")), vec!["BadText(Padded)"]),
        ("id with a leading space", format!("[{}]", entry(" a.b", "a")), vec!["BadText(Padded)"]),
        (
            "padded id that is also invalid once trimmed",
            format!("[{}]", entry(" A.b", "a")),
            vec!["BadText(Padded)", "InvalidId"],
        ),
        ("empty id", format!("[{}]", entry("", "a")), vec!["BadText(Empty)"]),
        ("whitespace-only id", format!("[{}]", entry(" \\t", "a")), vec!["BadText(Empty)"]),
        ("padded category", format!("[{}]", entry("a.b", "a ")), vec!["BadText(Padded)"]),
        ("empty category", format!("[{}]", entry("a.b", "")), vec!["BadText(Empty)"]),
        (
            "padded category that is also another category",
            format!("[{}]", entry("a.b", " c")),
            vec!["BadText(Padded)", "CategoryMismatch"],
        ),
        ("id with non-ascii", format!("[{}]", entry("prospect.qualifié", "prospect")), vec!["InvalidId"]),
        ("category mismatch", format!("[{}]", entry("prospect.qualified", "campaign")), vec!["CategoryMismatch"]),
        ("duplicate id", format!("[{ok}, {}, {ok}]", entry("message.sent", "message")), vec!["DuplicateId"]),
        (
            "variant collision",
            format!("[{}, {}]", entry("prospect.stage_2", "prospect"), entry("prospect.stage2", "prospect")),
            vec!["VariantCollision"],
        ),
        (
            "category variant collision",
            format!("[{}, {}]", entry("stage_2.joined", "stage_2"), entry("stage2.left", "stage2")),
            vec!["CategoryVariantCollision"],
        ),
        ("variant clashes with EventId::ALL", format!("[{}]", entry("a.l_l", "a")), vec!["ReservedVariant"]),
        ("variant clashes with EventId::COUNT", format!("[{}]", entry("c.o_u_n_t", "c")), vec!["ReservedVariant"]),
        (
            "variant clashes with VARIANTS",
            format!("[{}]", entry("v.a_r_i_a_n_t_s", "v")),
            vec!["ReservedVariant"],
        ),
        ("category variant is Self", format!("[{}]", entry("self.updated", "self")), vec!["ReservedCategoryVariant"]),
        (
            "a bad category is told once, at its first entry",
            format!(
                "[{ok}, {}, {}, {}]",
                entry("self.a", "self"),
                entry("self.b", "self"),
                entry("self.c", "self")
            ),
            vec!["ReservedCategoryVariant"],
        ),
        (
            "a colliding category is told once, at its first entry",
            format!(
                "[{}, {}, {}, {}]",
                entry("stage_2.a", "stage_2"),
                entry("stage2.b", "stage2"),
                entry("stage_2.c", "stage_2"),
                entry("stage2.d", "stage2")
            ),
            vec!["CategoryVariantCollision"],
        ),
        (
            "empty name",
            r#"[{"id": "prospect.qualified", "name": "", "description": "D", "category": "prospect"}]"#.into(),
            vec!["BadText(Empty)"],
        ),
        (
            "whitespace-only description",
            r#"[{"id": "prospect.qualified", "name": "N", "description": " \n\t", "category": "prospect"}]"#.into(),
            vec!["BadText(Empty)"],
        ),
        (
            "invisible name, description and deprecation",
            r#"[{"id": "prospect.qualified", "name": "\u200b", "description": "\u2060\u200d", "category": "prospect", "deprecated": "\ufeff\udb40\udc20"}]"#.into(),
            vec!["BadText(Invisible)", "BadText(Invisible)", "BadText(Invisible)"],
        ),
        (
            "Hangul fillers, a grapheme joiner, Khmer and Mongolian invisibles, a braille blank",
            r#"[{"id": "prospect.qualified", "name": "\u3164\u115f\uffa0", "description": "\u034f\u17b4\u180b\u2800", "category": "prospect"}]"#.into(),
            vec!["BadText(Invisible)", "BadText(Invisible)"],
        ),
        // An id or category of invisible characters is one error, the one
        // its own rule gives, not also "holds only invisible characters".
        (
            "category of a Hangul filler",
            r#"[{"id": "prospect.qualified", "name": "N", "description": "D", "category": "\u3164"}]"#.into(),
            vec!["CategoryMismatch"],
        ),
        (
            "id of a zero-width space",
            r#"[{"id": "\u200b", "name": "N", "description": "D", "category": "prospect"}]"#.into(),
            vec!["InvalidId"],
        ),
        (
            "padded name",
            r#"[{"id": "prospect.qualified", "name": " Prospect Qualified", "description": "D", "category": "prospect"}]"#.into(),
            vec!["BadText(Padded)"],
        ),
        (
            "padded description",
            r#"[{"id": "prospect.qualified", "name": "N", "description": "D\n", "category": "prospect"}]"#.into(),
            vec!["BadText(Padded)"],
        ),
        (
            "empty deprecated reason",
            r#"[{"id": "prospect.qualified", "name": "N", "description": "D", "category": "prospect", "deprecated": ""}]"#.into(),
            vec!["BadText(Empty)"],
        ),
        (
            "a problem of its own does not hide a duplicate id",
            r#"[{"id": "a.b", "name": " N", "description": "d", "category": "a"}, {"id": "a.b", "name": "N", "description": "d", "category": "a"}]"#.into(),
            vec!["BadText(Padded)", "DuplicateId"],
        ),
        (
            "a duplicate with a problem of its own",
            format!(r#"[{ok}, {{"id": "prospect.qualified", "name": "", "description": "D", "category": "prospect"}}]"#),
            vec!["BadText(Empty)", "DuplicateId"],
        ),
        (
            "a problem of its own does not hide a variant collision",
            r#"[{"id": "prospect.stage_2", "name": "N", "description": "D ", "category": "prospect"}, {"id": "prospect.stage2", "name": "N", "description": "D", "category": "prospect", "x": 1}]"#.into(),
            vec!["BadText(Padded)", "UnknownField", "VariantCollision"],
        ),
        (
            "a problem of its own does not hide a category variant collision",
            format!(
                r#"[{{"id": "stage_2.joined", "description": "D", "category": "stage_2"}}, {}]"#,
                entry("stage2.left", "stage2")
            ),
            vec!["MissingField", "CategoryVariantCollision"],
        ),
        (
            "a problem of its own does not hide a reserved variant",
            r#"[{"id": "a.l_l", "name": "N", "description": "D", "category": "a", "deprecated": ""}]"#.into(),
            vec!["BadText(Empty)", "ReservedVariant"],
        ),
        (
            "every problem is reported, not just the first",
            format!(
                "[{}, {}, {ok}, {ok}, 3]",
                entry("Prospect.x", "prospect"),
                entry("campaign.started", "prospect")
            ),
            vec!["InvalidId", "CategoryMismatch", "DuplicateId", "EntryNotObject"],
        ),
    ]
}

#[test]
fn each_bad_catalog_gets_its_errors() {
    for (name, json, expected) in bad_catalogs() {
        let errors = match parse_catalog(&json) {
            Ok(_) => panic!("{name}: accepted a bad catalog"),
            Err(errors) => errors,
        };
        let kinds: Vec<&str> = errors.iter().map(kind).collect();
        assert_eq!(kinds, expected, "{name}: {errors:#?}");
    }
}

#[test]
fn error_messages_name_the_file_and_the_event() {
    let mut table = String::new();
    for (name, json, _) in bad_catalogs() {
        let message = match generate(&json, "events.json", Source::Bundled) {
            Ok(_) => panic!("{name}: accepted a bad catalog"),
            Err(errors) => errors.to_string(),
        };
        for line in message.lines() {
            assert!(line.starts_with("error: events.json"), "{name}: {line}");
            assert!(!line.contains("panicked"), "{name}: {line}");
        }
        table.push_str(&format!("## {name}\n{message}\n\n"));
    }
    insta::assert_snapshot!("catalog_error_messages", table);
}

#[test]
fn syntax_errors_give_line_and_column() {
    let json = "[\n  {\"id\": \"prospect.qualified\",\n   \"name\": }\n]";
    let errors = parse_catalog(json).unwrap_err();
    assert!(
        matches!(
            errors.as_slice(),
            [CatalogError::Syntax {
                line: 3,
                column: 12,
                ..
            }]
        ),
        "{errors:?}"
    );
}

/// Columns are the ones an editor shows: a byte-order mark, skipped, is none.
#[test]
fn a_byte_order_mark_is_no_column() {
    let syntax_at = |json: &str| match parse_catalog(json).unwrap_err().as_slice() {
        [CatalogError::Syntax { line, column, .. }] => (*line, *column),
        other => panic!("{json:?}: {other:?}"),
    };
    assert_eq!(syntax_at("[{\"id\": }]"), (1, 9));
    assert_eq!(syntax_at("\u{feff}[{\"id\": }]"), (1, 9));
    assert_eq!(syntax_at("\u{feff}[\n{\"id\": }]"), (2, 8));
}

/// A `\u` escape cut short near the end of the file is not "the end of the
/// file" when more follows the string (the parser's own words).
#[test]
fn an_escape_cut_short_is_told_as_such() {
    for json in [
        "[{\"id\": \"a.b\", \"name\": \"\\ud83d\"}]\n",
        "[{\"id\": \"a.b\", \"name\": \"\\u12\"}]",
    ] {
        let errors = parse_catalog(json).unwrap_err();
        let [
            CatalogError::Syntax {
                line: 1,
                column: 24,
                message,
            },
        ] = errors.as_slice()
        else {
            panic!("{json:?}: {errors:?}");
        };
        assert!(message.contains("cut short"), "{json:?}: {message}");
    }
    // At the real end of the file, or in a string with no `\u` escape whose
    // only quotes are escaped, the end of the file it is.
    for json in [
        "[{\"id\": \"a.b\", \"name\": \"\\ud83d",
        "[{\"id\": \"a.b\", \"name\": \"say \\\"hi\\\"",
        "[\"a\\\"b",
    ] {
        let errors = parse_catalog(json).unwrap_err();
        let [CatalogError::Syntax { message, .. }] = errors.as_slice() else {
            panic!("{json:?}: {errors:?}");
        };
        assert!(!message.contains("cut short"), "{json:?}: {message}");
    }
}

#[test]
fn valid_catalogs_pass() {
    let good = [
        format!("[{}]", entry("prospect.qualified", "prospect")),
        // Kakiyo's live deliveries use three-segment ids.
        format!("[{}]", entry("linkedin.message.sent", "linkedin")),
        format!("[{}]", entry("a1.b2_c3.d4", "a1")),
        r#"[{"id": "prospect.qualified", "name": "N", "description": "D", "category": "prospect", "deprecated": "Use prospect.responded"}]"#.into(),
        // Hostile but valid text: quotes, backslashes, newlines inside, comment ends, unicode.
        r##"[{"id": "x.y", "name": "\"#; panic!(\"boom\"); r#\"", "description": "a\\b */ /* \n ```\nfn main() {}\n```\n émoji 🎉 שלום", "category": "x"}]"##.into(),
        // Text with invisible characters and something drawn is text: an
        // emoji with its variation selector, a joined family, a word joiner.
        r#"[{"id": "x.y", "name": "\u2764\ufe0f", "description": "\ud83d\udc68\u200d\ud83d\udc67 a\u2060b", "category": "x"}]"#.into(),
    ];
    for json in good {
        let catalog = parse_catalog(&json).unwrap_or_else(|e| panic!("{json}: {e:#?}"));
        assert_eq!(catalog.events.len(), 1);
    }
}

#[test]
fn the_bundled_catalog_is_valid() {
    let json =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/events.json")).unwrap();
    let catalog = parse_catalog(&json).unwrap();
    assert_eq!(catalog.events.len(), 22);
    assert_eq!(catalog.categories.len(), 5);
}

#[test]
fn syntax_errors_quote_no_control_character() {
    // A raw control character in a string is invalid JSON, and the parser's
    // message quotes it: the line shows it escaped, never raw (found by the
    // `generator` fuzz target).
    let json = "[{\"id\": \"p\u{6}rospect.qualified\"}]";
    let errors = parse_catalog(json).unwrap_err();
    assert!(
        matches!(
            errors.as_slice(),
            [CatalogError::Syntax {
                line: 1,
                column: 11,
                ..
            }]
        ),
        "{errors:?}"
    );
    let shown = errors[0].to_string();
    assert!(!shown.chars().any(char::is_control), "{shown:?}");
    assert!(shown.contains(r"'\u{6}'"), "{shown}");
}

#[test]
fn unknown_and_repeated_fields_are_told_once_each_in_file_order() {
    let json = r#"[{"id": "prospect.qualified", "zeta": 1, "name": "N", "alpha": 2,
        "description": "D", "zeta": 3, "category": "prospect", "name": "M", "zeta": 4}]"#;
    let errors = parse_catalog(json).unwrap_err();
    let told: Vec<String> = errors
        .iter()
        .map(|e| match e {
            CatalogError::DuplicateField { field, .. } => format!("twice {field}"),
            CatalogError::UnknownField { field, .. } => format!("unknown {field}"),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        told,
        ["twice zeta", "twice name", "unknown zeta", "unknown alpha"]
    );
}
