//! Generates the event catalog from `events.json`; the generator lives in `src/codegen/`.

#[allow(dead_code, unused_imports)]
#[path = "src/codegen/mod.rs"]
mod codegen;

fn main() {
    codegen::run_build_script();
}
