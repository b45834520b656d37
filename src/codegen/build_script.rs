//! What `build.rs` does, kept here so that `build.rs` stays a few lines long.

use std::ffi::OsStr;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::{env, fs, io};

use super::escape::{Escaped, needs_escape};
use super::json::error_at;
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
    println!("cargo::rerun-if-changed=src/echo.rs");
    println!("cargo::rerun-if-env-changed={CATALOG_ENV}");

    let (path, origin, source) = match env::var_os(CATALOG_ENV) {
        Some(path) if !path.is_empty() => {
            // Checked before it goes into any directive or message.
            let origin = catalog_path(&path)?.to_owned();
            let package_dir = env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".to_owned());
            require_absolute(&origin, &package_dir)?;
            println!("cargo::rerun-if-changed={origin}");
            (PathBuf::from(origin.as_str()), origin, Source::Override)
        }
        _ => (
            PathBuf::from("events.json"),
            "events.json".to_owned(),
            Source::Bundled,
        ),
    };
    let bytes = fs::read(&path).map_err(|e| read_error(&origin, source, &e))?;
    let json = catalog_text(&origin, bytes)?;
    let code = generate(&json, &origin, source).map_err(|errors| errors.to_string())?;

    let out_dir =
        env::var_os("OUT_DIR").ok_or("error: OUT_DIR is not set; run this through cargo")?;
    let out = PathBuf::from(out_dir).join(OUTPUT_FILE);
    // Rewriting identical output would only bump the mtime and rebuild for nothing.
    if fs::read_to_string(&out).ok().as_deref() != Some(code.as_str()) {
        fs::write(&out, code).map_err(|e| {
            format!(
                "error: {}: cannot write: {}",
                Escaped(&out.display().to_string()),
                Escaped(&e.to_string())
            )
        })?;
    }
    Ok(())
}

/// The catalog path `KAKIYO_EVENTS_CATALOG` names, if cargo can track it and
/// a message can show it as it is; otherwise the one `error:` line that says
/// why.
///
/// The path goes into `cargo::rerun-if-changed=`, one directive a line: a
/// newline in it would start a directive of its own (`cargo::rustc-cfg=…`).
/// A path that is not UTF-8 could only be given to cargo in its lossy form,
/// a file that never exists, so cargo would re-run the build script on every
/// build. And the messages show the path first, as `error: <path>: …`, with
/// no control or bidirectional character. So such a path is refused, and
/// the message shows it escaped.
pub fn catalog_path(path: &OsStr) -> Result<&str, String> {
    let Some(text) = path.to_str() else {
        return Err(format!(
            "error: {}: the path in {CATALOG_ENV} is not valid UTF-8 (shown with U+FFFD for its bad bytes); cargo can only watch a UTF-8 path for changes, so rename the file or give another path",
            Escaped(&path.to_string_lossy())
        ));
    };
    if let Some(bad) = text.chars().find(|&c| needs_escape(c)) {
        return Err(format!(
            "error: {}: the path in {CATALOG_ENV} holds the character '{}'; a control or invisible character cannot go into a cargo directive or a message line, so rename the file or give another path",
            Escaped(text),
            bad.escape_default()
        ));
    }
    Ok(text)
}

/// Refuses a relative catalog path. Cargo runs a build script in its own
/// package's directory, which for a dependency is a copy in cargo's cache,
/// not the directory the user ran cargo in: a relative path there would read
/// some other file (`events.json` is this crate's own catalog) or none. The
/// message names that directory and the setting that makes a path absolute.
pub fn require_absolute(path: &str, package_dir: &str) -> Result<(), String> {
    if Path::new(path).is_absolute() {
        return Ok(());
    }
    if path == "~" || path.starts_with("~/") || path.starts_with("~\\") {
        // Only a shell expands `~`; `relative = true` would not help either.
        return Err(format!(
            "error: {}: the path in {CATALOG_ENV} starts with '~', which only a shell expands; write the home directory out, as an absolute path",
            Escaped(path)
        ));
    }
    Err(format!(
        "error: {path_shown}: the path in {CATALOG_ENV} is relative, and cargo runs this build script in the kakiyo-events package's own directory ({dir}), not in yours; give an absolute path, or set it in your .cargo/config.toml as [env] {CATALOG_ENV} = {{ value = {value}, relative = true }}, which cargo makes absolute from that file's directory",
        path_shown = Escaped(path),
        dir = Escaped(package_dir),
        value = super::json::string(path),
    ))
}

/// The one `error:` line for a catalog file that cannot be read, with a hint
/// that fits the cause.
pub fn read_error(origin: &str, source: Source, error: &io::Error) -> String {
    let hint = match (error.kind(), source) {
        (ErrorKind::NotFound, Source::Bundled) => {
            "; the crate's events.json is missing from its package".to_owned()
        }
        (ErrorKind::NotFound, Source::Override) => format!("; check the path in {CATALOG_ENV}"),
        (ErrorKind::IsADirectory, _) => {
            "; name the catalog's JSON file, not its directory".to_owned()
        }
        _ => String::new(),
    };
    format!(
        "error: {}: cannot read the catalog: {}{hint}",
        Escaped(origin),
        Escaped(&error.to_string())
    )
}

/// The catalog file's bytes as text, or the one `error:` line that places
/// its first byte that is not UTF-8 (line and column in characters, as the
/// JSON errors count them).
pub fn catalog_text(origin: &str, bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let byte = e.as_bytes().get(valid).copied().unwrap_or_default();
        let prefix = std::str::from_utf8(e.as_bytes().get(..valid).unwrap_or_default())
            .unwrap_or_default();
        let at = error_at(prefix, prefix.len(), String::new());
        format!(
            "error: {}:{}:{}: the catalog is not UTF-8 text: invalid byte 0x{byte:02x}; save it as UTF-8",
            Escaped(origin),
            at.line,
            at.column
        )
    })
}
