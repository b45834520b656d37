//! `kakiyo-events verify --secret S --signature SIG FILE|-`: check a delivery's signature.

use std::ffi::OsString;

use kakiyo_events::webhook::{SignatureError, verify};

use crate::input::Source;
use crate::output::{BadInput, Outcome, Report};

/// Check a delivery's X-Kakiyo-Signature against its body and the secret.
///
/// As a receiver built on `kakiyo_events::webhook::verify` does. Exit 0 when
/// it is valid, 1 when it does not match, 2 when the signature is missing or
/// not an HMAC-SHA256 in hex or base64, or the body cannot be read.
#[derive(clap::Args)]
pub struct Args {
    /// The webhook's secret. Note that a command line can be read by other
    /// users of the machine (`ps`): use a test secret.
    #[arg(long, value_name = "S")]
    secret: String,

    /// The header's value: hex (either case) or standard base64, with or
    /// without a leading `sha256=`, `hmac-sha256=` or `sha256:` (any case).
    #[arg(long, value_name = "SIG", allow_hyphen_values = true)]
    signature: String,

    /// The raw body as received: a file, or `-` for stdin.
    #[arg(value_name = "FILE|-")]
    body: OsString,
}

pub fn run(args: &Args) -> Outcome {
    let body = Source::from_arg(&args.body).read_bytes()?;
    match verify(args.secret.as_bytes(), &body, &args.signature) {
        Ok(()) => Ok(Report::success("valid signature\n".to_owned())),
        Err(SignatureError::Mismatch) => {
            Ok(Report::failure(String::new(), SignatureError::Mismatch))
        }
        Err(SignatureError::EmptySecret) => Err(BadInput::new(
            "the secret is empty: give the webhook's secret with --secret",
        )),
        Err(other) => Err(BadInput::new(other)),
    }
}
