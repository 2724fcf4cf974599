//! Starting a created (or exited) container and the end of a run, below the CLI: [`start`]
//! (start lock, state check, root filesystem, network, supervisor, record marked running),
//! [`run`] (the start of a container just created, undone when it fails: [`abandon`]),
//! [`restart`], and
//! [`cleanup`] (what the supervisor does once the container has exited: [`cleanup_after_exit`]).
//!
//! `start` mounts the root filesystem in this process's (private) mount namespace and starts a
//! detached supervisor (see [`crate::runtime::supervisor`]), which inherits that namespace and so
//! keeps the mount alive after the command returns. When the container exits, the supervisor
//! records `exit.json`, tells the attached clients the exit code and then, in its own process
//! ([`cleanup_after_exit`]; no exec), calls [`cleanup`]: it records the exit, tears the network
//! down, unmounts and, for `--rm`, removes the container (the record in one write). The hidden
//! `skiff container-cleanup ID` calls the same [`cleanup`] by hand.
//!
//! Lock order: the container's start lock (`userdata/start.lock`, see
//! [`super::lifecycle::start_lock`]) is held from the state check until the record says running;
//! the store takes `containers.lock` inside it for each record update.

use std::path::PathBuf;

use super::containers::{self, run_dir};
use super::lifecycle;
use super::Context;
use crate::runtime::supervisor::{self, ExitRecord};
use crate::storage::containers as records;
use crate::storage::{ContainerRecord, State, Store};

pub use crate::runtime::supervisor::Started;

/// Errors of starting and cleaning up a container.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Engine(#[from] super::Error),
    #[error(transparent)]
    Lifecycle(#[from] lifecycle::Error),
    #[error(transparent)]
    Container(#[from] records::Error),
    #[error(transparent)]
    Network(#[from] super::network::Error),
    /// The container's process could not be started (its command not found, not executable,
    /// a setup step refused): `exit_code` is 127, 126 or 125, as podman exits.
    #[error("{message}")]
    Process { message: String, exit_code: i32 },
    #[error("cannot start container {id}")]
    Supervisor {
        id: String,
        #[source]
        source: supervisor::Error,
    },
    /// The last line of the supervisor's log, in front of the error it explains.
    #[error("{line}")]
    SupervisorLog {
        line: String,
        #[source]
        source: Box<Error>,
    },
}

impl Error {
    /// True when the container does not exist (any more).
    pub fn is_not_found(&self) -> bool {
        matches!(
            self,
            Error::Container(records::Error::NotFound { .. })
                | Error::Engine(super::Error::Container(records::Error::NotFound { .. }))
                | Error::Lifecycle(lifecycle::Error::Container(records::Error::NotFound { .. }))
                | Error::Lifecycle(lifecycle::Error::Engine(super::Error::Container(
                    records::Error::NotFound { .. }
                )))
        )
    }

    /// What the user can do about it, where skiff knows.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Network(e) => e.hint(),
            Error::SupervisorLog { source, .. } => source.hint(),
            _ => None,
        }
    }
}

/// How [`start`] starts the supervisor.
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    /// Attach from the start: [`Started::attach`] carries the container's output (foreground
    /// `run`, `start -a`).
    pub attach: bool,
    /// Give the container a stdin pipe (`-i`).
    pub stdin: bool,
    /// The window size (rows, columns) its terminal starts with, for an attached `-t` container.
    pub console_size: Option<(u16, u16)>,
}

/// Mounts the root filesystem, sets up the network, starts the supervisor and marks the
/// container running. One start at a time: a second one waits for the lock, then finds the
/// container running and fails with [`super::Error::InvalidState`].
pub fn start(
    ctx: &Context,
    store: &Store,
    rec: &ContainerRecord,
    opts: &StartOptions,
) -> Result<Started, Error> {
    let id = rec.id.clone();
    let Some(_lock) = lifecycle::start_lock(store, &id)? else {
        return Err(records::Error::NotFound { key: id }.into());
    };
    let rec = &lifecycle::lookup(ctx, store, &id)?;
    if !rec.state.can_start() {
        return Err(super::Error::InvalidState { id, state: rec.state, action: "start" }.into());
    }
    // The previous run's supervisor may still be finishing its cleanup: let it (a `--rm`
    // container is gone after it).
    if lifecycle::supervisor_alive(ctx, rec) {
        if let Ok(None) = lifecycle::wait_stopped(ctx, store, &id, lifecycle::KILL_GRACE)? {
            return Err(records::Error::NotFound { key: id }.into());
        }
    }
    // The containers whose namespaces it joins run first (podman's dependencies).
    super::depend::start_dependencies(ctx, store, rec)?;
    lifecycle::clear_run_files(ctx, &id);
    containers::mount_rootfs(ctx, store, rec)?;
    let state_dir = containers::ensure_run_dir(ctx, &id)?;
    super::network::setup(ctx, store, rec, &state_dir)?;
    let bundle = store.container_dirs(&id).bundle;
    if let Err(e) = super::namespaces::prepare_start(ctx, store, &bundle) {
        super::network::teardown(&state_dir, &containers::log_path(store, &rec.id));
        return Err(super::Error::from(e).into());
    }
    if let Err(e) = super::systemd::pass_listen_env(&bundle) {
        tracing::warn!("cannot pass the LISTEN_* environment to {id}: {e}");
    }
    let sup_opts = supervisor::StartOptions {
        bundle,
        state_dir: state_dir.clone(),
        log: Some(containers::log_target(store, &id)),
        stdin: opts.stdin,
        attach: opts.attach,
        cleanup: supervisor::AfterExit::Container {
            id: id.clone(),
            root: ctx.paths.graph_root.clone(),
            runroot: ctx.paths.run_root.clone(),
        },
        console_size: opts.console_size.filter(|_| opts.attach),
        runtime: rec.runtime.clone(),
    };
    // Before the container can run (and die): `events` lists init, start (attach) before died.
    super::events::container_started(store, rec, opts.attach);
    let started = supervisor::start(&sup_opts);
    if started.is_err() {
        super::network::teardown(&state_dir, &containers::log_path(store, &rec.id));
    }
    let started = match started {
        Ok(s) => s,
        Err(supervisor::Error::Start { message, failure }) => {
            return Err(Error::Process { message, exit_code: failure.exit_code() })
        }
        Err(source) => {
            let log = fs_err::read_to_string(state_dir.join(supervisor::SUPERVISOR_LOG)).unwrap_or_default();
            let e = Error::Supervisor { id, source };
            return Err(match log.trim().lines().last() {
                Some(last) => Error::SupervisorLog { line: last.trim().to_string(), source: Box::new(e) },
                None => e,
            });
        }
    };
    let now = lifecycle::now();
    let pid = started.supervisor.as_raw();
    let marked = store.update_container(&id, |r| {
        match ExitRecord::read(&state_dir) {
            // It has already exited (and perhaps been cleaned up).
            Some(exit) => {
                r.started_at.get_or_insert(now);
                lifecycle::apply_exit(r, &exit);
            }
            None if r.state.can_start() || (r.state == State::Running && r.pid == Some(pid)) => {
                r.state = State::Running;
                r.restart_count = 0;
                r.pid = Some(pid);
                r.started_at = Some(now);
                r.exit_code = None;
                r.finished_at = None;
            }
            None => {}
        }
        Ok::<_, super::Error>(())
    });
    match marked {
        Ok(()) | Err(super::Error::Container(records::Error::NotFound { .. })) => {}
        Err(e) => return Err(e.into()),
    }
    containers::write_pid_files(ctx, store, &id, pid);
    Ok(started)
}

/// What [`restart`] did: how the container stopped, and its start.
#[derive(Debug)]
pub struct Restarted {
    pub stopped: lifecycle::Stopped,
    /// The start after the stop (detached; the container's `-i` gives it a stdin pipe again).
    pub started: Result<Started, Error>,
}

/// `restart`: stops container `rec` if it runs (see [`lifecycle::stop`]: `timeout` seconds
/// after the stop signal), then starts it again, detached. `Err` when the stop failed; a failed
/// start is in [`Restarted::started`], after how the container stopped.
pub fn restart(
    ctx: &Context,
    store: &Store,
    rec: &ContainerRecord,
    timeout: u64,
) -> Result<Restarted, Error> {
    let stopped = lifecycle::stop(ctx, store, rec, timeout)?;
    let started = lifecycle::lookup(ctx, store, &rec.id).map_err(Error::from).and_then(|rec| {
        start(ctx, store, &rec, &StartOptions { attach: false, stdin: rec.interactive, console_size: None })
    });
    super::events::container(store, "restart", rec);
    Ok(Restarted { stopped, started })
}

/// `run` after `create`: starts container `rec`, just created, and when the start fails, cleans
/// up what it left (see [`abandon`]; with `--rm`, the container goes too) before returning the
/// error. With [`StartOptions::attach`], the caller then attaches to [`Started::attach`] (see
/// [`super::attach`]) and, once it ends, calls [`super::attach::finish`] for the exit code.
pub fn run(
    ctx: &Context,
    store: &Store,
    rec: &ContainerRecord,
    opts: &StartOptions,
) -> Result<Started, Error> {
    start(ctx, store, rec, opts).inspect_err(|_| {
        // The supervisor (if it ran; our child) records the exit and runs the cleanup: wait for
        // it, then make sure of both.
        abandon(ctx, store, &rec.id, rec.rm);
    })
}

/// After a [`start`] of a new container failed (`run`): waits for the supervisor, if it ran (it
/// is this process's child, and records the exit and runs the cleanup), makes sure of the
/// cleanup and, with `rm`, removes the container. Best effort: the start's error is the one to
/// report.
pub fn abandon(ctx: &Context, store: &Store, id: &str, rm: bool) {
    if let Some(pid) = lifecycle::read_pid(&run_dir(ctx, id).join(supervisor::SUPERVISOR_PID)) {
        crate::sys::reap(pid);
    }
    let _ = cleanup(ctx, store, id);
    if rm {
        let _ = containers::remove(ctx, store, id, true);
    }
}

/// The supervisor's cleanup of its container `id` (in the supervisor process, after the exit is
/// recorded and sent to the attached clients): [`cleanup`] with the context a skiff command run
/// there would resolve (the store at `root`, run-time state at `runroot`, storage.conf, the
/// events settings; the process is already in skiff's user and mount namespaces, so nothing is
/// joined). It holds no lock on entry; [`cleanup`] takes `containers.lock` for each write, in the
/// order of DESIGN.md, as the `container-cleanup` command does.
pub fn cleanup_after_exit(id: &str, root: PathBuf, runroot: PathBuf) -> Result<(), Error> {
    let driver = super::storage_conf::load().forced_driver();
    let mut ctx = Context::resolve(Some(root), Some(runroot), driver);
    if let Err(e) = super::events::init(&ctx.paths.run_root, None) {
        tracing::warn!("{e}");
    }
    ctx.enter().map_err(super::Error::from)?;
    let store = super::open_store(&ctx)?;
    cleanup(&ctx, &store, id)
}

/// Records the exit from `exit.json`, tears the network down, unmounts the root filesystem and,
/// for `--rm`, removes the container. Idempotent; a container that is gone, or has not exited,
/// is left as it is.
///
/// containers.json is written once: the exit for a kept container; for a `--rm` one, its removal
/// alone ([`containers::remove_exited`]) after the teardown (the supervisor has sent the exit
/// code to the attached clients, `run` and `wait`, before it calls this).
pub fn cleanup(ctx: &Context, store: &Store, id: &str) -> Result<(), Error> {
    let Ok(rec) = store.find_container(id) else { return Ok(()) };
    let Some(exit) = ExitRecord::read(&run_dir(ctx, id)) else { return Ok(()) };
    let first =
        super::events::container_died(store, &run_dir(ctx, id), &rec, exit.exit_code, &exit.finished_at);
    if rec.rm {
        containers::check_exited(&rec, "clean up")?;
        super::network::teardown_container(ctx, store, id);
        containers::unmount_rootfs(store, &rec)?;
        super::pods::after_exit(ctx, store, id);
        return match containers::remove_exited(ctx, store, id) {
            Ok(_) | Err(super::Error::Container(records::Error::NotFound { .. })) => Ok(()),
            Err(e) => Err(e.into()),
        };
    }
    let restarts = crate::runtime::run_dir::RunDir::new(run_dir(ctx, id)).restarts();
    store.update_container(id, |r| {
        lifecycle::apply_exit(r, &exit);
        r.restart_count = restarts;
        Ok::<_, super::Error>(())
    })?;
    super::network::teardown_container(ctx, store, id);
    containers::unmount_rootfs(store, &rec)?;
    super::pods::after_exit(ctx, store, id);
    if first {
        super::events::container(store, "cleanup", &rec);
    }
    Ok(())
}

/// Whether the container's spec gives it a terminal (`-t`).
pub fn has_terminal(store: &Store, id: &str) -> bool {
    let bundle = store.container_dirs(id).bundle;
    oci_spec::runtime::Spec::load(bundle.join("config.json"))
        .ok()
        .and_then(|s| s.process().as_ref().and_then(|p| p.terminal()))
        .unwrap_or(false)
}

/// The supervisor's own log of container `id` (named when it exits without a record).
pub fn supervisor_log(ctx: &Context, id: &str) -> PathBuf {
    run_dir(ctx, id).join(supervisor::SUPERVISOR_LOG)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::containers::tests::{opts, setup};
    use crate::engine::containers::{create, CreateOptions};
    use crate::engine::StorageDriver;

    fn exited(ctx: &Context, id: &str, code: i32) {
        let dir = containers::ensure_run_dir(ctx, id).unwrap();
        let exit = ExitRecord { exit_code: code, finished_at: lifecycle::now(), signal: None };
        fs_err::write(dir.join(supervisor::EXIT_FILE), serde_json::to_vec(&exit).unwrap()).unwrap();
    }

    #[test]
    fn cleanup_records_the_exit_and_removes_an_rm_container() {
        let (_t, ctx, store, _img) = setup(StorageDriver::Vfs);
        let kept = create(&ctx, &store, "r/img:1", opts(), CreateOptions::default()).unwrap();
        let rm = create(&ctx, &store, "r/img:1", opts(), CreateOptions { rm: true, ..Default::default() })
            .unwrap();
        // Nothing recorded yet: nothing changes.
        cleanup(&ctx, &store, &kept.id).unwrap();
        assert_eq!(store.find_container(&kept.id).unwrap().state, State::Created);
        exited(&ctx, &kept.id, 7);
        exited(&ctx, &rm.id, 0);
        cleanup(&ctx, &store, &kept.id).unwrap();
        let r = store.find_container(&kept.id).unwrap();
        assert_eq!((r.state, r.exit_code), (State::Exited, Some(7)));
        cleanup(&ctx, &store, &rm.id).unwrap();
        assert!(store.find_container(&rm.id).is_err());
        // Idempotent, and a container that is gone is not an error.
        cleanup(&ctx, &store, &rm.id).unwrap();
        cleanup(&ctx, &store, &kept.id).unwrap();
        assert!(!has_terminal(&store, &kept.id));
        abandon(&ctx, &store, &kept.id, true);
        assert!(store.find_container(&kept.id).is_err());
    }

    /// The supervisor's cleanup of a `--rm` container that its record still shows running (with
    /// the supervisor's pid: this process) removes it; with another live process's pid (a new
    /// run started meanwhile) it is refused and nothing goes.
    #[test]
    fn cleanup_of_a_running_rm_record_removes_it_only_for_its_own_supervisor() {
        let (_t, ctx, store, _img) = setup(StorageDriver::Vfs);
        let rm = CreateOptions { rm: true, ..Default::default() };
        let mark_running = |id: &str, pid: u32| {
            store
                .update_container(id, |r| {
                    r.state = State::Running;
                    r.pid = Some(pid as i32);
                    Ok::<_, super::super::Error>(())
                })
                .unwrap();
        };
        let own = create(&ctx, &store, "r/img:1", opts(), rm.clone()).unwrap();
        mark_running(&own.id, std::process::id());
        exited(&ctx, &own.id, 3);
        cleanup(&ctx, &store, &own.id).unwrap();
        assert!(store.find_container(&own.id).is_err());
        assert!(!run_dir(&ctx, &own.id).exists());

        let other = create(&ctx, &store, "r/img:1", opts(), rm).unwrap();
        let mut child = std::process::Command::new("sleep").arg("30").spawn().unwrap();
        mark_running(&other.id, child.id());
        exited(&ctx, &other.id, 0);
        let refused = cleanup(&ctx, &store, &other.id);
        let _ = child.kill();
        let _ = child.wait();
        assert!(refused.is_err());
        assert_eq!(store.find_container(&other.id).unwrap().state, State::Running);
        assert!(run_dir(&ctx, &other.id).join(supervisor::EXIT_FILE).exists());
    }
}
