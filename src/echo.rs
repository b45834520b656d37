// How much outside text a message echoes: its first 64 bytes, cut at a char
// boundary, then `…`, so that a hostile 10 MiB id or key never makes a 10 MiB
// message line.
//
// One file for both sides of the crate: strict_json.rs loads it by `#[path]`
// (for the library's and the command's JSON errors, and `diff`'s ids), and so
// does src/codegen (for the build's catalog errors). It needs only `std`.

use std::borrow::Cow;

/// How many bytes of outside text a message keeps, as `UnknownEventId` does.
pub const ECHOED: usize = 64;

/// At most [`ECHOED`] bytes of `text`, cut at a char boundary, ending in `…`
/// when cut; borrowed when nothing is cut.
pub fn bounded(text: &str) -> Cow<'_, str> {
    if text.len() <= ECHOED {
        return text.into();
    }
    format!("{}…", prefix(text, ECHOED)).into()
}

/// The longest start of `text` of at most `max` bytes that ends on a char
/// boundary.
pub fn prefix(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}
