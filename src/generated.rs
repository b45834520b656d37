//! The code `build.rs` generated from the catalog.
//!
//! Deprecated events are still named by the tables here; their warnings are
//! for users' code, not ours.
#![allow(deprecated)]
#![allow(clippy::all, clippy::pedantic)]

include!(concat!(env!("OUT_DIR"), "/catalog.rs"));
