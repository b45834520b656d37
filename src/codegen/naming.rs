//! How catalog ids and categories become Rust names and display names.

use super::error::Quoted;

/// UpperCamelCase of the words of an id or category, split on `.` and `_`:
/// `agent.status_changed` → `AgentStatusChanged`.
pub fn variant_name(id: &str) -> String {
    id.split(['.', '_'])
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// Title Case of a category's words: `prospect` → `Prospect`, `team_member` → `Team Member`.
pub fn title_case(category: &str) -> String {
    category
        .split('_')
        .map(variant_name)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Checks one id segment against `[a-z][a-z0-9]*(_[a-z0-9]+)*`, saying what is wrong.
pub fn check_segment(segment: &str) -> Result<(), String> {
    let Some(first) = segment.bytes().next() else {
        return Err("it has an empty segment".into());
    };
    if !first.is_ascii_lowercase() {
        return Err(format!(
            "segment {} must start with a lowercase ASCII letter",
            Quoted(segment)
        ));
    }
    if let Some(bad) = segment
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_'))
    {
        return Err(format!(
            "segment {} has {bad:?}; only a-z, 0-9 and single underscores between them are allowed",
            Quoted(segment)
        ));
    }
    if segment.ends_with('_') || segment.contains("__") {
        return Err(format!(
            "segment {} has a trailing or doubled underscore",
            Quoted(segment)
        ));
    }
    Ok(())
}

/// Checks a whole id: two or more segments joined by `.`.
pub fn check_id(id: &str) -> Result<(), String> {
    let segments: Vec<&str> = id.split('.').collect();
    if segments.len() < 2 {
        return Err("it has one segment; add a category prefix such as \"prospect.\"".into());
    }
    segments.into_iter().try_for_each(check_segment)
}

/// Names of associated items a variant must not take: `EventId::ALL` would
/// otherwise be ambiguous between a variant and the constant.
pub const RESERVED_VARIANTS: &[(&str, &str)] = &[
    ("ALL", "the associated constant ALL"),
    (
        "COUNT",
        "the associated constant COUNT (and strum's EnumCount::COUNT)",
    ),
    (
        "VARIANTS",
        "strum's VariantArray::VARIANTS and VariantNames::VARIANTS",
    ),
    ("Self", "the keyword Self"),
];
