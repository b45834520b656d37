//! Reading a delivery from a request: verify the signature first, then parse.

use super::delivery::Delivery;
use super::error::{DeliveryError, WebhookError};
use super::signature::verify;
use crate::strict_json::{self, StrictJsonError};

/// Checks the signature over the raw body, and only then parses the body as a
/// [`Delivery`]. This is the one call a receiver needs.
///
/// - `raw_body`: the request body exactly as received (not re-serialized JSON).
/// - `header_value`: the [`SIGNATURE_HEADER`](super::SIGNATURE_HEADER) value,
///   or `""` when the request has none.
///
/// A body whose signature fails is never parsed: an attacker's JSON does not
/// reach the parser at all.
///
/// # Errors
/// [`WebhookError::Signature`] (answer 401, or 500 when the secret is empty:
/// the receiver's configuration is at fault) or [`WebhookError::Delivery`]
/// (answer 400); [`WebhookError::status_code`] gives the number.
///
/// # Example
/// ```
/// use kakiyo_events::EventId;
/// use kakiyo_events::webhook::{parse_verified, sign};
///
/// let secret = b"whsec_test";
/// let body = br#"{"event":"campaign.completed","teamId":"team_1","timestamp":"2024-01-20T15:30:00Z"}"#;
/// let header = sign(secret, body); // what Kakiyo sends in X-Kakiyo-Signature
///
/// let delivery = parse_verified(secret, body, &header)?;
/// match delivery.event.known() {
///     Some(EventId::CampaignCompleted) => { /* … */ }
///     Some(_) => {}
///     None => { /* an id newer than this catalog: log it and answer 200 */ }
/// }
///
/// let mut tampered = body.to_vec();
/// tampered[10] ^= 1;
/// assert_eq!(parse_verified(secret, &tampered, &header).unwrap_err().status_code(), 401);
/// # Ok::<(), kakiyo_events::webhook::WebhookError>(())
/// ```
pub fn parse_verified(
    secret: &[u8],
    raw_body: &[u8],
    header_value: &str,
) -> Result<Delivery, WebhookError> {
    verify(secret, raw_body, header_value)?;
    Ok(parse_unverified(raw_body)?)
}

/// Parses a delivery **without checking any signature**.
///
/// Only for a webhook created with no secret, whose deliveries carry no
/// signature: then anyone who knows the URL can send you anything, and this
/// cannot tell. Give the webhook a secret and use [`parse_verified`] instead.
///
/// # Errors
/// A [`DeliveryError`]: the body is not JSON (with line and column), names a
/// key twice in one object (which two readers could take differently), is
/// not an object, or lacks `event` or `timestamp`.
///
/// # Example
/// ```
/// use kakiyo_events::AnyEventId;
/// use kakiyo_events::webhook::parse_unverified;
///
/// let delivery = parse_unverified(br#"{"event":"linkedin.message.received","teamId":"team_1","timestamp":"2025-07-15T10:30:00.000Z"}"#)?;
/// assert_eq!(delivery.event, AnyEventId::Unknown("linkedin.message.received".into()));
/// assert!(delivery.data.is_null());
/// # Ok::<(), kakiyo_events::webhook::DeliveryError>(())
/// ```
pub fn parse_unverified(raw_body: &[u8]) -> Result<Delivery, DeliveryError> {
    let value = strict_json::from_slice(raw_body).map_err(|err| match err {
        StrictJsonError::Syntax(err) => DeliveryError::Json(err),
        StrictJsonError::RepeatedKey { key, line, column } => {
            DeliveryError::RepeatedKey { key, line, column }
        }
    })?;
    Delivery::from_json(value)
}
