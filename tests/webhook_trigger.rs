//! `kakiyo-events trigger`, `sign` and `verify` run as a user would: against
//! examples/receiver.rs (its own code, included below) and a recording
//! server, both on 127.0.0.1 with a port the OS picks. No other address is contacted.
#![cfg(all(feature = "cli", feature = "webhook"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use std::thread::{self, JoinHandle};

use kakiyo_events::webhook::{SIGNATURE_HEADER, parse_verified, sign};

/// The example receiver itself, so the test runs the code a user copies.
#[allow(dead_code)]
#[path = "../examples/receiver.rs"]
mod receiver;

const BIN: &str = env!("CARGO_BIN_EXE_kakiyo-events");
const SECRET: &str = "whsec_loopback_test";

/// The example receiver on 127.0.0.1, port 0; stops when dropped.
struct Receiver {
    server: Arc<tiny_http::Server>,
    thread: Option<JoinHandle<()>>,
    url: String,
}

impl Receiver {
    fn start(secret: &'static str) -> Self {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").unwrap());
        let port = server.server_addr().to_ip().unwrap().port();
        let serving = Arc::clone(&server);
        let thread = thread::spawn(move || receiver::serve(&serving, secret.as_bytes()));
        Self {
            server,
            thread: Some(thread),
            url: format!("http://127.0.0.1:{port}/webhooks/kakiyo"),
        }
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        for _ in 0..receiver::WORKERS {
            self.server.unblock();
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_signed_delivery_is_accepted_and_dispatched() {
    let receiver = Receiver::start(SECRET);
    let out = run(&[
        "trigger",
        "prospect.qualified",
        "--url",
        &receiver.url,
        "--secret",
        SECRET,
        "--team-id",
        "team_1",
        "--data",
        r#"{"prospect":{"id":"p_1"}}"#,
    ]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.starts_with("200 OK\nprospect.qualified (team_1, "),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("): hand the prospect to sales\n"),
        "{stdout}"
    );
    assert_eq!(text(&out.stderr), "");
}

/// A client that stalls in the middle of its body holds one worker, not the
/// receiver: a delivery sent meanwhile is answered. (Were it queued behind the
/// stalled one, `trigger` would give up after its 10 s and exit 1.)
#[test]
fn a_stalled_client_does_not_hold_up_other_deliveries() {
    let receiver = Receiver::start(SECRET);
    let address = receiver.url.trim_start_matches("http://");
    let address = &address[..address.find('/').unwrap()];
    let mut stalled = std::net::TcpStream::connect(address).unwrap();
    stalled
        .write_all(b"POST /webhooks/kakiyo HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n{")
        .unwrap();
    let out = run(&[
        "trigger",
        "message.sent",
        "--url",
        &receiver.url,
        "--secret",
        SECRET,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("200 OK\n"),
        "{}",
        text(&out.stdout)
    );
    drop(stalled);
}

#[test]
fn a_wrong_secret_is_refused_with_401() {
    let receiver = Receiver::start(SECRET);
    let out = run(&[
        "trigger",
        "message.sent",
        "--url",
        &receiver.url,
        "--secret",
        "not_the_secret",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        "401 Unauthorized\nsignature mismatch: the body was changed, or signed with another secret\n"
    );
    assert_eq!(
        text(&out.stderr),
        "error: the receiver answered 401 Unauthorized\n"
    );
}

#[test]
fn an_unsigned_delivery_is_refused_with_401() {
    let receiver = Receiver::start(SECRET);
    let out = run(&["trigger", "message.sent", "--url", &receiver.url]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        "401 Unauthorized\nmissing signature: the X-Kakiyo-Signature header is absent or empty\n"
    );
}

#[test]
fn an_unknown_event_is_sent_only_when_allowed() {
    let receiver = Receiver::start(SECRET);
    let out = run(&[
        "trigger",
        "linkedin.message.received",
        "--url",
        &receiver.url,
        "--secret",
        SECRET,
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stdout), "");
    assert_eq!(
        text(&out.stderr),
        "error: unknown event id \"linkedin.message.received\" (--allow-unknown sends it anyway)\n"
    );

    let out = run(&["trigger", "prospect.qualifed", "--url", &receiver.url]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("did you mean \"prospect.qualified\"?"),
        "{}",
        text(&out.stderr)
    );

    let out = run(&[
        "trigger",
        "linkedin.message.received",
        "--allow-unknown",
        "--url",
        &receiver.url,
        "--secret",
        SECRET,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("200 OK\nlinkedin.message.received (no team, "),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("): not in this catalog; acknowledged\n"),
        "{stdout}"
    );
}

/// The request line, the headers (names lowercased) and the body.
type Recorded = (String, Vec<(String, String)>, Vec<u8>);

/// A server that records one request and answers 204, to check exactly what
/// trigger sends.
fn record_one_request() -> (String, JoinHandle<Recorded>) {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let port = server.server_addr().to_ip().unwrap().port();
    let thread = thread::spawn(move || {
        let mut request = server.recv().unwrap();
        let headers = request
            .headers()
            .iter()
            .map(|h| {
                (
                    h.field.as_str().as_str().to_ascii_lowercase(),
                    h.value.as_str().to_owned(),
                )
            })
            .collect();
        let mut body = Vec::new();
        request.as_reader().read_to_end(&mut body).unwrap();
        let line = format!("{} {}", request.method(), request.url());
        request.respond(tiny_http::Response::empty(204)).unwrap();
        (line, headers, body)
    });
    (format!("http://127.0.0.1:{port}/hook?x=1"), thread)
}

#[test]
fn trigger_sends_the_guides_envelope_signed_in_lowercase_hex() {
    let (url, recording) = record_one_request();
    let before = utc_minute(std::time::SystemTime::now());
    let out = run(&[
        "trigger",
        "agent.offline",
        "--url",
        &url,
        "--secret",
        SECRET,
        "--team-id",
        "team_9",
        "--data",
        r#"{"agentId": "a1"}"#,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "204 No Content\n");

    let (line, headers, body) = recording.join().unwrap();
    assert_eq!(line, "POST /hook?x=1");
    let header = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(header("content-type").as_deref(), Some("application/json"));
    let signature = header(&SIGNATURE_HEADER.to_ascii_lowercase()).unwrap();
    assert_eq!(signature, sign(SECRET.as_bytes(), &body));
    assert!(
        signature
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    );

    let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let keys: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, ["data", "event", "teamId", "timestamp"]);
    let delivery = parse_verified(SECRET.as_bytes(), &body, &signature).unwrap();
    assert_eq!(delivery.event.as_str(), "agent.offline");
    assert_eq!(delivery.team_id.as_deref(), Some("team_9"));
    assert_eq!(delivery.data, serde_json::json!({"agentId": "a1"}));
    // 2025-07-15T10:30:00.000Z
    let t = delivery.timestamp.as_bytes();
    assert_eq!(
        (t.len(), t[4], t[10], t[19], t[23]),
        (24, b'-', b'T', b'.', b'Z'),
        "{}",
        delivery.timestamp
    );
    // And it is now, to the minute (ISO strings sort as times do).
    let after = utc_minute(std::time::SystemTime::now());
    let sent = &delivery.timestamp[..16];
    assert!(
        before.as_str() <= sent && sent <= after.as_str(),
        "{before} <= {sent} <= {after}"
    );
}

/// `YYYY-MM-DDTHH:MM` in UTC, computed independently of the command
/// (days to a civil date by Howard Hinnant's algorithm).
fn utc_minute(time: std::time::SystemTime) -> String {
    let secs = time
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}",
        rest / 3600,
        rest % 3600 / 60
    )
}

#[test]
fn no_connection_exits_1() {
    // A port that was just free: nothing listens there now.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/");
    let out = run(&["trigger", "message.sent", "--url", &url]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "");
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(&format!("error: cannot POST to {url}: ")),
        "{stderr}"
    );
}

/// A receiver that takes the connection and never answers is given up after
/// Kakiyo's 10 s per attempt: exit 1, the reason named. Only the lower bound
/// of the wait is checked: a loaded machine may take longer, never less.
#[test]
fn a_receiver_that_never_answers_times_out_after_10_s() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    // Holds the accepted connection open, reading nothing, until the test ends.
    let holder = thread::spawn(move || listener.accept().map(|(stream, _)| stream));
    let started = std::time::Instant::now();
    let out = run(&["trigger", "message.sent", "--url", &url]);
    let waited = started.elapsed();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(&format!("error: cannot POST to {url}: ")) && stderr.contains("timeout"),
        "{stderr}"
    );
    assert!(waited >= std::time::Duration::from_secs(10), "{waited:?}");
    // And not much more: a 20 s timeout would show here (the bound leaves a
    // loaded machine 10 s to start the process and notice).
    assert!(waited < std::time::Duration::from_secs(20), "{waited:?}");
    drop(holder.join().unwrap());
}

/// trigger goes straight to the URL given: proxy variables in the
/// environment are not used (here they name a port where nothing listens).
#[test]
fn proxy_variables_are_ignored() {
    let (url, recording) = record_one_request();
    let out = Command::new(BIN)
        .args(["trigger", "message.sent", "--url", &url])
        .env("NO_COLOR", "1")
        .env("http_proxy", "http://127.0.0.1:9")
        .env("HTTP_PROXY", "http://127.0.0.1:9")
        .env("ALL_PROXY", "http://127.0.0.1:9")
        .env("all_proxy", "http://127.0.0.1:9")
        .env_remove("NO_PROXY")
        .env_remove("no_proxy")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "204 No Content\n");
    let (line, _, _) = recording.join().unwrap();
    assert_eq!(line, "POST /hook?x=1");
}

/// A redirect is an answer, not an instruction: trigger shows it and exits 1,
/// and sends nothing to where it points.
/// Runs `trigger message.sent` against a server on 127.0.0.1 that answers its
/// one request with `response`.
fn trigger_answered_with<R: std::io::Read + Send + 'static>(
    response: tiny_http::Response<R>,
) -> Output {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let port = server.server_addr().to_ip().unwrap().port();
    let answering = thread::spawn(move || server.recv().unwrap().respond(response).unwrap());
    let url = format!("http://127.0.0.1:{port}/");
    let out = run(&["trigger", "message.sent", "--url", &url]);
    answering.join().unwrap();
    out
}

#[test]
fn a_redirect_is_shown_not_followed() {
    let location =
        tiny_http::Header::from_bytes("Location", "http://127.0.0.1:9/elsewhere").unwrap();
    let out = trigger_answered_with(tiny_http::Response::empty(302).with_header(location));
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("302 Found\n"),
        "{}",
        text(&out.stdout)
    );
}

/// Whatever answers at the URL writes the body `trigger` prints: its lines
/// are kept and its control and formatting characters escaped.
#[test]
fn the_receivers_answer_cannot_drive_the_terminal() {
    let body = "ok\x1b[2J\x1b]0;owned\x07\r\nsecond\rline\u{202e}txt\n";
    let out = trigger_answered_with(tiny_http::Response::from_string(body));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "200 OK\nok\\u{1b}[2J\\u{1b}]0;owned\\u{7}\nsecond\\rline\\u{202e}txt\n"
    );
}

#[test]
fn bad_arguments_exit_2_before_any_request() {
    // (event, more arguments, stderr)
    let cases: [(&str, &[&str], &str); 11] = [
        (
            "message.sent",
            &["--data", "{not json"],
            "error: --data is not JSON: invalid JSON at line 1, column 2: key must be a string\n",
        ),
        (
            "message.sent",
            &["--data", r#"{"agentId": "a1", "agentId": "a2"}"#],
            "error: --data is not JSON: invalid JSON at line 1, column 27: an object names the key \"agentId\" twice\n",
        ),
        (
            "message.sent",
            &["--url", "https://127.0.0.1/"],
            "error: --url \"https://127.0.0.1/\": only http:// is supported; trigger is for a receiver on your own machine\n",
        ),
        (
            "message.sent",
            &["--url", "127.0.0.1:8787"],
            "error: --url \"127.0.0.1:8787\" is not an http:// URL, e.g. http://127.0.0.1:8787/\n",
        ),
        (
            "message.sent",
            &["--url", "http://exa mple/"],
            "error: --url \"http://exa mple/\" is not a URL: invalid uri character\n",
        ),
        (
            "message.sent",
            &["--url", "http://:80/"],
            "error: --url \"http://:80/\" has no host\n",
        ),
        // A port the URL cannot have: the client would go to port 80 instead.
        (
            "message.sent",
            &["--url", "http://127.0.0.1:99999/"],
            "error: --url \"http://127.0.0.1:99999/\": the port must be a number from 1 to 65535\n",
        ),
        (
            "message.sent",
            &["--url", "http://127.0.0.1:abc/"],
            "error: --url \"http://127.0.0.1:abc/\": the port must be a number from 1 to 65535\n",
        ),
        (
            "message.sent",
            &["--secret", ""],
            "error: the secret is empty: leave out --secret to send unsigned\n",
        ),
        (
            "message.sent",
            &["--team-id", " "],
            "error: the team id is blank: leave out --team-id to send none\n",
        ),
        // A blank event is bad input even where unknown ids are allowed.
        (" ", &["--allow-unknown"], "error: the event id is empty\n"),
    ];
    for (event, extra, stderr) in cases {
        let mut args = vec!["trigger", event];
        args.extend_from_slice(extra);
        if !extra.contains(&"--url") {
            // Port 9 (discard): were a request sent, it would fail with exit 1, not 2.
            args.extend_from_slice(&["--url", "http://127.0.0.1:9/"]);
        }
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{event:?} {extra:?}");
        assert_eq!(text(&out.stderr), stderr, "{event:?} {extra:?}");
    }
}

#[test]
fn sign_and_verify_commands() {
    let body = br#"{"event":"message.sent","timestamp":"2024-01-20T15:30:00Z"}"#;
    let path =
        std::env::temp_dir().join(format!("kakiyo-webhook-body-{}.json", std::process::id()));
    std::fs::write(&path, body).unwrap();
    let file = path.to_str().unwrap();

    // Python's hmac gives 8d8954ba…90bf for this body and secret (see tests/webhook_signature.rs).
    let out = run(&["sign", "--secret", "s3cret", file]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        "8d8954bac542829d5fb7498a4670ba495eb3dba192e6d1ec5af81b58fd3990bf\n"
    );

    let signed_stdin = piped(&["sign", "--secret", "s3cret", "-"], body);
    assert_eq!(signed_stdin.stdout, out.stdout);
    // The bytes as they are: a trailing newline is signed too.
    let with_newline = [&body[..], b"\n"].concat();
    let signed = piped(&["sign", "--secret", "s3cret", "-"], &with_newline);
    assert_eq!(
        text(&signed.stdout),
        format!("{}\n", sign(b"s3cret", &with_newline))
    );

    let verify = |secret: &str, signature: &str| {
        run(&["verify", "--secret", secret, "--signature", signature, file])
    };
    let hex = "8d8954bac542829d5fb7498a4670ba495eb3dba192e6d1ec5af81b58fd3990bf";
    for good in [
        hex,
        &hex.to_uppercase(),
        &format!("sha256={hex}"),
        "jYlUusVCgp1ft0mKRnC6SV6z26GS5tHsWvgbWP05kL8=",
    ] {
        let out = verify("s3cret", good);
        assert_eq!(
            (out.status.code(), text(&out.stdout)),
            (Some(0), "valid signature\n".into()),
            "{good}"
        );
    }
    let out = verify("other", hex);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "error: signature mismatch: the body was changed, or signed with another secret\n"
    );
    for (bad, why) in [
        (
            "",
            "missing signature: the X-Kakiyo-Signature header is absent or empty",
        ),
        (
            "-abc",
            "malformed signature: neither hex nor standard base64",
        ),
        (
            &hex[..40],
            "malformed signature: decodes to 20 bytes, but an HMAC-SHA256 is 32 bytes (64 hex digits or 44 base64 characters)",
        ),
    ] {
        let out = verify("s3cret", bad);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert_eq!(text(&out.stderr), format!("error: {why}\n"), "{bad:?}");
    }
    let out = verify("", hex);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&[
        "verify",
        "--secret",
        "s3cret",
        "--signature",
        hex,
        "/nonexistent/body.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["sign", "--secret", "", file]);
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_file(&path).unwrap();
}

fn piped(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}
