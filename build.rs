//! Generates the event catalog from `events.json`; the generator lives in `src/codegen/`.

// It runs on the build machine: .ci/wasm-check's lists of std's OS services
// (.ci/wasm-clippy/clippy.toml) are for the library.
#![forbid(unsafe_code)]
#![allow(
    clippy::disallowed_methods,
    clippy::disallowed_types,
    clippy::disallowed_macros
)]

#[allow(dead_code, unused_imports)]
#[path = "src/codegen/mod.rs"]
mod codegen;

fn main() {
    codegen::run_build_script();
}
