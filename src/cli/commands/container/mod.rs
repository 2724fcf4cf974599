//! Container commands, one file each (`run`, `create`, `start`, `stop`, `kill`, `restart`, `wait`,
//! `rename`, `inspect`, `exists`, `prune`, `ps`, `rm`, `logs`), the options every command that
//! creates a container shares ([`opts`]), and what they share: entering the storage namespace with
//! the signal helper ([`enter`]), starting a created container ([`start`], over
//! [`engine::start::start`]), the terminal side of attaching to it in the foreground until it
//! exits ([`attach_foreground`], for `run`, `start -a` and `attach`; the engine side is
//! [`engine::attach`]), the hidden `container-cleanup` (the cleanup after a container's exit,
//! [`engine::start::cleanup`], which the supervisor does in its own process; by hand, for
//! repair), and records brought in line with the run-time state
//! ([`refreshed`], see [`crate::engine::lifecycle`]).
//!
//! The use cases themselves live in [`crate::engine`]; these files parse flags, call them and
//! print what they return.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use serde_json::json;

use super::pull::{client_options, runtime, Progress};
use crate::cli::args::{PlatformOpts, RegistryOpts};
use crate::cli::{diag::WithExit, human, printer::Printer, Exit};
use crate::engine::attach::Pid;
use crate::engine::containers;
use crate::engine::lifecycle::{self, Signaller};
use crate::engine::start::StartOptions;
use crate::engine::{self, ContainerRecord, Context, State, Store};

mod attach;
mod config_args;
mod create;
mod exec;
mod exec_tty;
mod exists;
mod inspect;
mod kill;
mod logs;
mod network_args;
mod ns_args;
mod opts;
mod port;
mod prune;
mod ps;
mod rename;
mod restart;
mod rm;
mod run;
mod run_args;
mod runlabel;
mod service_args;
mod tty_args;
mod userns_args;
mod volume_args;

mod start;
mod stop;
mod wait;

pub use attach::{attach, AttachArgs};
pub use create::create;
pub use exists::{exists, ExistsArgs};
pub use inspect::{inspect, inspect_values, latest_id, InspectArgs};
pub use kill::{kill, KillArgs};
mod top;

pub use exec::{exec, ExecArgs};
pub use logs::{logs, LogsArgs};
pub use network_args::NetworkArgs;
pub use opts::{CreateArgs, PullPolicy};
pub use port::{port, PortArgs};
pub(crate) use prune::prune_stopped;
pub use prune::{prune, PruneArgs};
pub use ps::{ps, PsArgs};
pub use rename::{rename, RenameArgs};
pub use restart::{restart, RestartArgs};
pub use rm::{rm, RmArgs};
pub use run::{run, RunArgs};
pub use runlabel::{runlabel, RunlabelArgs};
pub use start::{start_cmd, StartArgs};
pub use stop::{stop, StopArgs};
pub use tty_args::{DetachKeysArg, TtyArgs};
pub use wait::{wait, WaitArgs};

/// Removes every container, killing the running ones (`system reset`); errors are printed.
pub(crate) fn remove_all(ctx: &Context, store: &Store, printer: &Printer) {
    for (id, e) in engine::remove::remove_all(ctx, store) {
        printer.warn(&format!("cannot remove container {id}: {:#}", anyhow::Error::new(e)));
    }
}

/// [`enter`] for `start` and `restart`: a single container that joins another's network
/// namespace (`--network container:NAME`) is started from that container's user namespace.
pub(crate) fn enter_to_start(
    ctx: &mut Context,
    printer: &Printer,
    containers: &[String],
) -> anyhow::Result<()> {
    Signaller::install(ctx);
    if let [one] = containers {
        engine::network::enter_joined_userns_for(ctx, one).map_err(network_error)?;
        engine::namespaces::enter_joined_userns_for(ctx, one).map_err(network_error)?;
    }
    crate::cli::enter(ctx, printer)
}

/// Enters the storage namespace like every command that touches the store, after forking the
/// helper that signals containers from outside it (see [`lifecycle::Signaller`]).
pub(crate) fn enter(ctx: &mut Context, printer: &Printer) -> anyhow::Result<()> {
    Signaller::install(ctx);
    crate::cli::enter(ctx, printer)
}
pub use top::{top, TopArgs};

#[derive(Debug, clap::Args)]
pub struct CleanupArgs {
    /// The container's id
    pub id: String,
}

pub(crate) fn pull_image(
    ctx: &Context,
    store: &Arc<Store>,
    registry: &RegistryOpts,
    name: &str,
    printer: &Printer,
) -> anyhow::Result<String> {
    if let Some(path) = super::pull::archive_transport(name) {
        return super::pull::from_archive(store, name, &path, false);
    }
    let (registries, options) = client_options(ctx, registry)?;
    let no_platform = PlatformOpts { platform: None, arch: None, os: None, variant: None };
    let platform = super::pull::platform(&no_platform)?;
    // The runtime's threads end with it, before the supervisor is started.
    let rt = runtime()?;
    let pulled = rt.block_on(engine::pull::pull(
        store.clone(),
        &registries,
        options,
        &platform,
        name,
        Arc::new(Progress::new(false)),
    ))?;
    drop(rt);
    if pulled.unmapped_owners > 0 {
        printer.warn(&format!(
            "{} files in {} are owned by ids outside your /etc/subuid range and were given to root",
            pulled.unmapped_owners, pulled.reference
        ));
    }
    Ok(pulled.image.id)
}

/// Starts a created or exited container (see [`engine::start::start`]).
fn start(
    ctx: &Context,
    store: &Store,
    rec: &ContainerRecord,
    attach: bool,
    stdin: bool,
) -> anyhow::Result<engine::start::Started> {
    engine::start::start(ctx, store, rec, &start_options(attach, stdin)).map_err(start_error)
}

/// How to start a container: an attached start passes the size of this process's terminal on.
fn start_options(attach: bool, stdin: bool) -> StartOptions {
    StartOptions { attach, stdin, console_size: attach.then(terminal_size).flatten() }
}

/// A start error as the CLI reports it: a container process that could not run exits 125, 126
/// or 127, as in podman.
fn start_error(e: engine::start::Error) -> anyhow::Error {
    match e {
        engine::start::Error::Process { message, exit_code } => {
            WithExit { message, exit: Exit::from_status(exit_code) }.into()
        }
        e => e.into(),
    }
}

/// A network error as the CLI reports it: an error of the engine it only carries is reported
/// as that error (so that its hint is found).
fn network_error(e: engine::network::Error) -> anyhow::Error {
    match e {
        engine::network::Error::Engine(e) => e.into(),
        e => e.into(),
    }
}

/// The window size of the terminal on stdin, else stdout.
fn terminal_size() -> Option<(u16, u16)> {
    use std::os::fd::AsFd;
    let (stdin, stdout) = (std::io::stdin(), std::io::stdout());
    engine::attach::window_size(stdin.as_fd()).or_else(|| engine::attach::window_size(stdout.as_fd()))
}

/// How [`attach_foreground`] attaches.
#[derive(Debug, Clone)]
pub struct Foreground {
    /// Copy this process's stdin to the container (the container has it only with `-i`).
    pub stdin: bool,
    /// The container has a terminal (`-t`): raw mode when stdin is one too, window size.
    pub tty: bool,
    /// The detach keys as bytes (empty: detaching is off); see [`crate::cli::tty`].
    pub detach_keys: Vec<u8>,
    /// The container's supervisor.
    pub supervisor: Pid,
    /// This process started the supervisor (and reaps it).
    pub own_child: bool,
    /// Copy the container's stdout, stderr here (`run -a` may leave either out).
    pub stdout: bool,
    pub stderr: bool,
}

/// Attaches this process's stdio to a started container until it exits (returning its exit
/// code, after the supervisor's cleanup) or the user types the detach keys on a terminal (0, the
/// container runs on). The terminal is restored on every way out: the signals that would kill
/// this process are blocked before raw mode is set and relayed to the container while attached.
fn attach_foreground(
    ctx: &Context,
    store: &Store,
    id: &str,
    stream: std::os::unix::net::UnixStream,
    fg: Foreground,
    printer: &Printer,
) -> anyhow::Result<Exit> {
    use crate::cli::tty;
    use std::os::fd::AsFd;
    let (stdin, stdout) = (std::io::stdin(), std::io::stdout());
    let stdin_is_tty = tty::is_terminal(stdin.as_fd());
    if fg.tty && fg.stdin && !stdin_is_tty {
        printer
            .warn("The input device is not a TTY. The --tty and --interactive flags might not work properly");
    }
    // Blocked before raw mode, so that no signal ends this process with the terminal raw.
    engine::attach::attach_signals(true, fg.tty).thread_block()?;
    let raw = match fg.tty && fg.stdin && stdin_is_tty {
        true => Some(tty::RawMode::enable(stdin.as_fd()).context("cannot put the terminal in raw mode")?),
        false => None,
    };
    let terminal = match (fg.tty, stdin_is_tty) {
        (false, _) => None,
        (true, true) => Some(stdin.as_fd()),
        (true, false) => tty::is_terminal(stdout.as_fd()).then(|| stdout.as_fd()),
    };
    let mut matcher = tty::DetachMatcher::new(fg.detach_keys);
    let opts = engine::attach::AttachOptions {
        stdin: fg.stdin.then(|| stdin.as_fd()),
        relay_to: Some(fg.supervisor),
        terminal,
        // Only typed keys detach: data piped in passes through whatever its bytes.
        input: stdin_is_tty.then_some(&mut matcher),
    };
    let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
    let (mut no_out, mut no_err) = (std::io::sink(), std::io::sink());
    let out: &mut dyn std::io::Write = if fg.stdout { &mut out } else { &mut no_out };
    let err: &mut dyn std::io::Write = if fg.stderr { &mut err } else { &mut no_err };
    let ended = engine::attach::attach_with(&stream, opts, out, err);
    drop(raw);
    let code = match ended {
        Ok(engine::attach::Attached::Exited(code)) => Some(code),
        Ok(engine::attach::Attached::Detached) => return Ok(Exit::SUCCESS),
        // Our output is gone (e.g. `| head`, or the terminal hung up): the container keeps
        // running, as with podman.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe || e.raw_os_error() == Some(libc::EIO) => {
            return Ok(Exit::SUCCESS)
        }
        _ => None,
    };
    // The supervisor runs the cleanup before it exits: wait for it, so that `--rm` is done when
    // we return, then make sure of the cleanup (it is idempotent).
    let ended = engine::attach::finish(ctx, store, id, fg.supervisor, fg.own_child, code);
    if let Err(e) = ended.cleanup {
        printer.warn(&format!("cleaning up container {id}: {:#}", anyhow::Error::new(e)));
    }
    match ended.code {
        Some(code) => Ok(Exit::from_status(code)),
        None => anyhow::bail!(
            "the supervisor of container {id} exited without recording the container's exit (see {})",
            engine::start::supervisor_log(ctx, id).display()
        ),
    }
}

/// `skiff container-cleanup ID` (hidden): the cleanup the supervisor does after the exit, by hand.
pub fn cleanup(args: CleanupArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    engine::start::cleanup(&ctx, &store, &args.id)?;
    Ok(Exit::SUCCESS)
}

/// Every container, brought in line with its run-time state first (see [`lifecycle::reconcile`]).
fn refreshed(ctx: &Context, store: &Store) -> anyhow::Result<Vec<ContainerRecord>> {
    Ok(lifecycle::list(ctx, store)?)
}
