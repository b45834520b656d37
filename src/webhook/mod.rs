//! Receiving Kakiyo's webhook deliveries safely: check the signature over the
//! raw body, read the envelope, then `match` on the event.
//!
//! Behind the `webhook` feature. The usual hand-written mistakes are security
//! bugs; this module avoids each one:
//! - the signature is checked over the raw bytes as received, never over
//!   re-serialized JSON ([`verify`]);
//! - the comparison is constant-time, through the MAC's own `verify_slice`;
//! - [`parse_verified`] verifies before it parses, so a forged body never
//!   reaches the JSON parser;
//! - the envelope is read from either shape Kakiyo documents ([`Delivery`]),
//!   and an event id this catalog does not know arrives as
//!   [`AnyEventId::Unknown`](crate::AnyEventId::Unknown) instead of failing.
//!
//! Kakiyo retries a failed or slow delivery (up to 3 times) and disables a
//! webhook after 4 failures in a row, so one event can arrive more than once:
//! make the handler idempotent (the envelope has no delivery id to
//! deduplicate by) and answer 2xx quickly.
//!
//! # Example: a handler
//! ```
//! use kakiyo_events::EventId;
//! use kakiyo_events::webhook::{SIGNATURE_HEADER, Subscription, parse_verified, sign};
//!
//! /// Returns the HTTP status to answer with.
//! fn handle(secret: &[u8], signature: Option<&str>, raw_body: &[u8]) -> u16 {
//!     let delivery = match parse_verified(secret, raw_body, signature.unwrap_or("")) {
//!         Ok(delivery) => delivery,
//!         Err(err) => return err.status_code(), // 401 bad signature, 400 bad envelope, 500 empty secret
//!     };
//!     match delivery.event.known() {
//!         Some(EventId::ProspectQualified) => { /* hand the prospect to sales */ }
//!         Some(other) => println!("{}: {}", other.name(), delivery.data),
//!         None => println!("not in this catalog yet: {}", delivery.event),
//!     }
//!     200
//! }
//!
//! let body = br#"{"event":"prospect.qualified","teamId":"team_1","timestamp":"2024-01-20T15:30:00Z","data":{}}"#;
//! assert_eq!(SIGNATURE_HEADER, "X-Kakiyo-Signature");
//! assert_eq!(handle(b"whsec_1", Some(&sign(b"whsec_1", body)), body), 200);
//! assert_eq!(handle(b"whsec_1", Some(&sign(b"wrong", body)), body), 401);
//! assert_eq!(handle(b"whsec_1", None, body), 401);
//!
//! let subscription = Subscription::parse(["prospect.qualified"]).unwrap();
//! assert!(subscription.matches(&EventId::ProspectQualified.into()));
//! ```

mod delivery;
mod error;
mod parse;
mod signature;
mod subscription;

pub use delivery::Delivery;
pub use error::{DeliveryError, MalformedSignature, SignatureError, WebhookError};
pub use parse::{parse_unverified, parse_verified};
pub use signature::{SIGNATURE_HEADER, sign, verify};
pub use subscription::Subscription;
