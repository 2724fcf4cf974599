//! OCI bundles without a container record: the supervisor process itself ([`supervise`], the
//! hidden `skiff supervisor` that [`super::start::start`] re-executes), starting a bundle under a
//! supervisor by hand ([`start`], the hidden `skiff oci-start` the tests use), and running one in
//! the foreground with the built-in runtime ([`run`]) or an external one ([`exec_runtime`]), for
//! the hidden `skiff oci-run` the tests compare runtimes with.
//!
//! See [`crate::runtime::supervisor`] for what the supervisor does and owns.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::runtime::supervisor::{self, ExitRecord};

pub use crate::runtime::linux::Status;
pub use crate::runtime::supervisor::{attach, AfterExit, Started};

/// Errors of the supervisor and of starting a bundle.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The container's process could not be started; `exit_code` is 127, 126 or 125.
    #[error("{message}")]
    Process { message: String, exit_code: i32 },
    #[error("cannot start the bundle {}", bundle.display())]
    Start {
        bundle: PathBuf,
        #[source]
        source: supervisor::Error,
    },
    #[error("the supervisor failed")]
    Supervisor(#[source] supervisor::Error),
    #[error("cannot run the bundle {}", bundle.display())]
    Run {
        bundle: PathBuf,
        #[source]
        source: crate::runtime::linux::Error,
    },
    /// The state directory of an external runtime could not be made.
    #[error(transparent)]
    RuntimeState(std::io::Error),
    #[error("cannot run the OCI runtime {runtime:?}")]
    Exec {
        runtime: String,
        #[source]
        source: std::io::Error,
    },
}

/// What the supervisor is told on its command line.
#[derive(Debug, Clone, Default)]
pub struct SupervisorOptions {
    pub bundle: PathBuf,
    pub state_dir: PathBuf,
    /// The container's log (k8s-file format); default `STATE/ctr.log`.
    pub log: Option<PathBuf>,
    /// Give the container a stdin pipe fed by attached clients.
    pub stdin: bool,
    /// The inherited descriptor to report the start on.
    pub ready_fd: Option<i32>,
    /// With a terminal: its window size (rows, columns) before the container's exec.
    pub console_size: Option<(u16, u16)>,
    /// The inherited descriptor of a client attached from the start.
    pub attach_fd: Option<i32>,
    /// An external OCI runtime (name or path) instead of the built-in one.
    pub runtime: Option<String>,
    /// What to do after the exit is recorded.
    pub cleanup: AfterExit,
}

/// Runs the supervisor of a container until it has exited (see [`crate::runtime::supervisor`]),
/// then, in this same process, what [`SupervisorOptions::cleanup`] says (a skiff container's
/// cleanup: [`super::start::cleanup_after_exit`]); returns the container's exit code, which the
/// attached clients have before the cleanup starts. A failed cleanup is logged (the supervisor's
/// log), not returned: the next command that looks at the container finishes it. The descriptors
/// named in `opts` must have been passed to this process for the supervisor to own (by
/// [`super::start::start`]).
pub fn supervise(opts: SupervisorOptions) -> Result<i32, Error> {
    let log = opts.log.unwrap_or_else(|| opts.state_dir.join(supervisor::DEFAULT_LOG));
    let config = supervisor::Config {
        bundle: opts.bundle,
        state_dir: opts.state_dir,
        log,
        stdin: opts.stdin,
        // SAFETY: `start` passes these descriptor numbers open for this process alone, and they
        // are taken here once, before anything else could own them.
        #[allow(unsafe_code)]
        ready: opts.ready_fd.and_then(|fd| unsafe { supervisor::inherited_fd(fd) }),
        // SAFETY: as for `ready`.
        #[allow(unsafe_code)]
        attached: opts.attach_fd.and_then(|fd| unsafe { supervisor::inherited_fd(fd) }),
        console_size: opts.console_size,
        runtime: opts.runtime,
    };
    let code = supervisor::run(config).map_err(Error::Supervisor)?;
    match opts.cleanup {
        AfterExit::Nothing => {}
        AfterExit::Command(argv) => run_cleanup_command(&argv),
        AfterExit::Container { id, root, runroot } => {
            if let Err(e) = super::start::cleanup_after_exit(&id, root, runroot) {
                tracing::warn!("cleaning up container {id}: {}", super::error_chain(&e));
            }
        }
    }
    Ok(code)
}

/// Runs `argv` (a program and its arguments) and waits for it; a failure is logged.
fn run_cleanup_command(argv: &[OsString]) {
    let Some((program, args)) = argv.split_first() else { return };
    match std::process::Command::new(program).args(args).status() {
        Ok(s) if !s.success() => tracing::warn!("the cleanup command {program:?} failed: {s}"),
        Ok(_) => {}
        Err(e) => tracing::warn!("cannot run the cleanup command {program:?}: {e}"),
    }
}

/// How [`start`] starts a bundle.
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    pub bundle: PathBuf,
    pub state_dir: PathBuf,
    pub log: Option<PathBuf>,
    /// Give the container a stdin pipe (`-i`).
    pub stdin: bool,
    /// Attach from the start ([`Started::attach`]); else only start it.
    pub attach: bool,
    /// Run after the exit is recorded.
    pub cleanup: Vec<OsString>,
}

/// Starts a detached supervisor for a bundle (call it single-threaded, inside skiff's user
/// namespace when rootless).
pub fn start(opts: StartOptions) -> Result<Started, Error> {
    let bundle = opts.bundle.clone();
    let opts = supervisor::StartOptions {
        bundle: opts.bundle,
        state_dir: opts.state_dir,
        log: opts.log,
        stdin: opts.stdin,
        attach: opts.attach,
        cleanup: if opts.cleanup.is_empty() { AfterExit::Nothing } else { AfterExit::Command(opts.cleanup) },
        console_size: None,
        runtime: None,
    };
    match supervisor::start(&opts) {
        Ok(s) => Ok(s),
        Err(supervisor::Error::Start { message, failure }) => {
            Err(Error::Process { message, exit_code: failure.exit_code() })
        }
        Err(source) => Err(Error::Start { bundle, source }),
    }
}

/// After an attach to a bundle this process started ended: reaps the supervisor (best effort: it
/// has exited or is about to) and returns the exit code, `code` (what the supervisor sent) else
/// the one recorded in `state_dir`.
pub fn finish(started: &Started, state_dir: &Path, code: Option<i32>) -> Option<i32> {
    let code = code.or_else(|| ExitRecord::read(state_dir).map(|r| r.exit_code));
    crate::sys::reap(started.supervisor);
    code
}

/// The supervisor's own log in `state_dir`.
pub fn supervisor_log(state_dir: &Path) -> PathBuf {
    state_dir.join(supervisor::SUPERVISOR_LOG)
}

/// Runs `bundle` in the foreground with the built-in runtime, with this process's stdio, and
/// returns how the container ended.
pub fn run(bundle: &Path) -> Result<Status, Error> {
    use crate::runtime::linux;
    match linux::run(bundle) {
        Ok(status) => Ok(status),
        Err(linux::Error::Start { message, failure }) => {
            Err(Error::Process { message, exit_code: failure.exit_code() })
        }
        Err(source) => Err(Error::Run { bundle: bundle.to_path_buf(), source }),
    }
}

/// Replaces this process with `RUNTIME --root STATE run --bundle BUNDLE ID`; returns only the
/// error. The state directory lives in skiff's run-time directory because, inside the user
/// namespace, the runtime sees uid 0 and would pick the host's /run.
pub fn exec_runtime(ctx: &super::Context, runtime: &str, bundle: &Path) -> Error {
    let name = Path::new(runtime).file_name().map(|n| n.to_os_string()).unwrap_or_default();
    let state = ctx.paths.run_root.join("oci-runtimes").join(&name);
    if let Err(e) = fs_err::create_dir_all(&state) {
        return Error::RuntimeState(e);
    }
    let id = format!("skiff-oci-{}", std::process::id());
    let argv: Vec<OsString> = vec![
        runtime.into(),
        "--root".into(),
        state.into(),
        "run".into(),
        "--bundle".into(),
        bundle.into(),
        id.into(),
    ];
    Error::Exec { runtime: runtime.to_string(), source: crate::sys::exec_path(&argv) }
}
