//! Text from outside (ids, catalog text) made safe to print on a terminal or in a log.
//!
//! `core`-only and allocation-free; the command-line tool loads this same file
//! through `#[path]` so that both print untrusted text the same way.

use core::fmt;

/// Whether `c` must be escaped: controls (a newline, an escape sequence) would
/// break a line or drive the terminal, and invisible or bidirectional
/// formatting characters would reorder or hide the text around them. The
/// zero-width joiner stays: emoji sequences need it.
pub fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{FEFF}')
        || matches!(c, '\u{2028}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Displays its text with every [`needs_escape`] character written as a Rust
/// escape (`\n`, `\u{1b}`) and everything else as it is.
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
