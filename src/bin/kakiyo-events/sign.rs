//! `kakiyo-events sign --secret S FILE|-`: the signature Kakiyo would send.

use std::ffi::OsString;

use kakiyo_events::webhook::sign;

use crate::input::Source;
use crate::output::{BadInput, Outcome, Report};

/// Print the X-Kakiyo-Signature Kakiyo would send for a body.
///
/// The HMAC-SHA256 of the body's exact bytes under the webhook's secret, as
/// 64 lowercase hex digits.
#[derive(clap::Args)]
pub struct Args {
    /// The webhook's secret. Note that a command line can be read by other
    /// users of the machine (`ps`): use a test secret.
    #[arg(long, value_name = "S")]
    secret: String,

    /// The raw body to sign: a file, or `-` for stdin. Its bytes are signed
    /// exactly as they are, trailing newline included.
    #[arg(value_name = "FILE|-")]
    body: OsString,
}

pub fn run(args: &Args) -> Outcome {
    if args.secret.is_empty() {
        return Err(BadInput::new(
            "the secret is empty: give the webhook's secret with --secret",
        ));
    }
    let body = Source::from_arg(&args.body).read_bytes()?;
    Ok(Report::success(format!(
        "{}\n",
        sign(args.secret.as_bytes(), &body)
    )))
}
