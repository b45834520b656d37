//! The webhook module's error chains, conversions and trait impls: each
//! found missing or wrong by an API audit.
#![cfg(feature = "webhook")]

use std::error::Error;

use kakiyo_events::webhook::{parse_verified, sign};

/// Every message in an error's chain, the error's own first.
fn chain(err: &(dyn Error + 'static)) -> Vec<String> {
    let mut messages = vec![err.to_string()];
    let mut next = err.source();
    while let Some(e) = next {
        messages.push(e.to_string());
        next = e.source();
    }
    messages
}

#[test]
fn a_json_error_shows_serde_jsons_message_once_along_the_chain() {
    let err = parse_verified(b"k", b"nope", &sign(b"k", b"nope")).unwrap_err();
    let serde_message = serde_json::from_slice::<serde_json::Value>(b"nope")
        .unwrap_err()
        .to_string();
    let messages = chain(&err);
    let seen = messages
        .iter()
        .map(|m| m.matches(&serde_message).count())
        .sum::<usize>();
    assert_eq!(seen, 1, "{messages:?}");
    let kakiyo_events::webhook::WebhookError::Delivery(inner) = err else {
        panic!("not a delivery error: {err:?}");
    };
    let messages = chain(&inner);
    let seen = messages
        .iter()
        .map(|m| m.matches(&serde_message).count())
        .sum::<usize>();
    assert_eq!(seen, 1, "{messages:?}");
}

#[test]
fn a_malformed_signature_is_an_error_of_its_own() {
    use kakiyo_events::webhook::{MalformedSignature, SignatureError, verify};

    let Err(SignatureError::Malformed(why)) = verify(b"k", b"{}", "xyz!") else {
        panic!("xyz! is not a malformed signature");
    };
    assert_eq!(why, MalformedSignature::NotHexOrBase64);
    let boxed: Box<dyn Error + Send + Sync> = why.into();
    assert_eq!(boxed.to_string(), "neither hex nor standard base64");
    assert!(boxed.source().is_none());
    // `?` in a function returning a boxed error.
    fn check(why: MalformedSignature) -> Result<(), Box<dyn Error + Send + Sync>> {
        Err(why)?
    }
    assert_eq!(
        check(MalformedSignature::WrongLength { bytes: 20 })
            .unwrap_err()
            .to_string(),
        MalformedSignature::WrongLength { bytes: 20 }.to_string()
    );
}
