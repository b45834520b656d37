// What the build scripts of benches/big and benches/direct share: each
// regenerates the crate's catalog module with the crate's own generator (from
// another catalog, or with other search bounds) and writes it where the
// crate's `src/generated.rs` includes it from. Loaded through `#[path]`.

use std::path::PathBuf;
use std::{env, fs, process};

/// Tells cargo to rerun the build script when the generator's sources change.
pub fn rerun_if_generator_changed() {
    for path in [
        "../../src/codegen",
        "../../src/suggest.rs",
        "../../src/escape.rs",
        "../../src/echo.rs",
    ] {
        println!("cargo::rerun-if-changed={path}");
    }
}

/// Writes `code` to `$OUT_DIR/catalog.rs`, unless that file already holds it
/// (so that a rerun with the same output does not rebuild the crate).
pub fn write_catalog_module(code: &str) {
    let Some(out_dir) = env::var_os("OUT_DIR") else {
        fail("OUT_DIR is not set; run this through cargo")
    };
    let out = PathBuf::from(out_dir).join("catalog.rs");
    if fs::read_to_string(&out).ok().as_deref() != Some(code) {
        if let Err(e) = fs::write(&out, code) {
            fail(&format!("{}: cannot write: {e}", out.display()));
        }
    }
}

/// Reports `message` to cargo as errors, a line each, and stops the build.
pub fn fail(message: &str) -> ! {
    for line in message.lines() {
        println!("cargo::error={line}");
    }
    process::exit(1)
}
