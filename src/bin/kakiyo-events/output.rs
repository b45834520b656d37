//! What a subcommand hands back, and how it reaches the terminal: stdout,
//! at most one `error:` line on stderr, and the exit code.

use std::ffi::OsString;
use std::fmt::{self, Write as _};
use std::io::{self, Write};
use std::process::ExitCode;

use crate::escape::needs_escape_in_id;
use crate::strict_json::bounded;
use crate::strict_json::echo::{ECHOED, prefix};
use crate::style::{printable, printable_id};

/// The run ended: 0 success, 1 a check failed, 2 the input was bad.
pub type Outcome = Result<Report, BadInput>;

/// What a subcommand that could read its input prints, and whether its check passed.
pub struct Report {
    stdout: String,
    /// `Some` when the check failed (exit 1): the one line for stderr.
    failure: Option<String>,
}

impl Report {
    /// Exit 0, printing `stdout`.
    pub fn success(stdout: String) -> Self {
        Self {
            stdout,
            failure: None,
        }
    }

    /// Exit 1, printing `stdout` and `error: {why}` on stderr.
    pub fn failure(stdout: String, why: impl fmt::Display) -> Self {
        Self {
            stdout,
            failure: Some(why.to_string()),
        }
    }
}

/// Input that cannot be used (exit 2): a missing file, bytes that are not
/// UTF-8, JSON that does not parse, an unknown id where one is required.
#[derive(Debug)]
pub struct BadInput(String);

impl BadInput {
    pub fn new(why: impl fmt::Display) -> Self {
        Self(why.to_string())
    }
}

/// The message, as the `error:` line shows it.
impl fmt::Display for BadInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `--format` of the subcommands that print either a report for people or JSON.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum TextOrJson {
    /// For people.
    #[default]
    Text,
    /// For programs.
    Json,
}

/// Pretty JSON of a report; serializing plain data to a string cannot fail,
/// but if it ever did the user gets an error line, not a panic.
pub fn to_json(value: &impl serde::Serialize) -> Result<String, BadInput> {
    serde_json::to_string_pretty(value)
        .map(|json| {
            let mut json = visible_json(&json);
            json.push('\n');
            json
        })
        .map_err(|err| BadInput::new(format!("cannot write JSON: {err}")))
}

/// `json` with every character that [`printable_id`] would escape, bar the
/// newlines between its lines, written as `\uXXXX` (a UTF-16 surrogate pair
/// past the Basic Multilingual Plane): the same JSON value (or TypeScript
/// string), but no bidi override, line separator, invisible, tag or combining
/// character from the catalog in the text a reviewer reads (serde_json
/// escapes only what JSON requires). Outside strings, JSON has none of them.
/// Unlike text shown on a terminal, nothing here needs a joiner drawn: the
/// value is the same either way.
pub fn visible_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c != '\n' && needs_escape_in_id(c) {
            for unit in c.encode_utf16(&mut [0; 2]) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

const EXIT_FAILED: u8 = 1;
const EXIT_BAD_INPUT: u8 = 2;

/// Prints the outcome and gives the exit code.
pub fn finish(outcome: Outcome) -> ExitCode {
    match outcome {
        Ok(report) => {
            if let Err(err) = write_stdout(&report.stdout) {
                return write_failed(&err);
            }
            match report.failure {
                None => ExitCode::SUCCESS,
                Some(why) => {
                    error_line(&why);
                    ExitCode::from(EXIT_FAILED)
                }
            }
        }
        Err(BadInput(why)) => {
            error_line(&why);
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}

/// A clap error: `--help` and `--version` print as clap wrote them and
/// succeed, unless stdout cannot take them (as for any other output, a closed
/// pipe is fine and any other write error is exit 2); anything else becomes one `error:` line and exit 2. `command` is
/// the whole command, for the list of subcommands when none was given.
pub fn usage_error(err: &clap::Error, command: &clap::Command) -> ExitCode {
    use clap::error::ErrorKind;
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // clap's styled text, coloured only where clap's own checks allow.
            let printed = err.print().and_then(|()| io::stdout().flush());
            match ignore_broken_pipe(printed) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => write_failed(&err),
            }
        }
        // clap says only "invalid UTF-8 was detected in one or more arguments".
        ErrorKind::InvalidUtf8 => {
            let args: Vec<OsString> = std::env::args_os().collect();
            error_line(&not_utf8(&args));
            ExitCode::from(EXIT_BAD_INPUT)
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            let names: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
            error_line(&format!(
                "no subcommand given; use one of {}, or try '--help'",
                names.join(", ")
            ));
            ExitCode::from(EXIT_BAD_INPUT)
        }
        _ => {
            let args: Vec<OsString> = std::env::args_os().collect();
            error_line(&clap_message(&err.render().to_string(), &args));
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}

/// The longest usage error line, in bytes: room for a bounded argument or
/// two and clap's tips.
const MAX_USAGE_ERROR: usize = 1024;

/// clap's message folded into one line, as outside text: clap repeats a bad
/// value as it was typed, whole (a newline, a bidi override, an invisible
/// joiner and all), stripping only terminal escape sequences. So before the
/// message is folded, each argument it repeats (an argument, the value of a
/// `--flag=value`, or a piece of a comma-separated list) that is over
/// [`ECHOED`] bytes or holds a character an id would show
/// escaped is replaced by its cut and escaped form, as the command shows a
/// rejected id ([`printable_id`]), longest first, so that no shorter argument
/// cuts into a longer one's text. Then the line is escaped as [`printable`]
/// escapes text, and what is still too long (an argument clap changed as it
/// repeated it) is cut at [`MAX_USAGE_ERROR`] bytes.
fn clap_message(rendered: &str, args: &[OsString]) -> String {
    let args: Vec<String> = args
        .iter()
        .skip(1)
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    let mut echoes: Vec<&str> = Vec::new();
    for arg in &args {
        // `--flag=value` is repeated as its value, a list by its pieces.
        let value = arg.split_once('=').map_or(arg.as_str(), |(_, value)| value);
        echoes.extend([arg.as_str(), value]);
        echoes.extend(value.split(','));
    }
    echoes.retain(|echo| echo.len() > ECHOED || echo.chars().any(needs_escape_in_id));
    echoes.sort_by_key(|echo| std::cmp::Reverse(echo.len()));
    echoes.dedup();
    let mut rendered = rendered.to_owned();
    for echo in echoes {
        if rendered.contains(echo) {
            rendered = rendered.replace(echo, &printable_id(&bounded(echo)));
        }
    }
    let message = printable(&one_line(&rendered));
    if message.len() <= MAX_USAGE_ERROR {
        return message;
    }
    format!(
        "{}… ({} bytes)",
        prefix(&message, MAX_USAGE_ERROR),
        message.len()
    )
}

/// Which arguments (counted from 1 after the command's name) are not UTF-8,
/// shown with U+FFFD for each bad byte, escaped and cut to 64 bytes. A file
/// name may be any bytes, so one of those listed may be fine: the message
/// says which kind may not be.
fn not_utf8(args: &[OsString]) -> String {
    let bad: Vec<String> = args
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, arg)| arg.to_str().is_none())
        .map(|(at, arg)| {
            let shown = arg.to_string_lossy();
            format!("{at} ({})", printable(&bounded(&shown)))
        })
        .collect();
    let which = match bad.as_slice() {
        [] => "an argument is".to_owned(),
        [one] => format!("argument {one} is"),
        [first @ .., last] => format!("arguments {} and {last} are", first.join(", ")),
    };
    format!("{which} not UTF-8 text; only a file name may be other bytes")
}

/// clap's multi-line message (`error: …`, a tip, a usage block, a pointer to
/// `--help`) folded into one line, keeping the error, its tips and the pointer.
fn one_line(rendered: &str) -> String {
    let mut parts = Vec::new();
    let mut in_usage = false;
    for line in rendered.lines() {
        let line = line.trim();
        if line.is_empty() {
            in_usage = false;
            continue;
        }
        if line.starts_with("Usage:") {
            in_usage = true;
            continue;
        }
        if !in_usage {
            parts.push(line.strip_prefix("error: ").unwrap_or(line));
        }
    }
    let mut line = String::new();
    for part in parts {
        if !line.is_empty() {
            // "…not provided:" introduces the next part rather than ending a sentence.
            line.push_str(if line.ends_with(':') { " " } else { "; " });
        }
        line.push_str(part);
    }
    line
}

/// Writes stdout whole. A closed pipe (`| head`) is not an error: the reader
/// has all it wanted.
fn write_stdout(text: &str) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    ignore_broken_pipe(
        stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush()),
    )
}

/// A write to stdout's result, with a closed pipe counted as success.
fn ignore_broken_pipe(written: io::Result<()>) -> io::Result<()> {
    match written {
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Stdout could not take the output (a full disk, `> /dev/full`): exit 2.
fn write_failed(err: &io::Error) -> ExitCode {
    error_line(&format!("cannot write to stdout: {err}"));
    ExitCode::from(EXIT_BAD_INPUT)
}

/// `error: {why}` on stderr, on one line whatever `why` holds.
fn error_line(why: &str) {
    let why: String = why
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    // Nothing useful can be done if stderr itself is gone.
    let _ = writeln!(io::stderr().lock(), "error: {why}");
}

#[cfg(test)]
mod tests {
    use super::{not_utf8, one_line};

    #[cfg(unix)]
    #[test]
    fn arguments_that_are_not_utf8_are_named() {
        use std::ffi::OsString;
        use std::os::unix::ffi::OsStringExt;

        let arg = |bytes: &[u8]| OsString::from_vec(bytes.to_vec());
        let args = [
            arg(b"kakiyo-events"),
            arg(b"sign"),
            arg(b"--secret"),
            arg(b"\xff\x1b[31m"),
            arg(b"body.json"),
        ];
        assert_eq!(
            not_utf8(&args),
            "argument 3 (\u{fffd}\\u{1b}[31m) is not UTF-8 text; only a file name may be other bytes"
        );
        let mut more = args.to_vec();
        more.push(arg(b"a\xfe"));
        more.push(arg(&[b'x'; 100][..]));
        more.push(arg(&[[b'y'; 100].as_slice(), b"\xfe"].concat()));
        assert_eq!(
            not_utf8(&more),
            format!(
                "arguments 3 (\u{fffd}\\u{{1b}}[31m), 5 (a\u{fffd}) and 7 ({}…) are not UTF-8 text; only a file name may be other bytes",
                "y".repeat(64)
            )
        );
        assert_eq!(
            not_utf8(&args[..3]),
            "an argument is not UTF-8 text; only a file name may be other bytes"
        );
    }

    #[test]
    fn clap_message_folds_into_one_line() {
        let rendered = "error: unexpected argument '--fromat' found\n\n  tip: a similar argument exists: '--format'\n\nUsage: kakiyo-events list --format <FORMAT>\n\nFor more information, try '--help'.\n";
        assert_eq!(
            one_line(rendered),
            "unexpected argument '--fromat' found; tip: a similar argument exists: '--format'; For more information, try '--help'."
        );
    }
}
