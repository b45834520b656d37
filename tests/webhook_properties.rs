//! Property tests: a signature verifies its own body under its own secret, in
//! every accepted encoding, and nothing else.
#![cfg(feature = "webhook")]

use kakiyo_events::webhook::{SignatureError, sign, verify};
use proptest::prelude::*;

fn secret() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 1..200)
}

fn body() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..2048)
}

proptest! {
    #[test]
    fn a_signature_verifies_its_body(secret in secret(), body in body()) {
        let signature = sign(&secret, &body);
        prop_assert_eq!(verify(&secret, &body, &signature), Ok(()));
        prop_assert_eq!(verify(&secret, &body, &signature.to_uppercase()), Ok(()));
        prop_assert_eq!(verify(&secret, &body, &format!(" sha256={signature}\n")), Ok(()));
    }

    #[test]
    fn a_signature_fails_for_any_other_body(secret in secret(), body in body(), other in body()) {
        prop_assume!(body != other);
        prop_assert_eq!(verify(&secret, &other, &sign(&secret, &body)), Err(SignatureError::Mismatch));
    }

    #[test]
    fn a_signature_fails_for_one_flipped_bit(
        secret in secret(),
        body in proptest::collection::vec(any::<u8>(), 1..2048),
        index in any::<prop::sample::Index>(),
        bit in 0u8..8,
    ) {
        let signature = sign(&secret, &body);
        let mut tampered = body.clone();
        tampered[index.index(body.len())] ^= 1 << bit;
        prop_assert_eq!(verify(&secret, &tampered, &signature), Err(SignatureError::Mismatch));
    }

    #[test]
    fn a_signature_fails_under_any_other_secret(secret in secret(), other in secret(), body in body()) {
        prop_assume!(secret != other);
        prop_assert_eq!(verify(&other, &body, &sign(&secret, &body)), Err(SignatureError::Mismatch));
    }

    /// No header value makes verify panic, and none but the real MAC passes.
    #[test]
    fn arbitrary_headers_never_verify(header in ".{0,300}", body in body()) {
        prop_assert!(verify(b"whsec", &body, &header).is_err());
    }
}
