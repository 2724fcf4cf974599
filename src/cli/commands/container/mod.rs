//! Container commands, one file each (`run`, `create`, `start`, `stop`, `kill`, `restart`, `wait`,
//! `rename`, `inspect`, `exists`, `prune`, `ps`, `rm`, `logs`), the options every command that
//! creates a container shares ([`opts`]), and what they share: entering the storage namespace with
//! the signal helper ([`enter`]), starting a created container ([`start`]), attaching to it in the
//! foreground until it exits ([`attach_foreground`], for `run` and `start -a`), the hidden
//! `container-cleanup` the supervisor runs after the container has exited, and records brought in
//! line with the run-time state ([`refreshed`], see [`crate::engine::lifecycle`]).
//!
//! `run` creates the container, mounts its root filesystem in this process's (private) mount
//! namespace and starts a detached supervisor (see [`crate::runtime::supervisor`]), which inherits
//! that namespace and so keeps the mount alive after `run` returns. When the container exits, the
//! supervisor records `exit.json` and runs `skiff container-cleanup ID` in the same namespace: it
//! records the exit, unmounts and, for `--rm`, removes the container.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use nix::unistd::Pid;
use serde_json::json;

use super::pull::{client_options, runtime, Progress};
use crate::cli::args::{PlatformOpts, RegistryOpts};
use crate::cli::{diag::WithExit, human, printer::Printer, Exit};
use crate::engine::containers;
use crate::engine::lifecycle::{self, Signaller};
use crate::engine::{self, Context};
use crate::runtime::supervisor::{self, ExitRecord};
use crate::storage::{ContainerRecord, State, Store};

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
mod opts;
mod port;
mod prune;
mod ps;
mod rename;
mod restart;
mod rm;
mod run;
mod tty_args;
mod volume_args;

mod start;
mod stop;
mod wait;

pub use attach::{attach, AttachArgs};
pub use create::create;
pub use exists::{exists, ExistsArgs};
pub use inspect::{inspect, inspect_values, InspectArgs};
pub use kill::{kill, KillArgs};
mod top;

pub use exec::{exec, ExecArgs};
pub use logs::{logs, LogsArgs};
pub use opts::{CreateArgs, PullPolicy};
pub use port::{port, PortArgs};
pub(crate) use prune::prune_stopped;
pub use prune::{prune, PruneArgs};
pub use ps::{ps, PsArgs};
pub use rename::{rename, RenameArgs};
pub use restart::{restart, RestartArgs};
pub(crate) use rm::remove_container;
pub use rm::{rm, RmArgs};
pub use run::{run, RunArgs};
pub use start::{start_cmd, StartArgs};
pub use stop::{stop, StopArgs};
pub use tty_args::{DetachKeysArg, TtyArgs};
pub use wait::{wait, WaitArgs};

/// Removes every container, killing the running ones (`system reset`); errors are printed.
pub(crate) fn remove_all(ctx: &Context, store: &Store, printer: &Printer) {
    for rec in containers::list(store).unwrap_or_default() {
        if let Err(e) = remove_container(ctx, store, &rec, true) {
            printer.warn(&format!("cannot remove container {}: {e:#}", rec.id));
        }
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
        network_args::enter_joined_userns_for(ctx, one)?;
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

fn pull_image(
    ctx: &Context,
    store: &Arc<Store>,
    registry: &RegistryOpts,
    name: &str,
    printer: &Printer,
) -> anyhow::Result<String> {
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

/// Mounts the root filesystem, starts the supervisor and marks the container running.
fn start(
    ctx: &Context,
    store: &Store,
    rec: &ContainerRecord,
    attach: bool,
    stdin: bool,
) -> anyhow::Result<supervisor::Started> {
    let id = rec.id.clone();
    // One start at a time: a second one waits, then finds the container running.
    let Some(_lock) = lifecycle::start_lock(store, &id)? else {
        return Err(crate::storage::containers::Error::NotFound { key: id }.into());
    };
    let rec = &lifecycle::lookup(ctx, store, &id)?;
    if !rec.state.can_start() {
        return Err(engine::Error::InvalidState { id, state: rec.state, action: "start" }.into());
    }
    // The previous run's supervisor may still be finishing its cleanup: let it.
    if lifecycle::supervisor_alive(ctx, rec) {
        let _ = lifecycle::wait_stopped(ctx, store, &id, lifecycle::KILL_GRACE)?;
    }
    lifecycle::clear_run_files(ctx, &id);
    containers::mount_rootfs(ctx, store, rec)?;
    let state_dir = containers::ensure_run_dir(ctx, &id)?;
    network_args::setup(ctx, store, rec, &state_dir)?;
    let exe = std::env::current_exe().unwrap_or_else(|_| "/proc/self/exe".into());
    let cleanup = vec![
        exe.into_os_string(),
        "--root".into(),
        ctx.paths.graph_root.clone().into_os_string(),
        "--runroot".into(),
        ctx.paths.run_root.clone().into_os_string(),
        "container-cleanup".into(),
        id.clone().into(),
    ];
    let opts = supervisor::StartOptions {
        bundle: store.container_dirs(&id).bundle,
        state_dir: state_dir.clone(),
        log: Some(containers::log_path(store, &id)),
        stdin,
        attach,
        cleanup,
        console_size: attach.then(terminal_size).flatten(),
        runtime: rec.runtime.clone(),
    };
    let started = supervisor::start(&opts);
    if started.is_err() {
        network_args::teardown(&state_dir, &containers::log_path(store, &rec.id));
    }
    let started = match started {
        Ok(s) => s,
        Err(supervisor::Error::Start { message, failure }) => {
            return Err(WithExit { message, exit: Exit::from_status(failure.exit_code()) }.into())
        }
        Err(e) => {
            let log = std::fs::read_to_string(state_dir.join(supervisor::SUPERVISOR_LOG)).unwrap_or_default();
            let e = anyhow::Error::new(e).context(format!("cannot start container {id}"));
            return Err(match log.trim().lines().last() {
                Some(last) => e.context(last.trim().to_string()),
                None => e,
            });
        }
    };
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.9f%:z").to_string();
    let pid = started.supervisor.as_raw();
    let marked = store.update_container(&id, |r| {
        match ExitRecord::read(&state_dir) {
            // It has already exited (and perhaps been cleaned up).
            Some(exit) => {
                r.started_at.get_or_insert(now);
                apply_exit(r, &exit);
            }
            None if r.state.can_start() || (r.state == State::Running && r.pid == Some(pid)) => {
                r.state = State::Running;
                r.pid = Some(pid);
                r.started_at = Some(now);
                r.exit_code = None;
                r.finished_at = None;
            }
            None => {}
        }
        Ok::<_, engine::Error>(())
    });
    match marked {
        Ok(()) => {}
        Err(e) if e.is_not_found() => {}
        Err(e) => return Err(e.into()),
    }
    Ok(started)
}

/// The window size of the terminal on stdin, else stdout.
fn terminal_size() -> Option<(u16, u16)> {
    use std::os::fd::AsFd;
    let (stdin, stdout) = (std::io::stdin(), std::io::stdout());
    supervisor::window_size(stdin.as_fd()).or_else(|| supervisor::window_size(stdout.as_fd()))
}

/// Whether the container's spec gives it a terminal (`-t`).
fn spec_has_terminal(store: &Store, id: &str) -> bool {
    let bundle = store.container_dirs(id).bundle;
    oci_spec::runtime::Spec::load(bundle.join("config.json"))
        .ok()
        .and_then(|s| s.process().as_ref().and_then(|p| p.terminal()))
        .unwrap_or(false)
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
        printer.warn("the input device is not a terminal: -t and -i may not work as expected");
    }
    // Blocked before raw mode, so that no signal ends this process with the terminal raw.
    supervisor::attach_signals(true, fg.tty).thread_block()?;
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
    let opts = supervisor::AttachOptions {
        stdin: fg.stdin.then(|| stdin.as_fd()),
        relay_to: Some(fg.supervisor),
        terminal,
        // Only typed keys detach: data piped in passes through whatever its bytes.
        input: stdin_is_tty.then_some(&mut matcher),
    };
    let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
    let ended = supervisor::attach_with(&stream, opts, &mut out, &mut err);
    drop(raw);
    let code = match ended {
        Ok(supervisor::Attached::Exited(code)) => Some(code),
        Ok(supervisor::Attached::Detached) => return Ok(Exit::SUCCESS),
        // Our output is gone (e.g. `| head`, or the terminal hung up): the container keeps
        // running, as with podman.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe || e.raw_os_error() == Some(libc::EIO) => {
            return Ok(Exit::SUCCESS)
        }
        _ => None,
    };
    // The supervisor runs the cleanup before it exits: wait for it, so that `--rm` is done when
    // we return, then make sure of the cleanup (it is idempotent).
    if fg.own_child {
        let _ = nix::sys::wait::waitpid(fg.supervisor, None);
    } else {
        let deadline = Instant::now() + Duration::from_secs(10);
        while nix::sys::signal::kill(fg.supervisor, None).is_ok() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
    }
    let run_dir = containers::run_dir(ctx, id);
    let code = code.or_else(|| ExitRecord::read(&run_dir).map(|r| r.exit_code));
    if let Err(e) = cleanup_container(ctx, store, id) {
        printer.warn(&format!("cleaning up container {id}: {e:#}"));
    }
    match code {
        Some(code) => Ok(Exit::from_status(code)),
        None => anyhow::bail!(
            "the supervisor of container {id} exited without recording the container's exit (see {})",
            run_dir.join(supervisor::SUPERVISOR_LOG).display()
        ),
    }
}

fn apply_exit(r: &mut ContainerRecord, exit: &ExitRecord) {
    lifecycle::apply_exit(r, exit)
}

/// Removes the container named exactly `name`, stopping it first (`--replace`).
fn replace(ctx: &Context, store: &Store, name: &str) -> anyhow::Result<()> {
    let rec = match lifecycle::lookup(ctx, store, name) {
        Ok(r) if r.name == name => r,
        Ok(_) => return Ok(()),
        Err(e) if e.is_not_found() => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    remove_forced(ctx, store, &rec, 0).map(|_| ())
}

/// Stops (stop signal, then SIGKILL after `timeout` seconds; at once for 0) and removes a
/// container. A container removed meanwhile (`--rm`) is not an error.
fn remove_forced(
    ctx: &Context,
    store: &Store,
    rec: &ContainerRecord,
    timeout: u64,
) -> anyhow::Result<Option<ContainerRecord>> {
    let Some(_lock) = lifecycle::start_lock(store, &rec.id)? else { return Ok(None) };
    let gone = |e: &engine::Error| e.is_not_found() && store.find_container(&rec.id).is_err();
    let rec = match lifecycle::lookup(ctx, store, &rec.id) {
        Ok(r) => r,
        Err(e) if e.is_not_found() => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    if rec.state.is_active() || lifecycle::supervisor_alive(ctx, &rec) {
        lifecycle::stop(ctx, store, &rec, timeout)?;
    }
    match containers::remove(ctx, store, &rec.id, true) {
        Ok(gone) => Ok(Some(gone)),
        Err(e) if gone(&e) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Records the exit from `exit.json`, unmounts the root filesystem and, for `--rm`, removes the
/// container. Idempotent; a container that is gone is not an error.
fn cleanup_container(ctx: &Context, store: &Store, id: &str) -> anyhow::Result<()> {
    let Ok(rec) = store.find_container(id) else { return Ok(()) };
    let Some(exit) = ExitRecord::read(&containers::run_dir(ctx, id)) else { return Ok(()) };
    store.update_container(id, |r| {
        apply_exit(r, &exit);
        // With --rm, mark it for removal in the same write (`remove` then has nothing to change).
        if rec.rm && r.state == State::Exited {
            r.state = State::Removing;
        }
        Ok::<_, engine::Error>(())
    })?;
    network_args::teardown(&containers::run_dir(ctx, id), &containers::log_path(store, id));
    containers::unmount_rootfs(store, &rec)?;
    if rec.rm {
        match containers::remove(ctx, store, id, true) {
            Ok(_) => {}
            Err(e) if e.is_not_found() => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

/// `skiff container-cleanup ID` (hidden; run by the supervisor).
pub fn cleanup(args: CleanupArgs, mut ctx: Context, printer: &Printer) -> anyhow::Result<Exit> {
    crate::cli::enter(&mut ctx, printer)?;
    let store = engine::open_store(&ctx)?;
    cleanup_container(&ctx, &store, &args.id)?;
    Ok(Exit::SUCCESS)
}

/// Every container, brought in line with its run-time state first (see [`lifecycle::reconcile`]).
fn refreshed(ctx: &Context, store: &Store) -> anyhow::Result<Vec<ContainerRecord>> {
    Ok(lifecycle::list(ctx, store)?)
}

fn read_pid(path: &Path) -> Option<Pid> {
    lifecycle::read_pid(path)
}

/// Kills a running container (SIGKILL) and waits for its supervisor to record the exit.
#[allow(dead_code)]
fn kill_and_wait(ctx: &Context, store: &Store, rec: &ContainerRecord) -> anyhow::Result<()> {
    lifecycle::stop(ctx, store, rec, 0)?;
    Ok(())
}
