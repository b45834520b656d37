//! Generates the library's catalog module from a synthetic catalog (10,000
//! events in `cargo bench`, 1,000 in debug builds, or `KAKIYO_BENCH_EVENTS`), with the crate's own
//! generator, exactly as the crate's `build.rs` does from `events.json`.

#[path = "../support/catalog_module.rs"]
mod catalog_module;
#[allow(dead_code, unused_imports)]
#[path = "../../src/codegen/mod.rs"]
mod codegen;
#[allow(dead_code)]
#[path = "../support/synthetic_catalog.rs"]
mod synthetic_catalog;

use catalog_module::{fail, rerun_if_generator_changed, write_catalog_module};

fn main() {
    rerun_if_generator_changed();
    println!("cargo::rerun-if-changed=../support/synthetic_catalog.rs");
    println!("cargo::rerun-if-env-changed=KAKIYO_BENCH_EVENTS");
    let count = synthetic_catalog::bench_catalog_size(codegen::MAX_EVENTS)
        .unwrap_or_else(|message| fail(&message));
    let json = synthetic_catalog::synthetic_catalog(count);
    match codegen::generate(
        &json,
        "the synthetic bench catalog",
        codegen::Source::Override,
    ) {
        Ok(code) => write_catalog_module(&code),
        Err(errors) => fail(&errors.to_string()),
    }
}
