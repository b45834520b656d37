//! Arbitrary bytes as a webhook request: a signature header and a body,
//! through `verify`, `parse_verified` and `parse_unverified`. Checks what each
//! promises, not only that nothing panics.
//!
//! Input: the first byte is the header's length `n`, the next `n` bytes the
//! header (read as UTF-8, lossily), the rest the body.
#![no_main]

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

/// A header that verifies is the MAC of this very body: the same header
/// fails for the body with one more byte, and for another secret. The
/// crate's own signature always verifies.
fn check_signature(body: &[u8], header: &str) {
    assert_eq!(verify(SECRET, body, &sign(SECRET, body)), Ok(()));
    let verdict = verify(SECRET, body, header);
    if verdict.is_ok() {
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
