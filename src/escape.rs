//! Text from outside (ids, catalog text) made safe to print on a terminal or in a log.
//!
//! `core`-only and allocation-free; the command-line tool loads this same file
//! through `#[path]` so that both print untrusted text the same way.

use core::fmt;

/// Whether `c` must be escaped in text: controls (a newline, an escape
/// sequence) would break a line or drive the terminal; every bidirectional
/// control (Unicode's Bidi_Control set: U+061C, U+200E, U+200F,
/// U+202A–U+202E, U+2066–U+2069) would reorder the text around it; the line
/// and paragraph separators would break a line; and U+200B, U+FEFF and the
/// deprecated format characters U+206A–U+206F would hide or change it
/// unseen. Characters that real text needs stay: the zero-width joiner and
/// non-joiner, variation selectors and tags (emoji, Persian, Indic scripts),
/// the soft hyphen and word joiner (hyphenation), U+180E (Mongolian
/// spelling). An id has no such needs: see [`needs_escape_in_id`].
pub fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{FEFF}'
        )
        || matches!(
            c,
            '\u{2028}'..='\u{202E}' | '\u{2066}'..='\u{206F}'
        )
}

/// Whether `c` must be escaped in an id shown to a person: [`needs_escape`],
/// and every other character that `{:?}` escapes (invisible, combining,
/// unassigned), so that a rejected or remote id that is a real one plus an
/// invisible character does not look like the real one. Letters outside
/// ASCII stay as they are.
pub fn needs_escape_in_id(c: char) -> bool {
    needs_escape(c) || (!c.is_ascii() && c.escape_debug().next() == Some('\\'))
}

/// Displays its text with every [`needs_escape`] character written as a Rust
/// escape (`\n`, `\u{1b}`) and everything else as it is.
// The build script and the command use it (they load this file by `#[path]`);
// the library shows only ids, through `EscapedId`.
#[allow(dead_code)]
pub struct Escaped<'a>(pub &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_escaped(f, self.0, needs_escape, |f, c| {
            write!(f, "{}", c.escape_default())
        })
    }
}

/// Displays an id with every [`needs_escape_in_id`] character written as
/// `{:?}` writes it (`\0`, `\u{200d}`) and everything else as it is.
pub struct EscapedId<'a>(pub &'a str);

impl fmt::Display for EscapedId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_escaped(f, self.0, needs_escape_in_id, |f, c| {
            write!(f, "{}", c.escape_debug())
        })
    }
}

/// Writes `text`, each character `needs` flags through `escape`.
fn write_escaped(
    f: &mut fmt::Formatter<'_>,
    text: &str,
    needs: fn(char) -> bool,
    escape: fn(&mut fmt::Formatter<'_>, char) -> fmt::Result,
) -> fmt::Result {
    let mut rest = text;
    while let Some(at) = rest.find(needs) {
        let (plain, tail) = rest.split_at(at);
        f.write_str(plain)?;
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            escape(f, c)?;
        }
        rest = chars.as_str();
    }
    f.write_str(rest)
}
