//! Limits: huge and deep inputs are rejected at a cost that does not grow
//! with them. Asserted structurally (what an error keeps, how much is
//! allocated), and in one test by comparing two inputs side by side: a 10 MiB
//! input against a 17-byte typo, in one process, within a factor of 50 where
//! reading the 10 MiB would cost thousands of times more. No test holds a
//! time to a fixed figure: timings are machine noise in CI. The figures of
//! RELIABILITY.md come from `measure_rejecting_10_mib`, which is `#[ignore]`d
//! and only prints.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

#[cfg(feature = "alloc")]
use kakiyo_events::validate;
use kakiyo_events::{Category, EventId, UnknownEventId};

#[allow(dead_code, unused_imports)]
#[path = "../src/codegen/mod.rs"]
mod codegen;

const TEN_MIB: usize = 10 * 1024 * 1024;
/// What an error keeps of its input, at most (`UnknownEventId::input`).
const KEPT: usize = 64;

/// Counts the bytes this thread allocates, so a test can show that rejecting
/// a huge input allocates nothing, or nothing in proportion to it.
struct CountingAllocator;

thread_local! {
    static ALLOCATED: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call goes straight to the system allocator; the counter is a
// const-initialized thread-local, which never allocates.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATED.try_with(|n| n.set(n.get() + layout.size()));
        // SAFETY: forwarded unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATED.try_with(|n| n.set(n.get() + new_size));
        // SAFETY: forwarded unchanged.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

/// The bytes `f` allocates on this thread, and its result.
fn allocated_by<T>(f: impl FnOnce() -> T) -> (usize, T) {
    let before = ALLOCATED.with(Cell::get);
    let result = f();
    (ALLOCATED.with(Cell::get) - before, result)
}

/// Huge inputs of several shapes: a near miss of a real id (the worst case for
/// suggestions), plain ASCII, and multi-byte characters that straddle the cut.
fn huge_inputs() -> Vec<String> {
    let near_miss = format!("prospect.qualifie{}", "d".repeat(TEN_MIB - 17));
    let ascii = "x".repeat(TEN_MIB);
    let two_byte = "é".repeat(TEN_MIB / 2);
    let four_byte = format!("a{}", "😀".repeat(TEN_MIB / 4));
    vec![near_miss, ascii, two_byte, four_byte]
}

fn assert_bounded(err: &UnknownEventId, input: &str) {
    assert!(
        err.input().len() <= KEPT,
        "kept {} bytes",
        err.input().len()
    );
    assert!(
        err.input().len() > KEPT - 4,
        "kept only {} bytes",
        err.input().len()
    );
    assert!(
        input.starts_with(err.input()),
        "the kept text is a prefix at a char boundary"
    );
    assert_eq!(err.input_len(), input.len());
    assert!(err.is_truncated());
    assert_eq!(
        err.suggestion(),
        None,
        "no suggestion work on a truncated input"
    );
}

#[test]
fn from_str_rejects_10_mib_keeping_64_bytes_and_allocating_nothing() {
    for input in huge_inputs() {
        let (bytes, result) = allocated_by(|| input.parse::<EventId>());
        let err = result.unwrap_err();
        assert_eq!(
            bytes,
            0,
            "parsing a {} byte input allocated {bytes} bytes",
            input.len()
        );
        assert_bounded(&err, &input);

        let (bytes, suggestion) = allocated_by(|| err.suggestion());
        assert_eq!((bytes, suggestion), (0, None));

        let shown = err.to_string();
        assert!(shown.len() < 200, "the message is {} bytes", shown.len());
        assert!(
            shown.ends_with(&format!("… ({} bytes)", input.len())),
            "{shown}"
        );
    }
}

#[test]
fn the_error_owns_no_heap_memory() {
    // `Copy` rules out any owned heap pointer, and the size shows that the
    // kept prefix lives inline.
    fn assert_copy<T: Copy>() {}
    assert_copy::<UnknownEventId>();
    assert_copy::<kakiyo_events::UnknownCategory>();
    assert!(std::mem::size_of::<UnknownEventId>() <= KEPT + 2 * std::mem::size_of::<usize>());
}

#[test]
fn inputs_at_the_64_byte_boundary() {
    let id = "prospect.qualified";
    // 64 bytes: kept whole, and still gets its suggestion.
    let at_limit = format!("{id}{}", "d".repeat(KEPT - id.len()));
    let err = at_limit.parse::<EventId>().unwrap_err();
    assert_eq!(
        (err.input(), err.is_truncated()),
        (at_limit.as_str(), false)
    );
    // 65 bytes: cut, no suggestion.
    let over = format!("{at_limit}d");
    let err = over.parse::<EventId>().unwrap_err();
    assert_eq!(
        (err.input(), err.is_truncated(), err.suggestion()),
        (at_limit.as_str(), true, None)
    );
    // A 2-byte char across the cut: the cut moves back to the char boundary.
    let straddling = format!("{}é", "a".repeat(KEPT - 1));
    let err = straddling.parse::<EventId>().unwrap_err();
    assert_eq!(err.input(), "a".repeat(KEPT - 1));
}

#[test]
fn category_from_str_rejects_10_mib_the_same_way() {
    for input in huge_inputs() {
        let (bytes, result) = allocated_by(|| input.parse::<Category>());
        let err = result.unwrap_err();
        assert_eq!(bytes, 0);
        assert!(err.input().len() <= KEPT && input.starts_with(err.input()));
        assert_eq!(
            (err.input_len(), err.is_truncated(), err.suggestion()),
            (input.len(), true, None)
        );
    }
}

#[cfg(feature = "alloc")]
#[test]
fn validate_rejects_10_mib_ids_without_copying_them() {
    let huge = huge_inputs();
    let ids = [
        huge[0].as_str(),
        "message.sent",
        huge[2].as_str(),
        "prospect.qualifed",
    ];
    let (bytes, result) = allocated_by(|| validate(ids));
    let err = result.unwrap_err();
    // A few small vectors, nothing in proportion to the 20 MiB given.
    assert!(bytes < 4096, "validate allocated {bytes} bytes");
    assert_eq!(err.iter().map(|(i, _)| i).collect::<Vec<_>>(), [0, 2, 3]);
    for (index, unknown) in err.iter().take(2) {
        assert_bounded(unknown, ids[index]);
    }
    let shown = err.to_string();
    assert!(shown.len() < 400, "the message is {} bytes", shown.len());
    assert!(
        shown.contains(&format!("… ({} bytes)", huge[0].len())),
        "{shown}"
    );
    assert!(
        shown.ends_with("prospect.qualifed (did you mean prospect.qualified?)"),
        "{shown}"
    );
}

#[test]
fn generator_rejects_deep_nesting_without_overflowing_the_stack() {
    let deep = "[".repeat(100_000);
    let errors = codegen::parse_catalog(&deep).unwrap_err();
    assert_eq!(errors.len(), 1);
    let shown = errors[0].to_string();
    assert!(
        shown.starts_with("1:129: invalid JSON: arrays and objects nested more than 128 deep"),
        "{shown}"
    );
}

#[test]
fn generator_rejects_more_events_than_its_tables_index() {
    let entries = vec!["{}"; codegen::MAX_EVENTS + 1];
    let json = format!("[{}]", entries.join(","));
    let errors = codegen::parse_catalog(&json).unwrap_err();
    assert_eq!(
        errors,
        [codegen::CatalogError::TooManyEvents {
            count: codegen::MAX_EVENTS + 1,
            max: codegen::MAX_EVENTS
        }]
    );
    // Exactly as many as the tables index is not too many: each entry's own
    // problems are reported instead.
    let entries = vec!["{}"; codegen::MAX_EVENTS];
    let json = format!("[{}]", entries.join(","));
    let errors = codegen::parse_catalog(&json).unwrap_err();
    assert!(
        !errors
            .iter()
            .any(|e| matches!(e, codegen::CatalogError::TooManyEvents { .. })),
        "{:?}",
        errors.first()
    );
    assert!(
        matches!(
            errors.first(),
            Some(codegen::CatalogError::MissingField { .. })
        ),
        "{:?}",
        errors.first()
    );
}

#[cfg(feature = "diff")]
#[test]
fn diff_keeps_64_bytes_of_a_10_mib_duplicate_id() {
    let id = "x".repeat(TEN_MIB);
    let entry = format!(r#"{{"id": "{id}", "name": "N", "description": "D", "category": "x"}}"#);
    let err = kakiyo_events::diff(&format!("[{entry}, {entry}]")).unwrap_err();
    assert_eq!(err.entry(), Some(1));
    let shown = err.to_string();
    assert!(shown.len() < 200, "the message is {} bytes", shown.len());
}

/// `parse_verified`'s promise: a body whose signature fails is never parsed.
/// Parsing a body allocates (its strings, its objects), and checking a MAC
/// allocates nothing, so a refused body must allocate nothing at all; the
/// same body correctly signed shows what parsing it would have cost.
#[cfg(feature = "webhook")]
#[test]
fn a_body_whose_signature_fails_is_never_parsed() {
    use kakiyo_events::webhook::{WebhookError, parse_verified, sign};

    let items: Vec<String> = (0..10_000).map(|i| format!(r#""prospect {i}""#)).collect();
    let body = format!(
        r#"{{"event": "message.sent", "timestamp": "t", "data": {{"items": [{}]}}}}"#,
        items.join(", ")
    );
    let (secret, header) = (
        b"whsec_test".as_slice(),
        sign(b"whsec_test", body.as_bytes()),
    );
    let (parsed, delivery) = allocated_by(|| parse_verified(secret, body.as_bytes(), &header));
    assert!(delivery.is_ok());
    assert!(
        parsed > body.len() / 2,
        "parsing allocated only {parsed} bytes"
    );

    let (refused, err) =
        allocated_by(|| parse_verified(b"another secret", body.as_bytes(), &header));
    assert!(matches!(err, Err(WebhookError::Signature(_))), "{err:?}");
    assert_eq!(refused, 0, "a refused body allocated {refused} bytes");
}

/// The middle one of `samples`.
#[cfg(feature = "alloc")]
fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_unstable_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// The median time of one call of `f`, over `rounds` batches of `batch` calls
/// (batched, so that the clock's own cost and resolution vanish).
#[cfg(feature = "alloc")]
fn median_ns(rounds: usize, batch: u32, mut f: impl FnMut()) -> f64 {
    median(
        (0..rounds)
            .map(|_| {
                let start = std::time::Instant::now();
                for _ in 0..batch {
                    f();
                }
                start.elapsed().as_nanos() as f64 / f64::from(batch)
            })
            .collect(),
    )
}

/// Issue 5's "a 10 MiB input returns an error in well under a millisecond",
/// as a check that cannot be machine noise: each 10 MiB input costs at most
/// 50 times the 17-byte typo, timed side by side, batches alternating. In
/// release builds the measured ratio is at most 1.4 (RELIABILITY.md); a
/// single read of 10 MiB would cost over 300 µs, more than 1,000 times the
/// typo's dearest path, so any code that walks the whole input fails here,
/// while a machine pause would have to hit most batches of one input and few
/// of the other to.
#[cfg(feature = "alloc")]
#[test]
fn rejecting_10_mib_costs_what_rejecting_a_short_typo_costs() {
    use std::hint::black_box;

    const LIMIT: f64 = 50.0;
    let typo = "prospect.qualifed";
    /// A name for the report, and the call.
    type Path = (&'static str, fn(&str));
    let paths: [Path; 3] = [
        ("from_str", |input| {
            let _ = black_box(black_box(input).parse::<EventId>());
        }),
        ("from_str + suggestion + message", |input| {
            let err = black_box(input).parse::<EventId>().unwrap_err();
            black_box((err.suggestion(), err.to_string()));
        }),
        ("validate", |input| {
            let _ = black_box(validate([black_box(input), "message.sent"]));
        }),
    ];
    for input in huge_inputs() {
        for (path, call) in paths {
            let (mut short, mut huge) = (Vec::new(), Vec::new());
            for _ in 0..15 {
                short.push(median_ns(3, 20, || call(typo)));
                huge.push(median_ns(3, 20, || call(&input)));
            }
            let (short, huge) = (median(short), median(huge));
            assert!(
                huge <= LIMIT * short,
                "{path} of a 10 MiB input ({}…) took {huge:.0} ns, {:.0} times the {short:.0} ns of a 17-byte typo",
                input.chars().take(4).collect::<String>(),
                huge / short
            );
        }
    }
}

/// Prints what rejecting a 10 MiB input costs, for RELIABILITY.md:
/// `cargo test --release --test limits -- --ignored --nocapture`.
#[cfg(feature = "alloc")]
#[test]
#[ignore = "a measurement, not a check: run it by hand in release mode"]
fn measure_rejecting_10_mib() {
    use std::hint::black_box;

    const ROUNDS: usize = 200;
    const BATCH: u32 = 1_000;
    // A short typo first, as the baseline the 10 MiB inputs are compared with.
    let mut inputs = vec!["prospect.qualifed".to_owned()];
    inputs.extend(huge_inputs());
    for (name, input) in [
        "17-byte typo (baseline)",
        "10 MiB near miss of an id",
        "10 MiB ASCII",
        "10 MiB 2-byte chars",
        "10 MiB 4-byte chars",
    ]
    .iter()
    .zip(&inputs)
    {
        let parse = median_ns(ROUNDS, BATCH, || {
            let _ = black_box(black_box(input.as_str()).parse::<EventId>());
        });
        let message = median_ns(ROUNDS, BATCH, || {
            let err = black_box(input.as_str()).parse::<EventId>().unwrap_err();
            black_box((err.suggestion(), err.to_string()));
        });
        let validated = median_ns(ROUNDS, BATCH, || {
            let _ = black_box(validate([black_box(input.as_str()), "message.sent"]));
        });
        println!(
            "{name}: from_str {parse:.0} ns; + suggestion + message {message:.0} ns; validate of it and one good id {validated:.0} ns (median of {ROUNDS} batches of {BATCH})"
        );
    }
}

#[test]
fn generator_reports_each_repeated_key_once_in_file_order() {
    // 2,000 keys, each given three times in one entry: one DuplicateField
    // per key, in the order the repeats first appear.
    let keys: Vec<String> = (0..2_000).map(|i| format!("k{i}")).collect();
    let members: Vec<String> = (0..3)
        .flat_map(|_| keys.iter().map(|k| format!("\"{k}\": 1")))
        .collect();
    let json = format!("[{{{}}}]", members.join(", "));
    let errors = codegen::parse_catalog(&json).unwrap_err();
    let repeated: Vec<&str> = errors
        .iter()
        .filter_map(|e| match e {
            codegen::CatalogError::DuplicateField { field, .. } => Some(field.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        repeated,
        keys.iter().map(String::as_str).collect::<Vec<_>>()
    );
}

/// Catalog text echoed in a generator error is cut to 64 bytes, ending in
/// `…`: a 100 KB id (or category, or key) gives a short line, not one that
/// quotes it twice.
#[test]
fn generator_errors_echo_at_most_64_bytes_of_catalog_text() {
    let long = "b".repeat(100_000);
    let entry = |id: &str, category: &str, extra: &str| {
        format!(
            r#"{{"id": "{id}", "name": "N", "description": "D", "category": "{category}"{extra}}}"#
        )
    };
    let catalogs = [
        // An invalid id: its position and its bad segment.
        format!("[{}]", entry(&format!("a.B{long}"), "a", "")),
        // A category that is not the id's first segment, and an unknown key.
        format!(
            "[{}]",
            entry("a.b", &format!("c{long}"), &format!(r#", "{long}": 1"#))
        ),
        // Valid ids: a duplicate, and two ids giving one variant (digits have no case).
        format!(
            "[{0}, {0}, {1}]",
            entry(&format!("a.x2{long}"), "a", ""),
            entry(&format!("a.x_2{long}"), "a", "")
        ),
        // Two categories giving one variant.
        format!(
            "[{}, {}]",
            entry(&format!("x2{long}.a"), &format!("x2{long}"), ""),
            entry(&format!("x_2{long}.b"), &format!("x_2{long}"), "")
        ),
    ];
    for json in &catalogs {
        let errors = codegen::generate(json, "events.json", codegen::Source::Bundled).unwrap_err();
        assert!(!errors.errors.is_empty());
        for line in errors.to_string().lines() {
            assert!(
                line.len() < 700,
                "a {} byte line: {}…",
                line.len(),
                &line[..200]
            );
            assert!(line.contains('…'), "{line}");
        }
    }
    let errors = codegen::parse_catalog(&catalogs[0]).unwrap_err();
    let shown = errors[0].to_string();
    let kept = format!("a.B{}…", "b".repeat(KEPT - 3));
    assert!(
        shown.starts_with(&format!(
            "event [0] (id \"{kept}\"): invalid id: segment \"B{}…\"",
            "b".repeat(KEPT - 1)
        )),
        "{shown}"
    );
}

/// A valid id of 100 KB is a catalog like any other: the lookup's search
/// builds only the probe sets it tries (building every pair and triple of
/// positions first took hours for one such id, so the build hung).
#[test]
fn generator_builds_a_catalog_with_a_100_kb_id() {
    // Two of them, so that the shortest id is long too: the search tries
    // positions within the shortest.
    let long = format!("a.{}", "b".repeat(100_000));
    let json = format!(
        r#"[{{"id": "{long}x", "name": "N", "description": "D", "category": "a"}}, {{"id": "{long}y", "name": "N", "description": "D", "category": "a"}}]"#
    );
    let code = codegen::generate(&json, "events.json", codegen::Source::Bundled).unwrap();
    assert!(code.contains(&format!("{long}x")) && code.contains(&format!("{long}y")));
}
