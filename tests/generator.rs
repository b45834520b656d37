//! Unit tests of the generator's plain functions: naming, escaping, determinism.

#[allow(dead_code, unused_imports)]
#[path = "../src/codegen/mod.rs"]
mod codegen;

use codegen::{
    Source, catalog_path, catalog_text, doc_text, generate, ordered_map_literal, parse_catalog,
    read_error, require_absolute, title_case, variant_name,
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

#[test]
fn category_docs_count_their_events_in_words() {
    let json = r#"[
        {"id": "solo.done", "name": "Done", "description": "D.", "category": "solo"},
        {"id": "pair.one", "name": "One", "description": "O.", "category": "pair"},
        {"id": "pair.two", "name": "Two", "description": "T.", "category": "pair"}
    ]"#;
    let code = generate(json, "events.json", Source::Bundled).unwrap();
    assert!(code.contains("Ids starting `solo.` (1 event)."), "{code}");
    assert!(code.contains("Ids starting `pair.` (2 events)."), "{code}");
    assert!(!code.contains("(1 events)"));
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

/// Cargo runs the build script in the package's own directory, for a
/// dependency a copy in cargo's cache: a relative path would read another
/// file there (`events.json` is the crate's own catalog) or none. It is
/// refused, naming that directory and the `[env]` setting that helps.
#[test]
fn a_relative_catalog_path_is_refused_naming_the_directory_it_would_be_read_from() {
    let dir = "/home/u/.cargo/registry/src/kakiyo-events-0.1.0";
    #[cfg(unix)]
    assert_eq!(require_absolute("/tmp/my catalog.json", dir), Ok(()));
    #[cfg(windows)]
    assert_eq!(require_absolute("C:\\x\\catalog.json", dir), Ok(()));
    for relative in ["events.json", "../catalog.json", "config/\"x\".json"] {
        let message = require_absolute(relative, dir).unwrap_err();
        assert!(
            message.starts_with(&format!("error: {relative}: the path in KAKIYO_EVENTS_CATALOG is relative, and cargo runs this build script in the kakiyo-events package's own directory ({dir}), not in yours; give an absolute path")),
            "{message}"
        );
        // The [env] line shows the path as a TOML string a user can paste.
        let value = serde_json::to_string(relative).unwrap();
        assert!(
            message.ends_with(&format!("[env] KAKIYO_EVENTS_CATALOG = {{ value = {value}, relative = true }}, which cargo makes absolute from that file's directory")),
            "{message}"
        );
        assert_eq!(message.lines().count(), 1, "{message:?}");
    }
    // `~` is a shell's: neither cargo nor `relative = true` expands it.
    for home in ["~/catalog.json", "~", "~\\catalog.json"] {
        assert_eq!(
            require_absolute(home, dir),
            Err(format!(
                "error: {home}: the path in KAKIYO_EVENTS_CATALOG starts with '~', which only a shell expands; write the home directory out, as an absolute path"
            ))
        );
    }
    // A file whose name only starts with `~` is just relative.
    assert!(
        require_absolute("~x.json", dir)
            .unwrap_err()
            .contains("is relative")
    );
    let message = require_absolute("x.json", "/odd\ndir").unwrap_err();
    assert!(!message.chars().any(char::is_control), "{message:?}");
}

/// A catalog that cannot be read gets a hint for its cause: only a missing
/// bundled file means the package lost it.
#[test]
fn a_read_error_hints_at_its_cause() {
    use std::io::{Error, ErrorKind};
    let cases = [
        (
            ErrorKind::NotFound,
            Source::Bundled,
            "; the crate's events.json is missing from its package",
        ),
        (
            ErrorKind::NotFound,
            Source::Override,
            "; check the path in KAKIYO_EVENTS_CATALOG",
        ),
        (
            ErrorKind::IsADirectory,
            Source::Bundled,
            "; name the catalog's JSON file, not its directory",
        ),
        (
            ErrorKind::IsADirectory,
            Source::Override,
            "; name the catalog's JSON file, not its directory",
        ),
        (ErrorKind::PermissionDenied, Source::Override, ""),
    ];
    for (kind, source, hint) in cases {
        let message = read_error(
            "/c/e.json",
            source,
            &Error::new(kind, "the OS says\u{1b}[2J"),
        );
        assert_eq!(
            message,
            format!("error: /c/e.json: cannot read the catalog: the OS says\\u{{1b}}[2J{hint}"),
            "{kind:?} {source:?}"
        );
    }
}

/// A catalog that is not UTF-8 is placed at its first bad byte, line and
/// column in characters like the JSON errors, instead of "stream did not
/// contain valid UTF-8".
#[test]
fn a_catalog_that_is_not_utf8_is_placed_at_its_first_bad_byte() {
    assert_eq!(catalog_text("e.json", b"[]".to_vec()), Ok("[]".to_owned()));
    let cases: [(&[u8], &str); 4] = [
        (
            b"\xff[]",
            "1:1: the catalog is not UTF-8 text: invalid byte 0xff",
        ),
        (
            b"[\n  {\"id\": \"caf\xe9\"",
            "2:14: the catalog is not UTF-8 text: invalid byte 0xe9",
        ),
        ("[\n\"é\u{1F389}".as_bytes(), ""),
        (
            b"[\n\"\xc3\xa9\xf0\x9f\x8e\x89\xc3\x28",
            "2:4: the catalog is not UTF-8 text: invalid byte 0xc3",
        ),
    ];
    for (bytes, expected) in cases {
        let result = catalog_text("/c/e.json", bytes.to_vec());
        if expected.is_empty() {
            assert!(result.is_ok(), "{result:?}");
        } else {
            assert_eq!(
                result,
                Err(format!("error: /c/e.json:{expected}; save it as UTF-8")),
                "{bytes:?}"
            );
        }
    }
}
