//! Arbitrary bytes as a webhook request: a signature header and a body,
//! through `verify`, `parse_verified` and `parse_unverified`. Checks what each
//! promises, not only that nothing panics.
//!
//! Input: the first byte is the header's length `n`, the next `n` bytes the
//! header (read as UTF-8, lossily), the rest the body.
#![no_main]

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use kakiyo_events::webhook::{
    Delivery, DeliveryError, SignatureError, WebhookError, parse_unverified, parse_verified, sign,
    verify,
};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

const SECRET: &[u8] = b"whsec_fuzz";

fuzz_target!(|data: &[u8]| {
    let Some((&n, rest)) = data.split_first() else {
        return;
    };
    let (header, body) = rest.split_at(usize::from(n).min(rest.len()));
    let header = String::from_utf8_lossy(header);

    check_signature(body, &header);
    let parsed = parse_unverified(body);
    check_parse(body, &parsed);

    // parse_verified is verify, then parse_unverified: the same answers.
    match (
        verify(SECRET, body, &header),
        parse_verified(SECRET, body, &header),
    ) {
        (Ok(()), Ok(delivery)) => assert_eq!(Some(&delivery), parsed.as_ref().ok()),
        (Ok(()), Err(WebhookError::Delivery(_))) => assert!(parsed.is_err()),
        (Err(expected), Err(WebhookError::Signature(got))) => assert_eq!(expected, got),
        (verified, both) => panic!("verify gave {verified:?}, parse_verified {both:?}"),
    }
});

/// A header that verifies is the MAC of this very body: all 32 bytes of it,
/// read from the header by a rule of this file's own, and the same header
/// fails for the body with one more byte, and for another secret. The
/// crate's own signature always verifies.
fn check_signature(body: &[u8], header: &str) {
    let hex = sign(SECRET, body);
    assert_eq!(verify(SECRET, body, &hex), Ok(()));
    let verdict = verify(SECRET, body, header);
    if verdict.is_ok() {
        assert!(
            carries_mac(header, &hex),
            "{header:?} verified, but it is not the MAC {hex}"
        );
        let mut longer = body.to_vec();
        longer.push(b' ');
        assert_eq!(
            verify(SECRET, &longer, header),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(b"another secret", body, header),
            Err(SignatureError::Mismatch)
        );
    }
    if let Err(err) = verdict {
        let shown = err.to_string();
        assert!(!shown.contains('\n') && !shown.contains('\r'), "{shown:?}");
        assert!(shown.len() < 300, "{} bytes: {shown:?}", shown.len());
    }
}

/// What `parse_unverified` reads is what serde_json reads, and its envelope
/// fields; what it writes reads back equal. Whatever serde_json cannot read,
/// it refuses as not JSON (or for a repeated key read no later than the syntax error).
fn check_parse(body: &[u8], parsed: &Result<Delivery, DeliveryError>) {
    let model = serde_json::from_slice::<Value>(body);
    match parsed {
        Ok(delivery) => {
            let Ok(Value::Object(object)) = model else {
                panic!("a delivery from a body serde_json reads as {model:?}")
            };
            assert_eq!(
                object.get("event").and_then(Value::as_str),
                Some(delivery.event.as_str())
            );
            assert!(!delivery.event.as_str().trim().is_empty());
            assert_eq!(
                object.get("timestamp").and_then(Value::as_str),
                Some(delivery.timestamp.as_str())
            );
            assert_eq!(object.get("data").unwrap_or(&Value::Null), &delivery.data);
            // The team from either shape: `teamId`, or `team.id` and `team.name`.
            let team = object.get("team").and_then(Value::as_object);
            let field = |name: &str| team.and_then(|team| team.get(name)).and_then(Value::as_str);
            let team_id = object.get("teamId").and_then(Value::as_str).or(field("id"));
            assert_eq!(delivery.team_id.as_deref(), team_id);
            assert_eq!(delivery.team_name.as_deref(), field("name"));
            if let Some(team) = &delivery.team_id {
                assert!(!team.trim().is_empty());
            }
            let written = serde_json::to_vec(delivery).expect("a Delivery serializes");
            match parse_unverified(&written) {
                Ok(back) => {
                    assert_eq!(
                        (&back.event, &back.timestamp, &back.team_id, &back.team_name),
                        (
                            &delivery.event,
                            &delivery.timestamp,
                            &delivery.team_id,
                            &delivery.team_name
                        )
                    );
                    assert!(
                        same_json(&back.data, &delivery.data),
                        "{:?} read back as {:?}",
                        delivery.data,
                        back.data
                    );
                }
                Err(err) => panic!("{delivery:?} written as {written:?} reads back as {err:?}"),
            }
        }
        Err(err) => {
            // Not JSON to serde_json: refused as such, or for a repeated key
            // read no later than serde_json's error.
            if let Err(syntax) = &model {
                match err {
                    DeliveryError::Json(_) => {}
                    DeliveryError::RepeatedKey { line, column, .. } => assert!(
                        (*line, *column) <= (syntax.line(), syntax.column()),
                        "{err:?} is after {syntax}"
                    ),
                    _ => panic!("{err:?} for a body serde_json refuses: {syntax}"),
                }
            }
            let shown = err.to_string();
            assert!(!shown.contains('\n') && !shown.contains('\r'), "{shown:?}");
        }
    }
}

/// Equal JSON, but that a float may move by a unit or two in its last place:
/// serde_json's default float parsing is not correctly rounded (its
/// `float_roundtrip` feature makes it so): `123456789012345678901` reads as
/// `1.2345678901234567e+20`, which reads back as `1.2345678901234568e+20`.
/// Integers and everything else compare exactly.
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() || y.is_f64() => {
            match (x.as_f64(), y.as_f64()) {
                (Some(x), Some(y)) => {
                    x == y || (x - y).abs() <= 4.0 * f64::EPSILON * x.abs().max(y.abs())
                }
                _ => false,
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(key, x)| y.get(key).is_some_and(|y| same_json(x, y)))
        }
        _ => a == b,
    }
}

/// Whether `header` is the MAC whose lowercase hex is `hex`, in one of the
/// forms `verify` documents: at most 256 bytes, white space around it, an
/// optional name of HMAC-SHA256 (`sha256` or `hmac-sha256`, any case, `-`
/// and `_` ignored, at most 16 bytes) and `=` or `:` before it, then the 64
/// hex digits in either case, or the 32 bytes in standard base64, padded or
/// not.
fn carries_mac(header: &str, hex: &str) -> bool {
    if header.len() > 256 {
        return false;
    }
    let text = header.trim();
    let text = match text.split_once(['=', ':']) {
        Some((name, rest))
            if !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                && !rest.bytes().all(|b| b == b'=') =>
        {
            let folded: String = name
                .chars()
                .filter(|c| !matches!(c, '-' | '_'))
                .collect::<String>()
                .to_ascii_lowercase();
            if name.len() > 16 || !matches!(folded.as_str(), "sha256" | "hmacsha256") {
                return false;
            }
            rest.trim_start()
        }
        _ => text,
    };
    let mac: Vec<u8> = (0..32)
        .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).expect("sign gives hex"))
        .collect();
    text.eq_ignore_ascii_case(hex)
        || [STANDARD.decode(text), STANDARD_NO_PAD.decode(text)]
            .into_iter()
            .any(|bytes| bytes.is_ok_and(|bytes| bytes == mac))
}
