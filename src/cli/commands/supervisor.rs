//! Hidden commands around the supervisor (`run` starts it through [`crate::engine::start`]):
//! - `skiff supervisor --bundle DIR --state-dir DIR ...`: the supervisor process itself (see
//!   [`crate::engine::bundle::supervise`]); started by `run`, `start` and `oci-start`, never by
//!   hand.
//! - `skiff oci-start --bundle DIR --state-dir DIR [-d] [-i] [--log PATH]`: enters the user
//!   namespace, starts a detached supervisor for the bundle and either prints the container's pid
//!   (`-d`) or attaches: copies the container's output to stdout/stderr, forwards stdin (`-i`)
//!   and the signals it gets (SIGTERM, SIGINT, ...) to the supervisor, and exits with the
//!   container's exit code.

use std::ffi::OsString;
use std::os::fd::AsFd;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::cli::{diag::WithExit, printer::Printer, Exit};
use crate::engine::bundle::{self, AfterExit};
use crate::engine::Context;

#[derive(Debug, clap::Args)]
pub struct SupervisorArgs {
    /// The bundle directory (config.json and the root filesystem)
    #[arg(long, value_name = "DIR")]
    pub bundle: PathBuf,
    /// The container's run-time state directory (pid files, attach socket, exit.json)
    #[arg(long, value_name = "DIR")]
    pub state_dir: PathBuf,
    /// The container log, in k8s-file format (default: STATE/ctr.log)
    #[arg(long, value_name = "PATH")]
    pub log: Option<PathBuf>,
    /// Give the container a stdin pipe fed by attached clients
    #[arg(long)]
    pub stdin: bool,
    /// Descriptor to report "started PID" or the start error on
    #[arg(long, value_name = "FD")]
    pub ready_fd: Option<i32>,
    /// With a terminal: its window size before the container's exec
    #[arg(long, value_name = "ROWSxCOLS", value_parser = parse_size)]
    pub console_size: Option<(u16, u16)>,
    /// Descriptor of a client attached from the start
    #[arg(long, value_name = "FD")]
    pub attach_fd: Option<i32>,
    /// Run the bundle with this OCI runtime (crun, runc or a path) instead of the built-in one
    #[arg(long, value_name = "RUNTIME")]
    pub runtime: Option<String>,
    /// After the exit is recorded, clean up this container (unmount, network, --rm) in this
    /// process, in the store at --cleanup-root
    #[arg(long, value_name = "ID", requires_all = ["cleanup_root", "cleanup_runroot"], conflicts_with = "cleanup")]
    pub cleanup_container: Option<String>,
    /// The storage root of --cleanup-container's store
    #[arg(long, value_name = "DIR", requires = "cleanup_container")]
    pub cleanup_root: Option<PathBuf>,
    /// The run-time root of --cleanup-container's store
    #[arg(long, value_name = "DIR", requires = "cleanup_container")]
    pub cleanup_runroot: Option<PathBuf>,
    /// Command to run after the exit is recorded (all remaining arguments)
    #[arg(long, num_args = 1.., allow_hyphen_values = true, value_name = "CMD")]
    pub cleanup: Vec<OsString>,
}

impl SupervisorArgs {
    /// What to do after the exit; `None` when `--cleanup-container` lacks its store's paths.
    fn after_exit(&self) -> Option<AfterExit> {
        Some(match (&self.cleanup_container, self.cleanup.is_empty()) {
            (Some(id), true) => AfterExit::Container {
                id: id.clone(),
                root: self.cleanup_root.clone()?,
                runroot: self.cleanup_runroot.clone()?,
            },
            (Some(_), false) => return None,
            (None, true) => AfterExit::Nothing,
            (None, false) => AfterExit::Command(self.cleanup.clone()),
        })
    }
}

#[derive(Debug, clap::Args)]
pub struct StartArgs {
    /// The bundle directory (config.json and the root filesystem)
    #[arg(long, value_name = "DIR")]
    pub bundle: PathBuf,
    /// The container's run-time state directory
    #[arg(long, value_name = "DIR")]
    pub state_dir: PathBuf,
    /// The container log (default: STATE/ctr.log)
    #[arg(long, value_name = "PATH")]
    pub log: Option<PathBuf>,
    /// Print the container's pid and return at once
    #[arg(short, long)]
    pub detach: bool,
    /// Keep stdin open and forward it to the container
    #[arg(short, long)]
    pub interactive: bool,
    /// Command for the supervisor to run after the exit is recorded (all remaining arguments)
    #[arg(long, num_args = 1.., allow_hyphen_values = true, value_name = "CMD")]
    pub cleanup: Vec<OsString>,
}

/// The supervisor's own entry, taken first in [`crate::cli::main`] (issue 16: the supervisor lives
/// as long as its container, so what it touches at start-up stays resident): when this process
/// is `skiff supervisor` with the arguments [`crate::runtime::supervisor::start`] writes, it
/// reads them by hand and runs the supervisor, without building the CLI's parser (every command's
/// flags), resolving a context or compiling a log filter. Anything else (another command, `--help`,
/// an argument written differently) is `None`, for the CLI to parse.
pub fn early_main() -> Option<std::process::ExitCode> {
    let mut argv = std::env::args_os().skip(1);
    if argv.next()? != "supervisor" {
        return None;
    }
    let args = parse_early(argv)?;
    // Only skiff's warnings and errors, as `--log-level warn` gives (they go to supervisor.log).
    let _ = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::WARN)
        .with_writer(std::io::stderr)
        .without_time()
        .try_init();
    let printer = Printer::new();
    let exit = match supervise(args) {
        Ok(exit) => exit,
        Err(err) => crate::cli::diag::report(&printer, &err),
    };
    Some(std::process::ExitCode::from(exit.code() as u8))
}

/// The supervisor's arguments as [`crate::runtime::supervisor::start`] writes them (each flag and
/// its value apart, `--cleanup` last); `None` for anything else.
fn parse_early(mut argv: impl Iterator<Item = OsString>) -> Option<SupervisorArgs> {
    let mut args = SupervisorArgs {
        bundle: PathBuf::new(),
        state_dir: PathBuf::new(),
        log: None,
        stdin: false,
        ready_fd: None,
        console_size: None,
        attach_fd: None,
        runtime: None,
        cleanup_container: None,
        cleanup_root: None,
        cleanup_runroot: None,
        cleanup: Vec::new(),
    };
    let (mut bundle, mut state_dir) = (None, None);
    while let Some(flag) = argv.next() {
        let flag = flag.to_str()?.to_string();
        if flag == "--stdin" {
            args.stdin = true;
            continue;
        }
        if flag == "--cleanup" {
            args.cleanup = argv.by_ref().collect();
            if args.cleanup.is_empty() {
                return None;
            }
            break;
        }
        let value = argv.next()?;
        let text = || value.to_str().map(str::to_string);
        match flag.as_str() {
            "--bundle" => bundle = Some(PathBuf::from(&value)),
            "--state-dir" => state_dir = Some(PathBuf::from(&value)),
            "--log" => args.log = Some(PathBuf::from(&value)),
            "--ready-fd" => args.ready_fd = Some(text()?.parse().ok()?),
            "--attach-fd" => args.attach_fd = Some(text()?.parse().ok()?),
            "--console-size" => args.console_size = Some(parse_size(&text()?).ok()?),
            "--runtime" => args.runtime = Some(text()?),
            "--cleanup-container" => args.cleanup_container = Some(text()?),
            "--cleanup-root" => args.cleanup_root = Some(PathBuf::from(&value)),
            "--cleanup-runroot" => args.cleanup_runroot = Some(PathBuf::from(&value)),
            _ => return None,
        }
    }
    args.bundle = bundle?;
    args.state_dir = state_dir?;
    // What clap would refuse (a container without its store, or with a command too).
    args.after_exit()?;
    if args.cleanup_container.is_none() && (args.cleanup_root.is_some() || args.cleanup_runroot.is_some()) {
        return None;
    }
    Some(args)
}

/// `skiff supervisor`: runs until the container has exited and is cleaned up; its exit code is
/// the container's.
pub fn supervise(args: SupervisorArgs) -> anyhow::Result<Exit> {
    let cleanup =
        args.after_exit().context("--cleanup-container needs --cleanup-root and --cleanup-runroot")?;
    let opts = bundle::SupervisorOptions {
        bundle: absolute(&args.bundle)?,
        state_dir: absolute(&args.state_dir)?,
        log: args.log,
        stdin: args.stdin,
        ready_fd: args.ready_fd,
        console_size: args.console_size,
        attach_fd: args.attach_fd,
        runtime: args.runtime,
        cleanup,
    };
    let code = bundle::supervise(opts)?;
    Ok(Exit::from_status(code))
}

/// `skiff oci-start`.
pub fn start(args: StartArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    let bundle_dir = absolute(&args.bundle)?;
    let state_dir = absolute(&args.state_dir)?;
    if ctx.rootless {
        crate::cli::enter(&mut ctx, printer)?;
    } else {
        ctx.prepare_dirs()?;
    }
    let opts = bundle::StartOptions {
        bundle: bundle_dir.clone(),
        state_dir: state_dir.clone(),
        log: args.log.as_deref().map(absolute).transpose()?,
        stdin: args.interactive,
        attach: !args.detach,
        cleanup: args.cleanup,
    };
    if !args.detach {
        // Blocked before the container starts: a signal sent as soon as it runs is held and
        // relayed by the attach below instead of ending this process.
        crate::engine::attach::attach_signals(true, false).thread_block()?;
    }
    let started = match bundle::start(opts) {
        Ok(s) => s,
        Err(bundle::Error::Process { message, exit_code }) => {
            return Err(WithExit { message, exit: Exit::from_status(exit_code) }.into())
        }
        Err(e) => return Err(e.into()),
    };
    let Some(stream) = &started.attach else {
        printer.line(&started.container.to_string());
        return Ok(Exit::SUCCESS);
    };
    let stdin = std::io::stdin();
    let stdin_fd = args.interactive.then(|| stdin.as_fd());
    let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
    let code = bundle::attach(stream, stdin_fd, &mut out, &mut err, Some(started.supervisor));
    let code = match code {
        Ok(Some(code)) => Some(code),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(Exit::SUCCESS),
        // The supervisor went away without telling: its record is the truth, if it wrote one.
        _ => None,
    };
    match bundle::finish(&started, &state_dir, code) {
        Some(code) => Ok(Exit::from_status(code)),
        None => anyhow::bail!(
            "the supervisor of {} exited without recording the container's exit (see {})",
            bundle_dir.display(),
            bundle::supervisor_log(&state_dir).display()
        ),
    }
}

/// `ROWSxCOLS`, e.g. `24x80`.
fn parse_size(text: &str) -> Result<(u16, u16), String> {
    let parsed = text.split_once('x').and_then(|(r, c)| Some((r.parse().ok()?, c.parse().ok()?)));
    parsed.ok_or_else(|| format!("{text:?} is not ROWSxCOLS, e.g. 24x80"))
}

fn absolute(p: &Path) -> anyhow::Result<PathBuf> {
    std::path::absolute(p).with_context(|| format!("cannot resolve the path {}", p.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser as _;

    fn argv(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    /// The hand parser reads what clap reads, for every form `start` writes.
    #[test]
    fn the_early_parse_agrees_with_the_cli() {
        let lines: [&[&str]; 4] = [
            &["--bundle", "/b", "--state-dir", "/s", "--ready-fd", "5"],
            &[
                "--bundle",
                "/b",
                "--state-dir",
                "/s",
                "--ready-fd",
                "5",
                "--log",
                "/l",
                "--stdin",
                "--console-size",
                "24x80",
                "--runtime",
                "crun",
                "--attach-fd",
                "7",
                "--cleanup",
                "/skiff",
                "--root",
                "/r",
                "container-cleanup",
                "ID",
            ],
            &["--state-dir", "s", "--bundle", "b"],
            &[
                "--bundle",
                "/b",
                "--state-dir",
                "/s",
                "--ready-fd",
                "5",
                "--cleanup-container",
                "ID",
                "--cleanup-root",
                "/r",
                "--cleanup-runroot",
                "/rr",
            ],
        ];
        for line in lines {
            let early = parse_early(argv(line).into_iter()).unwrap_or_else(|| panic!("{line:?}"));
            let cli =
                crate::cli::Cli::try_parse_from(argv(&[&["skiff", "supervisor"], line].concat())).unwrap();
            let crate::cli::Command::Supervisor(clap) = cli.command else { panic!("{line:?}") };
            assert_eq!(format!("{early:?}"), format!("{clap:?}"), "{line:?}");
        }
    }

    #[test]
    fn the_early_parse_leaves_anything_else_to_the_cli() {
        for line in [
            &["--help"][..],
            &["--bundle", "/b"],
            &["--bundle=/b", "--state-dir", "/s"],
            &["--bundle", "/b", "--state-dir", "/s", "--ready-fd", "x"],
            &["--bundle", "/b", "--state-dir", "/s", "--cleanup"],
            &["--bundle", "/b", "--state-dir", "/s", "--other", "1"],
            &["--bundle", "/b", "--state-dir", "/s", "--cleanup-container", "ID", "--cleanup-root", "/r"],
            &["--bundle", "/b", "--state-dir", "/s", "--cleanup-root", "/r", "--cleanup-runroot", "/rr"],
            &[
                "--bundle",
                "/b",
                "--state-dir",
                "/s",
                "--cleanup-container",
                "ID",
                "--cleanup-root",
                "/r",
                "--cleanup-runroot",
                "/rr",
                "--cleanup",
                "/bin/true",
            ],
        ] {
            assert!(parse_early(argv(line).into_iter()).is_none(), "{line:?}");
        }
    }

    /// A container to clean up needs its store, and excludes a cleanup command: clap refuses
    /// what the early parse leaves to it.
    #[test]
    fn a_cleanup_container_needs_its_store_paths() {
        let cleanup = ["--cleanup-container", "ID", "--cleanup-root", "/r", "--cleanup-runroot", "/rr"];
        for bad in [&cleanup[..4], &cleanup[2..], &[&cleanup[..], &["--cleanup", "/bin/true"]].concat()] {
            let line = [&["skiff", "supervisor", "--bundle", "/b", "--state-dir", "/s"], bad].concat();
            assert!(crate::cli::Cli::try_parse_from(argv(&line)).is_err(), "{line:?}");
        }
        let line = [&["--bundle", "/b", "--state-dir", "/s"][..], &cleanup].concat();
        let early = parse_early(argv(&line).into_iter()).unwrap();
        let want = AfterExit::Container { id: "ID".into(), root: "/r".into(), runroot: "/rr".into() };
        assert_eq!(early.after_exit(), Some(want));
    }
}
