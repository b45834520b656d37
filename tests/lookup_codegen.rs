//! The generated lookup (src/codegen/lookup.rs): its perfect hash is
//! collision-free and finds exactly the catalog's ids, for the real catalog,
//! for generated catalogs up to the 65,535-event limit, for sets built to
//! defeat positional hashing, and down every fallback. Then the compiled
//! `EventId::find` is checked against a naive scan.

// lookup.rs is loaded twice: inside `codegen` (private there, as build.rs
// needs no more) and on its own below, so these tests can reach its planner.
#![allow(clippy::duplicate_mod)]

#[allow(dead_code, unused_imports)]
#[path = "../src/codegen/mod.rs"]
mod codegen;

/// `lookup.rs` reaches the catalog type as `super::catalog::Catalog`.
mod catalog {
    pub use super::codegen::Catalog;
}

#[allow(dead_code)]
#[path = "../src/codegen/lookup.rs"]
mod lookup;

#[allow(dead_code)]
#[path = "../benches/support/synthetic_catalog.rs"]
mod synthetic_catalog;

use std::collections::{HashMap, HashSet};

use kakiyo_events::EventId;
use lookup::{Limits, LookupPlan, Material, Scheme, Slots, plan_lookup, plan_lookup_with};

/// Asserts that `plan`'s scheme matches `pattern`; a failure shows the plan
/// (prefixed with `label`, when given).
macro_rules! assert_scheme {
    ($plan:expr, $pattern:pat) => {
        assert!(matches!(&$plan.scheme, $pattern), "{}", $plan.describe())
    };
    ($plan:expr, $pattern:pat, $label:expr) => {
        assert!(
            matches!(&$plan.scheme, $pattern),
            "{}: {}",
            $label,
            $plan.describe()
        )
    };
}

/// The ids of a catalog file, given by its path in the package.
fn catalog_ids(path_in_package: &str) -> Vec<String> {
    let path = format!("{}/{path_in_package}", env!("CARGO_MANIFEST_DIR"));
    let json = std::fs::read_to_string(&path).unwrap();
    let catalog = codegen::parse_catalog(&json).expect(&path);
    catalog.events.into_iter().map(|e| e.id).collect()
}

fn real_ids() -> Vec<String> {
    catalog_ids("events.json")
}

/// Inputs that are not ids but come close: one byte more, one less, each byte
/// changed in turn, the case flipped, and a separator slip.
fn near_misses(id: &str) -> Vec<String> {
    let mut misses = vec![
        format!("{id}x"),
        format!("x{id}"),
        id[..id.len() - 1].to_owned(),
        id.to_uppercase(),
    ];
    misses.push(id.replace('.', "-"));
    for at in 0..id.len() {
        let mut bytes = id.as_bytes().to_vec();
        bytes[at] = if bytes[at] == b'z' {
            b'a'
        } else {
            bytes[at] + 1
        };
        misses.push(String::from_utf8(bytes).unwrap());
    }
    misses
}

/// The plan is a perfect hash (or the sorted fallback) that finds every id at
/// its own index and nothing else among the near misses.
fn assert_exact(plan: &LookupPlan, ids: &[&str]) {
    if let Scheme::Hashed { table, .. } = &plan.scheme {
        let mut placed: Vec<usize> = table.iter().flatten().copied().collect();
        placed.sort_unstable();
        assert_eq!(
            placed,
            (0..ids.len()).collect::<Vec<_>>(),
            "each id in exactly one slot"
        );
    }
    let naive: HashMap<&str, usize> = ids
        .iter()
        .enumerate()
        .map(|(index, id)| (*id, index))
        .collect();
    for (index, id) in ids.iter().enumerate() {
        assert_eq!(
            plan.find(ids, id),
            Some(index),
            "{id:?} via {}",
            plan.describe()
        );
        for miss in near_misses(id) {
            let expected = naive.get(miss.as_str()).copied();
            assert_eq!(
                plan.find(ids, &miss),
                expected,
                "{miss:?} via {}",
                plan.describe()
            );
        }
    }
    for junk in [
        "",
        "a",
        ".",
        "x".repeat(plan.max_len + 1).as_str(),
        &"y".repeat(10 << 20),
    ] {
        assert_eq!(plan.find(ids, junk), None, "{} bytes", junk.len());
    }
}

fn as_strs(ids: &[String]) -> Vec<&str> {
    ids.iter().map(String::as_str).collect()
}

/// Every catalog gets a displaced table by default, the 22 events as the
/// 10,000 (the lookup's cost must stay flat as the catalog grows); a direct
/// table only when the limits ask for one, as `benches/direct` does.
#[test]
fn the_real_catalog_gets_a_displaced_positional_table_and_a_direct_one_on_request() {
    let ids = real_ids();
    let ids = as_strs(&ids);
    let plan = plan_lookup(&ids);
    assert_scheme!(
        plan,
        Scheme::Hashed {
            material: Material::Words(_),
            slots: Slots::Displaced { .. },
            ..
        }
    );
    assert_eq!((plan.min_len, plan.max_len), (12, 21));
    assert_exact(&plan, &ids);

    let direct = Limits {
        direct_tries: Limits::DIRECT_TRIES,
        ..Limits::default()
    };
    let plan = plan_lookup_with(&ids, &direct);
    assert_scheme!(
        plan,
        Scheme::Hashed {
            material: Material::Words(_),
            slots: Slots::Direct { .. },
            ..
        }
    );
    assert_exact(&plan, &ids);
}

/// The shortest ids a word can be read from are 8 bytes: then the one word
/// is the whole id, and no digest of every byte is needed.
#[test]
fn ids_of_8_bytes_get_a_positional_hash() {
    let ids = ["ab.cdefg", "ab.cdefh", "ab.xyz12", "zz.q_r_s", "ab.cdefgh"];
    let plan = plan_lookup(&ids);
    assert_eq!(plan.min_len, 8);
    assert_scheme!(
        plan,
        Scheme::Hashed {
            material: Material::Words(_),
            ..
        }
    );
    assert_exact(&plan, &ids);
}

/// `tests/fixtures/short-ids.json` is the catalog `.ci/miri-check` builds to
/// run the digest of every byte (`full`) and the compare of ids under 8 bytes
/// on big-endian and 32-bit targets: it must keep getting both.
#[test]
fn the_short_id_fixture_gets_a_full_digest_and_short_compares() {
    let ids = catalog_ids("tests/fixtures/short-ids.json");
    let ids = as_strs(&ids);
    let plan = plan_lookup(&ids);
    assert_scheme!(
        plan,
        Scheme::Hashed {
            material: Material::Full { .. },
            ..
        }
    );
    assert!(plan.min_len < 8, "no id under 8 bytes: {}", plan.min_len);
    assert_exact(&plan, &ids);
}

#[test]
fn a_generated_catalog_of_10000_events_is_valid_and_collision_free() {
    let json = synthetic_catalog::synthetic_catalog(10_000);
    let catalog = codegen::parse_catalog(&json).expect("the synthetic catalog passes validation");
    let ids: Vec<&str> = catalog.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), 10_000);
    let plan = plan_lookup(&ids);
    assert_scheme!(
        plan,
        Scheme::Hashed {
            slots: Slots::Displaced { .. },
            ..
        }
    );
    assert_exact(&plan, &ids);
}

#[test]
fn the_largest_catalog_allowed_gets_a_table() {
    let ids = synthetic_catalog::synthetic_ids(codegen::MAX_EVENTS);
    let ids = as_strs(&ids);
    assert_eq!(
        ids.iter().collect::<HashSet<_>>().len(),
        codegen::MAX_EVENTS
    );
    let plan = plan_lookup(&ids);
    assert_scheme!(plan, Scheme::Hashed { .. });
    for (index, id) in ids.iter().enumerate() {
        assert_eq!(plan.find(&ids, id), Some(index));
        assert_eq!(plan.find(&ids, &format!("{id}x")), None);
    }
}

/// Ids shorter than a word are compared in one padded word: every ASCII byte
/// at every position of each, not only a neighbour, must miss (a compare
/// that looked at fewer bytes let `a.bcdec` find `a.bcdef`).
#[test]
fn short_ids_reject_every_one_byte_change() {
    for ids in [
        vec!["a.bcdef", "b.cdefg", "c.defgh"],
        vec!["a.b", "a.bc", "ab.c", "a.bcd", "x.y_z1", "q.rstuv"],
    ] {
        let plan = plan_lookup(&ids);
        assert_exact(&plan, &ids);
        assert_one_byte_changes(&plan, &ids, |_| 0..128u8);
    }
}

/// Every byte of every id changed to each of `values(that byte)` is found
/// only when the changed string is an id too.
fn assert_one_byte_changes<V: IntoIterator<Item = u8>>(
    plan: &LookupPlan,
    ids: &[&str],
    values: impl Fn(u8) -> V,
) {
    for (index, id) in ids.iter().enumerate() {
        for (at, &original) in id.as_bytes().iter().enumerate() {
            for byte in values(original) {
                let mut changed = id.as_bytes().to_vec();
                changed[at] = byte;
                let changed = String::from_utf8(changed).unwrap();
                let expected = ids.iter().position(|other| *other == changed);
                assert_eq!(
                    plan.find(ids, &changed),
                    expected,
                    "{changed:?} (from {id:?}, index {index}) via {}",
                    plan.describe()
                );
            }
        }
    }
}

/// Ids of every length from 1 to 33 bytes: each side of the windows compare's
/// edges (8 and 16 bytes: the windows' sizes; 31: the longest id compared by
/// windows; 32: the first compared a word at a time). Every id is found, and
/// every byte of it changed to each of a few values (NUL, which pads the
/// rows, among them) is found only when it is another id.
#[test]
fn ids_of_every_length_to_33_bytes_reject_every_one_byte_change() {
    for len in 1..=33usize {
        let id = |last: char| {
            let mut id: String = "mnopqrstuvwxyz0123456789abcdefghijkl"
                .chars()
                .take(len - 1)
                .collect();
            id.push(last);
            id
        };
        let mut owned = vec![id('A'), id('B'), id('C')];
        if len > 1 {
            owned.push(owned[0][..len - 1].to_owned());
        }
        let ids = as_strs(&owned);
        let plan = plan_lookup(&ids);
        assert_exact(&plan, &ids);
        assert_one_byte_changes(&plan, &ids, |byte| [0, b'A', b'B', b'z', 0x7f, byte ^ 1]);
    }
}

/// Sets built against positional hashing; whatever scheme each gets, it must
/// find every id and reject every near miss.
#[test]
fn adversarial_sets_are_found_exactly() {
    let alphabet: Vec<char> = ('a'..='z').chain('0'..='9').collect();
    let mut sets: Vec<(&str, Vec<String>)> = Vec::new();
    // Same length, same everything but one byte in the middle.
    sets.push((
        "one middle byte",
        alphabet
            .iter()
            .map(|c| format!("prospect.aaaaaaaaaaaa{c}bbbbbbbbbbbb"))
            .collect(),
    ));
    // One middle byte, at a position that moves with a varying length.
    sets.push((
        "one middle byte, lengths vary",
        alphabet
            .iter()
            .enumerate()
            .map(|(i, c)| {
                format!(
                    "agent.{}{c}{}",
                    "q".repeat(8 + i % 5),
                    "r".repeat(8 + i % 3)
                )
            })
            .collect(),
    ));
    // A long common prefix and suffix around a two-byte difference.
    sets.push((
        "long prefix and suffix",
        alphabet
            .iter()
            .flat_map(|a| {
                alphabet
                    .iter()
                    .map(move |b| format!("connection.request_{a}{b}_was_accepted_by_prospect"))
            })
            .collect(),
    ));
    // Two ids per length differing only in their first byte after the prefix.
    sets.push((
        "prefix-free pairs",
        (0..40)
            .flat_map(|n| ["a", "b"].map(|c| format!("campaign.{c}{}", "z".repeat(n))))
            .collect(),
    ));
    // Ids too short for a word read: the full digest.
    sets.push((
        "shorter than a word",
        vec!["a.b".into(), "a.c".into(), "ab.cd".into(), "a.b_c".into()],
    ));
    // Ids too long for padded rows.
    sets.push((
        "longer than 64 bytes",
        (0..50)
            .map(|i| format!("message.{}_{i}", "long".repeat(20)))
            .collect(),
    ));
    // Anagrams: positional words that xor to the same value.
    sets.push((
        "anagrams",
        vec![
            "team.abcdefgh_ijklmnop".into(),
            "team.ijklmnop_abcdefgh".into(),
        ],
    ));
    // One id.
    sets.push(("a single id", vec!["agent.offline".into()]));

    for (name, ids) in &sets {
        let ids = as_strs(ids);
        assert_eq!(
            ids.iter().collect::<HashSet<_>>().len(),
            ids.len(),
            "{name}: distinct"
        );
        let plan = plan_lookup(&ids);
        assert_scheme!(plan, Scheme::Hashed { .. }, name);
        assert_exact(&plan, &ids);
    }
}

/// Search bounds that allow no search at all: only the binary-search
/// fallback is left; tests raise one bound at a time from here.
const NO_SEARCH: Limits = Limits {
    probe_sets: 0,
    direct_tries: 0,
    direct_max_slots: 0,
    displaced_tries: 0,
    displaced_doublings: 0,
    full_seeds: 0,
};

/// With the searches cut short, each fallback in turn takes over and still
/// finds every id: full digest, displaced table, sorted binary search.
#[test]
fn every_fallback_finds_every_id() {
    let ids = synthetic_catalog::synthetic_ids(300);
    let ids = as_strs(&ids);
    let none = NO_SEARCH;

    let full = plan_lookup_with(
        &ids,
        &Limits {
            full_seeds: 1,
            displaced_tries: 4,
            ..none
        },
    );
    assert_scheme!(
        full,
        Scheme::Hashed {
            material: Material::Full { .. },
            ..
        }
    );
    assert_exact(&full, &ids);

    let displaced = plan_lookup_with(
        &ids,
        &Limits {
            probe_sets: 160,
            displaced_tries: 4,
            ..none
        },
    );
    assert_scheme!(
        displaced,
        Scheme::Hashed {
            slots: Slots::Displaced { .. },
            ..
        }
    );
    assert_exact(&displaced, &ids);

    let sorted = plan_lookup_with(&ids, &none);
    assert_scheme!(sorted, Scheme::Sorted(_));
    assert_exact(&sorted, &ids);
}

#[test]
fn plans_and_generated_code_are_deterministic() {
    let ids = synthetic_catalog::synthetic_ids(2_000);
    let ids = as_strs(&ids);
    assert_eq!(plan_lookup(&ids), plan_lookup(&ids));

    let json =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/events.json")).unwrap();
    let once = codegen::generate(&json, "events.json", codegen::Source::Bundled).unwrap();
    let twice = codegen::generate(&json, "events.json", codegen::Source::Bundled).unwrap();
    assert_eq!(once, twice);
}

#[test]
fn the_generated_lookup_rejects_out_of_range_lengths_first_and_is_safe() {
    let json =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/events.json")).unwrap();
    let code = codegen::generate(&json, "events.json", codegen::Source::Bundled).unwrap();
    let body = code
        .split("pub(crate) fn find_event_id(id: &str) -> Option<EventId> {")
        .nth(1)
        .unwrap();
    let mut lines = body.lines().skip(1).map(str::trim);
    assert_eq!(lines.next(), Some("let bytes = id.as_bytes();"));
    assert_eq!(
        lines.next(),
        Some("if bytes.len() < 12 || bytes.len() > 21 {")
    );
    assert_eq!(lines.next(), Some("return None;"));
    let start = code.find("mod lookup_hash {").unwrap();
    let end = code.find("static LOOKUP_TABLE").unwrap();
    assert!(!code[start..end].contains("unsafe"));
    // Every id in the slot table went out inside an escaped literal, one row a line.
    for id in real_ids() {
        let literal = format!("{id:?}");
        let row_start = format!("\n    {}", &literal[..literal.len() - 1]);
        assert!(code.contains(&row_start), "{id}");
    }
}

/// A catalog with an id over 64 bytes gets `&str` keys and a plain compare.
#[test]
fn long_ids_are_emitted_as_str_keys() {
    let long = format!("agent.{}", "x".repeat(70));
    let json = format!(
        r#"[{{"id": "agent.offline", "name": "A", "description": "D", "category": "agent"}},
           {{"id": "{long}", "name": "B", "description": "D", "category": "agent"}}]"#
    );
    let code = codegen::generate(&json, "long.json", codegen::Source::Override).unwrap();
    assert!(code.contains("static LOOKUP_KEYS: [&str; "));
    assert!(code.contains("lookup_hash::same_bytes(bytes, key.as_bytes())"));
    assert!(!code.contains("LOOKUP_TABLE"));
}

/// The compiled lookup against a naive scan of `EventId::ALL`.
#[test]
fn find_agrees_with_a_naive_scan() {
    let naive = |input: &str| EventId::ALL.iter().copied().find(|id| id.as_str() == input);
    for id in EventId::ALL {
        assert_eq!(EventId::find(id.as_str()), Some(*id));
        assert_eq!(id.as_str().parse::<EventId>().ok(), Some(*id));
        assert_eq!(kakiyo_events::lookup(id.as_str()).map(|e| e.id), Some(*id));
        for miss in near_misses(id.as_str()) {
            assert_eq!(EventId::find(&miss), naive(&miss), "{miss:?}");
            assert_eq!(miss.parse::<EventId>().ok(), naive(&miss), "{miss:?}");
        }
    }
    for junk in [
        "",
        "prospect",
        "prospect.",
        ".qualified",
        "é.qualified",
        &"p".repeat(10 << 20),
    ] {
        assert_eq!(EventId::find(junk), None, "{} bytes", junk.len());
    }
    // Every input of every length in range, built from an id's bytes, agrees too.
    for id in EventId::ALL {
        for len in 0..=id.as_str().len() + 1 {
            let input: String = id.as_str().chars().cycle().take(len).collect();
            assert_eq!(EventId::find(&input), naive(&input), "{input:?}");
        }
    }
}

/// Counts this thread's heap allocations, so a test can prove a call makes none.
mod counting_allocator {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    thread_local! {
        static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
    }

    pub struct Counting;

    // SAFETY: every call is passed to the system allocator unchanged; the
    // counter is a const-initialised thread local, which never allocates.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            ALLOCATIONS.with(|n| n.set(n.get() + 1));
            unsafe { System.alloc(layout) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { System.dealloc(ptr, layout) }
        }
    }

    /// How many allocations `f` made on this thread.
    pub fn allocations_in(f: impl FnOnce()) -> usize {
        let before = ALLOCATIONS.with(Cell::get);
        f();
        ALLOCATIONS.with(Cell::get) - before
    }
}

#[global_allocator]
static ALLOCATOR: counting_allocator::Counting = counting_allocator::Counting;

#[test]
fn from_str_find_and_lookup_never_allocate() {
    let mut inputs: Vec<String> = Vec::new();
    for id in EventId::ALL {
        inputs.push(id.as_str().to_owned());
        inputs.extend(near_misses(id.as_str()));
    }
    inputs.push("p".repeat(10 << 20));
    let allocations = counting_allocator::allocations_in(|| {
        for input in &inputs {
            let _ = std::hint::black_box(input.parse::<EventId>());
            std::hint::black_box(EventId::find(input));
            std::hint::black_box(kakiyo_events::lookup(input));
        }
    });
    assert_eq!(allocations, 0);
    // The counter works: a String allocates.
    assert_eq!(
        counting_allocator::allocations_in(|| drop(std::hint::black_box(String::from("x")))),
        1
    );
}

/// Every scheme's emitted code compiles (against a stub `EventId` and
/// `ALL_EVENTS`, as the generated module defines them) and, run, finds every
/// id and rejects its near misses: not only the scheme the real catalog gets.
#[test]
fn every_scheme_emits_code_that_compiles_and_finds_every_id() {
    let none = NO_SEARCH;
    let defaults = Limits::default();
    let direct = Limits {
        direct_tries: Limits::DIRECT_TRIES,
        ..defaults
    };
    let short = r#"[{"id": "a.b", "name": "A", "description": "D", "category": "a"},
                   {"id": "a.bc", "name": "B", "description": "D", "category": "a"}]"#;
    let long = format!(
        r#"[{{"id": "agent.offline", "name": "A", "description": "D", "category": "agent"}},
           {{"id": "agent.{}", "name": "B", "description": "D", "category": "agent"}}]"#,
        "x".repeat(70)
    );
    // Ids at the edges of the row layout: the longest 8 bytes (one word and
    // a length byte), 64 (the longest padded row) and 65 (`&str` keys).
    let longest = |len: usize| {
        let entry = |id: String| {
            format!(r#"{{"id": "{id}", "name": "N", "description": "D", "category": "agent"}}"#)
        };
        let ids = ["a", "b", "c"].map(|last| format!("agent.{}{last}", "x".repeat(len - 7)));
        let mut entries: Vec<String> = ids.into_iter().map(entry).collect();
        entries.push(entry("agent.on".to_owned()));
        format!("[{}]", entries.join(",\n"))
    };
    let (longest_8, longest_64, longest_65) = (longest(8), longest(64), longest(65));
    // And at the edges of the windows compare: 15 (rows of 16 bytes, 8-byte
    // windows), 16 (rows of 32, 16-byte windows), 31 (the longest compared
    // by windows) and 32 (compared a word at a time).
    let (longest_15, longest_16) = (longest(15), longest(16));
    let (longest_31, longest_32) = (longest(31), longest(32));
    let synthetic = synthetic_catalog::synthetic_catalog(300);
    let real =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/events.json")).unwrap();
    // (catalog, search bounds, what the plan must be)
    let cases: [(&str, Limits, &str); 16] = [
        (&real, defaults, "words at [end-1] -> displaced table"),
        (&real, direct, "words at [end-1] -> direct table"),
        (&synthetic, defaults, "-> displaced table"),
        (
            &synthetic,
            Limits {
                full_seeds: 1,
                displaced_tries: 4,
                ..none
            },
            "a digest of every byte -> displaced",
        ),
        (&synthetic, none, "binary search"),
        (short, defaults, "a digest of every byte -> displaced table"),
        (short, direct, "a digest of every byte -> direct table"),
        (&long, defaults, "-> displaced table"),
        (&long, direct, "-> direct table"),
        (&longest_8, defaults, "(ids of 8..=8 bytes)"),
        (&longest_15, defaults, "(ids of 8..=15 bytes)"),
        (&longest_16, defaults, "(ids of 8..=16 bytes)"),
        (&longest_31, defaults, "(ids of 8..=31 bytes)"),
        (&longest_32, defaults, "(ids of 8..=32 bytes)"),
        (&longest_64, defaults, "(ids of 8..=64 bytes)"),
        (&longest_65, defaults, "(ids of 8..=65 bytes)"),
    ];
    let dir = std::env::temp_dir().join(format!("kakiyo-lookup-codegen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (json, limits, scheme) in cases {
        let catalog = codegen::parse_catalog(json).unwrap();
        let ids: Vec<&str> = catalog.events.iter().map(|e| e.id.as_str()).collect();
        let name = plan_lookup_with(&ids, &limits).describe();
        assert!(name.contains(scheme), "{name}");
        let mut code = String::from("#![forbid(unsafe_code)]\n#![allow(dead_code)]\n");
        code.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum EventId {\n");
        for event in &catalog.events {
            code.push_str(&format!("    {},\n", event.variant));
        }
        code.push_str(&format!(
            "}}\npub(crate) static ALL_EVENTS: [EventId; {}] = [\n",
            catalog.events.len()
        ));
        for event in &catalog.events {
            code.push_str(&format!("    EventId::{},\n", event.variant));
        }
        code.push_str("];\n");
        let mut lookup = String::new();
        lookup::emit_lookup_with(&mut lookup, &catalog, &limits);
        // 31 bytes is the longest id compared by windows, 64 the longest a
        // padded row holds.
        let windows = lookup.contains("lookup_hash::same_windows(bytes, row)");
        let hashed = !name.contains("binary search");
        let short = catalog.events.iter().all(|e| e.id.len() <= 31);
        assert_eq!(windows, hashed && short, "{name}");
        // 64 bytes is the longest id a padded row holds.
        if name.contains("..=64 bytes") {
            assert!(lookup.contains("static LOOKUP_TABLE"), "{name}");
        }
        if name.contains("..=65 bytes") {
            assert!(lookup.contains("static LOOKUP_KEYS"), "{name}");
        }
        code.push_str(&lookup);
        // Each id must be found as its own event; the id plus "x" and the id
        // minus its last byte only when they are ids too.
        code.push_str(&format!("const IDS: [&str; {}] = {ids:?};\n", ids.len()));
        code.push_str(
            r#"fn expect(input: &str) {
    let want = IDS.iter().position(|id| *id == input).map(|i| ALL_EVENTS[i]);
    assert_eq!(find_event_id(input), want, "{input:?}");
}
fn main() {
    for id in IDS {
        expect(id);
        expect(&format!("{id}x"));
        expect(&id[..id.len() - 1]);
    }
    expect("");
    println!("found {} ids", IDS.len());
}
"#,
        );
        let file = dir.join("lookup.rs");
        let binary = dir.join("lookup");
        std::fs::write(&file, &code).unwrap();
        let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
        let output = std::process::Command::new(rustc)
            .args(["--edition", "2024", "-D", "warnings", "-o"])
            .arg(&binary)
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let run = std::process::Command::new(&binary).output().unwrap();
        assert!(
            run.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&run.stdout),
            format!("found {} ids\n", ids.len()),
            "{name}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
