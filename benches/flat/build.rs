//! Generates the library's catalog module from the crate's own `events.json`
//! with the crate's own generator, as the crate's `build.rs` does, except that
//! the generator may not try a direct table: every catalog then gets the
//! displaced table that a 10,000-event catalog gets.

#[allow(dead_code, unused_imports)]
#[path = "../../src/codegen/mod.rs"]
mod codegen;

use std::path::PathBuf;
use std::{env, fs, process};

fn main() {
    println!("cargo::rerun-if-changed=../../src/codegen");
    println!("cargo::rerun-if-changed=../../src/suggest.rs");
    println!("cargo::rerun-if-changed=../../src/escape.rs");
    println!("cargo::rerun-if-changed=../../src/echo.rs");
    println!("cargo::rerun-if-changed=../../events.json");
    let json = fs::read_to_string("../../events.json")
        .unwrap_or_else(|e| fail(&format!("../../events.json: {e}")));
    let limits = codegen::Limits {
        direct_tries: 0,
        ..codegen::Limits::default()
    };
    let code = match codegen::generate_with(
        &json,
        "../../events.json",
        codegen::Source::Bundled,
        &limits,
    ) {
        Ok(code) => code,
        Err(errors) => fail(&errors.to_string()),
    };
    if !code.contains("displaced table") {
        fail(
            "the generator did not give events.json a displaced table; see the lookup's comment in the generated catalog.rs",
        );
    }
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
