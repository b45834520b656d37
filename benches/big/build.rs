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

/// The catalog size when `KAKIYO_BENCH_EVENTS` is unset: 10,000 for
/// `cargo bench` (a release-based profile); 1,000 for debug builds, which only
/// type-check and smoke-test the bench (clippy, `cargo test --benches`), so
/// that every `cargo test` does not compile a 10,000-variant enum for nothing.
fn default_events() -> usize {
    if env::var("PROFILE").as_deref() == Ok("release") {
        10_000
    } else {
        1_000
    }
}

fn main() {
    println!("cargo::rerun-if-changed=../../src/codegen");
    println!("cargo::rerun-if-changed=../../src/suggest.rs");
    println!("cargo::rerun-if-changed=../support/synthetic_catalog.rs");
    println!("cargo::rerun-if-env-changed=KAKIYO_BENCH_EVENTS");
    let count = match env::var("KAKIYO_BENCH_EVENTS") {
        Ok(text) => match text.parse::<usize>() {
            Ok(count) if (1..=codegen::MAX_EVENTS).contains(&count) => count,
            _ => fail(&format!(
                "KAKIYO_BENCH_EVENTS={text:?}: expected a count from 1 to {}",
                codegen::MAX_EVENTS
            )),
        },
        Err(_) => default_events(),
    };
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
