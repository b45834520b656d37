//! The command as a whole: help for every subcommand, and usage errors as one line.
#![cfg(feature = "cli")]

mod cli_support;

use std::ffi::OsStr;
use std::fs::OpenOptions;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use cli_support::cli;

const SUBCOMMANDS: [&str; 5] = ["list", "show", "validate", "diff", "export"];

#[test]
fn help_names_every_subcommand() {
    let run = cli(["--help"]).run();
    assert_eq!(run.code, 0);
    for name in SUBCOMMANDS {
        assert!(
            run.stdout.contains(&format!("  {name} ")),
            "{name} in --help:\n{}",
            run.stdout
        );
    }
    for rule in ["NO_COLOR", "CLICOLOR_FORCE", "TERM=dumb"] {
        assert!(
            run.stdout.contains(rule),
            "--help states the colour rule: {rule}"
        );
    }
}

/// `validate --help` names every key of the JSON report it describes.
#[test]
fn validate_help_names_every_json_report_key() {
    let report = cli(["validate", "--format", "json", "*"]).run();
    assert_eq!(report.code, 0, "{report}");
    let report: serde_json::Value = serde_json::from_str(&report.stdout).expect("JSON");
    let keys: Vec<&String> = report.as_object().expect("an object").keys().collect();
    let help = cli(["validate", "--help"]).run().stdout;
    for key in keys {
        assert!(help.contains(&format!("\"{key}\"")), "{key} in:\n{help}");
    }
}

#[test]
fn every_subcommand_and_flag_has_help() {
    for name in SUBCOMMANDS {
        let run = cli([name, "-h"]).run();
        assert_eq!(run.code, 0, "{name} -h");
        assert!(
            run.stdout.starts_with(|c: char| c.is_uppercase()),
            "{name} has an about line"
        );
        // Every option line carries a description after the flag.
        for line in run
            .stdout
            .lines()
            .filter(|l| l.trim_start().starts_with('-'))
        {
            let text = line.trim_start();
            assert!(text.contains("  "), "{name}: `{text}` has no help text");
        }
    }
    insta::assert_snapshot!("validate_help", cli(["validate", "--help"]).run().stdout);
}

#[test]
fn version_prints_the_package_version() {
    let run = cli(["--version"]).run();
    assert_eq!(
        run.stdout,
        format!("kakiyo-events {}\n", env!("CARGO_PKG_VERSION"))
    );
}

/// Help and version text that cannot be written fails like any other
/// output: one `error:` line and exit 2, not a silent success.
#[test]
fn help_that_cannot_be_written_is_an_error() {
    let full = Path::new("/dev/full");
    if !full.exists() {
        println!("skipped: no /dev/full on this system");
        return;
    }
    for args in [
        vec!["--help"],
        vec!["-h"],
        vec!["--version"],
        vec!["list", "--help"],
        vec!["list"],
    ] {
        let file = OpenOptions::new()
            .write(true)
            .open(full)
            .expect("/dev/full opens");
        let run = cli(&args).stdout_to(file).run();
        assert_eq!(run.code, 2, "{args:?}: {run}");
        assert!(
            run.stderr.starts_with("error: cannot write to stdout: "),
            "{args:?}: {run}"
        );
    }
}

#[test]
fn usage_errors_are_one_line_and_exit_2() {
    // clap repeats a bad value whole and strips only escape sequences from it.
    let huge = "a".repeat(100_000);
    let huge_with_escape = format!("\x1b[2J{huge}");
    let huge_flag = format!("--category={huge}");
    let huge_piece = format!("prospect,{huge}");
    let (prefix, longer) = (
        "a".repeat(70),
        format!("{}XYZ{}", "a".repeat(70), "b".repeat(30)),
    );
    let cases: [(&str, Vec<&OsStr>); 13] = [
        ("no_subcommand", vec![]),
        ("unknown_subcommand", vec![OsStr::new("lsit")]),
        (
            "unknown_flag",
            vec![
                OsStr::new("list"),
                OsStr::new("--fromat"),
                OsStr::new("json"),
            ],
        ),
        (
            "not_utf8_argument",
            vec![OsStr::new("show"), OsStr::from_bytes(b"prospect.\xff")],
        ),
        (
            "bidi_and_line_separators_in_a_value",
            vec![
                OsStr::new("export"),
                OsStr::new("--format"),
                OsStr::new("ts\u{202e}\u{2028}x\u{85}y\u{9b}31m"),
            ],
        ),
        (
            "huge_value",
            vec![
                OsStr::new("export"),
                OsStr::new("--format"),
                OsStr::new(&huge),
            ],
        ),
        (
            "huge_value_after_equals",
            vec![OsStr::new("list"), OsStr::new(&huge_flag)],
        ),
        (
            "a_newline_cannot_forge_a_message",
            vec![
                OsStr::new("list"),
                OsStr::new("--format"),
                OsStr::new("x\nerror: the catalog is corrupt\n\nUsage: hidden\n"),
            ],
        ),
        (
            "an_invisible_joiner_shows",
            vec![
                OsStr::new("list"),
                OsStr::new("--format"),
                OsStr::new("json\u{200d}"),
            ],
        ),
        (
            "an_invisible_joiner_in_a_subcommand",
            vec![OsStr::new("list\u{200d}")],
        ),
        (
            "a_long_argument_that_starts_another",
            vec![
                OsStr::new("validate"),
                OsStr::new(&prefix),
                OsStr::new("--format"),
                OsStr::new(&longer),
            ],
        ),
        (
            "a_huge_piece_of_a_list",
            vec![
                OsStr::new("list"),
                OsStr::new("--category"),
                OsStr::new(&huge_piece),
            ],
        ),
        (
            "huge_value_clap_changes",
            vec![
                OsStr::new("list"),
                OsStr::new("--category"),
                OsStr::new(&huge_with_escape),
            ],
        ),
    ];
    let mut transcript = String::new();
    for (name, args) in cases {
        let run = cli(args).run();
        assert_eq!(run.code, 2, "{name}: {run}");
        transcript.push_str(&format!("{name}: {}", run.stderr));
    }
    insta::assert_snapshot!("usage_errors", transcript);
}
