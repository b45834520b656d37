//! The catalog generator: `events.json` → Rust source.
//!
//! It is not part of the library. `build.rs` loads it through
//! `#[path = "src/codegen/mod.rs"]`, and the tests (and fuzz targets) load the
//! same file the same way, so every step is a plain function they can call:
//! [`parse_catalog`] validates, [`emit`] writes code, [`generate`] does both.
//!
//! Catalog text is input the user wrote, so nothing here may panic on it: a
//! bad catalog must end as a typed [`CatalogErrors`], never a backtrace. The
//! lints enforce that for every file of the generator (tests aside). It is
//! safe code, as the library is, wherever it is loaded.
#![forbid(unsafe_code)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::unreachable,
    clippy::todo,
    clippy::unimplemented,
    clippy::indexing_slicing
)]

mod build_script;
mod catalog;
// How much catalog text an error echoes, as the library's errors do.
#[path = "../echo.rs"]
mod echo;
mod emit;
mod error;
// The library's own escaping of outside text for terminals and logs.
#[path = "../escape.rs"]
mod escape;
pub mod json;
mod lookup;
mod naming;
// Its indexes are bounded by the length check at the top of `distance`
// (both sides at most MAX_INPUT, the arrays MAX_INPUT + 1 long).
#[allow(clippy::indexing_slicing)]
#[path = "../suggest.rs"]
mod suggest;

pub use build_script::{
    CATALOG_ENV, catalog_path, catalog_text, read_error, require_absolute, run_build_script,
};
pub use catalog::{Catalog, CategorySpec, EventSpec, FIELDS, MAX_EVENTS, parse_catalog};
pub use emit::{
    Source, catalog_json, doc_text, emit, emit_with, ordered_map_literal, string_literal,
};
pub use error::{CatalogError, CatalogErrors, Position, TextProblem};
pub use lookup::Limits;
pub use naming::{check_id, title_case, variant_name};

/// Validates `json` and returns the generated module, or every problem found.
/// `origin` names the file in messages, as the user named it.
pub fn generate(json: &str, origin: &str, source: Source) -> Result<String, CatalogErrors> {
    generate_with(json, origin, source, &Limits::default())
}

/// [`generate`] with explicit bounds for the lookup's search.
pub fn generate_with(
    json: &str,
    origin: &str,
    source: Source,
    limits: &Limits,
) -> Result<String, CatalogErrors> {
    let catalog = parse_catalog(json).map_err(|errors| CatalogErrors {
        origin: origin.to_owned(),
        errors,
    })?;
    Ok(emit_with(&catalog, source, limits))
}
