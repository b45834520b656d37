//! Unit tests of the generator's plain functions: naming, escaping, determinism.

#[allow(dead_code, unused_imports)]
#[path = "../src/codegen/mod.rs"]
mod codegen;

use codegen::{
    Source, catalog_path, doc_text, generate, ordered_map_literal, parse_catalog, title_case,
    variant_name,
};

fn bundled() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/events.json")).unwrap()
}

#[test]
fn variant_names_are_upper_camel_case_of_the_words() {
    let cases = [
        ("prospect.qualified", "ProspectQualified"),
        ("agent.status_changed", "AgentStatusChanged"),
        ("linkedin.message.sent", "LinkedinMessageSent"),
        ("prospect.stage_2", "ProspectStage2"),
        ("prospect.stage2", "ProspectStage2"),
        ("a1.b2_c3", "A1B2C3"),
    ];
    for (id, variant) in cases {
        assert_eq!(variant_name(id), variant, "{id}");
    }
    assert_eq!(title_case("prospect"), "Prospect");
    assert_eq!(title_case("team_member"), "Team Member");
}

#[test]
fn output_is_deterministic_and_holds_no_path() {
    let json = bundled();
    let first = generate(&json, "events.json", Source::Bundled).unwrap();
    let second = generate(&json, "events.json", Source::Bundled).unwrap();
    assert_eq!(first, second);
    assert!(first.starts_with("// @generated"));
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
    for needle in [env!("CARGO_MANIFEST_DIR"), home.as_str(), "/tmp", "/work"] {
        assert!(!first.contains(needle), "generated code names {needle}");
    }
    // An override catalog is named by its variable, not by its path.
    let other = generate(&json, "/some/abs/path.json", Source::Override).unwrap();
    assert!(!other.contains("/some/abs/path.json"));
}

#[test]
fn every_event_is_in_every_table() {
    let json = bundled();
    let catalog = parse_catalog(&json).unwrap();
    let code = generate(&json, "events.json", Source::Bundled).unwrap();
    for event in &catalog.events {
        assert!(
            code.contains(&format!("    {},\n", event.variant)),
            "{}",
            event.id
        );
        assert!(code.contains(&format!("{:?}", event.id)), "{}", event.id);
        assert!(
            code.contains(&format!("{:?}", event.description)),
            "{}",
            event.id
        );
    }
}

#[test]
fn doc_text_cannot_open_code_blocks_or_html() {
    let hostile = "```\nstd::process::exit(1)\n```\n    indented code\n<script>alert(1)</script>\n*/ #[doc] `x`";
    let lines = doc_text(hostile);
    assert_eq!(lines.len(), 6);
    for line in &lines {
        assert!(
            !line.starts_with(' '),
            "{line:?} could start an indented code block"
        );
        assert!(
            !line.starts_with("```") && !line.starts_with("~~~"),
            "{line:?}"
        );
    }
    assert_eq!(lines[0], "\\`\\`\\`");
    assert_eq!(lines[3], "indented code");
    assert_eq!(lines[4], "\\<script\\>alert\\(1\\)\\<\\/script\\>");
}

#[test]
fn hostile_text_is_emitted_as_literals_only() {
    let json = r##"[{"id": "x.y", "name": "\"; panic!(\"boom\"); \"", "description": "*/ } fn evil() {} /* \n#[cfg(any())] mod m {", "category": "x", "deprecated": "\")] fn evil() {} #[deprecated(note = \""}]"##;
    let code = generate(json, "events.json", Source::Bundled).unwrap();
    assert!(code.contains(r#""\"; panic!(\"boom\"); \"""#));
    assert!(code.contains(r#"#[deprecated(note = "\")] fn evil() {} #[deprecated(note = \"")]"#));
    // No line of the output starts with catalog text: every occurrence is inside a literal.
    for line in code.lines() {
        assert!(!line.trim_start().starts_with("fn evil"), "{line}");
        assert!(!line.trim_start().starts_with("#[cfg(any())]"), "{line}");
    }
}

/// `EVENTS` is written by our own code from `phf_generator`'s hash, not by
/// `phf_codegen` (src/codegen/emit.rs says why): with the same entries, the
/// literal must be exactly the one `phf_codegen` writes, so that the map is
/// the map `phf` expects. Checked on the real catalog and a 1,000-event one.
#[test]
fn events_map_is_the_literal_phf_codegen_writes() {
    #[path = "../benches/support/synthetic_catalog.rs"]
    #[allow(dead_code)]
    mod synthetic_catalog;
    for json in [bundled(), synthetic_catalog::synthetic_catalog(1000)] {
        let catalog = parse_catalog(&json).unwrap();
        let mut map = phf_codegen::OrderedMap::new();
        map.phf_path("::phf");
        let mut inline = String::from("&[");
        for (index, event) in catalog.events.iter().enumerate() {
            map.entry(event.id.as_str(), format!("E[{index}]"));
            inline.push_str(&format!("\n        ({:?}, E[{index}]),", event.id));
        }
        inline.push_str("\n    ]");
        assert_eq!(
            ordered_map_literal(&catalog, &inline),
            map.build().to_string()
        );
    }
}

/// The path in `KAKIYO_EVENTS_CATALOG` goes into `cargo::rerun-if-changed=`
/// and starts every message: a newline in it would be a cargo directive of
/// its own, and a non-UTF-8 path cannot be tracked. Both are refused with one
/// line that shows the path escaped.
#[test]
fn catalog_paths_that_cargo_cannot_take_are_refused() {
    use std::ffi::OsStr;

    for ok in [
        "events.json",
        "/tmp/my catalog/événements 🎉.json",
        "C:\\x\\e.json",
    ] {
        assert_eq!(catalog_path(OsStr::new(ok)), Ok(ok));
    }
    let cases = [
        (
            "/tmp/x.json\ncargo::rustc-cfg=injected",
            r"error: /tmp/x.json\ncargo::rustc-cfg=injected: the path in KAKIYO_EVENTS_CATALOG holds the character '\n';",
        ),
        (
            "a\rb.json",
            r"error: a\rb.json: the path in KAKIYO_EVENTS_CATALOG holds the character '\r';",
        ),
        (
            "a\u{1b}[31m.json",
            r"error: a\u{1b}[31m.json: the path in KAKIYO_EVENTS_CATALOG holds the character '\u{1b}';",
        ),
        (
            "a\u{202e}b.json",
            r"error: a\u{202e}b.json: the path in KAKIYO_EVENTS_CATALOG holds the character '\u{202e}';",
        ),
    ];
    for (path, start) in cases {
        let message = catalog_path(OsStr::new(path)).unwrap_err();
        assert!(message.starts_with(start), "{path:?}: {message}");
        assert!(!message.chars().any(char::is_control), "{message:?}");
        assert_eq!(message.lines().count(), 1, "{message:?}");
    }

    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let message = catalog_path(OsStr::from_bytes(b"/tmp/\xffx.json\n")).unwrap_err();
        assert!(
            message.starts_with(
                "error: /tmp/\u{fffd}x.json\\n: the path in KAKIYO_EVENTS_CATALOG is not valid UTF-8"
            ),
            "{message}"
        );
        assert!(!message.chars().any(char::is_control), "{message:?}");
    }
}

/// A catalog's errors start with the origin, escaped: a path (or any origin a
/// caller passes) cannot break the line or forge another.
#[test]
fn error_lines_escape_the_origin() {
    let errors = generate("[]", "cat\nalog\u{1b}.json", Source::Override).unwrap_err();
    assert_eq!(
        errors.to_string(),
        r"error: cat\nalog\u{1b}.json: the catalog is an empty array; add at least one event"
    );
}
