//! Doctests of the crate's `#[must_use]` attributes: a dropped result must
//! not compile. Built only by `cargo test --doc` with `alloc` (the blocks use
//! `validate` and `AnyEventId`); the webhook blocks also need `webhook`.

/// The `#[must_use]` of the crate's pure functions, checked: each block below
/// drops one result under `deny(unused_must_use)` and must fail to compile;
/// the ones without `compile_fail` use the same results and must compile, so
/// the others fail for the lint and not for a typo. Only built by
/// `cargo test --doc`.
///
/// ```compile_fail
/// #![deny(unused_must_use)]
/// kakiyo_events::EventId::find("message.sent");
/// ```
/// ```compile_fail
/// #![deny(unused_must_use)]
/// kakiyo_events::lookup("message.sent");
/// ```
/// ```compile_fail
/// #![deny(unused_must_use)]
/// kakiyo_events::EventId::MessageSent.event();
/// ```
/// ```compile_fail
/// #![deny(unused_must_use)]
/// kakiyo_events::EventId::MessageSent.name();
/// ```
/// ```compile_fail
/// #![deny(unused_must_use)]
/// kakiyo_events::Category::Agent.events();
/// ```
/// ```compile_fail
/// #![deny(unused_must_use)]
/// kakiyo_events::AnyEventId::from("x").known();
/// ```
/// ```compile_fail
/// #![deny(unused_must_use)]
/// kakiyo_events::validate(["x"]).unwrap_err().len();
/// ```
#[cfg_attr(
    feature = "webhook",
    doc = r#"```compile_fail
#![deny(unused_must_use)]
kakiyo_events::webhook::sign(b"k", b"{}");
```
```compile_fail
#![deny(unused_must_use)]
use kakiyo_events::webhook::Subscription;
Subscription::All.matches(&"message.sent".into());
```
```compile_fail
#![deny(unused_must_use)]
kakiyo_events::webhook::parse_verified(b"k", b"{}", "").unwrap_err().status_code();
```
```
#![deny(unused_must_use)]
use kakiyo_events::webhook::{Subscription, parse_verified, sign};
let _ = sign(b"k", b"{}");
let _ = Subscription::All.matches(&"message.sent".into());
let _ = parse_verified(b"k", b"{}", "").unwrap_err().status_code();
```"#
)]
/// ```
/// #![deny(unused_must_use)]
/// use kakiyo_events::{AnyEventId, Category, EventId};
///
/// let _ = EventId::find("message.sent");
/// let _ = kakiyo_events::lookup("message.sent");
/// let _ = EventId::MessageSent.event();
/// let _ = EventId::MessageSent.name();
/// let _ = Category::Agent.events();
/// let _ = AnyEventId::from("x").known();
/// let _ = kakiyo_events::validate(["x"]).unwrap_err().len();
/// ```
pub struct MustUse;
