//! The engine side of `exec` and `top`: finding a running container and the host pid of its
//! init process, without joining skiff's user namespace (the caller joins the container's), and
//! running a new process in it.
//!
//! `exec` in three steps, each needing the ones before it:
//! 1. [`prepare`]: the container (running), its runtime spec (config.json), the environment
//!    (`--env-file` then `-e`) and the seccomp filter, all read from the initial namespace.
//! 2. [`Exec::enter`]: joins the container's namespaces (single-threaded callers only; from then
//!    on, paths are the container's) and resolves the process against its /etc/passwd and
//!    /etc/group.
//! 3. [`Entered::run`] (plain stdio, or detached), or [`Entered::start_tty`] and
//!    [`TtyExec::relay`] (on a pty in the container): the caller owns the terminal (raw mode,
//!    window size) and hands its descriptors in.

use std::os::fd::{BorrowedFd, OwnedFd};
use std::path::PathBuf;
use std::sync::Arc;

use nix::unistd::Pid;
use oci_spec::runtime::{Process, Spec};

use super::{containers, Context, Error as EngineError};
use crate::runtime::linux::exec::{self as rt, ExecOptions};
use crate::runtime::linux::{container_init, exec_tty};
use crate::runtime::supervisor::ExitRecord;
use crate::runtime::{spec, user};
use crate::storage::{ContainerRecord, State, Store, StoreOptions};

pub use crate::runtime::linux::exec_tty::WindowSize;
pub use crate::runtime::linux::Status;

/// Errors of `exec`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error("cannot read the runtime spec {}", path.display())]
    ReadSpec {
        path: PathBuf,
        #[source]
        source: oci_spec::OciSpecError,
    },
    /// An `--env-file` that cannot be read or parsed, or a process the options make invalid.
    #[error(transparent)]
    Process(#[from] spec::Error),
    #[error(transparent)]
    Seccomp(#[from] container_init::Error),
    #[error("cannot exec in container {id}")]
    Join {
        id: String,
        #[source]
        source: rt::Error,
    },
    /// Starting or waiting for the process failed (a start failure is [`rt::Error::Start`]).
    #[error(transparent)]
    Run(#[from] rt::Error),
    #[error(transparent)]
    Tty(#[from] exec_tty::Error),
}

impl Error {
    /// The exit code podman gives a process that failed before its exec (127 not found, 126
    /// cannot execute, 125 else); `None` for every other error.
    pub fn start_exit_code(&self) -> Option<i32> {
        match self {
            Error::Run(rt::Error::Start { failure, .. })
            | Error::Tty(exec_tty::Error::Exec(rt::Error::Start { failure, .. })) => {
                Some(failure.exit_code())
            }
            _ => None,
        }
    }

    /// What the user can do about this error, for the CLI's `hint:` line.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Engine(e) => e.hint(),
            _ => None,
        }
    }

    /// True when the container is not known.
    pub fn is_not_found(&self) -> bool {
        matches!(self, Error::Engine(e) if e.is_not_found())
    }
}

/// A running container: its record, the host pid of its init and its bundle directory.
#[derive(Debug, Clone)]
pub struct Running {
    pub record: ContainerRecord,
    pub pid: Pid,
    pub bundle: PathBuf,
}

/// The store of `ctx` for reading container records from outside skiff's user namespace (see
/// [`Store::open_for_lookup`]).
pub fn lookup_store(ctx: &Context) -> Result<Arc<Store>, EngineError> {
    ctx.prepare_dirs()?;
    Ok(Arc::new(Store::open_for_lookup(&ctx.paths.graph_root, StoreOptions { rootless: ctx.rootless })))
}

/// The container `key` names, if it runs; else [`EngineError::InvalidState`] with `action` (e.g.
/// "exec in"). A container whose exit is recorded, or whose init is gone, is not running even
/// when its record has not caught up yet.
pub fn running(
    ctx: &Context,
    store: &Store,
    key: &str,
    action: &'static str,
) -> Result<Running, EngineError> {
    let record = containers::lookup(store, key)?;
    let run_dir = containers::run_dir(ctx, &record.id);
    let not_running = |state: State| EngineError::InvalidState { id: record.id.clone(), state, action };
    if !record.state.can_exec() {
        return Err(not_running(record.state));
    }
    if ExitRecord::read(&run_dir).is_some() {
        return Err(not_running(State::Exited));
    }
    let pid = crate::runtime::run_dir::RunDir::new(&run_dir)
        .container_pid()
        .ok()
        .flatten()
        .filter(|p| crate::sys::process_exists(*p))
        .ok_or_else(|| not_running(State::Exited))?;
    let bundle = store.container_dirs(&record.id).bundle;
    Ok(Running { record, pid, bundle })
}

/// What `exec` is asked to run.
#[derive(Debug, Clone, Default)]
pub struct ExecRequest {
    /// The container's name or id.
    pub container: String,
    /// The command and its arguments.
    pub command: Vec<String>,
    /// `--env-file` files, read before `env`.
    pub env_files: Vec<PathBuf>,
    /// `-e` values (`KEY` alone: this process's value).
    pub env: Vec<String>,
    /// `-u USER[:GROUP]`, resolved in the container.
    pub user: Option<String>,
    /// `-w`: absolute; default the container's.
    pub workdir: Option<String>,
    /// `-t`: the process gets a pty (ignored with `detach`).
    pub tty: bool,
    /// `-d`: start the process in the background, nobody waits for it.
    pub detach: bool,
}

/// An `exec` ready to enter its container.
#[derive(Debug)]
pub struct Exec {
    target: Running,
    spec: Spec,
    filter: Option<seccompiler::BpfProgram>,
    opts: ExecOptions,
    detach: bool,
}

/// Step 1: finds the running container and reads what the process needs, from outside it.
pub fn prepare(ctx: &Context, req: &ExecRequest) -> Result<Exec, Error> {
    let store = lookup_store(ctx)?;
    let target = running(ctx, &store, &req.container, "exec in")?;
    let path = target.bundle.join("config.json");
    let spec = Spec::load(&path).map_err(|source| Error::ReadSpec { path, source })?;
    let mut env = Vec::new();
    for file in &req.env_files {
        env.extend(user::read_env_file(file)?);
    }
    env.extend(req.env.iter().cloned());
    let filter = container_init::compile_seccomp(&spec)?;
    let opts = ExecOptions {
        args: req.command.clone(),
        env,
        user: req.user.clone(),
        workdir: req.workdir.clone(),
        tty: req.tty && !req.detach,
    };
    // Written here: once inside the container, the event log is out of reach.
    super::events::container(&store, "exec", &target.record);
    Ok(Exec { target, spec, filter, opts, detach: req.detach })
}

impl Exec {
    /// The container's id.
    pub fn id(&self) -> &str {
        &self.target.record.id
    }

    /// Step 2: joins the container's namespaces and resolves the process there. Must be called
    /// single-threaded, from the initial user namespace (see [`rt::join`]).
    pub fn enter(self) -> Result<Entered, Error> {
        let id = self.target.record.id.clone();
        rt::join(self.target.pid).map_err(|source| Error::Join { id, source })?;
        // Now in the container's mount namespace: its /etc is our /etc.
        let passwd = fs_err::read_to_string("/etc/passwd").ok();
        let group = fs_err::read_to_string("/etc/group").ok();
        let container = self.spec.process().clone().unwrap_or_default();
        let process = rt::exec_process(&container, &self.opts, passwd.as_deref(), group.as_deref(), &|k| {
            std::env::var(k).ok()
        })?;
        Ok(Entered { process, filter: self.filter, tty: self.opts.tty, detach: self.detach })
    }
}

/// An `exec` inside its container's namespaces, its process resolved.
#[derive(Debug)]
pub struct Entered {
    process: Process,
    filter: Option<seccompiler::BpfProgram>,
    tty: bool,
    detach: bool,
}

impl Entered {
    /// True when the process is to run on a pty ([`Entered::start_tty`]).
    pub fn tty(&self) -> bool {
        self.tty
    }

    /// Step 3 without a pty: starts the process with `stdin` (else /dev/null) and this process's
    /// stdout and stderr, and waits for it; detached, returns `None` once it has started.
    pub fn run(self, stdin: Option<OwnedFd>) -> Result<Option<Status>, Error> {
        let stdio = rt::Stdio { stdin, tty: None };
        match rt::spawn(&self.process, self.filter.as_ref(), stdio, self.detach)? {
            Some(s) => Ok(Some(rt::wait(s.pid)?)),
            None => Ok(None),
        }
    }

    /// Step 3 on a pty: starts the process on a new pty of the container, of size `window`.
    pub fn start_tty(self, window: Option<WindowSize>) -> Result<TtyExec, Error> {
        Ok(TtyExec(exec_tty::spawn(&self.process, self.filter.as_ref(), window)?))
    }
}

/// A started `exec -t` process.
#[derive(Debug)]
pub struct TtyExec(exec_tty::Session);

impl TtyExec {
    /// Relays `output` <- the pty and (if given) `input` -> the pty until the process exits;
    /// `window` gives the terminal's size when it changes (SIGWINCH).
    pub fn relay(
        self,
        input: Option<BorrowedFd<'_>>,
        output: BorrowedFd<'_>,
        window: &dyn Fn() -> Option<WindowSize>,
    ) -> Result<Status, Error> {
        Ok(self.0.relay(input, output, window)?)
    }
}
