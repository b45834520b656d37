//! Runs the built `kakiyo-events` binary for the `cli_*` tests, and checks on
//! every run the contract that holds for all subcommands: success prints
//! nothing on stderr; any failure prints exactly one `error: …` line there.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::fmt;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The six entries of the reference page's sample response, verbatim
/// (including the stray space after "Prospect Responded",).
pub const SAMPLE_RESPONSE: &str = include_str!("sample-response.json");

/// What one run printed, and how it exited.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl fmt::Display for Run {
    /// The form the snapshots hold: exit code, then stdout, then stderr.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "exit: {}", self.code)?;
        writeln!(f, "--- stdout ---")?;
        f.write_str(&self.stdout)?;
        writeln!(f, "--- stderr ---")?;
        f.write_str(&self.stderr)
    }
}

/// A builder for one run.
pub struct Cli {
    command: Command,
    stdin: Option<Vec<u8>>,
    stdout: Option<File>,
}

/// `kakiyo-events ARGS…`, in the scratch directory, with no stdin and none of
/// the colour variables of the environment running the tests.
pub fn cli<I, S>(args: I) -> Cli
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    cli_of(Path::new(env!("CARGO_BIN_EXE_kakiyo-events")), args)
}

/// As [`cli`], but runs `binary`: one from [`binary_with_catalog`].
pub fn cli_of<I, S>(binary: &Path, args: I) -> Cli
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = Command::new(binary);
    command
        .args(args)
        .current_dir(scratch_dir())
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .env("TERM", "xterm-256color");
    Cli {
        command,
        stdin: None,
        stdout: None,
    }
}

impl Cli {
    /// Feeds `bytes` on stdin.
    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(bytes.into());
        self
    }

    /// Sends stdout to `file` (such as /dev/full) instead of capturing it;
    /// the run's `stdout` is then empty.
    pub fn stdout_to(mut self, file: File) -> Self {
        self.stdout = Some(file);
        self
    }

    /// Sets an environment variable.
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.command.env(key, value);
        self
    }

    /// Runs to the end, and checks the stderr contract.
    pub fn run(mut self) -> Run {
        let run = self.run_unchecked();
        check_stderr_contract(&run);
        run
    }

    /// Runs to the end without checking stderr (for `--help`, whose text clap prints).
    pub fn run_unchecked(&mut self) -> Run {
        let stdout = self.stdout.take().map_or_else(Stdio::piped, Stdio::from);
        self.command.stdout(stdout).stderr(Stdio::piped());
        self.command.stdin(if self.stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        });
        let mut child = self
            .command
            .spawn()
            .expect("the kakiyo-events binary starts");
        // Written from a thread: a big input must not deadlock against a full stdout pipe.
        let writer = self.stdin.take().map(|bytes| {
            let mut pipe = child.stdin.take().expect("stdin is piped");
            std::thread::spawn(move || {
                // The command may stop reading early (bad input); a closed pipe is fine.
                let _ = pipe.write_all(&bytes);
            })
        });
        let output = child
            .wait_with_output()
            .expect("the kakiyo-events binary runs");
        if let Some(writer) = writer {
            writer.join().expect("the stdin writer finishes");
        }
        Run {
            code: output
                .status
                .code()
                .expect("exited, not killed by a signal"),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }
}

fn check_stderr_contract(run: &Run) {
    assert!(
        !run.stderr.contains("panicked"),
        "the command panicked:\n{run}"
    );
    if run.code == 0 {
        assert_eq!(
            run.stderr, "",
            "success must print nothing on stderr:\n{run}"
        );
    } else {
        assert!(
            run.stderr.starts_with("error: ") && run.stderr.ends_with('\n'),
            "a failure must print `error: …` on stderr:\n{run}"
        );
        assert_eq!(
            run.stderr.lines().count(),
            1,
            "a failure must print one stderr line:\n{run}"
        );
    }
}

/// Builds `kakiyo-events` against another catalog (`KAKIYO_EVENTS_CATALOG`,
/// as a team with its own catalog would) in a target dir of its own, and
/// returns the binary. A real `cargo build`: seconds, not milliseconds.
pub fn binary_with_catalog(catalog: &Path) -> PathBuf {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-catalog");
    let output = Command::new(env!("CARGO"))
        .current_dir(crate_dir)
        .args([
            "build",
            "--locked",
            "--features",
            "cli",
            "--bin",
            "kakiyo-events",
        ])
        .env("CARGO_TARGET_DIR", &target)
        .env("CARGO_TERM_COLOR", "never")
        .env("KAKIYO_EVENTS_CATALOG", crate_dir.join(catalog))
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo build of kakiyo-events on {}:\n{}",
        catalog.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    target
        .join("debug")
        .join(format!("kakiyo-events{}", std::env::consts::EXE_SUFFIX))
}

/// A directory for the files the tests write, so that file names in messages
/// are short and the same on every machine.
pub fn scratch_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-tests");
    std::fs::create_dir_all(&dir).expect("the scratch directory can be made");
    dir
}

/// Writes `bytes` to `name` in the scratch directory and returns `name`, for
/// use as a relative path. Each test uses its own names.
pub fn scratch_file(name: &str, bytes: impl AsRef<[u8]>) -> &str {
    std::fs::write(scratch_dir().join(name), bytes).expect("the scratch file can be written");
    name
}

/// Deterministic bytes that are not UTF-8: a fixed-seed xorshift stream with a
/// lone continuation byte up front, so the first invalid byte is at offset 0.
pub fn garbage(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut bytes = vec![0x80];
    while bytes.len() < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        bytes.extend_from_slice(&state.to_le_bytes());
    }
    bytes.truncate(len);
    bytes
}

/// One bad-input case: a name for the transcript, the arguments, and stdin.
pub struct BadCase<'a> {
    pub name: &'a str,
    pub args: Vec<&'a str>,
    pub stdin: Option<Vec<u8>>,
}

/// Runs each case, checks that it exits 2 with nothing on stdout, and returns
/// `name: error line` for each, to snapshot.
pub fn exit_2_transcript(cases: Vec<BadCase<'_>>) -> String {
    let mut transcript = String::new();
    for case in cases {
        let mut command = cli(&case.args);
        if let Some(bytes) = case.stdin {
            command = command.stdin(bytes);
        }
        let run = command.run();
        assert_eq!(run.code, 2, "{}: {run}", case.name);
        assert_eq!(run.stdout, "", "{}", case.name);
        transcript.push_str(&format!("{}: {}", case.name, run.stderr));
    }
    transcript
}
