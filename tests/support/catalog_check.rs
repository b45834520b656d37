//! Checks that generated code holds a catalog exactly: the items the generator
//! always writes and no other, one variant per event, and every catalog string
//! back byte-for-byte from the literals, with docs that cannot become code.
//!
//! Needs `crate::codegen` (src/codegen through `#[path]`) and
//! `crate::generated_code` (tests/support/generated_code.rs) beside it.
#![allow(dead_code)]

use crate::codegen::{self, Catalog, Source};
use crate::generated_code::{self, Element, Generated};

/// The items the generator writes for `catalog`'s twin: the same ids,
/// categories and deprecations, with every name, description and deprecation
/// note replaced by plain words. The item list may depend on the ids (the
/// lookup's shape does), never on the text, so any difference from the twin's
/// list means text became code.
pub fn twin_items(catalog: &Catalog) -> Result<Vec<String>, String> {
    let twin: Vec<serde_json::Value> = catalog
        .events
        .iter()
        .map(|e| {
            let mut entry = serde_json::json!({
                "id": e.id, "name": "Name", "description": "Description", "category": e.category,
            });
            if e.deprecated.is_some() {
                entry["deprecated"] = serde_json::Value::from("Deprecated");
            }
            entry
        })
        .collect();
    let json = serde_json::Value::Array(twin).to_string();
    let code = codegen::generate(&json, "twin.json", Source::Override)
        .map_err(|e| format!("the plain-text twin does not generate: {e}"))?;
    Ok(generated_code::read(&code)?.items)
}

/// The lines a reader sees in the docs for `text`: markdown ends a line at
/// `\r\n`, `\n` or a lone `\r`; the generator drops each line's indentation.
pub fn expected_doc_lines(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .map(|line| line.trim_start().to_owned())
        .collect()
}

fn expect_eq<T: PartialEq + std::fmt::Debug>(
    what: &str,
    found: T,
    expected: T,
) -> Result<(), String> {
    if found == expected {
        Ok(())
    } else {
        Err(format!("{what}: found {found:?}, expected {expected:?}"))
    }
}

/// Checks `code`, generated from `catalog`, against the catalog.
pub fn check_generated(code: &str, catalog: &Catalog) -> Result<(), String> {
    let generated = generated_code::read(code)?;
    expect_eq("top-level items", &generated.items, &twin_items(catalog)?)?;
    check_event_variants(&generated, catalog)?;
    expect_eq(
        "Category variants",
        generated
            .category_variants
            .iter()
            .map(|v| v.name.as_str())
            .collect::<Vec<_>>(),
        catalog
            .categories
            .iter()
            .map(|c| c.variant.as_str())
            .collect(),
    )?;

    let events = &catalog.events;
    let column = |f: fn(&codegen::EventSpec) -> &str| {
        events.iter().map(|e| f(e).to_owned()).collect::<Vec<_>>()
    };
    expect_eq(
        "EVENT_IDS",
        generated.str_array("EVENT_IDS")?,
        column(|e| &e.id),
    )?;
    expect_eq(
        "EVENT_NAMES",
        generated.str_array("EVENT_NAMES")?,
        column(|e| &e.name),
    )?;
    expect_eq(
        "EVENT_DESCRIPTIONS",
        generated.str_array("EVENT_DESCRIPTIONS")?,
        column(|e| &e.description),
    )?;
    let categories = &catalog.categories;
    expect_eq(
        "CATEGORY_IDS",
        generated.str_array("CATEGORY_IDS")?,
        categories.iter().map(|c| c.id.clone()).collect(),
    )?;
    expect_eq(
        "EVENT_DEPRECATIONS",
        generated
            .array("EVENT_DEPRECATIONS")
            .map(<[Element]>::to_vec),
        Some(
            events
                .iter()
                .enumerate()
                .filter_map(|(index, e)| Some(Element::IndexedStr(index, e.deprecated.clone()?)))
                .collect(),
        ),
    )?;
    check_catalog_json(&generated, catalog)
}

fn check_event_variants(generated: &Generated, catalog: &Catalog) -> Result<(), String> {
    expect_eq(
        "EventId variants",
        generated
            .event_variants
            .iter()
            .map(|v| v.name.as_str())
            .collect::<Vec<_>>(),
        catalog.events.iter().map(|e| e.variant.as_str()).collect(),
    )?;
    for (variant, event) in generated.event_variants.iter().zip(&catalog.events) {
        let at = format!("EventId::{}", variant.name);
        expect_eq(
            &format!("{at} deprecation note"),
            &variant.deprecated,
            &event.deprecated,
        )?;
        // The generator's own line names the id in backticks: ids are
        // validated to [a-z0-9_.], so that code span is the only markup.
        let id_line = format!("Id: `{}`", event.id);
        let mut shown = Vec::new();
        for line in variant.docs.iter().filter(|line| **line != id_line) {
            if !generated_code::doc_line_is_inert(line) {
                return Err(format!(
                    "{at}: doc line {line:?} could be read as markdown code or markup"
                ));
            }
            shown.push(generated_code::unescape_doc_line(line).unwrap_or_default());
        }
        let shown = shown.join("\n");
        for (field, text) in [("name", &event.name), ("description", &event.description)] {
            let expected = expected_doc_lines(text).join("\n");
            if !shown.contains(&expected) {
                return Err(format!(
                    "{at}: the docs {shown:?} do not show the {field} {expected:?}"
                ));
            }
        }
    }
    Ok(())
}

fn check_catalog_json(generated: &Generated, catalog: &Catalog) -> Result<(), String> {
    let json = generated
        .string("CATALOG_JSON")
        .ok_or("no static CATALOG_JSON")?;
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| format!("CATALOG_JSON is not JSON: {e}"))?;
    let expected: Vec<serde_json::Value> = catalog
        .events
        .iter()
        .map(|e| {
            serde_json::json!({
                "id": e.id, "name": e.name, "description": e.description, "category": e.category,
            })
        })
        .collect();
    expect_eq("CATALOG_JSON", value, serde_json::Value::Array(expected))
}
