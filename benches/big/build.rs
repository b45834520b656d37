//! Generates the library's catalog module from a synthetic catalog (10,000
//! events in `cargo bench`, 1,000 in debug builds, or `KAKIYO_BENCH_EVENTS`), with the crate's own
//! generator, exactly as the crate's `build.rs` does from `events.json`.

#[allow(dead_code, unused_imports)]
#[path = "../../src/codegen/mod.rs"]
mod codegen;
#[allow(dead_code)]
#[path = "../support/synthetic_catalog.rs"]
mod synthetic_catalog;

use std::path::PathBuf;
use std::{env, fs, process};

fn main() {
    println!("cargo::rerun-if-changed=../../src/codegen");
    println!("cargo::rerun-if-changed=../../src/suggest.rs");
    println!("cargo::rerun-if-changed=../../src/escape.rs");
    println!("cargo::rerun-if-changed=../../src/echo.rs");
    println!("cargo::rerun-if-changed=../support/synthetic_catalog.rs");
    println!("cargo::rerun-if-env-changed=KAKIYO_BENCH_EVENTS");
    let count = synthetic_catalog::bench_catalog_size(codegen::MAX_EVENTS)
        .unwrap_or_else(|message| fail(&message));
    let json = synthetic_catalog::synthetic_catalog(count);
    let code = match codegen::generate(
        &json,
        "the synthetic bench catalog",
        codegen::Source::Override,
    ) {
        Ok(code) => code,
        Err(errors) => fail(&errors.to_string()),
    };
    let Some(out_dir) = env::var_os("OUT_DIR") else {
        fail("OUT_DIR is not set; run this through cargo")
    };
    let out = PathBuf::from(out_dir).join("catalog.rs");
    if fs::read_to_string(&out).ok().as_deref() != Some(code.as_str()) {
        if let Err(e) = fs::write(&out, code) {
            fail(&format!("{}: cannot write: {e}", out.display()));
        }
    }
}

fn fail(message: &str) -> ! {
    for line in message.lines() {
        println!("cargo::error={line}");
    }
    process::exit(1)
}
