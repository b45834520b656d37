//! The errors of [`crate::webhook`]: a signature that does not check out, a
//! body that is not a delivery, and the two together for `parse_verified`.

use core::fmt;

use super::signature::MAX_SIGNATURE_LEN;
use crate::strict_json::bounded;

/// Why [`verify`](super::verify) rejected a delivery's signature.
///
/// The three cases a receiver treats differently: no signature at all
/// ([`Missing`](Self::Missing): the webhook may have no secret, or the request
/// is not from Kakiyo), a signature that is not one
/// ([`Malformed`](Self::Malformed)), and a well-formed signature over other
/// bytes or with another secret ([`Mismatch`](Self::Mismatch)). Answer all
/// three with `401` and do not act on the body. The fourth,
/// [`EmptySecret`](Self::EmptySecret), is the receiver's own configuration at
/// fault, not the request: answer it with `500`.
///
/// # Example
/// ```
/// use kakiyo_events::webhook::{MalformedSignature, SignatureError, verify};
///
/// assert_eq!(verify(b"secret", b"{}", "  "), Err(SignatureError::Missing));
/// assert_eq!(
///     verify(b"secret", b"{}", "xyz!"),
///     Err(SignatureError::Malformed(MalformedSignature::NotHexOrBase64))
/// );
/// assert_eq!(verify(b"secret", b"{}", &"0".repeat(64)), Err(SignatureError::Mismatch));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SignatureError {
    /// The header is absent, empty, blank, or only a prefix such as `sha256=`.
    /// Pass `""` to [`verify`](super::verify) when the request has no header.
    Missing,
    /// The header holds something that is not an HMAC-SHA256 in hex or base64.
    Malformed(MalformedSignature),
    /// A well-formed MAC that does not match the body under this secret: the
    /// body was changed, or it was signed with another secret.
    Mismatch,
    /// The secret given to check with is empty. Anyone can sign with an empty
    /// key, so nothing checked with one would mean anything; this is a
    /// configuration error (an unset environment variable, typically).
    EmptySecret,
}

/// How a signature header failed to be an HMAC-SHA256 in hex or base64.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MalformedSignature {
    /// Longer than any encoding of a 32-byte MAC (64 hex digits) after
    /// trimming whitespace and a prefix such as `sha256=`, or over 256 bytes in all.
    /// Checked before any decoding or trimming, so a huge header costs nothing.
    TooLong {
        /// Its length in bytes.
        len: usize,
    },
    /// Neither hex nor standard base64.
    NotHexOrBase64,
    /// Prefixed with a name, then `=` or `:`, that does not name HMAC-SHA256
    /// (such as `sha1=…` or `v1=…`; `sha256=`, `hmac-sha256=` and the like are
    /// cut and the rest verified): Kakiyo signs with HMAC-SHA256.
    UnsupportedAlgorithm,
    /// Hex or base64 that decodes to the wrong number of bytes (an
    /// HMAC-SHA256 is 32): truncated, or another algorithm's MAC.
    WrongLength {
        /// The number of bytes it decodes to.
        bytes: usize,
    },
    /// An odd number of hex digits: hex that lost a digit, such as 63 of a
    /// MAC's 64. 43 hex digits are first read as a MAC in unpadded base64
    /// (that length), and are this only when they are not one.
    OddHexDigits {
        /// How many hex digits there are.
        digits: usize,
    },
}

impl fmt::Display for SignatureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Missing => {
                f.write_str("missing signature: the X-Kakiyo-Signature header is absent or empty")
            }
            Self::Malformed(why) => write!(f, "malformed signature: {why}"),
            Self::Mismatch => f.write_str(
                "signature mismatch: the body was changed, or signed with another secret",
            ),
            Self::EmptySecret => {
                f.write_str("empty secret: a signature cannot be checked with an empty secret")
            }
        }
    }
}

impl fmt::Display for MalformedSignature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLong { len } => write!(
                f,
                "{len} bytes long, but an HMAC-SHA256 is at most {MAX_SIGNATURE_LEN} characters \
                 (hex) or 44 (base64)"
            ),
            Self::NotHexOrBase64 => f.write_str("neither hex nor standard base64"),
            Self::UnsupportedAlgorithm => f.write_str(
                "prefixed with a name other than sha256= or hmac-sha256= (Kakiyo signs with HMAC-SHA256)",
            ),
            Self::WrongLength { bytes } => write!(
                f,
                "decodes to {bytes} bytes, but an HMAC-SHA256 is 32 bytes \
                 (64 hex digits or 44 base64 characters)"
            ),
            Self::OddHexDigits { digits } => write!(
                f,
                "{digits} hex digits, an odd number, but an HMAC-SHA256 is 64 hex digits"
            ),
        }
    }
}

/// `Display` already shows the [`MalformedSignature`] of
/// [`Malformed`](SignatureError::Malformed), so `source` returns `None`.
impl std::error::Error for SignatureError {}

impl std::error::Error for MalformedSignature {}

/// Why a body is not a Kakiyo delivery envelope.
///
/// Each message names the field at fault, e.g. ``delivery has no `timestamp` field``.
///
/// # Example
/// ```
/// use kakiyo_events::webhook::{DeliveryError, parse_unverified};
///
/// let err = parse_unverified(br#"{"event": "prospect.qualified"}"#).unwrap_err();
/// assert!(matches!(err, DeliveryError::MissingField("timestamp")));
/// assert_eq!(err.to_string(), "delivery has no `timestamp` field");
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum DeliveryError {
    /// The body is not JSON; the message gives the 1-based line and column
    /// (in bytes).
    Json(serde_json::Error),
    /// An object in the body names a key twice. serde_json would keep the
    /// last value and another reader of the same bytes might keep the first,
    /// so the body is refused rather than read one way.
    RepeatedKey {
        /// The key, cut to its first 64 bytes (then ending in `…`).
        key: String,
        /// 1-based line of the repeat.
        line: usize,
        /// 1-based column where the repeated key ends, counted in bytes.
        column: usize,
    },
    /// The body is JSON, but not an object.
    NotAnObject,
    /// A required field is absent (or `null`): `event` or `timestamp`.
    MissingField(&'static str),
    /// A field has the wrong JSON type, e.g. a number where a string belongs.
    /// `field` is its path: `event`, `timestamp`, `teamId`, `team`, `team.id`
    /// or `team.name`.
    WrongType {
        /// The field's path in the envelope.
        field: &'static str,
        /// What it must be.
        expected: &'static str,
    },
    /// A required string field, or a team id that is present, is empty or
    /// only whitespace.
    EmptyField(&'static str),
    /// Both envelope shapes are present and name different teams. The
    /// fields hold both ids whole; the message shows each cut to its first 64
    /// bytes (then `…`), as a body anyone can post must not make a huge log
    /// line.
    TeamConflict {
        /// The value of `teamId`.
        team_id: String,
        /// The value of `team.id`.
        team_dot_id: String,
    },
}

impl fmt::Display for DeliveryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // An error not made by reading text (`serde_json::from_value`,
            // an I/O error) has no position: line 0.
            Self::Json(e) if e.line() == 0 => write!(f, "delivery body is not JSON: {e}"),
            Self::Json(e) => {
                // The position apart and from column 1, as `diff` writes it.
                let (what, line, column) = crate::strict_json::syntax_parts(e);
                write!(
                    f,
                    "delivery body is not JSON: {what} at line {line}, column {column}"
                )
            }
            Self::RepeatedKey { key, line, column } => write!(
                f,
                "delivery body names the key {key:?} twice in one object (line {line}, column {column})"
            ),
            Self::NotAnObject => f.write_str("delivery body is not a JSON object"),
            Self::MissingField(field) => write!(f, "delivery has no `{field}` field"),
            Self::WrongType { field, expected } => {
                write!(f, "delivery field `{field}` must be {expected}")
            }
            Self::EmptyField(field) => write!(f, "delivery field `{field}` is empty or blank"),
            Self::TeamConflict {
                team_id,
                team_dot_id,
            } => write!(
                f,
                "delivery names two teams: `teamId` is {:?} but `team.id` is {:?}",
                bounded(team_id),
                bounded(team_dot_id)
            ),
        }
    }
}

/// `Display` already shows serde_json's message for [`Json`](DeliveryError::Json),
/// so `source` returns `None` for every case: a caller walking the chain sees
/// each message once (as with [`WebhookError`]).
impl std::error::Error for DeliveryError {}

/// Why [`parse_verified`](super::parse_verified) refused a request: the
/// signature (checked first; the body was then never parsed) or the envelope.
///
/// Answer [`Signature`](Self::Signature) with `401` (`500` for
/// [`SignatureError::EmptySecret`]) and [`Delivery`](Self::Delivery) with
/// `400`; see [`status_code`](Self::status_code).
#[derive(Debug)]
#[non_exhaustive]
pub enum WebhookError {
    /// The signature did not check out; the body was not parsed.
    Signature(SignatureError),
    /// The signature is good but the body is not a delivery envelope.
    Delivery(DeliveryError),
}

impl WebhookError {
    /// The HTTP status to answer with: `401` for a bad signature, `400` for a
    /// bad envelope, and `500` when the secret checked with is empty (an unset
    /// environment variable, typically): that is the receiver's configuration
    /// at fault, not the request, and a `5xx` does not tell the sender its
    /// signature was wrong.
    ///
    /// # Example
    /// ```
    /// use kakiyo_events::webhook::{parse_verified, sign};
    ///
    /// let err = parse_verified(b"secret", b"{}", "").unwrap_err();
    /// assert_eq!(err.status_code(), 401);
    ///
    /// let signature = sign(b"secret", b"{}");
    /// let err = parse_verified(b"", b"{}", &signature).unwrap_err();
    /// assert_eq!(err.status_code(), 500);
    /// ```
    #[must_use]
    pub fn status_code(&self) -> u16 {
        match self {
            Self::Signature(SignatureError::EmptySecret) => 500,
            Self::Signature(_) => 401,
            Self::Delivery(_) => 400,
        }
    }
}

impl fmt::Display for WebhookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Signature(e) => e.fmt(f),
            Self::Delivery(e) => e.fmt(f),
        }
    }
}

/// `Display` already shows the inner error, so `source` skips it (as the
/// error-handling guidelines ask) and goes on to its own source.
impl std::error::Error for WebhookError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Signature(e) => std::error::Error::source(e),
            Self::Delivery(e) => std::error::Error::source(e),
        }
    }
}

impl From<SignatureError> for WebhookError {
    fn from(e: SignatureError) -> Self {
        Self::Signature(e)
    }
}

impl From<DeliveryError> for WebhookError {
    fn from(e: DeliveryError) -> Self {
        Self::Delivery(e)
    }
}
