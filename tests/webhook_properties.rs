//! Property tests: a signature verifies its own body under its own secret, in
//! every accepted encoding, and nothing else.
#![cfg(feature = "webhook")]

use kakiyo_events::webhook::{MalformedSignature, SignatureError, sign, verify};
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

    /// A MAC's hex that lost one digit, wherever, is told as such, whatever
    /// the MAC: never read as base64 of some other length.
    #[test]
    fn hex_missing_a_digit_is_told_as_such(
        secret in secret(),
        body in body(),
        index in any::<prop::sample::Index>(),
    ) {
        let mut signature = sign(&secret, &body);
        signature.remove(index.index(signature.len()));
        prop_assert_eq!(
            verify(&secret, &body, &signature),
            Err(SignatureError::Malformed(MalformedSignature::OddHexDigits { digits: 63 }))
        );
    }

    #[test]
    fn a_signature_fails_under_any_other_secret(secret in secret(), other in secret(), body in body()) {
        prop_assume!(secret != other);
        prop_assert_eq!(verify(&other, &body, &sign(&secret, &body)), Err(SignatureError::Mismatch));
    }

    /// No header value makes verify panic, and none but the real MAC passes.
    /// (Few of these reach the decoders: see the two tests below.)
    #[test]
    fn arbitrary_headers_never_verify(header in ".{0,300}", body in body()) {
        prop_assert!(verify(b"whsec", &body, &header).is_err());
    }

    /// Well-formed MACs that are not the body's, in every accepted encoding,
    /// are decoded and then fail the comparison.
    #[test]
    fn well_formed_foreign_macs_are_mismatches(
        mac in proptest::array::uniform32(any::<u8>()),
        body in body(),
        encoding in 0u8..4,
        prefix in any::<bool>(),
    ) {
        let header = format!("{}{}", if prefix { "sha256=" } else { "" }, encode(&mac, encoding));
        prop_assume!(header.trim_start_matches("sha256=").to_lowercase() != sign(b"whsec", &body));
        prop_assert_eq!(verify(b"whsec", &body, &header), Err(SignatureError::Mismatch));
    }

    /// Hex or base64 of anything but 32 bytes is a malformed signature that
    /// says how many bytes it held (or, past 64 characters, how long it is).
    #[test]
    fn macs_of_other_lengths_are_malformed(
        bytes in proptest::collection::vec(any::<u8>(), 1..48),
        encoding in 0u8..4,
    ) {
        prop_assume!(bytes.len() != 32);
        let header = encode(&bytes, encoding);
        let base64 = encoding >= 2;
        // 64 characters are read as hex only (a MAC's hex length), and base64
        // made only of hex digits as hex: both are another test's business.
        prop_assume!(!(base64 && header.len() == 64));
        prop_assume!(!(base64 && header.bytes().all(|b| b.is_ascii_hexdigit())));
        let expected = if header.len() > 64 {
            MalformedSignature::TooLong { len: header.len() }
        } else {
            MalformedSignature::WrongLength { bytes: bytes.len() }
        };
        prop_assert_eq!(
            verify(b"whsec", b"{}", &header),
            Err(SignatureError::Malformed(expected))
        );
    }
}

/// `bytes` as lowercase hex, uppercase hex, padded or unpadded standard base64.
fn encode(bytes: &[u8], encoding: u8) -> String {
    use base64::Engine as _;
    use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
    match encoding {
        0 => bytes.iter().map(|b| format!("{b:02x}")).collect(),
        1 => bytes.iter().map(|b| format!("{b:02X}")).collect(),
        2 => STANDARD.encode(bytes),
        _ => STANDARD_NO_PAD.encode(bytes),
    }
}
