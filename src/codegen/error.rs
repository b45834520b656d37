//! Every way a catalog can be wrong, one variant each, and how each is told.

use std::fmt;

pub use super::echo::bounded;
use super::escape::Escaped;

/// Where in the catalog a problem is: the entry's 0-based index, and its id
/// when it has a readable one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Position {
    pub index: usize,
    pub id: Option<String>,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "event [{}] (id {})", self.index, Quoted(id)),
            None => write!(f, "event [{}]", self.index),
        }
    }
}

/// Catalog text in a message: [`bounded`], then quoted and escaped as Rust
/// writes a string (`"a\nb"`), so it cannot break the line.
pub struct Quoted<'a>(pub &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", bounded(self.0))
    }
}

/// Which text check a name or description failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextProblem {
    Empty,
    Padded,
    /// Only characters that draw nothing (zero-width, joiners, tags, …).
    Invisible,
}

/// One problem with a catalog. The build reports every one it finds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatalogError {
    /// The file is not JSON.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// The top level is not an array.
    NotAnArray { found: &'static str },
    /// The top level is `[]`.
    Empty,
    /// More events than the generated tables can index.
    TooManyEvents { count: usize, max: usize },
    /// An entry is not an object.
    EntryNotObject { at: Position, found: &'static str },
    /// A required field is absent.
    MissingField { at: Position, field: &'static str },
    /// A field holds something other than a string.
    NotAString {
        at: Position,
        field: &'static str,
        found: &'static str,
    },
    /// A field given twice in one entry (JSON readers keep one and drop the other).
    DuplicateField { at: Position, field: String },
    /// A field the API shape does not have (a typo guard).
    UnknownField {
        at: Position,
        field: String,
        suggestion: Option<&'static str>,
    },
    /// An id that is not two or more `[a-z][a-z0-9]*(_[a-z0-9]+)*` segments joined by dots.
    InvalidId { at: Position, reason: String },
    /// `category` differs from the id's first segment.
    CategoryMismatch {
        at: Position,
        category: String,
        expected: String,
    },
    /// The same id twice.
    DuplicateId { at: Position, first: usize },
    /// Two ids that give one Rust variant name.
    VariantCollision {
        at: Position,
        variant: String,
        other: Position,
    },
    /// Two categories that give one Rust variant name; told once, at the
    /// first entry of the second category, which `events` entries use.
    CategoryVariantCollision {
        at: Position,
        category: String,
        variant: String,
        other: String,
        events: usize,
    },
    /// An id whose variant name would shadow an associated item.
    ReservedVariant {
        at: Position,
        variant: String,
        item: &'static str,
    },
    /// A category whose variant name would shadow an associated item; told
    /// once, at its first entry, with how many entries use it.
    ReservedCategoryVariant {
        at: Position,
        category: String,
        variant: String,
        item: &'static str,
        events: usize,
    },
    /// An empty or whitespace-padded text field.
    BadText {
        at: Position,
        field: &'static str,
        problem: TextProblem,
    },
}

impl CatalogError {
    /// The index of the entry the problem is in, if it is in one.
    pub fn index(&self) -> Option<usize> {
        match self {
            Self::Syntax { .. }
            | Self::NotAnArray { .. }
            | Self::Empty
            | Self::TooManyEvents { .. } => None,
            Self::EntryNotObject { at, .. }
            | Self::MissingField { at, .. }
            | Self::NotAString { at, .. }
            | Self::DuplicateField { at, .. }
            | Self::UnknownField { at, .. }
            | Self::InvalidId { at, .. }
            | Self::CategoryMismatch { at, .. }
            | Self::DuplicateId { at, .. }
            | Self::VariantCollision { at, .. }
            | Self::CategoryVariantCollision { at, .. }
            | Self::ReservedVariant { at, .. }
            | Self::ReservedCategoryVariant { at, .. }
            | Self::BadText { at, .. } => Some(at.index),
        }
    }
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Syntax {
                line,
                column,
                message,
            } => write!(
                f,
                // The parser's message may quote the offending character.
                "{line}:{column}: invalid JSON: {}; the catalog must be the JSON array that GET /v1/webhooks/test/events returns",
                Escaped(message)
            ),
            Self::NotAnArray { found } => write!(
                f,
                "the top level is {found}; expected an array of events like [{{\"id\": \"prospect.qualified\", \"name\": \"…\", \"description\": \"…\", \"category\": \"prospect\"}}]"
            ),
            Self::Empty => write!(f, "the catalog is an empty array; add at least one event"),
            Self::TooManyEvents { count, max } => write!(
                f,
                "the catalog has {count} events, more than the {max} this crate supports; split it"
            ),
            Self::EntryNotObject { at, found } => write!(
                f,
                "{at}: expected an object with \"id\", \"name\", \"description\" and \"category\", found {found}"
            ),
            Self::MissingField { at, field } => {
                write!(f, "{at}: missing field {field:?}; add it as a string")
            }
            Self::NotAString { at, field, found } => {
                write!(f, "{at}: field {field:?} is {found}; it must be a string")
            }
            Self::DuplicateField { at, field } => write!(
                f,
                "{at}: field {} is given more than once; keep one",
                Quoted(field)
            ),
            Self::UnknownField {
                at,
                field,
                suggestion,
            } => {
                write!(f, "{at}: unknown field {}", Quoted(field))?;
                if let Some(suggestion) = suggestion {
                    write!(f, " (did you mean {suggestion:?}?)")?;
                }
                write!(
                    f,
                    "; the allowed fields are id, name, description, category and deprecated"
                )
            }
            Self::InvalidId { at, reason } => write!(
                f,
                "{at}: invalid id: {reason}; an id is two or more dot-separated segments, each matching [a-z][a-z0-9]*(_[a-z0-9]+)*, like \"prospect.qualified\""
            ),
            Self::CategoryMismatch {
                at,
                category,
                expected,
            } => {
                let (category, expected) = (Quoted(category), Quoted(expected));
                write!(
                    f,
                    "{at}: category {category} differs from the id's first segment {expected}; set \"category\": {expected} or rename the id"
                )
            }
            Self::DuplicateId { at, first } => write!(
                f,
                "{at}: duplicate id, first defined at event [{first}]; remove one of them"
            ),
            Self::VariantCollision { at, variant, other } => write!(
                f,
                "{at}: gives the Rust variant EventId::{}, which {other} already gives; rename one of the ids",
                bounded(variant)
            ),
            Self::CategoryVariantCollision {
                at,
                category,
                variant,
                other,
                events,
            } => {
                write!(
                    f,
                    "{at}: category {} gives the Rust variant Category::{}, which category {} already gives; rename one of the categories",
                    Quoted(category),
                    bounded(variant),
                    Quoted(other)
                )?;
                used_by(f, category, *events)
            }
            Self::ReservedVariant { at, variant, item } => write!(
                f,
                "{at}: gives the Rust variant {variant}, which would clash with {item}; rename it"
            ),
            Self::ReservedCategoryVariant {
                at,
                category,
                variant,
                item,
                events,
            } => {
                write!(
                    f,
                    "{at}: category {} gives the Rust variant Category::{variant}, which would clash with {item}; rename the category",
                    Quoted(category)
                )?;
                used_by(f, category, *events)
            }
            Self::BadText { at, field, problem } => match problem {
                TextProblem::Empty => write!(f, "{at}: field {field:?} is empty; write the text"),
                TextProblem::Padded => write!(
                    f,
                    "{at}: field {field:?} has leading or trailing whitespace; trim it"
                ),
                TextProblem::Invisible => write!(
                    f,
                    "{at}: field {field:?} holds only invisible characters; write the text"
                ),
            },
        }
    }
}

/// ` (N events use "category")` after a category's problem, which is told
/// once for all of them; nothing when only one does.
fn used_by(f: &mut fmt::Formatter<'_>, category: &str, events: usize) -> fmt::Result {
    if events > 1 {
        write!(f, " ({events} events use {})", Quoted(category))?;
    }
    Ok(())
}

/// All the problems found in one catalog file, each told on its own line as
/// `error: FILE: …`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogErrors {
    /// The file as the user named it (never made absolute).
    pub origin: String,
    pub errors: Vec<CatalogError>,
}

impl fmt::Display for CatalogErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, error) in self.errors.iter().enumerate() {
            if n > 0 {
                writeln!(f)?;
            }
            // A syntax error already starts with its line:column.
            let sep = if matches!(error, CatalogError::Syntax { .. }) {
                ":"
            } else {
                ": "
            };
            // The origin is a path the user gave: shown escaped, so that
            // the line stays one line of plain text whatever the path holds.
            write!(f, "error: {}{sep}{error}", Escaped(&self.origin))?;
        }
        Ok(())
    }
}

impl std::error::Error for CatalogErrors {}
