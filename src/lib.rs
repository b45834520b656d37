//! A compile-time catalog of the webhook event types of Kakiyo's API.
//!
//! `build.rs` turns `events.json` — the body of `GET /v1/webhooks/test/events`
//! — into an exhaustive [`EventId`] enum, a [`Category`] enum and a
//! [`phf`] map, [`EVENTS`]. Check ids offline, `match` on them exhaustively,
//! and share one catalog across teams and languages.
//!
//! ```
//! use kakiyo_events::{Category, EventId};
//!
//! let id: EventId = "prospect.qualified".parse()?;
//! assert_eq!(id.name(), "Prospect Qualified");
//! assert_eq!(id.category(), Category::Prospect);
//! # Ok::<(), kakiyo_events::UnknownEventId>(())
//! ```
//!
// Shown and run only with `alloc`, which `validate` needs, so that the
// crate's doctests also pass with `--no-default-features`.
#![cfg_attr(
    feature = "alloc",
    doc = r#"
A webhook's subscription list, checked before it is sent:

```
use kakiyo_events::validate;

let err = validate(["message.sent", "prospect.qualifed"]).unwrap_err();
assert_eq!(
    err.to_string(),
    "Invalid event IDs: prospect.qualifed (did you mean prospect.qualified?)"
);
```
"#
)]
//!
//! # Features
//! - `std` (default): the standard library; implies `alloc`. Without it the
//!   crate is `#![no_std]`, and the enums, their accessors, parsing,
//!   [`EVENTS`] and [`lookup`] all still work.
//! - `alloc`: [`AnyEventId`], [`validate`] and [`InvalidEventIds`].
//! - `serde` (default): `Serialize`/`Deserialize` for [`EventId`],
//!   [`Category`] and [`AnyEventId`] as the id string, and `Serialize` for
//!   [`Event`] as the API's entry object. Written by hand: no `serde_derive`.
//! - `strum` (default): strum's `EnumCount`, `IntoEnumIterator`,
//!   `VariantArray`, `VariantNames` and `EnumMessage`. Written by hand: no
//!   `strum_macros`.
//! - `webhook`: [`webhook`]: verify a delivery's `X-Kakiyo-Signature` (HMAC-SHA256,
//!   constant-time), read its envelope into a typed [`webhook::Delivery`], and
//!   check it against a [`webhook::Subscription`]. Implies `std` and `serde`;
//!   adds `serde_json`, RustCrypto's `hmac` and `sha2`, and `base64`.
//! - `diff`: [`diff()`], which compares a saved response of the live API with
//!   the compiled catalog, for a team's drift check in CI. Brings `serde_json`.
//! - `cli`: the `kakiyo-events` command-line tool (implies `diff` and `webhook`).
//!
// Without a feature, its items do not exist: their links above go to this list.
#![cfg_attr(
    not(feature = "alloc"),
    doc = "[`AnyEventId`]: #features\n[`validate`]: #features\n[`InvalidEventIds`]: #features"
)]
#![cfg_attr(
    not(feature = "webhook"),
    doc = "[`webhook`]: #features\n[`webhook::Delivery`]: #features\n[`webhook::Subscription`]: #features"
)]
#![cfg_attr(not(feature = "diff"), doc = "[`diff()`]: #features")]
#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]
// A pure function's dropped result is a bug: clippy names any public one
// without `#[must_use]` (src/must_use_doctests.rs checks a sample works).
#![warn(clippy::must_use_candidate)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::unreachable,
    clippy::todo,
    clippy::unimplemented
)]

#[cfg(feature = "alloc")]
extern crate alloc;

mod bounded;
mod category;
#[cfg(feature = "alloc")]
mod escape;
mod event;
mod event_id;
mod generated;
mod suggest;
mod unknown;

#[cfg(feature = "alloc")]
mod any_event_id;
#[cfg(feature = "diff")]
mod diff;
#[cfg(feature = "serde")]
mod serde_impls;
#[cfg(any(feature = "webhook", feature = "diff"))]
mod strict_json;
#[cfg(feature = "strum")]
mod strum_impls;
#[cfg(feature = "alloc")]
mod validate;
#[cfg(feature = "webhook")]
pub mod webhook;

#[cfg(feature = "alloc")]
pub use any_event_id::AnyEventId;
pub use event::{Event, lookup};
pub use generated::{Category, EVENTS, EventId};
/// The `phf` crate [`EVENTS`]' type comes from, so that code can name that
/// type without depending on a matching version of `phf` itself.
///
/// # Example
/// ```
/// use kakiyo_events::{Event, phf::OrderedMap};
///
/// let events: &OrderedMap<&'static str, Event> = &kakiyo_events::EVENTS;
/// assert_eq!(events.len(), kakiyo_events::EventId::COUNT);
/// ```
pub use phf;
pub use unknown::{UnknownCategory, UnknownEventId};
#[cfg(feature = "alloc")]
pub use validate::{InvalidEventIds, InvalidEventIdsIter, validate};
// Drift detection against the live API: `diff()` and what it returns.
#[cfg(feature = "diff")]
pub use diff::{
    CatalogDiff, DiffError, DiffErrorKind, EventField, FieldChange, JsonType, RemoteEvent, diff,
};

/// The body of `GET /v1/webhooks/test/events` for the compiled catalog: a
/// compact JSON array of `{"id", "name", "description", "category"}`, in
/// catalog order. Built at compile time.
///
/// # Example
/// ```
/// let json = kakiyo_events::catalog_json();
/// assert!(json.starts_with(r#"[{"id":"prospect.qualified","name":"Prospect Qualified","#));
/// ```
#[must_use]
pub const fn catalog_json() -> &'static str {
    generated::CATALOG_JSON
}

#[cfg(all(doctest, feature = "alloc"))]
mod must_use_doctests;

/// The README's Rust examples, run as doctests so that the README stays true.
/// Its "Receiving webhooks" section needs `webhook`, which implies `std` and
/// `serde`, and its drift check `diff`; the README's test command,
/// `cargo test --all-features`, has both.
#[cfg(all(doctest, feature = "webhook", feature = "diff"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
