//! End to end through a real `cargo build`: catalogs handed to the build
//! script with `KAKIYO_EVENTS_CATALOG`, as a team with its own catalog would.
//!
//! - A hostile but valid catalog (tests/fixtures/hostile-valid.json) compiles,
//!   a probe crate reads every string back byte-for-byte through the public
//!   accessors, and its docs add no doctest.
//! - Broken catalogs fail the build with the documented messages and no panic.
//! - The generated code is byte-identical across clean builds and names no
//!   absolute path.
//!
//! Every test builds in ONE target dir under `CARGO_TARGET_TMPDIR`, one at a
//! time, so the dependencies compile once.
// Runs once, in the default-features test run: the builds here do not depend
// on the features this test binary was compiled with.
#![cfg(all(feature = "std", feature = "serde", feature = "strum"))]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Mutex, MutexGuard, PoisonError};

use serde_json::Value;

#[allow(dead_code, unused_imports)]
#[path = "../src/codegen/mod.rs"]
mod codegen;

#[path = "support/generated_code.rs"]
mod generated_code;

#[path = "support/catalog_check.rs"]
mod catalog_check;

const CRATE_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// The probe: a separate crate that depends on this one by path and prints
/// every accessor's text as hex, so no byte can be lost or rewritten on the way.
const PROBE_MAIN: &str = r#"
use kakiyo_events::{Category, EVENTS, EventId, lookup};

fn hex(text: &str) -> String {
    text.bytes().map(|b| format!("{b:02x}")).collect()
}

fn main() {
    for &id in EventId::ALL {
        let event = id.event();
        assert_eq!(lookup(id.as_str()), Some(event));
        assert_eq!(EVENTS.get(id.as_str()), Some(event));
        assert_eq!(id.as_str().parse::<EventId>(), Ok(id));
        assert_eq!(id.to_string(), id.as_str());
        assert_eq!((event.id, event.name, event.description, event.category, event.deprecated), (id, id.name(), id.description(), id.category(), id.deprecated()));
        let deprecated = event.deprecated.map_or_else(|| "-".to_owned(), hex);
        println!(
            "event {} {} {} {} {} {}",
            hex(id.as_str()),
            hex(id.name()),
            hex(id.description()),
            hex(id.category().as_str()),
            deprecated,
            hex(&format!("{id:?}"))
        );
    }
    for &category in Category::ALL {
        let ids: Vec<String> = category.events().iter().map(|id| hex(id.as_str())).collect();
        println!("category {} {}", hex(category.as_str()), ids.join(" "));
    }
    println!("catalog_json {}", hex(kakiyo_events::catalog_json()));
}
"#;

/// One build at a time: they share the target dir and the probe.
fn serial() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(PoisonError::into_inner)
}

fn work_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("build-e2e")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(CRATE_DIR).join("tests/fixtures").join(name)
}

/// Writes the probe crate (once) and returns its directory.
fn probe_dir() -> PathBuf {
    let dir = work_dir().join("probe");
    fs::create_dir_all(dir.join("src")).unwrap();
    let manifest = format!(
        "[package]\nname = \"probe\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nkakiyo-events = {{ path = {:?} }}\n\n[workspace]\n",
        CRATE_DIR
    );
    fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    fs::write(dir.join("src/main.rs"), PROBE_MAIN).unwrap();
    // The crate's own lock pins the same dependency versions, with no resolution.
    if !dir.join("Cargo.lock").exists() {
        fs::copy(
            Path::new(CRATE_DIR).join("Cargo.lock"),
            dir.join("Cargo.lock"),
        )
        .unwrap();
    }
    dir
}

/// Runs cargo in `dir` with the shared target dir, and the catalog override
/// set to `catalog` (or unset).
fn cargo(dir: &Path, args: &[&str], catalog: Option<&Path>) -> Output {
    let mut command = Command::new(env!("CARGO"));
    command
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", work_dir().join("target"))
        .env("CARGO_TERM_COLOR", "never")
        .env_remove("RUST_BACKTRACE");
    match catalog {
        Some(path) => command.env("KAKIYO_EVENTS_CATALOG", path),
        None => command.env_remove("KAKIYO_EVENTS_CATALOG"),
    };
    command.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn must_succeed(what: &str, output: Output) -> Output {
    assert!(
        output.status.success(),
        "{what} failed:\n--- stdout\n{}\n--- stderr\n{}",
        text(&output.stdout),
        text(&output.stderr)
    );
    output
}

fn unhex(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect()
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn hostile_catalog_compiles_and_reads_back_byte_for_byte() {
    let _serial = serial();
    probe_reads_back(&fixture("hostile-valid.json"));
}

/// A catalog whose categories are interleaved (`a`, `b`, `a`, …): each
/// category still lists exactly its own events, in catalog order. (Catalogs
/// that group their categories, as the API's does, take another path in the
/// generator: `Category::events` slices `EventId::ALL` itself.) Three of its
/// events are deprecated, apart, so that each note is checked on its event.
#[test]
fn interleaved_categories_compile_and_list_their_own_events() {
    let _serial = serial();
    probe_reads_back(&fixture("interleaved-categories.json"));
}

/// Categories and ids whose variants share a name with an associated type of
/// a trait the enums implement (`Category::Err`, `Error`, `Iterator`, `Item`,
/// `Value`, `Output`, `Target`, `Owned`, `IntoIter`; `EventId::IntoIter`,
/// `SerializeSeq`): the crate's impls name concrete types, never
/// `Self::Err`, so nothing is ambiguous and the crate compiles.
#[test]
fn variants_named_like_associated_types_compile() {
    let _serial = serial();
    probe_reads_back(&fixture("associated-type-names.json"));
}

/// A team catalog as the facts file advises for the webhooks guide's live
/// vocabulary: the 22 ids plus the guide's six, of three segments
/// (`prospect.qualification.manual`) and in a new category (`linkedin`), the
/// `prospect` ones after other categories. Every one is a variant whose text
/// reads back whole.
#[test]
fn a_team_catalog_with_the_guides_live_ids_compiles() {
    let _serial = serial();
    probe_reads_back(&fixture("team-live-vocabulary.json"));
}

/// Builds and runs the probe against `catalog`, and checks that everything
/// it prints is the catalog's text, byte for byte, in the catalog's order.
fn probe_reads_back(catalog: &Path) {
    let output = must_succeed(
        &format!("cargo run of the probe on {}", catalog.display()),
        cargo(&probe_dir(), &["run", "--quiet"], Some(catalog)),
    );
    let stdout = text(&output.stdout);

    let Value::Array(entries) = read_json(catalog) else {
        panic!("the fixture is an array")
    };
    let events: Vec<Vec<&str>> = stdout
        .lines()
        .filter_map(|line| line.strip_prefix("event "))
        .map(|line| line.split(' ').collect())
        .collect();
    assert_eq!(
        events.len(),
        entries.len(),
        "one EventId per entry:\n{stdout}"
    );
    for (printed, entry) in events.iter().zip(&entries) {
        let field = |name: &str| entry[name].as_str().unwrap().as_bytes().to_vec();
        let id = String::from_utf8_lossy(&field("id")).into_owned();
        assert_eq!(unhex(printed[0]), field("id"), "as_str of {id}");
        assert_eq!(unhex(printed[1]), field("name"), "name of {id}");
        assert_eq!(
            unhex(printed[2]),
            field("description"),
            "description of {id}"
        );
        assert_eq!(unhex(printed[3]), field("category"), "category of {id}");
        match entry.get("deprecated") {
            Some(reason) => assert_eq!(
                (printed[4] != "-").then(|| unhex(printed[4])),
                Some(reason.as_str().unwrap().as_bytes().to_vec()),
                "deprecated of {id}"
            ),
            None => assert_eq!(printed[4], "-", "deprecated of {id}"),
        }
        // Debug writes the variant's name, as the generator named it.
        assert_eq!(
            unhex(printed[5]),
            codegen::variant_name(&id).into_bytes(),
            "Debug of {id}"
        );
    }

    // Each category, in order of first appearance, with its events in catalog order.
    let mut categories: Vec<(Vec<u8>, Vec<Vec<u8>>)> = Vec::new();
    for entry in &entries {
        let field = |name: &str| entry[name].as_str().unwrap().as_bytes().to_vec();
        match categories.iter_mut().find(|(c, _)| *c == field("category")) {
            Some((_, ids)) => ids.push(field("id")),
            None => categories.push((field("category"), vec![field("id")])),
        }
    }
    let printed: Vec<(Vec<u8>, Vec<Vec<u8>>)> = stdout
        .lines()
        .filter_map(|line| line.strip_prefix("category "))
        .map(|line| {
            let mut fields = line.split(' ').filter(|f| !f.is_empty()).map(unhex);
            (fields.next().unwrap(), fields.collect())
        })
        .collect();
    assert_eq!(
        printed, categories,
        "Category::ALL and each events():\n{stdout}"
    );

    // catalog_json() is the API body: the entries without `deprecated`.
    let json_hex = stdout
        .lines()
        .find_map(|l| l.strip_prefix("catalog_json "))
        .unwrap();
    let served: Value = serde_json::from_slice(&unhex(json_hex)).unwrap();
    let mut expected = entries.clone();
    for entry in &mut expected {
        entry.as_object_mut().unwrap().remove("deprecated");
    }
    assert_eq!(served, Value::Array(expected));
}

/// The generated source file for the last build of the probe: the build
/// script's `OUT_DIR`, from cargo's own JSON messages.
fn generated_source(catalog: Option<&Path>) -> String {
    let output = must_succeed(
        "cargo build of the probe",
        cargo(&probe_dir(), &["build", "--message-format=json"], catalog),
    );
    let out_dir = text(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .find(|m| {
            m["reason"] == "build-script-executed"
                && m["package_id"]
                    .as_str()
                    .is_some_and(|id| id.contains("kakiyo-events"))
        })
        .and_then(|m| m["out_dir"].as_str().map(PathBuf::from))
        .expect("cargo reports the build script's OUT_DIR");
    fs::read_to_string(out_dir.join("catalog.rs")).unwrap()
}

/// `cargo clean -p kakiyo-events`, then the generated source of a fresh build.
fn clean_build(catalog: Option<&Path>) -> String {
    must_succeed(
        "cargo clean -p kakiyo-events",
        cargo(
            &probe_dir(),
            &["clean", "--quiet", "-p", "kakiyo-events"],
            catalog,
        ),
    );
    generated_source(catalog)
}

#[test]
fn hostile_catalog_generates_exactly_its_text_as_code() {
    let _serial = serial();
    let path = fixture("hostile-valid.json");
    let code = generated_source(Some(&path));
    let json = fs::read_to_string(&path).unwrap();
    let catalog = codegen::parse_catalog(&json).unwrap();
    catalog_check::check_generated(&code, &catalog).unwrap();
}

#[test]
fn generated_code_is_identical_across_clean_builds_and_names_no_path() {
    let _serial = serial();
    // The same catalog at two different absolute paths, each a clean build.
    let hostile = fs::read(fixture("hostile-valid.json")).unwrap();
    let first = work_dir().join("catalog-a/events.json");
    let second = work_dir().join("elsewhere/deeper/catalog-b.json");
    for path in [&first, &second] {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, &hostile).unwrap();
    }
    let from_first = clean_build(Some(&first));
    let from_second = clean_build(Some(&second));
    assert!(
        from_first == from_second,
        "the catalog's path changed the generated code"
    );

    let bundled = clean_build(None);
    assert!(
        bundled == clean_build(None),
        "two clean builds of events.json differ"
    );

    let home = std::env::var("HOME").unwrap_or_default();
    let mut forbidden = vec![
        "/work".to_owned(),
        "/tmp".to_owned(),
        "/root".to_owned(),
        "/home".to_owned(),
        CRATE_DIR.to_owned(),
        work_dir().display().to_string(),
    ];
    if home.len() > 1 {
        forbidden.push(home);
    }
    for (which, code) in [("hostile", &from_first), ("bundled", &bundled)] {
        for path in &forbidden {
            assert!(
                !code.contains(path.as_str()),
                "the {which} generated code names {path}"
            );
        }
    }
}

/// The doctests rustdoc finds in the crate, built with `catalog`, without
/// compiling or running them: `rustdoc --test --list`.
fn doctests(catalog: Option<&Path>) -> Vec<String> {
    let manifest = Path::new(CRATE_DIR).join("Cargo.toml");
    let output = must_succeed(
        "rustdoc --test --list",
        cargo(
            &work_dir(),
            &[
                "rustdoc",
                "--quiet",
                "--lib",
                "--manifest-path",
                manifest.to_str().unwrap(),
                "--",
                "--test",
                "--test-args=--list",
            ],
            catalog,
        ),
    );
    text(&output.stdout)
        .lines()
        .filter(|line| line.ends_with(": test"))
        .map(|line| {
            // "<file> - <item> (line N): test": keep the item; generated
            // items' docs come from files whose path depends on the machine.
            line.split(" - ").nth(1).unwrap_or(line).to_owned()
        })
        .collect()
}

#[test]
fn hostile_docs_add_no_doctest() {
    let _serial = serial();
    let bundled = doctests(None);
    // rustdoc does see doctests in the generated items' docs: the three
    // examples src/docs/*.md gives them. So a doctest smuggled in through a
    // description (a ``` fence, an indented block after a lone \r) would show.
    for item in [
        "generated::Category",
        "generated::EventId",
        "generated::EVENTS",
    ] {
        assert!(
            bundled
                .iter()
                .any(|t| t.starts_with(&format!("{item} (line"))),
            "rustdoc should list the example of {item}: {bundled:#?}"
        );
    }
    let hostile = doctests(Some(&fixture("hostile-valid.json")));
    assert_eq!(
        hostile, bundled,
        "the hostile catalog's text added or removed doctests"
    );
}

/// A broken catalog: `cargo build` fails, reports exactly these problems
/// (each as `error: … <path><message>`), and nothing panics.
fn assert_build_fails(catalog: &Path, expected: &[&str]) {
    let output = cargo(&probe_dir(), &["build"], Some(catalog));
    let stderr = text(&output.stderr);
    assert!(
        !output.status.success(),
        "{} built:\n{stderr}",
        catalog.display()
    );
    for sign in ["panicked", "RUST_BACKTRACE", "stack backtrace"] {
        assert!(
            !stderr.contains(sign),
            "{sign:?} in the output for {}:\n{stderr}",
            catalog.display()
        );
    }
    let path = catalog.display().to_string();
    let reported: Vec<&str> = stderr
        .lines()
        .filter_map(|line| {
            let at = line.find(&path)?;
            assert!(line.starts_with("error: "), "not an error line: {line}");
            Some(&line[at + path.len()..])
        })
        .collect();
    assert_eq!(
        reported, expected,
        "for {path}; the whole output:\n{stderr}"
    );
}

/// A catalog path cargo cannot take fails the build with one line that shows
/// it escaped: a newline in it would otherwise have been a cargo directive of
/// its own (`cargo::rustc-cfg=injected`), and a non-UTF-8 path would re-run
/// the build script on every build.
#[test]
fn catalog_paths_cargo_cannot_take_fail_the_build_with_one_message() {
    let _serial = serial();
    let dir = work_dir().join("odd-paths");
    fs::create_dir_all(&dir).unwrap();
    let injecting = dir.join("x.json\ncargo::rustc-cfg=injected");
    fs::copy(Path::new(CRATE_DIR).join("events.json"), &injecting).unwrap();
    let escaped = injecting.display().to_string().replace('\n', "\\n");
    let mut cases = vec![(
        injecting,
        format!(
            "{escaped}: the path in KAKIYO_EVENTS_CATALOG holds the character '\\n'; a control or invisible character cannot go into a cargo directive or a message line, so rename the file or give another path"
        ),
    )];
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut bytes = dir.as_os_str().as_bytes().to_vec();
        bytes.extend_from_slice(b"/\xffcatalog.json");
        let lossy = String::from_utf8_lossy(&bytes).into_owned();
        cases.push((
            PathBuf::from(std::ffi::OsStr::from_bytes(&bytes)),
            format!(
                "{lossy}: the path in KAKIYO_EVENTS_CATALOG is not valid UTF-8 (shown with U+FFFD for its bad bytes); cargo can only watch a UTF-8 path for changes, so rename the file or give another path"
            ),
        ));
    }
    // Relative to the crate's own directory, where cargo runs the build
    // script: this one names the crate's own catalog, which would have built.
    cases.push((
        PathBuf::from("events.json"),
        format!(
            "the path in KAKIYO_EVENTS_CATALOG is relative, and cargo runs this build script in the kakiyo-events package's own directory ({CRATE_DIR}), not in yours; give an absolute path, or set it in your .cargo/config.toml as [env] KAKIYO_EVENTS_CATALOG = {{ value = \"events.json\", relative = true }}, which cargo makes absolute from that file's directory"
        ),
    ));
    for (path, expected) in cases {
        let output = cargo(&probe_dir(), &["build"], Some(&path));
        let stderr = text(&output.stderr);
        assert!(!output.status.success(), "{path:?} built:\n{stderr}");
        let reported: Vec<&str> = stderr
            .lines()
            .filter(|line| line.contains("KAKIYO_EVENTS_CATALOG"))
            .collect();
        assert_eq!(reported.len(), 1, "for {path:?}:\n{stderr}");
        assert!(
            reported[0].starts_with("error: ") && reported[0].ends_with(&format!(": {expected}")),
            "for {path:?}:\n{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn broken_catalogs_fail_the_build_with_one_message_per_problem() {
    let _serial = serial();
    let id_rule = "; an id is two or more dot-separated segments, each matching [a-z][a-z0-9]*(_[a-z0-9]+)*, like \"prospect.qualified\"";
    assert_build_fails(
        &fixture("broken-syntax.json"),
        &[
            ":3:61: invalid JSON: Object values must be followed by a comma to add a new value or a curly bracket to end the object; the catalog must be the JSON array that GET /v1/webhooks/test/events returns",
        ],
    );
    assert_build_fails(
        &fixture("broken-not-array.json"),
        &[
            ": the top level is an object; expected an array of events like [{\"id\": \"prospect.qualified\", \"name\": \"…\", \"description\": \"…\", \"category\": \"prospect\"}]",
        ],
    );
    assert_build_fails(
        &fixture("broken-fields.json"),
        &[
            ": event [0] (id \"prospect.qualified\"): unknown field \"descripton\" (did you mean \"description\"?); the allowed fields are id, name, description, category and deprecated",
            ": event [0] (id \"prospect.qualified\"): missing field \"description\"; add it as a string",
            ": event [1] (id \"prospect.responded\"): field \"name\" is a number; it must be a string",
            ": event [2]: expected an object with \"id\", \"name\", \"description\" and \"category\", found a string",
        ],
    );
    assert_build_fails(
        &fixture("broken-ids.json"),
        &[
            &format!(
                ": event [0] (id \"Prospect.Qualified\"): invalid id: segment \"Prospect\" must start with a lowercase ASCII letter{id_rule}"
            ),
            ": event [2] (id \"prospect.stage2\"): gives the Rust variant EventId::ProspectStage2, which event [1] (id \"prospect.stage_2\") already gives; rename one of the ids",
            ": event [3] (id \"campaign.started\"): category \"message\" differs from the id's first segment \"campaign\"; set \"category\": \"campaign\" or rename the id",
            ": event [4] (id \"prospect.stage_2\"): duplicate id, first defined at event [1]; remove one of them",
        ],
    );
    // Code in an id is only ever quoted back, escaped, in the message.
    let injected = r#"event [0] (id "prospect.qualified\"); panic!(\"x\"); (\""): "#;
    assert_build_fails(
        &fixture("broken-injection.json"),
        &[
            &format!(": {injected}field \"name\" has leading or trailing whitespace; trim it"),
            &format!(": {injected}field \"description\" is empty; write the text"),
            &format!(
                ": {injected}invalid id: segment \"qualified\\\"); panic!(\\\"x\\\"); (\\\"\" has '\"'; only a-z, 0-9 and single underscores between them are allowed{id_rule}"
            ),
        ],
    );
    let missing = work_dir().join("no-such-catalog.json");
    assert_build_fails(
        &missing,
        &[
            ": cannot read the catalog: No such file or directory (os error 2); check the path in KAKIYO_EVENTS_CATALOG",
        ],
    );
    let not_utf8 = work_dir().join("not-utf8.json");
    fs::write(&not_utf8, b"[\n  {\"id\": \"caf\xe9\"}]").unwrap();
    assert_build_fails(
        &not_utf8,
        &[":2:14: the catalog is not UTF-8 text: invalid byte 0xe9; save it as UTF-8"],
    );
}
