//! Generates the library's catalog module from the crate's own `events.json`
//! with the crate's own generator, as the crate's `build.rs` does, except that
//! the generator tries a direct table first, as the crate's own build once did: the
//! 22 events then get one, and the bench measures what it would give.

#[path = "../support/catalog_module.rs"]
mod catalog_module;
#[allow(dead_code, unused_imports)]
#[path = "../../src/codegen/mod.rs"]
mod codegen;

use catalog_module::{fail, rerun_if_generator_changed, write_catalog_module};

fn main() {
    rerun_if_generator_changed();
    println!("cargo::rerun-if-changed=../../events.json");
    let json = std::fs::read_to_string("../../events.json")
        .unwrap_or_else(|e| fail(&format!("../../events.json: {e}")));
    let limits = codegen::Limits {
        direct_tries: codegen::Limits::DIRECT_TRIES,
        ..codegen::Limits::default()
    };
    let code = codegen::generate_with(
        &json,
        "../../events.json",
        codegen::Source::Bundled,
        &limits,
    )
    .unwrap_or_else(|errors| fail(&errors.to_string()));
    // The plan is named in the generated `// Lookup (…): …` comment.
    let plan = code
        .lines()
        .find(|line| line.starts_with("// Lookup"))
        .unwrap_or("no `// Lookup` comment");
    if !plan.contains("direct table") {
        fail(&format!(
            "the generator did not give events.json a direct table: {plan}"
        ));
    }
    write_catalog_module(&code);
}
