//! The `X-Kakiyo-Signature` header: an HMAC-SHA256 of the raw body, keyed with
//! the webhook's secret.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD_PAD_INDIFFERENT;
use hmac::{KeyInit, Mac};
use sha2::Sha256;

use super::error::{MalformedSignature, SignatureError};

type HmacSha256 = hmac::Hmac<Sha256>;

/// The name of the header that carries a delivery's signature.
///
/// HTTP header names are case-insensitive: look it up the way your server
/// library does (most compare without case).
pub const SIGNATURE_HEADER: &str = "X-Kakiyo-Signature";

/// The length of an HMAC-SHA256 in bytes.
const MAC_LEN: usize = 32;

/// The longest encoding of a MAC that [`verify`] accepts: 64 hex digits.
/// Base64 is shorter (43 characters, 44 padded).
pub(super) const MAX_SIGNATURE_LEN: usize = 2 * MAC_LEN;

/// The longest header value looked at, whitespace and prefix included.
const MAX_HEADER_LEN: usize = 256;

/// The names of HMAC-SHA256 a sender may write before the MAC and an `=` or
/// `:`, as GitHub does (`sha256=…`), once `-` and `_` are dropped and the case
/// folded: `sha256`, `SHA-256`, `hmac-sha256`, `HMAC_SHA256`, … Kakiyo's docs
/// do not say whether there is a prefix, let alone which.
const ALGORITHM_NAMES: [&str; 2] = ["sha256", "hmacsha256"];

/// The longest algorithm name looked for before an `=` or `:`.
const MAX_ALGORITHM_LEN: usize = 16;

/// Signs a body as Kakiyo does: the HMAC-SHA256 of `raw_body` keyed with
/// `secret`, as 64 lowercase hex digits.
///
/// Use it to sign deliveries in your own tests; [`verify`] accepts what it
/// returns for any secret but the empty one, which `verify` refuses
/// ([`SignatureError::EmptySecret`](super::SignatureError::EmptySecret)).
///
/// # Example
/// ```
/// use kakiyo_events::webhook::{sign, verify};
///
/// let body = br#"{"event":"prospect.qualified","timestamp":"2024-01-20T15:30:00Z"}"#;
/// let signature = sign(b"whsec_test", body);
/// assert_eq!(signature.len(), 64);
/// assert_eq!(verify(b"whsec_test", body, &signature), Ok(()));
/// ```
#[must_use]
pub fn sign(secret: &[u8], raw_body: &[u8]) -> String {
    let mut hex = String::with_capacity(MAX_SIGNATURE_LEN);
    // `None` cannot happen (see `mac_over`); an empty string then is a
    // signature that `verify` never accepts, so it fails closed.
    if let Some(mac) = mac_over(secret, raw_body) {
        for byte in mac.finalize().into_bytes().iter() {
            hex.push(hex_digit(byte >> 4));
            hex.push(hex_digit(byte & 0x0f));
        }
    }
    hex
}

/// Checks a delivery's `X-Kakiyo-Signature` header against the raw body, in
/// constant time.
///
/// - `raw_body` must be the bytes exactly as received: never JSON that was
///   parsed and serialized again, which differs in spacing and key order.
/// - `header_value` is the header's value; pass `""` when the request has none.
///   Kakiyo's docs do not fix the MAC's text encoding, so this accepts hex (either
///   case) and standard base64 (padding optional), each with or without a leading
///   name of the algorithm and `=` or `:` (`sha256=`, `hmac-sha256=`, `sha256:`, in any
///   case), and with surrounding whitespace trimmed. Each is a lossless
///   encoding of the same 32 bytes, so none weakens the check.
/// - The comparison is the MAC's own constant-time `verify_slice`, so the time
///   taken tells an attacker nothing about how much of a guess was right.
/// - A header longer than any encoding of the MAC is rejected before any
///   decoding, however large.
///
/// # Errors
/// [`SignatureError::Missing`], [`SignatureError::Malformed`],
/// [`SignatureError::Mismatch`], or [`SignatureError::EmptySecret`] when
/// `secret` is empty.
///
/// # Example
/// ```
/// use kakiyo_events::webhook::{SignatureError, sign, verify};
///
/// let body = br#"{"event":"message.sent","timestamp":"2024-01-20T15:30:00Z"}"#;
/// let hex = sign(b"s3cret", body);
/// assert_eq!(hex, "8d8954bac542829d5fb7498a4670ba495eb3dba192e6d1ec5af81b58fd3990bf");
/// assert_eq!(verify(b"s3cret", body, &hex), Ok(()));
/// assert_eq!(verify(b"s3cret", body, &format!(" sha256={} ", hex.to_uppercase())), Ok(()));
///
/// // The same 32 bytes in base64, padded or not.
/// assert_eq!(verify(b"s3cret", body, "jYlUusVCgp1ft0mKRnC6SV6z26GS5tHsWvgbWP05kL8="), Ok(()));
/// assert_eq!(verify(b"s3cret", body, "sha256=jYlUusVCgp1ft0mKRnC6SV6z26GS5tHsWvgbWP05kL8"), Ok(()));
///
/// assert_eq!(verify(b"other", body, &hex), Err(SignatureError::Mismatch));
/// ```
pub fn verify(secret: &[u8], raw_body: &[u8], header_value: &str) -> Result<(), SignatureError> {
    if secret.is_empty() {
        return Err(SignatureError::EmptySecret);
    }
    let expected = decode_mac(header_value)?;
    mac_over(secret, raw_body)
        .ok_or(SignatureError::Mismatch)?
        .verify_slice(&expected)
        .map_err(|_| SignatureError::Mismatch)
}

/// The MAC state after absorbing the body.
///
/// HMAC takes a key of any length (a long one is hashed first), so hmac's
/// `new_from_slice` never fails; the `Option` only keeps this library free of
/// `expect`, and both callers fail closed on `None`.
fn mac_over(secret: &[u8], raw_body: &[u8]) -> Option<HmacSha256> {
    let mut mac = HmacSha256::new_from_slice(secret).ok()?;
    mac.update(raw_body);
    Some(mac)
}

/// The 32 bytes a header value encodes, or why it does not.
fn decode_mac(header_value: &str) -> Result<[u8; MAC_LEN], SignatureError> {
    // Checked before trimming too, so that even megabytes of whitespace are
    // never scanned; no honest header is near this long.
    if header_value.len() > MAX_HEADER_LEN {
        let len = header_value.len();
        return Err(SignatureError::Malformed(MalformedSignature::TooLong {
            len,
        }));
    }
    let text = without_algorithm(header_value.trim())?;
    if text.is_empty() {
        return Err(SignatureError::Missing);
    }
    let malformed = |why| Err(SignatureError::Malformed(why));
    if text.len() > MAX_SIGNATURE_LEN {
        return malformed(MalformedSignature::TooLong { len: text.len() });
    }
    let bytes = text.as_bytes();
    let all_hex = bytes.iter().all(u8::is_ascii_hexdigit);
    // Hex digits are also base64 characters, but the lengths tell them apart:
    // a MAC is 64 characters in hex and 43 or 44 in base64.
    if bytes.len() == MAX_SIGNATURE_LEN {
        if !all_hex {
            return malformed(MalformedSignature::NotHexOrBase64);
        }
        let mut mac = [0u8; MAC_LEN];
        for (out, pair) in mac.iter_mut().zip(bytes.chunks_exact(2)) {
            *out = (hex_value(pair[0]) << 4) | hex_value(pair[1]);
        }
        return Ok(mac);
    }
    // Room for the longest base64 left here: 63 characters, at most 48 bytes.
    let mut buffer = [0u8; 48];
    match STANDARD_PAD_INDIFFERENT.decode_slice(bytes, &mut buffer) {
        Ok(MAC_LEN) => {
            let mut mac = [0u8; MAC_LEN];
            mac.copy_from_slice(&buffer[..MAC_LEN]);
            Ok(mac)
        }
        // A run of hex digits that is not a MAC's base64 (only 43 or 44
        // characters can be) reads as hex: truncated when even, missing a
        // digit when odd.
        _ if all_hex && bytes.len() % 2 == 0 => malformed(MalformedSignature::WrongLength {
            bytes: bytes.len() / 2,
        }),
        _ if all_hex => malformed(MalformedSignature::OddHexDigits {
            digits: bytes.len(),
        }),
        Ok(len) => malformed(MalformedSignature::WrongLength { bytes: len }),
        Err(_) => malformed(MalformedSignature::NotHexOrBase64),
    }
}

/// The MAC's text once a leading name of HMAC-SHA256 ([`ALGORITHM_NAMES`], any
/// case) and its `=` or `:` (and whitespace after them) are cut, or
/// `UnsupportedAlgorithm` when another name stands there. Base64 has `=` only
/// as padding at its end and never `:`, so a name of letters, digits, `-` or
/// `_` followed by one of them and more text is an algorithm's name.
fn without_algorithm(text: &str) -> Result<&str, SignatureError> {
    let Some((name, rest)) = text.split_once(['=', ':']) else {
        return Ok(text);
    };
    let is_name = !name.is_empty()
        && name.len() <= MAX_ALGORITHM_LEN
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if is_name && names_hmac_sha256(name) {
        Ok(rest.trim_start())
    } else if is_name && !rest.bytes().all(|b| b == b'=') {
        Err(SignatureError::Malformed(
            MalformedSignature::UnsupportedAlgorithm,
        ))
    } else {
        Ok(text)
    }
}

/// Whether `name` (at most [`MAX_ALGORITHM_LEN`] bytes of ASCII letters,
/// digits, `-` and `_`) is one of [`ALGORITHM_NAMES`] once `-` and `_` are
/// dropped, compared without case.
fn names_hmac_sha256(name: &str) -> bool {
    let mut folded = [0u8; MAX_ALGORITHM_LEN];
    let mut len = 0;
    for byte in name.bytes().filter(|b| *b != b'-' && *b != b'_') {
        if let Some(slot) = folded.get_mut(len) {
            *slot = byte.to_ascii_lowercase();
            len += 1;
        }
    }
    let folded = folded.get(..len).unwrap_or_default();
    ALGORITHM_NAMES
        .iter()
        .any(|known| known.as_bytes() == folded)
}

fn hex_digit(nibble: u8) -> char {
    char::from(b"0123456789abcdef"[usize::from(nibble & 0x0f)])
}

/// The value of an ASCII hex digit; only called on bytes that are one.
fn hex_value(digit: u8) -> u8 {
    match digit {
        b'0'..=b'9' => digit - b'0',
        b'a'..=b'f' => digit - b'a' + 10,
        b'A'..=b'F' => digit - b'A' + 10,
        _ => 0,
    }
}
