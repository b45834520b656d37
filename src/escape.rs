//! Text from outside (ids, catalog text) made safe to print on a terminal or in a log.
//!
//! `core`-only and allocation-free; the command-line tool loads this same file
//! through `#[path]` so that both print untrusted text the same way.

use core::fmt;

/// Whether `c` must be escaped: controls (a newline, an escape sequence) would
/// break a line or drive the terminal; every bidirectional control (Unicode's
/// Bidi_Control set: U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069)
/// would reorder the text around it; the line and paragraph separators would
/// break a line; and the invisible format characters that no script needs to
/// be shaped (the soft hyphen, U+180E, U+200B, U+2060–U+2064, U+206A–U+206F,
/// U+FEFF, U+FFF9–U+FFFB) would hide a difference. The zero-width joiner and
/// non-joiner and the variation selectors stay: emoji sequences and some
/// scripts need them (an id shown in an error escapes them too, see
/// `validate.rs`).
pub fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{FEFF}'
        )
        || matches!(
            c,
            '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// Displays its text with every [`needs_escape`] character written as a Rust
/// escape (`\n`, `\u{1b}`) and everything else as it is.
// The build script and the command use it (they load this file by `#[path]`);
// the library's one user, `validate.rs`, escapes ids more strictly.
#[allow(dead_code)]
pub struct Escaped<'a>(pub &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(at) = rest.find(needs_escape) {
            let (plain, tail) = rest.split_at(at);
            f.write_str(plain)?;
            let mut chars = tail.chars();
            if let Some(c) = chars.next() {
                write!(f, "{}", c.escape_default())?;
            }
            rest = chars.as_str();
        }
        f.write_str(rest)
    }
}
