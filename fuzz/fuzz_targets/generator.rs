//! Arbitrary bytes as a catalog file, through the generator that build.rs runs.
//!
//! It must return either code or a typed error, never panic. Code is parsed
//! back with syn and must hold exactly the catalog (see
//! tests/support/catalog_check.rs); an error must be one line per problem,
//! each naming the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code, unused_imports)]
#[path = "../../src/codegen/mod.rs"]
mod codegen;

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
