//! Reads the generator's output back as Rust, with `syn`, so that tests and the
//! `generator` fuzz target can check what the code *is*, not what it looks
//! like: which items exist, which variants, and the exact value of every
//! string literal. If catalog text ever escaped its literal, the parse here
//! would fail or find an item, attribute or variant that should not exist.
//!
//! Shared through `#[path]` by tests/proptest_codegen.rs, tests/build_e2e.rs
//! and fuzz/fuzz_targets/generator.rs.
#![allow(dead_code)]

use syn::{Attribute, Expr, Fields, Item, Lit, Meta};

/// One enum variant: its name, the lines of its docs and its deprecation note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    pub name: String,
    pub docs: Vec<String>,
    pub deprecated: Option<String>,
}

/// One element of a generated `static` array.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Element {
    /// A string literal, by value.
    Str(String),
    /// `Some("…")`, by value.
    SomeStr(String),
    /// `None`.
    None,
    /// `(index, "…")`: an integer and a string literal, by value.
    IndexedStr(usize, String),
    /// Anything else: a path such as `Category::Prospect` as text, or what kind of expression.
    Other(String),
}

/// What the generated module holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Generated {
    /// Every top-level item, as `kind name` (`enum EventId`, `static EVENT_IDS`).
    pub items: Vec<String>,
    pub event_variants: Vec<Variant>,
    pub category_variants: Vec<Variant>,
    /// Every `static` or `const NAME: [T; N] = [...]`, by name.
    pub arrays: Vec<(String, Vec<Element>)>,
    /// Every `static NAME: &str = "..."`, by name and value.
    pub strings: Vec<(String, String)>,
}

impl Generated {
    /// The elements of the static or const array `name`, if there is one.
    pub fn array(&self, name: &str) -> Option<&[Element]> {
        self.arrays
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, e)| e.as_slice())
    }

    /// The string elements of the static or const array `name`, or why it has none.
    pub fn str_array(&self, name: &str) -> Result<Vec<String>, String> {
        let elements = self
            .array(name)
            .ok_or_else(|| format!("no static array {name}"))?;
        elements
            .iter()
            .map(|e| match e {
                Element::Str(s) => Ok(s.clone()),
                other => Err(format!("{name} holds {other:?}, not a string literal")),
            })
            .collect()
    }

    /// The value of the string static `name`.
    pub fn string(&self, name: &str) -> Option<&str> {
        self.strings
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Parses generated code; fails on anything the generator never writes.
pub fn read(code: &str) -> Result<Generated, String> {
    let file =
        syn::parse_file(code).map_err(|e| format!("the generated code does not parse: {e}"))?;
    if !file.attrs.is_empty() {
        return Err("the generated code has inner attributes".into());
    }
    let mut generated = Generated::default();
    for item in &file.items {
        match item {
            Item::Enum(e) => {
                generated.items.push(format!("enum {}", e.ident));
                let mut variants = Vec::new();
                for v in &e.variants {
                    if !matches!(v.fields, Fields::Unit) || v.discriminant.is_some() {
                        return Err(format!("variant {} is not a plain unit variant", v.ident));
                    }
                    variants.push(read_variant(&v.ident.to_string(), &v.attrs)?);
                }
                match e.ident.to_string().as_str() {
                    "EventId" => generated.event_variants = variants,
                    "Category" => generated.category_variants = variants,
                    other => return Err(format!("unexpected enum {other}")),
                }
            }
            Item::Static(s) => {
                let name = s.ident.to_string();
                generated.items.push(format!("static {name}"));
                match &*s.expr {
                    Expr::Array(array) => {
                        let elements = array.elems.iter().map(read_element).collect();
                        generated.arrays.push((name, elements));
                    }
                    Expr::Lit(lit) => {
                        if let Lit::Str(value) = &lit.lit {
                            generated.strings.push((name, value.value()));
                        }
                    }
                    _ => {}
                }
            }
            Item::Const(c) => {
                let name = c.ident.to_string();
                generated.items.push(format!("const {name}"));
                if let Expr::Array(array) = &*c.expr {
                    let elements = array.elems.iter().map(read_element).collect();
                    generated.arrays.push((name, elements));
                }
            }
            Item::Fn(f) => generated.items.push(format!("fn {}", f.sig.ident)),
            Item::Mod(m) => generated.items.push(format!("mod {}", m.ident)),
            Item::Macro(m) => generated
                .items
                .push(format!("macro {}", path_text(&m.mac.path))),
            Item::Impl(_) => generated.items.push("impl".into()),
            Item::Use(_) => generated.items.push("use".into()),
            _ => generated.items.push("other item".into()),
        }
    }
    Ok(generated)
}

fn path_text(path: &syn::Path) -> String {
    path.segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

fn read_variant(name: &str, attrs: &[Attribute]) -> Result<Variant, String> {
    let mut variant = Variant {
        name: name.to_owned(),
        docs: Vec::new(),
        deprecated: None,
    };
    for attr in attrs {
        if attr.path().is_ident("doc") {
            let Meta::NameValue(nv) = &attr.meta else {
                return Err(format!("{name}: a #[doc] that is not `doc = \"…\"`"));
            };
            match &nv.value {
                Expr::Lit(lit) => match &lit.lit {
                    // Lines as markdown reads them: one attribute may hold
                    // several, and a lone `\r` ends one too.
                    Lit::Str(s) => variant
                        .docs
                        .extend(s.value().split(['\n', '\r']).map(str::to_owned)),
                    _ => return Err(format!("{name}: a #[doc] that is not a string literal")),
                },
                _ => return Err(format!("{name}: a #[doc] that is not a literal")),
            }
        } else if attr.path().is_ident("deprecated") {
            let mut note = None;
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("note") {
                    let value: syn::LitStr = meta.value()?.parse()?;
                    note = Some(value.value());
                    Ok(())
                } else {
                    Err(meta.error("unexpected key in #[deprecated]"))
                }
            })
            .map_err(|e| format!("{name}: {e}"))?;
            variant.deprecated =
                Some(note.ok_or_else(|| format!("{name}: #[deprecated] without a note"))?);
        } else {
            return Err(format!(
                "{name}: unexpected attribute #[{}]",
                path_text(attr.path())
            ));
        }
    }
    Ok(variant)
}

fn read_element(expr: &Expr) -> Element {
    match expr {
        Expr::Lit(lit) => match &lit.lit {
            Lit::Str(s) => Element::Str(s.value()),
            _ => Element::Other("a non-string literal".into()),
        },
        Expr::Call(call) => {
            let is_some = matches!(&*call.func, Expr::Path(p) if p.path.is_ident("Some"));
            match (is_some, call.args.first(), call.args.len()) {
                (true, Some(Expr::Lit(lit)), 1) => match &lit.lit {
                    Lit::Str(s) => Element::SomeStr(s.value()),
                    _ => Element::Other("Some(a non-string literal)".into()),
                },
                _ => Element::Other("a call".into()),
            }
        }
        Expr::Tuple(tuple) => match (tuple.elems.first(), tuple.elems.get(1), tuple.elems.len()) {
            (Some(Expr::Lit(index)), Some(Expr::Lit(text)), 2) => match (&index.lit, &text.lit) {
                (Lit::Int(index), Lit::Str(text)) => match index.base10_parse() {
                    Ok(index) => Element::IndexedStr(index, text.value()),
                    Err(_) => Element::Other("(an integer out of range, …)".into()),
                },
                _ => Element::Other("a tuple of other literals".into()),
            },
            _ => Element::Other("a tuple".into()),
        },
        Expr::Path(p) if p.path.is_ident("None") => Element::None,
        Expr::Path(p) => Element::Other(path_text(&p.path)),
        _ => Element::Other("an expression".into()),
    }
}

/// Undoes the generator's markdown escaping of one doc line: a backslash
/// before ASCII punctuation goes. `None` if the line is not in the escaped
/// form, that is if some ASCII punctuation is bare (and so could start a code
/// fence, an HTML block or a link).
pub fn unescape_doc_line(line: &str) -> Option<String> {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            let next = chars.next()?;
            if !next.is_ascii_punctuation() {
                return None;
            }
            out.push(next);
        } else if c.is_ascii_punctuation() {
            return None;
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// Whether one `#[doc]` value is safe markdown: a single line (markdown also
/// ends lines at a lone `\r`), not indented (four spaces would open an
/// indented code block, a doctest), and in the escaped form.
pub fn doc_line_is_inert(line: &str) -> bool {
    !line.contains(['\n', '\r'])
        && !line.starts_with([' ', '\t'])
        && unescape_doc_line(line).is_some()
}
