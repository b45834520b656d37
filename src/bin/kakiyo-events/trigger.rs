//! `kakiyo-events trigger EVENT --url URL`: send a test delivery to your own
//! receiver, as Kakiyo would, signed when a secret is given.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use kakiyo_events::webhook::{Delivery, SIGNATURE_HEADER, sign};
use kakiyo_events::{AnyEventId, EventId};
use ureq::http::Uri;

use crate::output::{BadInput, Outcome, Report};
use crate::style::printable;

/// Kakiyo gives a receiver 10 s per attempt; so does this.
const TIMEOUT: Duration = Duration::from_secs(10);

/// Send a test delivery of EVENT to your own receiver (plain http:// only).
///
/// POSTs the webhooks guide's envelope {"event", "teamId", "timestamp",
/// "data"} as application/json, signed in X-Kakiyo-Signature (lowercase hex)
/// when --secret is given, and prints the response's status and body. Exit 0
/// on a 2xx answer; 1 on any other answer or when no connection can be made;
/// 2 on bad arguments. For a receiver on your machine: there is no TLS, no
/// proxy and no redirect.
#[derive(clap::Args)]
pub struct Args {
    /// The event id, e.g. prospect.qualified.
    #[arg(value_name = "EVENT")]
    event: String,

    /// Where your receiver listens: an http:// URL, e.g. http://127.0.0.1:8787/.
    #[arg(long, value_name = "URL")]
    url: String,

    /// Sign the body with this secret, as Kakiyo does for a webhook with one.
    /// Without it, no signature header is sent.
    #[arg(long, value_name = "S")]
    secret: Option<String>,

    /// The `teamId` of the delivery; without it, none is sent.
    #[arg(long, value_name = "T")]
    team_id: Option<String>,

    /// The delivery's `data`, as JSON.
    #[arg(long, value_name = "JSON", default_value = "{}")]
    data: String,

    /// Send EVENT even if the catalog does not know it, e.g. an id of
    /// Kakiyo's live vocabulary such as linkedin.message.received.
    #[arg(long)]
    allow_unknown: bool,
}

pub fn run(args: &Args) -> Outcome {
    let event = event_id(&args.event, args.allow_unknown)?;
    let data = crate::input::read_json(&args.data)
        .map_err(|why| BadInput::new(format!("--data is not JSON: {why}")))?;
    let url = http_url(&args.url)?;
    if args.secret.as_deref() == Some("") {
        return Err(BadInput::new(
            "the secret is empty: leave out --secret to send unsigned",
        ));
    }
    // A delivery's `teamId` names a team, and a blank one names none (a
    // receiver would show an empty team), so it is refused rather than sent.
    if args
        .team_id
        .as_deref()
        .is_some_and(|team| team.trim().is_empty())
    {
        return Err(BadInput::new(
            "the team id is blank: leave out --team-id to send none",
        ));
    }

    let mut delivery = Delivery::new(event, now_rfc3339());
    delivery.team_id = args.team_id.clone();
    delivery.data = data;
    let body = serde_json::to_vec(&delivery)
        .map_err(|err| BadInput::new(format!("cannot write the delivery: {err}")))?;

    let agent: ureq::Agent = ureq::Agent::config_builder()
        // A 4xx or 5xx is an answer to print, not a transport error.
        .http_status_as_error(false)
        // A receiver on your machine: never through a proxy from the environment.
        .proxy(None)
        .max_redirects(0)
        .timeout_global(Some(TIMEOUT))
        .build()
        .into();
    let mut request = agent.post(url).header("Content-Type", "application/json");
    if let Some(secret) = &args.secret {
        request = request.header(SIGNATURE_HEADER, sign(secret.as_bytes(), &body));
    }
    let mut response = match request.send(&body[..]) {
        Ok(response) => response,
        Err(err) => {
            return Ok(Report::failure(
                String::new(),
                format!("cannot POST to {}: {err}", args.url),
            ));
        }
    };
    let status = response.status();
    // Whatever answers at the URL writes this text: its lines are kept, and
    // every other control or formatting character is escaped, so a body
    // cannot drive the terminal (an escape sequence, a bare `\r`).
    let answer = match response.body_mut().read_to_vec() {
        Ok(bytes) => String::from_utf8_lossy(&bytes)
            .lines()
            .map(printable)
            .collect::<Vec<_>>()
            .join("\n"),
        Err(err) => format!("(could not read the response body: {err})"),
    };
    let mut stdout = format!("{status}\n{answer}");
    if !stdout.ends_with('\n') {
        stdout.push('\n');
    }
    if status.is_success() {
        Ok(Report::success(stdout))
    } else {
        Ok(Report::failure(
            stdout,
            format!("the receiver answered {status}"),
        ))
    }
}

/// A catalog id; any other non-empty id only with `--allow-unknown`.
fn event_id(event: &str, allow_unknown: bool) -> Result<AnyEventId, BadInput> {
    match event.parse::<EventId>() {
        Ok(id) => Ok(AnyEventId::Known(id)),
        Err(_) if allow_unknown && !event.trim().is_empty() => Ok(AnyEventId::from(event)),
        Err(_) if allow_unknown => Err(BadInput::new("the event id is empty")),
        Err(unknown) => Err(BadInput::new(format!(
            "{unknown} (--allow-unknown sends it anyway)"
        ))),
    }
}

/// An absolute `http://` URL. There is no TLS: `https://` is refused here
/// rather than failing later with a less clear message.
fn http_url(url: &str) -> Result<Uri, BadInput> {
    let uri: Uri = url
        .parse()
        .map_err(|err| BadInput::new(format!("--url {url:?} is not a URL: {err}")))?;
    match uri.scheme_str() {
        Some("http") if uri.host().is_some_and(|host| !host.is_empty()) => {
            check_port(url, &uri)?;
            Ok(uri)
        }
        Some("http") => Err(BadInput::new(format!("--url {url:?} has no host"))),
        Some("https") => Err(BadInput::new(format!(
            "--url {url:?}: only http:// is supported; trigger is for a receiver on your own machine"
        ))),
        _ => Err(BadInput::new(format!(
            "--url {url:?} is not an http:// URL, e.g. http://127.0.0.1:8787/"
        ))),
    }
}

/// The port after the host, if the URL gives one, must be a number from 1 to
/// 65535. `Uri` keeps whatever follows the host's `:` and answers no port for
/// one it cannot read, and the client then goes to port 80: a typo such as
/// `:99999` would reach another server, or look like a receiver that is down.
/// An empty port (`http://host:/`) means the default, as in any URL.
fn check_port(url: &str, uri: &Uri) -> Result<(), BadInput> {
    let Some(authority) = uri.authority() else {
        return Ok(());
    };
    let host_and_port = authority
        .as_str()
        .rsplit_once('@')
        .map_or(authority.as_str(), |(_, rest)| rest);
    // An IPv6 host is bracketed, and its colons are not the port's; after
    // the bracket there is nothing, or the port's colon (`http::Uri` accepts
    // `[::1]8787`, which the client would send to port 80).
    let port = match host_and_port.rsplit_once(']') {
        Some((_, "")) => return Ok(()),
        Some((_, rest)) => rest.strip_prefix(':').unwrap_or("not a port"),
        None => match host_and_port.rsplit_once(':') {
            Some((_, port)) => port,
            None => return Ok(()),
        },
    };
    match port.parse::<u16>() {
        _ if port.is_empty() => Ok(()),
        Ok(1..) if port.bytes().all(|b| b.is_ascii_digit()) => Ok(()),
        _ => Err(BadInput::new(format!(
            "--url {url:?}: the port must be a number from 1 to 65535"
        ))),
    }
}

/// Now, as Kakiyo writes timestamps: `2025-07-15T10:30:00.000Z`.
fn now_rfc3339() -> String {
    let since_epoch = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let seconds = since_epoch.as_secs();
    let (year, month, day) = civil_from_days(seconds / 86_400);
    let time = seconds % 86_400;
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        time / 3600,
        time / 60 % 60,
        time % 60,
        since_epoch.subsec_millis()
    )
}

/// The proleptic Gregorian date of a day count since 1970-01-01, by Howard
/// Hinnant's `civil_from_days` (days are never negative here).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(59), (1970, 3, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(19_742), (2024, 1, 20));
        assert_eq!(civil_from_days(20_284), (2025, 7, 15));
    }

    #[test]
    fn timestamps_look_like_kakiyos() {
        let now = now_rfc3339();
        assert_eq!(now.len(), "2025-07-15T10:30:00.000Z".len(), "{now}");
        assert!(now.ends_with('Z') && now.as_bytes()[10] == b'T', "{now}");
    }

    #[test]
    fn urls() {
        for good in [
            "http://127.0.0.1:8787/hooks",
            "http://localhost/",
            "http://localhost:/",
            "http://[::1]:8787/",
            "http://[::1]/",
            "http://user:pw@127.0.0.1:65535/",
            "http://127.0.0.1:1",
        ] {
            assert!(http_url(good).is_ok(), "{good:?}");
        }
        for bad in [
            "http://127.0.0.1:99999/",
            "http://127.0.0.1:65536/",
            "http://127.0.0.1:0/",
            "http://127.0.0.1:abc/",
            "http://127.0.0.1:+80/",
            "http://[::1]:99999/",
            "http://user:pw@127.0.0.1:x/",
            "http://[::1]8787/",
            "http://[::1]x/",
            "http://[::1]x:1/",
        ] {
            let err = http_url(bad).err().map(|e| e.to_string());
            assert_eq!(
                err.as_deref(),
                Some(format!("--url {bad:?}: the port must be a number from 1 to 65535").as_str()),
                "{bad:?}"
            );
        }
        for bad in [
            "",
            "127.0.0.1:8787",
            "https://example.test/",
            "ftp://x/",
            "http://",
            "not a url",
        ] {
            assert!(http_url(bad).is_err(), "{bad:?}");
        }
    }
}
