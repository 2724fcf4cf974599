//! The supervisor (conmon's role): one long-lived process per container, the same binary
//! re-executed as the hidden `skiff supervisor`, started by [`start`].
//!
//! What it does, in order: leaves the caller's session (setsid), becomes the child subreaper,
//! blocks the signals it handles and reads them from a signalfd, writes `STATE/supervisor.pid`,
//! binds the attach socket `STATE/attach`, starts the container as its direct child with
//! stdout/stderr pipes (stdin a pipe only when asked, else /dev/null), writes
//! `STATE/container.pid`, sends [`protocol::Ready`] (started, or the start error) over the ready
//! pipe, then polls
//! the pipes, the signalfd, the listening socket and the attached clients until the container has
//! exited and its pipes are drained. It writes the log in k8s-file format, relays SIGTERM, SIGINT,
//! SIGHUP, SIGQUIT, SIGUSR1 and SIGUSR2 to the container, reaps every child (orphans re-parented to
//! it too), records `STATE/exit.json` atomically, sends the exit code to attached clients and
//! returns it; its caller then does what [`AfterExit`] says (for a skiff container, the cleanup
//! in the same process: see `engine::start::cleanup_after_exit`) and exits.
//!
//! Invariants:
//! - Single-threaded and without tokio (poll(2) only), so the container can be cloned from it and
//!   its resident set stays small.
//! - The container gets PR_SET_PDEATHSIG=SIGKILL: a supervisor killed with `kill -9` never leaves
//!   an unsupervised container running (conmon leaves it running; we prefer that nothing runs
//!   that no one records). The kernel clears that setting when the container's init changes its
//!   effective uid/gid, so a container whose process user is not 0 loses it (left for the init).
//! - With `--runtime`, the container is started through the external runtime instead (see
//!   [`super::external`]); it still ends up the supervisor's child, re-parented to the subreaper.
//! - Descriptors: the supervisor owns the read ends of stdout/stderr, the write end of stdin, the
//!   signalfd, the listener and the clients, all close-on-exec; the container owns only fds 0-2.
//!
//! With `process.terminal` in the spec (`-t`), the container opens a pty in its own /dev/pts and
//! sends the master over a socketpair (the console socket, [`linux::message::Console`]; crun's
//! --console-socket does the same);
//! the supervisor then holds the master instead of the pipes: its output is the container's stdout
//! (log and clients), client stdin is written to it, a client's EOF becomes the terminal's EOF
//! character (ctrl-d) rather than a hang-up, and resize frames set its window size (TIOCSWINSZ,
//! which sends the container SIGWINCH). The user's own terminal never reaches the container:
//! its controlling terminal is that pty, in its own session, so TIOCSTI can only push input into
//! the container itself (the escape of CVE-2017-5226, bubblewrap, needs the caller's terminal).
//!
//! Long-running services ([`service`], `bundle/service.json`): after an exit the supervisor
//! restarts the container as its restart policy says (in the same mount and network namespace,
//! the root filesystem still mounted, after a backoff), unless `stop`, `kill` or `rm` marked the
//! exit as the user's (`STATE/stopped-by-user`); only the last exit is recorded. It runs the
//! healthcheck on its own timer ([`health`]: a forked probe that joins the container's namespaces,
//! killed at its timeout) and acts on an unhealthy container (`--health-on-failure`), and it
//! talks sd_notify ([`notify`]). The poll loop's timeout is the next timer (probe, probe
//! timeout, SIGKILL after a stop signal); the probe's output pipe and the container's notify
//! socket are in its poll set, and the probe's child is reaped with the rest.
//!
//! One role per file:
//! - [`protocol`]: the ready report (an [`crate::ipc`] message) and the attach stream ([`frame`],
//!   a byte protocol: every byte of output goes through it);
//! - [`server`]: the supervisor process ([`run`]);
//! - [`launch`]: starting one and waiting for its report ([`start`]);
//! - [`client`]: the attach client ([`attach`], [`attach_with`]);
//! - [`service`], [`health`], [`notify`]: restart policy, healthchecks, sd_notify;
//! - [`memory`]: what the start-up left resident, given back once the container runs.
//!
//! The files of the state directory are [`crate::runtime::run_dir::RunDir`]'s.

pub mod client;
pub mod health;
pub mod launch;
pub mod memory;
pub mod notify;
pub mod protocol;
pub mod server;
pub mod service;

use std::ffi::OsString;
use std::os::fd::OwnedFd;
use std::path::PathBuf;

use nix::errno::Errno;
use nix::fcntl::OFlag;
use nix::sys::signal::Signal;

use super::external;
use super::linux::{self, StartFailure};

pub use super::run_dir::{
    ExitRecord, ATTACH_SOCKET, CONTAINER_PID, EXIT_FILE, SUPERVISOR_LOG, SUPERVISOR_PID,
};
pub use client::{
    attach, attach_signals, attach_with, connect, window_size, AttachOptions, Attached, InputFilter,
};
pub use launch::{inherited_fd, start, StartOptions, Started};
pub use protocol::frame;
pub use server::{k8s_lines, run};
pub use service::Service;

/// Signals relayed to the container.
pub const RELAYED: [Signal; 6] =
    [Signal::SIGTERM, Signal::SIGINT, Signal::SIGHUP, Signal::SIGQUIT, Signal::SIGUSR1, Signal::SIGUSR2];

/// Errors of the supervisor and of [`start`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot write {path}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot open {path}")]
    Open {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot listen on the attach socket {path}")]
    Listen {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot set up the supervisor: {step}")]
    Setup {
        step: &'static str,
        #[source]
        source: Errno,
    },
    #[error(transparent)]
    Runtime(#[from] linux::Error),
    #[error(transparent)]
    External(#[from] external::Error),
    #[error("cannot start the supervisor {exe}")]
    Spawn {
        exe: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot create the attach socket pair")]
    Socketpair(#[source] std::io::Error),
    #[error("the supervisor exited before it reported the container's start (see {log})")]
    NoReport { log: PathBuf },
    #[error("the supervisor's start report cannot be read (see {log})")]
    Report {
        log: PathBuf,
        #[source]
        source: crate::ipc::Error,
    },
    #[error("the supervisor reported an invalid container pid {pid} (see {log})")]
    BadPid { pid: i32, log: PathBuf },
    #[error(transparent)]
    RunDir(#[from] crate::runtime::run_dir::Error),
    /// The container failed before its exec; `message` is its own report.
    #[error("{message}")]
    Start { message: String, failure: StartFailure },
}

/// What the supervisor is told to do (the hidden command's arguments, resolved).
#[derive(Debug)]
pub struct Config {
    pub bundle: PathBuf,
    pub state_dir: PathBuf,
    /// The container's log (k8s-file format).
    pub log: PathBuf,
    /// Give the container a stdin pipe fed by attached clients (else /dev/null).
    pub stdin: bool,
    /// Where to send the [`protocol::Ready`] report (then closed).
    pub ready: Option<OwnedFd>,
    /// A client attached from the start (one end of a socketpair made by [`start`]), so that no
    /// output is missed between the start and a connect.
    pub attached: Option<OwnedFd>,
    /// With a terminal: its window size (rows, columns) before the container's exec.
    pub console_size: Option<(u16, u16)>,
    /// `--runtime`: an external OCI runtime (name or path) instead of the built-in one.
    pub runtime: Option<String>,
}

/// What the supervisor does once the container's exit is recorded and sent to the attached
/// clients ([`run`] returns then; its caller does this, in the supervisor process).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum AfterExit {
    /// Nothing.
    #[default]
    Nothing,
    /// Runs this command and waits for it (`oci-start --cleanup`).
    Command(Vec<OsString>),
    /// Cleans up skiff's container `id` of the store at `root` (run-time state at `runroot`) in
    /// the supervisor process itself: no exec of a cleanup command at each exit (issue 16).
    Container { id: String, root: PathBuf, runroot: PathBuf },
}

/// The container's log, when no other is given.
pub const DEFAULT_LOG: &str = "ctr.log";

pub(super) fn setup<T>(step: &'static str, r: nix::Result<T>) -> Result<T, Error> {
    r.map_err(|source| Error::Setup { step, source })
}

pub(super) fn cloexec_pipe() -> Result<(OwnedFd, OwnedFd), Error> {
    setup("pipe", nix::unistd::pipe2(OFlag::O_CLOEXEC))
}
