//! Colour for people at a terminal, plain text for everything else, and text
//! made safe to print.

use std::io::IsTerminal;

use crate::escape::{Escaped, EscapedId, needs_escape, needs_escape_in_id};

/// Whether stdout gets ANSI colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    color: bool,
}

impl Style {
    /// Colour when stdout is a terminal, never under `NO_COLOR` (any non-empty
    /// value, per no-color.org) or `TERM=dumb`. `CLICOLOR_FORCE` (non-empty,
    /// not `0`) forces it for a pager that understands it, and for tests.
    pub fn for_stdout() -> Self {
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        let color = if var("NO_COLOR").is_some() {
            false
        } else if var("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
            true
        } else {
            std::io::stdout().is_terminal() && var("TERM").is_none_or(|t| t != "dumb")
        };
        Self { color }
    }

    #[cfg(test)]
    pub fn plain() -> Self {
        Self { color: false }
    }

    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    pub fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }

    pub fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }

    pub fn id(self, text: &str) -> String {
        self.paint("36", text)
    }

    pub fn good(self, text: &str) -> String {
        self.paint("32", text)
    }

    pub fn bad(self, text: &str) -> String {
        self.paint("31", text)
    }

    pub fn warn(self, text: &str) -> String {
        self.paint("33", text)
    }
}

/// Catalog or remote text for a terminal: control characters (a newline, an
/// escape sequence) come out escaped, so no text can break a table or drive
/// the terminal; so do invisible and bidirectional formatting characters, so
/// no text can reorder or hide what is printed around it. The rule is the
/// library's own (`src/escape.rs`), so the command and the library's error
/// messages escape the same characters.
pub fn printable(text: &str) -> String {
    if text.chars().any(needs_escape) {
        Escaped(text).to_string()
    } else {
        text.to_owned()
    }
}

/// A remote id for a terminal: as [`printable`], and also every character
/// that `{:?}` escapes (a zero-width joiner, a variation selector, a
/// combining mark), as the library's messages show ids, so that an id that
/// is a real one plus an invisible character does not look like the real one.
pub fn printable_id(id: &str) -> String {
    if id.chars().any(needs_escape_in_id) {
        EscapedId(id).to_string()
    } else {
        id.to_owned()
    }
}

/// The widest a padded column gets, in characters. Text longer than this is
/// printed as it is, unpadded: padding every line to the width of one huge id
/// from the input would make the output grow with (longest × count) rather
/// than with the input.
pub const MAX_PAD: usize = 40;

/// The width to pad a column to: the longest of `widths` that is at most
/// [`MAX_PAD`], or 0 when there is none.
pub fn column_width(widths: impl IntoIterator<Item = usize>) -> usize {
    widths
        .into_iter()
        .filter(|&w| w <= MAX_PAD)
        .max()
        .unwrap_or(0)
}

/// `text` padded with spaces to `width` characters (not bytes).
pub fn pad(text: &str, width: usize) -> String {
    let len = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(len)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(printable("a\nb\x1b[31m"), "a\\nb\\u{1b}[31m");
        assert_eq!(printable("plain – text"), "plain – text");
        assert_eq!(
            printable("a\u{202E}gnp.exe\u{2066}"),
            "a\\u{202e}gnp.exe\\u{2066}"
        );
        assert_eq!(printable("x\u{2028}\u{feff}"), "x\\u{2028}\\u{feff}");
        let family = "\u{1F469}\u{200D}\u{1F467}";
        assert_eq!(printable(family), family, "emoji keep their joiners");
        // Text that real scripts need stays: Arabic letter mark aside (a bidi
        // control), Persian's non-joiner, Mongolian's vowel separator, the
        // soft hyphen, a variation selector.
        assert_eq!(printable("a\u{61c}b"), "a\\u{61c}b");
        for text in [
            "می\u{200c}خواهم",
            "ᠬᠠᠷ\u{180e}ᠠ",
            "Donau\u{ad}dampf",
            "\u{2764}\u{fe0f}",
        ] {
            assert_eq!(printable(text), text);
        }
    }

    #[test]
    fn remote_ids_escape_what_debug_escapes() {
        assert_eq!(printable_id("message.sent"), "message.sent");
        assert_eq!(printable_id("prospéct.x"), "prospéct.x");
        for (id, shown) in [
            ("zwj.family\u{200d}", "zwj.family\\u{200d}"),
            ("nfd.accent\u{fe0f}", "nfd.accent\\u{fe0f}"),
            ("a\u{0}b\n", "a\\0b\\n"),
            ("x\u{2060}", "x\\u{2060}"),
        ] {
            assert_eq!(printable_id(id), shown);
            // The same escapes as `{:?}`, without its quotes.
            assert_eq!(format!("{id:?}"), format!("\"{shown}\""));
        }
    }

    #[test]
    fn padding_counts_characters() {
        assert_eq!(pad("é", 3), "é  ");
        assert_eq!(pad("long", 2), "long");
    }

    #[test]
    fn column_width_ignores_text_longer_than_the_cap() {
        assert_eq!(column_width([3, 7, 5]), 7);
        assert_eq!(column_width([3, MAX_PAD + 1, 5]), 5);
        assert_eq!(column_width([MAX_PAD, 1 << 20]), MAX_PAD);
        assert_eq!(column_width([1 << 20]), 0);
        assert_eq!(column_width([]), 0);
    }

    #[test]
    fn plain_style_adds_nothing() {
        assert_eq!(Style::plain().bold("x"), "x");
        assert_eq!(Style { color: true }.bold("x"), "\x1b[1mx\x1b[0m");
    }
}
