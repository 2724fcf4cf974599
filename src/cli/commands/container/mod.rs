//! Container commands, one file each (`run`, `ps`, `rm`, `logs`), the options every command that
//! creates a container shares ([`opts`]), and what they share: starting a created container
//! ([`start`]), the hidden `container-cleanup` the supervisor runs after the container has exited,
//! and refreshing records from `exit.json`.
//!
//! `run` creates the container, mounts its root filesystem in this process's (private) mount
//! namespace and starts a detached supervisor (see [`crate::runtime::supervisor`]), which inherits
//! that namespace and so keeps the mount alive after `run` returns. When the container exits, the
//! supervisor records `exit.json` and runs `skiff container-cleanup ID` in the same namespace: it
//! records the exit, unmounts and, for `--rm`, removes the container.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;
use serde_json::json;

use super::pull::{client_options, runtime, Progress};
use crate::cli::args::{PlatformOpts, RegistryOpts};
use crate::cli::{diag::WithExit, human, printer::Printer, Exit};
use crate::engine::containers;
use crate::engine::{self, Context};
use crate::runtime::supervisor::{self, ExitRecord};
use crate::storage::{ContainerRecord, State, Store};

mod logs;
mod network_args;
mod opts;
mod port;
mod ps;
mod rm;
mod run;

pub use logs::{logs, LogsArgs};
pub use opts::{CreateArgs, PullPolicy};
pub use port::{port, PortArgs};
pub use ps::{ps, PsArgs};
pub use rm::{rm, RmArgs};
pub use run::{run, RunArgs};

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
        log: None,
        stdin,
        attach,
        cleanup,
    };
    let started = supervisor::start(&opts);
    if started.is_err() {
        network_args::teardown(&state_dir);
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
            None if r.state == State::Created => {
                r.state = State::Running;
                r.pid = Some(pid);
                r.started_at = Some(now);
            }
            None => {}
        }
        Ok::<_, engine::Error>(())
    });
    match marked {
        Ok(()) | Err(engine::Error::Container(crate::storage::containers::Error::NotFound { .. })) => {}
        Err(e) => return Err(e.into()),
    }
    Ok(started)
}

fn apply_exit(r: &mut ContainerRecord, exit: &ExitRecord) {
    if r.state == State::Removing {
        return;
    }
    r.state = State::Exited;
    r.exit_code = Some(exit.exit_code);
    r.finished_at = Some(exit.finished_at.clone());
    r.pid = None;
}

/// Records the exit from `exit.json`, unmounts the root filesystem and, for `--rm`, removes the
/// container. Idempotent; a container that is gone is not an error.
fn cleanup_container(ctx: &Context, store: &Store, id: &str) -> anyhow::Result<()> {
    let Ok(rec) = store.find_container(id) else { return Ok(()) };
    let Some(exit) = ExitRecord::read(&containers::run_dir(ctx, id)) else { return Ok(()) };
    store.update_container(id, |r| {
        apply_exit(r, &exit);
        Ok::<_, engine::Error>(())
    })?;
    network_args::teardown(&containers::run_dir(ctx, id));
    containers::unmount_rootfs(store, &rec)?;
    if rec.rm {
        match containers::remove(ctx, store, id, true) {
            Ok(_) => {}
            Err(engine::Error::Container(crate::storage::containers::Error::NotFound { .. })) => {}
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

/// Every container, with running ones whose exit.json exists marked exited first.
fn refreshed(ctx: &Context, store: &Store) -> anyhow::Result<Vec<ContainerRecord>> {
    let all = containers::list(store)?;
    let mut changed = false;
    for c in all.iter().filter(|c| c.state.is_active()) {
        if let Some(exit) = ExitRecord::read(&containers::run_dir(ctx, &c.id)) {
            let _ = store.update_container(&c.id, |r| {
                apply_exit(r, &exit);
                Ok::<_, engine::Error>(())
            });
            changed = true;
        }
    }
    Ok(if changed { containers::list(store)? } else { all })
}

fn read_pid(path: &Path) -> Option<Pid> {
    let pid: i32 = std::fs::read_to_string(path).ok()?.trim().parse().ok()?;
    (pid > 0).then(|| Pid::from_raw(pid))
}

/// Kills a running container (SIGKILL) and waits for its supervisor to record the exit.
fn kill_and_wait(ctx: &Context, store: &Store, rec: &ContainerRecord) -> anyhow::Result<()> {
    let run_dir = containers::run_dir(ctx, &rec.id);
    if let Some(pid) = read_pid(&run_dir.join(supervisor::CONTAINER_PID)) {
        let _ = kill(pid, Signal::SIGKILL);
    }
    let supervisor_pid =
        rec.pid.map(Pid::from_raw).or_else(|| read_pid(&run_dir.join(supervisor::SUPERVISOR_PID)));
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let supervisor_gone = supervisor_pid.is_none_or(|p| kill(p, None).is_err());
        let exited = ExitRecord::read(&run_dir);
        match store.find_container(&rec.id) {
            Err(_) => return Ok(()),
            Ok(r) if !r.state.is_active() && supervisor_gone => return Ok(()),
            Ok(_) if supervisor_gone => {
                let exit = exited.unwrap_or(ExitRecord {
                    exit_code: 137,
                    finished_at: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.9f%:z").to_string(),
                    signal: Some(9),
                });
                store.update_container(&rec.id, |r| {
                    apply_exit(r, &exit);
                    Ok::<_, engine::Error>(())
                })?;
                return Ok(());
            }
            Ok(_) => {}
        }
        if Instant::now() >= deadline {
            anyhow::bail!("container {} did not exit within 10 seconds of SIGKILL", rec.id);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}
