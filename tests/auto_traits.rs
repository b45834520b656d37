//! Every public type can cross threads, every data type also unwind
//! boundaries, and every error fits `Box<dyn Error + Send + Sync>` (the Rust
//! API guidelines' C-SEND-SYNC and C-GOOD-ERR). These are compile-time checks:
//! a field of a new type that is not `Send` (an `Rc`, a `Cell`) stops this
//! file from compiling.

use core::panic::{RefUnwindSafe, UnwindSafe};

/// The auto traits a plain data type of this crate is expected to have.
fn plain_data<T: Send + Sync + Unpin + UnwindSafe + RefUnwindSafe + 'static>() {}

/// Usable as a boxed, thread-safe error. Not `UnwindSafe`: the webhook errors
/// keep `serde_json::Error`, which holds a `std::io::Error`, and neither is.
fn error<T: std::error::Error + Send + Sync + Unpin + 'static>() {
    // The check that matters is the bound; this also proves the conversion
    // `?` relies on exists for the type.
    fn into_box<E: std::error::Error + Send + Sync + 'static>(
        err: E,
    ) -> Box<dyn std::error::Error + Send + Sync> {
        err.into()
    }
    let _ = into_box::<T>;
}

/// `error` and `plain_data`: the errors that hold no I/O error.
fn for_errors_without_io<
    T: std::error::Error + Send + Sync + Unpin + UnwindSafe + RefUnwindSafe + 'static,
>() {
    error::<T>();
    plain_data::<T>();
}

#[test]
fn catalog_types() {
    use kakiyo_events::{Category, Event, EventId};

    plain_data::<EventId>();
    plain_data::<Category>();
    plain_data::<Event>();
    plain_data::<&'static Event>();
    // The type of `EVENTS`, named through the crate's re-export of `phf`.
    plain_data::<kakiyo_events::phf::OrderedMap<&'static str, Event>>();
    let _: &'static kakiyo_events::phf::OrderedMap<&'static str, Event> = &kakiyo_events::EVENTS;
    for_errors_without_io::<kakiyo_events::UnknownEventId>();
    for_errors_without_io::<kakiyo_events::UnknownCategory>();
}

#[cfg(feature = "alloc")]
#[test]
fn heap_types() {
    use kakiyo_events::{AnyEventId, InvalidEventIds, InvalidEventIdsIter};

    plain_data::<AnyEventId>();
    plain_data::<InvalidEventIdsIter<'static>>();
    for_errors_without_io::<InvalidEventIds>();
}

#[cfg(feature = "diff")]
#[test]
fn diff_types() {
    use kakiyo_events::{
        CatalogDiff, DiffError, DiffErrorKind, EventField, FieldChange, JsonType, RemoteEvent,
    };

    plain_data::<CatalogDiff>();
    plain_data::<RemoteEvent>();
    plain_data::<FieldChange>();
    plain_data::<EventField>();
    plain_data::<DiffErrorKind>();
    plain_data::<JsonType>();
    for_errors_without_io::<DiffError>();
}

#[cfg(feature = "webhook")]
#[test]
fn webhook_types() {
    use kakiyo_events::webhook::{
        Delivery, DeliveryError, MalformedSignature, SignatureError, Subscription, WebhookError,
    };

    plain_data::<Delivery>();
    plain_data::<Subscription>();
    for_errors_without_io::<SignatureError>();
    for_errors_without_io::<MalformedSignature>();
    error::<DeliveryError>();
    error::<WebhookError>();
}
