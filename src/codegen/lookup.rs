//! The generated `find_event_id`: from an id string to its `EventId`.

use std::fmt::Write as _;

use super::catalog::Catalog;
use super::emit::string_literal;

/// Emits `fn find_event_id(&str) -> Option<EventId>`.
pub fn emit_lookup(out: &mut String, catalog: &Catalog) {
    let _ = writeln!(out, "#[inline]");
    let _ = writeln!(out, "pub(crate) fn find_event_id(id: &str) -> Option<EventId> {{");
    let _ = writeln!(out, "    match id {{");
    for event in &catalog.events {
        let _ = writeln!(out, "        {} => Some(EventId::{}),", string_literal(&event.id), event.variant);
    }
    let _ = writeln!(out, "        _ => None,");
    let _ = writeln!(out, "    }}");
    let _ = writeln!(out, "}}");
}
