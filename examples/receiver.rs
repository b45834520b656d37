//! A minimal webhook receiver on loopback: it verifies each delivery's
//! `X-Kakiyo-Signature`, reads the envelope, and dispatches on the event.
//!
//! ```sh
//! KAKIYO_WEBHOOK_SECRET=whsec_test cargo run --example receiver --features webhook
//! # in another shell:
//! cargo run --features cli -- trigger prospect.qualified \
//!     --url http://127.0.0.1:8787/ --secret whsec_test
//! ```
//!
//! It answers 200 for a verified delivery, 401 for a missing or bad signature,
//! 400 for a body that is not a delivery, 405 for anything but POST and 413
//! for a body over 1 MiB. Set `PORT` to listen on another port.
//!
//! Requests are answered by [`WORKERS`] threads, so a client that stalls in
//! the middle of its body holds one of them, not the whole receiver. tiny_http
//! has no read timeout, so enough stalled clients still hold them all: put a
//! deployed service behind a server or proxy that times out slow clients.

use std::io::Read;
use std::process::ExitCode;

use kakiyo_events::EventId;
use kakiyo_events::webhook::{Delivery, SIGNATURE_HEADER, parse_verified};

/// Kakiyo's deliveries are small; a larger body is refused unread.
const MAX_BODY_BYTES: u64 = 1024 * 1024;

/// How many requests are answered at once. Public for tests/webhook_trigger.rs,
/// which unblocks each worker to stop the receiver.
pub const WORKERS: usize = 4;

fn main() -> ExitCode {
    let Some(secret) = std::env::var_os("KAKIYO_WEBHOOK_SECRET").filter(|s| !s.is_empty()) else {
        eprintln!("error: set KAKIYO_WEBHOOK_SECRET to the webhook's secret");
        return ExitCode::from(2);
    };
    let port = match std::env::var("PORT").map(|p| p.parse::<u16>()) {
        Err(_) => 8787,
        Ok(Ok(port)) => port,
        Ok(Err(e)) => {
            eprintln!("error: PORT is not a port number: {e}");
            return ExitCode::from(2);
        }
    };
    // Loopback only: this is for trying a handler out on your own machine.
    let server = match tiny_http::Server::http(("127.0.0.1", port)) {
        Ok(server) => server,
        Err(e) => {
            eprintln!("error: cannot listen on 127.0.0.1:{port}: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("listening on http://127.0.0.1:{port}/ (Ctrl-C to stop)");
    serve(&server, secret.as_encoded_bytes());
    ExitCode::SUCCESS
}

/// Answers requests on [`WORKERS`] threads until the server is unblocked
/// once per worker, or dropped. Public for tests/webhook_trigger.rs, which
/// runs this very code against `trigger`.
pub fn serve(server: &tiny_http::Server, secret: &[u8]) {
    std::thread::scope(|scope| {
        for _ in 0..WORKERS {
            scope.spawn(|| {
                for mut request in server.incoming_requests() {
                    let (status, message) = respond(&mut request, secret);
                    println!(
                        "{} {} -> {status} {message}",
                        request.method(),
                        request.url()
                    );
                    let response =
                        tiny_http::Response::from_string(message + "\n").with_status_code(status);
                    if let Err(e) = request.respond(response) {
                        eprintln!("could not answer: {e}");
                    }
                }
            });
        }
    });
}

/// The HTTP side: method, header and a bounded body, then [`handle`].
fn respond(request: &mut tiny_http::Request, secret: &[u8]) -> (u16, String) {
    if *request.method() != tiny_http::Method::Post {
        return (405, "send deliveries with POST".into());
    }
    let signature = request
        .headers()
        .iter()
        .find(|header| header.field.equiv(SIGNATURE_HEADER))
        .map(|header| header.value.as_str().to_owned());
    let mut raw_body = Vec::new();
    if let Err(e) = request
        .as_reader()
        .take(MAX_BODY_BYTES + 1)
        .read_to_end(&mut raw_body)
    {
        return (400, format!("cannot read the body: {e}"));
    }
    if raw_body.len() as u64 > MAX_BODY_BYTES {
        return (413, format!("body over {MAX_BODY_BYTES} bytes"));
    }
    handle(secret, signature.as_deref(), &raw_body)
}

/// What a real service keeps: verify over the raw bytes, then parse, then act.
fn handle(secret: &[u8], signature: Option<&str>, raw_body: &[u8]) -> (u16, String) {
    match parse_verified(secret, raw_body, signature.unwrap_or("")) {
        Ok(delivery) => (200, dispatch(&delivery)),
        // Nothing from an unverified body is acted on, or echoed back.
        Err(e) => (e.status_code(), e.to_string()),
    }
}

/// One arm per catalog event and no wildcard: when the catalog gains an event,
/// this stops compiling until someone decides what to do with it.
fn dispatch(delivery: &Delivery) -> String {
    let action = match delivery.event.known() {
        Some(EventId::ProspectQualified) => "hand the prospect to sales",
        Some(EventId::ProspectResponded | EventId::MessageReceived) => "tell the prospect's owner",
        Some(
            EventId::ProspectDisqualified | EventId::ProspectPaused | EventId::ProspectResumed,
        ) => "update the prospect's status in the CRM",
        Some(
            EventId::CampaignStarted
            | EventId::CampaignPaused
            | EventId::CampaignResumed
            | EventId::CampaignCompleted
            | EventId::CampaignDeleted,
        ) => "update the campaign dashboard",
        Some(EventId::MessageSent | EventId::MessageScheduled) => "log the outreach",
        Some(EventId::MessageFailed) => "retry or alert",
        Some(
            EventId::ConnectionSent
            | EventId::ConnectionAccepted
            | EventId::ConnectionRejected
            | EventId::ConnectionWithdrawn,
        ) => "update the connection funnel",
        Some(EventId::AgentStatusChanged) => "update the agent's status",
        Some(EventId::AgentHealthAlert | EventId::AgentLimitsReached | EventId::AgentOffline) => {
            "page the on-call"
        }
        // Kakiyo's live vocabulary (`linkedin.message.received`) or an event
        // newer than this catalog: acknowledge it, so Kakiyo does not retry.
        None => "not in this catalog; acknowledged",
    };
    let team = delivery.team_id.as_deref().unwrap_or("no team");
    format!(
        "{} ({team}, {}): {action}",
        delivery.event, delivery.timestamp
    )
}
