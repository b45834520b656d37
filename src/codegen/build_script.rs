//! What `build.rs` does, kept here so that `build.rs` stays a few lines long.

use std::path::PathBuf;
use std::{env, fs};

use super::{Source, generate};

/// The variable that points the build at a team's own catalog file.
pub const CATALOG_ENV: &str = "KAKIYO_EVENTS_CATALOG";

/// The generated file's name inside `OUT_DIR`.
pub const OUTPUT_FILE: &str = "catalog.rs";

/// Reads the catalog, validates it and writes `$OUT_DIR/catalog.rs`.
///
/// On bad input it reports every problem through `cargo::error=`, one line
/// each, and returns normally: cargo then fails the build with those messages
/// and no backtrace.
pub fn run_build_script() {
    if let Err(message) = try_run() {
        for line in message.lines() {
            let line = line.strip_prefix("error: ").unwrap_or(line);
            println!("cargo::error={line}");
        }
    }
}

fn try_run() -> Result<(), String> {
    println!("cargo::rerun-if-changed=events.json");
    println!("cargo::rerun-if-changed=src/codegen");
    println!("cargo::rerun-if-changed=src/suggest.rs");
    println!("cargo::rerun-if-changed=src/escape.rs");
    println!("cargo::rerun-if-env-changed={CATALOG_ENV}");

    let (path, origin, source) = match env::var_os(CATALOG_ENV) {
        Some(path) if !path.is_empty() => {
            let origin = path.to_string_lossy().into_owned();
            println!("cargo::rerun-if-changed={origin}");
            (PathBuf::from(path), origin, Source::Override)
        }
        _ => (
            PathBuf::from("events.json"),
            "events.json".to_owned(),
            Source::Bundled,
        ),
    };
    let json = fs::read_to_string(&path).map_err(|e| {
        let hint = match source {
            Source::Bundled => "the crate's events.json is missing from its package",
            Source::Override => {
                "check the path in KAKIYO_EVENTS_CATALOG (an absolute path is safest)"
            }
        };
        format!("error: {origin}: cannot read the catalog: {e}; {hint}")
    })?;
    let code = generate(&json, &origin, source).map_err(|errors| errors.to_string())?;

    let out_dir =
        env::var_os("OUT_DIR").ok_or("error: OUT_DIR is not set; run this through cargo")?;
    let out = PathBuf::from(out_dir).join(OUTPUT_FILE);
    // Rewriting identical output would only bump the mtime and rebuild for nothing.
    if fs::read_to_string(&out).ok().as_deref() != Some(code.as_str()) {
        fs::write(&out, code)
            .map_err(|e| format!("error: {}: cannot write: {e}", out.display()))?;
    }
    Ok(())
}
