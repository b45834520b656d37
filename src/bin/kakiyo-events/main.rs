//! `kakiyo-events`: Kakiyo's webhook event catalog on the command line.
//!
//! This file only parses arguments and dispatches: each subcommand lives in
//! its own file and returns a [`output::Outcome`], which `output` turns into
//! stdout, one `error:` line on stderr and the exit code.
#![forbid(unsafe_code)]

mod diff;
// The library's escaping rule, shared by source rather than made public API.
#[path = "../../escape.rs"]
mod escape;
mod export;
mod input;
mod list;
mod live_vocabulary;
mod output;
mod show;
mod sign;
// The library's JSON reader, which refuses a key named twice in one object.
#[path = "../../strict_json.rs"]
mod strict_json;
mod style;
mod trigger;
mod validate;
mod verify;

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

/// Kakiyo's webhook event catalog: list and look up events, validate a
/// webhook's event ids offline, check the catalog against the live API,
/// export it for other languages, and sign, verify and send test deliveries.
#[derive(Parser)]
#[command(name = "kakiyo-events", version, max_term_width = 100)]
#[command(
    after_help = "Exit codes: 0 success, 1 a check failed (invalid ids, drift), 2 bad input.\n\
Colour: when stdout is a terminal (unless TERM=dumb), or when CLICOLOR_FORCE is set non-empty\n\
(not 0); never when NO_COLOR is set non-empty."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    List(list::Args),
    Show(show::Args),
    Validate(validate::Args),
    Diff(diff::Args),
    Export(export::Args),
    Sign(sign::Args),
    Verify(verify::Args),
    Trigger(trigger::Args),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return output::usage_error(&err, &Cli::command()),
    };
    let style = style::Style::for_stdout();
    let outcome = match cli.command {
        Command::List(args) => list::run(&args, style),
        Command::Show(args) => show::run(&args, style),
        Command::Validate(args) => validate::run(&args, style),
        Command::Diff(args) => diff::run(&args, style),
        Command::Export(args) => export::run(&args),
        Command::Sign(args) => sign::run(&args),
        Command::Verify(args) => verify::run(&args),
        Command::Trigger(args) => trigger::run(&args),
    };
    output::finish(outcome)
}
