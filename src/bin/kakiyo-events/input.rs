//! Reading a file or stdin, with errors that say which and what went wrong.

use std::ffi::OsStr;
use std::fmt;
use std::io::{self, Read};
use std::path::PathBuf;

use crate::output::BadInput;
use crate::strict_json::StrictJsonError;
use crate::style::printable;

/// The most any input may hold. What is read here (catalogs, id lists,
/// webhook bodies) is kilobytes: Kakiyo's catalog response is about 3 KB. A
/// bigger input is a mistake (`/dev/zero`, a disk image), which would
/// otherwise be read whole into memory before anything could be said of it.
pub const MAX_INPUT_BYTES: u64 = 64 << 20;

/// Where input comes from: a file, or stdin (`-` on the command line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    /// `-` is stdin; anything else is a path.
    pub fn from_arg(arg: &OsStr) -> Self {
        if arg == "-" {
            Source::Stdin
        } else {
            Source::File(arg.into())
        }
    }

    /// The raw bytes, at most [`MAX_INPUT_BYTES`] of them.
    pub fn read_bytes(&self) -> Result<Vec<u8>, BadInput> {
        let read = match self {
            Source::Stdin => read_bounded(io::stdin().lock()),
            Source::File(path) if path.as_os_str().is_empty() => {
                return Err(BadInput::new(
                    "the file name is empty: give a path, or - for stdin",
                ));
            }
            Source::File(path) => std::fs::File::open(path).and_then(read_bounded),
        };
        let bytes =
            read.map_err(|err| BadInput::new(format!("cannot read {self}: {}", describe(&err))))?;
        if bytes.len() as u64 > MAX_INPUT_BYTES {
            return Err(BadInput::new(format!(
                "{self} holds more than {} MiB, far more than any catalog, id list or webhook body",
                MAX_INPUT_BYTES >> 20
            )));
        }
        Ok(bytes)
    }

    /// The text, which must be UTF-8; an invalid byte is reported by line and
    /// column. A leading byte-order mark, as some Windows editors write, is dropped.
    pub fn read_text(&self) -> Result<String, BadInput> {
        let mut text = self.read_utf8()?;
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        Ok(text)
    }

    /// [`Self::read_text`] with a leading byte-order mark kept, for a reader
    /// that skips one itself (`diff()`): skipped twice, two marks would pass.
    pub fn read_utf8(&self) -> Result<String, BadInput> {
        String::from_utf8(self.read_bytes()?).map_err(|err| {
            let bytes = err.as_bytes();
            let at = err.utf8_error().valid_up_to();
            let (line, column) = line_column(bytes, at);
            let byte = bytes.get(at).copied().unwrap_or_default();
            BadInput::new(format!(
                "{self} is not UTF-8 text: invalid byte 0x{byte:02x} at line {line}, column {column}"
            ))
        })
    }

    /// Whether a file's name says it holds JSON.
    pub fn is_json_file(&self) -> bool {
        matches!(self, Source::File(path) if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")))
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Stdin => f.write_str("stdin"),
            // A file name is untrusted text too: an escape sequence in it
            // must not reach the terminal through an error message.
            Source::File(path) => f.write_str(&printable(&path.to_string_lossy())),
        }
    }
}

/// A serde_json syntax error as `invalid JSON at line L, column C: what`.
pub fn json_syntax_error(err: &serde_json::Error) -> String {
    let (what, line, column) = crate::strict_json::syntax_parts(err);
    format!("invalid JSON at line {line}, column {column}: {what}")
}

/// `text` as one JSON value, or the reason in words with its line and
/// column. An object that names a key twice is refused, as the library's
/// readers refuse it: serde_json alone would keep the last value unsaid.
pub fn read_json(text: &str) -> Result<serde_json::Value, String> {
    crate::strict_json::from_slice(text.as_bytes()).map_err(|err| match err {
        StrictJsonError::Syntax(err) => json_syntax_error(&err),
        StrictJsonError::RepeatedKey { key, line, column } => format!(
            "invalid JSON at line {line}, column {column}: an object names the key {key:?} twice"
        ),
    })
}

/// Everything `reader` holds, up to one byte past [`MAX_INPUT_BYTES`] (so
/// that the caller can tell "too big" from "exactly the limit").
fn read_bounded(reader: impl Read) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map(|_| bytes)
}

/// An I/O error in words, without the OS error number.
fn describe(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::IsADirectory => "it is a directory, not a file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => err.to_string(),
    }
}

/// The 1-based line and column (in bytes) of `offset` in `bytes`.
pub fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = bytes.get(..offset).unwrap_or(bytes);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (line, offset - line_start + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based() {
        assert_eq!(line_column(b"abc", 0), (1, 1));
        assert_eq!(line_column(b"ab\ncd\xff", 5), (2, 3));
    }

    #[test]
    fn dash_is_stdin() {
        assert_eq!(Source::from_arg(OsStr::new("-")), Source::Stdin);
        assert_eq!(
            Source::from_arg(OsStr::new("a.json")),
            Source::File("a.json".into())
        );
        assert!(Source::from_arg(OsStr::new("a.JSON")).is_json_file());
        assert!(!Source::Stdin.is_json_file());
    }

    #[test]
    fn file_names_print_escaped() {
        let source = Source::from_arg(OsStr::new("a\x1b[31m\nb.json"));
        assert_eq!(source.to_string(), "a\\u{1b}[31m\\nb.json");
    }
}
