//! Parsing and validating `events.json` into a [`Catalog`].

use std::collections::{HashMap, HashSet};

use super::error::{CatalogError, Position, TextProblem};
use super::json::{self, Json};
use super::naming::{RESERVED_VARIANTS, check_id, title_case, variant_name};
use super::suggest;

/// The fields an entry may have, in the API's order, then ours.
pub const FIELDS: [&str; 5] = ["id", "name", "description", "category", "deprecated"];

/// The most events a catalog may hold: the lookup tables index with `u16`.
pub const MAX_EVENTS: usize = u16::MAX as usize;

/// One validated event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventSpec {
    pub id: String,
    pub name: String,
    pub description: String,
    pub category: String,
    pub deprecated: Option<String>,
    /// The `EventId` variant, from the id.
    pub variant: String,
    /// Index into [`Catalog::categories`].
    pub category_index: usize,
}

/// One category, in order of first appearance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategorySpec {
    pub id: String,
    pub name: String,
    pub variant: String,
    /// Indexes into [`Catalog::events`], in catalog order.
    pub events: Vec<usize>,
}

/// Whether `c` draws nothing by itself: white space, a control, any of
/// Unicode's Default_Ignorable_Code_Point characters (bidi controls,
/// zero-width characters, joiners, the soft hyphen, Hangul fillers, variation
/// selectors, tags, …; the list below), or the braille blank.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{AD}'
                | '\u{34F}'
                | '\u{61C}'
                | '\u{115F}'..='\u{1160}'
                | '\u{17B4}'..='\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFF8}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// A catalog that passed every check, ready to emit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalog {
    pub events: Vec<EventSpec>,
    pub categories: Vec<CategorySpec>,
}

fn check_text(at: &Position, field: &'static str, text: &str, errors: &mut Vec<CatalogError>) {
    // An id or a category with such characters is told as a bad id or a
    // category mismatch; text made of nothing else shows as blank.
    let free_text = !matches!(field, "id" | "category");
    let problem = if text.trim().is_empty() {
        Some(TextProblem::Empty)
    } else if text.trim() != text {
        Some(TextProblem::Padded)
    } else if free_text && text.chars().all(invisible) {
        Some(TextProblem::Invisible)
    } else {
        None
    };
    if let Some(problem) = problem {
        errors.push(CatalogError::BadText {
            at: at.clone(),
            field,
            problem,
        });
    }
}

/// Parses and validates a catalog, returning every problem found.
pub fn parse_catalog(json: &str) -> Result<Catalog, Vec<CatalogError>> {
    let value = json::parse(json).map_err(|e| {
        vec![CatalogError::Syntax {
            line: e.line,
            column: e.column,
            message: e.message,
        }]
    })?;
    let entries = match &value {
        Json::Array(entries) if entries.is_empty() => return Err(vec![CatalogError::Empty]),
        Json::Array(entries) => entries,
        other => {
            return Err(vec![CatalogError::NotAnArray {
                found: other.kind(),
            }]);
        }
    };
    if entries.len() > MAX_EVENTS {
        return Err(vec![CatalogError::TooManyEvents {
            count: entries.len(),
            max: MAX_EVENTS,
        }]);
    }

    let mut errors = Vec::new();
    let checked: Vec<Checked> = entries
        .iter()
        .enumerate()
        .map(|(index, entry)| check_entry(index, entry, &mut errors))
        .collect();
    let catalog = check_catalog(checked, &mut errors);
    if errors.is_empty() {
        Ok(catalog)
    } else {
        // Cross-entry checks run last; tell the problems in file order.
        errors.sort_by_key(CatalogError::index);
        Err(errors)
    }
}

/// An entry whose own fields are all well formed, before cross-entry checks.
struct Entry {
    id: String,
    name: String,
    description: String,
    category: String,
    deprecated: Option<String>,
}

/// What one entry gives the cross-entry checks. An entry with a problem of
/// its own still takes part in them through whatever of it is valid, so that
/// one problem never hides another (a padded name must not hide that the id
/// is a duplicate).
struct Checked {
    index: usize,
    /// The id, when it is itself valid.
    id: Option<String>,
    /// The category, when the id is valid and the category matches it.
    category: Option<String>,
    /// The category field as written, to count the entries that use one.
    category_text: Option<String>,
    /// The whole entry, when it has no problem of its own.
    entry: Option<Entry>,
}

/// Checks one entry on its own.
fn check_entry(index: usize, entry: &Json, errors: &mut Vec<CatalogError>) -> Checked {
    let mut checked = Checked {
        index,
        id: None,
        category: None,
        category_text: None,
        entry: None,
    };
    let id = entry.get("id").and_then(Json::as_str).map(str::to_owned);
    let at = Position {
        index,
        id: id.clone(),
    };
    let Json::Object(members) = entry else {
        errors.push(CatalogError::EntryNotObject {
            at,
            found: entry.kind(),
        });
        return checked;
    };

    // Each key in file order: a repeat is a problem of its own, told once
    // however often the key comes back, and an unknown key is told once too
    // (sets, not scans of what was found so far, so that a hostile entry
    // cannot make this quadratic).
    let mut seen = HashSet::new();
    let mut reported = HashSet::new();
    let mut repeated = Vec::new();
    let mut unknown = Vec::new();
    for (key, _) in members {
        if seen.insert(key.as_str()) {
            if !FIELDS.contains(&key.as_str()) {
                unknown.push(key);
            }
        } else if reported.insert(key.as_str()) {
            repeated.push(key);
        }
    }
    errors.extend(
        repeated
            .into_iter()
            .map(|field| CatalogError::DuplicateField {
                at: at.clone(),
                field: field.clone(),
            }),
    );
    let before = errors.len();
    for field in unknown {
        let suggestion = suggest::nearest(field, FIELDS).and_then(|i| FIELDS.get(i).copied());
        errors.push(CatalogError::UnknownField {
            at: at.clone(),
            field: field.clone(),
            suggestion,
        });
    }

    let mut text = |field: &'static str, required: bool| -> Option<String> {
        match entry.get(field) {
            Some(Json::String(s)) => {
                check_text(&at, field, s, errors);
                Some(s.clone())
            }
            Some(other) => {
                errors.push(CatalogError::NotAString {
                    at: at.clone(),
                    field,
                    found: other.kind(),
                });
                None
            }
            None => {
                if required {
                    errors.push(CatalogError::MissingField {
                        at: at.clone(),
                        field,
                    });
                }
                None
            }
        }
    };
    let id = text("id", true);
    let name = text("name", true);
    let description = text("description", true);
    let category = text("category", true);
    let deprecated = text("deprecated", false);
    checked.category_text.clone_from(&category);

    // An empty or padded id or category has been told above, once: what is
    // checked here is its trimmed text, so that the same problem is not told
    // again as a bad segment (" a.b"), a missing prefix ("") or a mismatch.
    if let Some(id) = &id {
        let trimmed = id.trim();
        match check_id(trimmed) {
            _ if trimmed.is_empty() => {}
            Err(reason) => errors.push(CatalogError::InvalidId {
                at: at.clone(),
                reason,
            }),
            Ok(()) => {
                let valid = trimmed == id;
                if valid {
                    checked.id = Some(id.clone());
                }
                let expected = trimmed.split('.').next().unwrap_or_default();
                match &category {
                    Some(given) if valid && given == expected => {
                        checked.category = Some(given.clone());
                    }
                    // Empty, or it matches once trimmed: told as such above.
                    Some(given) if given.trim().is_empty() || given.trim() == expected => {}
                    Some(given) => errors.push(CatalogError::CategoryMismatch {
                        at: at.clone(),
                        category: given.clone(),
                        expected: expected.to_owned(),
                    }),
                    None => {}
                }
            }
        }
    }
    if errors.len() == before {
        if let (Some(id), Some(name), Some(description), Some(category)) =
            (id, name, description, category)
        {
            checked.entry = Some(Entry {
                id,
                name,
                description,
                category,
                deprecated,
            });
        }
    }
    checked
}

/// Cross-entry checks (duplicates and name collisions) on every valid id
/// and category, whatever else is wrong with its entry, then assembly of the
/// entries that have no problem (the catalog is only used when none has).
fn check_catalog(entries: Vec<Checked>, errors: &mut Vec<CatalogError>) -> Catalog {
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut by_variant: HashMap<String, Position> = HashMap::new();
    let mut category_by_variant: HashMap<String, String> = HashMap::new();
    // A category's index in `categories`, or `None` once it has been told
    // to be unusable: that is told once, at its first entry, not at each.
    let mut category_index: HashMap<String, Option<usize>> = HashMap::new();
    let mut categories: Vec<CategorySpec> = Vec::new();
    let mut events = Vec::with_capacity(entries.len());
    let mut uses: HashMap<&str, usize> = HashMap::new();
    for category in entries.iter().filter_map(|c| c.category_text.as_deref()) {
        *uses.entry(category).or_default() += 1;
    }
    let uses: HashMap<String, usize> = uses
        .into_iter()
        .map(|(category, n)| (category.to_owned(), n))
        .collect();

    for checked in entries {
        let Some(id) = checked.id else { continue };
        let at = Position {
            index: checked.index,
            id: Some(id.clone()),
        };
        if let Some(&first) = by_id.get(&id) {
            // Its variant and category are the first one's: nothing more to tell.
            errors.push(CatalogError::DuplicateId { at, first });
            continue;
        }
        by_id.insert(id.clone(), checked.index);

        let variant = variant_name(&id);
        if let Some(&(_, item)) = RESERVED_VARIANTS.iter().find(|(name, _)| *name == variant) {
            errors.push(CatalogError::ReservedVariant {
                at: at.clone(),
                variant: format!("EventId::{variant}"),
                item,
            });
        } else if let Some(other) = by_variant.get(&variant) {
            errors.push(CatalogError::VariantCollision {
                at: at.clone(),
                variant: variant.clone(),
                other: other.clone(),
            });
        } else {
            by_variant.insert(variant.clone(), at.clone());
        }

        let Some(category_id) = checked.category else {
            continue;
        };
        let category = match category_index.get(&category_id) {
            Some(&Some(existing)) => existing,
            Some(None) => continue,
            None => {
                let category_variant = variant_name(&category_id);
                let events = uses.get(&category_id).copied().unwrap_or(1);
                if let Some(&(_, item)) = RESERVED_VARIANTS
                    .iter()
                    .find(|(name, _)| *name == category_variant)
                {
                    errors.push(CatalogError::ReservedCategoryVariant {
                        at,
                        category: category_id.clone(),
                        variant: category_variant,
                        item,
                        events,
                    });
                    category_index.insert(category_id, None);
                    continue;
                }
                if let Some(other) = category_by_variant.get(&category_variant) {
                    errors.push(CatalogError::CategoryVariantCollision {
                        at,
                        category: category_id.clone(),
                        variant: category_variant,
                        other: other.clone(),
                        events,
                    });
                    category_index.insert(category_id, None);
                    continue;
                }
                category_by_variant.insert(category_variant.clone(), category_id.clone());
                category_index.insert(category_id.clone(), Some(categories.len()));
                categories.push(CategorySpec {
                    id: category_id.clone(),
                    name: title_case(&category_id),
                    variant: category_variant,
                    events: Vec::new(),
                });
                categories.len() - 1
            }
        };
        let Some(entry) = checked.entry else { continue };
        if let Some(spec) = categories.get_mut(category) {
            spec.events.push(events.len());
        }
        events.push(EventSpec {
            id: entry.id,
            name: entry.name,
            description: entry.description,
            category: entry.category,
            deprecated: entry.deprecated,
            variant,
            category_index: category,
        });
    }
    Catalog { events, categories }
}
