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
use crate::engine::{bundle, Context};

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
    /// Command to run after the exit is recorded (all remaining arguments)
    #[arg(long, num_args = 1.., allow_hyphen_values = true, value_name = "CMD")]
    pub cleanup: Vec<OsString>,
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

/// `skiff supervisor`: runs until the container has exited; its exit code is the container's.
pub fn supervise(args: SupervisorArgs) -> anyhow::Result<Exit> {
    let opts = bundle::SupervisorOptions {
        bundle: absolute(&args.bundle)?,
        state_dir: absolute(&args.state_dir)?,
        log: args.log,
        stdin: args.stdin,
        ready_fd: args.ready_fd,
        console_size: args.console_size,
        attach_fd: args.attach_fd,
        runtime: args.runtime,
        cleanup: args.cleanup,
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
