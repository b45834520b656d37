//! Arbitrary bytes as a catalog file, through the generator that build.rs runs.
//!
//! It must return either code or a typed error, never panic. Code is parsed
//! back with syn and must hold exactly the catalog (see
//! tests/support/catalog_check.rs); an error must be one line per problem,
//! each naming the file.
#![no_main]
// lookup.rs is loaded twice on purpose (see `mod lookup` below).
#![allow(clippy::duplicate_mod)]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code, unused_imports)]
#[path = "../../src/codegen/mod.rs"]
mod codegen;

// lookup.rs is loaded twice: inside `codegen` (private there, as build.rs
// needs no more) and on its own, so that its planner can be checked here.
#[allow(dead_code)]
#[path = "../../src/codegen/lookup.rs"]
mod lookup;

/// `lookup.rs` reaches the catalog type as `super::catalog::Catalog`.
mod catalog {
    pub use super::codegen::Catalog;
}

#[path = "../../tests/support/generated_code.rs"]
mod generated_code;

#[path = "../../tests/support/catalog_check.rs"]
mod catalog_check;

fuzz_target!(|data: &[u8]| {
    // build.rs reads the file as UTF-8 and reports anything else before the generator.
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let result = codegen::generate(json, "fuzz.json", codegen::Source::Override);
    assert_eq!(
        result,
        codegen::generate(json, "fuzz.json", codegen::Source::Override),
        "the generator must be deterministic"
    );
    match result {
        Ok(code) => {
            let catalog = codegen::parse_catalog(json)
                .unwrap_or_else(|e| panic!("generate succeeded but parse_catalog failed: {e:?}"));
            if let Err(problem) = catalog_check::check_generated(&code, &catalog) {
                panic!("{problem}\n--- catalog:\n{json}");
            }
            check_lookup(&catalog);
        }
        Err(errors) => {
            assert_eq!(errors.origin, "fuzz.json");
            assert!(!errors.errors.is_empty(), "an error with no problem in it");
            assert!(codegen::parse_catalog(json).is_err());
            let shown = errors.to_string();
            assert_eq!(
                shown.lines().count(),
                errors.errors.len(),
                "one line per problem: {shown}"
            );
            for line in shown.lines() {
                assert!(line.starts_with("error: fuzz.json:"), "{line}");
                assert!(
                    !line.chars().any(char::is_control),
                    "control character in {line:?}"
                );
            }
        }
    }
});

/// The lookup the generator chose (modelled by `LookupPlan::find`, which
/// compares against the rows the emitter writes) finds each id at its own
/// index, and an id plus `"x"` or less its last char only where that is an id.
/// Both the build's plan (a displaced table) and the direct table that
/// `benches/direct` asks for, which no default build reaches.
fn check_lookup(catalog: &codegen::Catalog) {
    let ids: Vec<&str> = catalog.events.iter().map(|e| e.id.as_str()).collect();
    let direct = lookup::Limits {
        direct_tries: lookup::Limits::DIRECT_TRIES,
        ..lookup::Limits::default()
    };
    let expect = |input: &str| ids.iter().position(|id| *id == input);
    for plan in [
        lookup::plan_lookup(&ids),
        lookup::plan_lookup_with(&ids, &direct),
    ] {
        for (index, id) in ids.iter().enumerate() {
            assert_eq!(
                plan.find(&ids, id),
                Some(index),
                "{id:?} via {}",
                plan.describe()
            );
            let longer = format!("{id}x");
            assert_eq!(plan.find(&ids, &longer), expect(&longer), "{longer:?}");
            let mut shorter = id.chars();
            shorter.next_back();
            let shorter = shorter.as_str();
            assert_eq!(plan.find(&ids, shorter), expect(shorter), "{shorter:?}");
        }
    }
}
